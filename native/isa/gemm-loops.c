/*
 * C = A·B + beta·C (row-major; A is m×k, or k×m when ta; B is k×n, or n×k when tb), written so that the compiler
 * vectorises the inner loop over contiguous memory. Compiled once per instruction set (-DISA=..., see
 * isa/recurrent-cells.c), for where OpenBLAS is not linked or is switched off.
 */
#include <stddef.h>

#define JOIN2(a, b) a##_##b
#define JOIN(a, b) JOIN2(a, b)

void JOIN(gemm_loops, ISA)(int ta, int tb, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb,
                               float beta, float *c, size_t ldc) {
  for (size_t i = 0; i < m; i++) {
    float *restrict ci = c + i * ldc;
    if (beta == 0.0f) {
      for (size_t j = 0; j < n; j++) ci[j] = 0.0f;
    } else if (beta != 1.0f) {
      for (size_t j = 0; j < n; j++) ci[j] *= beta;
    }
    if (!tb) {
      // c[i, :] += a[i, p] · b[p, :]: rows of B stream through the vector unit.
      for (size_t p = 0; p < k; p++) {
        const float aip = ta ? a[p * lda + i] : a[i * lda + p];
        const float *restrict bp = b + p * ldb;
        for (size_t j = 0; j < n; j++) ci[j] += aip * bp[j];
      }
    } else {
      // c[i, j] += a[i, :] · b[j, :]: a dot product of two contiguous rows (when A is not transposed).
      for (size_t j = 0; j < n; j++) {
        const float *restrict bj = b + j * ldb;
        float s = 0.0f;
        if (!ta) {
          // Sixteen explicit partial sums: a vectorisable reduction without reordering by the compiler.
          const float *restrict ai = a + i * lda;
          float acc[16] = {0};
          size_t p = 0;
          for (; p + 16 <= k; p += 16)
            for (size_t l = 0; l < 16; l++) acc[l] += ai[p + l] * bj[p + l];
          for (; p < k; p++) acc[0] += ai[p] * bj[p];
          for (size_t l = 0; l < 16; l++) s += acc[l];
        } else {
          for (size_t p = 0; p < k; p++) s += a[p * lda + i] * bj[p];
        }
        ci[j] += s;
      }
    }
  }
}
