/**
 * A bundle folder's files read back, each checked: bundle.json's manifest (every field the loader uses), and the
 * network's topology and weights, regular files only.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { tf } from '../backend';
import { BundleError } from '../util/errors';
import type { ModelSpec } from '../models/model';
import type { TransformState } from '../preprocess/transform';
import { readModelFiles } from './load-model';
import type { BundleWindow } from './bundle';

/** What bundle.json's "format" says: the layout this library writes and reads. */
export const BUNDLE_FORMAT = 'tsdl-bundle/1';

/** bundle.json. */
export interface Manifest {
  format: string;
  createdAt: string;
  library: string;
  tfjs: string;
  backend: string;
  spec: ModelSpec;
  features: string[];
  targets: string[];
  window?: BundleWindow;
  preprocess?: TransformState;
  metadata?: Record<string, unknown>;
  weightsBytes: number;
  /** The network as the library builds it (its own layers); model.json holds the standard-layer form. Absent in bundles of 0.2. */
  topology?: object;
}

/** A bundle file that must be a regular file inside the bundle: not a link (followed outside the folder), a FIFO (read forever) or a device. */
export function regularFile(file: string, what: string): void {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st) throw new BundleError(`${what} is missing: ${file}; this folder is not a complete bundle (save it again with saveBundle)`);
  if (!st.isFile())
    throw new BundleError(
      `${what} in ${path.dirname(file)} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; a bundle holds its own files only (save it again with saveBundle)`,
    );
}

export function readJson<T>(file: string, what: string): T {
  regularFile(file, what);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new BundleError(`${what} is corrupt (${file}): ${(err as Error).message}`);
  }
}

/** The manifest with every field the loader uses checked, naming the first bad one. */
export function checkManifest(m: unknown, dir: string): Manifest {
  const bad = (field: string, want: string, got: unknown) =>
    new BundleError(
      `${dir}/bundle.json: "${field}" must be ${want}, got ${JSON.stringify(got) ?? String(got)}; the file is damaged or from elsewhere (save the bundle again with saveBundle)`,
    );
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw bad('(the whole file)', 'an object', m);
  const o = m as Record<string, unknown>;
  if (o.format !== BUNDLE_FORMAT) throw new BundleError(`${dir}/bundle.json has format ${JSON.stringify(o.format)}, expected ${BUNDLE_FORMAT}`);
  const spec = o.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw bad('spec', 'an object', o.spec);
  if (!['regression', 'binary', 'multiclass'].includes(spec.task as string)) throw bad('spec.task', '"regression", "binary" or "multiclass"', spec.task);
  if (!(typeof spec.learningRate === 'number' && spec.learningRate > 0)) throw bad('spec.learningRate', 'a positive number', spec.learningRate);
  if (!Array.isArray(spec.inputShape) || !spec.inputShape.every((d) => Number.isInteger(d) && d > 0))
    throw bad('spec.inputShape', 'a list of positive integers', spec.inputShape);
  for (const f of ['features', 'targets'] as const)
    if (!Array.isArray(o[f]) || !(o[f] as unknown[]).every((x) => typeof x === 'string')) throw bad(f, 'a list of column names', o[f]);
  if (!(Number.isInteger(o.weightsBytes) && (o.weightsBytes as number) >= 0)) throw bad('weightsBytes', 'a whole number of bytes', o.weightsBytes);
  if (o.window !== undefined) {
    const w = o.window as Record<string, unknown>;
    if (!w || typeof w !== 'object') throw bad('window', 'an object', o.window);
    if (!(Number.isInteger(w.lookback) && (w.lookback as number) >= 1)) throw bad('window.lookback', 'an integer ≥ 1', w.lookback);
    if (w.samplingRate !== undefined && !(Number.isInteger(w.samplingRate) && (w.samplingRate as number) >= 1))
      throw bad('window.samplingRate', 'an integer ≥ 1', w.samplingRate);
  }
  if (o.preprocess !== undefined && (!o.preprocess || typeof o.preprocess !== 'object')) throw bad('preprocess', 'an object', o.preprocess);
  return o as unknown as Manifest;
}

/**
 * The network's topology and weights: the library-layer topology from the manifest with model.json's weights
 * (bundles from 0.3 on), or model.json's own topology and weightSpecs beside weights.bin (bundles of 0.2).
 */
export function networkFiles(dir: string, manifest: Manifest): { topology: object; weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer } {
  const jsonFile = path.join(dir, 'model.json');
  regularFile(path.join(dir, 'weights.bin'), 'weights.bin');
  const weightsBytes = fs.statSync(path.join(dir, 'weights.bin')).size;
  if (weightsBytes !== manifest.weightsBytes) {
    throw new BundleError(`weights.bin in ${dir} has ${weightsBytes} bytes but the manifest says ${manifest.weightsBytes}; the file is truncated or corrupt`);
  }
  const legacy = readJson<{ modelTopology?: object; weightSpecs?: tf.io.WeightsManifestEntry[]; weightsManifest?: unknown }>(jsonFile, 'model.json');
  if (legacy && typeof legacy === 'object' && legacy.weightsManifest === undefined) {
    if (typeof legacy.modelTopology !== 'object' || !Array.isArray(legacy.weightSpecs)) {
      throw new BundleError(`model.json in ${dir} has no modelTopology object and weightSpecs list; save the bundle again with saveBundle`);
    }
    const w = fs.readFileSync(path.join(dir, 'weights.bin'));
    return { topology: legacy.modelTopology, weightSpecs: legacy.weightSpecs, weightData: w.buffer.slice(w.byteOffset, w.byteOffset + w.length) };
  }
  const files = readModelFiles(jsonFile);
  if (manifest.topology !== undefined && (typeof manifest.topology !== 'object' || manifest.topology === null)) {
    throw new BundleError(`${dir}/bundle.json: "topology" must be an object; the file is damaged (save the bundle again with saveBundle)`);
  }
  return { topology: manifest.topology ?? (files.modelTopology as object), weightSpecs: files.weightSpecs, weightData: files.weightData as ArrayBuffer };
}
