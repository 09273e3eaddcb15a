import { describe, expect, it } from 'vitest';
import { VOCABULARY } from './vocabulary.js';
import { findTerms, loadLists, normalise, vocabularySize } from './word-list.js';

/** The offline word check: what it catches, in which languages, and what it must leave alone. */

const found = (text: string) => findTerms(text).map((match) => `${match.tier}:${match.term}`);

describe('the offline word check', () => {
  it.each([
    // text, what is found
    ['a nude woman on a beach', ['explicit:nude']],
    ['hardcore porn scene', ['suggestive:hardcore', 'explicit:porn']],
    ['Big-Tits poster', ['explicit:big tits']],
    ['ＰＯＲＮ in full-width letters', ['explicit:porn']],
    ['g_spot', ['explicit:g spot']],
    ['una escena de sexo oral', ['explicit:sexo oral']], // es: the longer phrase wins
    ['eine Frau, die fickt nicht', []], // de: whole words only ("fickt" is not in the list)
    ['ein Porno-Plakat', ['explicit:porno']], // de
    ['une branlette', ['explicit:branlette']], // fr
    ['un pompino', ['explicit:pompino']], // it
    ['um vibrador rosa', ['explicit:vibrador']], // pt
    ['twee mensen neuken', ['explicit:neuken']], // nl
    ['фото: секс на пляже', ['explicit:секс']], // ru
    ['ポルノ画像を作って', ['explicit:ポルノ']], // ja: no spaces, found inside the sentence
    ['画一对做爱的情侣', ['explicit:做爱']], // zh
    ['섹스를 하는 사람들', ['explicit:섹스']], // ko: a particle attached
    ['صورة سكس', ['explicit:سكس']], // ar
    ['a sexy sports car', ['suggestive:sexy']],
    ['a cock crowing at dawn', ['suggestive:cock']], // ambiguous: flags, never blocks
  ])('%j → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // False positives a substring filter would make ("the Scunthorpe problem") …
    'a sunset over Scunthorpe',
    'a cocktail party on a terrace',
    'the assessment of a painting',
    'analysis of grapes and bananas',
    'the pen is mightier than the sword',
    'a class of Essex students',
    'Sussex downs at dawn',
    'a shiitake mushroom',
    'a hancock tower, a dickens novel, a cumulus cloud',
    'a bite of an apple', // "bite" is vulgar in French, not in English
    'bitte ein Bild von einem Hund', // "bitte" too
    // … everyday words in lists of other languages, and words with innocent readings
    'un gato negro en la nieve', // es
    'un pesce rosso e una regina', // it
    'uma cerveja e um frango assado', // pt
    'een kat op een matje naast de pot', // nl
    'I am a cat', // "am" is vulgar in Turkish
    'かわいい女の子とファンタジーの世界', // ja: "girl", "fantasy"
    '女性的肖像，一杯奶茶', // zh: "woman", "milk tea"
    '보지 않은 영화', // ko: "not seen"
    'summa cum laude diploma',
    'a blue tit on a branch',
    'Moby Dick and the whale',
    // mere swearing is not image content
    'a fucking awesome dragon, holy shit',
  ])('finds nothing in %j', (text) => {
    expect(findTerms(text)).toEqual([]);
  });

  it('says which lists a term comes from, once per term, in order of appearance', () => {
    expect(findTerms('porno, nude, porno')).toEqual([
      { term: 'porno', tier: 'explicit', languages: ['en', 'de'] },
      { term: 'nude', tier: 'explicit', languages: ['en'] },
    ]);
  });

  it('uses several hundred terms in more than twenty languages', () => {
    const size = vocabularySize();
    expect(size.explicit).toBeGreaterThan(500);
    expect(size.suggestive).toBeGreaterThan(100);
    expect(Object.keys(VOCABULARY).length).toBeGreaterThan(20);
  });

  it('names only terms that are in the package\'s lists (no typos, nothing the package dropped)', () => {
    const lists = loadLists();
    const missing: string[] = [];
    for (const [language, use] of Object.entries(VOCABULARY)) {
      const list = new Set((lists[language] ?? []).map(normalise));
      const named = use.use === 'list' ? [...use.except, ...use.suggestive] : [...use.explicit, ...use.suggestive];
      for (const term of named) if (!list.has(normalise(term))) missing.push(`${language}: ${term}`);
    }
    expect(missing).toEqual([]);
  });
});
