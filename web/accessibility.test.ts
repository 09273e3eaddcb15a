import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../gateway/test-harness.js';
import { haveChromium, signedInContext, useChromium, warnWithoutChromium, watchPage } from './testing/browser.js';

/**
 * The web app's screens checked by axe-core (issue 10: "accessible: labels, keyboard,
 * contrast"), in Chromium, against WCAG 2.1 A and AA: every screen as a user reaches it, with
 * content on it (a conversation with its image, a gallery, the trash, a share page). A
 * violation is reported by rule, with the elements it found, so the failure says what to fix.
 */

warnWithoutChromium('web/accessibility.test.ts');

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PROMPT = 'Create a sunset landscape';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe.skipIf(!haveChromium)('the web app against WCAG 2.1 AA (axe-core, in Chromium)', () => {
  let atelier: TestAtelier;
  let page: Page;
  let axeSource: string;
  const chromium = useChromium();
  const { problems } = chromium;

  /** axe's violations on the page as it is now, one line each: rule, impact, the elements. */
  async function violations(target: Page = page): Promise<string[]> {
    // Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays as served.
    await target.evaluate(axeSource);
    const found = await target.evaluate<Violation[], string[]>(
      async (tags) => (await (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe.run(
        (globalThis as unknown as { document: unknown }).document,
        { runOnly: { type: 'tag', values: tags } },
      )).violations,
      WCAG,
    );
    return found.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    atelier = await startTestAtelier();
    page = await (await signedInContext(chromium.browser, atelier.token)).newPage();
    watchPage(page, problems);
  }, 60_000);
  afterAll(async () => {
    await atelier?.close();
  });

  it('the chat, with a finished message and its image', { timeout: 60_000 }, async () => {
    await page.goto(atelier.url);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByLabel(/Describe an image/).fill(PROMPT);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('img', { name: `Image 1 for "${PROMPT}"` }).waitFor();
    await page.getByText('Refined prompt').first().click();
    expect(await violations()).toEqual([]);
  });

  it('the gallery and the trash', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: 'Gallery' }).click();
    await page.getByRole('img', { name: PROMPT }).waitFor();
    expect(await violations()).toEqual([]);
    // An image's details (a modal dialog: its lineage, albums, share links).
    await page.getByRole('button', { name: `Details of "${PROMPT}"` }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // "Select" mode with an image picked (the bulk toolbar), and the recall panel opened.
    await page.getByRole('button', { name: 'Select images' }).click();
    await page.getByRole('checkbox', { name: `Select "${PROMPT}"` }).check();
    await page.getByRole('button', { name: 'Move selected to the trash' }).waitFor();
    await page.getByRole('button', { name: 'What made this image?' }).click();
    await page.getByLabel('Image downloaded from Atelier').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByText('The trash is empty.').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Select images' }).click();
    await page.getByRole('button', { name: 'Delete selected for good' }).waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Images', exact: true }).click();
  });

  it('a share page, as a signed-out visitor sees it', { timeout: 60_000 }, async () => {
    const [image] = (await atelier.api('GET', '/v1/gallery/')).body.data as Array<{ id: string }>;
    const share = (await atelier.api('POST', `/v1/gallery/${image?.id}/shares/`, {})).body;
    const visitor = await chromium.browser.newContext();
    try {
      const shared = await visitor.newPage();
      watchPage(shared, problems, (status, url) => status === 404 && url.includes('/s/'));
      await shared.goto(share.url as string);
      await shared.locator('figure img').waitFor();
      expect(await violations(shared)).toEqual([]);
      // A link that does not open (here: it wants a password) is a page with a labelled password form.
      const locked = (await atelier.api('POST', `/v1/gallery/${image?.id}/shares/`, { password: 'open sesame' })).body;
      const response = await shared.goto(locked.url as string);
      expect(response?.status()).toBe(404);
      await shared.getByLabel('Password').waitFor();
      expect(await violations(shared)).toEqual([]);
    } finally {
      await visitor.close();
    }
  });

  it('the usage page', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('term').filter({ hasText: 'Made' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('the sign-in and sign-up forms', { timeout: 60_000 }, async () => {
    const visitor = await chromium.browser.newContext();
    try {
      const signIn = await visitor.newPage();
      watchPage(signIn, problems);
      await signIn.goto(atelier.url);
      await signIn.getByRole('button', { name: 'New here? Sign up' }).waitFor();
      expect(await violations(signIn)).toEqual([]);
      await signIn.getByRole('button', { name: 'New here? Sign up' }).click();
      await signIn.getByLabel('Display name (optional)').waitFor();
      expect(await violations(signIn)).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
