/**
 * Notices: things the library did on the user's behalf that change the result and that they should know about
 * (a newest-first file sorted, a validation set missing a class), as Python's `warnings` does for pandas and
 * scikit-learn. They go to stderr, which a notebook shows under the cell; `TSDL_NOTICES=off` silences them and
 * `collectNotices` captures them (tests, reports).
 */

type Sink = (message: string) => void;
let sinks: Sink[] = [];

/** Tells the user about `message`, once per call. */
export function notice(message: string): void {
  if (sinks.length) {
    sinks[sinks.length - 1](message);
    return;
  }
  if (process.env.TSDL_NOTICES !== 'off') process.stderr.write(`[tsdl] ${message}\n`);
}

/** Runs `fn` and returns the notices it gave (they are not printed), with its result. */
export function collectNotices<T>(fn: () => T): { result: T; notices: string[] } {
  const { notices, release } = capture();
  try {
    return { result: fn(), notices };
  } finally {
    release();
  }
}

/** `collectNotices` for async work. */
export async function collectNoticesAsync<T>(fn: () => Promise<T>): Promise<{ result: T; notices: string[] }> {
  const { notices, release } = capture();
  try {
    return { result: await fn(), notices };
  } finally {
    release();
  }
}

/** Starts collecting notices; `release` stops this capture alone (captures may nest, or overlap when async). */
function capture(): { notices: string[]; release: () => void } {
  const notices: string[] = [];
  const sink: Sink = (m) => notices.push(m);
  sinks.push(sink);
  return { notices, release: () => (sinks = sinks.filter((s) => s !== sink)) };
}
