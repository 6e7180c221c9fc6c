/*
 * Row-major single-precision matrix products for the recurrent kernels: OpenBLAS's sgemm when the helper was built
 * with it (setup.sh, Debian libopenblas-dev), else the loops of isa/gemm-loops.c for this processor's vector width.
 * TSDL_KERNELS_BLAS=off in the environment takes the loops even when OpenBLAS is linked (to compare the two).
 */
#include <stdlib.h>
#include <string.h>
#include "tsdl-helper.h"
#ifdef TSDL_OPENBLAS
#include <cblas.h>
#endif

typedef void gemm_fn(int ta, int tb, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float beta,
                     float *c, size_t ldc);
gemm_fn gemm_loops_avx512, gemm_loops_avx2, gemm_loops_default;
/* Indexed by kernel_isa(): 0 = default, 1 = AVX2, 2 = AVX-512. */
static gemm_fn *const gemm_loops_isa[3] = {gemm_loops_default, gemm_loops_avx2, gemm_loops_avx512};
static int use_blas = -1;

static void choose(void) {
  const char *off = getenv("TSDL_KERNELS_BLAS");
#ifdef TSDL_OPENBLAS
  use_blas = !(off != NULL && strcmp(off, "off") == 0);
#else
  (void)off;
  use_blas = 0;
#endif
}

int gemm_use_blas(int on) {
  if (use_blas < 0) choose();
#ifdef TSDL_OPENBLAS
  use_blas = on != 0;
#else
  (void)on;
#endif
  return use_blas;
}

const char *gemm_library(void) {
  if (use_blas < 0) choose();
  return use_blas ? "openblas" : "loops";
}

void sgemm_rm(int ta, int tb, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float beta, float *c,
              size_t ldc) {
  if (use_blas < 0) choose();
  if (m == 0 || n == 0) return;
#ifdef TSDL_OPENBLAS
  if (use_blas) {
    if (k == 0) {
      for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) c[i * ldc + j] *= beta;
      return;
    }
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, (int)m, (int)n, (int)k, 1.0f, a, (int)lda, b,
                (int)ldb, beta, c, (int)ldc);
    return;
  }
#endif
  gemm_loops_isa[kernel_isa()](ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc);
}
