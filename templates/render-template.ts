import { ValidationFailed, type ErrorDetail } from '../shared/errors.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import type { TemplatesContext } from './context.js';
import { getTemplate } from './get-template.js';
import { fillTemplate, parseTemplate } from './placeholders.js';

/**
 * A template the user may see, rendered with `variables` over its defaults: what a chat message
 * posted as `{template_id, variables}` says. Every placeholder needs a value; a variable the
 * template does not have is refused too (a typo would otherwise be dropped without a word).
 * Errors name `body.variables.<name>`, as the message body gives them.
 * @throws NotFound for an unknown template (or one the user may not see); ValidationFailed for a
 *   missing or unknown variable, or a rendered text that is empty or longer than a message may be.
 */
export async function renderTemplate({
  ctx,
  input,
}: {
  ctx: TemplatesContext;
  input: { userId: string; orgId: string; templateId: string; variables: Readonly<Record<string, string>> };
}): Promise<{ content: string; templateId: string }> {
  const template = await getTemplate({ ctx, input: { userId: input.userId, orgId: input.orgId, id: input.templateId } });
  const parsed = parseTemplate(template.text);
  // Saved texts were checked when saved; one that no longer parses cannot be rendered as meant.
  if (!parsed.ok) throw new ValidationFailed(`the template does not parse: ${parsed.error}`, [{ path: 'body.template_id', message: parsed.error }]);
  const values = { ...template.defaults, ...input.variables };
  const problems: ErrorDetail[] = [
    ...parsed.names
      .filter((name) => values[name] === undefined)
      .map((name) => ({ path: `body.variables.${name}`, message: `missing: the template has {${name}} and no default for it` })),
    ...Object.keys(input.variables)
      .filter((name) => !parsed.names.includes(name))
      .map((name) => ({ path: `body.variables.${name}`, message: `the template has no {${name}} placeholder` })),
  ];
  if (problems.length > 0) {
    const summary = problems.map((problem) => `${(problem.path ?? '').replace('body.', '')}: ${problem.message}`).join('; ');
    throw new ValidationFailed(summary, problems);
  }
  const content = fillTemplate(parsed.parts, values).trim();
  if (content === '' || content.length > MAX_PROMPT_CHARS) {
    const message = content === '' ? 'the rendered template is empty' : `the rendered template is longer than ${MAX_PROMPT_CHARS} characters`;
    throw new ValidationFailed(message, [{ path: 'body.variables', message }]);
  }
  return { content, templateId: template.id };
}
