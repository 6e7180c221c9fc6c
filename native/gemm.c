/*
 * Row-major single-precision matrix products for the recurrent kernels: OpenBLAS's sgemm when the helper was built
 * with it (setup.sh, Debian libopenblas-dev), else the loops of isa/gemm-loops.c for this processor's vector width.
 * TSDL_KERNELS_BLAS=off in the environment takes the loops even when OpenBLAS is linked (to compare the two).
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
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

#ifdef TSDL_OPENBLAS
/* OpenBLAS's own calls (cblas.h declares them in 0.3.x; declared here for older headers). */
char *openblas_get_corename(void);
int openblas_get_num_threads(void);
void openblas_set_num_threads(int);

/*
 * Threads per product: one below this many flops (2mnk), all of OpenBLAS's above. The recurrent kernels' products
 * (batch × 4H × H, a few million flops) ran 1.25-1.9× faster end to end on one thread, and their second thread's
 * spinning cost 11 s of system time per LSTM fit (docs/performance.md, "OpenBLAS threads"); an isolated sgemm
 * gains 2× from two threads only from about 10⁸ flops.
 */
#define BLAS_THREADED_FLOPS 1e8
static int blas_threads_max = 0, blas_threads_now = 0;

static void blas_threads_for(size_t m, size_t n, size_t k) {
  if (blas_threads_max == 0) blas_threads_max = blas_threads_now = openblas_get_num_threads();
  int want = 2.0 * (double)m * (double)n * (double)k >= BLAS_THREADED_FLOPS ? blas_threads_max : 1;
  if (want != blas_threads_now) {
    openblas_set_num_threads(want);
    blas_threads_now = want;
  }
}
#endif

/* "openblas (Cooperlake kernels, 2 threads)", or "loops": what the matrix products run on. */
const char *gemm_library(void) {
  if (use_blas < 0) choose();
#ifdef TSDL_OPENBLAS
  if (use_blas) {
    static char text[96];
    int most = blas_threads_max ? blas_threads_max : openblas_get_num_threads();
    if (most > 1) snprintf(text, sizeof text, "openblas (%s kernels, 1 thread below 1e8 flops, %d above)", openblas_get_corename(), most);
    else snprintf(text, sizeof text, "openblas (%s kernels, 1 thread)", openblas_get_corename());
    return text;
  }
#endif
  return "loops";
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
    blas_threads_for(m, n, k);
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, (int)m, (int)n, (int)k, 1.0f, a, (int)lda, b,
                (int)ldb, beta, c, (int)ldc);
    return;
  }
#endif
  gemm_loops_isa[kernel_isa()](ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc);
}
