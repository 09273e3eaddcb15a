import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * No message is left unfinished: a stage that fails for good ends the message FAILED with the
 * stage it failed in, its code, and whether a retry could help.
 */

let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;
beforeAll(async () => {
  atelier = await startTestAtelier({ JOB_ATTEMPTS: '2' });
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
});

afterAll(async () => {
  await atelier?.close();
});

async function newSession(): Promise<string> {
  const id = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  expect(await socket.emitWithAck('subscribe', { session_id: id })).toMatchObject({ ok: true });
  return id;
}

async function send(sessionId: string, content: string): Promise<{ history: MessageEvent[]; final: MessageEvent }> {
  const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 128, height: 128 } });
  expect(posted.status).toBe(202);
  const history = await events.untilFinal(posted.body.id);
  const final = history.at(-1) as MessageEvent;
  const polled = await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/${posted.body.id}/`);
  expect(polled.body).toEqual(final);
  return { history, final };
}

describe('a stage that fails for good', () => {
  it('an edit with no earlier image fails at once, in the generating stage', async () => {
    const sessionId = await newSession();
    const { final } = await send(sessionId, 'make it black and white');
    expect(final).toMatchObject({
      status: 'FAILED',
      stage: 'failed',
      intent: 'edit',
      attempts: 1,
      image: null,
      error: { code: 'no_source_image', stage: 'generating', retryable: false },
    });
    expect(final.completed_at).not.toBeNull();
    expect((final.error as { message: string }).message).toMatch(/no earlier image/);
  });

  it('an edit the renderer cannot do fails with invalid_request, and the session goes on', async () => {
    const sessionId = await newSession();
    expect((await send(sessionId, 'a mountain lake')).final.status).toBe('DONE');
    const { final } = await send(sessionId, 'make it more whimsical');
    expect(final).toMatchObject({
      status: 'FAILED',
      intent: 'edit',
      attempts: 1,
      error: { code: 'invalid_request', stage: 'generating', retryable: false },
    });
    // the failure does not stop the conversation
    expect((await send(sessionId, 'make it brighter')).final).toMatchObject({ status: 'DONE', intent: 'edit' });
  });
});

describe('a stage that keeps failing', () => {
  it('is retried, shows each failed attempt, and ends FAILED in its stage after the last one', async () => {
    await atelier.close();
    atelier = await startTestAtelier({ JOB_ATTEMPTS: '2' });
    socket = await atelier.connect();
    events = recordMessageEvents(socket);
    // A file where the user's media folder should be: every upload fails the same way.
    const mediaUsers = path.join(atelier.dataDir, 'media', 'users');
    await mkdir(mediaUsers, { recursive: true });
    await writeFile(path.join(mediaUsers, atelier.user.id), 'not a folder');

    const sessionId = await newSession();
    const { history, final } = await send(sessionId, 'a lighthouse at dusk');
    expect(final).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      // the storage's failure, retryable like a provider's outage
      error: { code: 'storage_unavailable', stage: 'uploading', retryable: true },
    });
    // what went wrong inside (a path on the server) stays in the log
    expect((final.error as { message: string }).message).not.toMatch(/ENOTDIR|\//);
    // the client saw the first attempt fail while the message was still processing
    expect(history.some((event) => event.status === 'PROCESSING' && event.error !== null)).toBe(true);
    expect(history.filter((event) => event.stage === 'generating').map((event) => event.attempts)).toEqual(
      expect.arrayContaining([1, 2]),
    );
    expect((await atelier.api('GET', '/v1/gallery/')).body.data).toEqual([]);
  });
});
