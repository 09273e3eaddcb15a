import { NotFound } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { findOrganisation, findUser } from './repository.js';
import type { OrganisationRow, UserRow } from './schema/index.js';

/** The caller: their user, their organisation, and the role and lane this credential acts with. */
export async function getMe({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: { principal: Principal };
}): Promise<{ user: UserRow; organisation: OrganisationRow }> {
  const user = await findUser(ctx.db, input.principal.userId);
  const organisation = user && (await findOrganisation(ctx.db, user.orgId));
  if (!user || !organisation) throw new NotFound('user');
  return { user, organisation };
}
