/**
 * The CSV row scan's fast version, behind the kernels door: native/scan-csv.c runs the same loop as
 * data/csv-scan.ts's scanRows (the plain TypeScript reference, which also writes every error), faster (docs/performance.md). The
 * reader asks here whether to use it and hands any row the C scan leaves (an unclosed quote, a blank line, a wrong
 * width) back to scanRows, so both give the same table (test/kernels/c-helper.test.ts, test/data/parse-csv.test.ts).
 */
import { CHelper, cHelper } from './c-helper';

/** Why the C scan stopped (native/tsdl-helper.h). */
export const ScanStop = { End: 0, Full: 1, TextStarts: 2, Row: 3, QuotedRows: 4 } as const;

/** From this many bytes on, the C scan does the rows (below it, a call costs more than it saves). */
export const C_SCAN_MIN_BYTES = 1 << 16;

export type NativeRowScan = CHelper['scanRows'];

/** The C row scan for a file of `bytes` bytes, or null when the TypeScript scan should do every row. */
export function nativeRowScan(bytes: number): NativeRowScan | null {
  const helper = bytes >= C_SCAN_MIN_BYTES ? cHelper() : null;
  return helper ? helper.scanRows.bind(helper) : null;
}
