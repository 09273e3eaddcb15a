import type { Page } from '../shared/pagination.js';
import type { TemplatesContext } from './context.js';
import { listVisibleTemplates, type Reader } from './repository.js';
import type { PromptTemplateRow } from './schema.js';

/** The user's own templates and their organisation's shared ones, newest first, a page at a time. */
export async function listTemplates({
  ctx,
  input,
}: {
  ctx: TemplatesContext;
  input: Reader & { limit: number; cursor?: string | undefined };
}): Promise<Page<PromptTemplateRow>> {
  return listVisibleTemplates(ctx.db, input);
}
