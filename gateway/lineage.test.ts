import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/** Images have a lineage (issue 8): each edit or enhance records the image it worked on. */

interface WireImage {
  id: string;
  parent_image_id: string | null;
  message_id: string | null;
  intent: string | null;
  prompt: string;
  provider: string;
  seed: number | null;
}

describe('image lineage', () => {
  let atelier: TestAtelier;
  let socket: Socket;

  beforeAll(async () => {
    atelier = await startTestAtelier();
    socket = await atelier.connect();
  });
  afterAll(async () => {
    await atelier?.close();
  });

  const newSession = async () => {
    const id = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: id });
    return id;
  };

  it('generate → edit → enhance, then an edit of the first image by id, in another session: parents and descendants', async () => {
    const events = recordMessageEvents(socket);
    const session = await newSession();
    const post = async (sessionId: string, content: string, options?: object) => {
      const reply = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, ...(options && { options }) });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      return (await events.untilFinal(reply.body.id as string)).at(-1) as MessageEvent & { image: { id: string } | null };
    };
    const first = await post(session, 'a sunset landscape', { width: 128, height: 128 });
    const edit = await post(session, 'make it black and white');
    const enhance = await post(session, 'enhance it');
    // Named by id, from another session: not the latest image there (there is none).
    const other = await newSession();
    const byId = await post(other, 'make it black and white', { source_image_id: first.image?.id });
    for (const [message, intent] of [[first, 'generate'], [edit, 'edit'], [enhance, 'enhance'], [byId, 'edit']] as const) {
      expect(message).toMatchObject({ status: 'DONE', intent });
    }
    const [firstId, editId, enhanceId, byIdId] = [first, edit, enhance, byId].map((message) => message.image?.id as string) as [string, string, string, string];

    const gallery = async (id: string) => (await atelier.api('GET', `/v1/gallery/${id}/`)).body as WireImage;
    expect(await gallery(firstId)).toMatchObject({ parent_image_id: null, message_id: first.id, intent: 'generate', seed: expect.any(Number) });
    expect(await gallery(editId)).toMatchObject({ parent_image_id: firstId, message_id: edit.id, intent: 'edit' });
    expect(await gallery(enhanceId)).toMatchObject({ parent_image_id: editId, intent: 'enhance' });
    expect(await gallery(byIdId)).toMatchObject({ parent_image_id: firstId, message_id: byId.id, intent: 'edit', prompt: 'make it black and white' });

    const ofLast = await atelier.api('GET', `/v1/gallery/${byIdId}/lineage/`);
    expect(ofLast.status).toBe(200);
    expect(ofLast.body.image).toMatchObject({ id: byIdId, parent_image_id: firstId });
    expect((ofLast.body.ancestors as WireImage[]).map((image) => image.id)).toEqual([firstId]);
    expect(ofLast.body.descendants).toEqual([]);

    const ofEnhance = await atelier.api('GET', `/v1/gallery/${enhanceId}/lineage/`);
    expect((ofEnhance.body.ancestors as WireImage[]).map((image) => image.id)).toEqual([firstId, editId]);

    const ofFirst = await atelier.api('GET', `/v1/gallery/${firstId}/lineage/`);
    expect(ofFirst.body.ancestors).toEqual([]);
    expect((ofFirst.body.descendants as WireImage[]).map((image) => image.id)).toEqual([editId, enhanceId, byIdId]);
  });

  it('refuses a source image that is not yours (404) or is in the trash (409), storing nothing', async () => {
    const session = await newSession();
    const events = recordMessageEvents(socket);
    const posted = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a red boat', options: { width: 64, height: 64 } });
    const made = (await events.untilFinal(posted.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    const imageId = made.image.id;

    const bob = await atelier.signUp();
    const bobSession = (await bob.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const stolen = await bob.api('POST', `/api/v1/chat/sessions/${bobSession}/messages/`, { content: 'make it blue', options: { source_image_id: imageId } });
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('not_found');
    expect((await bob.api('GET', `/v1/gallery/${imageId}/lineage/`)).status).toBe(404);

    expect((await atelier.api('DELETE', `/v1/gallery/${imageId}/`)).status).toBeLessThan(300);
    const trashed = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'make it blue', options: { source_image_id: imageId } });
    expect(trashed.status).toBe(409);
    expect(trashed.body.error.code).toBe('conflict');
    const history = (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/`)).body.data as unknown[];
    expect(history).toHaveLength(1);
  });
});
