import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * Which image an edit works on once the user has taken images away: the session's latest image
 * still in the gallery. And a message whose image is deleted for good says so.
 */

let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;

beforeAll(async () => {
  atelier = await startTestAtelier();
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
});
afterAll(async () => {
  await atelier?.close();
});

async function newSession(): Promise<(content: string, options?: object) => Promise<MessageEvent>> {
  const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  await socket.emitWithAck('subscribe', { session_id: session });
  return async (content, options) => {
    const posted = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, ...(options && { options }) });
    expect(posted.status).toBe(202);
    return (await events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
  };
}

const widthOf = async (url: string) => (await sharp(Buffer.from(await (await fetch(url)).arrayBuffer())).metadata()).width;
const imageOf = (message: MessageEvent) => message.image as { id: string; url: string; width: number };

describe('the source of an edit', () => {
  it('passes over an image in the trash and works on the latest one still in the gallery', async () => {
    const send = await newSession();
    const wide = await send('a green valley', { width: 320, height: 192 });
    const square = await send('a red barn', { width: 192, height: 192 });
    expect((await atelier.api('DELETE', `/v1/gallery/${imageOf(square).id}/`)).status).toBe(200);

    const edited = await send('make it black and white');
    expect(edited).toMatchObject({ status: 'DONE', intent: 'edit' });
    // The edit keeps its source's size: it worked on the valley, not on the trashed barn.
    expect(await widthOf(edited.image_url as string)).toBe(imageOf(wide).width);
  });

  it('fails with no_source_image when the only earlier image was deleted for good, saying nothing of files', async () => {
    const send = await newSession();
    const only = await send('a blue lake', { width: 128, height: 128 });
    expect((await atelier.api('DELETE', `/v1/gallery/${imageOf(only).id}/permanent/`)).status).toBe(204);
    const edited = await send('make it brighter');
    expect(edited).toMatchObject({ status: 'FAILED', reply: null, error: { code: 'no_source_image', retryable: false } });
    expect((edited.error as { message: string }).message).not.toMatch(/stored file|\/|\.png/);
  });
});

describe('a message whose image is deleted for good', () => {
  it('says the image was deleted instead of linking to a file that is gone, live and when polled', async () => {
    const send = await newSession();
    const made = await send('a yellow kite', { width: 128, height: 128 });
    const before = events.all.length;
    expect((await atelier.api('DELETE', `/v1/gallery/${imageOf(made).id}/permanent/`)).status).toBe(204);

    const poll = await atelier.api('GET', `/api/v1/chat/sessions/${made.session_id}/messages/${made.id}/`);
    expect(poll.body).toMatchObject({ status: 'DONE', image: null, image_url: null, image_deleted_at: expect.any(String) });
    expect(poll.body.sequence).toBe(made.sequence + 1);
    await expect.poll(() => events.all.slice(before).find((event) => event.id === made.id)).toMatchObject({ image_deleted_at: expect.any(String) });
    // A trashed image is not deleted: its message keeps its link.
    const kept = await send('a white sail', { width: 128, height: 128 });
    await atelier.api('DELETE', `/v1/gallery/${imageOf(kept).id}/`);
    // (The same file; the URL is signed anew on each read.)
    const keptUrl = (await atelier.api('GET', `/api/v1/chat/sessions/${kept.session_id}/messages/${kept.id}/`)).body.image_url as string;
    expect(keptUrl.split('?')[0]).toBe((kept.image_url as string).split('?')[0]);
  });
});
