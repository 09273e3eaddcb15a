/** The languages the offline engine reads and answers in. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Common words of each language (normalized); words two languages share count for both. */
const MARKERS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'the', 'a', 'an', 'of', 'with', 'and', 'please', 'make', 'create', 'draw', 'it', 'this', 'on', 'is', 'you',
    'me', 'my', 'i', 'image', 'picture', 'thanks', 'thank', 'hello', 'hi', 'can', 'what', 'how', 'some', 'at',
    'for', 'in', 'hey', 'generate', 'photo', 'to', 'are', 'do', 'good', 'no', 'yes', 'ok', 'okay',
  ],
  es: [
    'el', 'los', 'las', 'una', 'del', 'con', 'y', 'por', 'para', 'que', 'quiero', 'crea', 'dibuja', 'hola',
    'gracias', 'imagen', 'puedes', 'como', 'esta', 'este', 'muy', 'sobre', 'hazlo', 'hazme', 'pero', 'un', 'en',
    'es', 'al', 'la', 'de', 'dibujame', 'genera', 'buenos', 'buenas', 'estas', 'puedo', 'haces', 'ayuda', 'favor',
  ],
  fr: [
    'le', 'les', 'une', 'des', 'du', 'avec', 'et', 'pour', 'je', 'tu', 'vous', 'bonjour', 'merci', 'dessine',
    'dessine-moi', 'cree', 'tres', 'sur', 'est', "c'", "l'", "d'", "qu'", "s'", "j'", 'salut', 'ca', 'dans',
    'au', 'un', 'de', 'la', 'fais', 'fais-moi', 'plait', 'peux', 'peux-tu', 'aide', 'moi', 'rends',
  ],
  de: [
    'der', 'die', 'das', 'ein', 'eine', 'einen', 'einem', 'einer', 'mit', 'und', 'fur', 'ich', 'du', 'bitte',
    'danke', 'hallo', 'bild', 'zeichne', 'erstelle', 'mach', 'nicht', 'ist', 'auf', 'im', 'von', 'sehr', 'es',
    'den', 'dem', 'kannst', 'was', 'wie', 'bist', 'hilfe', 'guten', 'tag', 'uber', 'mache',
  ],
  pt: [
    'os', 'uma', 'um', 'do', 'da', 'dos', 'com', 'e', 'para', 'por', 'que', 'voce', 'eu', 'ola', 'oi', 'obrigado',
    'obrigada', 'imagem', 'crie', 'desenhe', 'faca', 'muito', 'nao', 'na', 'no', 'em', 'mais', 'de', 'o', 'quero',
    'pode', 'deixe', 'ajuda', 'tudo', 'bom', 'dia',
  ],
  it: [
    'il', 'lo', 'gli', 'una', "un'", 'del', 'della', 'con', 'e', 'per', 'che', 'io', 'ciao', 'grazie', 'immagine',
    'disegna', 'crea', 'fammi', 'sono', 'molto', 'piu', 'sul', 'nel', 'di', 'la', 'un', 'puoi', 'cosa', 'sai',
    'fare', 'buongiorno', 'rendilo', 'aiuto', 'vorrei', 'voglio',
  ],
};

const WORDS = new Map<string, Language[]>();
for (const language of LANGUAGES) {
  for (const word of MARKERS[language]) WORDS.set(word, [...(WORDS.get(word) ?? []), language]);
}

/** Letters only one language uses: strong evidence. */
const LETTERS: readonly (readonly [RegExp, Language])[] = [
  [/[ñ¿¡]/u, 'es'],
  [/[ßäöü]/u, 'de'],
  [/[ãõ]/u, 'pt'],
  [/[èù]| à /u, 'fr'],
  [/[ìò]|più/u, 'it'],
];

/**
 * The language a message is most likely written in, from its common words and letters, for
 * answering in kind. English when nothing points elsewhere (and on a tie with English).
 * @param words the message's normalized words
 * @param sample the raw text (only its first 2,000 characters are read for letters)
 */
export function detectLanguage(words: readonly string[], sample: string): Language {
  const score: Record<Language, number> = { en: 0, es: 0, fr: 0, de: 0, pt: 0, it: 0 };
  for (const word of words) {
    const languages = WORDS.get(word);
    if (!languages) continue;
    // A word shared by several languages says less about each.
    for (const language of languages) score[language] += 1 / languages.length;
  }
  const head = sample.slice(0, 2000).toLowerCase();
  for (const [letters, language] of LETTERS) {
    if (letters.test(head)) score[language] += 2;
  }
  let best: Language = 'en';
  for (const language of LANGUAGES) {
    if (score[language] > score[best]) best = language;
  }
  return best;
}
