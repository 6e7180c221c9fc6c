/**
 * Headless Chromium for static images: Debian's `chromium` driven by playwright-core (no browser download).
 * Used for PNG/SVG exports and tests. Without a browser, callers skip the image with one notice.
 */
import * as fs from 'fs';

const CANDIDATES = [process.env.TSDL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

/** Path of a Chromium executable, or undefined. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((p) => fs.existsSync(p));
}

/** Flags that keep Chromium off the network (it is closed here) and quiet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @internal Launches headless Chromium (Debian's, via playwright-core; an optional dependency, so its types stay out of the published declarations). */
export async function launchBrowser(): Promise<import('playwright-core').Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no Chromium found: install Debian's chromium (apt-get install chromium) or set TSDL_CHROMIUM");
  let playwright: typeof import('playwright-core');
  try {
    playwright = require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed (it is optional: only chart images need it): npm install playwright-core');
  }
  return playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** @internal Launches headless Chromium, runs `fn` with a page, and closes the browser. */
export async function withPage<T>(fn: (page: import('playwright-core').Page) => Promise<T>, options: { offline?: boolean } = {}): Promise<T> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ offline: options.offline ?? true });
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
}
