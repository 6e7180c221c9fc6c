/*
 * The recurrent kernels' loops (LSTM and GRU over a whole sequence, forward and backward through time), compiled
 * once per instruction set by scripts/setup.sh (-DISA=avx512 / avx2 / default with that set's -m flags and
 * -ffinite-math-only, without which GCC 12 leaves the gate loops scalar: recurrent.c checks for NaN and infinity
 * before calling them). Layouts are Keras's: x [B, T, F], kernel
 * [F, G], recurrent kernel [H, G], bias [G], gates in the order i, f, c, o (LSTM, G = 4H) or z, r, h (GRU, G = 3H).
 * exp is a range reduction and a degree-5 polynomial written inline (no libm call), so that each gate loop
 * vectorises; sigmoid and tanh follow from it (absolute error about 1e-7).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../tsdl-helper.h"

#define JOIN2(a, b) a##_##b
#define JOIN(a, b) JOIN2(a, b)
#define SUFFIX(name) JOIN(name, ISA)

static inline __attribute__((always_inline)) float SUFFIX(expf_v)(float x) {
  x = fminf(x, 88.3762626647949f);
  x = fmaxf(x, -87.3365447504019f);
  // n + 127 with n = round(x / ln 2): x ≥ -87.34 keeps the sum positive, so truncation rounds without a branch.
  const int nb = (int)(x * 1.44269504088896341f + 127.5f);
  const float fn = (float)(nb - 127);
  float r = x - fn * 0.693359375f;
  r = r - fn * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float y = p * r * r + r + 1.0f;
  union { int32_t i; float f; } scale;
  scale.i = nb << 23;
  return y * scale.f;
}
static inline __attribute__((always_inline)) float SUFFIX(sigmoid_v)(float x) { return 1.0f / (1.0f + SUFFIX(expf_v)(-x)); }
static inline __attribute__((always_inline)) float SUFFIX(tanh_v)(float x) { return 2.0f / (1.0f + SUFFIX(expf_v)(-2.0f * x)) - 1.0f; }

/* gates = x · w + bias for all rows (every step of every sample) at once: one matrix product instead of one per step. */
static void SUFFIX(project_inputs)(const float *x, const float *w, const float *bias, size_t rows, size_t f, size_t g, float *gates) {
  for (size_t r = 0; r < rows; r++) memcpy(gates + r * g, bias, g * sizeof(float));
  sgemm_rm(0, 0, rows, g, f, x, f, w, g, 1.0f, gates, g);
}

static void SUFFIX(column_sums)(const float *dz, size_t rows, size_t g, float *db) {
  for (size_t j = 0; j < g; j++) db[j] = 0.0f;
  for (size_t r = 0; r < rows; r++) {
    const float *restrict z = dz + r * g;
    for (size_t j = 0; j < g; j++) db[j] += z[j];
  }
}

/*
 * One row of each time step's gate loop. Separate restrict pointers per gate tell the compiler the four (or three)
 * blocks of a row do not overlap; written inline, it gave up on the alias checks and left the loop scalar.
 */
static void SUFFIX(lstm_row_forward)(float *restrict zi, float *restrict zf, float *restrict zg, float *restrict zo, const float *restrict cp,
                                     float *restrict ct, float *restrict ht, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float i = SUFFIX(sigmoid_v)(zi[k]), f = SUFFIX(sigmoid_v)(zf[k]);
    const float g = SUFFIX(tanh_v)(zg[k]), o = SUFFIX(sigmoid_v)(zo[k]);
    zi[k] = i;
    zf[k] = f;
    zg[k] = g;
    zo[k] = o;
    const float cc = f * cp[k] + i * g;
    ct[k] = cc;
    ht[k] = o * SUFFIX(tanh_v)(cc);
  }
}

static void SUFFIX(lstm_row_backward)(const float *restrict zi, const float *restrict zf, const float *restrict zg, const float *restrict zo,
                                      const float *restrict cp, const float *restrict ct, const float *restrict ds, const float *restrict dl,
                                      float *restrict dhn, float *restrict dcn, float *restrict di, float *restrict df, float *restrict dg,
                                      float *restrict dout, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float i = zi[k], f = zf[k], g = zg[k], o = zo[k];
    const float dh = dhn[k] + ds[k] + dl[k];
    const float th = SUFFIX(tanh_v)(ct[k]);
    const float dc = dcn[k] + dh * o * (1.0f - th * th);
    di[k] = dc * g * i * (1.0f - i);
    df[k] = dc * cp[k] * f * (1.0f - f);
    dg[k] = dc * i * (1.0f - g * g);
    dout[k] = dh * th * o * (1.0f - o);
    dcn[k] = dc * f;
  }
}

static void SUFFIX(gru_row_gates)(float *restrict zz, float *restrict zr, const float *restrict hp, float *restrict r, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float rr = SUFFIX(sigmoid_v)(zr[k]);
    zz[k] = SUFFIX(sigmoid_v)(zz[k]);
    zr[k] = rr;
    r[k] = rr * hp[k];
  }
}

static void SUFFIX(gru_row_output)(const float *restrict zz, float *restrict zh, const float *restrict hp, float *restrict ht, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float hh = SUFFIX(tanh_v)(zh[k]);
    zh[k] = hh;
    ht[k] = zz[k] * hp[k] + (1.0f - zz[k]) * hh;
  }
}

static void SUFFIX(gru_row_backward)(const float *restrict zz, const float *restrict zh, const float *restrict hp, const float *restrict ds,
                                     const float *restrict dl, float *restrict dhn, float *restrict dz_, float *restrict dh_, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float z = zz[k], hh = zh[k];
    const float dh = dhn[k] + ds[k] + dl[k];
    dz_[k] = dh * (hp[k] - hh) * z * (1.0f - z);
    dh_[k] = dh * (1.0f - z) * (1.0f - hh * hh);
    dhn[k] = dh * z;
  }
}

static void SUFFIX(gru_row_reset)(const float *restrict zr, const float *restrict hp, const float *restrict dr, float *restrict dhn,
                                  float *restrict d, size_t H) {
  for (size_t k = 0; k < H; k++) {
    const float r = zr[k];
    d[k] = dr[k] * hp[k] * r * (1.0f - r);
    dhn[k] += dr[k] * r;
  }
}

void SUFFIX(lstm_forward)(const float *x, const float *w, const float *u, const float *bias, size_t B, size_t T, size_t F, size_t H,
                                 float *gates, float *c, float *h, const float *zeros) {
  const size_t G = 4 * H;
  SUFFIX(project_inputs)(x, w, bias, B * T, F, G, gates);
  for (size_t t = 0; t < T; t++) {
    if (t > 0) sgemm_rm(0, 0, B, G, H, h + (t - 1) * H, T * H, u, G, 1.0f, gates + t * G, T * G);
    for (size_t b = 0; b < B; b++) {
      float *z = gates + (b * T + t) * G;
      const float *restrict cp = t > 0 ? c + (b * T + t - 1) * H : zeros;
      float *restrict ct = c + (b * T + t) * H;
      float *restrict ht = h + (b * T + t) * H;
      SUFFIX(lstm_row_forward)(z, z + H, z + 2 * H, z + 3 * H, cp, ct, ht, H);
    }
  }
}

void SUFFIX(lstm_backward)(const float *x, const float *w, const float *u, const float *gates, const float *c, const float *h,
                                  const float *dh_seq, const float *dh_last, size_t B, size_t T, size_t F, size_t H, float *dx, float *dw,
                                  float *du, float *db, float *dz, float *dh_next, float *dc_next, const float *zeros) {
  const size_t G = 4 * H;
  memset(dh_next, 0, B * H * sizeof(float));
  memset(dc_next, 0, B * H * sizeof(float));
  for (size_t t = T; t-- > 0;) {
    for (size_t b = 0; b < B; b++) {
      const float *z = gates + (b * T + t) * G;
      const float *restrict cp = t > 0 ? c + (b * T + t - 1) * H : zeros;
      const float *restrict ct = c + (b * T + t) * H;
      const float *restrict ds = dh_seq ? dh_seq + (b * T + t) * H : zeros;
      const float *restrict dl = dh_last && t == T - 1 ? dh_last + b * H : zeros;
      float *restrict dhn = dh_next + b * H;
      float *restrict dcn = dc_next + b * H;
      float *d = dz + (b * T + t) * G;
      SUFFIX(lstm_row_backward)(z, z + H, z + 2 * H, z + 3 * H, cp, ct, ds, dl, dhn, dcn, d, d + H, d + 2 * H, d + 3 * H, H);
    }
    if (t > 0) sgemm_rm(0, 1, B, H, G, dz + t * G, T * G, u, G, 0.0f, dh_next, H);
  }
  sgemm_rm(1, 0, F, G, B * T, x, F, dz, G, 0.0f, dw, G);
  if (T < 2) memset(du, 0, H * G * sizeof(float));
  for (size_t t = 1; t < T; t++) sgemm_rm(1, 0, H, G, B, h + (t - 1) * H, T * H, dz + t * G, T * G, t == 1 ? 0.0f : 1.0f, du, G);
  SUFFIX(column_sums)(dz, B * T, G, db);
  sgemm_rm(0, 1, B * T, F, G, dz, G, w, G, 0.0f, dx, F);
}

/* GRU as tfjs and Keras with reset_after=False: hh = tanh(x·Wh + (r ⊙ h)·Uh + bh); h = z ⊙ h' + (1 − z) ⊙ hh. */
void SUFFIX(gru_forward)(const float *x, const float *w, const float *u, const float *bias, size_t B, size_t T, size_t F, size_t H,
                                float *gates, float *rh, float *h, const float *zeros) {
  const size_t G = 3 * H;
  SUFFIX(project_inputs)(x, w, bias, B * T, F, G, gates);
  for (size_t t = 0; t < T; t++) {
    if (t > 0) sgemm_rm(0, 0, B, 2 * H, H, h + (t - 1) * H, T * H, u, G, 1.0f, gates + t * G, T * G);
    for (size_t b = 0; b < B; b++) {
      float *z = gates + (b * T + t) * G;
      const float *restrict hp = t > 0 ? h + (b * T + t - 1) * H : zeros;
      float *restrict r = rh + (b * T + t) * H;
      SUFFIX(gru_row_gates)(z, z + H, hp, r, H);
    }
    if (t > 0) sgemm_rm(0, 0, B, H, H, rh + t * H, T * H, u + 2 * H, G, 1.0f, gates + t * G + 2 * H, T * G);
    for (size_t b = 0; b < B; b++) {
      float *z = gates + (b * T + t) * G;
      const float *restrict hp = t > 0 ? h + (b * T + t - 1) * H : zeros;
      float *restrict ht = h + (b * T + t) * H;
      SUFFIX(gru_row_output)(z, z + 2 * H, hp, ht, H);
    }
  }
}

void SUFFIX(gru_backward)(const float *x, const float *w, const float *u, const float *gates, const float *rh, const float *h,
                                 const float *dh_seq, const float *dh_last, size_t B, size_t T, size_t F, size_t H, float *dx, float *dw,
                                 float *du, float *db, float *dz, float *dh_next, float *drh, const float *zeros) {
  const size_t G = 3 * H;
  memset(dh_next, 0, B * H * sizeof(float));
  for (size_t t = T; t-- > 0;) {
    for (size_t b = 0; b < B; b++) {
      const float *z = gates + (b * T + t) * G;
      const float *restrict hp = t > 0 ? h + (b * T + t - 1) * H : zeros;
      const float *restrict ds = dh_seq ? dh_seq + (b * T + t) * H : zeros;
      const float *restrict dl = dh_last && t == T - 1 ? dh_last + b * H : zeros;
      float *restrict dhn = dh_next + b * H;
      float *d = dz + (b * T + t) * G;
      SUFFIX(gru_row_backward)(z, z + 2 * H, hp, ds, dl, dhn, d, d + 2 * H, H);
    }
    sgemm_rm(0, 1, B, H, H, dz + t * G + 2 * H, T * G, u + 2 * H, G, 0.0f, drh, H);
    for (size_t b = 0; b < B; b++) {
      const float *z = gates + (b * T + t) * G;
      const float *restrict hp = t > 0 ? h + (b * T + t - 1) * H : zeros;
      const float *restrict dr = drh + b * H;
      float *restrict dhn = dh_next + b * H;
      float *d = dz + (b * T + t) * G;
      SUFFIX(gru_row_reset)(z + H, hp, dr, dhn, d + H, H);
    }
    if (t > 0) sgemm_rm(0, 1, B, H, 2 * H, dz + t * G, T * G, u, G, 1.0f, dh_next, H);
  }
  sgemm_rm(1, 0, F, G, B * T, x, F, dz, G, 0.0f, dw, G);
  if (T < 2) memset(du, 0, H * G * sizeof(float));
  for (size_t t = 1; t < T; t++) {
    const float beta = t == 1 ? 0.0f : 1.0f;
    sgemm_rm(1, 0, H, 2 * H, B, h + (t - 1) * H, T * H, dz + t * G, T * G, beta, du, G);
    sgemm_rm(1, 0, H, H, B, rh + t * H, T * H, dz + t * G + 2 * H, T * G, beta, du + 2 * H, G);
  }
  SUFFIX(column_sums)(dz, B * T, G, db);
  sgemm_rm(0, 1, B * T, F, G, dz, G, w, G, 0.0f, dx, F);
}
