/** Plain-text tables (for `text/plain` outputs and terminals), and the cell format HTML tables share. */

/** Formats one cell: numbers rounded, missing values as "NaN". */
export function formatCell(value: unknown, digits = 4): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e7) ? value.toExponential(digits - 1) : value.toFixed(digits);
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A plain-text table, columns right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly unknown[])[], digits = 4): string {
  const cells = [header.map(String), ...rows.map((r) => r.map((v) => formatCell(v, digits)))];
  // A loop, not Math.max(...): spreading a long column overflows the call stack (about 120,000 arguments).
  const widths = header.map((_, j) => cells.reduce((w, r) => Math.max(w, (r[j] ?? '').length), 0));
  return cells.map((r) => r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
}
