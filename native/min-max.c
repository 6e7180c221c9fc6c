/*
 * The smallest and largest value of a column and whether it holds NaN, in one pass: what a min-max scaler learns
 * (lib/kernels/min-max.ts minMax, which runs a WebAssembly SIMD kernel without this helper). With AVX2, four values
 * per instruction and four running results of each, straight from the column's memory: no copy into WebAssembly
 * memory.
 *
 * NaN is skipped by the comparisons (min_pd returns its second operand, the running result, when either is NaN)
 * and tracked on its own. Like the other kernels, it may return 0 where a plain loop returns -0 when both occur.
 */
#include <math.h>
#include "tsdl-helper.h"
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

static void min_max_base(const double *x, size_t n, double *result) {
  double mn = INFINITY, mx = -INFINITY;
  int nan = 0;
  for (size_t i = 0; i < n; i++) {
    const double v = x[i];
    if (v != v) nan = 1;
    else {
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
  }
  result[0] = mn;
  result[1] = mx;
  result[2] = nan;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void min_max_avx2(const double *x, size_t n, double *result) {
  __m256d mn[4], mx[4], nan = _mm256_setzero_pd();
  for (int k = 0; k < 4; k++) {
    mn[k] = _mm256_set1_pd(INFINITY);
    mx[k] = _mm256_set1_pd(-INFINITY);
  }
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    for (int k = 0; k < 4; k++) {
      const __m256d v = _mm256_loadu_pd(x + i + 4 * k);
      mn[k] = _mm256_min_pd(v, mn[k]);
      mx[k] = _mm256_max_pd(v, mx[k]);
      nan = _mm256_or_pd(nan, _mm256_cmp_pd(v, v, _CMP_UNORD_Q));
    }
  }
  double lanes[4][4];
  double rest[3];
  min_max_base(x + i, n - i, rest);
  double lo = rest[0], hi = rest[1];
  for (int k = 0; k < 4; k++) {
    _mm256_storeu_pd(lanes[0], mn[k]);
    _mm256_storeu_pd(lanes[1], mx[k]);
    for (int l = 0; l < 4; l++) {
      if (lanes[0][l] < lo) lo = lanes[0][l];
      if (lanes[1][l] > hi) hi = lanes[1][l];
    }
  }
  result[0] = lo;
  result[1] = hi;
  result[2] = rest[2] || _mm256_movemask_pd(nan) != 0;
}
#endif

void min_max(const double *x, size_t n, double *result) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) {
    min_max_avx2(x, n, result);
    return;
  }
#endif
  min_max_base(x, n, result);
}
