import { useEffect, useRef, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { handDraft } from '../draft.js';

type Recalled = components['schemas']['RecalledParameters'];

/**
 * "What made this image?": upload an image downloaded from Atelier and read back the parameters
 * written in it (`POST /v1/gallery/recall/`, the file as a multipart `file`). Nothing is looked
 * up in the gallery: the answer is what the file says.
 */
export function RecallPanel() {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File>();
  const [recalled, setRecalled] = useState<Recalled>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) fileInput.current?.focus();
  }, [open]);

  const read = async (event: Event) => {
    event.preventDefault();
    if (!file) return setProblem('Choose an image file first.');
    setProblem('');
    setRecalled(undefined);
    setStatus('Reading the file…');
    const form = new FormData();
    form.append('file', file);
    // openapi-fetch sends a FormData as it is (the browser sets the multipart boundary).
    const { data, error } = await api.POST('/v1/gallery/recall/', { body: form as unknown as { file: string } });
    setStatus('');
    if (!data) return setProblem(errorText(error, 'The file could not be read'));
    setRecalled(data);
    setStatus(`Parameters of ${file.name} read`);
  };

  const copy = async (prompt: string) => {
    try {
      await navigator.clipboard.writeText(prompt);
      setStatus('Prompt copied: paste it in the chat');
    } catch {
      setProblem('The browser did not allow copying; select the prompt and copy it.');
    }
  };

  return (
    <section class="recall" aria-labelledby="recall-title">
      <h3 id="recall-title">
        <button type="button" class="link" aria-expanded={open} aria-controls="recall-body" onClick={() => setOpen(!open)}>
          What made this image?
        </button>
      </h3>
      <div id="recall-body" hidden={!open}>
        <form class="inline" onSubmit={read}>
          <label>
            Image downloaded from Atelier
            <input ref={fileInput} type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
          </label>
          <button type="submit">Read its parameters</button>
        </form>
        {problem && <p role="alert" class="problem">{problem}</p>}
        <p role="status" class="status">{status}</p>
        {recalled && <RecalledFacts recalled={recalled} onCopy={copy} />}
      </div>
    </section>
  );
}

function RecalledFacts({ recalled, onCopy }: { recalled: Recalled; onCopy: (prompt: string) => void }) {
  const size = recalled.width && recalled.height ? `${recalled.width} × ${recalled.height}` : null;
  const facts: [string, string | number | null][] = [
    ['Prompt', recalled.prompt],
    ['Refined prompt', recalled.refined_prompt],
    ['Negative prompt', recalled.negative_prompt],
    ['Intent', recalled.intent],
    ['Provider', recalled.provider],
    ['Model', recalled.model],
    ['Seed', recalled.seed],
    ['Size', size],
    ['Atelier version', recalled.atelier_version],
  ];
  return (
    <>
      <dl class="facts" data-testid="recalled">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value === null || value === '' ? '—' : String(value)}</dd>
          </div>
        ))}
      </dl>
      {recalled.prompt && (
        <div class="actions">
          <button type="button" onClick={() => onCopy(recalled.prompt ?? '')}>
            Copy the prompt
          </button>
          <button
            type="button"
            onClick={() => {
              handDraft(recalled.prompt ?? '');
              location.hash = '#/chat';
            }}
          >
            Use this prompt in the chat
          </button>
        </div>
      )}
    </>
  );
}
