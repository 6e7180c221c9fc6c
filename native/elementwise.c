/*
 * Elementwise loops, several values per instruction. V8 compiles JavaScript loops to scalar code, one double at a
 * time; a loop that divides once per element (simple returns, standard and robust scaling) is bound by the divider
 * (about 4 cycles a value), where NumPy divides four at a time with AVX2, and a multiply-add (min-max scaling) by
 * issuing one value per instruction. These loops are the same arithmetic as the TypeScript ones they stand in for
 * (lib/features/returns.ts, lib/preprocess/scaler.ts); IEEE division, multiplication and addition are correctly
 * rounded in every lane, so the results are the same bits (test/kernels/c-helper.test.ts). Compiled with
 * -ffp-contract=off: a multiply and an add must not be fused into one FMA, which rounds once instead of twice.
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

#define MULTIPLY_ADD_BODY                                                 \
  for (size_t i = 0; i < n; i++) out[i] = x[i] * mul + add;

static void pct_change_base(const double *restrict x, double *restrict out, size_t n, size_t k) { PCT_CHANGE_BODY }
static void subtract_divide_add_base(const double *restrict x, double *restrict out, size_t n, double offset, double divisor, double shift) {
  SUBTRACT_DIVIDE_ADD_BODY
}

static void multiply_add_base(const double *restrict x, double *restrict out, size_t n, double mul, double add) { MULTIPLY_ADD_BODY }

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void multiply_add_avx2(const double *restrict x, double *restrict out, size_t n, double mul, double add) {
  MULTIPLY_ADD_BODY
}
__attribute__((target("avx2"))) static void pct_change_avx2(const double *restrict x, double *restrict out, size_t n, size_t k) {
  PCT_CHANGE_BODY
}
__attribute__((target("avx2"))) static void subtract_divide_add_avx2(const double *restrict x, double *restrict out, size_t n, double offset,
                                                                    double divisor, double shift) {
  SUBTRACT_DIVIDE_ADD_BODY
}
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

void multiply_add(const double *x, double *out, size_t n, double mul, double add) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) {
    multiply_add_avx2(x, out, n, mul, add);
    return;
  }
#endif
  multiply_add_base(x, out, n, mul, add);
}

const char *vector_instructions(void) {
#if defined(__x86_64__)
  return has_avx2() ? "avx2" : "sse2";
#else
  return "compiler default";
#endif
}
