import { Forbidden, NotFound } from '../shared/errors.js';
import type { TemplatesContext } from './context.js';
import { deleteOwnTemplate, findVisibleTemplate, type Reader } from './repository.js';

/**
 * Delete the user's own template. Messages rendered from it keep their text.
 * @throws NotFound for a template the user cannot see; Forbidden for one shared with them that
 *   they do not own.
 */
export async function deleteTemplate({ ctx, input }: { ctx: TemplatesContext; input: Reader & { id: string } }): Promise<void> {
  if (await deleteOwnTemplate(ctx.db, input)) return;
  if (await findVisibleTemplate(ctx.db, input)) throw new Forbidden('only its owner may delete a template');
  throw new NotFound('template', input.id);
}
