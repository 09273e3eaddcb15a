import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/** Issue 9, "Files": thumbnails on local disk, and the generation parameters inside the image file. */

interface WireImage {
  id: string;
  url: string;
  thumbnail_url: string | null;
  bytes: number;
  prompt: string;
  seed: number;
}
type DoneMessage = MessageEvent & { image: { id: string; url: string; thumbnail_url: string | null; bytes: number } };

describe('files: thumbnails and parameters in the file', () => {
  let atelier: TestAtelier;
  let socket: Socket;
  let session: string;

  beforeAll(async () => {
    atelier = await startTestAtelier();
    socket = await atelier.connect();
    session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
  });
  afterAll(async () => {
    await atelier?.close();
  });

  const post = async (content: string, options?: object): Promise<DoneMessage> => {
    const events = recordMessageEvents(socket);
    const reply = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, ...(options && { options }) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    const done = (await events.untilFinal(reply.body.id as string)).at(-1) as DoneMessage;
    expect(done.status).toBe('DONE');
    return done;
  };
  const download = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const recall = (body: FormData | Uint8Array | string, headers: Record<string, string> = {}) =>
    fetch(new URL('/v1/gallery/recall/', atelier.url), { method: 'POST', body, headers: { authorization: `Bearer ${atelier.token}`, ...headers } });
  const asForm = (bytes: Buffer, type = 'image/png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'image');
    return form;
  };
  const mediaFiles = async (image: { url: string }) => {
    const folder = path.join(atelier.dataDir, 'media', path.dirname(new URL(image.url).pathname.slice('/media/'.length)));
    return (await readdir(folder).catch(() => [] as string[])).sort();
  };

  it('a generated image has a 256×256 WebP thumbnail, on the message and in the gallery, signed like the image', async () => {
    const made = await post('a sunset over the sea', { width: 320, height: 192, seed: 42 });
    expect(made.image.thumbnail_url).toMatch(/\/media\/users\/[^/]+\/[\w-]+\.thumb\.webp\?expires=\d+&signature=[\w-]{43}$/);
    const row = (await atelier.api('GET', `/v1/gallery/${made.image.id}/`)).body as WireImage;
    expect(row.thumbnail_url).toBe(made.image.thumbnail_url);
    const thumbnail = await download(row.thumbnail_url!);
    expect(thumbnail.type).toBe('image/webp');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
    const full = await download(row.url);
    expect(thumbnail.bytes.byteLength).toBeLessThan(full.bytes.byteLength);
    // Unsigned, it is refused like the image.
    expect((await fetch(row.thumbnail_url!.split('?')[0]!)).status).toBe(403);
    // The list carries it too: a grid needs nothing else.
    const list = (await atelier.api('GET', '/v1/gallery/')).body.data as WireImage[];
    expect(list.find((image) => image.id === row.id)?.thumbnail_url).toBe(row.thumbnail_url);
  });

  it('a downloaded image tells how it was made: POST it to /v1/gallery/recall/ (form or raw body)', async () => {
    const made = await post('a misty forest at dawn', { width: 128, height: 128, seed: 7 });
    const row = (await atelier.api('GET', `/v1/gallery/${made.image.id}/`)).body as WireImage & { refined_prompt: string; model: string };
    const { bytes } = await download(row.url);
    // The stored size is the file's, parameters included.
    expect(bytes.byteLength).toBe(row.bytes);
    expect(made.image.bytes).toBe(row.bytes);

    const expected = {
      prompt: 'a misty forest at dawn',
      refined_prompt: row.refined_prompt,
      intent: 'generate',
      provider: 'offline',
      model: row.model,
      seed: 7,
      width: 128,
      height: 128,
      atelier_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    };
    const byForm = await recall(asForm(bytes));
    expect(byForm.status).toBe(200);
    expect(await byForm.json()).toMatchObject(expected);
    const byBody = await recall(new Uint8Array(bytes), { 'content-type': 'image/png' });
    expect(byBody.status).toBe(200);
    expect(await byBody.json()).toMatchObject(expected);
  });

  it('an edited image carries its own parameters (the instruction, intent edit)', async () => {
    await post('a red boat on a lake', { width: 96, height: 96, seed: 3, format: 'jpeg' });
    const edited = await post('make it black and white');
    const { bytes } = await download(edited.image.url);
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    const response = await recall(asForm(bytes, 'image/jpeg'));
    expect(await response.json()).toMatchObject({ prompt: 'make it black and white', intent: 'edit', provider: 'offline', width: 96, height: 96 });
  });

  it('refuses what carries no parameters (400 no_parameters), what is not an image (415) and what is too large (413)', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    const none = await recall(asForm(plain));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('no_parameters');

    const text = await recall('hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const junk = await recall(asForm(Buffer.from('definitely not an image')));
    expect(junk.status).toBe(415);
    expect(((await junk.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unsupported_media_type' });

    const noFile = new FormData();
    noFile.append('other', 'x');
    expect((await recall(noFile)).status).toBe(400);

    const huge = await recall(new Uint8Array(20 * 1024 * 1024 + 1), { 'content-type': 'image/png' });
    expect(huge.status).toBe(413);
    // Signed in only.
    expect((await fetch(new URL('/v1/gallery/recall/', atelier.url), { method: 'POST', body: asForm(plain) })).status).toBe(401);
  });

  it('deleting for good removes the thumbnail with the image; an older image without one gets it on first request', async () => {
    const made = await post('a lighthouse in a storm', { width: 96, height: 96 });
    const id = made.image.id;
    expect(await mediaFiles(made.image)).toEqual(expect.arrayContaining([`${id}.png`, `${id}.thumb.webp`]));

    // As an image stored before thumbnails: the file is gone, its URL still works and makes it again.
    const thumbnailFile = path.join(atelier.dataDir, 'media', new URL(made.image.thumbnail_url!).pathname.slice('/media/'.length));
    await rm(thumbnailFile);
    const again = await download(made.image.thumbnail_url!);
    expect(await sharp(again.bytes).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
    await access(thumbnailFile);

    expect((await atelier.api('DELETE', `/v1/gallery/${id}/permanent/`)).status).toBe(204);
    const left = await mediaFiles(made.image);
    expect(left.filter((file) => file.startsWith(id))).toEqual([]);
    expect((await fetch(made.image.thumbnail_url!)).status).toBe(404);
  });
});
