import { NotFound } from '../shared/errors.js';
import type { TemplatesContext } from './context.js';
import { findVisibleTemplate, type Reader } from './repository.js';
import type { PromptTemplateRow } from './schema.js';

/** A template of the user's, or one shared with their organisation; any other is not found. */
export async function getTemplate({
  ctx,
  input,
}: {
  ctx: TemplatesContext;
  input: Reader & { id: string };
}): Promise<PromptTemplateRow> {
  const row = await findVisibleTemplate(ctx.db, input);
  if (!row) throw new NotFound('template', input.id);
  return row;
}
