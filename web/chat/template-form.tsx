import { useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';

type Template = components['schemas']['Template'];

/**
 * Save a new prompt template (`POST /v1/templates/`): a name and a text whose blanks are written
 * `{name}`. The server checks the braces and says where a wrong one is.
 */
export function TemplateForm({ onSaved, onCancel }: { onSaved: (template: Template) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.POST('/v1/templates/', { body: { name, text } });
    if (data) onSaved(data);
    else setProblem(errorText(error, 'Could not save the template'));
  };
  return (
    <form class="template-form" onSubmit={save} aria-label="New template">
      <label>
        Template name
        <input type="text" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Template text (a blank is a name in braces: {'{subject}'})
        <textarea rows={2} required maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <div class="actions">
        <button type="submit">Save the template</button>
        <button type="button" class="link" onClick={onCancel}>
          Do not save
        </button>
      </div>
    </form>
  );
}
