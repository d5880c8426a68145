/*
 * test_date.c: day numbers, parsing, weekdays, ISO weeks, months.
 */
#include "date.h"
#include "t.h"

#define BAD (-999999)

/* The day number of s; BAD when it is refused, BAD - 1 when it is
 * refused but *out was written all the same. */
static long
parse(const char *s)
{
	ess_day d = 12345;

	if (date_parse(s, &d) < 0)
		return d == 12345 ? BAD : BAD - 1;
	return d;
}

static const char *
fmt(ess_day d)
{
	static char b[11];

	return date_format(d, b);
}

static int
week_of(int y, int m, int d, int *year)
{
	int week;

	date_iso_week(date_from_ymd(y, m, d), year, &week);
	return week;
}

static void
test_days(void)
{
	int y, m, d;

	T_EQ(date_from_ymd(1970, 1, 1), 0);
	T_EQ(date_from_ymd(1970, 1, 2), 1);
	T_EQ(date_from_ymd(1969, 12, 31), -1);
	T_EQ(date_from_ymd(2000, 3, 1), 11017);
	T_EQ(date_from_ymd(2016, 1, 11), 16811);
	T_EQ(date_from_ymd(1, 1, 1), -719162);
	T_EQ(date_from_ymd(9999, 12, 31), 2932896);
	date_to_ymd(-719162, &y, &m, &d);
	T_OK(y == 1 && m == 1 && d == 1);
	date_to_ymd(-1, &y, &m, &d);
	T_OK(y == 1969 && m == 12 && d == 31);
	T_STREQ(fmt(0), "1970-01-01");
	T_STREQ(fmt(11016), "2000-02-29");
	T_STREQ(fmt(2932896), "9999-12-31");
	T_STREQ(fmt(-719162), "0001-01-01");
}

static void
test_valid(void)
{
	T_OK(date_valid_ymd(2000, 2, 29));
	T_OK(!date_valid_ymd(1900, 2, 29));
	T_OK(date_valid_ymd(2024, 2, 29));
	T_OK(!date_valid_ymd(2023, 2, 29));
	T_OK(!date_valid_ymd(2100, 2, 29));
	T_OK(!date_valid_ymd(2024, 4, 31));
	T_OK(date_valid_ymd(2024, 12, 31));
	T_OK(!date_valid_ymd(2024, 13, 1));
	T_OK(!date_valid_ymd(2024, 0, 1));
	T_OK(!date_valid_ymd(2024, 1, 0));
	T_OK(!date_valid_ymd(2024, 1, 32));
	T_OK(!date_valid_ymd(0, 1, 1));
	T_OK(!date_valid_ymd(10000, 1, 1));
	T_EQ(date_days_in_month(2000, 2), 29);
	T_EQ(date_days_in_month(1900, 2), 28);
	T_EQ(date_days_in_month(2024, 2), 29);
	T_EQ(date_days_in_month(2023, 2), 28);
	T_EQ(date_days_in_month(2023, 4), 30);
	T_EQ(date_days_in_month(2023, 12), 31);
	T_EQ(date_days_in_month(2023, 13), 0);
}

static void
test_parse(void)
{
	long d2016 = date_from_ymd(2016, 1, 11);

	T_EQ(parse("2016-01-11"), d2016);
	T_EQ(parse("11/01/2016"), d2016);
	T_EQ(parse("11/1/2016"), d2016);
	T_EQ(parse("  11/01/2016\t"), d2016);
	T_EQ(parse(" 2016-01-11 "), d2016);
	T_EQ(parse("1/2/2016"), date_from_ymd(2016, 2, 1));
	T_EQ(parse("2000-02-29"), date_from_ymd(2000, 2, 29));
	T_EQ(parse("29/02/2024"), date_from_ymd(2024, 2, 29));
	T_EQ(parse("0001-01-01"), date_from_ymd(1, 1, 1));

	T_EQ(parse("1900-02-29"), BAD);
	T_EQ(parse("29/02/1900"), BAD);
	T_EQ(parse("2023-02-29"), BAD);
	T_EQ(parse("31/04/2016"), BAD);
	T_EQ(parse("2016-04-31"), BAD);
	T_EQ(parse("2016-13-01"), BAD);
	T_EQ(parse("2016-00-10"), BAD);
	T_EQ(parse("2016-01-00"), BAD);
	T_EQ(parse("0000-01-01"), BAD);
	T_EQ(parse(""), BAD);
	T_EQ(parse(" "), BAD);
	T_EQ(parse("2016"), BAD);
	T_EQ(parse("2016-01"), BAD);
	T_EQ(parse("2016-01-"), BAD);
	T_EQ(parse("2016-1-11"), BAD);
	T_EQ(parse("2016-01-1"), BAD);
	T_EQ(parse("2016-01-111"), BAD);
	T_EQ(parse("16-01-11"), BAD);
	T_EQ(parse("02016-01-11"), BAD);
	T_EQ(parse("2016/01/11"), BAD);
	T_EQ(parse("2016-01/11"), BAD);
	T_EQ(parse("11-01-2016"), BAD);
	T_EQ(parse("11/01/16"), BAD);
	T_EQ(parse("11/01/02016"), BAD);
	T_EQ(parse("011/01/2016"), BAD);
	T_EQ(parse("11/001/2016"), BAD);
	T_EQ(parse("11//2016"), BAD);
	T_EQ(parse("/01/2016"), BAD);
	T_EQ(parse("11/01/2016x"), BAD);
	T_EQ(parse("2016-01-11T10:00"), BAD);
	T_EQ(parse("2016-01-11 10:00"), BAD);
	T_EQ(parse("+2016-01-11"), BAD);
	T_EQ(parse("2016-+1-11"), BAD);
}

static void
test_weekday(void)
{
	T_EQ(date_weekday(date_from_ymd(2016, 1, 11)), 1);
	T_EQ(date_weekday(date_from_ymd(2016, 1, 17)), 7);
	T_EQ(date_weekday(0), 4);
	T_EQ(date_weekday(-1), 3);
	T_EQ(date_weekday(-4), 7);
	T_EQ(date_weekday(-7), 4);
	T_EQ(date_weekday(date_from_ymd(1, 1, 1)), 1);
	T_EQ(date_weekday(date_from_ymd(2000, 2, 29)), 2);

	T_EQ(date_parse_weekday("lundi"), 1);
	T_EQ(date_parse_weekday("Lundi"), 1);
	T_EQ(date_parse_weekday("Dimanche"), 7);
	T_EQ(date_parse_weekday("DIMANCHE"), 7);
	T_EQ(date_parse_weekday("mon"), 1);
	T_EQ(date_parse_weekday("Mon"), 1);
	T_EQ(date_parse_weekday("monday"), 1);
	T_EQ(date_parse_weekday("Wednesday"), 3);
	T_EQ(date_parse_weekday("mercredi"), 3);
	T_EQ(date_parse_weekday("mer"), 3);
	T_EQ(date_parse_weekday("jeu"), 4);
	T_EQ(date_parse_weekday("thu"), 4);
	T_EQ(date_parse_weekday("vendredi"), 5);
	T_EQ(date_parse_weekday("sat"), 6);
	T_EQ(date_parse_weekday("sam"), 6);
	T_EQ(date_parse_weekday("sun"), 7);
	T_EQ(date_parse_weekday(" mardi "), 2);
	T_EQ(date_parse_weekday(""), -1);
	T_EQ(date_parse_weekday("lu"), -1);
	T_EQ(date_parse_weekday("lund"), -1);
	T_EQ(date_parse_weekday("lundis"), -1);
	T_EQ(date_parse_weekday("mondays"), -1);
	T_EQ(date_parse_weekday("1"), -1);
	T_EQ(date_parse_weekday("l\xc3\xbcndi"), -1);
}

static void
test_iso_week(void)
{
	int y;

	T_EQ(week_of(2026, 12, 31, &y), 53);
	T_EQ(y, 2026);
	T_EQ(week_of(2027, 1, 3, &y), 53);
	T_EQ(y, 2026);
	T_EQ(week_of(2027, 1, 4, &y), 1);
	T_EQ(y, 2027);
	T_EQ(week_of(2015, 12, 28, &y), 53);
	T_EQ(y, 2015);
	T_EQ(week_of(2016, 1, 3, &y), 53);
	T_EQ(y, 2015);
	T_EQ(week_of(2016, 1, 4, &y), 1);
	T_EQ(y, 2016);
	T_EQ(week_of(2016, 1, 11, &y), 2);
	T_EQ(y, 2016);
	T_EQ(week_of(2021, 1, 3, &y), 53);
	T_EQ(y, 2020);
	T_EQ(week_of(2021, 1, 4, &y), 1);
	T_EQ(y, 2021);
	T_EQ(week_of(2024, 12, 30, &y), 1);
	T_EQ(y, 2025);
	T_EQ(week_of(2018, 1, 1, &y), 1);
	T_EQ(y, 2018);
	T_EQ(week_of(2023, 12, 31, &y), 52);
	T_EQ(y, 2023);
}

static void
test_add_months(void)
{
	ess_day d = date_from_ymd(2024, 1, 31);

	T_STREQ(fmt(date_add_months(d, 1)), "2024-02-29");
	T_STREQ(fmt(date_add_months(date_from_ymd(2023, 1, 31), 1)), "2023-02-28");
	T_STREQ(fmt(date_add_months(d, 2)), "2024-03-31");
	T_STREQ(fmt(date_add_months(d, 3)), "2024-04-30");
	T_STREQ(fmt(date_add_months(d, 0)), "2024-01-31");
	T_STREQ(fmt(date_add_months(d, -1)), "2023-12-31");
	T_STREQ(fmt(date_add_months(d, -2)), "2023-11-30");
	T_STREQ(fmt(date_add_months(d, 12)), "2025-01-31");
	T_STREQ(fmt(date_add_months(d, -13)), "2022-12-31");
	T_STREQ(fmt(date_add_months(d, 25)), "2026-02-28");
	T_STREQ(fmt(date_add_months(date_from_ymd(2024, 2, 29), 12)), "2025-02-28");
	T_STREQ(fmt(date_add_months(date_from_ymd(2024, 2, 29), 48)), "2028-02-29");
	T_STREQ(fmt(date_add_months(date_from_ymd(2016, 1, 11), 1)), "2016-02-11");
}

/* Every day from 1900 to 2100 converts both ways and formats back. */
static void
test_round_trip(void)
{
	ess_day first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2100, 12, 31);
	ess_day day, parsed;
	int y, m, d, py = 1900, pm = 1, pd = 0, bad = 0;
	char b[11];

	for (day = first; day <= last; day++) {
		date_to_ymd(day, &y, &m, &d);
		if (!date_valid_ymd(y, m, d) || date_from_ymd(y, m, d) != day)
			bad++;
		/* The next day follows the previous one. */
		if (!(y == py && m == pm && d == pd + 1) &&
		    !(y == py && m == pm + 1 && d == 1) &&
		    !(y == py + 1 && m == 1 && pm == 12 && d == 1))
			bad++;
		if (date_parse(date_format(day, b), &parsed) < 0 || parsed != day)
			bad++;
		if (date_weekday(day) != date_weekday(day - 7) ||
		    date_weekday(day) % 7 + 1 != date_weekday(day + 1))
			bad++;
		py = y;
		pm = m;
		pd = d;
	}
	T_EQ(bad, 0);
	T_EQ(last - first + 1, 73414);
}

int
main(void)
{
	test_days();
	test_valid();
	test_parse();
	test_weekday();
	test_iso_week();
	test_add_months();
	test_round_trip();
	return t_end();
}
