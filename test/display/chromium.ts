/** Test helper: the browser tests need Debian's chromium; CI must have it, elsewhere they skip. */
import { findChromium } from '../../lib/display/browser';

export function requireChromium(ctx: Mocha.Context): void {
  if (!findChromium()) {
    if (process.env.CI === 'true') throw new Error('CI needs chromium: apt-get install chromium (scripts/setup.sh --browser does it)');
    ctx.skip();
  }
}

/** The browser cases of a suite, in one describe that needs Chromium (and a longer timeout for it). */
export function inChromium(body: () => void): void {
  describe('in headless Chromium (Debian chromium via playwright-core)', function () {
    this.timeout(60000);
    before(function () {
      requireChromium(this);
    });
    body();
  });
}
