/**
 * `summarize`: what a data scientist checks first — pandas' `describe()` per column (missing values
 * included, where danfo's throws), class balance of a label, and the date coverage with its gaps.
 */
import { Table } from './table';
import { isoDate } from './iso-date';
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { presentSorted, quantileSorted } from '../util/stats';
import { checkTable } from './check-table';

export interface ColumnSummary {
  column: string;
  kind: string;
  count: number;
  missing: number;
  mean?: number;
  std?: number;
  min?: number;
  q25?: number;
  median?: number;
  q75?: number;
  max?: number;
  unique?: number;
  top?: string;
}

export interface DataSummary {
  rows: number;
  columns: ColumnSummary[];
  /** Rows per class of the label column, when one was named. */
  classBalance?: { label: string; counts: Record<string, number> };
  /**
   * First and last date, how many rows have one and how many distinct ones there are, and the typical and largest
   * gap between consecutive distinct dates (days; NaN and 0 for a single date). Absent when no row has a date.
   */
  dates?: { column: string; first: string; last: string; present: number; distinct: number; medianGapDays: number; maxGapDays: number; maxGapAfter: string };
  /** The table form (header, rows, caption), as data: `toHTML` and `show` render it. */
  tabulate(): Tabular;
  toString(): string;
}

export interface SummarizeOptions {
  /** Label column whose class balance to report. */
  label?: string;
  /** Date column for coverage. Defaults to the first date column. */
  dateColumn?: string;
}

function describeNumbers(v: Float64Array): Partial<ColumnSummary> {
  const n = v.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    min: n > 0 ? v[0] : NaN,
    q25: quantileSorted(v, 0.25),
    median: quantileSorted(v, 0.5),
    q75: quantileSorted(v, 0.75),
    max: n > 0 ? v[n - 1] : NaN,
  };
}

/** A gap in days as people say it: "1 day", "3.5 hours", "1 minute" (three significant digits). */
function duration(days: number): string {
  const ms = days * 86_400_000;
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size) {
      const v = Number((ms / size).toPrecision(3));
      return `${v} ${name}${v === 1 ? '' : 's'}`;
    }
  }
  return `${Number(ms.toPrecision(3))} ms`;
}

/** Summarises every column of a table. */
export function summarize(table: Table, options: SummarizeOptions = {}): DataSummary {
  checkTable('summarize', table);
  const columns: ColumnSummary[] = table.columnNames.map((name) => {
    const kind = table.kind(name);
    if (kind === 'string') {
      const values = table.strings(name);
      const present = values.filter((s): s is string => s !== null);
      const counts = new Map<string, number>();
      for (const s of present) counts.set(s, (counts.get(s) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      return { column: name, kind, count: present.length, missing: values.length - present.length, unique: counts.size, top };
    }
    const x = table.column(name) as Float64Array;
    const d = describeNumbers(presentSorted(x));
    return { column: name, kind, count: d.count!, missing: x.length - d.count!, ...(kind === 'number' ? d : { min: d.min, max: d.max }) };
  });
  let classBalance: DataSummary['classBalance'];
  if (options.label) {
    const counts: Record<string, number> = {};
    for (const v of table.strings(options.label)) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    classBalance = { label: options.label, counts };
  }
  let dates: DataSummary['dates'];
  const dateColumn = options.dateColumn ?? table.columnNames.find((n) => table.kind(n) === 'date');
  const all = dateColumn ? presentSorted(table.dates(dateColumn)) : new Float64Array(0);
  if (dateColumn && all.length > 0) {
    // Gaps between distinct dates in time order: a table in file order, or with several rows per date (one per
    // symbol or patient), would otherwise show negative gaps or a typical gap of 0 days.
    const present = all.length;
    let distinct = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i];
    const t = all.subarray(0, distinct);
    const gaps = new Float64Array(Math.max(0, t.length - 1));
    for (let i = 0; i < gaps.length; i++) gaps[i] = (t[i + 1] - t[i]) / 86_400_000;
    let at = 0; // the largest gap's index (a loop: Math.max(...gaps) overflows the call stack on long tables)
    for (let i = 1; i < gaps.length; i++) if (gaps[i] > gaps[at]) at = i;
    dates = {
      column: dateColumn,
      first: isoDate(t[0]),
      last: isoDate(t[t.length - 1]),
      present,
      distinct: t.length,
      medianGapDays: quantileSorted(gaps.slice().sort(), 0.5),
      maxGapDays: gaps.length ? gaps[at] : 0,
      maxGapAfter: gaps.length ? isoDate(t[at]) : '',
    };
  }
  const header = ['column', 'kind', 'count', 'missing', 'mean', 'std', 'min', '25%', '50%', '75%', 'max', 'unique', 'top'];
  const rows = columns.map((c) => {
    const fmt = (v: number | undefined) => (v === undefined ? '' : c.kind === 'date' ? (Number.isNaN(v) ? '' : isoDate(v)) : v);
    return [
      c.column,
      c.kind,
      c.count,
      c.missing,
      c.mean ?? '',
      c.std ?? '',
      fmt(c.min),
      c.q25 ?? '',
      c.median ?? '',
      c.q75 ?? '',
      fmt(c.max),
      c.unique ?? '',
      c.top ?? '',
    ];
  });
  const notes = [
    `${table.numRows} rows`,
    classBalance
      ? `class balance of ${classBalance.label}: ${Object.entries(classBalance.counts)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`
      : '',
    dates
      ? `dates ${dates.first} to ${dates.last}${dates.distinct < dates.present ? ` (${dates.distinct} distinct)` : ''}${dates.distinct > 1 ? `, typical gap ${duration(dates.medianGapDays)}, largest ${duration(dates.maxGapDays)} after ${dates.maxGapAfter}` : ''}`
      : '',
  ].filter(Boolean);
  return {
    rows: table.numRows,
    columns,
    classBalance,
    dates,
    tabulate: () => ({ header, rows, caption: notes.join('; ') }),
    toString: () => `${notes.join('\n')}\n${textTable(header, rows)}`,
  };
}
