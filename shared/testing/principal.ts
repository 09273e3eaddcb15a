import { Unauthenticated } from '../errors.js';
import type { Principal } from '../principal.js';

/**
 * For the route tests that build the app around one service: a credential that stands for one
 * user, so those tests need no accounts. The whole system's tests (gateway/test-harness.ts)
 * use real accounts and tokens.
 */
export function testCredential(userId: string, orgId = 'test-org'): {
  authenticate: (token: string) => Promise<Principal>;
  headers: { authorization: string };
} {
  const token = `test-${userId}`;
  return {
    authenticate: async (given) => {
      if (given !== token) throw new Unauthenticated();
      return { userId, orgId, role: 'user', lane: 'normal', via: 'access_token' };
    },
    headers: { authorization: `Bearer ${token}` },
  };
}
