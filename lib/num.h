/*
 * num.h: numbers as French spreadsheets write them.
 *
 * Integers and fixed-point decimals are parsed strictly: an optional sign,
 * digits with optional thousands separators (space, NBSP U+00A0, narrow
 * NBSP U+202F; groups of three), a decimal separator '.' or ',', and
 * nothing else but surrounding spaces.  "", "5x", "0x10", "1,5,3", "1e3"
 * are errors.  A missing whole part is read as zero (".5" and ",5" are
 * 0.5, as spreadsheets accept them) but a missing decimal part is an
 * error ("5," may be a cut-off list).  Surrounding spaces are the same
 * three as the separators.  All arithmetic is overflow-checked.
 * Functions return 0 on success and -1 on a malformed or out-of-range
 * value; the output is left untouched then.
 */
#ifndef ESS_NUM_H
#define ESS_NUM_H

#include <stddef.h>
#include <stdint.h>

/* A whole number ("1 000", "-3", "+7"). */
int num_parse_int(const char *s, int64_t *out);

/* A decimal kept as an integer scaled by 10^scale (0..9): with scale 2,
 * "10,5" gives 1050.  More decimals than scale is an error (no rounding). */
int num_parse_fixed(const char *s, int scale, int64_t *out);

/* Money in cents: a fixed value with scale 2 that may carry a currency
 * mark before or after it ("10,50 €", "€10.50", "10.50 EUR", "1 000,50"). */
int num_parse_money(const char *s, int64_t *cents);

/* A percentage in tenths of a percent: "12,5 %", "12.5%", "12" (the sign
 * is optional).  With scale 1: "66,7 %" gives 667. */
int num_parse_percent(const char *s, int64_t *tenths);

/* Checked arithmetic: 0 on success, -1 on overflow (then *r is unchanged). */
int num_add(int64_t a, int64_t b, int64_t *r);
int num_mul(int64_t a, int64_t b, int64_t *r);

/* Writes v / 10^scale with exactly scale decimals and the decimal mark dec
 * into out (at least 32 bytes); returns out.  num_format_fixed(1050, 2,
 * ',', buf) gives "10,50"; scale 0 gives a plain integer. */
char *num_format_fixed(int64_t v, int scale, char dec, char *out);

/* 100 * num / den rounded half away from zero to one decimal, as "94.7";
 * den must not be 0.  Written into out (at least 32 bytes). */
char *num_format_percent(int64_t num, int64_t den, char *out);

#endif
