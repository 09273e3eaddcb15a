import { Forbidden } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import type { TemplatesContext } from './context.js';
import { insertTemplate } from './repository.js';
import type { PromptTemplateRow } from './schema.js';
import { checkTemplate } from './validate.js';

export interface TemplateFields {
  name: string;
  text: string;
  defaults?: Record<string, string> | undefined;
  shared?: boolean | undefined;
}

/**
 * Save a prompt template for the user. Only an organisation's admin may share one with the
 * organisation (`shared: true`): a shared template shows in every member's list, so it is the
 * organisation's voice, like its quotas and members (docs/templates.md).
 * @throws ValidationFailed for a text that does not parse or a default for no placeholder;
 *   Forbidden when a user who is not an admin shares.
 */
export async function createTemplate({
  ctx,
  input,
}: {
  ctx: TemplatesContext;
  input: { principal: Principal; fields: TemplateFields };
}): Promise<PromptTemplateRow> {
  const { principal, fields } = input;
  const defaults = fields.defaults ?? {};
  checkTemplate(fields.text, defaults);
  const shared = fields.shared ?? false;
  if (shared) assertMayShare(principal);
  const now = new Date();
  return insertTemplate(ctx.db, {
    id: newId(),
    userId: principal.userId,
    orgId: principal.orgId,
    name: fields.name,
    text: fields.text,
    defaults,
    shared,
    createdAt: now,
    updatedAt: now,
  });
}

/** Sharing with the organisation is an admin's act. */
export function assertMayShare(principal: Principal): void {
  if (principal.role !== 'admin') throw new Forbidden("only an organisation's admin may share a template with it");
}
