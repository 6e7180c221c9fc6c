/*
 * LSTM and GRU layers over a whole sequence in one call each way (isa/recurrent-cells.c), the version for this
 * processor chosen once (kernel_isa in cpu.c). lib/kernels/recurrent.ts wraps them as tfjs layers.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tsdl-helper.h"

/* The versions compiled from isa/recurrent-cells.c, indexed by kernel_isa(): 0 = default, 1 = AVX2, 2 = AVX-512. */
typedef void forward_fn(const float *, const float *, const float *, const float *, size_t, size_t, size_t, size_t, float *, float *,
                        float *, const float *);
typedef void backward_fn(const float *, const float *, const float *, const float *, const float *, const float *, const float *,
                         const float *, size_t, size_t, size_t, size_t, float *, float *, float *, float *, float *, float *, float *,
                         const float *);
forward_fn lstm_forward_default, lstm_forward_avx2, lstm_forward_avx512, gru_forward_default, gru_forward_avx2, gru_forward_avx512;
backward_fn lstm_backward_default, lstm_backward_avx2, lstm_backward_avx512, gru_backward_default, gru_backward_avx2, gru_backward_avx512;
#define BY_ISA(name) {name##_default, name##_avx2, name##_avx512}
static forward_fn *const lstm_forward_isa[3] = BY_ISA(lstm_forward), *const gru_forward_isa[3] = BY_ISA(gru_forward);
static backward_fn *const lstm_backward_isa[3] = BY_ISA(lstm_backward), *const gru_backward_isa[3] = BY_ISA(gru_backward);

/* The index of the first value that is NaN or infinite, or -1 (a NaN would be clamped, not spread, by expf_v). */
static long first_non_finite(const float *x, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isfinite(x[i])) return (long)i;
  return -1;
}

long rnn_forward(int cell, const float *x, const float *w, const float *u, const float *bias, size_t B, size_t T, size_t F, size_t H,
                 float *gates, float *state, float *h) {
  long bad = first_non_finite(x, B * T * F);
  if (bad >= 0) return bad;
  const size_t G = (cell == RNN_LSTM ? 4 : 3) * H;
  if (first_non_finite(w, F * G) >= 0 || first_non_finite(u, H * G) >= 0 || first_non_finite(bias, G) >= 0) return RNN_BAD_WEIGHTS;
  float *zeros = calloc(H, sizeof(float));
  if (zeros == NULL) return RNN_NO_MEMORY;
  (cell == RNN_LSTM ? lstm_forward_isa : gru_forward_isa)[kernel_isa()](x, w, u, bias, B, T, F, H, gates, state, h, zeros);
  free(zeros);
  return RNN_DONE;
}

int rnn_backward(int cell, const float *x, const float *w, const float *u, const float *gates, const float *state, const float *h,
                 const float *dh_seq, const float *dh_last, size_t B, size_t T, size_t F, size_t H, float *dx, float *dw, float *du,
                 float *db, float *dz, float *scratch1, float *scratch2) {
  if ((dh_seq != NULL && first_non_finite(dh_seq, B * T * H) >= 0) || (dh_last != NULL && first_non_finite(dh_last, B * H) >= 0)) return RNN_BAD_GRADIENT;
  float *zeros = calloc(H, sizeof(float));
  if (zeros == NULL) return RNN_NO_MEMORY;
  (cell == RNN_LSTM ? lstm_backward_isa : gru_backward_isa)[kernel_isa()](x, w, u, gates, state, h, dh_seq, dh_last, B, T, F, H, dx, dw, du, db, dz,
                                                                          scratch1, scratch2, zeros);
  free(zeros);
  return RNN_DONE;
}
