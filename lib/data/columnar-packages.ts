/**
 * The npm packages behind `loadParquet`, `loadArrow` and `writeParquet`, loaded when first used: `apache-arrow`
 * (the Arrow format), `parquet-wasm` (Parquet, in WebAssembly) and `lz4js` (LZ4, pandas' default Feather
 * compression). They are optional dependencies, so a project that never reads Parquet does not install them; a
 * missing one is an error that gives the install command.
 */
import { InputError } from '../util/errors';
import type { ArrowTableLike, ArrowTypes } from './from-arrow';

export interface ArrowModule {
  tableFromIPC(bytes: Uint8Array): ArrowTableLike;
  tableToIPC(table: unknown, format: 'stream' | 'file'): Uint8Array;
  DataType: ArrowTypes;
  compressionRegistry: { set(type: number, codec: { encode(d: Uint8Array): Uint8Array; decode(d: Uint8Array): Uint8Array }): void };
  CompressionType: { LZ4_FRAME: number };
  vectorFromArray(values: readonly unknown[], type: unknown): unknown;
  Table: new (vectors: Record<string, unknown>) => { schema: { fields: { name: string }[] }; selectAt(indices: number[]): unknown };
  Utf8: new () => unknown;
  Float64: new () => unknown;
  TimestampMillisecond: new () => unknown;
}

export interface ParquetModule {
  readParquet(bytes: Uint8Array, options?: { columns?: string[] }): { intoIPCStream(): Uint8Array; free?(): void };
  writeParquet(table: unknown, properties?: unknown): Uint8Array;
  Table: { fromIPCStream(bytes: Uint8Array): unknown };
  WriterPropertiesBuilder: new () => { setCompression(c: number): { build(): unknown }; build(): unknown };
  Compression: Record<string, number>;
}

function load<T>(name: string, caller: string): T {
  try {
    return require(name) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND')
      throw new InputError(`${caller} needs the npm package "${name}", which is not installed; run: npm install apache-arrow parquet-wasm lz4js`);
    throw err;
  }
}

let arrowModule: ArrowModule | undefined;

/** apache-arrow, with the LZ4 codec registered once so pandas' compressed Feather files read. */
export function arrowPackage(caller: string): ArrowModule {
  if (arrowModule) return arrowModule;
  const arrow = load<ArrowModule>('apache-arrow', caller);
  const lz4 = load<{ compress(d: Uint8Array): Uint8Array; decompress(d: Uint8Array): Uint8Array }>('lz4js', caller);
  arrow.compressionRegistry.set(arrow.CompressionType.LZ4_FRAME, { encode: (d) => lz4.compress(d), decode: (d) => lz4.decompress(d) });
  arrowModule = arrow;
  return arrow;
}

export function parquetPackage(caller: string): ParquetModule {
  return load<ParquetModule>('parquet-wasm/node', caller);
}
