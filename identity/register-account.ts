import { sql } from 'drizzle-orm';
import { Conflict, Forbidden } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { IdentityContext } from './context.js';
import { readInvitation } from './invitations.js';
import { issueTokens, type IssuedTokens } from './issue-tokens.js';
import { hashPassword } from './passwords.js';
import { instanceOrganisation } from './repository.js';
import { users, type UserRow } from './schema/index.js';

export interface RegisterAccountInput {
  email: string;
  password: string;
  displayName?: string | undefined;
  /** Required when registration is by invitation (AUTH_REGISTRATION=invite). */
  inviteToken?: string | undefined;
}

/**
 * Make a built-in account. The instance's first account is its admin and owns its organisation;
 * after that AUTH_REGISTRATION decides: `open` (anyone joins the instance's organisation as a
 * user), `invite` (only with an admin's invitation, in its organisation and role), `closed`.
 */
export async function registerAccount({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: RegisterAccountInput;
}): Promise<{ user: UserRow; tokens: IssuedTokens }> {
  const invitation = input.inviteToken ? await readInvitation(ctx, input.inviteToken) : undefined;
  const passwordHash = await hashPassword(input.password);
  const org = invitation ? { id: invitation.orgId } : await instanceOrganisation(ctx.db);

  // One transaction, serialised by an advisory lock, so of two first registrations at once
  // exactly one becomes the admin.
  const user = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('atelier:register'))`);
    const exists = (await tx.select({ id: users.id }).from(users).limit(1)).length > 0;
    if (exists && !invitation && ctx.config.registration !== 'open') {
      throw new Forbidden(
        ctx.config.registration === 'invite'
          ? 'registration is by invitation: ask an admin for an invite token and send it as invite_token'
          : 'registration is closed on this instance: ask an admin for an account',
      );
    }
    const [row] = await tx
      .insert(users)
      .values({
        id: newId(),
        orgId: org.id,
        email: input.email,
        displayName: input.displayName ?? null,
        passwordHash,
        role: !exists ? 'admin' : (invitation?.role ?? 'user'),
        inviteId: invitation?.id ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new Conflict(invitation ? 'this email has an account already, or the invitation was used' : 'this email has an account already: sign in');
    return row;
  });
  ctx.logger.info({ userId: user.id, role: user.role }, 'account registered');
  return { user, tokens: await issueTokens(ctx, user) };
}
