/**
 * `Tabular`: a result's table form as plain data (header, rows, caption). Results hand it out through
 * `tabulate()`; `display/` renders it as HTML (`toHTML`) and this module as text, so no result knows any HTML.
 */
import { textTable } from './text-table';

export interface Tabular {
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  /** One line above the table (what was measured, on how many rows). */
  readonly caption?: string;
}

/** Something with a table form: a summary, a report, cross-validation folds, a search. */
export interface Tabulated {
  tabulate(): Tabular;
}

/** Whether a value has a table form. */
export function isTabulated(x: unknown): x is Tabulated {
  return !!x && typeof x === 'object' && typeof (x as Tabulated).tabulate === 'function';
}

/** The text form of a table (without its caption). */
export function tabularText(t: Tabular): string {
  return textTable(t.header, t.rows);
}
