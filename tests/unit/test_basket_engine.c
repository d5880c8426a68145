/*
 * test_basket_engine.c: basket-orders' rules of a distribution, against
 * the plain definitions they stand for.
 *
 * engine.c counts the turns of a shared basket arithmetically (the due
 * dates before a day, less those a closure covers) and finds lines,
 * memberships, absences and orders through indexes.  Each is checked here
 * against the slow, obvious version: walk every week, scan every record.
 */
#include <stdint.h>

#include "../../cmd/basket-orders/engine.c"
#include "t.h"

/* A small deterministic generator (splitmix64), so a failure replays. */
static uint64_t seed = 0x5eed;

static uint64_t
rnd(void)
{
	uint64_t z = (seed += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static long
pick(long lo, long hi)
{
	return lo + (long)(rnd() % (uint64_t)(hi - lo + 1));
}

/* The definition: walk the weeks from the start, count the due ones held. */
static int
turn_walk(const struct basket *b, const struct subscription *s, ess_day n)
{
	long held = 0;

	for (ess_day d = s->from - (date_weekday(s->from) - 1) + (b->set.weekday - 1); d < n; d += 7)
		if (d >= s->from && due(s, d) && !closure_on(b, d))
			held++;
	return (int)(held % 2);
}

static void
check_turns(void)
{
	static struct span closures[6];
	struct basket b = { .set = { .weekday = 1 } };
	long bad = 0, tried = 0;

	for (int round = 0; round < 400; round++) {
		ess_day start = date_from_ymd(2015, 1, 1) + (ess_day)pick(0, 3000);
		struct subscription s = { .qty = QTY_ONE, .shared_with = 1 };

		b.set.weekday = (int)pick(1, 7);
		b.nclosures = (size_t)pick(0, 6);
		for (size_t i = 0; i < b.nclosures; i++) {
			closures[i].from = start + (ess_day)pick(-30, 700);
			closures[i].to = closures[i].from + (ess_day)pick(0, 40);	/* may overlap */
		}
		b.closures = closures;
		s.from = start;
		s.to = pick(0, 3) ? start + (ess_day)pick(0, 900) : INT32_MAX;
		s.every = (int)(const int[]){ 1, 2, 4, 3 }[pick(0, 3)];
		for (ess_day n = start; n < start + 800; n++) {
			if (date_weekday(n) != b.set.weekday || !due(&s, n))
				continue;
			tried++;
			if (turn(&b, &s, n) != turn_walk(&b, &s, n) && bad++ < 5)
				printf("# turn differs: weekday %d, from %s every %d, on day %ld\n",
					b.set.weekday, date_format(s.from, (char[16]){ 0 }), s.every, (long)n);
		}
	}
	T_OK(tried > 10000);
	T_EQ(bad, 0);
}

/* ISO week 53 of 2026 (2026-12-28 to 2027-01-03): a fortnightly basket
 * from Monday 2026-12-14 is due on the 14th, the 28th (week 53), then
 * 2027-01-11; with the 28th closed, the turn does not swap there. */
static void
check_week53(void)
{
	struct span xmas = { date_from_ymd(2026, 12, 21), date_from_ymd(2027, 1, 3), "", { "", 0 } };
	struct basket b = { .set = { .weekday = 1 }, .closures = &xmas, .nclosures = 1 };
	struct subscription s = { .from = date_from_ymd(2026, 12, 14), .to = INT32_MAX, .every = 2,
		.shared_with = 1 };

	T_OK(due(&s, date_from_ymd(2026, 12, 28)));
	T_OK(!due(&s, date_from_ymd(2027, 1, 4)));
	T_OK(due(&s, date_from_ymd(2027, 1, 11)));
	T_EQ(turn(&b, &s, date_from_ymd(2026, 12, 14)), 0);
	T_EQ(turn(&b, &s, date_from_ymd(2027, 1, 11)), 1);	/* only the 14th was held */
	T_EQ(turn(&b, &s, date_from_ymd(2027, 1, 25)), 0);
	b.nclosures = 0;
	T_EQ(turn(&b, &s, date_from_ymd(2027, 1, 11)), 0);	/* 14th and 28th held */
}

/* A folder in memory: members in households, memberships, absences and
 * orders at random; the indexed answers against plain scans. */
static void
check_indexes(void)
{
	enum { NM = 60, NHH = 25, NP = 4 };
	static struct member members[NM];
	static struct membership ms[150];
	static struct absence abs[80];
	static struct order orders[400];
	static struct product products[NP];
	static struct price price = { 0, 250, { "", 0 } };
	struct basket b = { .set = { .weekday = 1, .year = YEAR_CALENDAR } };
	long bad_valid = 0, bad_absent = 0, bad_orders = 0;
	ess_day d0 = date_from_ymd(2026, 1, 5);

	for (size_t i = 0; i < NM; i++)
		members[i].hh = (size_t)pick(0, NHH - 1);
	for (size_t i = 0; i < NP; i++)
		products[i] = (struct product){ .prices = &price, .nprices = 1 };
	for (size_t i = 0; i < 150; i++)
		ms[i] = (struct membership){ (size_t)pick(0, NM - 1), (enum kind)pick(0, 2),
			d0 + (ess_day)pick(-400, 300), 1000, { "", 0 } };
	for (size_t i = 0; i < 80; i++) {
		abs[i].member = (size_t)pick(0, NM - 1);
		abs[i].from = d0 + (ess_day)pick(0, 300);
		abs[i].to = abs[i].from + (ess_day)pick(0, 30);
	}
	for (size_t i = 0; i < 400; i++)
		orders[i] = (struct order){ d0 + 7 * (ess_day)pick(0, 5), (size_t)pick(0, NM - 1),
			(size_t)pick(0, NP - 1), QTY_ONE * pick(0, 3), -1, (int)(pick(0, 9) == 0), { "", 0 } };
	b.members = members;
	b.nmembers = NM;
	b.household_ids.n = NHH;
	b.memberships = ms;
	b.nmemberships = 150;
	b.absences = abs;
	b.nabsences = 80;
	b.orders = orders;
	b.norders = 400;
	b.products = products;
	b.nproducts = NP;
	basket_index(&b);
	for (size_t m = 0; m < NM; m++)
		for (ess_day d = d0 - 30; d < d0 + 330; d += 3) {
			int visit, want = 0, want_visit = 0, y, mo, dd, py, pm, pd;

			date_to_ymd(d, &y, &mo, &dd);
			for (size_t i = 0; i < 150; i++) {
				if (ms[i].paid_on > d || (ms[i].member != m &&
				    !(ms[i].kind == KIND_FAMILY && members[ms[i].member].hh == members[m].hh)))
					continue;
				date_to_ymd(ms[i].paid_on, &py, &pm, &pd);
				if (ms[i].kind == KIND_VISIT)
					want_visit |= ms[i].paid_on == d;
				else if (py == y)
					want = 1;
			}
			if (member_valid(&b, m, d, &visit) != (want || want_visit))
				bad_valid++;
			{
				int a = 0;

				for (size_t i = 0; i < 80; i++)
					a |= abs[i].member == m && abs[i].from <= d && d <= abs[i].to;
				bad_absent += absent(&b, m, d) != a;
			}
		}
	/* Orders: of each date, member and product, the last line on time. */
	for (size_t i = 0; i < 400; i++) {
		int last = !orders[i].late;

		for (size_t j = i + 1; j < 400 && last; j++)
			if (!orders[j].late && orders[j].date == orders[i].date &&
			    orders[j].member == orders[i].member && orders[j].product == orders[i].product)
				last = 0;
		bad_orders += b.ord_last[i] != last;
	}
	T_EQ(bad_valid, 0);
	T_EQ(bad_absent, 0);
	T_EQ(bad_orders, 0);
	/* A distribution's lines: one per member and product, each order's
	 * quantity as the last line on time says. */
	{
		struct line *lines;
		size_t n = distribution_lines(&b, d0 + 14, d0 + 14, &lines);
		long bad = 0;

		for (size_t i = 0; i < n; i++) {
			int64_t want = -1;

			for (size_t j = i + 1; j < n; j++)
				bad += lines[i].member == lines[j].member && lines[i].product == lines[j].product;
			for (size_t j = 0; j < 400; j++)
				if (b.ord_last[j] && orders[j].date == d0 + 14 &&
				    orders[j].member == lines[i].member && orders[j].product == lines[i].product)
					want = orders[j].qty;
			bad += want != lines[i].qty;
		}
		T_OK(n > 10);
		T_EQ(bad, 0);
		free(lines);
	}
	free(b.ms_start);
	free(b.ms_of);
	free(b.abs_start);
	free(b.abs_of);
	free(b.ord_sorted);
	free(b.ord_last);
}

int
main(void)
{
	check_turns();
	check_week53();
	check_indexes();
	return t_end();
}
