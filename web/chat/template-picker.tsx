import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { TemplateForm } from './template-form.js';

type Template = components['schemas']['Template'];

/** What a template posts: its id and the blanks the user filled (an empty one is left to its default). */
export interface TemplateChoice {
  template_id: string;
  variables: Record<string, string>;
}

/** The template's text as it will be sent: `{name}` filled, `{{` and `}}` as single braces. */
function preview(template: Template, values: Record<string, string>): string {
  return template.text.replace(/\{\{|\}\}|\{([a-z_][a-z0-9_]*)\}/g, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    return values[name as string] || template.defaults[name as string] || match;
  });
}

/**
 * The user's and their organisation's prompt templates (`GET /v1/templates/`): pick one, fill its
 * blanks, each in a labelled input, and post it. The server renders it and names a missing blank.
 */
export function TemplatePicker({ onPost, busy }: { onPost: (choice: TemplateChoice) => Promise<void>; busy: boolean }) {
  const [templates, setTemplates] = useState<Template[]>();
  const [chosenId, setChosenId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void api.GET('/v1/templates/', { params: { query: { limit: 100 } } }).then(({ data, error }) => {
      if (data) setTemplates(data.data);
      else setProblem(errorText(error));
    });
  }, []);

  const chosen = templates?.find((template) => template.id === chosenId);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    const variables = Object.fromEntries(Object.entries(values).filter(([name, value]) => value.trim() && chosen.placeholders.includes(name)));
    await onPost({ template_id: chosen.id, variables });
    setValues({});
  };

  if (problem) return <p role="alert" class="problem">{problem}</p>;
  if (!templates) return <p class="empty">Loading the templates…</p>;
  if (creating) {
    return (
      <TemplateForm
        onCancel={() => setCreating(false)}
        onSaved={(template) => {
          setTemplates([template, ...templates]);
          setChosenId(template.id);
          setValues({});
          setCreating(false);
        }}
      />
    );
  }
  const newTemplate = (
    <button type="button" class="link" onClick={() => setCreating(true)}>
      New template
    </button>
  );
  if (templates.length === 0) {
    return (
      <div class="template-picker">
        <p class="empty">No templates yet.</p>
        {newTemplate}
      </div>
    );
  }
  return (
    <form class="template-picker" onSubmit={submit} aria-label="Post from a template">
      <label for="template-choice">Template</label>
      <select
        id="template-choice"
        value={chosenId}
        onChange={(e) => {
          setChosenId(e.currentTarget.value);
          setValues({});
        }}
      >
        <option value="">Choose a template</option>
        {templates.map((template) => (
          <option value={template.id} key={template.id}>
            {template.name}
            {template.shared && !template.owned ? ' (shared)' : ''}
          </option>
        ))}
      </select>
      {chosen?.placeholders.map((name) => (
        <label key={name}>
          {name.replace(/_/g, ' ')}
          {chosen.defaults[name] === undefined ? '' : ' (optional)'}
          <input
            type="text"
            required={chosen.defaults[name] === undefined}
            placeholder={chosen.defaults[name] ?? ''}
            value={values[name] ?? ''}
            onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
          />
        </label>
      ))}
      {chosen && (
        <>
          <p class="preview" aria-live="polite">
            {preview(chosen, values)}
          </p>
          <button type="submit" disabled={busy}>
            Send "{chosen.name}"
          </button>
        </>
      )}
      {newTemplate}
    </form>
  );
}
