import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { takeDraft } from '../draft.js';
import { TemplatePicker, type TemplateChoice } from './template-picker.js';

interface ComposerProps {
  /** The image the next prompt edits, when the user chose one. */
  editing: boolean;
  onStopEditing: () => void;
  onPost: (body: { content: string } | TemplateChoice) => Promise<void>;
  textarea: RefObject<HTMLTextAreaElement>;
}

/** The prompt box, and a template picker in its place when the user opens it. */
export function Composer({ editing, onStopEditing, onPost, textarea }: ComposerProps) {
  // A prompt another screen handed over (a recalled image's) starts the box, once.
  const [draft, setDraft] = useState(() => takeDraft() ?? '');
  const [withTemplate, setWithTemplate] = useState(false);
  const [busy, setBusy] = useState(false);
  const post = async (body: { content: string } | TemplateChoice) => {
    setBusy(true);
    await onPost(body);
    setBusy(false);
  };

  const send = async (event: Event) => {
    event.preventDefault();
    const content = draft.trim();
    if (!content) return;
    setDraft('');
    await post({ content });
  };

  return (
    <div class="composer">
      {withTemplate ? (
        <TemplatePicker onPost={post} busy={busy} />
      ) : (
        <form onSubmit={send}>
          <label for="prompt">{editing ? 'Describe the change to this image' : 'Describe an image, or a change to the last one'}</label>
          <textarea
            id="prompt"
            ref={textarea}
            rows={2}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) void send(e);
            }}
          />
          <div class="actions">
            <button type="submit">Send</button>
          </div>
        </form>
      )}
      <div class="actions">
        {editing && (
          <button type="button" onClick={onStopEditing}>
            Stop editing that image
          </button>
        )}
        <button type="button" aria-expanded={withTemplate} onClick={() => setWithTemplate(!withTemplate)}>
          {withTemplate ? 'Write a prompt instead' : 'Use a template'}
        </button>
      </div>
    </div>
  );
}
