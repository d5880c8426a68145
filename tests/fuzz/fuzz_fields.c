/*
 * fuzz_fields.c: libFuzzer target for the helpers that take one field:
 * lib/num.c, lib/date.c and lib/text.c.
 *
 * The first byte picks a scale (0-9) and a width; when there are 16 more
 * bytes they are also two integers for the arithmetic; the rest, up to a
 * NUL, is the field.  Properties (abort() when violated):
 *
 *  - num_parse_fixed: a value read at scale k is read at scale k+1 as ten
 *    times itself (when that fits); num_format_fixed writes it back to a
 *    string that reads as the same value, with '.' or ','; num_parse_int is
 *    scale 0; what num_parse_fixed reads at scale 2 (1), num_parse_money
 *    (num_parse_percent) reads the same;
 *  - num_add and num_mul agree with __builtin_*_overflow;
 *    num_format_percent gives 1000 num / den rounded half away from zero,
 *    as computed in 128 bits;
 *  - date_parse: the day formats as YYYY-MM-DD, which parses to the same
 *    day; date_to_ymd and date_from_ymd are inverse; the weekday is 1-7,
 *    the ISO week 1-53; date_parse_weekday gives -1 or 1-7;
 *  - text, on valid UTF-8: text_fold and text_fold_key give valid UTF-8;
 *    text_prefix_for_width(s, w) is the longest prefix, cut between
 *    characters, that is at most w columns wide.  On any bytes: no crash.
 *
 * Built with clang -fsanitize=fuzzer by tests/fuzz/run, and with gcc and
 * tests/fuzz/replay.c by the Makefile (__int128 and __builtin_*_overflow
 * are in both).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "num.h"
#include "text.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_fixed(const char *s)
{
	int64_t v, w, prev = 0;
	int prev_ok = 0;
	char out[32];

	for (int scale = 0; scale <= 9; scale++) {
		int ok = num_parse_fixed(s, scale, &v) == 0;

		if (prev_ok && prev <= INT64_MAX / 10 && prev >= INT64_MIN / 10)
			CHECK(ok && v == prev * 10);
		if (ok) {
			num_format_fixed(v, scale, '.', out);
			CHECK(num_parse_fixed(out, scale, &w) == 0 && w == v);
			num_format_fixed(v, scale, ',', out);
			CHECK(num_parse_fixed(out, scale, &w) == 0 && w == v);
		}
		if (scale == 0)
			CHECK(num_parse_int(s, &w) == (ok ? 0 : -1) && (!ok || w == v));
		if (scale == 1 && ok)
			CHECK(num_parse_percent(s, &w) == 0 && w == v);
		if (scale == 2 && ok)
			CHECK(num_parse_money(s, &w) == 0 && w == v);
		prev_ok = ok;
		prev = v;
	}
	(void)num_parse_money(s, &v);
	(void)num_parse_percent(s, &v);
}

static void
check_arith(int64_t a, int64_t b)
{
	int64_t r = 0, want;
	char out[32], exp[64];

	if (__builtin_add_overflow(a, b, &want))
		CHECK(num_add(a, b, &r) == -1);
	else
		CHECK(num_add(a, b, &r) == 0 && r == want);
	if (__builtin_mul_overflow(a, b, &want))
		CHECK(num_mul(a, b, &r) == -1);
	else
		CHECK(num_mul(a, b, &r) == 0 && r == want);
	if (b != 0) {
		unsigned __int128 n = a < 0 ? (unsigned __int128)0 - (unsigned __int128)a : (unsigned __int128)a;
		unsigned __int128 d = b < 0 ? (unsigned __int128)0 - (unsigned __int128)b : (unsigned __int128)b;
		unsigned __int128 q = n * 1000 / d, rem = n * 1000 % d;
		char digits[48], *p = digits + sizeof digits;

		if (2 * rem >= d)
			q++;
		*--p = '\0';
		*--p = (char)('0' + (int)(q % 10));
		*--p = '.';
		q /= 10;
		do
			*--p = (char)('0' + (int)(q % 10));
		while ((q /= 10) != 0);
		snprintf(exp, sizeof exp, "%s%s",
		    (a < 0) != (b < 0) && strcmp(p, "0.0") != 0 ? "-" : "", p);
		num_format_percent(a, b, out);
		CHECK(strcmp(out, exp) == 0);
	}
}

static void
check_date(const char *s, unsigned k)
{
	ess_day day, again;
	int y, m, d, wy, wk;
	char out[11];

	if (date_parse(s, &day) == 0) {
		date_to_ymd(day, &y, &m, &d);
		CHECK(date_valid_ymd(y, m, d));
		CHECK(date_from_ymd(y, m, d) == day);
		date_format(day, out);
		CHECK(strlen(out) == 10 && date_parse(out, &again) == 0 && again == day);
		CHECK(date_weekday(day) >= 1 && date_weekday(day) <= 7);
		date_iso_week(day, &wy, &wk);
		CHECK(wk >= 1 && wk <= 53);
		again = date_add_months(day, (int)(k % 25) - 12);
		date_to_ymd(again, &y, &m, &d);
		CHECK(date_from_ymd(y, m, d) == again);
	}
	d = date_parse_weekday(s);
	CHECK(d == -1 || (d >= 1 && d <= 7));
}

/* Length of the UTF-8 character at s (valid UTF-8 assumed). */
static size_t
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void
check_text(const char *s, size_t len, size_t w)
{
	struct buf b;
	size_t p;

	buf_init(&b);
	text_fold(&b, s, len);
	if (utf8_check(s, len) == len)
		CHECK(utf8_check(b.data, b.len) == b.len);
	buf_reset(&b);
	text_fold_key(&b, s, len);
	if (utf8_check(s, len) == len)
		CHECK(utf8_check(b.data, b.len) == b.len);
	buf_release(&b);
	(void)text_width(s, len);
	(void)utf8_count(s, len);
	p = text_prefix_for_width(s, len, w);
	CHECK(p <= len);
	if (utf8_check(s, len) == len) {
		CHECK(utf8_check(s, p) == p);
		CHECK(text_width(s, p) <= w);
		if (p < len)
			CHECK(text_width(s, p + char_len(s + p)) > w);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	size_t len;
	unsigned k;

	if (size < 1)
		return 0;
	k = data[0];
	data++;
	size--;
	if (size >= 16) {
		int64_t a, b;

		memcpy(&a, data, 8);
		memcpy(&b, data + 8, 8);
		check_arith(a, b);
	}
	len = strnlen((const char *)data, size);
	s = xstrndup((const char *)data, len);
	check_fixed(s);
	check_date(s, k);
	check_text(s, len, k % 40);
	free(s);
	return 0;
}
