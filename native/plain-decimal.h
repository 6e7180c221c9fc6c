/*
 * The plain-decimal grammar of lib/data/plain-decimal.ts (its description is there, once), in C:
 *   ["-"] digits [mark digits], at least one digit, a mantissa of at most 2^53 - 1, at most 22 digits after the mark,
 * valued as the mantissa over an exact power of ten (the same division as TypeScript, so the same bits). The
 * mantissa is gathered in a 64-bit integer (one cycle a digit instead of a multiply-add's latency) that stops
 * growing past 2^53 - 1, where TypeScript's double, once past it, never falls back below: the same fields qualify.
 * test/data/plain-decimal.test.ts checks both against Number() on the same generated fields.
 */
#ifndef TSDL_PLAIN_DECIMAL_H
#define TSDL_PLAIN_DECIMAL_H
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include "csv-bytes.h"


static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
#define MAX_EXACT 9007199254740991ULL

/* readDecimal: the longest run of the grammar at byte i before limit; returns where it stopped, *value its value or NaN. */
static inline size_t read_decimal(const uint8_t *b, size_t i, size_t limit, int mark, double *value) {
  const int neg = i < limit && b[i] == BYTE_MINUS;
  size_t j = neg ? i + 1 : i;
  uint64_t mant = 0;
  ptrdiff_t dot = -1;
  for (; j < limit; j++) {
    const int c = b[j];
    if (c >= BYTE_DIGIT_0 && c <= BYTE_DIGIT_9) mant = mant <= MAX_EXACT ? mant * 10 + (uint64_t)(c - BYTE_DIGIT_0) : mant;
    else if (c == mark && dot < 0) dot = (ptrdiff_t)j;
    else break;
  }
  const ptrdiff_t digits = (ptrdiff_t)(j - i) - (dot >= 0 ? 1 : 0) - neg;
  const ptrdiff_t frac = dot >= 0 ? (ptrdiff_t)j - dot - 1 : 0;
  *value = digits > 0 && mant <= MAX_EXACT && frac <= 22 ? (neg ? -(double)mant : (double)mant) / POW10[frac] : NAN;
  return j;
}

/* plainDecimal: bytes [s, e) as a plain decimal, else NaN (a quoted field's content). */
static inline double plain_decimal(const uint8_t *b, size_t s, size_t e, int mark) {
  double value;
  return read_decimal(b, s, e, mark, &value) == e ? value : NAN;
}

#endif
