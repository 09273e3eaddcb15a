import { Forbidden, NotFound } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import type { TemplatesContext } from './context.js';
import { assertMayShare, type TemplateFields } from './create-template.js';
import { findVisibleTemplate, updateOwnTemplate } from './repository.js';
import type { PromptTemplateRow } from './schema.js';
import { parseTemplate } from './placeholders.js';
import { checkTemplate } from './validate.js';

/**
 * Change the user's own template: the fields given replace the stored ones (`defaults` as a
 * whole). A new text given without defaults keeps the stored defaults of the placeholders it
 * still has (the others are dropped); defaults given must each name a placeholder of the text. Sharing (`shared: true`) is an admin's act; un-sharing
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
  if (Object.values(changes).every((value) => value === undefined)) return current;
  // A new text without new defaults keeps the defaults of the placeholders it still has; defaults
  // given are checked against the text, as at creation.
  const text = changes.text ?? current.text;
  const defaults = changes.defaults ?? keptDefaults(current.defaults, text);
  checkTemplate(text, defaults);
  if (changes.shared === true && !current.shared) assertMayShare(principal);
  const updated = await updateOwnTemplate(
    ctx.db,
    { userId: principal.userId, id },
    {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.text !== undefined && { text: changes.text }),
      ...((changes.defaults !== undefined || changes.text !== undefined) && { defaults }),
      ...(changes.shared !== undefined && { shared: changes.shared }),
      updatedAt: new Date(),
    },
  );
  // Deleted in between.
  if (!updated) throw new NotFound('template', id);
  return updated;
}

/** The stored defaults of the placeholders a new text still has. */
function keptDefaults(defaults: Readonly<Record<string, string>>, text: string): Record<string, string> {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return {};
  return Object.fromEntries(Object.entries(defaults).filter(([name]) => parsed.names.includes(name)));
}
