/**
 * A prompt handed from one screen to the chat's composer ("Use this prompt" on a recalled
 * image): kept in this tab's sessionStorage until the composer takes it, once.
 */
const DRAFT_KEY = 'atelier.draft';

export function handDraft(prompt: string): void {
  sessionStorage.setItem(DRAFT_KEY, prompt);
}

export function takeDraft(): string | undefined {
  const draft = sessionStorage.getItem(DRAFT_KEY) ?? undefined;
  sessionStorage.removeItem(DRAFT_KEY);
  return draft;
}
