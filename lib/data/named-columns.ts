/** Columns given by name — a plain object, a `Map` or `[name, value]` pairs — as ordered pairs. */
/**
 * Columns by name: a `Map` (or a list of `[name, column]` pairs) keeps any name in its given order — `"2021"`,
 * `"__proto__"` and `"constructor"` included — where a plain object reorders integer-like keys and cannot hold
 * `__proto__`.
 */
export type NamedColumns<V> = Readonly<Record<string, V>> | ReadonlyMap<string, V> | readonly (readonly [string, V])[];

/** The `[name, value]` pairs of named columns, in their order (a plain object's own keys only). */
export function namedEntries<V>(named: NamedColumns<V>): [string, V][] {
  if (named instanceof Map) return [...(named as ReadonlyMap<string, V>).entries()];
  if (Array.isArray(named)) return (named as readonly (readonly [string, V])[]).map(([n, v]) => [n, v]);
  return Object.keys(named).map((n) => [n, (named as Record<string, V>)[n]]);
}
