/** HTML escaping: every string from data or options that reaches a table, title or report goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Options of `htmlTable`. */
export interface HtmlTableOptions {
  /** Caption above the table. Defaults to none. */
  caption?: string;
  /** Digits after the point for non-integer numbers. Defaults to 4. */
  digits?: number;
}

/** Formats one cell: numbers rounded, missing values as "NaN", everything escaped. */
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

/** An escaped HTML table from a header and rows. */
export function htmlTable(header: readonly string[], rows: readonly (readonly unknown[])[], options: HtmlTableOptions = {}): string {
  const digits = options.digits ?? 4;
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const head = `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(formatCell(v, digits))}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="tsdl-table">${caption}${head}<tbody>${body}</tbody></table>`;
}

/** A plain-text table (for `text/plain` outputs and terminals). */
export function textTable(header: readonly string[], rows: readonly (readonly unknown[])[], digits = 4): string {
  const cells = [header.map(String), ...rows.map((r) => r.map((v) => formatCell(v, digits)))];
  // A loop, not Math.max(...): spreading a long column overflows the call stack (about 120,000 arguments).
  const widths = header.map((_, j) => cells.reduce((w, r) => Math.max(w, (r[j] ?? '').length), 0));
  return cells.map((r) => r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
}
