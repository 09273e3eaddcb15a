import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { newId } from '../shared/ids.js';
import { apiKeys, organisations, users, type OrganisationRow, type UserRow } from './schema/index.js';

/** The identity tables' queries. Lookups by a credential return null rather than throw: the caller decides what that means. */

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUser(db: Database, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findOrganisation(db: Database, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** The instance's own organisation, made the first time it is asked for. */
export async function instanceOrganisation(db: Database): Promise<OrganisationRow> {
  await db.insert(organisations).values({ id: newId(), name: 'Atelier', isInstance: true }).onConflictDoNothing();
  const [row] = await db.select().from(organisations).where(eq(organisations.isInstance, true));
  if (!row) throw new Error('the instance organisation could not be read back');
  return row;
}

/** An identity provider's organisation, made the first time one of its users is seen. */
export async function providerOrganisation(db: Database, externalId: string): Promise<OrganisationRow> {
  await db.insert(organisations).values({ id: newId(), name: externalId, externalId }).onConflictDoNothing();
  const [row] = await db.select().from(organisations).where(eq(organisations.externalId, externalId));
  if (!row) throw new Error('the organisation could not be read back');
  return row;
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

/** The API key with this hash, with the user who made it, unless it was revoked. */
export async function findLiveApiKey(db: Database, keyHash: string) {
  const [row] = await db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}
