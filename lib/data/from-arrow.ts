/**
 * `fromArrow`: an Apache Arrow table (from Parquet, Feather or an Arrow IPC stream) as a `Table`, typed the way
 * `loadCsv` types the CSV of the same data: timestamps and dates become date columns (epoch ms, instants for
 * zoned timestamps), integers and floats numbers (null → NaN), an int64 column with a value beyond 2^53 text with
 * every digit (account and card numbers), text and dictionary-encoded categories text (null stays null), and
 * booleans the text "True"/"False", as pandas writes them to CSV. Other types (lists, structs, binary) are refused
 * by name.
 */
import { InputError } from '../util/errors';
import type { Column, ColumnKind } from './table';
import { Table } from './table';

/** The parts of apache-arrow's Table and Vector used here (the package is optional, so its types stay inside). */
interface ArrowVector {
  length: number;
  nullCount: number;
  get(i: number): unknown;
  isValid(i: number): boolean;
  toArray(): ArrayLike<unknown>;
}
interface ArrowField {
  name: string;
  type: { typeId: number; toString(): string };
}
export interface ArrowTableLike {
  numRows: number;
  schema: { fields: ArrowField[] };
  getChild(name: string): ArrowVector | null;
}
/** apache-arrow's DataType predicates. */
export interface ArrowTypes {
  isInt(t: unknown): boolean;
  isFloat(t: unknown): boolean;
  isBool(t: unknown): boolean;
  isUtf8(t: unknown): boolean;
  isLargeUtf8(t: unknown): boolean;
  isDate(t: unknown): boolean;
  isTimestamp(t: unknown): boolean;
  isDictionary(t: unknown): boolean;
}

const EXACT = 2 ** 53;

/**
 * Numbers from a numeric vector: its values in one copy (`toArray`), null slots set to NaN. `perMs` converts a
 * timestamp's unit to milliseconds; nanoseconds are split in integer arithmetic, since 2^53 ns is only 104 days.
 */
function numbers(v: ArrowVector, perMs = 1): Float64Array {
  const raw = v.toArray() as ArrayLike<number | bigint>;
  const out = new Float64Array(v.length);
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
    if (perMs === 1) for (let i = 0; i < out.length; i++) out[i] = Number(raw[i]);
    else if (perMs <= 1000) for (let i = 0; i < out.length; i++) out[i] = Number(raw[i]) / perMs;
    else {
      const p = BigInt(perMs);
      for (let i = 0; i < out.length; i++) out[i] = Number(raw[i] / p) + Number(raw[i] % p) / perMs;
    }
  } else if (perMs === 1) out.set(raw as ArrayLike<number>);
  else for (let i = 0; i < out.length; i++) out[i] = (raw[i] as number) / perMs;
  if (v.nullCount > 0) for (let i = 0; i < out.length; i++) if (!v.isValid(i)) out[i] = NaN;
  return out;
}

/** Values one by one (dates by day, for which `toArray` gives the stored unit); null → NaN. */
function numbersByValue(v: ArrowVector): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    out[i] = x === null || x === undefined ? NaN : Number(x);
  }
  return out;
}

function texts(v: ArrowVector, f?: (x: unknown) => string): (string | null)[] {
  const raw = f ? undefined : v.toArray();
  if (raw && Array.isArray(raw)) {
    const out = raw as (string | null)[];
    if (v.nullCount > 0) for (let i = 0; i < out.length; i++) if (!v.isValid(i)) out[i] = null;
    return out;
  }
  const out: (string | null)[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    out[i] = x === null || x === undefined ? null : (f ?? String)(x);
  }
  return out;
}

/** Timestamp units (apache-arrow's TimeUnit: SECOND, MILLISECOND, MICROSECOND, NANOSECOND) per millisecond. */
const PER_MS = [1e-3, 1, 1e3, 1e6];

/** Converts an apache-arrow Table; `types` is apache-arrow's `DataType` (its static predicates). */
export function fromArrow(arrow: ArrowTableLike, types: ArrowTypes, source: string, columns?: readonly string[]): { table: Table; dateColumns: string[] } {
  const fields = arrow.schema.fields;
  const names = fields.map((f) => f.name);
  if (columns) {
    const missing = columns.filter((c) => !names.includes(c));
    if (missing.length) throw new InputError(`${source} has no column ${missing.map((c) => `"${c}"`).join(', ')} (columns: ${names.join(', ')})`);
  }
  const wanted = columns ? fields.filter((f) => columns.includes(f.name)) : fields;
  const out = new Map<string, Column>();
  const kinds = new Map<string, ColumnKind>();
  const dateColumns: string[] = [];
  for (const field of wanted) {
    const v = arrow.getChild(field.name);
    if (!v) continue;
    const t = field.type;
    if (types.isTimestamp(t) || types.isDate(t)) {
      out.set(field.name, types.isTimestamp(t) ? numbers(v, PER_MS[(t as { unit?: number }).unit ?? 1]) : numbersByValue(v));
      kinds.set(field.name, 'date');
      dateColumns.push(field.name);
    } else if (types.isInt(t)) {
      let big = false;
      const raw = v.toArray() as ArrayLike<number | bigint>;
      if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
        const limit = BigInt(EXACT);
        for (let i = 0; i < raw.length && !big; i++) if ((raw[i] > limit || raw[i] < -limit) && v.isValid(i)) big = true;
      }
      // As loadCsv: an integer column that a double would round keeps every digit as text.
      if (big) out.set(field.name, texts(v));
      else out.set(field.name, numbers(v));
      kinds.set(field.name, big ? 'string' : 'number');
    } else if (types.isFloat(t)) {
      out.set(field.name, numbers(v));
      kinds.set(field.name, 'number');
    } else if (types.isUtf8(t) || types.isLargeUtf8(t) || types.isDictionary(t)) {
      out.set(field.name, texts(v));
      kinds.set(field.name, 'string');
    } else if (types.isBool(t)) {
      out.set(
        field.name,
        texts(v, (x) => (x ? 'True' : 'False')),
      );
      kinds.set(field.name, 'string');
    } else {
      throw new InputError(
        `${source}: column "${field.name}" holds ${String(t)} values, which a Table cannot hold; load the other columns with { columns: [...] } or flatten it before saving`,
      );
    }
  }
  return { table: new Table(out, kinds), dateColumns };
}
