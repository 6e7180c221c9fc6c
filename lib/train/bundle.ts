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
import { Model } from '../models/model';
import type { FittedTransform } from '../preprocess/transform';
import { restoreTransform } from '../preprocess/restore-transform';
import { toDataset } from '../preprocess/to-dataset';
import { FittedPipeline } from '../preprocess/pipeline';
import { portableTopology } from '../models/portable-topology';
import { taskLoss } from '../models/wrap-model';
import { quantileLoss } from '../models/build';
import { predict } from './predict';
import { BUNDLE_FORMAT, checkManifest, Manifest, networkFiles, readJson } from './bundle-files';
import { recoverInterruptedSave, removeQuietly } from './interrupted-save';
import { checkString } from '../util/check';

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
  checkString('saveBundle: dir', dir);
  contents.model.check();
  // The bundle's features must be the ones the model learned from: another order would predict from the wrong columns.
  contents.model.checkFeatures({ features: contents.features, xShape: [] }, 'saveBundle({ features })');
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

/**
 * Loads a bundle saved by `saveBundle`, in this or another process.
 * @example const bundle = await loadBundle('models/cancer'); await bundle.predictTable(rawRows);
 */
export async function loadBundle(dir: string): Promise<Bundle> {
  checkString('loadBundle: dir', dir);
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
  // A quantile head trains on its pinball loss again (its levels are in the builder's options).
  const levels = manifest.spec.options?.quantiles as readonly number[] | undefined;
  net.compile({ optimizer, loss: levels ? quantileLoss(levels) : taskLoss(manifest.spec.task) });
  const model = new Model(net, manifest.spec, optimizer);
  const lookback = manifest.spec.inputShape.length === 2 ? manifest.spec.inputShape[0] : undefined;
  model.rememberInputs({
    features: manifest.features,
    xShape: lookback === undefined ? [0, manifest.features.length] : [0, lookback, manifest.features.length],
  });
  const preprocess = manifest.preprocess ? restoreTransform(manifest.preprocess) : undefined;
  return new Bundle(model, manifest.features, manifest.targets, manifest, preprocess, manifest.window, manifest.metadata);
}
