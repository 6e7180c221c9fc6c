/**
 * The plain TypeScript version of the recurrent kernels (native/recurrent.c): the same layouts, the same
 * equations, loops written for reading. It is the reference the C version is tested against, and what runs
 * where the C helper is not built or is switched off.
 */
import type { RnnBackwardArgs, RnnForwardArgs } from './c-helper';
import { gateWidth, RecurrentCell, RNN_BAD_GRADIENT, RNN_BAD_WEIGHTS, RNN_DONE } from './recurrent-codes';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** a[m×k] (or its transpose) times b, added to c scaled by beta: the row-major product the C code calls sgemm for. */
function gemm(
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  ao: number,
  lda: number,
  b: Float32Array,
  bo: number,
  ldb: number,
  beta: number,
  c: Float32Array,
  co: number,
  ldc: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (ta ? a[ao + p * lda + i] : a[ao + i * lda + p]) * (tb ? b[bo + j * ldb + p] : b[bo + p * ldb + j]);
      c[co + i * ldc + j] = (beta === 0 ? 0 : beta * c[co + i * ldc + j]) + s;
    }
  }
}

function firstNonFinite(x: Float32Array, n: number): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}

export function referenceForward(cell: RecurrentCell, ...args: RnnForwardArgs): number {
  const [x, w, u, bias, dims, gates, state, h] = args;
  const B = dims[0],
    T = dims[1],
    F = dims[2],
    H = dims[3];
  const G = gateWidth(cell, H);
  const bad = firstNonFinite(x, B * T * F);
  if (bad >= 0) return bad;
  if (firstNonFinite(w, F * G) >= 0 || firstNonFinite(u, H * G) >= 0 || firstNonFinite(bias, G) >= 0) return RNN_BAD_WEIGHTS;
  for (let r = 0; r < B * T; r++) gates.set(bias.subarray(0, G), r * G);
  gemm(false, false, B * T, G, F, x, 0, F, w, 0, G, 1, gates, 0, G);
  for (let t = 0; t < T; t++) {
    if (cell === 'lstm') {
      if (t > 0) gemm(false, false, B, G, H, h, (t - 1) * H, T * H, u, 0, G, 1, gates, t * G, T * G);
      for (let b = 0; b < B; b++) {
        const z = (b * T + t) * G;
        const o = (b * T + t) * H;
        for (let k = 0; k < H; k++) {
          const i = sigmoid(gates[z + k]);
          const f = sigmoid(gates[z + H + k]);
          const g = Math.tanh(gates[z + 2 * H + k]);
          const og = sigmoid(gates[z + 3 * H + k]);
          gates[z + k] = i;
          gates[z + H + k] = f;
          gates[z + 2 * H + k] = g;
          gates[z + 3 * H + k] = og;
          const c = (t > 0 ? f * state[o - H + k] : 0) + i * g;
          state[o + k] = c;
          h[o + k] = og * Math.tanh(c);
        }
      }
    } else {
      if (t > 0) gemm(false, false, B, 2 * H, H, h, (t - 1) * H, T * H, u, 0, G, 1, gates, t * G, T * G);
      for (let b = 0; b < B; b++) {
        const z = (b * T + t) * G;
        const o = (b * T + t) * H;
        for (let k = 0; k < 2 * H; k++) gates[z + k] = sigmoid(gates[z + k]);
        for (let k = 0; k < H; k++) state[o + k] = t > 0 ? gates[z + H + k] * h[o - H + k] : 0;
      }
      if (t > 0) gemm(false, false, B, H, H, state, t * H, T * H, u, 2 * H, G, 1, gates, t * G + 2 * H, T * G);
      for (let b = 0; b < B; b++) {
        const z = (b * T + t) * G;
        const o = (b * T + t) * H;
        for (let k = 0; k < H; k++) {
          const hh = Math.tanh(gates[z + 2 * H + k]);
          gates[z + 2 * H + k] = hh;
          h[o + k] = (t > 0 ? gates[z + k] * h[o - H + k] : 0) + (1 - gates[z + k]) * hh;
        }
      }
    }
  }
  return RNN_DONE;
}

export function referenceBackward(cell: RecurrentCell, ...args: RnnBackwardArgs): number {
  const [x, w, u, gates, state, h, dhSeq, dhLast, dims, dx, dw, du, db, dz, dhNext, scratch] = args;
  const B = dims[0],
    T = dims[1],
    F = dims[2],
    H = dims[3];
  const G = gateWidth(cell, H);
  if ((dhSeq && firstNonFinite(dhSeq, B * T * H) >= 0) || (dhLast && firstNonFinite(dhLast, B * H) >= 0)) return RNN_BAD_GRADIENT;
  dhNext.fill(0, 0, B * H);
  scratch.fill(0, 0, B * H);
  for (let t = T - 1; t >= 0; t--) {
    for (let b = 0; b < B; b++) {
      const z = (b * T + t) * G;
      const o = (b * T + t) * H;
      for (let k = 0; k < H; k++) {
        const dh = dhNext[b * H + k] + (dhSeq ? dhSeq[o + k] : 0) + (dhLast && t === T - 1 ? dhLast[b * H + k] : 0);
        const prev = t > 0 ? (cell === 'lstm' ? state : h)[o - H + k] : 0;
        if (cell === 'lstm') {
          const i = gates[z + k],
            f = gates[z + H + k],
            g = gates[z + 2 * H + k],
            og = gates[z + 3 * H + k];
          const th = Math.tanh(state[o + k]);
          const dc = scratch[b * H + k] + dh * og * (1 - th * th);
          dz[z + k] = dc * g * i * (1 - i);
          dz[z + H + k] = dc * prev * f * (1 - f);
          dz[z + 2 * H + k] = dc * i * (1 - g * g);
          dz[z + 3 * H + k] = dh * th * og * (1 - og);
          scratch[b * H + k] = dc * f;
        } else {
          const zz = gates[z + k],
            hh = gates[z + 2 * H + k];
          dz[z + k] = dh * (prev - hh) * zz * (1 - zz);
          dz[z + 2 * H + k] = dh * (1 - zz) * (1 - hh * hh);
          dhNext[b * H + k] = dh * zz;
        }
      }
    }
    if (cell === 'lstm') {
      if (t > 0) gemm(false, true, B, H, G, dz, t * G, T * G, u, 0, G, 0, dhNext, 0, H);
    } else {
      // scratch = d(r ⊙ h') = dhh · Uhᵀ
      gemm(false, true, B, H, H, dz, t * G + 2 * H, T * G, u, 2 * H, G, 0, scratch, 0, H);
      for (let b = 0; b < B; b++) {
        const z = (b * T + t) * G;
        for (let k = 0; k < H; k++) {
          const r = gates[z + H + k];
          const prev = t > 0 ? h[(b * T + t - 1) * H + k] : 0;
          dz[z + H + k] = scratch[b * H + k] * prev * r * (1 - r);
          dhNext[b * H + k] += scratch[b * H + k] * r;
        }
      }
      if (t > 0) gemm(false, true, B, H, 2 * H, dz, t * G, T * G, u, 0, G, 1, dhNext, 0, H);
    }
  }
  gemm(true, false, F, G, B * T, x, 0, F, dz, 0, G, 0, dw, 0, G);
  du.fill(0, 0, H * G);
  for (let t = 1; t < T; t++) {
    if (cell === 'lstm') gemm(true, false, H, G, B, h, (t - 1) * H, T * H, dz, t * G, T * G, 1, du, 0, G);
    else {
      gemm(true, false, H, 2 * H, B, h, (t - 1) * H, T * H, dz, t * G, T * G, 1, du, 0, G);
      gemm(true, false, H, H, B, state, t * H, T * H, dz, t * G + 2 * H, T * G, 1, du, 2 * H, G);
    }
  }
  db.fill(0, 0, G);
  for (let r = 0; r < B * T; r++) for (let j = 0; j < G; j++) db[j] += dz[r * G + j];
  gemm(false, true, B * T, F, G, dz, 0, G, w, 0, G, 0, dx, 0, F);
  return RNN_DONE;
}
