import { and, eq } from 'drizzle-orm';
import { newId } from '../shared/ids.js';
import type { IdentityContext } from './context.js';
import type { ProviderIdentity } from './provider-tokens.js';
import { instanceOrganisation, providerOrganisation } from './repository.js';
import { users, type UserRow } from './schema/index.js';

const KNOWN_LIMIT = 10_000;
/** How long a looked-up user is reused: an admin's change of their lane reaches them within this. */
const KNOWN_TTL_MS = 60_000;

/**
 * The Atelier user of a provider's token, made the first time the provider's user is seen, in
 * the organisation the token names (made on first sight too) or else the instance's.
 */
export async function userOfProvider(ctx: IdentityContext, identity: ProviderIdentity): Promise<UserRow> {
  const cacheKey = `${identity.issuer}\u0000${identity.subject}`;
  const known = ctx.knownProviderUsers;
  const cached = known.get(cacheKey);
  if (cached && cached.at > Date.now() - KNOWN_TTL_MS) return cached.user;

  const where = and(eq(users.externalIssuer, identity.issuer), eq(users.externalSubject, identity.subject));
  let [user] = await ctx.db.select().from(users).where(where);
  if (!user) {
    const org = identity.org ? await providerOrganisation(ctx.db, identity.org) : await instanceOrganisation(ctx.db);
    await ctx.db
      .insert(users)
      .values({
        id: newId(),
        orgId: org.id,
        displayName: identity.name ?? null,
        role: identity.role,
        externalIssuer: identity.issuer,
        externalSubject: identity.subject,
      })
      .onConflictDoNothing();
    [user] = await ctx.db.select().from(users).where(where);
    if (!user) throw new Error('the provider user could not be read back');
    ctx.logger.info({ userId: user.id, issuer: identity.issuer }, 'made a user for a provider token seen for the first time');
  }
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(cacheKey, { user, at: Date.now() });
  return user;
}
