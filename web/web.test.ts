import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi, startTestAtelier, type TestAtelier } from '../gateway/test-harness.js';
import { projectPath } from '../shared/paths.js';
import { bundleWebApp } from './build.js';
import { haveChromium, launchChromium, loaded, warnWithoutChromium, watchPage } from './testing/browser.js';

/**
 * The web app used as a person uses it (issue 10, "A web chat and gallery"): Debian's Chromium,
 * driven by playwright-core, against the whole system in this process. Screenshots of the main
 * screens are written to web/screenshots/ (not committed; docs/screenshots/ holds the README's).
 */

warnWithoutChromium('web/web.test.ts');

const SHOTS = projectPath('web', 'screenshots');
const PROMPT = 'Create a sunset landscape';

let atelier: TestAtelier;

/**
 * Run in the page (this file is checked without the DOM's types, hence a string): records every
 * stage text the page shows, as the DOM changes, in `window.stages` (no polling, no sleep).
 */
const RECORD_STAGES = `
  window.stages = new Set();
  new MutationObserver(() => {
    for (const element of document.querySelectorAll('.stage')) window.stages.add(element.textContent);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
`;

beforeAll(async () => {
  atelier = await startTestAtelier();
});
afterAll(async () => {
  await atelier?.close();
});

describe('the web app as served', () => {
  it('is the page at / with a strict CSP, its script and style under /app/, public', async () => {
    const page = await callApi(atelier.url, 'GET', '/');
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' ws: wss:");
    expect(policy).toContain("default-src 'none'");
    expect(page.body).toContain('<script type="module" src="/app/main.js"></script>');
    expect(page.body).not.toMatch(/<script>|https?:\/\//); // no inline script, nothing from elsewhere

    const script = await callApi(atelier.url, 'GET', '/app/main.js');
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(String(script.body).length).toBeGreaterThan(1000);
    // Gzipped for a client that accepts it (fetch does, and unpacks it), plain otherwise; an
    // unchanged file is a 304 to its ETag, so a reload costs no download.
    expect(script.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(new URL('/app/main.js', atelier.url), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script.body);
    const etag = script.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await fetch(new URL('/app/main.js', atelier.url), { headers: { 'if-none-match': etag } });
    expect([revalidated.status, await revalidated.text()]).toEqual([304, '']);
    expect((await callApi(atelier.url, 'GET', '/app/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await callApi(atelier.url, 'GET', '/app/secrets.txt')).status).toBe(404);
  });

  it('a build error is an error that says where (the start then fails with it)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atelier-web-'));
    try {
      await writeFile(path.join(dir, 'main.tsx'), 'export const broken = <div>;\n');
      await expect(bundleWebApp(path.join(dir, 'main.tsx'), projectPath('web', 'style.css'))).rejects.toThrow(
        /^the web app \(web\/\) could not be built: .*main\.tsx:\d+:\d+: ERROR/s,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!haveChromium)('the web app in Chromium (when missing: apt-get install -y chromium)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const sockets: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    page = await context.newPage();
    // A script error, a refused request or one the CSP blocked fails the test rather than hiding.
    watchPage(page, pageErrors);
    page.on('websocket', (socket) => sockets.push(socket.url()));
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, posts a prompt, shows its stages go by and the image land, then edits it', { timeout: 60_000 }, async () => {
    await page.goto(atelier.url);
    await page.getByRole('button', { name: 'New here? Sign up' }).click();
    await page.getByLabel('Email').fill(`web-${Date.now()}@test.example`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByLabel('Display name (optional)').fill('Web');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByRole('button', { name: 'New conversation' }).click();

    await page.evaluate(RECORD_STAGES);
    const composer = page.getByLabel(/Describe an image/);
    await composer.fill(PROMPT);
    await page.getByRole('button', { name: 'Send' }).click();

    const image = page.getByRole('img', { name: `Image 1 for "${PROMPT}"` });
    await image.waitFor();
    expect(await loaded(image)).toBe(true);
    const stages = await page.evaluate<string[]>('[...window.stages]');
    expect(new Set(stages).size, stages.join(' → ')).toBeGreaterThanOrEqual(2);
    expect(stages).toContain('Done');
    // Followed live: Socket.IO upgraded to a WebSocket (the CSP's `connect-src ws:`).
    expect(sockets.some((url) => url.includes('/socket.io/') && url.includes('transport=websocket')), sockets.join(', ')).toBe(true);

    await composer.fill('Make it warmer');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('img', { name: 'Image 1 for "Make it warmer"' }).waitFor();
    await expect.poll(() => page.locator('.message').nth(1).locator('.stage').textContent()).toBe('Done · edit');
    await page.getByText('Refined prompt').first().click();
    await page.screenshot({ path: `${SHOTS}/chat.png`, fullPage: true });
  });

  it('finds the image in the gallery by searching "sunset", trashes and restores it', { timeout: 30_000 }, async () => {
    await page.getByRole('link', { name: 'Gallery' }).click();
    await page.getByLabel('Search prompts').fill('sunset');
    await page.getByRole('button', { name: 'Search' }).click();
    const card = page.getByRole('img', { name: PROMPT });
    await card.waitFor();

    await page.getByRole('button', { name: `Move "${PROMPT}" to the trash` }).click();
    await page.getByText('Moved to the trash').waitFor();
    await card.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: `Restore "${PROMPT}"` }).click();
    await page.getByText('Restored').waitFor();
    await page.getByRole('button', { name: 'Images', exact: true }).click();
    await card.waitFor();
  });

  it('shares it: the link opens in a signed-out browser and shows the image', { timeout: 30_000 }, async () => {
    await page.getByRole('button', { name: `Share "${PROMPT}"` }).click();
    const link = page.getByTestId('share-link');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/s\/[\w-]+$/);
    await page.screenshot({ path: `${SHOTS}/gallery.png`, fullPage: true });

    const stranger = await browser.newContext();
    try {
      const shared = await stranger.newPage();
      await shared.goto(href);
      const img = shared.locator('figure img');
      await img.waitFor();
      await expect.poll(() => loaded(img)).toBe(true);
      expect(await stranger.storageState()).toMatchObject({ cookies: [] });
    } finally {
      await stranger.close();
    }
  });

  it('shows the quota and the usage figures', async () => {
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByText(/of \d+ images/).first().waitFor();
    await page.getByRole('term').filter({ hasText: 'Made' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/usage.png`, fullPage: true });
  });

  it('fits a 375 px wide screen without sideways scrolling, and works from the keyboard', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.getByRole('button', { name: 'New conversation' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}/chat-375.png`, fullPage: true });

    // The first Tab lands on the navigation, a real link, with the focus ring shown.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ tag: string; outline: string }>(
      '({ tag: document.activeElement.tagName, outline: getComputedStyle(document.activeElement).outlineStyle })',
    );
    expect(focused).toEqual({ tag: 'A', outline: 'solid' });
  });
});
