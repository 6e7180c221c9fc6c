/*
 * The optional C helper (build/tsdl-helper.node, compiled by scripts/setup.sh; see lib/util/c-helper.ts). Each
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

#endif
