import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_AUDIENCE, PROVIDER_ISSUER, startFakeIdentityProvider, type FakeIdentityProvider } from '../shared/testing/fakes/identity-provider.js';
import { callApi, recordMessageEvents, startTestAtelier, type ApiResponse, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Prompt templates (issue 8, "Sessions and templates"): CRUD, sharing with the organisation, who
 * sees and changes what, and chat messages posted as `{template_id, variables}`. The instance's
 * first account (its admin) and a member are organisation A; organisation B comes from an
 * identity provider's token.
 */

type Api = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

let atelier: TestAtelier;
let provider: FakeIdentityProvider;
let member: TestUser;
let outsider: Api;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;

beforeAll(async () => {
  provider = await startFakeIdentityProvider();
  atelier = await startTestAtelier({ AUTH_JWKS_URL: provider.jwksUrl, AUTH_ISSUER: PROVIDER_ISSUER, AUTH_AUDIENCE: PROVIDER_AUDIENCE });
  member = await atelier.signUp('member');
  const token = await provider.mint({ sub: 'b-admin', org_id: 'org-b', role: 'admin' }, { expiresIn: '1h' });
  outsider = (method, path, body) => callApi(atelier.url, method, path, body, { authorization: `Bearer ${token}` });
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
});

afterAll(async () => {
  await atelier?.close();
  await provider?.close();
});

const landscape = { name: 'Landscape', text: 'a {subject} at {time}, {{wide}} shot', defaults: { time: 'dusk' } };

describe('POST /v1/templates/', () => {
  it('saves a template and answers it with its placeholders', async () => {
    const created = await atelier.api('POST', '/v1/templates/', landscape);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...landscape,
      placeholders: ['subject', 'time'],
      shared: false,
      owned: true,
    });
    expect((await atelier.api('GET', `/v1/templates/${created.body.id}/`)).body).toEqual(created.body);
  });

  it.each([
    ['an unparseable text', { name: 'x', text: 'a {Subject}' }, 'body.text'],
    ['a lone brace', { name: 'x', text: 'a } b' }, 'body.text'],
    ['a default for no placeholder', { name: 'x', text: 'a {subject}', defaults: { sujet: 'cat' } }, 'body.defaults.sujet'],
    ['a bad default name', { name: 'x', text: 'a {subject}', defaults: { 'Bad Name': 'cat' } }, 'body.defaults'],
    ['no name', { text: 'a {subject}' }, 'body.name'],
    ['an empty text', { name: 'x', text: '' }, 'body.text'],
    ['shared not a boolean', { name: 'x', text: 'a', shared: 'yes' }, 'body.shared'],
  ])('refuses %s with a 400 naming the field', async (_, body, path) => {
    const reply = await atelier.api('POST', '/v1/templates/', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.details.map((detail: { path: string }) => detail.path).join(' ')).toContain(path);
  });

  it("lets only an organisation's admin share", async () => {
    const refused = await member.api('POST', '/v1/templates/', { ...landscape, shared: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const shared = await atelier.api('POST', '/v1/templates/', { ...landscape, name: 'House style', shared: true });
    expect(shared.status).toBe(201);
    expect(shared.body.shared).toBe(true);
  });
});

describe('who sees and changes a template', () => {
  let mine: string;
  let shared: string;
  let theirs: string;

  beforeAll(async () => {
    mine = (await atelier.api('POST', '/v1/templates/', { name: 'Mine', text: 'private {thing}' })).body.id;
    shared = (await atelier.api('POST', '/v1/templates/', { name: 'Ours', text: 'a {thing} in house style', shared: true })).body.id;
    theirs = (await member.api('POST', '/v1/templates/', { name: 'Theirs', text: 'a {thing}' })).body.id;
  });

  it("lists the user's own and the organisation's shared ones, newest first, a page at a time", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await member.api('GET', `/v1/templates/?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(1);
      seen.push(...(page.body.data as Array<{ id: string }>).map((row) => row.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toContain(theirs);
    expect(seen).toContain(shared);
    expect(seen).not.toContain(mine);
    expect(seen).toEqual([...seen].sort().reverse());
    const all = (await member.api('GET', '/v1/templates/?limit=100')).body.data as Array<{ id: string; owned: boolean; shared: boolean }>;
    expect(all.every((row) => row.owned || row.shared)).toBe(true);
  });

  it('lets a member read a shared template, but only its owner change or delete it', async () => {
    expect((await member.api('GET', `/v1/templates/${shared}/`)).body).toMatchObject({ id: shared, owned: false, shared: true });
    const patched = await member.api('PATCH', `/v1/templates/${shared}/`, { name: 'Hijacked' });
    expect(patched.status).toBe(403);
    expect((await member.api('DELETE', `/v1/templates/${shared}/`)).status).toBe(403);
    expect((await atelier.api('GET', `/v1/templates/${shared}/`)).body.name).toBe('Ours');
  });

  it("answers 404 for another user's private template and another organisation's, on every verb", async () => {
    for (const [who, id] of [
      [member.api, mine],
      [outsider, mine],
      [outsider, shared],
      [outsider, theirs],
    ] as Array<[Api, string]>) {
      for (const [method, body] of [['GET'], ['PATCH', { name: 'x' }], ['DELETE']] as Array<[string, unknown?]>) {
        const reply = await who(method, `/v1/templates/${id}/`, body);
        expect(reply.status, `${method} ${id}`).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
      }
    }
    const listed = JSON.stringify((await outsider('GET', '/v1/templates/?limit=100')).body);
    for (const id of [mine, shared, theirs]) expect(listed).not.toContain(id);
  });

  it('changes the fields given, keeping the defaults that still apply', async () => {
    const id = (await member.api('POST', '/v1/templates/', { name: 'Draft', text: 'a {subject}', defaults: { subject: 'cat' } })).body.id;
    const renamed = await member.api('PATCH', `/v1/templates/${id}/`, { name: 'Final' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Final', text: 'a {subject}', defaults: { subject: 'cat' } });
    // A new text keeps the defaults of the placeholders it still has, and drops the others.
    const kept = await member.api('PATCH', `/v1/templates/${id}/`, { text: 'a {subject} in {place}' });
    expect(kept.body).toMatchObject({ text: 'a {subject} in {place}', defaults: { subject: 'cat' }, placeholders: ['subject', 'place'] });
    const changed = await member.api('PATCH', `/v1/templates/${id}/`, { text: 'a {thing}' });
    expect(changed.body).toMatchObject({ text: 'a {thing}', defaults: {}, placeholders: ['thing'] });
    // Defaults given are checked against the text.
    const wrong = await member.api('PATCH', `/v1/templates/${id}/`, { defaults: { subject: 'dog' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('body.defaults.subject');
    expect((await member.api('PATCH', `/v1/templates/${id}/`, { defaults: { thing: 'dog' } })).body.defaults).toEqual({ thing: 'dog' });
    const unchanged = await member.api('PATCH', `/v1/templates/${id}/`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.updated_at).toBe((await member.api('GET', `/v1/templates/${id}/`)).body.updated_at);
    expect((await member.api('PATCH', `/v1/templates/${id}/`, { shared: true })).status).toBe(403);

    expect((await member.api('DELETE', `/v1/templates/${id}/`)).status).toBe(204);
    expect((await member.api('GET', `/v1/templates/${id}/`)).status).toBe(404);
    expect((await member.api('DELETE', `/v1/templates/${id}/`)).status).toBe(404);
  });
});

describe('a message posted as a template', () => {
  let sessionId: string;
  let template: string;

  beforeAll(async () => {
    sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id;
    expect(await socket.emitWithAck('subscribe', { session_id: sessionId })).toMatchObject({ ok: true });
    template = (await atelier.api('POST', '/v1/templates/', landscape)).body.id;
  });

  const post = (body: unknown) => atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, body);

  it('is the template rendered with its variables over its defaults, and runs like any message', async () => {
    const posted = await post({ template_id: template, variables: { subject: 'lighthouse' }, options: { width: 64, height: 64 } });
    expect(posted.status).toBe(202);
    expect(posted.body.content).toBe('a lighthouse at dusk, {wide} shot');
    const final = (await events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
    expect(final.status).toBe('DONE');
    expect(final.content).toBe('a lighthouse at dusk, {wide} shot');
    expect(final.refined_prompt).toContain('lighthouse');
    // The session is titled from the rendered text.
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/`)).body.title).toBe('Lighthouse at dusk, {wide} shot');

    const overridden = await post({ template_id: template, variables: { subject: 'harbour', time: 'dawn' } });
    expect(overridden.body.content).toBe('a harbour at dawn, {wide} shot');
    await events.untilFinal(overridden.body.id);
  });

  it('uses a template shared with the organisation', async () => {
    const shared = (await atelier.api('POST', '/v1/templates/', { name: 'Shared', text: 'a {thing} in watercolour', shared: true })).body.id;
    const session = (await member.api('POST', '/api/v1/chat/sessions/', {})).body.id;
    const posted = await member.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { template_id: shared, variables: { thing: 'fox' } });
    expect(posted.status).toBe(202);
    expect(posted.body.content).toBe('a fox in watercolour');
  });

  it('names a missing variable, and an unknown one, in a 400, storing nothing', async () => {
    const before = (await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/?limit=100`)).body.data.length;
    const missing = await post({ template_id: template, variables: { time: 'noon' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.variables.subject' }] });
    expect(missing.body.error.message).toContain('variables.subject');
    const none = await post({ template_id: template });
    expect(none.body.error.details[0].path).toBe('body.variables.subject');
    const unknown = await post({ template_id: template, variables: { subject: 'cat', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('body.variables.colour');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/?limit=100`)).body.data.length).toBe(before);
  });

  it('answers 404 for an unknown template, and for another user\'s private one', async () => {
    const unknown = await post({ template_id: crypto.randomUUID(), variables: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const theirs = (await member.api('POST', '/v1/templates/', { name: 'Theirs', text: 'a {thing}' })).body.id;
    const reply = await post({ template_id: theirs, variables: { thing: 'cat' } });
    expect(reply.status).toBe(404);
  });

  it('takes content or a template, not both, and variables only with a template', async () => {
    for (const [body, path] of [
      [{ content: 'a cat', template_id: template }, 'body.template_id'],
      [{ content: 'a cat', variables: { subject: 'x' } }, 'body.variables'],
      [{ variables: { subject: 'x' } }, 'body.content'],
      [{ template_id: 'nope' }, 'body.template_id'],
    ] as Array<[unknown, string]>) {
      const reply = await post(body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
  });
});
