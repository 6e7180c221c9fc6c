// Root hooks: one backend for the whole run (TSDL_BACKEND picks it), and its name in the output.
import { describeBackend, initBackend } from '../lib/backend';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60000);
    const info = await initBackend();
    if (!process.env.TSDL_QUIET) console.log(`  [${describeBackend(info)}]`);
  },
};
