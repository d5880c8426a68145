/*
 * date.c: civil dates as day numbers.  The conversions are Howard
 * Hinnant's days_from_civil and civil_from_days, which count in 400-year
 * eras of 146097 days.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* Floor division and modulo for a positive divisor. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int64_t
floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Years are limited to what "YYYY-MM-DD" can show. */
int
date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

ess_day
date_from_ymd(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (ess_day)(era * 146097 + doe - 719468);
}

void
date_to_ymd(ess_day day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

static const char *
skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads between min and max digits from *s into *v. */
static int
read_digits(const char **s, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= min && !(**s >= '0' && **s <= '9') ? 0 : -1;
}

/* Reads the separator c at *s. */
static int
read_sep(const char **s, char c)
{
	if (**s != c)
		return -1;
	(*s)++;
	return 0;
}

int
date_parse(const char *s, ess_day *out)
{
	const char *p = skip_blanks(s), *start = p;
	int a, y, m, d;

	if (read_digits(&p, 1, 4, &a) < 0)
		return -1;
	if (*p == '-') {
		y = a;
		if (p - start != 4 || read_sep(&p, '-') < 0 ||
		    read_digits(&p, 2, 2, &m) < 0 || read_sep(&p, '-') < 0 ||
		    read_digits(&p, 2, 2, &d) < 0)
			return -1;
	} else {
		d = a;
		if (p - start > 2 || read_sep(&p, '/') < 0 ||
		    read_digits(&p, 1, 2, &m) < 0 || read_sep(&p, '/') < 0 ||
		    read_digits(&p, 4, 4, &y) < 0)
			return -1;
	}
	if (*skip_blanks(p) != '\0' || !date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
date_weekday(ess_day day)
{
	/* 1970-01-01 was a Thursday. */
	return (int)floor_mod((int64_t)day + 3, 7) + 1;
}

void
date_iso_week(ess_day day, int *year, int *week)
{
	ess_day thursday = day + 4 - date_weekday(day);
	int m, d;

	date_to_ymd(thursday, year, &m, &d);
	*week = (thursday - date_from_ymd(*year, 1, 1)) / 7 + 1;
}

char *
date_format(ess_day day, char *out)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return out;
}

ess_day
date_add_months(ess_day day, int n)
{
	int y, m, d, dim;
	int64_t total;

	date_to_ymd(day, &y, &m, &d);
	total = (int64_t)y * 12 + (m - 1) + n;
	y = (int)floor_div(total, 12);
	m = (int)floor_mod(total, 12) + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

static const char *const weekdays[][7] = {
	{ "monday", "tuesday", "wednesday", "thursday", "friday",
	  "saturday", "sunday" },
	{ "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	  "dimanche" },
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether s[0..n) is name or its first three letters, ignoring case. */
static int
name_matches(const char *s, size_t n, const char *name)
{
	size_t i;

	if (n != 3 && n != strlen(name))
		return 0;
	for (i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != name[i])
			return 0;
	return 1;
}

int
date_parse_weekday(const char *s)
{
	const char *e;
	size_t i, j;

	s = skip_blanks(s);
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
		continue;
	for (i = 0; i < sizeof weekdays / sizeof weekdays[0]; i++)
		for (j = 0; j < 7; j++)
			if (name_matches(s, (size_t)(e - s), weekdays[i][j]))
				return (int)j + 1;
	return -1;
}

ess_day
date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
