/*
 * The rows of a CSV, scanned in C: the same loop as scanRows in lib/data/parse-csv.ts (read it first), for rows
 * that have exactly the header's number of fields. It parses each field as
 * [-]digits[.digits] while looking for its end (Clinger's fast path: an integer mantissa below 2^53 divided by an
 * exact power of ten, the same division as the TypeScript loop, so the same bits) into its column; the mantissa
 * is gathered in a 64-bit integer rather than a double (one cycle a digit instead of a multiply-add's latency).
 *
 * A quoted field is read between its quotes (plainDecimal), its row flagged in quoted_rows. It stops at the start
 * of the first row it leaves to the TypeScript scan — an unclosed quote, a blank line, a row of the wrong width, a
 * trailing delimiter at the end of the input — and also when the arrays are full, a column needs its array of
 * text starts, or the first quoted field needs the flags; the caller (scanAll in parse-csv.ts) does that row or grows the arrays,
 * and calls again. Everything a row wrote before the stop is written again by whoever does the row.
 */
#include <math.h>
#include "tsdl-helper.h"

static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* 2^53 - 1. The TypeScript loop accumulates the mantissa in a double: exact up to here, and once past it never back
 * below (rounding is monotonic), so "at most MAX_EXACT" picks the same fields and the same values as it does. */
#define MAX_EXACT 9007199254740991ULL

static size_t field_end(const uint8_t *b, size_t n, size_t s, int dc) {
  while (s < n && b[s] != dc && b[s] != 10 && b[s] != 13) s++;
  return s;
}

/* Bytes [s, e) as a plain decimal, else NaN: plainDecimal in parse-csv.ts (a quoted field's content). */
static double plain_decimal(const uint8_t *b, size_t s, size_t e, int comma) {
  const int neg = s < e && b[s] == 45;
  const int mark = comma ? 44 : 46;
  uint64_t mant = 0;
  ptrdiff_t dot = -1;
  size_t digits = 0;
  for (size_t j = neg ? s + 1 : s; j < e; j++) {
    const int c = b[j];
    if (c >= 48 && c <= 57) {
      mant = mant <= MAX_EXACT ? mant * 10 + (uint64_t)(c - 48) : mant;
      digits++;
    } else if (c == mark && dot < 0) dot = (ptrdiff_t)j;
    else return NAN;
  }
  const ptrdiff_t frac = dot >= 0 ? (ptrdiff_t)e - dot - 1 : 0;
  return digits > 0 && mant <= MAX_EXACT && frac <= 22 ? (neg ? -(double)mant : (double)mant) / POW10[frac] : NAN;
}

int scan_rows(const uint8_t *b, size_t n, struct scan_state *st, int dc, int comma, size_t width, double max_rows,
                    double *const *cols, int32_t *row_starts, int32_t *const *text_starts, uint8_t *quoted_rows, size_t capacity) {
  size_t i = st->next, rows = st->rows;
  double line = st->line;
  int reason = SCAN_END;
  for (;;) {
    if (i >= n || (double)rows >= max_rows) break;
    if (rows >= capacity) {
      reason = SCAN_FULL;
      break;
    }
    const size_t row_start = i;
    const double row_line = line;
    size_t col = 0;
    int empty = 0;
    int stop = -1; /* a reason to hand the row back */
    for (;;) {
      const size_t field_start = i;
      double value = NAN;
      if (b[i] == 34 /* " */) {
        if (quoted_rows == NULL) {
          stop = SCAN_QUOTED_ROWS;
          break;
        }
        /* The closing quote: the first not doubled. No closing quote: the TypeScript scan names the line. */
        size_t q = i + 1;
        for (;;) {
          while (q < n && b[q] != 34) {
            if (b[q] == 10) line++;
            q++;
          }
          if (q >= n || q + 1 >= n || b[q + 1] != 34) break;
          q += 2;
        }
        if (q >= n) {
          stop = SCAN_ROW;
          break;
        }
        value = plain_decimal(b, i + 1, q, comma);
        i = field_end(b, n, q + 1, dc);
        quoted_rows[rows] = 1;
      } else {
        const int neg = b[i] == 45;
        size_t j = neg ? i + 1 : i;
        uint64_t mant = 0; /* exact; past 2^53 - 1 it stops growing and the field is no fast-path decimal */
        ptrdiff_t dot = -1;
        int c = 0;
        for (; j < n; j++) {
          c = b[j];
          if (c >= 48 && c <= 57) mant = mant <= MAX_EXACT ? mant * 10 + (uint64_t)(c - 48) : mant;
          else if (c == 46 && dot < 0) dot = (ptrdiff_t)j;
          else break;
        }
        int plain = 1;
        if (comma) {
          if (dot >= 0) plain = 0;
          else if (c == 44 && j < n) {
            dot = (ptrdiff_t)j;
            for (j++; j < n; j++) {
              c = b[j];
              if (c >= 48 && c <= 57) mant = mant <= MAX_EXACT ? mant * 10 + (uint64_t)(c - 48) : mant;
              else break;
            }
          }
        }
        if (plain && (j >= n || c == dc || c == 10 || c == 13)) {
          const ptrdiff_t digits = (ptrdiff_t)(j - field_start) - (dot >= 0 ? 1 : 0) - (neg ? 1 : 0);
          const ptrdiff_t frac = dot >= 0 ? (ptrdiff_t)j - dot - 1 : 0;
          if (digits > 0 && mant <= MAX_EXACT && frac <= 22) value = (neg ? -(double)mant : (double)mant) / POW10[frac];
        } else {
          j = field_end(b, n, j, dc);
        }
        i = j;
      }
      empty = i == field_start;
      if (col < width) {
        cols[col][rows] = value;
        if (value != value && col > 0) {
          if (text_starts[col] == NULL) {
            st->column = col;
            stop = SCAN_TEXT_STARTS;
            break;
          }
          text_starts[col][rows] = (int32_t)field_start;
        }
      }
      col++;
      if (i < n && b[i] == dc) {
        i++;
        if (i < n) continue;
        stop = SCAN_ROW; /* a trailing delimiter ends the input */
      }
      break;
    }
    if (stop < 0) {
      if (i < n) i += b[i] == 13 && i + 1 < n && b[i + 1] == 10 ? 2 : 1;
      if (col != width || (col == 1 && empty)) stop = SCAN_ROW; /* wrong width, or a blank line */
    }
    if (stop >= 0) {
      i = row_start;
      line = row_line;
      reason = stop;
      break;
    }
    row_starts[rows] = (int32_t)row_start;
    rows++;
    line++;
  }
  st->next = i;
  st->rows = rows;
  st->line = line;
  return reason;
}
