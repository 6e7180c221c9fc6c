/**
 * `toHTML`: the HTML of a table, a summary, a metric report or a figure. Results are data; this is where they
 * become markup, every value escaped.
 */
import { Figure, isFigure } from '../charts/figure';
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { isTabulated, Tabulated } from '../util/tabular';
import { figureHtml } from './figure-html';
import { htmlTable } from './html-table';

/** Options of `toHTML`. */
export interface ToHtmlOptions {
  /** Rows of a `Table` shown (the caption says how many there are). Defaults to 20. */
  maxRows?: number;
}

/**
 * Escaped HTML for a `Table` (its first `maxRows` rows), anything with a table form (`summarize`,
 * `classificationReport`, `compareModels`, `crossValidate`, `backtest`, `searchModels`) or a figure.
 * @example writeFileSync('summary.html', toHTML(summarize(table)));
 */
export function toHTML(value: Table | Tabulated | Figure, options: ToHtmlOptions = {}): string {
  if (value instanceof Table) {
    const t = value.tabulate(options.maxRows ?? 20);
    return htmlTable(t.header, t.rows, { caption: t.caption });
  }
  if (isTabulated(value)) {
    const t = value.tabulate();
    return htmlTable(t.header, t.rows, { caption: t.caption });
  }
  if (isFigure(value)) return figureHtml(value);
  throw new InputError(
    `toHTML takes a Table, a result with a table form (summarize, classificationReport, …) or a figure, got ${value === null ? 'null' : typeof value}`,
  );
}
