import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { HistoryTurn, Intent, RefineInput } from '../engine.js';
import { createOfflinePromptEngine } from './engine.js';

const engine = createOfflinePromptEngine();

interface Case {
  prompt: string;
  context?: RefineInput['context'];
  intent: Intent;
  /** The refined prompt is exactly this (edits, enhancements) ... */
  refined?: string;
  /** ... or starts with the subject, as the user wrote it. */
  subject?: string;
  includes?: string[];
  excludes?: string[];
  negativeIncludes?: string[];
  negativeExcludes?: string[];
  reply?: RegExp;
  minConfidence?: number;
}

const previous = { hasPreviousImage: true };

const CASES: Case[] = [
  // generate: filler stripped, subject kept, terms fitted to what is recognised
  {
    prompt: 'Please create a sunset landscape',
    intent: 'generate',
    subject: 'a sunset landscape,',
    includes: ['golden-hour light', 'wide-angle composition'],
    excludes: ['please', 'create'],
    reply: /^Creating a sunset landscape\.$/,
    minConfidence: 0.8,
  },
  {
    prompt: 'Can you make me an image of a cat sleeping on a windowsill, thanks!',
    intent: 'generate',
    subject: 'a cat sleeping on a windowsill,',
    includes: ['wildlife photography'],
    excludes: ['thanks', 'an image of'],
    negativeIncludes: ['extra limbs'],
  },
  {
    prompt: 'I want a picture of my dog playing in the snow please',
    intent: 'generate',
    subject: 'my dog playing in the snow,',
    excludes: ['please', 'I want'],
  },
  {
    prompt: 'Draw me a portrait of an old fisherman',
    intent: 'generate',
    subject: 'a portrait of an old fisherman,',
    includes: ['soft studio lighting', 'shallow depth of field'],
    negativeIncludes: ['deformed hands', 'extra fingers'],
  },
  {
    prompt: 'a neon city street at night in the rain',
    intent: 'generate',
    subject: 'a neon city street at night in the rain,',
    includes: ['wide establishing shot'],
    excludes: ['golden-hour'],
  },
  {
    prompt: 'a city skyline at night',
    intent: 'generate',
    includes: ['neon lights reflecting on wet streets'],
    negativeIncludes: ['warped buildings'],
  },
  {
    prompt: 'a bowl of ramen on a wooden table',
    intent: 'generate',
    includes: ['food photography', 'window light'],
    negativeIncludes: ['unappetizing'],
  },
  {
    prompt: 'an astronaut floating near a nebula',
    intent: 'generate',
    includes: ['space art', 'nebula light'],
    negativeIncludes: ['color banding'],
  },
  { prompt: 'waves crashing on a rocky beach', intent: 'generate', includes: ['seascape photography'] },
  { prompt: 'a misty pine forest', intent: 'generate', includes: ['nature photography'], excludes: ['dappled sunlight'] },
  { prompt: 'a gothic cathedral interior', intent: 'generate', includes: ['architectural photography', 'leading lines'] },
  { prompt: 'abstract geometric shapes', intent: 'generate', includes: ['abstract digital art'], excludes: ['photography'] },
  { prompt: 'a red sports car on a coastal road', intent: 'generate', includes: ['vehicle photography'], negativeIncludes: ['warped wheels'] },
  { prompt: 'a dragon guarding its treasure', intent: 'generate', includes: ['fantasy concept art'] },
  { prompt: 'a cat in space', intent: 'generate', includes: ['space art'], excludes: ['wildlife photography'] },
  // an explicit style is kept and not contradicted
  {
    prompt: 'A watercolor painting of a fox in a snowy forest',
    intent: 'generate',
    subject: 'A watercolor painting of a fox in a snowy forest,',
    includes: ['watercolor washes'],
    excludes: ['photography', '85mm', 'watercolor painting, watercolor'],
    negativeIncludes: ['photorealistic'],
  },
  {
    prompt: 'anime portrait of a girl with silver hair',
    intent: 'generate',
    includes: ['cel shading'],
    excludes: ['85mm lens', 'portrait photography'],
    negativeExcludes: ['cartoon,'],
  },
  {
    prompt: 'pixel art castle on a hill',
    intent: 'generate',
    includes: ['limited color palette'],
    excludes: ['highly detailed', 'photography'],
    negativeExcludes: ['lowres', 'pixelated'],
  },
  {
    prompt: 'a photorealistic portrait of a woman',
    intent: 'generate',
    includes: ['85mm lens'],
    negativeIncludes: ['cartoon', 'illustration'],
    negativeExcludes: ['photorealistic'],
  },
  {
    prompt: 'A black and white photo of an old man at sunset',
    intent: 'generate',
    includes: ['monochrome'],
    excludes: ['golden-hour', 'colors'],
  },
  { prompt: 'a pencil sketch of a lighthouse', intent: 'generate', includes: ['pencil linework'], excludes: ['golden', 'photography'] },
  { prompt: 'paint me a sunset over the sea', intent: 'generate', subject: 'a sunset over the sea, painting,', excludes: ['photography'] },
  { prompt: '3d render of a robot', intent: 'generate', includes: ['global illumination'], excludes: ['3d render, 3d render'] },
  { prompt: 'a blurry photo of a dog running', intent: 'generate', negativeExcludes: ['blurry'] },
  { prompt: 'a poster with the text "Hello World"', intent: 'generate', subject: 'a poster with the text "Hello World",', negativeExcludes: ['text'] },
  { prompt: 'a landscape at golden hour', intent: 'generate', excludes: ['golden-hour light'] },
  // other languages: the subject stays as written, the terms are English
  {
    prompt: 'Por favor, crea una imagen de un gato en la playa',
    intent: 'generate',
    subject: 'un gato en la playa,',
    includes: ['wildlife photography'],
    reply: /^Creando: un gato en la playa\.$/,
  },
  { prompt: 'Dessine-moi un mouton', intent: 'generate', subject: 'un mouton,', reply: /^Création : un mouton\.$/ },
  {
    prompt: 'Erstelle bitte ein Bild von einem Sonnenuntergang über den Bergen',
    intent: 'generate',
    subject: 'einem Sonnenuntergang über den Bergen,',
    includes: ['golden-hour light'],
  },
  { prompt: 'Quero uma imagem de um cachorro na praia', intent: 'generate', subject: 'um cachorro na praia,' },
  { prompt: "Vorrei un'immagine di una città di notte", intent: 'generate', subject: 'una città di notte,', includes: ['neon lights'] },
  { prompt: 'Hazme un dibujo a lápiz de un búho', intent: 'generate', subject: 'un dibujo a lápiz de un búho,', includes: ['pencil linework'] },
  { prompt: '夕焼けの富士山', intent: 'generate', subject: '夕焼けの富士山,' },
  // emoji
  { prompt: '🌅', intent: 'generate', subject: 'sunset,', includes: ['golden-hour light'] },
  { prompt: 'a 🐱 in a 🌲', intent: 'generate', subject: 'a cat in a forest,', includes: ['wildlife photography'] },
  { prompt: '🚀🌌', intent: 'generate', includes: ['space art'] },
  { prompt: '🫠🥲', intent: 'chat', reply: /image description/ },
  // edge cases
  { prompt: '?!...', intent: 'chat', reply: /image description/ },
  { prompt: 'PLEASE CREATE A SUNSET LANDSCAPE', intent: 'generate', subject: 'A SUNSET LANDSCAPE,' },
  { prompt: 'https://example.com/cat.jpg', intent: 'chat', reply: /links/ },
  { prompt: 'draw this https://example.com/cat.png', intent: 'chat', reply: /links/ },
  { prompt: 'a cozy cabin, see https://example.com/ref.jpg for reference', intent: 'generate', subject: 'a cozy cabin,', excludes: ['http'] },
  { prompt: 'Generate an image: a red bicycle leaning on a wall', intent: 'generate', subject: 'a red bicycle leaning on a wall,' },
  { prompt: 'please', intent: 'chat', reply: /What should I create/ },
  { prompt: 'surprise me', intent: 'generate', reply: /here is an idea/ },
  // chat
  { prompt: 'hello!', intent: 'chat', reply: /^Hello! I'm Atelier/ },
  { prompt: 'Hola', intent: 'chat', reply: /^¡Hola! Soy Atelier/ },
  { prompt: 'Bonjour !', intent: 'chat', reply: /^Bonjour ! Je suis Atelier/ },
  { prompt: 'thanks so much!', intent: 'chat', reply: /welcome/ },
  { prompt: 'Danke schön', intent: 'chat', reply: /Gern geschehen/ },
  { prompt: 'What can you do?', intent: 'chat', reply: /descriptions into images/ },
  { prompt: 'Cosa sai fare?', intent: 'chat', reply: /Trasformo descrizioni/ },
  { prompt: 'can you edit photos?', intent: 'chat', reply: /descriptions into images/ },
  { prompt: 'how are you?', intent: 'chat', reply: /doing well/ },
  { prompt: 'What is the capital of France?', intent: 'chat', reply: /general questions/ },
  { prompt: 'no', intent: 'chat', reply: /No problem/ },
  // questions that ask for a picture are requests
  { prompt: 'Can you draw a cat?', intent: 'generate', subject: 'a cat,' },
  { prompt: 'how about a dragon made of clouds?', intent: 'generate', subject: 'a dragon made of clouds,' },
  { prompt: 'What would a castle on Mars look like?', intent: 'generate', subject: 'a castle on Mars,' },
  // edit: the change to make, cleaned up
  { prompt: 'Can you please make it black and white? Thanks', intent: 'edit', refined: 'make it black and white', minConfidence: 0.8 },
  { prompt: 'make it bluer', intent: 'edit', refined: 'make it bluer' },
  { prompt: 'Rotate it 90 degrees', intent: 'edit', refined: 'rotate it 90 degrees' },
  { prompt: 'crop to 16:9', intent: 'edit', refined: 'crop to 16:9' },
  { prompt: 'brighter please', intent: 'edit', refined: 'brighter' },
  { prompt: 'a bit warmer', intent: 'edit', refined: 'a bit warmer' },
  { prompt: 'blur the background', intent: 'edit', refined: 'blur the background', negativeExcludes: ['blurry'] },
  { prompt: 'remove the person on the left', intent: 'edit', refined: 'remove the person on the left' },
  { prompt: 'put a hat on the cat', intent: 'edit', refined: 'put a hat on the cat' },
  { prompt: 'turn it into a watercolor painting', intent: 'edit', refined: 'turn it into a watercolor painting' },
  { prompt: 'same but darker', intent: 'edit', refined: 'same but darker' },
  { prompt: 'I love it! Can you make it warmer?', intent: 'edit', refined: 'make it warmer' },
  { prompt: 'now in watercolor', context: previous, intent: 'edit', refined: 'in watercolor' },
  { prompt: 'Kannst du es schärfer machen?', intent: 'enhance' },
  { prompt: 'thanks! now make the sky purple', intent: 'edit', refined: 'make the sky purple' },
  { prompt: 'Hazlo en blanco y negro', intent: 'edit', refined: 'hazlo en blanco y negro', reply: /^Cambiando tu última imagen/ },
  { prompt: "Rends l'image plus lumineuse", intent: 'edit', refined: "rends l'image plus lumineuse" },
  { prompt: 'Mach es bitte heller', intent: 'edit', refined: 'mach es bitte heller' },
  { prompt: 'Deixe mais claro', intent: 'edit', refined: 'deixe mais claro' },
  { prompt: 'Ruotala di 90 gradi', intent: 'edit', refined: 'ruotala di 90 gradi' },
  // enhance
  { prompt: 'enhance', intent: 'enhance', refined: 'enhance', minConfidence: 0.8 },
  { prompt: 'Please upscale this to 4k', intent: 'enhance', refined: 'upscale this to 4k' },
  { prompt: 'make it sharper and more detailed', intent: 'enhance' },
  { prompt: 'higher resolution please', intent: 'enhance', refined: 'higher resolution' },
  { prompt: 'Mejora la calidad de la imagen', intent: 'enhance', reply: /^Mejorando/ },
  { prompt: 'Améliore la qualité', intent: 'enhance' },
  // an edit word inside a description is a new picture
  { prompt: '4k wallpaper of a mountain lake', intent: 'generate', subject: '4k wallpaper of a mountain lake,' },
  { prompt: 'black and white portrait of a jazz musician', intent: 'generate' },
  { prompt: 'make a paper boat floating on a pond', intent: 'generate', subject: 'a paper boat floating on a pond,' },
];

describe('offline prompt engine', () => {
  it.each(CASES)('$prompt → $intent', async (c) => {
    const result = await engine.refine({ prompt: c.prompt, ...(c.context && { context: c.context }) });

    expect(result.intent).toBe(c.intent);
    expect(result.originalPrompt).toBe(c.prompt);
    expect(result.provider).toBe('offline');
    expect(result.model).toBe('atelier-offline-1');
    expect(result.confidence).toBeGreaterThanOrEqual(c.minConfidence ?? 0.3);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.reply).toBeTruthy();
    if (c.intent === 'chat') {
      expect(result.refinedPrompt).toBe('');
      expect(result.negativePrompt).toBe('');
    } else {
      expect(result.refinedPrompt.length).toBeGreaterThan(0);
      expect(result.negativePrompt.length).toBeGreaterThan(0);
    }
    if (c.refined !== undefined) expect(result.refinedPrompt).toBe(c.refined);
    if (c.subject !== undefined) expect(result.refinedPrompt.startsWith(c.subject)).toBe(true);
    for (const text of c.includes ?? []) expect(result.refinedPrompt).toContain(text);
    for (const text of c.excludes ?? []) expect(result.refinedPrompt.toLowerCase()).not.toContain(text.toLowerCase());
    for (const text of c.negativeIncludes ?? []) expect(result.negativePrompt).toContain(text);
    for (const text of c.negativeExcludes ?? []) expect(result.negativePrompt.split(', ')).not.toContain(text.replace(/,$/, ''));
    if (c.reply) expect(result.reply).toMatch(c.reply);
  });

  it('has at least 40 cases, in six languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(['', '   ', '\n\t  \n'])('rejects a prompt that is empty after trimming (%j)', async (prompt) => {
    const error = await engine.refine({ prompt }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'prompt' }] });
  });

  it('gives the same refinement for the same input, every time', async () => {
    const input: RefineInput = {
      prompt: 'Could you paint me a cozy cabin in a snowy forest at night? 🌲',
      context: { hasPreviousImage: true, history: [turn('hello', 'chat', null, false)] },
    };
    const first = await engine.refine(input);
    const again = await Promise.all([engine.refine(input), createOfflinePromptEngine().refine(structuredClone(input))]);
    for (const result of again) expect(result).toEqual(first);
    expect(await engine.refine({ prompt: 'surprise me' })).toEqual(await engine.refine({ prompt: 'surprise me' }));
  });
});

describe('offline prompt engine: the session context', () => {
  const mountain = 'add a castle to a mountain landscape';

  it('reads an edit verb with a whole new scene as a new picture when there is nothing to edit', async () => {
    const alone = await engine.refine({ prompt: mountain });
    const noImage = await engine.refine({ prompt: mountain, context: { hasPreviousImage: false } });
    const withImage = await engine.refine({ prompt: mountain, context: previous });

    expect(alone.intent).toBe('generate');
    expect(noImage.intent).toBe('generate');
    expect(alone.refinedPrompt).toContain('a castle to a mountain landscape');
    expect(withImage.intent).toBe('edit');
    expect(withImage.refinedPrompt).toBe(mountain);
  });

  it('takes the previous image from the history when the caller does not say', async () => {
    const history = [turn('a snowy mountain', 'generate', 'a snowy mountain, landscape photography', true)];
    const result = await engine.refine({ prompt: mountain, context: { history } });
    expect(result.intent).toBe('edit');
  });

  it('keeps a change that points at an earlier image an edit even without one, less sure and saying so', async () => {
    const withImage = await engine.refine({ prompt: 'make it bluer', context: previous });
    const without = await engine.refine({ prompt: 'make it bluer', context: { hasPreviousImage: false } });

    expect(without.intent).toBe('edit');
    expect(without.refinedPrompt).toBe('make it bluer');
    expect(without.confidence).toBeLessThan(withImage.confidence);
    expect(without.reply).toMatch(/no(ne| image)/);
    expect(withImage.reply).toBe('Changing your latest image: make it bluer.');
  });

  it('says there is nothing to enhance when the conversation has no image', async () => {
    const result = await engine.refine({ prompt: 'enhance it', context: { hasPreviousImage: false } });
    expect(result.intent).toBe('enhance');
    expect(result.reply).toMatch(/no image in this conversation to enhance/);
  });

  it('does not turn a description into an edit because an image exists', async () => {
    const result = await engine.refine({ prompt: 'a lighthouse on a cliff at sunset', context: previous });
    expect(result.intent).toBe('generate');
  });

  it('makes "another one" of the last generated prompt, or asks when there is none', async () => {
    const history = [
      turn('a red fox', 'generate', 'a red fox, wildlife photography', true),
      turn('thanks', 'chat', null, false),
    ];
    const again = await engine.refine({ prompt: 'another one please', context: { history } });
    expect(again).toMatchObject({ intent: 'generate', refinedPrompt: 'a red fox, wildlife photography' });

    const nothing = await engine.refine({ prompt: 'another one' });
    expect(nothing.intent).toBe('chat');
    expect(nothing.reply).toMatch(/no earlier image/);
  });
});

describe('offline prompt engine: long input', () => {
  it('refines a 20,000-character prompt quickly into at most 1000 characters, cut at a word', async () => {
    const scene = 'a quiet harbor town with fishing boats and gulls at dawn';
    const prompt = `Please draw ${`${scene}, `.repeat(400)}`.slice(0, 20_000);
    const started = performance.now();
    const result = await engine.refine({ prompt });
    const took = performance.now() - started;

    expect(took).toBeLessThan(1000);
    expect(result.intent).toBe('generate');
    expect(result.refinedPrompt.length).toBeLessThanOrEqual(1000);
    // The terms survive whole (the subject is shortened, not them) ...
    const short = await engine.refine({ prompt: `Please draw ${scene}` });
    const terms = short.refinedPrompt.slice(scene.length + 2);
    expect(result.refinedPrompt.endsWith(`, ${terms}`)).toBe(true);
    // ... and the subject is the user's text up to a word boundary.
    const subject = result.refinedPrompt.slice(0, -(terms.length + 2));
    const source = prompt.slice('Please draw '.length);
    expect(subject.length).toBeGreaterThan(500);
    expect(source.startsWith(subject)).toBe(true);
    expect(source.charAt(subject.length)).toMatch(/[\s,]/);
  });

  it.each([
    ['punctuation', `${'!'.repeat(19_999)}a`],
    ['one long word', 'x'.repeat(20_000)],
    ['commas before a letter', `${','.repeat(19_999)}a`],
    ['spaces inside', `cat${' '.repeat(19_990)}dog!`],
    ['emoji', '🌅'.repeat(5_000)],
    ['an edit, repeated', 'make it brighter '.repeat(1_200)],
    ['apostrophes', "l'".repeat(10_000)],
  ])('does not stall on %s', async (_name, prompt) => {
    const started = performance.now();
    const result = await engine.refine({ prompt });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.refinedPrompt.length).toBeLessThanOrEqual(1000);
  });

  it('honours a smaller cap', async () => {
    const short = createOfflinePromptEngine({ maxPromptLength: 120 });
    const result = await short.refine({ prompt: 'a very long description of a garden '.repeat(20) });
    expect(result.refinedPrompt.length).toBeLessThanOrEqual(120);
  });
});

function turn(content: string, intent: Intent | null, refinedPrompt: string | null, hasImage: boolean): HistoryTurn {
  return { content, intent, refinedPrompt, hasImage };
}
