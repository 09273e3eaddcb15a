import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../identity/index.js';
import { callApi, startTestAtelier, type TestAtelier, type TestUser } from '../gateway/test-harness.js';
import { haveChromium, launchChromium, signedInContext, warnWithoutChromium, watchPage } from './testing/browser.js';
import { MESSAGE_PAGE, SESSION_PAGE } from './chat/page-sizes.js';

/**
 * The chat's sessions, paging, templates and variations, the token's renewal and the usage page,
 * used in Debian's Chromium against the whole system in this process (web/web.test.ts covers the
 * first prompt, the gallery and the layout). State is made through the API where the point of a
 * test is elsewhere; what is asserted is what a person sees.
 */

warnWithoutChromium('web/chat.test.ts');

const PASSWORD = 'correct horse battery staple';
let atelier: TestAtelier;

beforeAll(async () => {
  atelier = await startTestAtelier();
});
afterAll(async () => {
  await atelier?.close();
});

interface Session {
  id: string;
}
interface Message {
  id: string;
  status: string;
  images: { id: string; seed: number | null }[];
}

async function newSession(user: TestUser, title?: string): Promise<Session> {
  const reply = await user.api('POST', '/api/v1/chat/sessions/', title ? { title } : {});
  expect(reply.status).toBe(201);
  return reply.body as Session;
}

async function postMessage(user: TestUser, session: Session, content: string): Promise<Message> {
  const reply = await user.api('POST', `/api/v1/chat/sessions/${session.id}/messages/`, { content });
  expect(reply.status).toBe(202);
  return reply.body as Message;
}

/** Polls the API until the message is DONE (the pipeline runs in this process). */
async function untilDone(user: TestUser, session: Session, message: Message): Promise<Message> {
  const read = async () => (await user.api('GET', `/api/v1/chat/sessions/${session.id}/messages/${message.id}/`)).body as Message;
  await expect.poll(async () => (await read()).status, { timeout: 40_000 }).toBe('DONE');
  return read();
}

/** An access token of `user` made by the instance's own minting with its key, lasting `seconds` (0: already expired). */
function shortLivedToken(user: TestUser, seconds: number): Promise<string> {
  const { id, org_id, role } = user.user;
  return mintAccessToken(atelier.ctx.identity.signingKey, { userId: id, orgId: org_id, role: role === 'admin' ? 'admin' : 'user', lane: 'normal' }, seconds);
}

const isRefusedToken = (status: number) => status === 401;

describe.skipIf(!haveChromium)('the chat, sessions, sign-in and usage in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  /** The app, signed in with these tokens; `expected` names the refusals that are the test's point. */
  async function openApp(tokens: { token: string; refreshToken?: string }, hash = '#/chat', expected?: (status: number, url: string) => boolean) {
    const context = await signedInContext(browser, tokens.token, undefined, tokens.refreshToken);
    contexts.push(context);
    const page = await context.newPage();
    watchPage(page, problems, expected);
    const refreshes: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => request.url().includes('/v1/auth/refresh/') && refreshes.push(request.url()));
    page.on('response', (response) => response.status() === 401 && refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`));
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));
    await page.goto(`${atelier.url}/${hash}`);
    return { page, refreshes, refused, frames };
  }
  const storedTokens = (page: Page) =>
    page.evaluate<{ access: string | null; refresh: string | null }>(
      "({ access: sessionStorage.getItem('atelier.token'), refresh: sessionStorage.getItem('atelier.refresh') })",
    );

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renames a session inline: the list shows the new title after a reload', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('renamer');
    await newSession(user, 'Holiday ideas');
    const { page } = await openApp(user);

    await page.getByRole('button', { name: 'Rename "Holiday ideas"' }).click();
    await page.getByLabel('New title for "Holiday ideas"').fill('Seaside posters');
    await page.getByRole('button', { name: 'Save the title' }).click();
    await page.getByRole('button', { name: 'Seaside posters', exact: true }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Seaside posters', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Holiday ideas', exact: true }).count()).toBe(0);
  });

  it('lists sessions a page at a time: "More conversations" shows the older ones', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('many');
    for (let i = 1; i <= SESSION_PAGE + 2; i++) await newSession(user, `Topic ${i}`);
    const { page } = await openApp(user);
    const list = page.getByRole('navigation', { name: 'Conversations' });

    await list.getByRole('button', { name: `Topic ${SESSION_PAGE + 2}`, exact: true }).waitFor();
    expect(await list.getByRole('button', { name: 'Topic 1', exact: true }).count()).toBe(0);
    await list.getByRole('button', { name: 'More conversations' }).click();
    await list.getByRole('button', { name: 'Topic 1', exact: true }).waitFor();
    expect(await list.getByRole('button', { name: /^Topic \d+$/ }).count()).toBe(SESSION_PAGE + 2);
    await list.getByRole('button', { name: 'More conversations' }).waitFor({ state: 'detached' });
  });

  it('deletes a session after asking what becomes of its images (here: the trash)', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('deleter');
    await newSession(user, 'Keep this one');
    const doomed = await newSession(user, 'Kites');
    const image = (await untilDone(user, doomed, await postMessage(user, doomed, 'Create a red kite'))).images[0];
    const { page } = await openApp(user);

    await page.getByRole('button', { name: 'Delete "Kites"' }).click();
    await expect.poll(() => page.getByLabel("Move to the gallery's trash (restorable)").isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Yes, delete "Kites"' }).click();
    // Gone from the list: the row, its confirmation included.
    await expect.poll(() => page.getByRole('navigation', { name: 'Conversations' }).getByText(/Kites/).count()).toBe(0);
    await page.getByRole('button', { name: 'Keep this one', exact: true }).waitFor();

    expect((await user.api('GET', `/api/v1/chat/sessions/${doomed.id}/`)).status).toBe(404);
    const trash = (await user.api('GET', '/v1/gallery/deleted/')).body as { data: { id: string }[] };
    expect(trash.data.map((item) => item.id)).toContain(image?.id);
  });

  it('shows the newest messages, loads earlier ones without duplicates, and keeps following live', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('pager');
    const session = await newSession(user, 'Long talk');
    const count = MESSAGE_PAGE + 5;
    for (let i = 1; i <= count; i++) {
      const message = await postMessage(user, session, `Note ${i}`);
      // Cancelled at once: the history is the point, not forty images.
      await user.api('POST', `/api/v1/chat/sessions/${session.id}/messages/${message.id}/cancel/`);
    }
    const { page } = await openApp(user);
    const listed: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith(`/sessions/${session.id}/messages/`)) listed.push(url.search);
    });
    const prompts = page.locator('.message .prompt');

    await page.getByText(`Note ${count}`, { exact: true }).waitFor();
    await expect.poll(() => prompts.count()).toBe(MESSAGE_PAGE);
    expect(await page.getByText('Note 1', { exact: true }).count()).toBe(0);
    // Opened at its end in one request: the newest page (order=newest), not a walk from the start.
    expect(listed).toEqual([`?order=newest&limit=${MESSAGE_PAGE}`]);

    await page.getByRole('button', { name: /^Earlier messages/ }).click();
    await page.getByText('Note 1', { exact: true }).waitFor();
    const shown = await prompts.allTextContents();
    expect(shown).toEqual(Array.from({ length: count }, (_, i) => `Note ${i + 1}`));
    expect(listed).toHaveLength(2);
    await page.getByRole('button', { name: /^Earlier messages/ }).waitFor({ state: 'detached' });

    // A message posted elsewhere arrives over the live follow, after the rest.
    await postMessage(user, session, 'Create a paper boat');
    await page.getByRole('img', { name: 'Image 1 for "Create a paper boat"' }).waitFor({ timeout: 40_000 });
    expect(await prompts.count()).toBe(count + 1);
  });

  it('posts from a template with its blank filled', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('templater');
    const made = await user.api('POST', '/v1/templates/', { name: 'Lighthouse', text: 'A lighthouse at {time_of_day}, {style}', defaults: { style: 'in watercolour' } });
    expect(made.status).toBe(201);
    await newSession(user, 'From templates');
    const { page } = await openApp(user);

    await page.getByRole('button', { name: 'Use a template' }).click();
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Lighthouse' });
    await page.getByLabel('time of day').fill('dusk');
    await page.getByText('A lighthouse at dusk, in watercolour').waitFor(); // the preview
    await page.getByRole('button', { name: 'Send "Lighthouse"' }).click();
    await page.locator('.message .prompt').filter({ hasText: 'A lighthouse at dusk, in watercolour' }).waitFor();
  });

  it('saves a template from the app (a wrong brace refused with the reason) and posts it', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('author');
    await newSession(user, 'Castles');
    const refusedText = (status: number, url: string) => status === 400 && new URL(url).pathname === '/v1/templates/';
    const { page } = await openApp(user, '#/chat', refusedText);

    await page.getByRole('button', { name: 'Use a template' }).click();
    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel('Template name').fill('Castle');
    await page.getByLabel(/Template text/).fill('A castle in {Season}');
    await page.getByRole('button', { name: 'Save the template' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).not.toBe('Could not save the template'); // the server's reason

    await page.getByLabel(/Template text/).fill('A castle in {season}');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await page.getByLabel('season', { exact: true }).fill('winter');
    await page.getByRole('button', { name: 'Send "Castle"' }).click();
    await page.locator('.message .prompt').filter({ hasText: 'A castle in winter' }).waitFor();
  });

  it('makes the number of variations chosen (2), each image captioned with its seed', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('varier');
    const session = await newSession(user, 'Boats');
    await untilDone(user, session, await postMessage(user, session, 'Create a blue boat'));
    const { page } = await openApp(user);

    const first = page.locator('.message').first();
    await first.getByLabel('How many variations').selectOption('2');
    await first.getByRole('button', { name: 'Make 2 variations' }).click();
    const second = page.locator('.message').nth(1);
    await second.getByRole('img', { name: 'Image 2 for "Create a blue boat"' }).waitFor({ timeout: 40_000 });
    expect(await second.getByRole('img').count()).toBe(2);
    const seeds = await second.locator('.seed').allTextContents();
    expect(seeds).toHaveLength(2);
    expect(seeds.every((seed) => /^Seed \d+$/.test(seed))).toBe(true);
    expect(new Set(seeds).size).toBe(2);
    expect(await second.getByRole('link').first().getAttribute('title')).toBe(seeds[0]);
  });

  it('renews an access token that expires mid-use: the refused action is sent again and works, the follow goes on', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('expiring');
    const session = await newSession(user, 'Fields');
    const token = await shortLivedToken(user, 8);
    const { page, refreshes, refused, frames } = await openApp({ token, refreshToken: user.refreshToken }, '#/chat', isRefusedToken);
    await page.locator('.conversation[data-following="true"]').waitFor();

    // Until the server itself refuses the token: it has expired.
    await expect.poll(async () => (await callApi(atelier.url, 'GET', '/v1/me/', undefined, { authorization: `Bearer ${token}` })).status, { timeout: 15_000 }).toBe(401);

    expect(refreshes).toEqual([]); // the page was followed before the expiry, as the test means
    await page.getByLabel(/Describe an image/).fill('Create a green field');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('img', { name: 'Image 1 for "Create a green field"' }).waitFor({ timeout: 40_000 });
    expect(refused).toEqual([`POST /api/v1/chat/sessions/${session.id}/messages/`]);
    expect(refreshes).toHaveLength(1);
    expect((await storedTokens(page)).access).not.toBe(token);
    // The socket opened before the expiry kept delivering the new message's changes.
    expect(frames.some((frame) => frame.includes('message.updated') && frame.includes('Create a green field'))).toBe(true);
  });

  it('a reconnect after the token expired renews it for the socket and resumes the follow', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('reconnecting');
    const session = await newSession(user, 'Meadows');
    const token = await shortLivedToken(user, 5);
    // Socket.IO's own transport answers 400 to the polling request of the session the drop ended.
    const expected = (status: number, url: string) => isRefusedToken(status) || (status === 400 && new URL(url).pathname === '/socket.io/');
    const { page, refreshes } = await openApp({ token, refreshToken: user.refreshToken }, '#/chat', expected);
    await page.locator('.conversation[data-following="true"]').waitFor();
    await expect.poll(async () => (await callApi(atelier.url, 'GET', '/v1/me/', undefined, { authorization: `Bearer ${token}` })).status, { timeout: 15_000 }).toBe(401);

    // The connection drops; socket.io-client reconnects with the expired token and is refused;
    // the app renews the token and follows again from what it holds.
    const received: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => received.push(String(payload))));
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await expect.poll(() => refreshes.length, { timeout: 20_000 }).toBe(1);

    await postMessage(user, session, 'Create a yellow meadow');
    await page.getByRole('img', { name: 'Image 1 for "Create a yellow meadow"' }).waitFor({ timeout: 40_000 });
    expect(received.some((frame) => frame.includes('message.updated') && frame.includes('Create a yellow meadow'))).toBe(true);
  });

  it('several calls refused at once share one refresh (a reused refresh token would end the sign-in)', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('concurrent');
    const { page, refreshes } = await openApp({ token: await shortLivedToken(user, 0), refreshToken: user.refreshToken }, '#/usage', isRefusedToken);
    await page.getByText(/Signed in as/).waitFor();
    await page.getByRole('table', { name: /Your usage by day/ }).or(page.getByText(/Nothing counted/)).first().waitFor();
    expect(refreshes).toHaveLength(1);
    const { refresh } = await storedTokens(page);
    expect(refresh).not.toBe(user.refreshToken);
    // The family is alive: the stored refresh token still exchanges.
    expect((await callApi(atelier.url, 'POST', '/v1/auth/refresh/', { refresh_token: refresh })).status).toBe(200);
  });

  it('returns to sign-in, saying why, when the refresh fails', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('revoked');
    expect((await callApi(atelier.url, 'POST', '/v1/auth/logout/', { refresh_token: user.refreshToken })).status).toBe(204);
    const { page } = await openApp({ token: await shortLivedToken(user, 0), refreshToken: user.refreshToken }, '#/chat', isRefusedToken);
    await page.getByText('Your session ended; sign in again').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await storedTokens(page)).toEqual({ access: null, refresh: null });

    await page.getByLabel('Email').fill(user.user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'New conversation' }).waitFor();
  });

  it('signs out by revoking the refresh token', { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('leaver');
    const { page } = await openApp(user);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect((await callApi(atelier.url, 'POST', '/v1/auth/refresh/', { refresh_token: user.refreshToken })).status).toBe(401);
  });

  it("usage: the grouping changes the table; an admin also sees the organisation's report per member", { timeout: 60_000 }, async () => {
    const user = await atelier.signUp('Reporter');
    const session = await newSession(user, 'Usage');
    await untilDone(user, session, await postMessage(user, session, 'Create an orange moon'));
    expect((await atelier.api('PATCH', `/v1/org/members/${user.user.id}/`, { role: 'admin' })).status).toBe(200);
    // Signed in again: the new token carries the admin role.
    const signedIn = (await callApi(atelier.url, 'POST', '/v1/auth/login/', { email: user.user.email, password: PASSWORD })).body as { access_token: string; refresh_token: string };
    const { page } = await openApp({ token: signedIn.access_token, refreshToken: signedIn.refresh_token }, '#/usage');

    const mine = page.getByRole('table', { name: 'Your usage by day' });
    await mine.getByRole('rowheader', { name: new Date().toISOString().slice(0, 10) }).waitFor();
    await page.getByLabel('Group by').selectOption('intent');
    await page.getByRole('table', { name: 'Your usage by intent' }).getByRole('rowheader', { name: 'generate' }).waitFor();
    expect(await mine.count()).toBe(0);

    await page.getByRole('table', { name: 'The organisation by intent' }).waitFor();
    await page.getByRole('table', { name: 'Each member, the costliest first' }).getByRole('rowheader', { name: 'Reporter' }).waitFor();
  });
});
