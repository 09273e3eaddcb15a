import type { IdentityContext } from './context.js';
import { countUsers } from './repository.js';

/** How many users the instance has (the start banner says how to make the first). */
export async function countAccounts({ ctx }: { ctx: IdentityContext }): Promise<number> {
  return countUsers(ctx.db);
}
