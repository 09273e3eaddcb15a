import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../gateway/test-harness.js';
import { generateSchemaTypes, SCHEMA_FILE } from './generate.js';
import { createAtelierClient, followSession, type AtelierClient, type Message } from './index.js';

/**
 * The SDK as a chat UI uses it (issue 10, "A typed SDK"): typed calls through openapi-fetch over
 * Node's fetch, and a session followed over Socket.IO that resumes across a dropped connection.
 */

describe('the typed SDK', () => {
  let atelier: TestAtelier;
  let client: AtelierClient;

  beforeAll(async () => {
    atelier = await startTestAtelier();
    client = createAtelierClient({ baseUrl: atelier.url, token: atelier.token });
  });
  afterAll(async () => {
    await atelier?.close();
  });

  it('has types generated from the document the gateway serves now (run `npm run client:generate` when this fails)', async () => {
    const served = await (await fetch(`${atelier.url}/openapi.json`)).json();
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await generateSchemaTypes(served));
  });

  it('makes a session, posts a prompt, follows it to DONE and finds the image in the gallery', async () => {
    const session = await client.POST('/api/v1/chat/sessions/', { body: {} });
    expect(session.response.status).toBe(201);
    const sessionId = session.data!.id;

    const follower = followSession({ baseUrl: atelier.url, token: atelier.token, sessionId, socketOptions: { transports: ['websocket'] } });
    await follower.ready;
    const posted = await client.POST('/api/v1/chat/sessions/{id}/messages/', {
      params: { path: { id: sessionId } },
      body: { content: 'Create a sunset landscape' },
    });
    expect(posted.response.status).toBe(202);
    const messageId = posted.data!.id;

    const stages: string[] = [];
    let done: Message | undefined;
    for await (const message of follower) {
      if (message.id !== messageId) continue;
      stages.push(message.stage);
      if (message.status === 'DONE') {
        done = message;
        break;
      }
    }
    expect(stages[0]).toBe('queued');
    expect(stages.at(-1)).toBe('done');
    expect(done?.image?.id).toEqual(expect.any(String));

    const found = await client.GET('/v1/gallery/by-message/{message_id}/', { params: { path: { message_id: messageId } } });
    expect(found.data?.data.map((image) => image.id)).toEqual([done?.image?.id]);
    const search = await client.GET('/v1/gallery/', { params: { query: { q: 'sunset' } } });
    expect(search.data?.data.map((image) => image.id)).toContain(done?.image?.id);
  });

  it('answers an error in the envelope, typed', async () => {
    const missing = await client.GET('/v1/gallery/{id}/', { params: { path: { id: '01950000-0000-7000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('not_found');
  });

  it('resumes after the connection drops: every change of the message once, in order', async () => {
    const sessionId = (await client.POST('/api/v1/chat/sessions/', { body: {} })).data!.id;
    const follower = followSession({ baseUrl: atelier.url, token: atelier.token, sessionId, socketOptions: { transports: ['websocket'] } });
    await follower.ready;
    const messageId = (
      await client.POST('/api/v1/chat/sessions/{id}/messages/', { params: { path: { id: sessionId } }, body: { content: 'Create a harbour at night' } })
    ).data!.id;

    const sequences: number[] = [];
    let dropped = false;
    for await (const message of follower) {
      if (message.id !== messageId) continue;
      sequences.push(message.sequence);
      // Cut the connection under it after the first change; socket.io-client reconnects.
      if (!dropped) {
        dropped = true;
        follower.socket.io.engine.close();
      }
      if (message.status === 'DONE') break;
    }
    expect(dropped).toBe(true);
    const poll = await client.GET('/api/v1/chat/sessions/{id}/messages/{message_id}/', { params: { path: { id: sessionId, message_id: messageId } } });
    // No gap, no duplicate: 1, 2, … up to the final sequence the poll shows.
    expect(sequences).toEqual(Array.from({ length: poll.data!.sequence }, (_, index) => index + 1));
  });
});
