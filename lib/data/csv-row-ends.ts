/**
 * Row ends of a CSV read in blocks: a line end (LF, CRLF or a lone CR, as loadCsv reads them) outside quotes.
 * The quote state and a CR at a block's last byte carry over to the next block, so each byte is looked at once
 * whatever the block size: a 4 MB field read in 2 KiB blocks costs one pass, not one pass per block.
 */
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where a scan of blocks stands between two blocks. */
export interface RowEndState {
  /** Inside a quoted field. */
  quoted: boolean;
  /** The last block ended in a CR outside quotes: a row end unless this block starts with LF (CRLF). */
  pendingCr: boolean;
}

export function rowEndState(): RowEndState {
  return { quoted: false, pendingCr: false };
}

/**
 * The index just after the first (`which: 'first'`) or last row end in `b[from, to)`, or -1; `state` is where
 * the scan stood at `from` and is moved on to where it stopped (`to`, or after the first row end). 0 can be
 * returned: a CR that ended the previous block ended a row there. A CR at `to - 1` is left pending unless `eof`.
 */
export function rowEnd(b: Uint8Array, from: number, to: number, state: RowEndState, which: 'first' | 'last', eof: boolean): number {
  let last = -1;
  let quoted = state.quoted;
  let i = from;
  if (state.pendingCr && i < to) {
    state.pendingCr = false;
    if (b[i] !== LF) {
      if (which === 'first') return i;
      last = i;
    }
  }
  for (; i < to; i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || (c === CR && i + 1 < to && b[i + 1] !== LF)) {
      last = i + 1;
      if (which === 'first') {
        state.quoted = false;
        return last;
      }
    } else if (c === CR && i + 1 === to) {
      if (eof) last = to;
      else state.pendingCr = true;
      if (which === 'first' && eof) {
        state.quoted = false;
        return last;
      }
    }
  }
  state.quoted = quoted;
  return last;
}
