/*
 * The optional C helper (build/tsdl-helper.node, compiled by scripts/setup.sh; see lib/kernels/c-helper.ts). Each
 * file holds one concept; addon.c is the N-API glue that checks arguments and calls them.
 */
#ifndef TSDL_HELPER_H
#define TSDL_HELPER_H
#include <stddef.h>
#include <stdint.h>

/* huge-pages.c: byte offset of the first 2 MiB boundary in [data, data + length) after madvise, or -1. */
double advise_huge_pages(void *data, size_t length);

/* malloc-thresholds.c: 1 when glibc's malloc took the thresholds, else 0. */
int set_malloc_thresholds(void);

/* cpu.c: whether this processor has AVX2 (0 off x86-64). */
int has_avx2(void);

/* elementwise.c: out[t] = x[t] / x[t - k] - 1 (NaN for t < k); out[i] = (x[i] - offset) / divisor + shift;
 * out[i] = x[i] * mul + add. */
void pct_change(const double *x, double *out, size_t n, size_t k);
void subtract_divide_add(const double *x, double *out, size_t n, double offset, double divisor, double shift);
void multiply_add(const double *x, double *out, size_t n, double mul, double add);
/* The instructions the elementwise loops use here: "avx2", "sse2" or "compiler default". */
const char *vector_instructions(void);

/* min-max.c: result[0] = min, result[1] = max (NaN skipped), result[2] = 1 when x holds NaN. */
void min_max(const double *x, size_t n, double *result);

/* windows.c: x[w, t, f] = (float)cols[f][s0 + w * stride + t] for count windows; 0 when out of memory. */
int fill_window_inputs(const double *const *cols, size_t nf, size_t s0, size_t count, size_t stride, size_t lookback, float *x);

/* scan-csv.c: the rows of a CSV from st->next on; returns why it stopped (see there). */
enum { SCAN_END = 0, SCAN_FULL = 1, SCAN_TEXT_STARTS = 2, SCAN_ROW = 3, SCAN_QUOTED_ROWS = 4 };
struct scan_state {
  size_t next;   /* the byte the next row starts at */
  size_t rows;   /* rows scanned so far */
  double line;   /* the line number of the next row (for the caller's errors) */
  size_t column; /* SCAN_TEXT_STARTS: the column that needs its array */
};
int scan_rows(const uint8_t *b, size_t n, struct scan_state *st, int dc, int comma, size_t width, double max_rows,
                    double *const *cols, int32_t *row_starts, int32_t *const *text_starts, uint8_t *quoted_rows, size_t capacity);

/* cpu.c: the instruction set of the recurrent kernels and their matrix loops: 2 = AVX-512, 1 = AVX2 + FMA, 0 = default. */
int kernel_isa(void);
const char *kernel_isa_name(void);
int set_kernel_isa(int cap);

/* gemm.c: c = a·b + beta·c, row-major, a or b transposed when ta / tb; OpenBLAS where linked, else vectorised loops. */
void sgemm_rm(int ta, int tb, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float beta, float *c,
              size_t ldc);
/* Switches OpenBLAS on or off where it is linked (returns whether it is used now); "openblas" or "loops". */
int gemm_use_blas(int on);
const char *gemm_library(void);

/*
 * recurrent.c: a whole LSTM or GRU sequence forward (gates [B*T*G] activated, state = cells (LSTM) or r*h' (GRU)
 * [B*T*H], h [B*T*H]); returns the index of the first non-finite input value, or an RNN_* code. Backward through
 * time from dh_seq [B*T*H] and/or dh_last [B*H] (either may be NULL) into dx, dw, du, db; dz [B*T*G], scratch1
 * and scratch2 [B*H] are work space; returns an RNN_* code.
 */
enum { RNN_LSTM = 0, RNN_GRU = 1 };
enum { RNN_DONE = -1, RNN_NO_MEMORY = -2, RNN_BAD_WEIGHTS = -3, RNN_BAD_GRADIENT = -4 };
long rnn_forward(int cell, const float *x, const float *w, const float *u, const float *bias, size_t B, size_t T, size_t F, size_t H,
                 float *gates, float *state, float *h);
int rnn_backward(int cell, const float *x, const float *w, const float *u, const float *gates, const float *state, const float *h,
                 const float *dh_seq, const float *dh_last, size_t B, size_t T, size_t F, size_t H, float *dx, float *dw, float *du,
                 float *db, float *dz, float *scratch1, float *scratch2);

#endif
