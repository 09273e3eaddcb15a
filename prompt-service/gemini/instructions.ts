import type { Content } from '@google/genai';
import type { HistoryTurn, RefineInput } from '../engine.js';

/** Longest earlier message or prompt quoted in the context; the gist is enough to read a follow-up. */
const QUOTE_CHARS = 300;

/** Tells the model its job: one JSON object that refines the prompt and names the intent. */
export const SYSTEM_INSTRUCTION = `You are the prompt assistant of Atelier, a chat app that makes images. Read the user's newest message in the light of the conversation so far and answer with one JSON object.

Choose the intent:
- "generate": the user wants a new image ("a fox in the snow", "draw a castle at dawn").
- "edit": the user wants a change to the previous image ("make it bluer", "remove the car", "now at night", "add a hat"). An edit always works on the previous image, so it needs one; a short change request right after an image is an edit, not a new picture.
- "enhance": the user wants the previous image itself sharper, more detailed or at a higher resolution, with nothing in it changed ("enhance it", "upscale", "make it sharper").
- "chat": a greeting, thanks, a question or anything else that is not a request for an image. Without a previous image, a bare change request ("make it bluer") is chat: ask what to draw.

Fill the fields:
- refined_prompt: for "generate", a complete image prompt in English (image models follow English best). Keep the user's subject and every detail they gave, including names and quoted text as written, and add what a good image prompt has: medium or style, composition and framing, lighting, colour palette, mood and level of detail. Never swap in a different subject. For "edit", the change to make, stated precisely as an instruction for an image editing model, naming what must stay as it is. For "enhance", what to improve. For "chat", "".
- negative_prompt: what the image should avoid (for example blurry, low quality, watermark, stray text, distorted anatomy), fitted to the request; "" for chat.
- reply: for "chat", the whole answer to the user, friendly and brief, in the language the user wrote in. Otherwise one short sentence in the user's language saying what you are about to make.
- confidence: from 0 to 1, how sure you are of the intent.`;

/**
 * The request's contents: one user turn whose first part describes the conversation so far (the
 * earlier turns with their intents and prompts, and whether an image exists to edit) and whose
 * last part is the new message exactly as the user wrote it.
 */
export function buildContents(input: RefineInput): Content[] {
  return [{ role: 'user', parts: [{ text: describeContext(input) }, { text: input.prompt }] }];
}

function describeContext(input: RefineInput): string {
  const history = input.context?.history ?? [];
  const lines: string[] = [];
  if (history.length === 0) {
    lines.push('This is the first message of the conversation.');
  } else {
    lines.push('The conversation so far, oldest first:');
    history.forEach((turn, index) => lines.push(`${index + 1}. ${describeTurn(turn)}`));
  }
  const hasImage = input.context?.hasPreviousImage ?? (history.length > 0 ? history.some((turn) => turn.hasImage) : undefined);
  lines.push(
    hasImage === undefined
      ? 'Whether a previous image exists is not known.'
      : hasImage
        ? 'A previous image exists: "edit" and "enhance" work on it.'
        : 'There is no previous image: "edit" and "enhance" have nothing to work on.',
  );
  lines.push("The user's newest message is the next part.");
  return lines.join('\n');
}

function describeTurn(turn: HistoryTurn): string {
  const parts = [`The user wrote: ${quote(turn.content)}`];
  if (turn.intent) parts.push(`intent ${turn.intent}`);
  if (turn.refinedPrompt) parts.push(`prompt used: ${quote(turn.refinedPrompt)}`);
  parts.push(turn.hasImage ? 'an image was made' : 'no image was made');
  return parts.join('; ');
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat);
}
