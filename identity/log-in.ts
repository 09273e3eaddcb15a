import { Unauthenticated } from '../shared/errors.js';
import type { IdentityContext } from './context.js';
import { issueTokens, type IssuedTokens } from './issue-tokens.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';
import { findUserByEmail } from './repository.js';
import type { UserRow } from './schema/index.js';

/** The one answer to a failed login, whether the email is unknown or the password wrong. */
export const LOGIN_REFUSED = 'the email or the password is wrong';

/**
 * Sign in with email and password. An unknown email costs the same password check as a wrong
 * password and gets the same answer, so neither the answer nor its timing tells which it was.
 * (Repeated failures are slowed before this is called: gateway/middleware/login-throttle.ts.)
 */
export async function logIn({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: { email: string; password: string };
}): Promise<{ user: UserRow; tokens: IssuedTokens }> {
  const user = await findUserByEmail(ctx.db, input.email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !user.passwordHash || !matches) throw new Unauthenticated(LOGIN_REFUSED);
  return { user, tokens: await issueTokens(ctx, user) };
}
