import { SignJWT, jwtVerify } from 'jose';
import { Forbidden, ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { USER_ROLES, type Principal, type UserRole } from '../shared/principal.js';
import { ATELIER_ISSUER } from './access-tokens.js';
import type { IdentityContext } from './context.js';

/**
 * Invitations: a signed token an admin hands to someone, good for one account (the user row keeps
 * its id under a unique index) in the admin's organisation, with the role the admin chose, until
 * it expires. Nothing is stored until it is used.
 */

const AUDIENCE = 'atelier-invite';

export interface Invitation {
  id: string;
  orgId: string;
  role: UserRole;
  expiresAt: Date;
}

export async function createInvitation({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: { principal: Principal; role: UserRole; expiresInSeconds: number };
}): Promise<{ token: string; invitation: Invitation }> {
  if (input.principal.role !== 'admin') throw new Forbidden('only an admin can invite');
  const id = newId();
  const expiresAt = new Date(Date.now() + input.expiresInSeconds * 1000);
  const token = await new SignJWT({ org: input.principal.orgId, role: input.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ATELIER_ISSUER)
    .setAudience(AUDIENCE)
    .setJti(id)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(ctx.signingKey);
  return { token, invitation: { id, orgId: input.principal.orgId, role: input.role, expiresAt } };
}

export async function readInvitation(ctx: IdentityContext, token: string): Promise<Invitation> {
  try {
    const { payload } = await jwtVerify(token, ctx.signingKey, { issuer: ATELIER_ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { jti, org, role, exp } = payload;
    if (typeof jti !== 'string' || typeof org !== 'string' || !(USER_ROLES as readonly unknown[]).includes(role) || !exp) {
      throw new Error('incomplete invitation');
    }
    return { id: jti, orgId: org, role: role as UserRole, expiresAt: new Date(exp * 1000) };
  } catch {
    throw new ValidationFailed('invite_token: the invitation is not valid or has expired', [
      { path: 'body.invite_token', message: 'the invitation is not valid or has expired' },
    ]);
  }
}
