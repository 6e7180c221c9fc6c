/**
 * Papermill-style parameters for TypeScript notebooks. The cell tagged `parameters` declares defaults, one
 * per line (`const lookback = 12;`, `const csv = "../datasets/x.csv";`); overrides are type-checked against
 * those defaults and written into a new cell tagged `injected-parameters` right after it, which redeclares
 * them (tslab lets a later cell redeclare a name).
 */
import { ReportError } from '../util/errors';
import { checkObjectWith } from '../util/check';

export type ParameterValue = number | string | boolean;

export interface Parameter {
  name: string;
  type: 'number' | 'string' | 'boolean';
  default: ParameterValue;
}

/** The notebook cells this module reads and writes (nbformat 4). */
export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; [k: string]: unknown };
  outputs?: unknown[];
  execution_count?: number | null;
  [k: string]: unknown;
}
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  [k: string]: unknown;
}

export const cellSource = (cell: NotebookCell): string => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
const hasTag = (cell: NotebookCell, tag: string) => (cell.metadata?.tags ?? []).includes(tag);

const DECLARATION = /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+?)?\s*=\s*(.+?)\s*;?\s*(?:\/\/.*)?$/;

function parseLiteral(text: string): ParameterValue | undefined {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^"(?:[^"\\]|\\.)*"$/.test(t)) return JSON.parse(t) as string;
  if (/^'(?:[^'\\]|\\.)*'$/.test(t)) return t.slice(1, -1).replace(/\\'/g, "'");
  return undefined;
}

/** The index of the `parameters` cell, or -1. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === 'code' && hasTag(c, 'parameters'));
}

/** The parameters a notebook declares, with types taken from their defaults. */
export function readParameters(nb: Notebook, name = 'notebook'): Parameter[] {
  checkObjectWith('readParameters', nb, ['cells'], 'a notebook (its JSON, with cells)');
  const index = parametersCellIndex(nb);
  if (index < 0) return [];
  const params: Parameter[] = [];
  cellSource(nb.cells[index])
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || /^\s*\/\//.test(line)) return;
      const m = DECLARATION.exec(line);
      const value = m ? parseLiteral(m[2]) : undefined;
      if (!m || value === undefined)
        throw new ReportError(`${name}: line ${i + 1} of the parameters cell is not "const name = number | "string" | true/false;": ${line.trim()}`);
      params.push({ name: m[1], type: typeof value as Parameter['type'], default: value });
    });
  return params;
}

/** Parses `-p name=value` strings (command line) into raw values; types are checked by `injectParameters`. */
export function parseParameterArgs(args: readonly string[]): Record<string, string> {
  if (!Array.isArray(args)) checkObjectWith('parseParameterArgs', args, ['length'], 'a list of name=value strings');
  // No prototype: "-p __proto__=1" is a name like any other (and refused as unknown), not a silent no-op.
  const out: Record<string, string> = Object.create(null);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new ReportError(`parameter "${arg}" is not name=value (e.g. -p epochs=20)`);
    const name = arg.slice(0, eq).trim();
    if (!IDENTIFIER.test(name))
      throw new ReportError(`parameter name "${name}" is not a TypeScript identifier (letters, digits, _ and $); use the name declared in the parameters cell`);
    out[name] = arg.slice(eq + 1);
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A decimal number as a person types it: no hex, octal or binary prefix, no "Infinity". */
const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** A JSON string literal that is also a safe TypeScript literal on one line (U+2028 and U+2029 escaped). */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function coerce(p: Parameter, raw: unknown, where: string): ParameterValue {
  const bad = () =>
    new ReportError(`${where}: parameter "${p.name}" must be a ${p.type} like its default ${JSON.stringify(p.default)}, got ${JSON.stringify(raw)}`);
  if (p.type === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n)) throw bad();
    return n;
  }
  if (p.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw bad();
  }
  if (typeof raw !== 'string') throw bad();
  return raw;
}

/**
 * A copy of the notebook with an `injected-parameters` cell after the `parameters` cell (replacing an earlier
 * injected cell). Unknown names and values of the wrong type are refused, naming the valid parameters.
 */
export function injectParameters(
  nb: Notebook,
  overrides: Record<string, unknown>,
  name = 'notebook',
): { notebook: Notebook; values: Record<string, ParameterValue> } {
  checkObjectWith('injectParameters', nb, ['cells'], 'a notebook (its JSON, with cells)');
  const keys = Object.keys(overrides);
  const params = readParameters(nb, name);
  const index = parametersCellIndex(nb);
  if (keys.length && index < 0)
    throw new ReportError(`${name} has no cell tagged "parameters", so ${keys.join(', ')} cannot be set; tag the cell that declares the defaults`);
  const values: Record<string, ParameterValue> = Object.assign(Object.create(null), Object.fromEntries(params.map((p) => [p.name, p.default])));
  for (const key of keys) {
    const p = Object.prototype.hasOwnProperty.call(overrides, key) ? params.find((q) => q.name === key) : undefined;
    if (!p) throw new ReportError(`${name}: unknown parameter "${key}" (valid: ${params.map((q) => q.name).join(', ') || 'none'})`);
    values[key] = coerce(p, overrides[key], name);
  }
  const cells = nb.cells.filter((c) => !hasTag(c, 'injected-parameters')).map((c) => ({ ...c }));
  if (keys.length) {
    // Typed as the parameter's type, not its literal: `const macroCsv = ""` would narrow to "" and make `if (macroCsv)` code unreachable to the type checker.
    const literal = (k: string) => (typeof values[k] === 'string' ? stringLiteral(values[k] as string) : JSON.stringify(values[k]));
    const source = ['// Injected parameters', ...keys.map((k) => `const ${k}: ${params.find((q) => q.name === k)!.type} = ${literal(k)};`)].join('\n');
    cells.splice(index + 1, 0, {
      id: 'injected-parameters',
      cell_type: 'code',
      source,
      metadata: { tags: ['injected-parameters'] },
      outputs: [],
      execution_count: null,
    });
  }
  return { notebook: { ...nb, cells }, values };
}
