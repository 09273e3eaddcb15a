import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../gateway/test-harness.js';
import { haveChromium, useChromium, warnWithoutChromium, watchPage } from './testing/browser.js';

/**
 * The API document as a third party meets it (issue 10, "Swagger UI's 'Try it out' works
 * unchanged"): the docs page Atelier serves, in Chromium, clicked through like a person would:
 * Authorize with a token, open an operation, "Try it out", Execute, read the answer Swagger UI
 * shows. The message route (whose example once contradicted itself) and the media route (whose
 * key Swagger UI encodes, slashes and all).
 */

warnWithoutChromium('web/swagger-ui.test.ts');

describe.skipIf(!haveChromium)("Swagger UI's \"Try it out\" at /docs, in Chromium", () => {
  let atelier: TestAtelier;
  let page: Page;
  const chromium = useChromium();

  beforeAll(async () => {
    atelier = await startTestAtelier();
    page = await chromium.browser.newPage({ viewport: { width: 1200, height: 900 } });
    watchPage(page, chromium.problems);
    await page.goto(`${atelier.url}/docs`);
    await page.locator('.opblock').first().waitFor();

    // Authorize as a person does: the padlock button, the token, Authorize, Close.
    await page.locator('.auth-wrapper .authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('#auth-bearer-value').fill(atelier.token); // the field of the bearerAuth scheme
    await dialog.getByRole('button', { name: 'Apply credentials' }).click();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);
  afterAll(async () => {
    await atelier?.close();
  });

  /** Opens an operation, fills the named parameters, keeps its example body, executes; the status Swagger UI shows. */
  async function tryItOut(operation: string, parameters: Record<string, string>): Promise<{ status: string; body: string }> {
    const block = page.locator(`#operations-${operation}`);
    await block.locator('.opblock-summary').first().click();
    await block.getByRole('button', { name: 'Try it out' }).click();
    for (const [name, value] of Object.entries(parameters)) {
      await block.locator(`tr[data-param-name="${name}"] input`).fill(value);
    }
    await block.getByRole('button', { name: 'Execute' }).click();
    const status = block.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    return {
      status: (await status.textContent())?.trim() ?? '',
      body: (await block.locator('.live-responses-table tr.response .response-col_description').first().textContent()) ?? '',
    };
  }

  it('sends a message with the example body unchanged: 202, and the message is made', { timeout: 60_000 }, async () => {
    const { body: session } = await atelier.api('POST', '/api/v1/chat/sessions/', {});
    const answer = await tryItOut('chat-postMessage', { id: session.id as string });
    expect(answer.status).toBe('202');
    expect(answer.body).toContain('"status": "PENDING"');
    const listed = await atelier.api('GET', `/api/v1/chat/sessions/${session.id as string}/messages/`);
    expect(listed.body.data).toHaveLength(1);
  });

  it('fetches an image by its key, which Swagger UI sends with its slashes encoded: 200, the picture shown', { timeout: 60_000 }, async () => {
    const image = (await atelier.api('POST', '/v1/image/generate/', { prompt: 'a red kite', width: 256, height: 256 })).body;
    const signed = new URL(image.url as string);
    const key = decodeURIComponent(signed.pathname.slice('/media/'.length));
    expect(key).toContain('/');
    const asked = page.waitForRequest((request) => new URL(request.url()).pathname.startsWith('/media/'));
    const answer = await tryItOut('image-getMedia', {
      key,
      expires: signed.searchParams.get('expires') ?? '',
      signature: signed.searchParams.get('signature') ?? '',
    });
    expect(answer.status).toBe('200');
    expect(new URL((await asked).url()).pathname).toBe(`/media/${encodeURIComponent(key)}`);
    const shown = page.locator('#operations-image-getMedia .live-responses-table img');
    await expect.poll(() => shown.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(256);
  });
});
