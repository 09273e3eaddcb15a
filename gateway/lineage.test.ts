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

  it('regenerates a finished image message: a new message with the same refined prompt and intent, a new seed, no prompt-model call', async () => {
    const events = recordMessageEvents(socket);
    const session = await newSession();
    const messages = `/api/v1/chat/sessions/${session}/messages/`;
    const first = await atelier.api('POST', messages, { content: 'a quiet harbour', options: { width: 96, height: 96 } });
    const original = (await events.untilFinal(first.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    const edit = await atelier.api('POST', messages, { content: 'make it black and white' });
    const edited = (await events.untilFinal(edit.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };

    const again = await atelier.api('POST', `${messages}${first.body.id}/regenerate/`, { seed: 4242 });
    expect(again.status).toBe(202);
    expect(again.headers.get('location')).toContain(`/messages/${again.body.id}/`);
    expect(again.body).toMatchObject({ status: 'PENDING', content: 'a quiet harbour', intent: 'generate' });
    expect(again.body.id).not.toBe(first.body.id);
    const regenerated = (await events.untilFinal(again.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    expect(regenerated).toMatchObject({ status: 'DONE', intent: 'generate', refined_prompt: original.refined_prompt });
    // Never refined: it went straight to the image.
    expect(events.all.filter((event) => event.id === again.body.id).map((event) => event.stage)).not.toContain('refining');
    const row = (await atelier.api('GET', `/v1/gallery/${regenerated.image.id}/`)).body as WireImage;
    expect(row).toMatchObject({ seed: 4242, parent_image_id: null, intent: 'generate' });

    // An edit regenerated works on the same image as the edit did, not on the latest one.
    const editAgain = await atelier.api('POST', `${messages}${edit.body.id}/regenerate/`, {});
    expect(editAgain.status).toBe(202);
    const reEdited = (await events.untilFinal(editAgain.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    expect(reEdited).toMatchObject({ status: 'DONE', intent: 'edit' });
    expect((await atelier.api('GET', `/v1/gallery/${reEdited.image.id}/`)).body).toMatchObject({ parent_image_id: original.image.id });
    expect(edited.image.id).not.toBe(reEdited.image.id);

    // Only a finished image message.
    const chat = await atelier.api('POST', messages, { content: 'hello!' });
    await events.untilFinal(chat.body.id as string);
    const refused = await atelier.api('POST', `${messages}${chat.body.id}/regenerate/`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
  });
});
