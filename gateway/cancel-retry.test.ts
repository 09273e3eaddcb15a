import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * The owner cancels a queued or running message, and retries a failed one (issue 8: "Regenerate,
 * variations, cancel, retry").
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';

interface Posted {
  id: string;
  status: string;
}

/** Every file under the media folder (users/{userId}/{imageId}.{format}, and its {imageId}.thumb.webp). */
async function mediaFiles(atelier: TestAtelier): Promise<string[]> {
  const entries = await readdir(path.join(atelier.dataDir, 'media'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('cancel and retry a message', () => {
  let atelier: TestAtelier;
  let gemini: FakeGemini;
  let socket: Socket;
  let release: () => void = () => {};

  beforeAll(async () => {
    gemini = await startFakeGemini();
    // One image job at a time: the message after a held one waits until the held job has ended.
    atelier = await startTestAtelier({
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: gemini.url,
      PROMPT_PROVIDER: 'offline',
      IMAGE_PROVIDER: 'gemini',
      WORKER_CONCURRENCY: '1',
    });
    socket = await atelier.connect();
  });
  afterEach(() => release());
  afterAll(async () => {
    await atelier?.close();
    await gemini?.close();
  });

  const quotaUsed = async () => (await atelier.api('GET', '/v1/me/')).body.quota.daily.used as number;
  const newSession = async () => {
    const id = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: id });
    return id;
  };

  it('cancels a queued message and a generating one: CANCELLED, nothing filed or stored, quota back, the next message runs', async () => {
    const events = recordMessageEvents(socket);
    const session = await newSession();
    const messages = `/api/v1/chat/sessions/${session}/messages/`;
    const usedBefore = await quotaUsed();
    const filesBefore = await mediaFiles(atelier);
    gemini.script(IMAGE_MODEL, { hold: new Promise<void>((resolve) => (release = resolve)) });

    const running = (await atelier.api('POST', messages, { content: 'a lighthouse at night' })).body as Posted;
    await gemini.waitForRequest((request) => request.model === IMAGE_MODEL);
    const queued = (await atelier.api('POST', messages, { content: 'a desert road at noon' })).body as Posted;
    const next = (await atelier.api('POST', messages, { content: 'a forest at dawn' })).body as Posted;
    expect(await quotaUsed()).toBe(usedBefore + 3);

    const cancelQueued = await atelier.api('POST', `${messages}${queued.id}/cancel/`);
    expect(cancelQueued.status).toBe(200);
    expect(cancelQueued.body).toMatchObject({ id: queued.id, status: 'CANCELLED', stage: 'cancelled', image_url: null });
    expect((await atelier.api('GET', `${messages}${running.id}/`)).body).toMatchObject({ status: 'PROCESSING', stage: 'generating' });

    const cancelRunning = await atelier.api('POST', `${messages}${running.id}/cancel/`);
    expect(cancelRunning.body).toMatchObject({ id: running.id, status: 'CANCELLED', stage: 'cancelled' });
    // The held image comes back now; the stage finds its message final and keeps nothing.
    release();

    expect((await events.untilFinal(next.id)).at(-1)).toMatchObject({ status: 'DONE', intent: 'generate' });
    for (const id of [running.id, queued.id]) {
      expect((await events.untilFinal(id)).at(-1)).toMatchObject({ status: 'CANCELLED' });
      expect((await atelier.api('GET', `${messages}${id}/`)).body).toMatchObject({ status: 'CANCELLED', image_url: null });
    }
    // Only the next message's image was filed and stored.
    const gallery = (await atelier.api('GET', '/v1/gallery/?limit=100')).body.data as Array<{ message_id: string | null }>;
    const filed = gallery.filter((image) => [running.id, queued.id, next.id].includes(image.message_id ?? ''));
    expect(filed.map((image) => image.message_id)).toEqual([next.id]);
    // Its image and that image's thumbnail: the cancelled one's were removed, thumbnail included.
    expect((await mediaFiles(atelier)).length).toBe(filesBefore.length + 2);
    expect(await quotaUsed()).toBe(usedBefore + 1);

    // A final message is not cancelled again.
    for (const id of [running.id, next.id]) {
      const again = await atelier.api('POST', `${messages}${id}/cancel/`);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
    }
  });

  it('retries its own failed message from where it failed, charging the quota again; only a FAILED one', async () => {
    const events = recordMessageEvents(socket);
    const session = await newSession();
    const messages = `/api/v1/chat/sessions/${session}/messages/`;
    const usedBefore = await quotaUsed();
    // The image fails for good (400 is not retried), after the prompt was refined.
    gemini.script(IMAGE_MODEL, { status: 400 });
    const posted = (await atelier.api('POST', messages, { content: 'a red kite over the hills' })).body as Posted;
    const failed = (await events.untilFinal(posted.id)).at(-1);
    expect(failed).toMatchObject({ status: 'FAILED', error: { stage: 'generating' } });
    expect(await quotaUsed()).toBe(usedBefore);

    const retried = await atelier.api('POST', `${messages}${posted.id}/retry/`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: posted.id, status: 'PENDING', stage: 'queued', intent: 'generate' });
    const done = (await events.untilFinal(posted.id, retried.body.sequence as number)).at(-1);
    expect(done).toMatchObject({ status: 'DONE', intent: 'generate', image_url: expect.any(String) });
    expect(await quotaUsed()).toBe(usedBefore + 1);

    const again = await atelier.api('POST', `${messages}${posted.id}/retry/`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });
});
