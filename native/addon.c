/*
 * The N-API glue of the C helper: checks each call's arguments (a wrong one throws a TypeError naming it) and
 * hands typed-array memory to the functions of the other files. lib/kernels/c-helper.ts is the only caller.
 */
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include "tsdl-helper.h"

static const char *type_name(napi_typedarray_type type) {
  switch (type) {
    case napi_uint8_array: return "Uint8Array";
    case napi_int32_array: return "Int32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    default: return "typed array";
  }
}

/*
 * The data and length of a typed array argument of type `want` (or NULL and 0 for undefined, where `optional`),
 * or a TypeError naming the argument and the type it must be.
 */
static int typed_array(napi_env env, napi_value value, napi_typedarray_type want, int optional, const char *name, void **data, size_t *length) {
  napi_valuetype kind;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  *data = NULL;
  *length = 0;
  if (optional && napi_typeof(env, value, &kind) == napi_ok && kind == napi_undefined) return 1;
  if (napi_get_typedarray_info(env, value, &type, length, data, &buffer, &offset) == napi_ok && type == want) return 1;
  char message[128];
  snprintf(message, sizeof message, "the C helper expects a %s%s as %s", type_name(want), optional ? " or undefined" : "", name);
  napi_throw_type_error(env, NULL, message);
  return 0;
}

/* A Float64Array argument (the common case). */
static int float64_array(napi_env env, napi_value value, const char *name, double **data, size_t *length) {
  return typed_array(env, value, napi_float64_array, 0, name, (void **)data, length);
}

static int number(napi_env env, napi_value value, double *out) {
  if (napi_get_value_double(env, value, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "the C helper expects a number");
    return 0;
  }
  return 1;
}

static size_t arguments(napi_env env, napi_callback_info info, napi_value *argv, size_t max) {
  size_t argc = max;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return 0;
  return argc;
}

/* adviseHugePages(buffer: ArrayBuffer): number */
static napi_value js_advise_huge_pages(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  void *data = NULL;
  size_t length = 0;
  if (arguments(env, info, argv, 1) < 1 || napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "adviseHugePages expects an ArrayBuffer");
    return NULL;
  }
  napi_create_double(env, advise_huge_pages(data, length), &result);
  return result;
}

/* setMallocThresholds(): boolean */
static napi_value js_set_malloc_thresholds(napi_env env, napi_callback_info info) {
  napi_value result;
  (void)info;
  napi_get_boolean(env, set_malloc_thresholds(), &result);
  return result;
}

/* pctChange(x: Float64Array, k: number, out: Float64Array): void — out as long as x, not overlapping it. */
static napi_value js_pct_change(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  double *x, *out, k;
  size_t n, m;
  if (arguments(env, info, argv, 3) < 3) return napi_throw_type_error(env, NULL, "pctChange expects (x, k, out)"), NULL;
  if (!float64_array(env, argv[0], "x", &x, &n) || !number(env, argv[1], &k) || !float64_array(env, argv[2], "out", &out, &m)) return NULL;
  if (m != n || !(k >= 1) || k != (double)(size_t)k) return napi_throw_range_error(env, NULL, "pctChange: out must be as long as x, and k a positive integer"), NULL;
  pct_change(x, out, n, (size_t)k);
  return NULL;
}

/* subtractDivideAdd(x: Float64Array, offset, divisor, shift, out: Float64Array): void */
static napi_value js_subtract_divide_add(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  double *x, *out, offset, divisor, shift;
  size_t n, m;
  if (arguments(env, info, argv, 5) < 5) return napi_throw_type_error(env, NULL, "subtractDivideAdd expects (x, offset, divisor, shift, out)"), NULL;
  if (!float64_array(env, argv[0], "x", &x, &n) || !number(env, argv[1], &offset) || !number(env, argv[2], &divisor) ||
      !number(env, argv[3], &shift) || !float64_array(env, argv[4], "out", &out, &m))
    return NULL;
  if (m != n) return napi_throw_range_error(env, NULL, "subtractDivideAdd: out must be as long as x"), NULL;
  subtract_divide_add(x, out, n, offset, divisor, shift);
  return NULL;
}

/* multiplyAdd(x: Float64Array, mul, add, out: Float64Array): void */
static napi_value js_multiply_add(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  double *x, *out, mul, add;
  size_t n, m;
  if (arguments(env, info, argv, 4) < 4) return napi_throw_type_error(env, NULL, "multiplyAdd expects (x, mul, add, out)"), NULL;
  if (!float64_array(env, argv[0], "x", &x, &n) || !number(env, argv[1], &mul) || !number(env, argv[2], &add) || !float64_array(env, argv[3], "out", &out, &m)) return NULL;
  if (m != n) return napi_throw_range_error(env, NULL, "multiplyAdd: out must be as long as x"), NULL;
  multiply_add(x, out, n, mul, add);
  return NULL;
}

/* minMax(x: Float64Array, result: Float64Array): void — result [min, max, 1 if NaN else 0] */
static napi_value js_min_max(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  double *x, *result;
  size_t n, m;
  if (arguments(env, info, argv, 2) < 2) return napi_throw_type_error(env, NULL, "minMax expects (x, result)"), NULL;
  if (!float64_array(env, argv[0], "x", &x, &n) || !float64_array(env, argv[1], "result", &result, &m)) return NULL;
  if (m < 3) return napi_throw_range_error(env, NULL, "minMax: result must hold 3 values"), NULL;
  min_max(x, n, result);
  return NULL;
}

/* A RangeError with the message, unless a check before it already threw (naming the argument). */
static void range_error_unless_thrown(napi_env env, const char *message) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_range_error(env, NULL, message);
}

/* The typed array at index k of a JavaScript array (NULL for undefined, where `optional`), as typed_array. */
static int array_element(napi_env env, napi_value array, uint32_t k, napi_typedarray_type want, int optional, const char *name, void **data,
                         size_t *length) {
  napi_value element;
  char element_name[64];
  *data = NULL;
  *length = 0;
  if (napi_get_element(env, array, k, &element) != napi_ok) return 0;
  snprintf(element_name, sizeof element_name, "%s[%u]", name, k);
  return typed_array(env, element, want, optional, element_name, data, length);
}

/*
 * fillWindowInputs(cols: Float64Array[], s0, count, stride, lookback, x: Float32Array): boolean — false when the
 * helper could not allocate its block (the caller then fills x itself).
 */
static napi_value js_fill_window_inputs(napi_env env, napi_callback_info info) {
  napi_value argv[6], result;
  double s0, count, stride, lookback;
  uint32_t nf;
  size_t x_length, length;
  float *x;
  if (arguments(env, info, argv, 6) < 6) return napi_throw_type_error(env, NULL, "fillWindowInputs expects 6 arguments"), NULL;
  if (napi_get_array_length(env, argv[0], &nf) != napi_ok) return napi_throw_type_error(env, NULL, "fillWindowInputs expects an array of columns"), NULL;
  if (!number(env, argv[1], &s0) || !number(env, argv[2], &count) || !number(env, argv[3], &stride) || !number(env, argv[4], &lookback)) return NULL;
  if (!typed_array(env, argv[5], napi_float32_array, 0, "x", (void **)&x, &x_length)) return NULL;
  if (!(s0 >= 0 && count >= 0 && stride >= 1 && lookback >= 1) || x_length < (size_t)count * (size_t)lookback * nf)
    return napi_throw_range_error(env, NULL, "fillWindowInputs: bad layout, or x too short"), NULL;
  const size_t last = count > 0 ? (size_t)s0 + ((size_t)count - 1) * (size_t)stride + (size_t)lookback : 0;
  double **cols = calloc(nf ? nf : 1, sizeof *cols);
  int ok = cols != NULL;
  for (uint32_t f = 0; ok && f < nf; f++) {
    ok = array_element(env, argv[0], f, napi_float64_array, 0, "cols", (void **)&cols[f], &length) && cols[f] != NULL && length >= last;
  }
  if (ok) {
    napi_get_boolean(env, fill_window_inputs((const double *const *)cols, nf, (size_t)s0, (size_t)count, (size_t)stride, (size_t)lookback, x), &result);
  } else {
    range_error_unless_thrown(env, "fillWindowInputs: a column is shorter than the windows reach");
    result = NULL;
  }
  free(cols);
  return result;
}

/*
 * scanRows(b: Uint8Array, state: Float64Array [next, rows, line, column], dc, comma, width, maxRows,
 *               cols: Float64Array[], rowStarts: Int32Array, textStarts: (Int32Array | undefined)[],
 *               quotedRows: Uint8Array | undefined): number
 * Scans from state[0], updates state, returns why it stopped (SCAN_* in tsdl-helper.h).
 */
static napi_value js_scan_rows(napi_env env, napi_callback_info info) {
  napi_value argv[10], result;
  size_t n, state_length, capacity, length;
  uint8_t *b;
  double *state, dc, comma, width, max_rows;
  int32_t *row_starts;
  uint8_t *quoted_rows;
  if (arguments(env, info, argv, 10) < 10) return napi_throw_type_error(env, NULL, "scanRows expects 10 arguments"), NULL;
  if (!typed_array(env, argv[0], napi_uint8_array, 0, "b", (void **)&b, &n) || !float64_array(env, argv[1], "state", &state, &state_length) ||
      !number(env, argv[2], &dc) || !number(env, argv[3], &comma) || !number(env, argv[4], &width) || !number(env, argv[5], &max_rows) ||
      !typed_array(env, argv[7], napi_int32_array, 0, "rowStarts", (void **)&row_starts, &capacity) ||
      !typed_array(env, argv[9], napi_uint8_array, 1, "quotedRows", (void **)&quoted_rows, &length))
    return NULL;
  if (quoted_rows != NULL && length < capacity) return napi_throw_range_error(env, NULL, "scanRows: quotedRows must be as long as rowStarts"), NULL;
  if (state_length < 4 || !(width >= 1) || state[0] < 0 || state[1] < 0) return napi_throw_range_error(env, NULL, "scanRows: bad state or width"), NULL;
  size_t w = (size_t)width;
  double **cols = calloc(w, sizeof *cols);
  int32_t **text_starts = calloc(w, sizeof *text_starts);
  int ok = cols != NULL && text_starts != NULL;
  for (uint32_t k = 0; ok && k < w; k++) {
    ok = array_element(env, argv[6], k, napi_float64_array, 0, "cols", (void **)&cols[k], &length) && cols[k] != NULL && length >= capacity;
    if (ok) ok = array_element(env, argv[8], k, napi_int32_array, 1, "textStarts", (void **)&text_starts[k], &length) && (text_starts[k] == NULL || length >= capacity);
  }
  if (ok) {
    struct scan_state st = {(size_t)state[0], (size_t)state[1], state[2], 0};
    int reason = scan_rows(b, n, &st, (int)dc, comma != 0, w, max_rows, cols, row_starts, text_starts, quoted_rows, capacity);
    state[0] = (double)st.next;
    state[1] = (double)st.rows;
    state[2] = st.line;
    state[3] = (double)st.column;
    napi_create_int32(env, reason, &result);
  } else {
    range_error_unless_thrown(env, "scanRows: each column needs an array as long as rowStarts");
    result = NULL;
  }
  free(cols);
  free(text_starts);
  return result;
}

/* The four dimensions [B, T, F, H] of a recurrent call, each a positive integer, their products within size_t. */
static int rnn_dims(napi_env env, napi_value value, size_t dims[4]) {
  double *d;
  size_t n;
  if (!float64_array(env, value, "dims", &d, &n)) return 0;
  if (n != 4) return napi_throw_range_error(env, NULL, "rnn: dims must be [batch, steps, features, units]"), 0;
  for (int i = 0; i < 4; i++) {
    if (!(d[i] >= 1 && d[i] <= 1e9) || d[i] != (double)(size_t)d[i]) return napi_throw_range_error(env, NULL, "rnn: each of dims must be a positive integer"), 0;
    dims[i] = (size_t)d[i];
  }
  return 1;
}

/* A Float32Array argument holding at least `need` values (optional: undefined gives NULL). */
static int float32_at_least(napi_env env, napi_value value, int optional, const char *name, size_t need, float **data) {
  size_t n;
  if (!typed_array(env, value, napi_float32_array, optional, name, (void **)data, &n)) return 0;
  if (*data != NULL && n < need) {
    char message[128];
    snprintf(message, sizeof message, "rnn: %s holds %zu values, the shapes need %zu", name, n, need);
    napi_throw_range_error(env, NULL, message);
    return 0;
  }
  return 1;
}

/* rnnForward(cell: 0 LSTM | 1 GRU, x, w, u, bias, dims: Float64Array [B, T, F, H], gates, state, h): number (recurrent.c) */
static napi_value js_rnn_forward(napi_env env, napi_callback_info info) {
  napi_value argv[9], result;
  double cell;
  size_t d[4];
  float *x, *w, *u, *bias, *gates, *state, *h;
  if (arguments(env, info, argv, 9) < 9) return napi_throw_type_error(env, NULL, "rnnForward expects 9 arguments"), NULL;
  if (!number(env, argv[0], &cell) || !rnn_dims(env, argv[5], d)) return NULL;
  const size_t B = d[0], T = d[1], F = d[2], H = d[3], G = (cell == RNN_LSTM ? 4 : 3) * H;
  if (!float32_at_least(env, argv[1], 0, "x", B * T * F, &x) || !float32_at_least(env, argv[2], 0, "w", F * G, &w) ||
      !float32_at_least(env, argv[3], 0, "u", H * G, &u) || !float32_at_least(env, argv[4], 0, "bias", G, &bias) ||
      !float32_at_least(env, argv[6], 0, "gates", B * T * G, &gates) || !float32_at_least(env, argv[7], 0, "state", B * T * H, &state) ||
      !float32_at_least(env, argv[8], 0, "h", B * T * H, &h))
    return NULL;
  napi_create_double(env, (double)rnn_forward(cell == RNN_GRU ? RNN_GRU : RNN_LSTM, x, w, u, bias, B, T, F, H, gates, state, h), &result);
  return result;
}

/*
 * rnnBackward(cell, x, w, u, gates, state, h, dhSeq | undefined, dhLast | undefined, dims, dx, dw, du, db, dz, scratch1, scratch2): number
 */
static napi_value js_rnn_backward(napi_env env, napi_callback_info info) {
  napi_value argv[17], result;
  double cell;
  size_t d[4];
  float *x, *w, *u, *gates, *state, *h, *dh_seq, *dh_last, *dx, *dw, *du, *db, *dz, *s1, *s2;
  if (arguments(env, info, argv, 17) < 17) return napi_throw_type_error(env, NULL, "rnnBackward expects 17 arguments"), NULL;
  if (!number(env, argv[0], &cell) || !rnn_dims(env, argv[9], d)) return NULL;
  const size_t B = d[0], T = d[1], F = d[2], H = d[3], G = (cell == RNN_LSTM ? 4 : 3) * H;
  if (!float32_at_least(env, argv[1], 0, "x", B * T * F, &x) || !float32_at_least(env, argv[2], 0, "w", F * G, &w) ||
      !float32_at_least(env, argv[3], 0, "u", H * G, &u) || !float32_at_least(env, argv[4], 0, "gates", B * T * G, &gates) ||
      !float32_at_least(env, argv[5], 0, "state", B * T * H, &state) || !float32_at_least(env, argv[6], 0, "h", B * T * H, &h) ||
      !float32_at_least(env, argv[7], 1, "dhSeq", B * T * H, &dh_seq) || !float32_at_least(env, argv[8], 1, "dhLast", B * H, &dh_last) ||
      !float32_at_least(env, argv[10], 0, "dx", B * T * F, &dx) || !float32_at_least(env, argv[11], 0, "dw", F * G, &dw) ||
      !float32_at_least(env, argv[12], 0, "du", H * G, &du) || !float32_at_least(env, argv[13], 0, "db", G, &db) ||
      !float32_at_least(env, argv[14], 0, "dz", B * T * G, &dz) || !float32_at_least(env, argv[15], 0, "scratch1", B * H, &s1) ||
      !float32_at_least(env, argv[16], 0, "scratch2", B * H, &s2))
    return NULL;
  int code = rnn_backward(cell == RNN_GRU ? RNN_GRU : RNN_LSTM, x, w, u, gates, state, h, dh_seq, dh_last, B, T, F, H, dx, dw, du, db, dz, s1, s2);
  napi_create_double(env, (double)code, &result);
  return result;
}

/* useKernels({ isa?: 0 | 1 | 2, blas?: boolean }): { isa: string, matrixLibrary: string } — for tests and benchmarks. */
static napi_value js_use_kernels(napi_env env, napi_callback_info info) {
  napi_value argv[1], value, result;
  bool has;
  if (arguments(env, info, argv, 1) >= 1) {
    if (napi_has_named_property(env, argv[0], "isa", &has) == napi_ok && has) {
      double isa;
      napi_get_named_property(env, argv[0], "isa", &value);
      if (!number(env, value, &isa)) return NULL;
      set_kernel_isa((int)isa);
    }
    if (napi_has_named_property(env, argv[0], "blas", &has) == napi_ok && has) {
      bool on;
      napi_get_named_property(env, argv[0], "blas", &value);
      if (napi_get_value_bool(env, value, &on) != napi_ok) return napi_throw_type_error(env, NULL, "useKernels: blas must be a boolean"), NULL;
      gemm_use_blas(on);
    }
  }
  napi_create_object(env, &result);
  napi_create_string_utf8(env, kernel_isa_name(), NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "isa", value);
  napi_create_string_utf8(env, gemm_library(), NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "matrixLibrary", value);
  return result;
}

static void export_function(napi_env env, napi_value exports, const char *name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, NULL, &fn);
  napi_set_named_property(env, exports, name, fn);
}

NAPI_MODULE_INIT() {
  napi_value instructions;
  export_function(env, exports, "adviseHugePages", js_advise_huge_pages);
  export_function(env, exports, "setMallocThresholds", js_set_malloc_thresholds);
  export_function(env, exports, "pctChange", js_pct_change);
  export_function(env, exports, "subtractDivideAdd", js_subtract_divide_add);
  export_function(env, exports, "multiplyAdd", js_multiply_add);
  export_function(env, exports, "minMax", js_min_max);
  export_function(env, exports, "fillWindowInputs", js_fill_window_inputs);
  export_function(env, exports, "scanRows", js_scan_rows);
  napi_create_string_utf8(env, vector_instructions(), NAPI_AUTO_LENGTH, &instructions);
  napi_set_named_property(env, exports, "vectorInstructions", instructions);
  export_function(env, exports, "rnnForward", js_rnn_forward);
  export_function(env, exports, "rnnBackward", js_rnn_backward);
  export_function(env, exports, "useKernels", js_use_kernels);
  return exports;
}
