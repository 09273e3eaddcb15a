import { describe, expect, it } from 'vitest';
import { readEmoji } from './emoji.js';
import { detectLanguage } from './language.js';
import { PhraseSet } from './phrases.js';
import { capAtWord, lowerFirstWord, normalizeWord, tokenize, trimPunctuation } from './text.js';

describe('tokenize', () => {
  it.each([
    ['Please, draw me a CAT!', ['please', 'draw', 'me', 'a', 'cat']],
    ["une image d'un chat", ['une', 'image', "d'", 'un', 'chat']],
    ["s’il vous plaît", ["s'", 'il', 'vous', 'plait']],
    ["un'immagine di una città", ["un'", 'immagine', 'di', 'una', 'citta']],
    ['Straße über den Bergen', ['strasse', 'uber', 'den', 'bergen']],
    ['crop to 16:9.', ['crop', 'to', '16:9']],
    ['b&w, dessine-moi', ['b&w', 'dessine-moi']],
    ['¿Qué puedes hacer?', ['que', 'puedes', 'hacer']],
    ['"quoted" (words)', ['quoted', 'words']],
    ['... !!! ---', ['', '']],
  ])('%j → %j', (text, norms) => {
    expect(tokenize(text).map((token) => token.norm)).toEqual(norms);
  });

  it('keeps offsets into the text and marks web addresses', () => {
    const text = 'see https://example.com/a.png now';
    const tokens = tokenize(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['see', 'https://example.com/a.png', 'now']);
    expect(tokens.map((token) => token.url)).toEqual([false, true, false]);
  });
});

describe('normalizeWord', () => {
  it.each([
    ['Crème', 'creme'],
    ['"Hello,"', 'hello'],
    ["l'", "l'"],
    ["po'", 'po'],
    ['schwarz-weiß', 'schwarz-weiss'],
    ['...', ''],
    ['90°', '90'],
  ])('%j → %j', (raw, norm) => {
    expect(normalizeWord(raw)).toBe(norm);
  });
});

describe('capAtWord', () => {
  it.each([
    ['short stays', 'a cat', 10, 'a cat'],
    ['cuts at the last space', 'a red fox in the snow', 12, 'a red fox in'],
    ['drops a trailing comma', 'a fox, in snow', 7, 'a fox'],
    ['cuts mid-word when no space is near', 'abcdefghijklmnop', 5, 'abcde'],
    ['never splits an emoji', `abcd${'🌅'}`, 5, 'abcd'],
  ])('%s', (_name, text, max, expected) => {
    expect(capAtWord(text, max)).toBe(expected);
  });
});

describe('small helpers', () => {
  it.each([
    ['Make it brighter', 'make it brighter'],
    ['NASA at night', 'NASA at night'],
    ['I want', 'I want'],
    ['Über', 'über'],
  ])('lowerFirstWord(%j) → %j', (text, expected) => {
    expect(lowerFirstWord(text)).toBe(expected);
  });

  it.each([
    [' ¡hola! ', 'hola'],
    ['"a cat."', '"a cat."'],
    ['-- a cat --', 'a cat'],
  ])('trimPunctuation(%j) → %j', (text, expected) => {
    expect(trimPunctuation(text)).toBe(expected);
  });
});

describe('PhraseSet', () => {
  const set = new PhraseSet([
    ['black and white', 'bw'],
    ['black', 'colour'],
    ['mountain', 'landscape'],
  ] as const, { plurals: true });

  it.each([
    [['black', 'and', 'white', 'cat'], 0, { index: 0, length: 3, value: 'bw' }],
    [['black', 'cat'], 0, { index: 0, length: 1, value: 'colour' }],
    [['two', 'mountains'], 1, { index: 1, length: 1, value: 'landscape' }],
    [['two', 'cats'], 1, undefined],
  ])('matches the longest phrase: %j at %i', (words, index, expected) => {
    expect(set.matchAt(words, index)).toEqual(expected);
  });

  it('matches backwards for trailing phrases', () => {
    const trailing = new PhraseSet([['thank you', true]], { reversed: true });
    expect(trailing.matchAt(['a', 'cat', 'thank', 'you'], 3)).toEqual({ index: 2, length: 2, value: true });
  });
});

describe('readEmoji', () => {
  it.each([
    ['🌅', 'sunset', 1, 0],
    ['a 🐱‍👤 cat', 'a cat cat', 1, 0],
    ['👩‍🚀 on the moon', 'astronaut on the moon', 1, 0],
    ['🐶🏽🐶', 'dog', 2, 0],
    ['🫠', '', 0, 1],
    ['🇫🇷 flag', 'flag', 0, 0],
  ])('%j reads as %j', (text, words, known, unknown) => {
    const reading = readEmoji(text);
    expect(reading.text.replace(/\s+/g, ' ').trim()).toBe(words);
    expect([reading.known, reading.unknown]).toEqual([known, unknown]);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['draw me a cat in the snow', 'en'],
    ['dibuja un gato en la nieve', 'es'],
    ['dessine un chat dans la neige', 'fr'],
    ['zeichne eine Katze im Schnee', 'de'],
    ['desenhe um gato na neve', 'pt'],
    ['disegna un gatto nella neve', 'it'],
    ['🌅', 'en'],
    ['no', 'en'],
  ])('%j is %s', (text, language) => {
    expect(detectLanguage(tokenize(text).map((token) => token.norm), text)).toBe(language);
  });
});
