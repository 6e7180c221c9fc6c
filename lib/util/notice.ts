/**
 * Notices: things the library did on the user's behalf that change the result and that they should know about
 * (a newest-first file sorted, a validation set missing a class), as Python's `warnings` does for pandas and
 * scikit-learn. They go to stderr, which a notebook shows under the cell; `TSDL_NOTICES=off` silences them and
 * `collectNotices` captures them (tests, reports).
 */
import { checkString } from './check';
import { InputError } from './errors';

type Sink = (message: string) => void;
let sinks: Sink[] = [];

/** Longest quoted value a notice shows whole, and the longest notice. */
const MAX_VALUE = 80;
const MAX_NOTICE = 2000;

/**
 * The message with every quoted value longer than 80 characters cut (its length said), and the whole cut to
 * 2,000: a notice quoting an 8 MB field must not write 8 MB to the notebook.
 */
export function boundedMessage(message: string): string {
  // A loop over the quotes, not a regular expression: V8's regex engine overflows its stack on a 10 MB value.
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const open = message.indexOf('"', at);
    const close = open < 0 ? -1 : message.indexOf('"', open + 1);
    if (close < 0) break;
    const length = close - open - 1;
    if (length > MAX_VALUE) {
      parts.push(message.slice(at, open + MAX_VALUE), `…" (${length.toLocaleString('en-US')} characters)`);
    } else parts.push(message.slice(at, close + 1));
    at = close + 1;
  }
  parts.push(message.slice(at));
  const cut = parts.join('');
  return cut.length <= MAX_NOTICE ? cut : `${cut.slice(0, MAX_NOTICE - 1)}…`;
}

/** Tells the user about `message`, once per call (long values cut, see `boundedMessage`). */
export function notice(full: string): void {
  checkString('notice: full', full);
  const message = boundedMessage(full);
  if (sinks.length) {
    sinks[sinks.length - 1](message);
    return;
  }
  if (process.env.TSDL_NOTICES !== 'off') process.stderr.write(`[tsdl] ${message}\n`);
}

/** Runs `fn` and returns the notices it gave (they are not printed), with its result. */
export function collectNotices<T>(fn: () => T): { result: T; notices: string[] } {
  if (typeof fn !== 'function') throw new InputError(`collectNotices takes a function to run, got ${typeof fn}`);
  const { notices, release } = capture();
  try {
    return { result: fn(), notices };
  } finally {
    release();
  }
}

/** `collectNotices` for async work. */
export async function collectNoticesAsync<T>(fn: () => Promise<T>): Promise<{ result: T; notices: string[] }> {
  if (typeof fn !== 'function') throw new InputError(`collectNoticesAsync takes a function to run, got ${typeof fn}`);
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
