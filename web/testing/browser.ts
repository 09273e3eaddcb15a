import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * What every browser test shares: Debian's Chromium driven by playwright-core, a page whose script
 * errors, refused requests and CSP blocks are collected (a test fails on them rather than hiding
 * them), and a way to open the app already signed in (the token where the app keeps it).
 */

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** Says once, in the test output, why the browser tests of `file` skip and how to run them. */
export function warnWithoutChromium(file: string): void {
  if (!haveChromium) console.warn(`${file}: no ${CHROMIUM}, the browser tests skip (apt-get install -y chromium)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Collects into `problems` what a person would see as broken: an uncaught script error, a response
 * of 400 or more (unless `expected` says it is the point of the test), a console error.
 */
export function watchPage(page: Page, problems: string[], expected: (status: number, url: string) => boolean = () => false): void {
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.status(), response.url())) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
}

/**
 * A browser context whose tab already holds `token` (and `refreshToken`, when given: the app
 * renews a refused access token with it) in the app's sessionStorage slots: signed in. Only the
 * first page load stores them, so a reload keeps what the app stored since (a renewed pair).
 */
export async function signedInContext(
  browser: Browser,
  token: string,
  viewport = { width: 1100, height: 800 },
  refreshToken?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const slots = { 'atelier.token': token, ...(refreshToken && { 'atelier.refresh': refreshToken }) };
  await context.addInitScript(`
    if (!sessionStorage.getItem('atelier.signed-in-by-test')) {
      sessionStorage.setItem('atelier.signed-in-by-test', '1');
      for (const [key, value] of Object.entries(${JSON.stringify(slots)})) sessionStorage.setItem(key, value);
    }
  `);
  return context;
}

/** Whether an <img> has loaded a real picture. */
export function loaded(image: Locator): Promise<boolean> {
  return image.evaluate((element) => {
    const img = element as unknown as { complete: boolean; naturalWidth: number };
    return img.complete && img.naturalWidth > 0;
  });
}

/** What a test opens pages with: where the app is, what collects the pages' problems, what to close after each test. */
export interface PageOpener {
  browser: Browser;
  url: string;
  problems: string[];
  opened: { close(): Promise<void> }[];
}

/**
 * A page of the app at `hash` (`#/gallery`), signed in with `token` in a context of its own
 * (pushed to `opened`, for the test to close), whose problems go to `problems`.
 */
export async function openSignedIn(
  opener: PageOpener,
  token: string,
  options: { hash?: string; viewport?: { width: number; height: number }; expected?: (status: number, url: string) => boolean } = {},
): Promise<Page> {
  const context = await signedInContext(opener.browser, token, options.viewport);
  opener.opened.push(context);
  const page = await context.newPage();
  watchPage(page, opener.problems, options.expected);
  await page.goto(`${opener.url}/${options.hash ?? ''}`);
  return page;
}

/** Chromium for the tests of one describe block: see {@link useChromium}. */
export interface ChromiumForTests {
  /** The browser, once the block's first `beforeAll` has launched it. */
  readonly browser: Browser;
  /** What the pages met that a person would see as broken: must be empty after each test. */
  problems: string[];
  /** Contexts (and anything else) to close after each test. */
  opened: { close(): Promise<void> }[];
}

/**
 * Registers, in the calling describe block, the launch of Chromium (before its tests), the check
 * after each test (what it opened closed, no page problem met) and the browser's close.
 */
export function useChromium(): ChromiumForTests {
  let browser: Browser | undefined;
  const problems: string[] = [];
  const opened: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterEach(async () => {
    for (const held of opened.splice(0)) await held.close();
    expect(problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet: use it from a test or a later beforeAll');
      return browser;
    },
    problems,
    opened,
  };
}
