import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier, type TestUser } from '../gateway/test-harness.js';
import { projectPath } from '../shared/paths.js';
import { haveChromium, openSignedIn, signedInContext, useChromium, warnWithoutChromium, watchPage } from './testing/browser.js';

/**
 * The gallery's second part, as a person uses it in Debian's Chromium: "Select" mode and the bulk
 * toolbar (`POST /v1/gallery/bulk/`), in the grid and in the trash; the provider and model
 * filters; "What made this image?" (`POST /v1/gallery/recall/`); "Export all matching" (the
 * filter, not the images loaded) followed over Socket.IO, with polling only as the fallback; an
 * image's details at `#/gallery/<id>`. Each test has a user of its own, so none sees another's changes.
 */

warnWithoutChromium('web/gallery-bulk.test.ts');

const TIMEOUT = { timeout: 60_000 };
const SHOTS = projectPath('web', 'screenshots');

interface Made {
  id: string;
  prompt: string;
  seed: number;
  model: string;
  url: string;
}

describe.skipIf(!haveChromium)('the gallery in Chromium: bulk actions, filters, recall, export by filter, deep links', () => {
  let atelier: TestAtelier;
  const chromium = useChromium();
  const { problems, opened: closeAfter } = chromium;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    atelier = await startTestAtelier();
  }, 60_000);
  afterAll(async () => {
    await atelier?.close();
  });

  /** A new user with an image made for each prompt (64 px, through `POST /v1/image/generate/`). */
  const userWith = async (name: string, prompts: string[]): Promise<{ user: TestUser; images: Made[] }> => {
    const user = await atelier.signUp(name);
    const images: Made[] = [];
    for (const prompt of prompts) {
      const made = await user.api('POST', '/v1/image/generate/', { prompt, width: 64, height: 64 });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      images.push({ ...(made.body as Omit<Made, 'prompt'>), prompt });
    }
    return { user, images };
  };
  /** `user`'s gallery (or `hash`), in a page whose errors fail the test. */
  const openGallery = async (user: TestUser, hash = '#/gallery'): Promise<Page> => {
    const page = await openSignedIn({ browser: chromium.browser, url: atelier.url, problems, opened: closeAfter }, user.token, { hash });
    await page.getByRole('heading', { name: 'Gallery' }).waitFor();
    return page;
  };
  const cards = (page: Page) => page.locator('ul.grid > li');
  const prompts = (page: Page) => cards(page).locator('.caption').allTextContents();
  const numbered = (what: string, count: number) => Array.from({ length: count }, (_, i) => `${what} number ${i + 1}`);

  it('trashes 3 picked images (a 4th, deleted meanwhile, is said to fail), restores them, deletes one for good after asking', TIMEOUT, async () => {
    const { user, images } = await userWith('bulk-trash', numbered('a paper boat', 5));
    const page = await openGallery(user);
    await expect.poll(() => cards(page).count()).toBe(5);
    const [first, second, third, fourth, fifth] = images.map((image) => image.prompt);

    await page.getByRole('button', { name: 'Select images' }).click();
    for (const prompt of [first, second, third, fourth]) await page.getByRole('checkbox', { name: `Select "${prompt}"` }).check();
    await page.getByText('4 selected').waitFor();
    // Deleted for good meanwhile, elsewhere: the bulk action says so and does the others.
    expect((await user.api('POST', '/v1/gallery/bulk/', { action: 'purge', ids: [images[3]?.id] })).body).toMatchObject({ succeeded: 1 });
    await page.getByRole('button', { name: 'Move selected to the trash' }).click();
    await page.getByRole('alert').filter({ hasText: /^3 moved to the trash, 1 failed: .+/ }).waitFor();
    await expect.poll(() => prompts(page)).toEqual([fifth]);

    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect.poll(() => prompts(page).then((shown) => shown.toSorted())).toEqual([first, second, third].toSorted());
    await page.getByRole('button', { name: 'Select images' }).click();
    await page.getByRole('button', { name: 'Select all shown (3)' }).click();
    await page.getByRole('button', { name: 'Restore selected' }).click();
    await page.getByRole('status').filter({ hasText: '3 restored' }).waitFor();
    await page.getByText('The trash is empty.').waitFor();
    await page.getByRole('button', { name: 'Images', exact: true }).click();
    await expect.poll(() => prompts(page).then((shown) => shown.toSorted())).toEqual([first, second, third, fifth].toSorted());

    // For good: asked once more, with the focus on the answer that loses nothing.
    await page.getByRole('button', { name: `Move "${fifth}" to the trash` }).click();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect.poll(() => prompts(page)).toEqual([fifth]);
    await page.getByRole('button', { name: 'Select images' }).click();
    await page.getByRole('checkbox', { name: `Select "${fifth}"` }).check();
    await page.getByRole('button', { name: 'Delete selected for good' }).click();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.textContent')).toBe('Keep them');
    await page.getByRole('button', { name: 'Keep them' }).click();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.textContent')).toBe('Delete selected for good');
    await page.getByRole('button', { name: 'Delete selected for good' }).click();
    await page.getByRole('button', { name: 'Yes, delete them for good' }).click();
    await page.getByRole('status').filter({ hasText: '1 deleted for good' }).waitFor();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.textContent')).toBe('Select images');
    await page.getByText('The trash is empty.').waitFor();
    expect((await user.api('GET', `/v1/gallery/${images[4]?.id}/`)).status).toBe(404);
  });

  it('adds picked images to an album (the album shows them), favorites them, takes one out', TIMEOUT, async () => {
    const { user, images } = await userWith('bulk-album', numbered('a green hill', 4));
    await user.api('POST', '/v1/gallery/albums/', { name: 'Hills' });
    const page = await openGallery(user);
    await expect.poll(() => cards(page).count()).toBe(4);
    const [first, second] = images.map((image) => image.prompt);

    await page.getByRole('button', { name: 'Select images' }).click();
    await page.getByRole('checkbox', { name: `Select "${first}"` }).check();
    await page.getByRole('checkbox', { name: `Select "${second}"` }).check();
    await page.getByLabel('Album for the selected').selectOption({ label: 'Hills' });
    await page.screenshot({ path: `${SHOTS}/gallery-bulk.png`, fullPage: true });
    await page.getByRole('button', { name: 'Add selected to the album' }).click();
    await page.getByRole('status').filter({ hasText: '2 added to "Hills"' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'View album "Hills"' }).textContent()).toContain('(2)');

    await page.getByRole('button', { name: 'View album "Hills"' }).click();
    await page.getByRole('heading', { name: 'Album "Hills"' }).waitFor();
    await expect.poll(() => prompts(page).then((shown) => shown.toSorted())).toEqual([first, second].toSorted());

    await page.getByRole('button', { name: 'Select all shown (2)' }).click();
    await page.getByRole('button', { name: 'Favorite selected', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 added to favorites' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Unfavorite "/ }).count()).toBe(2);
    // The picks stay picked after an action that keeps them in view.

    await page.getByRole('checkbox', { name: `Select "${second}"` }).uncheck();
    await page.getByRole('button', { name: 'Remove selected from "Hills"' }).click();
    await page.getByRole('status').filter({ hasText: '1 removed from "Hills"' }).waitFor();
    await expect.poll(() => prompts(page)).toEqual([second]);
  });

  it('filters by model and provider: a model that matches nothing is the empty state', TIMEOUT, async () => {
    const { user, images } = await userWith('filters', numbered('a quiet harbour', 2));
    const made = (await user.api('GET', `/v1/gallery/${images[0]?.id}/`)).body as { provider: string; model: string };
    const page = await openGallery(user);
    await expect.poll(() => cards(page).count()).toBe(2);

    await page.getByLabel('Model').fill('no-such-model');
    await page.getByLabel('Model').press('Enter');
    await page.getByText('No images here yet.').waitFor();
    await page.getByLabel('Model').fill(made.model);
    await page.getByLabel('Provider').focus(); // leaving the field applies it
    await expect.poll(() => cards(page).count()).toBe(2);
    await page.getByLabel('Provider').fill('no-such-provider');
    await page.getByLabel('Provider').blur();
    await page.getByText('No images here yet.').waitFor();
    await page.getByLabel('Provider').fill(made.provider);
    await page.getByLabel('Provider').press('Enter');
    await expect.poll(() => cards(page).count()).toBe(2);
  });

  it('reads what made an image from the file downloaded from the app: its prompt and seed', TIMEOUT, async () => {
    const { user, images } = await userWith('recall', ['a lighthouse at dawn']);
    const [image] = images;
    const folder = await mkdtemp(path.join(tmpdir(), 'atelier-recall-'));
    closeAfter.push({ close: () => rm(folder, { recursive: true, force: true }) });
    const file = path.join(folder, 'downloaded.png');
    const page = await openGallery(user);
    const downloaded = await page.request.get(image?.url ?? '');
    expect(downloaded.status()).toBe(200);
    await writeFile(file, await downloaded.body());

    await page.getByRole('button', { name: 'What made this image?' }).click();
    await page.getByLabel('Image downloaded from Atelier').setInputFiles(file);
    await page.getByRole('button', { name: 'Read its parameters' }).click();
    const facts = page.getByTestId('recalled');
    const fact = (term: string) => facts.locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).locator('dd');
    await expect.poll(() => fact('Prompt').textContent()).toBe('a lighthouse at dawn');
    await page.screenshot({ path: `${SHOTS}/gallery-recall.png`, fullPage: true });
    expect(await fact('Seed').textContent()).toBe(String(image?.seed));
    expect(await fact('Model').textContent()).toBe(image?.model);
    await page.getByRole('button', { name: 'Copy the prompt' }).waitFor();

    // Made again from the chat: the prompt is in the composer of a new conversation.
    await page.getByRole('button', { name: 'Use this prompt in the chat' }).click();
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect.poll(() => page.getByLabel(/Describe an image/).inputValue()).toBe('a lighthouse at dawn');
  });

  it('exports all matching (14 found, 12 shown) followed over Socket.IO, with no poll; "Export selected" the picks', TIMEOUT, async () => {
    const { user } = await userWith('export-filter', [...numbered('a red kite', 14), ...numbered('a blue boat', 2)]);
    const page = await openGallery(user);
    const polls: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/v1\/gallery\/exports\/[^/]+\/?$/.test(new URL(request.url()).pathname)) polls.push(request.url());
    });
    await page.getByLabel('Per page').selectOption('12');
    await page.getByLabel('Search prompts').fill('kite');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => cards(page).count()).toBe(12);
    // Live once the socket is connected: from then on progress comes as events.
    await page.locator('form.export-panel[data-live="true"]').waitFor();

    await page.getByRole('button', { name: 'Export all matching' }).click();
    const download = page.getByTestId('export-download');
    await download.waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('export-count').textContent()).toBe('14/14');
    expect(polls).toEqual([]);
    const file = await page.request.get((await download.getAttribute('href')) ?? '');
    expect([file.status(), (await file.body()).subarray(0, 2).toString()]).toEqual([200, 'PK']);

    await page.getByRole('button', { name: 'Select images' }).click();
    // Newest first: the 12 shown are kites 14 to 3.
    await page.getByRole('checkbox', { name: 'Select "a red kite number 14"' }).check();
    await page.getByRole('checkbox', { name: 'Select "a red kite number 13"' }).check();
    await page.getByRole('button', { name: 'Export selected (2)' }).click();
    await expect.poll(() => page.getByTestId('export-count').textContent(), { timeout: 45_000 }).toBe('2/2');
    await download.waitFor();
  });

  it('polls the export when the socket cannot connect', TIMEOUT, async () => {
    const { user } = await userWith('export-poll', numbered('a yellow field', 2));
    const context = await signedInContext(chromium.browser, user.token);
    closeAfter.push(context);
    // No Socket.IO: its first request (long polling) is refused, so it never connects.
    await context.route('**/socket.io/**', (route) => route.abort());
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${atelier.url}/#/gallery`);
    await expect.poll(() => cards(page).count()).toBe(2);
    let polls = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/v1\/gallery\/exports\/[^/]+\/?$/.test(new URL(request.url()).pathname)) polls += 1;
    });
    expect(await page.locator('form.export-panel').getAttribute('data-live')).toBe('false');
    await page.getByRole('button', { name: 'Export all matching' }).click();
    await page.getByTestId('export-download').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('export-count').textContent()).toBe('2/2');
    expect(polls).toBeGreaterThan(0);
  });

  it("opens an image's details at #/gallery/<id>: Back closes them, and the link opens them", TIMEOUT, async () => {
    const { user, images } = await userWith('deep-link', numbered('an old bridge', 2));
    const [image] = images;
    const page = await openGallery(user);
    await page.getByRole('button', { name: `Details of "${image?.prompt}"` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: image?.prompt }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/gallery/${image?.id}`);
    await page.goBack();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#/gallery');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.getAttribute("aria-label")')).toBe(`Details of "${image?.prompt}"`);

    // The link itself, in a new tab: the details are open; closing them leaves the gallery.
    const linked = await openGallery(user, `#/gallery/${image?.id}`);
    const opened = linked.getByRole('dialog');
    await opened.getByRole('heading', { name: image?.prompt }).waitFor();
    await opened.getByRole('button', { name: 'Close details' }).click();
    await opened.waitFor({ state: 'detached' });
    expect(new URL(linked.url()).hash).toBe('#/gallery');
    await expect.poll(() => cards(linked).count()).toBe(2);
  });
});
