/*
 * The rows of a CSV, scanned in C: the same loop as scanRows in lib/data/csv-scan.ts (read it first), for rows
 * that have exactly the header's number of fields. It parses each field as
 * a plain decimal (plain-decimal.h, the grammar of lib/data/plain-decimal.ts) while looking for its end, into its
 * column.
 *
 * A quoted field is read between its quotes (plainDecimal), its row flagged in quoted_rows. It stops at the start
 * of the first row it leaves to the TypeScript scan — an unclosed quote, a blank line, a row of the wrong width, a
 * trailing delimiter at the end of the input — and also when the arrays are full, a column needs its array of
 * text starts, or the first quoted field needs the flags; the caller (scanAll in csv-scan.ts) does that row or grows the arrays,
 * and calls again. Everything a row wrote before the stop is written again by whoever does the row.
 */
#include <math.h>
#include "csv-bytes.h"
#include "plain-decimal.h"
#include "tsdl-helper.h"

static size_t field_end(const uint8_t *b, size_t n, size_t s, int dc) {
  while (s < n && b[s] != dc && b[s] != BYTE_LF && b[s] != BYTE_CR) s++;
  return s;
}

int scan_rows(const uint8_t *b, size_t n, struct scan_state *st, int dc, int comma, size_t width, double max_rows,
                    double *const *cols, int32_t *row_starts, int32_t *const *text_starts, uint8_t *quoted_rows, size_t capacity) {
  const int mark = comma ? BYTE_COMMA : BYTE_DOT; /* the decimal mark's byte */
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
      if (b[i] == BYTE_QUOTE) {
        const size_t i0 = i;
        if (quoted_rows == NULL) {
          stop = SCAN_QUOTED_ROWS;
          break;
        }
        /* The closing quote: the first not doubled. No closing quote: the TypeScript scan names the line. */
        size_t q = i + 1;
        for (;;) {
          while (q < n && b[q] != BYTE_QUOTE) {
            if (b[q] == BYTE_LF) line++;
            q++;
          }
          if (q >= n || q + 1 >= n || b[q + 1] != BYTE_QUOTE) break;
          q += 2;
        }
        if (q >= n) {
          stop = SCAN_ROW;
          break;
        }
        i = field_end(b, n, q + 1, dc);
        /* Text after the closing quote is part of the field (as pandas): the TypeScript field path reads it. */
        value = i == q + 1 ? plain_decimal(b, i0 + 1, q, mark) : NAN;
        quoted_rows[rows] = 1;
      } else {
        double v;
        size_t j = read_decimal(b, i, n, mark, &v);
        if (j >= n || b[j] == dc || b[j] == BYTE_LF || b[j] == BYTE_CR) value = v;
        else j = field_end(b, n, j, dc);
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
      if (i < n) i += b[i] == BYTE_CR && i + 1 < n && b[i + 1] == BYTE_LF ? 2 : 1;
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
