import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { createLogger } from '../../shared/logger.js';
import { PROVIDER_AUDIENCE, PROVIDER_ISSUER, startFakeIdentityProvider, type FakeIdentityProvider } from '../../shared/testing/fakes/identity-provider.js';
import { startAtelier } from '../system.js';
import { callApi, connectSocket, startTestAtelier, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API2:2023 Broken Authentication. Every way in is tried the way an attacker would: no
 * credential, a forged, expired, unsigned, tampered or revoked one, a stolen refresh token used
 * twice, passwords guessed; and the ways in that must work (accounts, API keys, the identity
 * provider's tokens, the Socket.IO handshake) are shown working.
 */

const PASSWORD = 'correct horse battery staple';
let atelier: TestAtelier;

beforeAll(async () => {
  atelier = await startTestAtelier({}, { captureLogs: true });
});
afterAll(async () => {
  await atelier?.close();
});

const anonymous = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(atelier.url, method, path, body, headers);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('built-in accounts', () => {
  it('the first account is the admin; the next ones are users of the same organisation', async () => {
    const owner = await atelier.api('GET', '/v1/me/');
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ role: 'admin', credential: 'access_token', user: { id: atelier.user.id, role: 'admin' } });
    const second = await atelier.signUp('second');
    const me = await second.api('GET', '/v1/me/');
    expect(me.body).toMatchObject({ role: 'user', user: { role: 'user', org_id: atelier.user.org_id }, organisation: { id: atelier.user.org_id } });
  });

  it('registers once per email, in any case of it', async () => {
    const email = `Casey-${Date.now()}@Test.Example`;
    expect((await anonymous('POST', '/v1/auth/register/', { email, password: PASSWORD })).status).toBe(201);
    const again = await anonymous('POST', '/v1/auth/register/', { email: email.toLowerCase(), password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('refuses a weak or malformed registration with a 400 naming the field', async () => {
    const short = await anonymous('POST', '/v1/auth/register/', { email: 'short@test.example', password: 'seven77' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('body.password');
    const notEmail = await anonymous('POST', '/v1/auth/register/', { email: 'nobody', password: PASSWORD });
    expect(notEmail.body.error.details[0].path).toBe('body.email');
  });

  it('answers an unknown email exactly like a wrong password, and never logs a password', async () => {
    const known = await atelier.signUp('guessed');
    const wrong = await anonymous('POST', '/v1/auth/login/', { email: known.user.email, password: 'not the password' });
    const unknown = await anonymous('POST', '/v1/auth/login/', { email: 'nobody-here@test.example', password: 'not the password' });
    for (const reply of [wrong, unknown]) {
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="atelier"/);
    }
    expect({ ...wrong.body.error, request_id: '' }).toEqual({ ...unknown.body.error, request_id: '' });
    const right = await anonymous('POST', '/v1/auth/login/', { email: known.user.email, password: PASSWORD });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ token_type: 'Bearer', user: { id: known.user.id } });
    expect(JSON.stringify(atelier.logs)).not.toContain(PASSWORD);
    expect(JSON.stringify(atelier.logs)).not.toContain('not the password');
  });

  it('rotates refresh tokens, and a refresh token used twice revokes its whole family', async () => {
    const user = await atelier.signUp('rotating');
    const first = await anonymous('POST', '/v1/auth/refresh/', { refresh_token: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(user.refreshToken);
    expect((await anonymous('GET', '/v1/me/', undefined, bearer(first.body.access_token))).status).toBe(200);

    // The old token again: a thief's copy (or the thief has the new one). Both holders are out.
    const reused = await anonymous('POST', '/v1/auth/refresh/', { refresh_token: user.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('unauthenticated');
    expect((await anonymous('POST', '/v1/auth/refresh/', { refresh_token: first.body.refresh_token })).status).toBe(401);
    // Another sign-in of the same user is another family, untouched.
    const other = await anonymous('POST', '/v1/auth/login/', { email: user.user.email, password: PASSWORD });
    expect((await anonymous('POST', '/v1/auth/refresh/', { refresh_token: other.body.refresh_token })).status).toBe(200);
  });

  it('two refreshes racing with one token: one wins, and the family is revoked', async () => {
    const user = await atelier.signUp('racing');
    const replies = await Promise.all([1, 2].map(() => anonymous('POST', '/v1/auth/refresh/', { refresh_token: user.refreshToken })));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401]);
    const winner = replies.find((reply) => reply.status === 200);
    expect((await anonymous('POST', '/v1/auth/refresh/', { refresh_token: winner?.body.refresh_token })).status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const user = await atelier.signUp('leaving');
    expect((await anonymous('POST', '/v1/auth/logout/', { refresh_token: user.refreshToken })).status).toBe(204);
    expect((await anonymous('POST', '/v1/auth/refresh/', { refresh_token: user.refreshToken })).status).toBe(401);
    // Unknown tokens get the same answer: logout tells nothing about tokens.
    expect((await anonymous('POST', '/v1/auth/logout/', { refresh_token: 'atr_unknown' })).status).toBe(204);
  });
});

describe('access tokens', () => {
  const sessions = '/api/v1/chat/sessions/';

  it('no credential: 401 with WWW-Authenticate, on routes that exist and routes that do not', async () => {
    for (const path of [sessions, '/v1/gallery/', '/internal/v1/dead-letters/', '/v1/nothing-here/']) {
      const reply = await anonymous('GET', path);
      expect(reply.status, path).toBe(401);
      expect(reply.headers.get('www-authenticate'), path).toBe('Bearer realm="atelier"');
      expect(reply.body.error.code).toBe('unauthenticated');
    }
  });

  it('refuses forged, unsigned, tampered, expired and not-yet-valid tokens', async () => {
    const claims = decodeJwt(atelier.token);
    const [header, , signature] = atelier.token.split('.');
    const key = atelier.ctx.identity.signingKey;
    const sign = (payload: Record<string, unknown>, secret: Uint8Array = key) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const forged: Record<string, string> = {
      'alg none': `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, role: 'admin' })}.`,
      'payload changed, signature kept': `${header}.${part({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })}.${signature}`,
      'signed with another key': await sign(claims, new TextEncoder().encode('x'.repeat(32))),
      expired: await sign({ ...claims, iat: 1_000, exp: 2_000 }),
      'not yet valid': await sign({ ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }),
      'another audience': await sign({ ...claims, aud: 'someone-else' }),
      'not a token': 'not.a.token',
    };
    for (const [name, token] of Object.entries(forged)) {
      const reply = await anonymous('GET', sessions, undefined, bearer(token));
      expect(reply.status, name).toBe(401);
      expect(reply.headers.get('www-authenticate'), name).toBe('Bearer realm="atelier", error="invalid_token"');
      // Says what is wrong, never echoes the token or the key.
      expect(reply.body.error.message, name).not.toContain(token.slice(0, 20));
    }
    expect((await anonymous('GET', sessions, undefined, bearer(atelier.token))).status).toBe(200);
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', `Token ${atelier.token}`, `Bearer ${atelier.token} extra`]) {
      expect((await anonymous('GET', sessions, undefined, { authorization })).status, authorization).toBe(401);
    }
  });
});

describe('API keys', () => {
  it('shown once, listed without the secret, acting as their maker, with no more than their role', async () => {
    const user = await atelier.signUp('server');
    const made = await user.api('POST', '/v1/api-keys/', { name: 'render farm' });
    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
    expect(made.body).toMatchObject({ role: 'user', priority: null, revoked_at: null, prefix: made.body.key.slice(0, 12) });
    const listed = await user.api('GET', '/v1/api-keys/');
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: made.body.id, name: 'render farm' })]);

    const me = await anonymous('GET', '/v1/me/', undefined, bearer(made.body.key));
    expect(me.body).toMatchObject({ credential: 'api_key', user: { id: user.user.id } });
    // A user cannot make an admin key, nor choose a lane.
    expect((await user.api('POST', '/v1/api-keys/', { name: 'escalate', role: 'admin' })).status).toBe(403);
    expect((await user.api('POST', '/v1/api-keys/', { name: 'faster', priority: 'high' })).status).toBe(403);
  });

  it('a revoked key stops working at once, on every gateway', async () => {
    const made = await atelier.api('POST', '/v1/api-keys/', { name: 'short-lived' });
    const key = made.body.key as string;
    const gateways = [atelier.url];
    // A second gateway process on the same database and Redis, when the tests have a database server.
    const second = atelier.env.DATABASE_URL
      ? await startAtelier(loadConfig({ ...atelier.env, ATELIER_ROLES: 'gateway', PORT: '0' }), createLogger({ level: 'silent' }), { version: 'test', recovery: false })
      : undefined;
    if (second?.url) gateways.push(second.url);
    else console.warn('[atelier] the second-gateway half of the API key revocation test needs DATABASE_URL (a shared database); it checked one gateway');
    try {
      for (const url of gateways) expect((await callApi(url, 'GET', '/api/v1/chat/sessions/', undefined, bearer(key))).status).toBe(200);
      expect((await atelier.api('DELETE', `/v1/api-keys/${made.body.id}/`)).status).toBe(204);
      for (const url of gateways) {
        const reply = await callApi(url, 'GET', '/api/v1/chat/sessions/', undefined, bearer(key));
        expect(reply.status).toBe(401);
        expect(reply.body.error.message).toMatch(/revoked/);
      }
    } finally {
      await second?.stop();
    }
  });

  it('an unknown key is refused; another user cannot revoke your key (404)', async () => {
    expect((await anonymous('GET', '/v1/me/', undefined, bearer(`atl_${'A'.repeat(43)}`))).status).toBe(401);
    const made = await atelier.api('POST', '/v1/api-keys/', { name: 'mine' });
    const other = await atelier.signUp('other');
    expect((await other.api('DELETE', `/v1/api-keys/${made.body.id}/`)).status).toBe(404);
    expect((await anonymous('GET', '/v1/me/', undefined, bearer(made.body.key))).status).toBe(200);
  });
});

describe('who may register', () => {
  it('closed: only the first account', async () => {
    const closed = await startTestAtelier({ AUTH_REGISTRATION: 'closed' });
    try {
      const reply = await callApi(closed.url, 'POST', '/v1/auth/register/', { email: 'late@test.example', password: PASSWORD });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    } finally {
      await closed.close();
    }
  });

  it('invite: only with an admin\'s invitation, once, in its role', async () => {
    const invite = await startTestAtelier({ AUTH_REGISTRATION: 'invite' });
    try {
      const register = (email: string, invite_token?: string) =>
        callApi(invite.url, 'POST', '/v1/auth/register/', { email, password: PASSWORD, ...(invite_token && { invite_token }) });
      expect((await register('uninvited@test.example')).status).toBe(403);
      const invitation = await invite.api('POST', '/v1/invitations/', { role: 'admin' });
      expect(invitation.status).toBe(201);
      const joined = await register('invited@test.example', invitation.body.invite_token);
      expect(joined.status).toBe(201);
      expect(joined.body.user).toMatchObject({ role: 'admin', org_id: invite.user.org_id });
      expect((await register('again@test.example', invitation.body.invite_token)).status).toBe(409);
      expect((await register('forged@test.example', `${invitation.body.invite_token}x`)).status).toBe(400);
      // Only an admin invites.
      const user = await callApi(invite.url, 'POST', '/v1/auth/register/', {
        email: 'plain@test.example',
        password: PASSWORD,
        invite_token: (await invite.api('POST', '/v1/invitations/', {})).body.invite_token,
      });
      expect((await callApi(invite.url, 'POST', '/v1/invitations/', {}, bearer(user.body.access_token))).status).toBe(403);
    } finally {
      await invite.close();
    }
  });
});

describe('tokens from an identity provider (JWKS)', () => {
  let provider: FakeIdentityProvider;
  let withProvider: TestAtelier;

  beforeAll(async () => {
    provider = await startFakeIdentityProvider();
    withProvider = await startTestAtelier({ AUTH_JWKS_URL: provider.jwksUrl, AUTH_ISSUER: PROVIDER_ISSUER, AUTH_AUDIENCE: PROVIDER_AUDIENCE });
  });
  afterAll(async () => {
    await withProvider?.close();
    await provider?.close();
  });

  const me = (token: string) => callApi(withProvider.url, 'GET', '/v1/me/', undefined, bearer(token));

  it('accepts RS256 and ES256 tokens, and makes the user on first sight, once', async () => {
    const rs = await me(await provider.mint({ sub: 'auth0|alice' }, { alg: 'RS256' }));
    expect(rs.status).toBe(200);
    expect(rs.body).toMatchObject({ credential: 'provider_token', role: 'user', organisation: { id: withProvider.user.org_id } });
    const es = await me(await provider.mint({ sub: 'auth0|alice' }, { alg: 'ES256' }));
    expect(es.body.user.id).toBe(rs.body.user.id);
    // Another subject is another user.
    expect((await me(await provider.mint({ sub: 'auth0|bob' }))).body.user.id).not.toBe(rs.body.user.id);
  });

  it('takes the organisation and the role from the configured claims', async () => {
    const admin = await me(await provider.mint({ sub: 'kc|carol', org_id: 'org_acme', role: 'admin' }));
    expect(admin.body).toMatchObject({ role: 'admin', organisation: { name: 'org_acme' } });
    expect(admin.body.organisation.id).not.toBe(withProvider.user.org_id);
    const colleague = await me(await provider.mint({ sub: 'kc|dave', org_id: 'org_acme', role: ['viewer'] }));
    expect(colleague.body).toMatchObject({ role: 'user', organisation: { id: admin.body.organisation.id } });
  });

  it('refuses alg none, a wrong issuer or audience, expired, not-yet-valid, tampered and foreign tokens', async () => {
    const good = await provider.mint({ sub: 'auth0|alice' });
    const [header, payload, signature] = good.split('.');
    const claims = decodeJwt(good);
    const stranger = await startFakeIdentityProvider();
    try {
      const refused: Record<string, string> = {
        'alg none': `${part({ alg: 'none', typ: 'JWT' })}.${payload}.`,
        'wrong issuer': await provider.mint({ sub: 'auth0|alice', iss: 'https://evil.example/' }),
        'wrong audience': await provider.mint({ sub: 'auth0|alice', aud: 'https://other.example/api' }),
        expired: await provider.mint({ sub: 'auth0|alice' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
        'not yet valid': await provider.mint({ sub: 'auth0|alice' }, { notBefore: Math.floor(Date.now() / 1000) + 3600 }),
        tampered: `${header}.${part({ ...claims, sub: 'auth0|admin' })}.${signature}`,
        'signed by another provider': await stranger.mint({ sub: 'auth0|alice' }),
        'no subject': await provider.mint({}),
        // The provider's public key used as an HMAC secret: the classic algorithm confusion.
        'HS256 with a public key': await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(provider.jwksUrl)),
      };
      for (const [name, token] of Object.entries(refused)) {
        const reply = await me(token);
        expect(reply.status, name).toBe(401);
        expect(reply.body.error.code, name).toBe('unauthenticated');
      }
    } finally {
      await stranger.close();
    }
  });

  it('built-in accounts keep working beside the provider', async () => {
    expect((await withProvider.api('GET', '/v1/me/')).status).toBe(200);
  });
});

describe('tokens minted by another backend (HS256 secret)', () => {
  it('accepts its tokens for the configured issuer and audience, and nothing signed otherwise', async () => {
    const secret = 's'.repeat(40);
    const system = await startTestAtelier({ AUTH_JWT_SECRET: secret, AUTH_ISSUER: 'https://backend.example', AUTH_AUDIENCE: 'atelier' });
    try {
      const mint = (key: string, claims: Record<string, unknown> = {}) =>
        new SignJWT({ sub: 'backend-user-1', ...claims })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('https://backend.example')
          .setAudience('atelier')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(key));
      expect((await callApi(system.url, 'GET', '/v1/me/', undefined, bearer(await mint(secret)))).status).toBe(200);
      expect((await callApi(system.url, 'GET', '/v1/me/', undefined, bearer(await mint('t'.repeat(40))))).status).toBe(401);
    } finally {
      await system.close();
    }
  });
});

describe('the Socket.IO handshake', () => {
  it('is refused without a credential or with a bad one, and accepted with a token or an API key', async () => {
    await expect(connectSocket(atelier.url, undefined)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    await expect(connectSocket(atelier.url, 'not.a.token')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    const socket = await connectSocket(atelier.url, atelier.token);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    const key = (await atelier.api('POST', '/v1/api-keys/', { name: 'socket' })).body.key as string;
    const withKey = await connectSocket(atelier.url, key);
    expect(withKey.connected).toBe(true);
    withKey.disconnect();
  });
});
