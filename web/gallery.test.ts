import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from '../gateway/test-harness.js';
import { projectPath } from '../shared/paths.js';
import { haveChromium, loaded, openSignedIn, useChromium, warnWithoutChromium, watchPage } from './testing/browser.js';

/**
 * The gallery screen as a person uses it (issue 10, "The gallery is a grid of thumbnails with
 * search and filters, favorites, albums, the trash, share links, export, and the lineage of an
 * image"): Debian's Chromium against the whole system in this process. One user's gallery holds a
 * generated image and its edit (made through the chat, so they have a lineage) and 13 images made
 * through `POST /v1/image/generate/` (enough for two pages of 12).
 */

warnWithoutChromium('web/gallery.test.ts');

const SHOTS = projectPath('web', 'screenshots');
const ORIGINAL = 'a sunset landscape';
const EDIT = 'make it black and white';
const KITES = Array.from({ length: 13 }, (_, i) => `a red kite number ${i + 1}`);
const TIMEOUT = { timeout: 60_000 };

describe.skipIf(!haveChromium)('the gallery screen in Chromium (when missing: apt-get install -y chromium)', () => {
  let atelier: TestAtelier;
  let socket: Socket;
  const chromium = useChromium();
  const { problems, opened: closeAfter } = chromium;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    atelier = await startTestAtelier();
    socket = await atelier.connect();
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const post = async (content: string, options?: object) => {
      const reply = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, ...(options && { options }) });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      return (await events.untilFinal(reply.body.id as string)).at(-1) as MessageEvent;
    };
    expect(await post(ORIGINAL, { width: 128, height: 128 })).toMatchObject({ status: 'DONE', intent: 'generate' });
    expect(await post(EDIT)).toMatchObject({ status: 'DONE', intent: 'edit' });
    for (const prompt of KITES) {
      const made = await atelier.api('POST', '/v1/image/generate/', { prompt, width: 64, height: 64 });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await atelier?.close();
  });

  /** The gallery, signed in as the test's user, in a page whose errors fail the test. */
  const openGallery = async (viewport = { width: 1100, height: 800 }): Promise<Page> => {
    const page = await openSignedIn({ browser: chromium.browser, url: atelier.url, problems, opened: closeAfter }, atelier.token, { hash: '#/gallery', viewport });
    await page.getByRole('heading', { name: 'Gallery' }).waitFor();
    return page;
  };
  const cards = (page: Page) => page.locator('ul.grid > li');
  const prompts = (page: Page) => cards(page).locator('.caption').allTextContents();

  it('filters by intent (only the edit) and sorts oldest first', TIMEOUT, async () => {
    const page = await openGallery();
    await expect.poll(() => cards(page).count()).toBe(15);

    await page.getByLabel('Intent').selectOption('edit');
    await expect.poll(() => prompts(page)).toEqual([EDIT]);
    await page.getByLabel('Intent').selectOption('generate');
    await expect.poll(() => prompts(page)).not.toContain(EDIT);

    await page.getByLabel('Intent').selectOption('');
    await page.getByLabel('Order').selectOption('oldest');
    await expect.poll(async () => (await prompts(page)).slice(0, 2)).toEqual([ORIGINAL, EDIT]);
    // Nothing is flagged in this gallery: "flagged only" is empty, "safe only" is everything.
    await page.getByLabel('Content').selectOption('true');
    await page.getByText('No images here yet.').waitFor();
    await page.getByLabel('Content').selectOption('false');
    await expect.poll(() => cards(page).count()).toBe(15);
    // A day range: from tomorrow finds nothing; up to today finds them all.
    const today = new Date();
    const day = (offset: number) => {
      const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    };
    await page.getByLabel('Made until').fill(day(0));
    await expect.poll(() => cards(page).count()).toBe(15);
    // From tomorrow until today is refused by the form, not sent (the API would answer 400).
    await page.getByLabel('Made from').fill(day(1));
    await page.getByRole('alert').filter({ hasText: '"Made from" must be on or before "Made until".' }).waitFor();
    await page.getByLabel('Made until').fill('');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await page.getByText('No images here yet.').waitFor();
  });

  it('pages with "Load more images": 12, then the other 3, none twice', TIMEOUT, async () => {
    const page = await openGallery();
    await page.getByLabel('Per page').selectOption('12');
    await expect.poll(() => cards(page).count()).toBe(12);
    const first = await prompts(page);

    await page.getByRole('button', { name: 'Load more images' }).click();
    await expect.poll(() => cards(page).count()).toBe(15);
    const all = await prompts(page);
    expect(all.slice(0, 12)).toEqual(first);
    expect(new Set(all).size).toBe(15);
    expect(all.toSorted()).toEqual([ORIGINAL, EDIT, ...KITES].toSorted());
    await page.getByRole('button', { name: 'Load more images' }).waitFor({ state: 'detached' });
  });

  it('makes an album, files an image in it, views it, takes it out, renames and deletes it', TIMEOUT, async () => {
    const page = await openGallery();
    await page.getByLabel('New album name').fill('Trips');
    await page.getByRole('button', { name: 'Create album' }).click();
    await page.getByText('Album "Trips" created').waitFor();

    // Filed from the image's details, opened from the keyboard; Escape closes them.
    const opener = page.getByRole('button', { name: `Details of "${ORIGINAL}"` });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: ORIGINAL }).waitFor();
    await dialog.getByLabel('Album').selectOption({ label: 'Trips' });
    await dialog.getByRole('button', { name: 'Add to the album' }).click();
    await dialog.getByText('Added to "Trips"').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate<string | null>('document.activeElement.getAttribute("aria-label")')).toBe(`Details of "${ORIGINAL}"`);

    await page.getByRole('button', { name: 'View album "Trips"' }).click();
    await page.getByRole('heading', { name: 'Album "Trips"' }).waitFor();
    await expect.poll(() => prompts(page)).toEqual([ORIGINAL]);
    await expect.poll(() => page.getByRole('button', { name: 'View album "Trips"' }).textContent()).toContain('(1)');
    await page.screenshot({ path: `${SHOTS}/gallery-album.png`, fullPage: true });

    await page.getByRole('button', { name: 'Rename album "Trips"' }).click();
    await page.getByLabel('New name for "Trips"').fill('Journeys');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('heading', { name: 'Album "Journeys"' }).waitFor();

    await page.getByRole('button', { name: `Remove "${ORIGINAL}" from the album "Journeys"` }).click();
    await page.getByText('No images here yet.').waitFor();

    await page.getByRole('button', { name: 'Delete album "Journeys"' }).click();
    await page.getByRole('button', { name: 'Yes, delete the album' }).click();
    await page.getByText('Album "Journeys" deleted; its images are still in the gallery').waitFor();
    await page.getByRole('heading', { name: 'All images' }).waitFor();
    await page.getByRole('button', { name: 'View album "Journeys"' }).waitFor({ state: 'detached' });
    await page.getByRole('img', { name: ORIGINAL }).waitFor();
  });

  it("opens an image's details: how it was made and its lineage, each step opening that image", TIMEOUT, async () => {
    const page = await openGallery();
    await page.getByRole('button', { name: `Details of "${EDIT}"` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: EDIT }).waitFor();
    const full = dialog.getByRole('img', { name: EDIT });
    await expect.poll(() => loaded(full)).toBe(true);
    for (const term of ['Refined prompt', 'Negative prompt', 'Provider', 'Model', 'Seed', 'Size', 'Made', 'Estimated cost']) {
      await dialog.getByRole('term').filter({ hasText: term }).first().waitFor();
    }
    await expect.poll(() => dialog.locator('.facts div', { hasText: 'Intent' }).locator('dd').textContent()).toBe('edit');
    await expect.poll(() => dialog.getByTestId('descendants').textContent()).toContain('None.');
    await page.screenshot({ path: `${SHOTS}/gallery-detail.png`, fullPage: true });

    await dialog.getByTestId('ancestors').getByRole('button', { name: `Open "${ORIGINAL}" (generate)` }).click();
    await dialog.getByRole('heading', { name: ORIGINAL }).waitFor();
    await expect.poll(() => page.evaluate<string | null>('document.activeElement.textContent')).toBe(ORIGINAL);
    await dialog.getByTestId('descendants').getByRole('button', { name: `Open "${EDIT}" (edit)` }).waitFor();
    await expect.poll(() => dialog.getByTestId('ancestors').textContent()).toContain('None.');
    await dialog.getByRole('button', { name: 'Close details' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shares with a password and an expiry: the wrong password shows nothing, the right one the image; revoked, a 404', TIMEOUT, async () => {
    const page = await openGallery();
    await page.getByRole('button', { name: `Details of "${ORIGINAL}"` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Link expires').selectOption({ label: '1 day' });
    await dialog.getByLabel('Password (optional)').fill('open sesame');
    await dialog.getByLabel('Allow download').uncheck();
    await dialog.getByRole('button', { name: 'Create share link' }).click();
    const href = (await dialog.getByTestId('new-share-link').getAttribute('href')) ?? '';
    expect(href).toMatch(/\/s\/[\w-]+$/);
    const row = dialog.getByTestId('share-row');
    await expect.poll(() => row.textContent()).toMatch(/expires .* · 0 views · password · no download/);
    await dialog.getByRole('heading', { name: 'Share' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/gallery-share.png` });

    // A stranger: the protected link is the "not available" page (a 404) with the password form.
    const stranger = await chromium.browser.newContext();
    closeAfter.push(stranger);
    const shared = await stranger.newPage();
    watchPage(shared, problems, (status, url) => status === 404 && url.includes('/s/'));
    const unlock = async (password: string) => {
      await shared.getByLabel('Password').fill(password);
      await shared.getByRole('button', { name: 'Open' }).click();
    };
    expect((await shared.goto(href))?.status()).toBe(404);
    await shared.getByRole('heading', { name: 'This link is not available' }).waitFor();
    await unlock('not the password');
    await shared.getByRole('heading', { name: 'This link is not available' }).waitFor();
    expect(await shared.locator('figure img').count()).toBe(0);
    await unlock('open sesame');
    const image = shared.locator('figure img');
    await image.waitFor();
    await expect.poll(() => loaded(image)).toBe(true);
    await shared.screenshot({ path: `${SHOTS}/share-unlocked.png` });

    await dialog.getByRole('button', { name: /^Revoke the link made / }).click();
    await expect.poll(() => row.textContent()).toMatch(/revoked .* · 1 view · password/);
    await dialog.getByRole('button', { name: /^Revoke the link made / }).waitFor({ state: 'detached' });
    expect((await shared.goto(href))?.status()).toBe(404);
    await unlock('open sesame');
    await shared.getByRole('heading', { name: 'This link is not available' }).waitFor();
    expect(await shared.locator('figure img').count()).toBe(0);
  });

  it('exports all the images matching (no filter: all 15) as a PDF and offers the download', TIMEOUT, async () => {
    const page = await openGallery();
    await expect.poll(() => cards(page).count()).toBe(15);
    await page.getByLabel('Export format').selectOption('pdf');
    await page.getByRole('button', { name: 'Export all matching' }).click();
    const download = page.getByTestId('export-download');
    await download.waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('export-count').textContent()).toBe('15/15');
    expect(await download.textContent()).toMatch(/^Download .+\.pdf$/);
    const file = await page.request.get((await download.getAttribute('href')) ?? '');
    expect([file.status(), (await file.body()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
  });

  it('pages the trash: 60, then "Load more from the trash" adds the rest, none twice', TIMEOUT, async () => {
    // Another user, so the first user's gallery stays as the other tests expect it.
    const other = await atelier.signUp('trash-pager');
    const ids: string[] = [];
    for (let i = 0; i < 62; i++) {
      const made = await other.api('POST', '/v1/image/generate/', { prompt: `a paper boat number ${i + 1}`, width: 64, height: 64 });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      ids.push(made.body.id as string);
    }
    expect((await other.api('POST', '/v1/gallery/bulk/', { action: 'delete', ids })).body).toMatchObject({ succeeded: 62, failed: 0 });

    const page = await openSignedIn({ browser: chromium.browser, url: atelier.url, problems, opened: closeAfter }, other.token, { hash: '#/gallery' });
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect.poll(() => cards(page).count()).toBe(60);
    await page.getByRole('button', { name: 'Load more from the trash' }).click();
    await expect.poll(() => cards(page).count()).toBe(62);
    expect(new Set(await prompts(page)).size).toBe(62);
    await page.getByRole('button', { name: 'Load more from the trash' }).waitFor({ state: 'detached' });
  });

  it('fits a 375 px wide screen, the details too', TIMEOUT, async () => {
    const page = await openGallery({ width: 375, height: 740 });
    await expect.poll(() => cards(page).count()).toBe(15);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}/gallery-375.png`, fullPage: true });
    await page.getByRole('button', { name: `Details of "${EDIT}"` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: EDIT }).waitFor();
    expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}/gallery-detail-375.png` });
  });
});
