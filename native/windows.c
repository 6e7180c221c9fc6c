/*
 * The input part of sliding windows (lib/preprocess/make-windows.ts fillWindows): x[w, t, f] = cols[f][s0 + w *
 * stride + t], as float32, for consecutive rows (samplingRate 1). The rows the windows cover are first converted
 * once into one row-major float32 block, so that each window is then one contiguous copy of lookback × features
 * values out of it — the 96 MB of a 200,000-row, 30-step, 4-feature set written at memory speed, where the
 * TypeScript loop moves each window up by one row (copyWithin) and writes the new one, a call per window.
 * (float) rounds a double to the nearest float32, as a Float32Array store does: the same values.
 */
#include <stdlib.h>
#include <string.h>
#include "tsdl-helper.h"

int fill_window_inputs(const double *const *cols, size_t nf, size_t s0, size_t count, size_t stride, size_t lookback, float *x) {
  if (count == 0) return 1;
  const size_t rows = (count - 1) * stride + lookback;
  const size_t window = lookback * nf;
  float *block = malloc(rows * nf * sizeof *block);
  if (block == NULL) return 0;
  for (size_t f = 0; f < nf; f++) {
    const double *col = cols[f] + s0;
    for (size_t i = 0; i < rows; i++) block[i * nf + f] = (float)col[i];
  }
  for (size_t w = 0; w < count; w++) memcpy(x + w * window, block + w * stride * nf, window * sizeof *x);
  free(block);
  return 1;
}
