import { Forbidden, NotFound } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import type { TemplatesContext } from './context.js';
import { assertMayShare, type TemplateFields } from './create-template.js';
import { findVisibleTemplate, updateOwnTemplate } from './repository.js';
import type { PromptTemplateRow } from './schema.js';
import { checkTemplate } from './validate.js';

/**
 * Change the user's own template: the fields given replace the stored ones (`defaults` as a
 * whole). The text and defaults are checked together, as they will be, so a new text cannot keep
 * a default for a placeholder it dropped. Sharing (`shared: true`) is an admin's act; un-sharing
 * is the owner's.
 * @throws NotFound for a template the user cannot see; Forbidden for one shared with them that
 *   they do not own (they can read it, so "not found" would be untrue).
 */
export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: TemplatesContext;
  input: { principal: Principal; id: string; changes: Partial<TemplateFields> };
}): Promise<PromptTemplateRow> {
  const { principal, id, changes } = input;
  const current = await findVisibleTemplate(ctx.db, { userId: principal.userId, orgId: principal.orgId, id });
  if (!current) throw new NotFound('template', id);
  if (current.userId !== principal.userId) throw new Forbidden('only its owner may change a template');
  checkTemplate(changes.text ?? current.text, changes.defaults ?? current.defaults);
  if (changes.shared === true && !current.shared) assertMayShare(principal);
  const updated = await updateOwnTemplate(
    ctx.db,
    { userId: principal.userId, id },
    {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.text !== undefined && { text: changes.text }),
      ...(changes.defaults !== undefined && { defaults: changes.defaults }),
      ...(changes.shared !== undefined && { shared: changes.shared }),
      updatedAt: new Date(),
    },
  );
  // Deleted in between.
  if (!updated) throw new NotFound('template', id);
  return updated;
}
