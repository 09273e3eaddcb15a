import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

/**
 * A local identity provider for tests, speaking what Auth0, Keycloak or Clerk speak to an API:
 * a JWKS document over HTTP (`/.well-known/jwks.json`, with an RS256 and an ES256 key) and the
 * tokens it signs. Tests point AUTH_JWKS_URL at it and mint tokens with whatever claims, times
 * and algorithms a case needs.
 */

export const PROVIDER_ISSUER = 'https://id.test.example/';
export const PROVIDER_AUDIENCE = 'https://atelier.test.example/api';

export interface FakeIdentityProvider {
  jwksUrl: string;
  /** How many times the JWKS document was fetched. */
  fetches(): number;
  /** A token signed with the provider's current key of this algorithm; claims override the defaults. */
  mint(claims: JWTPayload, options?: { alg?: 'RS256' | 'ES256'; expiresIn?: string | number; notBefore?: string | number; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

interface KeyPair {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: Record<string, unknown>;
}

let generation = 0;

async function makeKeys(): Promise<KeyPair[]> {
  generation += 1;
  return Promise.all(
    (['RS256', 'ES256'] as const).map(async (alg) => {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      const kid = `${alg.toLowerCase()}-${generation}`;
      return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
    }),
  );
}

export async function startFakeIdentityProvider(): Promise<FakeIdentityProvider> {
  const keys = await makeKeys();
  let fetched = 0;
  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetched += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetched,
    mint: async (claims, options = {}) => {
      const alg = options.alg ?? 'RS256';
      const key = keys.find((candidate) => candidate.alg === alg) as KeyPair;
      const jwt = new SignJWT({ iss: PROVIDER_ISSUER, aud: PROVIDER_AUDIENCE, ...claims })
        .setProtectedHeader({ alg, kid: options.kid ?? key.kid, typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m');
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
