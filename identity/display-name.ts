import { eq } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { isUuid } from '../shared/ids.js';
import { users } from './schema/index.js';

/**
 * A user's display name, and nothing else of them: what a public share link may show of its
 * owner. Null when they set none, or no such user (a provider's user id that is not a UUID).
 */
export async function findDisplayName({ ctx, input }: { ctx: { db: Database }; input: { userId: string } }): Promise<string | null> {
  if (!isUuid(input.userId)) return null;
  const [row] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, input.userId));
  return row?.displayName ?? null;
}
