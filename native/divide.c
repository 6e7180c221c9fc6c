/*
 * Division, several values per instruction. V8 divides one double at a time (about 4 cycles each), so a loop that
 * divides once per element — simple returns, standard and robust scaling — is bound by it, where NumPy divides
 * four at a time with AVX2. These loops are the same arithmetic as the TypeScript ones they stand in for
 * (lib/features/returns.ts, lib/preprocess/scaler.ts); IEEE division is correctly rounded in every lane, so the
 * results are the same bits (test/util/native.test.ts). Compiled with -ffp-contract=off: nothing may be fused.
 *
 * On x86-64 the AVX2 version runs when the processor has AVX2, else the SSE2 one (two at a time); elsewhere the
 * compiler's own vector instructions (NEON on arm64).
 */
#include "tsdl-helper.h"

#define PCT_CHANGE_BODY                                                   \
  for (size_t t = 0; t < k && t < n; t++) out[t] = __builtin_nan("");     \
  for (size_t t = k; t < n; t++) out[t] = x[t] / x[t - k] - 1.0;

#define SUBTRACT_DIVIDE_ADD_BODY                                          \
  for (size_t i = 0; i < n; i++) out[i] = (x[i] - offset) / divisor + shift;

static void pct_change_base(const double *restrict x, double *restrict out, size_t n, size_t k) { PCT_CHANGE_BODY }
static void subtract_divide_add_base(const double *restrict x, double *restrict out, size_t n, double offset, double divisor, double shift) {
  SUBTRACT_DIVIDE_ADD_BODY
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void pct_change_avx2(const double *restrict x, double *restrict out, size_t n, size_t k) {
  PCT_CHANGE_BODY
}
__attribute__((target("avx2"))) static void subtract_divide_add_avx2(const double *restrict x, double *restrict out, size_t n, double offset,
                                                                    double divisor, double shift) {
  SUBTRACT_DIVIDE_ADD_BODY
}
static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
#else
static int has_avx2(void) { return 0; }
#endif

void pct_change(const double *x, double *out, size_t n, size_t k) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) {
    pct_change_avx2(x, out, n, k);
    return;
  }
#endif
  pct_change_base(x, out, n, k);
}

void subtract_divide_add(const double *x, double *out, size_t n, double offset, double divisor, double shift) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) {
    subtract_divide_add_avx2(x, out, n, offset, divisor, shift);
    return;
  }
#endif
  subtract_divide_add_base(x, out, n, offset, divisor, shift);
}

const char *divide_instructions(void) {
#if defined(__x86_64__)
  return has_avx2() ? "avx2" : "sse2";
#else
  return "compiler default";
#endif
}
