/*
 * fuzz_directory.c: libFuzzer target for the field parsers of ess-directory:
 * lib/geo.c, cmd/ess-directory/ident.c and the words of
 * cmd/ess-directory/record.c.
 *
 * The input, up to a NUL, is the field; so a seed is the field as written
 * ("05 53 56 12 34").  Its first 16 bytes, when there are that many, are
 * also two doubles, and its first 8 two 32-bit numbers mapped onto the
 * Lambert-93 extent and onto degrees around France.  A field "A;B" (or
 * "A|B", "A B") whose two halves parse as coordinates is also a point,
 * tried both as Lambert-93 metres and as degrees.  Properties (abort()
 * when violated):
 *
 *  - geo_parse_coord, on any bytes: it succeeds exactly when the text,
 *    spaces and tabs around it aside, is at most 64 characters of
 *    [+-]?D*([.,]D+)? with a digit; the value is strtod's (',' read as
 *    '.'), exactly with at most 15 significant digits and 22 decimals,
 *    else within 4 epsilons relative; geo_format_coord writes it (when
 *    finite and under 1e9, else "") as text that parses back within 1e-6
 *    (or 5e-7 relative), and formatting that gives the same text again;
 *  - geo_lambert93_to_wgs84 succeeds exactly on the extent, with valid
 *    degrees that geo_wgs84_to_lambert93 takes back within 1e-3 m; what
 *    geo_wgs84_to_lambert93 gives is in the extent widened by a metre,
 *    and when it goes back it is within 1e-3 m of where it started;
 *    geo_distance_m is 0 from a point to itself, symmetric, and between 0
 *    and half the circumference;
 *  - ident.c: the checks never crash; siren_ok and siret_ok imply
 *    luhn_ok's conditions, and a Luhn-valid number stops being so when
 *    any one digit changes; postcode_valid and insee_valid agree with the
 *    grammars ident.h gives, and a code that is both names the same
 *    department as itself; ident_squeeze only drops bytes (returning
 *    whether it did), never keeps ' ', '\t', '.' or '-', and on valid
 *    UTF-8 gives valid UTF-8 that it leaves as is;
 *  - phone_norm, email_norm, url_norm append only on success; the normal
 *    form normalises to itself (phone: PHONE_OK), is valid UTF-8 when the
 *    input is; a phone is + and 7 to 15 digits, the first not 0;
 *  - words_add, on valid UTF-8: NUL-terminated, non-empty words of
 *    [a-z0-9] and bytes >= 0x80, one per offset, back to back; adding the
 *    text again doubles them; words_contain finds each, whole and as a
 *    prefix, in the folded text.  On any bytes: no crash.
 *
 * ident.c and record.c are compiled in by a relative #include: neither is
 * in libess.a.  Built with clang -fsanitize=fuzzer by tests/fuzz/run, and
 * with gcc and tests/fuzz/replay.c by the Makefile.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "geo.h"
#include "text.h"
#include "common.h"

#include "../../cmd/ess-directory/ident.c"
#include "../../cmd/ess-directory/record.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Lambert-93's extent, as geo.h gives it. */
#define XMIN (-400000.0)
#define XMAX 1600000.0
#define YMIN 5900000.0
#define YMAX 7300000.0

static int
fz_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
valid_utf8(const char *s, size_t n)
{
	return utf8_check(s, n) == n;
}

static int
in_extent(double x, double y, double slack)
{
	return x >= XMIN - slack && x <= XMAX + slack && y >= YMIN - slack && y <= YMAX + slack;
}

/* ------------------------------------------------------------ coordinates */

/* The grammar of geo.h, written again: 1 when s should parse. */
static int
coord_grammar(const char *s)
{
	const char *e;
	size_t nd = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
		continue;
	if (e - s > 64)
		return 0;
	if (s < e && (*s == '+' || *s == '-'))
		s++;
	while (s < e && fz_digit(*s))
		s++, nd++;
	if (s < e && (*s == '.' || *s == ',')) {
		size_t dec = 0;

		for (s++; s < e && fz_digit(*s); s++)
			dec++;
		if (dec == 0)
			return 0;
		nd += dec;
	}
	return s == e && nd > 0;
}

static int
close_to(double a, double b)
{
	double d = fabs(a - b);

	return d <= 1e-6 || d <= 5e-7 * fabs(b);
}

/* A value geo_format_coord writes, read back within its rounding. */
static void
check_format(double v)
{
	char out[32], again[32];
	double w;

	geo_format_coord(v, out);
	if (!isfinite(v) || fabs(v) >= 1e9) {
		CHECK(out[0] == '\0');
		return;
	}
	CHECK(out[0] != '\0' && strlen(out) < sizeof out);
	CHECK(geo_parse_coord(out, &w) == 0);
	CHECK(close_to(w, v));
	geo_format_coord(w, again);
	CHECK(strcmp(again, out) == 0);
}

static void
check_coord(const char *s)
{
	double v = 12345.0, ref;
	int ok = geo_parse_coord(s, &v) == 0;

	CHECK(ok == coord_grammar(s));
	if (!ok) {
		CHECK(v == 12345.0);	/* untouched */
		return;
	}
	/* strtod on the same text with a '.' (the C locale: nothing here
	 * calls setlocale).  Exactly it when there are at most 15 digits
	 * from the first non-zero one and 22 decimals: one rounding then.
	 * Else within 4 epsilons: geo.h's "nearest double up to 15
	 * significant digits, within an ulp beyond" does not hold there
	 * (a few roundings in a row: up to 3 ulp). */
	{
		char tmp[80], *p = tmp, *end;
		const char *t = s;
		int sig = 0, ndec = 0, dec = 0;

		while (*t == ' ' || *t == '\t')
			t++;
		for (; *t && *t != ' ' && *t != '\t' && p < tmp + sizeof tmp - 1; t++) {
			*p++ = *t == ',' ? '.' : *t;
			if (*t == '.' || *t == ',')
				dec = 1;
			else if (fz_digit(*t)) {
				ndec += dec;
				sig += sig > 0 || *t != '0';
			}
		}
		*p = '\0';
		ref = strtod(tmp, &end);
		CHECK(*end == '\0');
		CHECK(signbit(ref) == signbit(v));
		if (sig <= 15 && ndec <= 22)
			CHECK(v == ref);
		else
			CHECK(fabs(v - ref) <= 4 * DBL_EPSILON * fabs(ref));
	}
	check_format(v);
}

static void
check_distance(double lat1, double lon1, double lat2, double lon2)
{
	double d = geo_distance_m(lat1, lon1, lat2, lon2);

	/* Finite but huge degrees can make a difference overflow: NaN. */
	if (!(fabs(lat1) <= 1e6 && fabs(lon1) <= 1e6 && fabs(lat2) <= 1e6 && fabs(lon2) <= 1e6))
		return;
	CHECK(d >= 0 && d <= M_PI * 6371008.8 * (1 + 1e-12));
	CHECK(geo_distance_m(lat1, lon1, lat1, lon1) == 0);
	CHECK(fabs(geo_distance_m(lat2, lon2, lat1, lon1) - d) <= 1e-6 * (1 + d));
}

/* (x, y) taken as Lambert-93 metres. */
static void
check_lambert(double x, double y)
{
	double lat = 1000, lon = 1000, x2 = 0, y2 = 0;
	int ok = geo_lambert93_to_wgs84(x, y, &lat, &lon) == 0;

	CHECK(ok == in_extent(x, y, 0));
	if (!ok) {
		CHECK(lat == 1000 && lon == 1000);
		return;
	}
	CHECK(geo_valid_latlon(lat, lon));
	CHECK(geo_wgs84_to_lambert93(lat, lon, &x2, &y2) == 0);
	CHECK(hypot(x2 - x, y2 - y) <= 1e-3);
}

/* (lat, lon) taken as degrees. */
static void
check_wgs84(double lat, double lon)
{
	double x = -1, y = -1, lat2, lon2;

	if (geo_wgs84_to_lambert93(lat, lon, &x, &y) != 0) {
		CHECK(x == -1 && y == -1);
		return;
	}
	CHECK(geo_valid_latlon(lat, lon));
	CHECK(in_extent(x, y, 1));
	if (geo_lambert93_to_wgs84(x, y, &lat2, &lon2) != 0) {
		CHECK(!in_extent(x, y, 0));
		return;
	}
	CHECK(geo_distance_m(lat, lon, lat2, lon2) <= 1e-3);
}

/* A point in the field: two coordinates separated by ';', '|' or one
 * space ("700000;6600000", "45,5|-0,75"). */
static void
check_point_text(const char *s)
{
	const char *sep = strpbrk(s, ";| ");
	char a[80];
	double u, v;

	if (!sep || (size_t)(sep - s) >= sizeof a)
		return;
	memcpy(a, s, (size_t)(sep - s));
	a[sep - s] = '\0';
	if (geo_parse_coord(a, &u) != 0 || geo_parse_coord(sep + 1, &v) != 0)
		return;
	check_lambert(u, v);
	check_wgs84(u, v);
	check_distance(u, v, v, u);
}

static void
check_geo_bytes(const uint8_t *data, size_t size)
{
	if (size >= 8) {
		uint32_t a, b;

		memcpy(&a, data, 4);
		memcpy(&b, data + 4, 4);
		/* Onto the extent with a little around it, and onto degrees
		 * from the Atlantic to the Alps, the same margin. */
		check_lambert(XMIN - 1000 + (double)a / UINT32_MAX * (XMAX - XMIN + 2000),
		    YMIN - 1000 + (double)b / UINT32_MAX * (YMAX - YMIN + 2000));
		check_wgs84(38 + (double)a / UINT32_MAX * 18, -12 + (double)b / UINT32_MAX * 26);
	}
	if (size >= 16) {
		double x, y;

		memcpy(&x, data, 8);
		memcpy(&y, data + 8, 8);
		check_lambert(x, y);
		check_wgs84(x, y);
		check_distance(x, y, y, x);
		check_format(x);
		check_format(y);
	}
}

/* ------------------------------------------------------------ identifiers */

static void
check_luhn(const char *s, size_t n)
{
	char t[32];

	if (!luhn_ok(s, n) || n > sizeof t)
		return;
	/* Luhn catches every single-digit error. */
	memcpy(t, s, n);
	for (size_t i = 0; i < n; i++) {
		for (char d = '0'; d <= '9'; d++) {
			if (d == s[i])
				continue;
			t[i] = d;
			CHECK(!luhn_ok(t, n));
		}
		t[i] = s[i];
	}
}

static void
check_codes(const char *s, size_t n)
{
	int pc, insee;

	if (luhn_ok(s, n))
		CHECK(ident_digits(s, n));
	if (siren_ok(s, n))
		CHECK(n == 9 && luhn_ok(s, n));
	if (siret_ok(s, n)) {
		CHECK(n == 14 && ident_digits(s, n));
		if (!luhn_ok(s, n)) {
			unsigned sum = 0;

			for (size_t i = 0; i < n; i++)
				sum += (unsigned)(s[i] - '0');
			CHECK(memcmp(s, "356000000", 9) == 0 && sum % 5 == 0);
		}
	}
	check_luhn(s, n);
	(void)ident_scientific(s, n);
	if (rna_ok(s, n))
		CHECK(n == 9 || n == 10);

	pc = postcode_valid(s, n);
	CHECK(pc == (n == 5 && ident_digits(s, 5) && !(s[0] == '0' && s[1] == '0') &&
	    !(s[0] == '9' && (s[1] == '6' || s[1] == '9'))));
	insee = insee_valid(s, n);
	CHECK(insee == (n == 5 && ident_digits(s + 2, 3) &&
	    ((s[0] == '2' && (s[1] == 'A' || s[1] == 'B' || (s[1] >= '1' && s[1] <= '9'))) ||
	     (s[0] != '2' && fz_digit(s[0]) && fz_digit(s[1])))));
	if (pc || insee) {
		char dep[4];

		if (pc)
			postcode_department(s, dep);
		else
			insee_department(s, dep);
		CHECK(strlen(dep) == 2 || strlen(dep) == 3);
		CHECK(strncmp(dep, s, strlen(dep)) == 0);
	}
	/* s is NUL-terminated at n here. */
	if (pc && insee)
		CHECK(departments_agree(s, s));
}

static void
check_squeeze(const char *s, size_t n)
{
	struct buf b, again;
	size_t j = 0;
	int dropped;

	buf_init(&b);
	buf_addc(&b, 'x');	/* appended after what is there */
	dropped = ident_squeeze(&b, s, n);
	CHECK(b.len >= 1 && b.data[0] == 'x');
	CHECK(dropped == (b.len - 1 != n));
	/* A subsequence of s without the one-byte separators. */
	for (size_t i = 1; i < b.len; i++) {
		char c = b.data[i];

		CHECK(c != ' ' && c != '\t' && c != '.' && c != '-');
		while (j < n && s[j] != c)
			j++;
		CHECK(j < n);
		j++;
	}
	if (valid_utf8(s, n)) {
		CHECK(valid_utf8(b.data + 1, b.len - 1));
		buf_init(&again);
		CHECK(ident_squeeze(&again, b.data + 1, b.len - 1) == 0);
		CHECK(again.len == b.len - 1 && memcmp(again.data, b.data + 1, again.len) == 0);
		buf_release(&again);
	}
	buf_release(&b);
}

/* Whether s is an E.164 number: '+', then 7 to 15 digits, the first not 0. */
static int
e164(const char *s, size_t n)
{
	return n >= 8 && n <= 16 && s[0] == '+' && s[1] != '0' && ident_digits(s + 1, n - 1);
}

static void
check_phone(const char *s, size_t n)
{
	struct buf b, again;
	enum phone_status st;

	buf_init(&b);
	buf_init(&again);
	st = phone_norm(&b, s, n);
	if (st != PHONE_OK && st != PHONE_ZERO) {
		CHECK(st == PHONE_NOT_NUMBER || st == PHONE_LENGTH || st == PHONE_SEVERAL);
		CHECK(b.len == 0);
	} else {
		CHECK(e164(b.data, b.len));
		CHECK(phone_norm(&again, b.data, b.len) == PHONE_OK);
		CHECK(again.len == b.len && memcmp(again.data, b.data, b.len) == 0);
	}
	buf_release(&b);
	buf_release(&again);
}

static void
check_email(const char *s, size_t n, int utf8)
{
	struct buf b, again;
	enum email_status st;

	buf_init(&b);
	buf_init(&again);
	st = email_norm(&b, s, n);
	if (st != EMAIL_OK) {
		CHECK(b.len == 0);
	} else {
		CHECK(b.len > 0 && memchr(b.data, '@', b.len) != NULL);
		if (utf8)
			CHECK(valid_utf8(b.data, b.len));
		CHECK(email_norm(&again, b.data, b.len) == EMAIL_OK);
		CHECK(again.len == b.len && memcmp(again.data, b.data, b.len) == 0);
	}
	buf_release(&b);
	buf_release(&again);
}

static void
check_url(const char *s, size_t n, int utf8)
{
	struct buf b, again;
	enum url_status st;

	buf_init(&b);
	buf_init(&again);
	st = url_norm(&b, s, n);
	if (st != URL_OK) {
		CHECK(b.len == 0);
	} else {
		CHECK((b.len > 8 && memcmp(b.data, "https://", 8) == 0) ||
		    (b.len > 7 && memcmp(b.data, "http://", 7) == 0));
		for (size_t i = 0; i < b.len; i++)
			CHECK((unsigned char)b.data[i] > 0x20 && b.data[i] != 0x7F);
		if (utf8)
			CHECK(valid_utf8(b.data, b.len));
		CHECK(url_norm(&again, b.data, b.len) == URL_OK);
		CHECK(again.len == b.len && memcmp(again.data, b.data, b.len) == 0);
	}
	buf_release(&b);
	buf_release(&again);
}

/* ------------------------------------------------------------ words */

static int
fz_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static void
check_words(const char *s, size_t n)
{
	struct words w;
	struct buf fold;
	size_t first;

	words_init(&w);
	words_add(&w, s, n);
	if (!valid_utf8(s, n)) {
		words_release(&w);
		return;
	}
	buf_init(&fold);
	text_fold(&fold, s, n);
	for (size_t i = 0; i < w.n; i++) {
		const char *word = words_at(&w, i);
		size_t len = strlen(word);

		CHECK(w.off[i] == (i ? w.off[i - 1] + strlen(words_at(&w, i - 1)) + 1 : 0));
		CHECK(w.off[i] + len < w.text.len);
		CHECK(len > 0);
		for (size_t j = 0; j < len; j++)
			CHECK(fz_word_byte((unsigned char)word[j]));
		CHECK(words_contain(fold.data, fold.len, word, len, 0));
		CHECK(words_contain(fold.data, fold.len, word, len, 1));
		CHECK(words_contain(fold.data, fold.len, word, 1, 1));
	}
	if (w.n)
		CHECK(w.text.len == w.off[w.n - 1] + strlen(words_at(&w, w.n - 1)) + 1);
	else
		CHECK(w.text.len == 0);
	/* Again: the same words after the first ones. */
	first = w.n;
	{
		size_t tlen = w.text.len;

		words_add(&w, s, n);
		CHECK(w.n == 2 * first && w.text.len == 2 * tlen);
		for (size_t i = 0; i < first; i++) {
			CHECK(w.off[first + i] == tlen + w.off[i]);
			CHECK(strcmp(words_at(&w, first + i), words_at(&w, i)) == 0);
		}
	}
	CHECK(words_contain(fold.data, fold.len, "", 0, 0));
	buf_release(&fold);
	words_release(&w);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = strnlen((const char *)data, size);
	char *s = xstrndup((const char *)data, len);
	int utf8 = valid_utf8(s, len);

	check_geo_bytes(data, size);
	check_coord(s);
	check_point_text(s);
	check_codes(s, len);
	check_squeeze(s, len);
	check_phone(s, len);
	check_email(s, len, utf8);
	check_url(s, len, utf8);
	check_words(s, len);
	free(s);
	return 0;
}
