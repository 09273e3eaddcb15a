import type { GenerateRequest } from '../ports.js';

/** Text-to-image: the prompt, then what to keep out of the picture. */
export function generateText(request: Pick<GenerateRequest, 'prompt' | 'negativePrompt'>): string {
  const avoid = request.negativePrompt?.trim();
  return avoid ? `${request.prompt}\n\nAvoid: ${avoid}` : request.prompt;
}

/** An edit of the attached image: the change, and that nothing else should move. */
export function editText(instruction: string): string {
  return `Edit the attached image: ${instruction.trim()}\nChange only what this asks for; keep the subject, composition, style and colours otherwise as they are.`;
}

/** An enhancement of the attached image: the same picture, better, never a different one. */
export function enhanceText(instruction?: string): string {
  const base =
    'Enhance the attached image: make a sharper, more detailed, higher-resolution version of it. Keep its content, composition, colours and style exactly as they are; add, remove or move nothing.';
  const extra = instruction?.trim();
  return extra ? `${base}\nAlso: ${extra}` : base;
}
