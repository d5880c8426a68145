/*
 * num.c: strict parsing, checked arithmetic and formatting of numbers.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "num.h"

/* The largest magnitude a negative int64_t can have. */
#define MAG_MAX ((uint64_t)INT64_MAX + 1)

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* Length of the space at p (' ', NBSP or narrow NBSP), or 0. */
static size_t
space_at(const char *p, const char *e)
{
	size_t n = (size_t)(e - p);

	if (n >= 1 && *p == ' ')
		return 1;
	if (n >= 2 && memcmp(p, NBSP, 2) == 0)
		return 2;
	if (n >= 3 && memcmp(p, NNBSP, 3) == 0)
		return 3;
	return 0;
}

/* Length of the space that ends just before e, or 0. */
static size_t
space_before(const char *s, const char *e)
{
	size_t n = (size_t)(e - s);

	if (n >= 1 && e[-1] == ' ')
		return 1;
	if (n >= 2 && memcmp(e - 2, NBSP, 2) == 0)
		return 2;
	if (n >= 3 && memcmp(e - 3, NNBSP, 3) == 0)
		return 3;
	return 0;
}

static void
trim(const char **s, const char **e)
{
	size_t n;

	while ((n = space_at(*s, *e)) != 0)
		*s += n;
	while ((n = space_before(*s, *e)) != 0)
		*e -= n;
}

static int
push_digit(uint64_t *v, char c)
{
	uint64_t d = (uint64_t)(c - '0');

	if (*v > (MAG_MAX - d) / 10)
		return -1;
	*v = *v * 10 + d;
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Reads the whole part of a number from *p: digits, optionally grouped by
 * threes with single spaces.  Returns 1 when it read digits, 0 when there
 * were none, or -1.
 */
static int
whole_part(const char **p, const char *e, uint64_t *v)
{
	size_t group = 0, sp;
	int ndig = 0, grouped = 0;

	for (; *p < e; (*p)++) {
		if (is_digit(**p)) {
			if (push_digit(v, **p) < 0)
				return -1;
			ndig = 1;
			group++;
			continue;
		}
		if ((sp = space_at(*p, e)) == 0)
			break;
		if (group == 0 || group > 3 || (grouped && group != 3))
			return -1;
		grouped = 1;
		group = 0;
		*p += sp - 1;
	}
	if (grouped && group != 3)
		return -1;
	return ndig;
}

/*
 * Parses the unsigned number in [p, e) and returns its value scaled by
 * 10^scale in *mag (at most MAG_MAX).
 */
static int
parse_magnitude(const char *p, const char *e, int scale, uint64_t *mag)
{
	uint64_t v = 0;
	int nint, nfrac = 0;

	if ((nint = whole_part(&p, e, &v)) < 0)
		return -1;
	if (p < e && (*p == '.' || *p == ',')) {
		for (p++; p < e && is_digit(*p); p++, nfrac++)
			if (nfrac >= scale || push_digit(&v, *p) < 0)
				return -1;
		if (nfrac == 0)
			return -1;
	}
	if (p != e || nint + nfrac == 0)
		return -1;
	for (; nfrac < scale; nfrac++) {
		if (v > MAG_MAX / 10)
			return -1;
		v *= 10;
	}
	*mag = v;
	return 0;
}

static int
apply_sign(int neg, uint64_t mag, int64_t *out)
{
	if (neg)
		*out = mag == MAG_MAX ? INT64_MIN : -(int64_t)mag;
	else if (mag > INT64_MAX)
		return -1;
	else
		*out = (int64_t)mag;
	return 0;
}

/* Parses a signed number in [p, e), which has no surrounding spaces. */
static int
parse_span(const char *p, const char *e, int scale, int64_t *out)
{
	uint64_t mag;
	int neg = 0;

	if (scale < 0 || scale > 9)
		return -1;
	if (p < e && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (parse_magnitude(p, e, scale, &mag) < 0)
		return -1;
	return apply_sign(neg, mag, out);
}

int
num_parse_int(const char *s, int64_t *out)
{
	return num_parse_fixed(s, 0, out);
}

int
num_parse_fixed(const char *s, int scale, int64_t *out)
{
	const char *e = s + strlen(s);

	trim(&s, &e);
	return parse_span(s, e, scale, out);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Length of the currency mark at p ("€" or "EUR" in any case), or 0. */
static size_t
mark_at(const char *p, const char *e)
{
	size_t n = (size_t)(e - p);

	if (n >= 3 && memcmp(p, "\xe2\x82\xac", 3) == 0)
		return 3;
	if (n >= 3 && lower(p[0]) == 'e' && lower(p[1]) == 'u' &&
	    lower(p[2]) == 'r')
		return 3;
	return 0;
}

/*
 * The currency mark is optional; it may come last ("-10,50 €") or first,
 * after the sign if any ("€10.50", "-€ 3"), never both.
 */
int
num_parse_money(const char *s, int64_t *cents)
{
	const char *e = s + strlen(s);
	uint64_t mag;
	size_t n;
	int neg = 0;

	trim(&s, &e);
	if (e - s >= 3 && (n = mark_at(e - 3, e)) != 0) {
		e -= n;
		trim(&s, &e);
		return parse_span(s, e, 2, cents);
	}
	if (s < e && (*s == '-' || *s == '+'))
		neg = *s++ == '-';
	if ((n = mark_at(s, e)) != 0) {
		s += n;
		trim(&s, &e);
	}
	if (parse_magnitude(s, e, 2, &mag) < 0)
		return -1;
	return apply_sign(neg, mag, cents);
}

int
num_parse_percent(const char *s, int64_t *tenths)
{
	const char *e = s + strlen(s);

	trim(&s, &e);
	if (s < e && e[-1] == '%') {
		e--;
		trim(&s, &e);
	}
	return parse_span(s, e, 1, tenths);
}

int
num_add(int64_t a, int64_t b, int64_t *r)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*r = a + b;
	return 0;
}

int
num_mul(int64_t a, int64_t b, int64_t *r)
{
	if (a > 0 && b > 0 && a > INT64_MAX / b)
		return -1;
	if (a > 0 && b < 0 && b < INT64_MIN / a)
		return -1;
	if (a < 0 && b > 0 && a < INT64_MIN / b)
		return -1;
	if (a < 0 && b < 0 && a < INT64_MAX / b)
		return -1;
	*r = a * b;
	return 0;
}

static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Writes the digits from the right, so that INT64_MIN needs no care. */
char *
num_format_fixed(int64_t v, int scale, char dec, char *out)
{
	char tmp[32], *p = tmp + sizeof tmp;
	uint64_t mag = magnitude(v);
	int i;

	*--p = '\0';
	for (i = 0; i < scale && i < 9; i++, mag /= 10)
		*--p = (char)('0' + mag % 10);
	if (i > 0)
		*--p = dec;
	do
		*--p = (char)('0' + mag % 10);
	while ((mag /= 10) != 0);
	if (v < 0)
		*--p = '-';
	memcpy(out, p, (size_t)(tmp + sizeof tmp - p));
	return out;
}

/*
 * The next decimal digit of a long division by d: returns (10 r) / d and
 * leaves (10 r) % d in *r.  It adds instead of multiplying so that nothing
 * overflows: *r < d <= 2^63.
 */
static int
next_digit(uint64_t *r, uint64_t d)
{
	uint64_t x = 0;
	int i, digit = 0;

	for (i = 0; i < 10; i++) {
		x += *r;
		if (x >= d) {
			x -= d;
			digit++;
		}
	}
	*r = x;
	return digit;
}

/* Adds one to the decimal digits in s[0..n), which must not be all nines. */
static void
round_up(char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '9')
		s[--n] = '0';
	if (n > 0)
		s[n - 1]++;
}

/*
 * The percentage is computed exactly as a string of digits in tenths of a
 * percent: the integer quotient, three more digits by long division, and a
 * fourth that decides the rounding.
 */
char *
num_format_percent(int64_t num, int64_t den, char *out)
{
	uint64_t n = magnitude(num), d = magnitude(den), r;
	char digits[32], *p;
	size_t len;
	int i, neg = (num < 0) != (den < 0);

	if (d == 0) {
		memcpy(out, "0.0", 4);
		return out;
	}
	/* A leading zero leaves room for a carry. */
	len = (size_t)snprintf(digits, sizeof digits, "0%" PRIu64, n / d);
	r = n % d;
	for (i = 0; i < 3; i++)
		digits[len++] = (char)('0' + next_digit(&r, d));
	if (next_digit(&r, d) >= 5)
		round_up(digits, len);
	for (p = digits; len > 2 && *p == '0'; p++, len--)
		continue;
	if (len == 2 && p[0] == '0' && p[1] == '0')
		neg = 0;
	snprintf(out, 32, "%s%.*s.%c", neg ? "-" : "", (int)len - 1, p,
	    p[len - 1]);
	return out;
}
