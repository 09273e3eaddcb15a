import { recognise, type Recognised } from './recognise.js';
import { capAtWord, phraseWords } from './text.js';
import { GENERIC, NIGHT_CITY_LIGHTING, type Category, type CategoryKind, type Term } from './vocabulary/categories.js';
import { EDIT_NEGATIVE, ENHANCE_NEGATIVE, GENERAL_NEGATIVE, NEGATIVE_CONFLICTS } from './vocabulary/styles.js';

export interface ImagePrompt {
  prompt: string;
  negative: string;
}

export interface ImagePromptInput {
  /** The subject in the user's words. */
  subject: string;
  /** Its normalized words. */
  subjectWords: readonly string[];
  /** All normalized words of the message: a style said with a verb ("paint me ...") counts. */
  messageWords: readonly string[];
  /** Cap on the refined prompt, in characters. */
  maxLength: number;
}

const MONOCHROME_TERM: Term = { text: 'rich monochrome tones, strong contrast' };

/**
 * The subject, then style, detail, lighting, composition and quality terms fitted to what was
 * recognised, without repeating the prompt or contradicting the style it names. The subject is
 * shortened (at a word) rather than the terms when the whole would pass `maxLength`.
 */
export function buildImagePrompt(input: ImagePromptInput): ImagePrompt {
  const message = recognise(input.messageWords);
  const inSubject = recognise(input.subjectWords);
  const style = message.style;
  const terms: Term[] = [];

  if (style) {
    if (!inSubject.style) terms.push({ text: style.label });
    terms.push(...style.terms);
  } else {
    terms.push(defaultStyle(message.categories));
  }
  const photo = style ? style.photo : terms[0]?.photo === true;
  const monochrome = message.monochrome || style?.monochrome === true;

  for (const category of message.categories.slice(0, 3)) {
    if (category.detail) terms.push(category.detail);
  }
  if (!message.hasLighting) terms.push(lighting(message.categories));
  if (!message.hasComposition) terms.push(composition(message.categories));
  if (message.monochrome && !style?.monochrome) terms.push(MONOCHROME_TERM);
  if (!style?.plain) terms.push({ text: photo ? 'sharp focus, high detail' : 'highly detailed' });

  const said = spoken(input.messageWords);
  const kept = unique(
    terms
      .filter((term) => photo || !term.photo)
      .filter((term) => !monochrome || !term.colour)
      // Each part of "shallow depth of field, 85mm lens" on its own, so what the user said is not repeated.
      .flatMap((term) => term.text.split(', '))
      .filter((part) => !said.has(part)),
  );
  const termText = kept.join(', ');
  const subject = capAtWord(input.subject, Math.max(0, input.maxLength - termText.length - 2));
  const prompt = capAtWord(termText === '' ? subject : `${subject}, ${termText}`, input.maxLength);
  return { prompt, negative: negativePrompt(message, said) };
}

/** The negative prompt of an edit or an enhancement: what the change must not bring. */
export function changeNegative(kind: 'edit' | 'enhance', messageWords: readonly string[]): string {
  const said = spoken(messageWords);
  return (kind === 'edit' ? EDIT_NEGATIVE : ENHANCE_NEGATIVE).filter((term) => !conflicts(term, said)).join(', ');
}

/** An imaginative category's look wins ("a cat in space" is space art), then the subject's, scene's, time of day's. */
function defaultStyle(categories: readonly Category[]): Term {
  const lead = categories.find((category) => category.imaginative && category.style) ?? byKind(categories, 'style');
  return lead?.style ?? GENERIC.style;
}

/** The time of day lights the scene first ("at night" beats "soft studio lighting"), then the setting, the subject. */
function lighting(categories: readonly Category[]): Term {
  const time = categories.find((category) => category.kind === 'time');
  if (time?.id === 'night' && categories.some((category) => category.id === 'city')) return NIGHT_CITY_LIGHTING;
  const lead = time ?? categories.find((category) => category.kind === 'scene') ?? categories[0];
  return lead?.lighting ?? GENERIC.lighting;
}

/** The subject frames the shot; the scene when there is no subject; the time of day when that is all there is. */
function composition(categories: readonly Category[]): Term {
  return byKind(categories, 'composition')?.composition ?? GENERIC.composition;
}

const KIND_ORDER: readonly CategoryKind[] = ['subject', 'scene', 'time'];

/** The first category, subjects before scenes before times of day, that has `field`. */
function byKind(categories: readonly Category[], field: 'style' | 'composition'): Category | undefined {
  for (const kind of KIND_ORDER) {
    const found = categories.find((category) => category.kind === kind && category[field]);
    if (found) return found;
  }
  return undefined;
}

function negativePrompt(recognised: Recognised, said: Spoken): string {
  const terms = [
    ...GENERAL_NEGATIVE,
    ...recognised.categories.flatMap((category) => category.negative),
    ...(recognised.style?.negative ?? []),
  ];
  const wanted = (term: string) => !conflicts(term, said) && !(term === 'text' && recognised.wantsText);
  return unique(terms.filter(wanted)).join(', ');
}

/** Whether the user asked for what a negative term would forbid ("a blurry photo" keeps "blurry" out). */
function conflicts(term: string, said: Spoken): boolean {
  return said.has(term) || (NEGATIVE_CONFLICTS[term] ?? []).some((word) => said.has(word));
}

interface Spoken {
  /** Whether the message contains this phrase, word for word. */
  has(phrase: string): boolean;
}

/** The message's words, to ask whether it already says a phrase. */
function spoken(words: readonly string[]): Spoken {
  const text = ` ${words.join(' ')} `;
  return { has: (phrase) => text.includes(` ${phraseWords(phrase).join(' ')} `) };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
