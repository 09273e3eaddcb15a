import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { callApi, startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * The README's walk-through, pasted into bash at once, against a running Atelier: it must give
 * the results it describes. (Only the address is changed, to the test's port.)
 */

const run = promisify(execFile);
let atelier: TestAtelier;
let blocks: string[];

beforeAll(async () => {
  atelier = await startTestAtelier();
  const readme = await readFile(projectPath('README.md'), 'utf8');
  const walkThrough = readme.slice(readme.indexOf('## Walk-through'), readme.indexOf('### Realtime'));
  blocks = [...walkThrough.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] as string);
});
afterAll(async () => {
  await atelier?.close();
});

async function bash(script: string): Promise<string> {
  const local = script.replaceAll('localhost:9999', new URL(atelier.url).host);
  const { stdout } = await run('bash', ['-c', local], { timeout: 60_000 });
  return stdout;
}

describe('the README walk-through', () => {
  it('has the conversation and the services on their own', () => {
    expect(blocks).toHaveLength(2);
  });

  it('pasted at once: a generated image, its black-and-white edit, the edit enhanced, a reply, and the gallery round trip', { timeout: 60_000 }, async () => {
    const output = await bash(`${blocks[0]}\necho "VARS $S $M $EDIT $ENHANCE $HELLO $IMAGE"`);
    const [session, generated, edit, enhance, hello, image] = (/VARS (.*)/.exec(output)?.[1] ?? '').split(' ');
    for (const id of [session, generated, edit, enhance, hello, image]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The walk-through made its own account; what it made is that account's alone.
    const signIn = await callApi(atelier.url, 'POST', '/v1/auth/login/', { email: 'ada@example.com', password: 'correct horse battery staple' });
    const ada = { authorization: `Bearer ${signIn.body.access_token as string}` };
    const message = async (id: string | undefined) => (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${id}/`, undefined, ada)).body;
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${session}/`)).status).toBe(404);

    expect(await message(generated)).toMatchObject({ status: 'DONE', intent: 'generate', image_url: null, image_deleted_at: expect.any(String) });
    const edited = await message(edit);
    const enhanced = await message(enhance);
    expect(edited).toMatchObject({ status: 'DONE', intent: 'edit' });
    expect(enhanced).toMatchObject({ status: 'DONE', intent: 'enhance' });
    expect(await message(hello)).toMatchObject({ status: 'DONE', intent: 'chat', reply: expect.stringMatching(/\w/) });

    // The enhance worked on the edit (its lineage says so), the edit on the first image.
    const parentOf = async (id: string) => (await atelier.api('GET', `/v1/gallery/${id}/`, undefined, ada)).body.parent_image_id;
    expect(await parentOf(enhanced.image.id)).toBe(edited.image.id);
    // What the comments promise: the enhance is black and white, twice the edit's size (2048×1152).
    const bytes = Buffer.from(await (await fetch(enhanced.image_url)).arrayBuffer());
    const [red, green, blue] = (await sharp(bytes).stats()).channels;
    expect(red?.mean).toBeCloseTo(green?.mean ?? -1, 0);
    expect(green?.mean).toBeCloseTo(blue?.mean ?? -1, 0);
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 2048, height: 1152 });
    expect(output).toContain(enhanced.image_url);

    // The image was trashed, restored, then deleted for good.
    expect((await atelier.api('GET', `/v1/gallery/${image}/`, undefined, ada)).status).toBe(404);
    expect(output).toMatch(/"deleted_at":"[^"]+"/);
  });

  it('the prompt and image services on their own', async () => {
    const commands = (blocks[1] as string).trim().split('\n');
    // Pasted after the walk-through, where $T holds an access token.
    const withToken = (command: string) => `T=${atelier.token}\n${command}`;
    const [refine, generate] = await Promise.all(commands.map(async (command) => JSON.parse(await bash(withToken(command))) as Record<string, unknown>));
    expect(refine).toMatchObject({ intent: 'generate', refined_prompt: expect.stringMatching(/cat/) });
    expect(generate).toMatchObject({ width: 512, height: 512, seed: 7, url: expect.stringMatching(/^http/) });
  });
});
