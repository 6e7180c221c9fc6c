// tsdl/internal: helpers the library's own scripts and advanced users build on, outside the public API of lib/index.ts
// (no stability promise between minor versions).
export { trapezoid } from './metrics/curves';
export { dateAxis, values } from './charts/figure';
export { writeFileAtomic } from './util/write-file-atomic';
export { findChromium } from './display/browser';
