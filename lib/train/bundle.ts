/**
 * Model bundles: everything needed to predict on raw rows later, in one folder — the network (model.json +
 * weights.bin), the fitted preprocessing, feature and target names, optional windowing, and the library,
 * tfjs and backend versions that made it. Saves are atomic: written to a temporary folder beside the target,
 * then swapped in by rename, so a failed save leaves any existing bundle intact; a save killed between its two
 * renames leaves the old bundle beside the path, and the next load or save puts it back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { backendInfo, tf } from '../backend';
import { Table } from '../data/table';
import { BundleError } from '../util/errors';
import { notice } from '../util/notice';
import { Model, ModelSpec } from '../models/model';
import type { FittedTransform, TransformState } from '../preprocess/transform';
import { restoreTransform } from '../preprocess/restore-transform';
import { toDataset } from '../preprocess/to-dataset';
import { FittedPipeline } from '../preprocess/pipeline';
import { portableTopology } from '../models/portable-topology';
import { taskLoss } from '../models/wrap-model';
import { predict } from './predict';
import { readModelFiles } from './load-model';

export const BUNDLE_FORMAT = 'tsdl-bundle/1';
const LIB_VERSION: string = require('../../package.json').version;

/** Windowing a sequence model needs to turn raw rows into inputs. */
export interface BundleWindow {
  lookback: number;
  samplingRate?: number;
}

export interface BundleContents {
  model: Model;
  /** Fitted preprocessing applied to raw rows before the model. */
  preprocess?: FittedTransform;
  features: readonly string[];
  targets: readonly string[];
  /** For sequence models: how rows become windows. */
  window?: BundleWindow;
  /** Free-form notes (data source, metrics). */
  metadata?: Record<string, unknown>;
}

interface Manifest {
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

/** A loaded bundle: the model plus `predictTable` for raw rows. */
export class Bundle implements BundleContents {
  constructor(
    readonly model: Model,
    readonly features: readonly string[],
    readonly targets: readonly string[],
    readonly manifest: Readonly<Manifest>,
    readonly preprocess?: FittedTransform,
    readonly window?: BundleWindow,
    readonly metadata?: Record<string, unknown>,
  ) {}

  /**
   * Predicts on raw rows: applies the saved preprocessing, builds rows or windows, runs the model, and maps
   * scaled regression outputs back to original units. For a sequence model, prediction i uses the window that
   * ends at row lookback-1+i (so the first lookback-1 rows only give context).
   */
  async predictTable(raw: Table): Promise<Float64Array> {
    const steps = featureSteps(this.preprocess, this.targets);
    const prepared = steps ? steps.transform(withTargets(raw, this.targets)) : raw;
    let data: { x: Float32Array; xShape: number[] };
    if (this.window) {
      data = inputWindows(prepared, this.features, this.window);
    } else {
      const d = toDataset(prepared.withColumn('__none__', new Float64Array(prepared.numRows)), { features: this.features, target: '__none__' });
      data = { x: d.x, xShape: d.xShape };
    }
    const out = await predict(this.model, data);
    const inv = this.preprocess as unknown as { inverse?: (c: string, v: ArrayLike<number>) => Float64Array };
    if (this.model.task === 'regression' && this.targets.length === 1 && inv?.inverse) return inv.inverse(this.targets[0], out);
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** The preprocessing that applies to inputs: steps that only touch targets (a label encoder) are left out. */
function featureSteps(preprocess: FittedTransform | undefined, targets: readonly string[]): FittedTransform | undefined {
  const onlyTargets = (t: FittedTransform) => t.columns.length > 0 && t.columns.every((c) => targets.includes(c));
  if (preprocess instanceof FittedPipeline) return new FittedPipeline(preprocess.steps.filter((s) => !onlyTargets(s)));
  return preprocess && onlyTargets(preprocess) ? undefined : preprocess;
}

/** Raw rows for prediction may lack the target columns; fill them so fitted transforms find every column. */
function withTargets(t: Table, targets: readonly string[]): Table {
  return targets.reduce((acc, c) => (acc.has(c) ? acc : acc.withColumn(c, new Float64Array(acc.numRows))), t);
}

function inputWindows(t: Table, features: readonly string[], w: BundleWindow): { x: Float32Array; xShape: number[] } {
  const rate = w.samplingRate ?? 1;
  const cols = features.map((f) => t.numbers(f));
  const span = (w.lookback - 1) * rate;
  const n = t.numRows - span;
  if (n <= 0) throw new BundleError(`predictTable needs at least ${span + 1} rows for lookback ${w.lookback}, got ${t.numRows}`);
  const x = new Float32Array(n * w.lookback * features.length);
  let o = 0;
  for (let s = 0; s < n; s++) for (let k = 0; k < w.lookback; k++) for (const c of cols) x[o++] = c[s + k * rate];
  return { x, xShape: [n, w.lookback, features.length] };
}

async function modelArtifacts(model: Model): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.net.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return captured!;
}

function weightBytes(data: tf.io.WeightData | undefined): Buffer {
  if (!data) return Buffer.alloc(0);
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

/**
 * Saves a bundle to `dir` (created or replaced atomically).
 * @example await saveBundle('models/cancer', { model, preprocess: prep, features, targets: ['diagnosis'] });
 */
export async function saveBundle(dir: string, contents: BundleContents): Promise<void> {
  contents.model.check();
  const artifacts = await modelArtifacts(contents.model);
  const weights = weightBytes(artifacts.weightData);
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    createdAt: new Date().toISOString(),
    library: LIB_VERSION,
    tfjs: tf.version.tfjs,
    backend: backendInfo().backend,
    spec: contents.model.spec,
    features: [...contents.features],
    targets: [...contents.targets],
    window: contents.window,
    preprocess: contents.preprocess?.toJSON(),
    metadata: contents.metadata,
    weightsBytes: weights.length,
    topology: artifacts.modelTopology as object,
  };
  // model.json is a standard TF.js layers model (weightsManifest, standard layer classes): tf.loadLayersModel,
  // the tensorflowjs converter and Keras read it without this library.
  const modelJson = {
    format: 'layers-model',
    generatedBy: `tsdl ${LIB_VERSION} (TensorFlow.js ${tf.version.tfjs})`,
    convertedBy: null,
    modelTopology: portableTopology(artifacts.modelTopology as object),
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
  };
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  if (fs.existsSync(parent)) recoverInterruptedSave(target, true);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  const old = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(modelJson));
    fs.writeFileSync(path.join(tmp, 'weights.bin'), weights);
    // The manifest goes last: a folder without it is never taken for a complete bundle.
    fs.writeFileSync(path.join(tmp, 'bundle.json'), JSON.stringify(manifest, null, 2));
  } catch (err) {
    removeQuietly(tmp);
    throw new BundleError(`could not write the bundle for ${dir}: ${(err as Error).message}; the existing bundle (if any) is unchanged`);
  }
  const existed = fs.existsSync(target);
  try {
    if (existed) fs.renameSync(target, old);
    fs.renameSync(tmp, target);
  } catch (err) {
    if (existed && !fs.existsSync(target) && fs.existsSync(old)) fs.renameSync(old, target);
    removeQuietly(tmp);
    throw new BundleError(`could not move the new bundle into ${dir}: ${(err as Error).message}; the existing bundle is unchanged`);
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** Leftovers of saves of `target` (".name.tmp-PID-TIME", ".name.old-PID-TIME") beside it, newest first. */
function leftovers(target: string): { path: string; kind: 'tmp' | 'old'; pid: number; time: number }[] {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const re = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-(\\d+)$`);
  return fs
    .readdirSync(parent)
    .map((f) => ({ f, m: re.exec(f) }))
    .filter((x) => x.m)
    .map(({ f, m }) => ({ path: path.join(parent, f), kind: m![1] as 'tmp' | 'old', pid: Number(m![2]), time: Number(m![3]) }))
    .sort((a, b) => b.time - a.time);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a save killed between its two renames, the bundle sits in ".name.old-*" and nothing is at `target`: put
 * the newest complete one back. With `clean`, leftovers of other saves that are no longer running are removed
 * (killed saves left 17 folders, 100 MB after 50 kills). Returns whether a bundle was recovered.
 */
function recoverInterruptedSave(target: string, clean: boolean): boolean {
  let recovered = false;
  const found = leftovers(target);
  if (!fs.existsSync(target)) {
    const old = found.find((l) => l.kind === 'old' && fs.existsSync(path.join(l.path, 'bundle.json')));
    if (old) {
      fs.renameSync(old.path, target);
      recovered = true;
      notice(`${target}: a save was interrupted before it finished; the bundle it was replacing is back in place`);
    }
  }
  if (clean) for (const l of found) if (fs.existsSync(l.path) && !alive(l.pid)) removeQuietly(l.path);
  return recovered;
}

function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Nothing was created there, or it cannot be removed: either way the old bundle is untouched.
  }
}

/** A bundle file that must be a regular file inside the bundle: not a link (followed outside the folder), a FIFO (read forever) or a device. */
function regularFile(file: string, what: string): void {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st) throw new BundleError(`${what} is missing: ${file}; this folder is not a complete bundle (save it again with saveBundle)`);
  if (!st.isFile())
    throw new BundleError(
      `${what} in ${path.dirname(file)} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; a bundle holds its own files only (save it again with saveBundle)`,
    );
}

function readJson<T>(file: string, what: string): T {
  regularFile(file, what);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new BundleError(`${what} is corrupt (${file}): ${(err as Error).message}`);
  }
}

/** The manifest with every field the loader uses checked, naming the first bad one. */
function checkManifest(m: unknown, dir: string): Manifest {
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
function networkFiles(dir: string, manifest: Manifest): { topology: object; weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer } {
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

/**
 * Loads a bundle saved by `saveBundle`, in this or another process.
 * @example const bundle = await loadBundle('models/cancer'); await bundle.predictTable(rawRows);
 */
export async function loadBundle(dir: string): Promise<Bundle> {
  if (!fs.existsSync(dir) && !(fs.existsSync(path.dirname(path.resolve(dir))) && recoverInterruptedSave(path.resolve(dir), false))) {
    throw new BundleError(`no bundle at ${dir} (resolved to ${path.resolve(dir)}); check the path given to saveBundle`);
  }
  const manifest = checkManifest(readJson<unknown>(path.join(dir, 'bundle.json'), 'bundle.json'), dir);
  const { topology, weightSpecs, weightData } = networkFiles(dir, manifest);
  let net: tf.LayersModel;
  try {
    net = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology, weightSpecs, weightData }));
  } catch (err) {
    throw new BundleError(`model.json in ${dir} could not be loaded: ${(err as Error).message}`);
  }
  const optimizer = tf.train.adam(manifest.spec.learningRate);
  net.compile({ optimizer, loss: taskLoss(manifest.spec.task) });
  const model = new Model(net, manifest.spec, optimizer);
  const preprocess = manifest.preprocess ? restoreTransform(manifest.preprocess) : undefined;
  return new Bundle(model, manifest.features, manifest.targets, manifest, preprocess, manifest.window, manifest.metadata);
}
