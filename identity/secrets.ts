import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { instanceSecrets } from './schema/index.js';

/**
 * A secret of this instance, made on first use and kept in the database, so every gateway and
 * worker of the instance agrees on it without a setting. The first process to make it wins.
 */
export async function loadInstanceSecret(db: Database, name: string): Promise<Uint8Array> {
  await db
    .insert(instanceSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`instance secret ${name} could not be read back`);
  return Buffer.from(row.value, 'base64url');
}
