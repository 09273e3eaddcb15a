import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, startTestAtelier, type TestAtelier, type TestUser } from '../test-harness.js';

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: mass assignment (fields a client
 * must not set, sent anyway, change nothing) and excessive data exposure (no answer carries a
 * secret, a hash or another user's data).
 */

let atelier: TestAtelier;
let mallory: TestUser;
let victim: TestUser;

beforeAll(async () => {
  atelier = await startTestAtelier();
  victim = await atelier.signUp('victim');
  mallory = await atelier.signUp('mallory');
});
afterAll(async () => {
  await atelier?.close();
});

/** Ownership and privilege fields an attacker would try to set. */
const smuggled = () => ({
  user_id: victim.user.id,
  org_id: '00000000-0000-7000-8000-000000000001',
  role: 'admin',
  priority: 'high',
  lane: 'high',
  is_nsfw: false,
  status: 'DONE',
  sequence: 999,
});

describe('fields a client must not set', () => {
  it('a registration cannot choose its role or organisation', async () => {
    const reply = await callApi(atelier.url, 'POST', '/v1/auth/register/', { email: `mass-${Date.now()}@test.example`, password: 'correct horse battery staple', ...smuggled() });
    // Fields a body does not take are dropped: the account is made, as a plain user of the instance.
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ role: 'user', priority: 'normal', org_id: atelier.user.org_id });
  });

  it('a session is the caller\'s, whatever the body says', async () => {
    const reply = await mallory.api('POST', '/api/v1/chat/sessions/', { title: 'mine', ...smuggled() });
    expect(reply.status).toBe(201);
    expect((await mallory.api('GET', `/api/v1/chat/sessions/${reply.body.id}/`)).status).toBe(200);
    expect((await victim.api('GET', `/api/v1/chat/sessions/${reply.body.id}/`)).status).toBe(404);
  });

  it('a message runs in the caller\'s lane, as the caller, and starts PENDING', async () => {
    const session = (await mallory.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const reply = await mallory.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'hello!', ...smuggled() });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ status: 'PENDING', sequence: 1 });
    expect(reply.body.lane).toBe('normal');
    expect((await victim.api('GET', `/api/v1/chat/sessions/${session}/messages/${reply.body.id}/`)).status).toBe(404);
  });

  it('a gallery record is the caller\'s, and cannot clear a moderation flag', async () => {
    const reply = await mallory.api('POST', '/v1/gallery/', {
      url: 'https://images.example/x.png',
      prompt: 'x',
      width: 8,
      height: 8,
      format: 'png',
      ...smuggled(),
      is_nsfw: undefined,
    });
    expect(reply.status).toBe(201);
    expect((await victim.api('GET', `/v1/gallery/${reply.body.id}/`)).status).toBe(404);
    expect(JSON.stringify((await victim.api('GET', '/v1/gallery/')).body)).not.toContain(reply.body.id);
  });

  it('an API key cannot be given a higher role or lane than its maker\'s', async () => {
    expect((await mallory.api('POST', '/v1/api-keys/', { name: 'k', role: 'admin' })).status).toBe(403);
    expect((await mallory.api('POST', '/v1/api-keys/', { name: 'k', priority: 'high' })).status).toBe(403);
    const made = await mallory.api('POST', '/v1/api-keys/', { name: 'k', user_id: victim.user.id, org_id: smuggled().org_id });
    expect(made.status).toBe(201);
    const me = await callApi(atelier.url, 'GET', '/v1/me/', undefined, { authorization: `Bearer ${made.body.key}` });
    expect(me.body).toMatchObject({ user: { id: mallory.user.id }, role: 'user', priority: 'normal' });
  });
});

describe('what answers show', () => {
  it('never a password, a hash, a refresh token of someone else, or an API key after it was made', async () => {
    const key = (await mallory.api('POST', '/v1/api-keys/', { name: 'shown once' })).body.key as string;
    const answers = await Promise.all([
      mallory.api('GET', '/v1/me/'),
      mallory.api('GET', '/v1/api-keys/'),
      callApi(atelier.url, 'POST', '/v1/auth/login/', { email: mallory.user.email, password: 'correct horse battery staple' }),
    ]);
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/password|hash|scrypt/i);
      expect(text).not.toContain(key);
      expect(text).not.toContain(victim.refreshToken);
    }
  });
});
