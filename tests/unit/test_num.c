/*
 * test_num.c: strict number parsing, checked arithmetic, formatting.
 */
#include <stdint.h>

#include "num.h"
#include "t.h"

/* The value of s read by f, or a sentinel when it is refused. */
#define BAD INT64_C(-777777777)

static int64_t
fixed(const char *s, int scale)
{
	int64_t v = BAD;

	if (num_parse_fixed(s, scale, &v) < 0)
		return BAD;
	return v;
}

static int64_t
whole(const char *s)
{
	int64_t v = BAD;

	if (num_parse_int(s, &v) < 0)
		return BAD;
	return v;
}

static int64_t
money(const char *s)
{
	int64_t v = BAD;

	if (num_parse_money(s, &v) < 0)
		return BAD;
	return v;
}

static int64_t
percent(const char *s)
{
	int64_t v = BAD;

	if (num_parse_percent(s, &v) < 0)
		return BAD;
	return v;
}

static void
test_int(void)
{
	int64_t v = 42;

	T_EQ(whole("0"), 0);
	T_EQ(whole("7"), 7);
	T_EQ(whole("+7"), 7);
	T_EQ(whole("-3"), -3);
	T_EQ(whole("-0"), 0);
	T_EQ(whole("007"), 7);
	T_EQ(whole("  12  "), 12);
	T_EQ(whole("\xc2\xa0" "12" "\xe2\x80\xaf"), 12);
	T_EQ(whole("1000"), 1000);
	T_EQ(whole("1 000"), 1000);
	T_EQ(whole("1\xc2\xa0" "000"), 1000);
	T_EQ(whole("1\xe2\x80\xaf" "000"), 1000);
	T_EQ(whole("12 345 678"), 12345678);
	T_EQ(whole("-1 000"), -1000);
	T_EQ(whole("9223372036854775807"), INT64_MAX);
	T_EQ(whole("-9223372036854775808"), INT64_MIN);
	T_EQ(whole("9 223 372 036 854 775 807"), INT64_MAX);

	T_EQ(whole(""), BAD);
	T_EQ(whole(" "), BAD);
	T_EQ(whole("\xc2\xa0"), BAD);
	T_EQ(whole("+"), BAD);
	T_EQ(whole("-"), BAD);
	T_EQ(whole("--1"), BAD);
	T_EQ(whole("+-1"), BAD);
	T_EQ(whole("- 1"), BAD);
	T_EQ(whole("5x"), BAD);
	T_EQ(whole("x5"), BAD);
	T_EQ(whole("0x10"), BAD);
	T_EQ(whole("1e3"), BAD);
	T_EQ(whole("1,5,3"), BAD);
	T_EQ(whole("1.5"), BAD);
	T_EQ(whole("5,0"), BAD);
	T_EQ(whole(".5"), BAD);
	T_EQ(whole("5."), BAD);
	T_EQ(whole("1 00"), BAD);
	T_EQ(whole("1 0000"), BAD);
	T_EQ(whole("1000 000"), BAD);
	T_EQ(whole("1  000"), BAD);
	T_EQ(whole("1 000 00"), BAD);
	T_EQ(whole("1\t000"), BAD);
	T_EQ(whole("\t1"), BAD);
	T_EQ(whole("1\n"), BAD);
	T_EQ(whole("\xc2" "1"), BAD);
	T_EQ(whole("9223372036854775808"), BAD);
	T_EQ(whole("-9223372036854775809"), BAD);
	T_EQ(whole("99999999999999999999999"), BAD);
	T_EQ(whole("\xe2\x88\x92" "5"), BAD);

	T_EQ(num_parse_int("oops", &v), -1);
	T_EQ(v, 42);
}

static void
test_fixed(void)
{
	int64_t v = 42;

	T_EQ(fixed("10,5", 2), 1050);
	T_EQ(fixed("10.5", 2), 1050);
	T_EQ(fixed("10,50", 2), 1050);
	T_EQ(fixed("10", 2), 1000);
	T_EQ(fixed("1 000,50", 2), 100050);
	T_EQ(fixed("-0,5", 2), -50);
	T_EQ(fixed("-0,05", 2), -5);
	T_EQ(fixed("+0.01", 2), 1);
	T_EQ(fixed("0,123456789", 9), 123456789);
	T_EQ(fixed("3", 0), 3);
	T_EQ(fixed("3", 9), 3000000000);

	/* A missing whole part is zero; a missing decimal part is an error. */
	T_EQ(fixed(".5", 2), 50);
	T_EQ(fixed(",5", 2), 50);
	T_EQ(fixed("-,5", 2), -50);
	T_EQ(fixed("5.", 2), BAD);
	T_EQ(fixed("5,", 2), BAD);
	T_EQ(fixed(".", 2), BAD);
	T_EQ(fixed(",", 2), BAD);
	T_EQ(fixed("-.", 2), BAD);

	T_EQ(fixed("10,505", 2), BAD);
	T_EQ(fixed("10,500", 2), BAD);
	T_EQ(fixed("0,1", 0), BAD);
	T_EQ(fixed("1,5,3", 2), BAD);
	T_EQ(fixed("1.5.3", 2), BAD);
	T_EQ(fixed("1,5.3", 2), BAD);
	T_EQ(fixed("1.000,50", 2), BAD);
	T_EQ(fixed("1 000 ,50", 2), BAD);
	T_EQ(fixed("1 00,50", 2), BAD);
	T_EQ(fixed("1,50 0", 2), BAD);
	T_EQ(fixed("1,5e3", 2), BAD);
	T_EQ(fixed("1e3", 2), BAD);
	T_EQ(fixed("", 2), BAD);
	T_EQ(fixed("1", -1), BAD);
	T_EQ(fixed("1", 10), BAD);

	/* Overflow, in the digits and in the scaling. */
	T_EQ(fixed("92233720368547758,07", 2), INT64_MAX);
	T_EQ(fixed("-92233720368547758,08", 2), INT64_MIN);
	T_EQ(fixed("92233720368547758,08", 2), BAD);
	T_EQ(fixed("92233720368547759", 2), BAD);
	T_EQ(fixed("9223372036854775807", 1), BAD);
	T_EQ(fixed("10000000000", 9), BAD);

	T_EQ(num_parse_fixed("1,234", 2, &v), -1);
	T_EQ(v, 42);
}

static void
test_money(void)
{
	T_EQ(money("10,50"), 1050);
	T_EQ(money("10,50 €"), 1050);
	T_EQ(money("10,50€"), 1050);
	T_EQ(money("10,50\xc2\xa0€"), 1050);
	T_EQ(money("10,50\xe2\x80\xaf€"), 1050);
	T_EQ(money("€10.50"), 1050);
	T_EQ(money("€ 10.50"), 1050);
	T_EQ(money("10.50 EUR"), 1050);
	T_EQ(money("10.50 eur"), 1050);
	T_EQ(money("EUR 10.50"), 1050);
	T_EQ(money("1 000,50"), 100050);
	T_EQ(money("1 000,50 €"), 100050);
	T_EQ(money("  3 €  "), 300);
	T_EQ(money("-10,50 €"), -1050);
	T_EQ(money("-€10.50"), -1050);
	T_EQ(money("+€ 1"), 100);
	T_EQ(money("-0,05"), -5);

	T_EQ(money(""), BAD);
	T_EQ(money("€"), BAD);
	T_EQ(money("EUR"), BAD);
	T_EQ(money("€10 €"), BAD);
	T_EQ(money("€-10"), BAD);
	T_EQ(money("- €10"), BAD);
	T_EQ(money("10,505 €"), BAD);
	T_EQ(money("10 $"), BAD);
	T_EQ(money("10 euros"), BAD);
	T_EQ(money("1 00 €"), BAD);
}

static void
test_percent(void)
{
	T_EQ(percent("12,5 %"), 125);
	T_EQ(percent("12.5%"), 125);
	T_EQ(percent("12"), 120);
	T_EQ(percent("66,7 %"), 667);
	T_EQ(percent("66,7\xe2\x80\xaf%"), 667);
	T_EQ(percent("-5 %"), -50);
	T_EQ(percent("100%"), 1000);

	T_EQ(percent("12,55 %"), BAD);
	T_EQ(percent("%"), BAD);
	T_EQ(percent("% 12"), BAD);
	T_EQ(percent("12 %%"), BAD);
	T_EQ(percent(""), BAD);
}

static void
test_arith(void)
{
	int64_t r = 42;

	T_EQ(num_add(2, 3, &r), 0);
	T_EQ(r, 5);
	T_EQ(num_add(INT64_MAX, 0, &r), 0);
	T_EQ(r, INT64_MAX);
	T_EQ(num_add(INT64_MAX, -1, &r), 0);
	T_EQ(r, INT64_MAX - 1);
	T_EQ(num_add(INT64_MIN, INT64_MAX, &r), 0);
	T_EQ(r, -1);
	r = 42;
	T_EQ(num_add(INT64_MAX, 1, &r), -1);
	T_EQ(num_add(INT64_MIN, -1, &r), -1);
	T_EQ(num_add(INT64_MIN, INT64_MIN, &r), -1);
	T_EQ(r, 42);

	T_EQ(num_mul(6, 7, &r), 0);
	T_EQ(r, 42);
	T_EQ(num_mul(-6, 7, &r), 0);
	T_EQ(r, -42);
	T_EQ(num_mul(0, INT64_MIN, &r), 0);
	T_EQ(r, 0);
	T_EQ(num_mul(INT64_MIN, 1, &r), 0);
	T_EQ(r, INT64_MIN);
	T_EQ(num_mul(INT64_C(-4611686018427387904), 2, &r), 0);
	T_EQ(r, INT64_MIN);
	T_EQ(num_mul(2, INT64_C(-4611686018427387904), &r), 0);
	T_EQ(r, INT64_MIN);
	T_EQ(num_mul(-1, INT64_MAX, &r), 0);
	T_EQ(r, -INT64_MAX);
	r = 42;
	T_EQ(num_mul(INT64_MIN, -1, &r), -1);
	T_EQ(num_mul(-1, INT64_MIN, &r), -1);
	T_EQ(num_mul(INT64_C(4611686018427387904), 2, &r), -1);
	T_EQ(num_mul(INT64_C(-4611686018427387905), 2, &r), -1);
	T_EQ(num_mul(2, INT64_C(-4611686018427387905), &r), -1);
	T_EQ(num_mul(INT64_C(3037000500), INT64_C(3037000500), &r), -1);
	T_EQ(num_mul(INT64_C(-3037000500), INT64_C(-3037000500), &r), -1);
	T_EQ(r, 42);
}

static void
test_format(void)
{
	char b[32];

	T_STREQ(num_format_fixed(1050, 2, ',', b), "10,50");
	T_STREQ(num_format_fixed(1050, 2, '.', b), "10.50");
	T_STREQ(num_format_fixed(-5, 2, ',', b), "-0,05");
	T_STREQ(num_format_fixed(-50, 2, ',', b), "-0,50");
	T_STREQ(num_format_fixed(-1050, 2, ',', b), "-10,50");
	T_STREQ(num_format_fixed(0, 2, ',', b), "0,00");
	T_STREQ(num_format_fixed(7, 0, ',', b), "7");
	T_STREQ(num_format_fixed(-7, 0, ',', b), "-7");
	T_STREQ(num_format_fixed(1, 9, '.', b), "0.000000001");
	T_STREQ(num_format_fixed(INT64_MAX, 0, ',', b), "9223372036854775807");
	T_STREQ(num_format_fixed(INT64_MIN, 0, ',', b), "-9223372036854775808");
	T_STREQ(num_format_fixed(INT64_MIN, 9, ',', b), "-9223372036,854775808");
	T_STREQ(num_format_fixed(INT64_MAX, 2, ',', b), "92233720368547758,07");

	T_STREQ(num_format_percent(2, 3, b), "66.7");
	T_STREQ(num_format_percent(1, 3, b), "33.3");
	T_STREQ(num_format_percent(1, 8, b), "12.5");
	T_STREQ(num_format_percent(1, 16, b), "6.3");
	T_STREQ(num_format_percent(18, 19, b), "94.7");
	T_STREQ(num_format_percent(0, 5, b), "0.0");
	T_STREQ(num_format_percent(5, 5, b), "100.0");
	T_STREQ(num_format_percent(1, 2000, b), "0.1");
	T_STREQ(num_format_percent(1, 2001, b), "0.0");
	T_STREQ(num_format_percent(9999, 10000, b), "100.0");
	T_STREQ(num_format_percent(3, 2, b), "150.0");
	T_STREQ(num_format_percent(-1, 8, b), "-12.5");
	T_STREQ(num_format_percent(1, -16, b), "-6.3");
	T_STREQ(num_format_percent(-2, -3, b), "66.7");
	T_STREQ(num_format_percent(-1, 2001, b), "0.0");
	T_STREQ(num_format_percent(INT64_MAX - 1, INT64_MAX, b), "100.0");
	T_STREQ(num_format_percent(1, INT64_MAX, b), "0.0");
	T_STREQ(num_format_percent(INT64_MIN, INT64_MIN, b), "100.0");
	T_STREQ(num_format_percent(INT64_MAX, 1, b), "922337203685477580700.0");
	T_STREQ(num_format_percent(INT64_MIN, 1, b), "-922337203685477580800.0");
	T_STREQ(num_format_percent(INT64_MAX / 3, INT64_MAX, b), "33.3");
	T_STREQ(num_format_percent(5, 0, b), "0.0");
}

/* What is parsed and formatted again comes back the same. */
static void
test_round_trip(void)
{
	static const int64_t values[] = {
		0, 1, -1, 5, -5, 99, 100, 1050, -1050, 123456789,
		INT64_MAX, INT64_MIN, INT64_MIN + 1,
	};
	char b[32];
	int64_t v;
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		num_format_fixed(values[i], 2, ',', b);
		if (num_parse_fixed(b, 2, &v) < 0 || v != values[i])
			bad++;
	}
	T_EQ(bad, 0);
}

int
main(void)
{
	test_int();
	test_fixed();
	test_money();
	test_percent();
	test_arith();
	test_format();
	test_round_trip();
	return t_end();
}
