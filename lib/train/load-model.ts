/**
 * `loadModel`: a standard TF.js layers model from disk (model.json with a weightsManifest and its .bin shards) —
 * what the tensorflowjs converter writes from a Keras model, or what tf.LayersModel.save wrote — as a library
 * Model ready for predict and fitModel. Plain tfjs in Node reads only http(s) URLs; this reads the files itself
 * and checks them, so a missing or short shard is an error naming the file, never random weights.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tf } from '../backend';
import { BundleError } from '../util/errors';
import { Model } from '../models/model';
import { wrapModel, WrapModelOptions } from '../models/wrap-model';
import { seededDropoutTopology } from '../models/portable-topology';
import '../models/seeded-dropout';
import { checkString } from '../util/check';

/** model.json as TF.js writes it (the fields the loader reads). */
export interface LayersModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2 };

function specBytes(spec: tf.io.WeightsManifestEntry): number {
  const q = spec.quantization;
  const per = q ? (DTYPE_BYTES[q.dtype] ?? 4) : (DTYPE_BYTES[spec.dtype] ?? 4);
  return spec.shape.reduce((a, b) => a * b, 1) * per;
}

/** A shard named in model.json: a regular file inside the model's folder (no path that leaves it, no link). */
function shardPath(dir: string, name: string, jsonFile: string): string {
  if (typeof name !== 'string' || name === '' || path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new BundleError(
      `${jsonFile} names the weights file ${JSON.stringify(name)}, which is not a file inside its folder; the file is damaged or not a TF.js model`,
    );
  }
  const file = path.join(dir, name);
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st) throw new BundleError(`the weights file ${file} named in ${jsonFile} is missing; copy the whole model folder (model.json and its .bin files)`);
  if (!st.isFile())
    throw new BundleError(
      `the weights file ${file} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; a model folder holds its own files only`,
    );
  return file;
}

/** Reads model.json and its weight shards into artifacts for tf.loadLayersModel(tf.io.fromMemory(...)). */
export function readModelFiles(jsonFile: string): tf.io.ModelArtifacts & { weightSpecs: tf.io.WeightsManifestEntry[] } {
  const st = fs.lstatSync(jsonFile, { throwIfNoEntry: false });
  if (!st) throw new BundleError(`no model at ${jsonFile} (resolved to ${path.resolve(jsonFile)}); give the path of model.json or of its folder`);
  if (!st.isFile()) throw new BundleError(`${jsonFile} is not a regular file`);
  let json: LayersModelJson;
  try {
    json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (err) {
    throw new BundleError(`${jsonFile} is not valid JSON: ${(err as Error).message}`);
  }
  if (!json || typeof json.modelTopology !== 'object' || json.modelTopology === null) {
    throw new BundleError(
      `${jsonFile} has no modelTopology: it is not a TF.js layers model (a graph model from tf.saved_model conversion cannot be trained; convert the Keras model with --output_format tfjs_layers_model)`,
    );
  }
  if (!Array.isArray(json.weightsManifest))
    throw new BundleError(`${jsonFile} has no weightsManifest list, so its weights cannot be found; save or convert the model again`);
  const dir = path.dirname(jsonFile);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const parts: Buffer[] = [];
  for (const group of json.weightsManifest) {
    if (!group || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new BundleError(`${jsonFile}: each weightsManifest entry needs "paths" and "weights" lists`);
    const data = Buffer.concat(group.paths.map((p) => fs.readFileSync(shardPath(dir, p, jsonFile))));
    const want = group.weights.reduce((a, w) => a + specBytes(w), 0);
    if (data.length !== want) {
      throw new BundleError(
        `the weights files ${group.paths.join(', ')} hold ${data.length} bytes but ${jsonFile} describes ${want}; a file is truncated or from another model`,
      );
    }
    specs.push(...group.weights);
    parts.push(data);
  }
  const all = Buffer.concat(parts);
  return { modelTopology: json.modelTopology, weightSpecs: specs, weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.length) };
}

/**
 * Loads a TF.js layers model from disk (a model.json path or its folder) and wraps it for the task, so that
 * predict, fitModel and saveBundle take it. Its Dropout layers are seeded from `seed` (tfjs's own draw from
 * Math.random), so fine-tuning repeats exactly. A model converted from Keras
 * (`tensorflowjs_converter --input_format keras --output_format tfjs_layers_model model.h5 out/`) loads here.
 * @example const model = await loadModel('models/keras-lstm', { task: 'regression' });
 */
export async function loadModel(file: string, options: WrapModelOptions): Promise<Model> {
  checkString('loadModel: file', file);
  const jsonFile = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, 'model.json') : file;
  const artifacts = readModelFiles(jsonFile);
  let net: tf.LayersModel;
  try {
    // Dropout layers become seeded ones, so that one seed gives the same fine-tuning run after run.
    net = await tf.loadLayersModel(
      tf.io.fromMemory({ ...artifacts, modelTopology: seededDropoutTopology(artifacts.modelTopology as object, options?.seed ?? 42) }),
    );
  } catch (err) {
    throw new BundleError(`${jsonFile} could not be loaded as a TF.js layers model: ${(err as Error).message}`);
  }
  try {
    return wrapModel(net, options);
  } catch (err) {
    net.dispose();
    throw err;
  }
}
