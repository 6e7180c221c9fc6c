/** `htmlTable`: an escaped HTML table from a header and rows, the one place tables become HTML. */
import { escapeHtml } from '../util/html';
import { formatCell } from '../util/text-table';
import { checkList } from '../util/check';

/** Options of `htmlTable`. */
export interface HtmlTableOptions {
  /** Caption above the table. Defaults to none. */
  caption?: string;
  /** Digits after the point for non-integer numbers. Defaults to 4. */
  digits?: number;
}

/**
 * An escaped HTML table: every header, cell and the caption go through `escapeHtml`.
 * @example htmlTable(['model', 'RMSE'], [['gru', 0.21]], { caption: '24 test months' })
 */
export function htmlTable(header: readonly string[], rows: readonly (readonly unknown[])[], options: HtmlTableOptions = {}): string {
  checkList('htmlTable: header', header);
  checkList('htmlTable: rows', rows);
  const digits = options.digits ?? 4;
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const head = `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(formatCell(v, digits))}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="tsdl-table">${caption}${head}<tbody>${body}</tbody></table>`;
}
