/**
 * A fast CSV reader into columns of strings: RFC 4180 quoting (quoted delimiters, doubled quotes, quoted
 * newlines), CRLF or LF, a byte-order mark, and `,` `;` or tab detected from the header line.
 */
import { InputError } from '../util/errors';

export interface ParsedCsv {
  header: string[];
  /** One array per column, each of length `numRows`. */
  columns: string[][];
  numRows: number;
  delimiter: string;
}

/** Picks the delimiter that splits the header (outside quotes) into the most fields. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t', '|']) {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text. `source` names the file in errors.
 * @example parseCsv('a,b\n1,2\n').columns  // [['1'], ['2']]
 */
export function parseCsv(text: string, options: { delimiter?: string; source?: string } = {}): ParsedCsv {
  const source = options.source ?? 'CSV';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source} is empty: expected a header line and at least one row`);
  const delim = options.delimiter ?? detectDelimiter(text);
  const dc = delim.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: runs to the next quote not followed by another quote.
      let j = i + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new InputError(`${source}: unclosed quote starting at line ${rows.length + 1}; close the quote or remove it`);
        if (text.charCodeAt(q + 1) === 34) {
          parts += text.slice(j, q + 1);
          j = q + 2;
        } else {
          parts += text.slice(j, q);
          i = q + 1;
          break;
        }
      }
      field = parts;
      // Skip anything between the closing quote and the delimiter (tolerated, like pandas).
      while (i < n && text.charCodeAt(i) !== dc && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === dc || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === dc) {
      i++;
      if (i >= n) row.push('');
    } else {
      // End of line: CRLF, LF or CR.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  // Blank lines carry no data.
  const data = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const header = data[0].map((h) => h.trim());
  const width = header.length;
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new InputError(`${source}: the header has an empty column name (position ${header.indexOf(h) + 1}); name every column`);
    if (seen.has(h)) throw new InputError(`${source}: duplicate column name "${h}" in the header; rename one of them`);
    seen.add(h);
  }
  const numRows = data.length - 1;
  const columns: string[][] = header.map(() => new Array<string>(numRows));
  for (let r = 1; r < data.length; r++) {
    const fields = data[r];
    if (fields.length !== width) {
      throw new InputError(
        `${source}: line ${r + 1} has ${fields.length} fields but the header has ${width}` +
          ` (delimiter "${delim === '\t' ? '\\t' : delim}"); check quoting, or pass { delimiter } if it was guessed wrong`,
      );
    }
    for (let c = 0; c < width; c++) columns[c][r - 1] = fields[c];
  }
  return { header, columns, numRows, delimiter: delim };
}
