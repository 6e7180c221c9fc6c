// Root hooks: one backend for the whole run (TSDL_BACKEND picks it), and its name in the output.
import { describeBackend, initBackend } from '../lib/backend';
import { ALLOWED_SKIPS } from './skip-allow-list';

/** Every test under a suite, depth first. */
function testsOf(suite: Mocha.Suite): Mocha.Test[] {
  return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60000);
    const info = await initBackend();
    if (!process.env.TSDL_QUIET) console.log(`  [${describeBackend(info)}]`);
  },
  // In CI a skipped test is a failure unless test/skip-allow-list.ts names it and why: a missing dependency of the
  // setup must not turn into a green run that tested less.
  afterAll(this: Mocha.Context) {
    if (!process.env.CI) return;
    let root: Mocha.Suite | undefined = this.test?.parent;
    while (root?.parent) root = root.parent;
    const unexpected = root ? testsOf(root).filter((t) => t.isPending() && !ALLOWED_SKIPS.some((a) => a.title.test(t.fullTitle()))) : [];
    if (unexpected.length)
      throw new Error(
        `${unexpected.length} test(s) skipped in CI without an entry in test/skip-allow-list.ts:\n  ${unexpected.map((t) => t.fullTitle()).join('\n  ')}`,
      );
  },
};
