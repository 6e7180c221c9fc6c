/**
 * TensorFlow.js as this library uses it, in one place. `@tensorflow/tfjs` (141 MB of browser bundles beside its
 * Node build) rather than tfjs-core + tfjs-layers (105 MB installed in all): tfjs-core registers gradients and
 * chained tensor methods only from ES-module files, which this CommonJS build cannot load; the umbrella's Node
 * bundle includes them. Only backend.ts and the kernels import this.
 */
export * from '@tensorflow/tfjs';
