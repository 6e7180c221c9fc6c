/* The bytes the CSV scan looks at, named as in lib/data/csv-bytes.ts. */
#ifndef TSDL_CSV_BYTES_H
#define TSDL_CSV_BYTES_H
#define BYTE_LF 10
#define BYTE_CR 13
#define BYTE_QUOTE 34
#define BYTE_COMMA 44
#define BYTE_MINUS 45
#define BYTE_DOT 46
#define BYTE_DIGIT_0 48
#define BYTE_DIGIT_9 57
#endif
