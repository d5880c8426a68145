/*
 * engine.c: what is handed out at one distribution.
 *
 * A distribution is held on the folder's weekday unless a closure covers
 * it; a distribution moved to another day keeps its nominal date (the
 * weekday) for the rhythm of subscriptions and the turns of shared
 * baskets, so that a move or a closure never shifts them.  A subscription
 * every N weeks is due when the number of calendar weeks since its start
 * is a multiple of N.  A shared basket goes, in turn, to each of its two
 * households at the distributions actually held where it is due.
 * One-off orders change the subscribed quantity for that date (the last
 * line for a date, member and product wins; 0 cancels) or add a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basket.h"
#include "err.h"

/* The Monday of d's week, as a week number since the epoch's week. */
static long
week_of(ess_day d)
{
	return (long)((d - (date_weekday(d) - 1)) / 7);
}

int64_t
order_deadline(const struct basket *b, ess_day d)
{
	return (int64_t)d * 1440 + b->set.open_min - (int64_t)b->set.order_deadline_hours * 60;
}

const char *
stamp_format(int64_t minutes, char *out)
{
	char day[16];
	unsigned in_day;

	if (minutes < 0)
		minutes = 0;
	in_day = (unsigned)(minutes % 1440);
	date_format((ess_day)(minutes / 1440), day);
	snprintf(out, 20, "%.10s %02u:%02u", day, in_day / 60 % 100, in_day % 60);
	return out;
}

int64_t
price_on(const struct product *p, ess_day d)
{
	int64_t cents = -1;

	for (size_t i = 0; i < p->nprices && p->prices[i].from <= d; i++)
		cents = p->prices[i].cents;
	return cents;
}

const struct span *
closure_on(const struct basket *b, ess_day d)
{
	for (size_t i = 0; i < b->nclosures; i++)
		if (b->closures[i].from <= d && d <= b->closures[i].to)
			return &b->closures[i];
	return NULL;
}

/* The nominal date of a distribution held on d (d itself, or the date a
 * distribution was moved from), or 0 with *why set when none is held. */
ess_day
distribution_on(const struct basket *b, ess_day d, const char **why)
{
	*why = NULL;
	for (size_t i = 0; i < b->nmoves; i++)
		if (b->moves[i].moved_to == d)
			return b->moves[i].date;
	for (size_t i = 0; i < b->nmoves; i++)
		if (b->moves[i].date == d) {
			*why = N_("the distribution was moved");
			return 0;
		}
	if (date_weekday(d) != b->set.weekday) {
		*why = N_("not a distribution day");
		return 0;
	}
	if ((b->set.season_from && d < b->set.season_from) ||
	    (b->set.season_to && d > b->set.season_to)) {
		*why = N_("outside the season (season_from and season_to in settings.csv)");
		return 0;
	}
	if (closure_on(b, d)) {
		*why = closure_on(b, d)->reason;
		if (!*why || !**why)
			*why = N_("closed");
		return 0;
	}
	return d;
}

/* Whether subscription s is due at the distribution of nominal date n. */
static int
due(const struct subscription *s, ess_day n)
{
	return s->from <= n && n <= s->to && (week_of(n) - week_of(s->from)) % s->every == 0;
}

/* The nominal date of subscription s's k-th due week. */
static ess_day
due_date(const struct basket *b, const struct subscription *s, long k)
{
	ess_day monday = s->from - (date_weekday(s->from) - 1);

	return (ess_day)(monday + 7L * s->every * k + (b->set.weekday - 1));
}

/* s's first due date on or after d. */
static ess_day
first_due_on_or_after(const struct basket *b, const struct subscription *s, ess_day d)
{
	ess_day first = due_date(b, s, 0);
	long step = 7L * s->every;

	return d <= first ? first : (ess_day)(first + (d - first + step - 1) / step * step);
}

/* The number of s's due dates in [lo, hi). */
static long
due_count(const struct basket *b, const struct subscription *s, ess_day lo, ess_day hi)
{
	ess_day first = due_date(b, s, 0);
	long step = 7L * s->every, k0, k1;

	if (lo < first)
		lo = first;
	if (hi <= lo)
		return 0;
	k0 = (lo - first + step - 1) / step;	/* first k with date >= lo */
	k1 = (hi - first + step - 1) / step;	/* first k with date >= hi */
	return k1 - k0;
}

/* For a shared subscription due at n: 0 when it is its member's turn, 1
 * the other household's.  Turns count the distributions held since the
 * start where the basket was due: the due dates before n, less those a
 * closure covers (each counted once, under the first closure covering
 * it, as closure_on finds it). */
static int
turn(const struct basket *b, const struct subscription *s, ess_day n)
{
	ess_day hi = n <= s->to ? n : s->to + 1;
	long held = due_count(b, s, s->from, hi);

	for (size_t i = 0; i < b->nclosures; i++) {
		const struct span *c = &b->closures[i];
		ess_day lo = c->from > s->from ? c->from : s->from;
		ess_day chi = c->to + 1 < hi ? c->to + 1 : hi;

		if (chi <= lo)
			continue;
		for (ess_day d = first_due_on_or_after(b, s, lo); d < chi; d += (ess_day)(7 * s->every))
			if (closure_on(b, d) == c)
				held--;
	}
	return (int)(held % 2);
}

int
member_valid(const struct basket *b, size_t m, ess_day d, int *visit)
{
	size_t hh = b->members[m].hh;
	int y, mo, dd, py, pm, pd;

	*visit = 0;
	date_to_ymd(d, &y, &mo, &dd);
	for (size_t j = b->ms_start[hh]; j < b->ms_start[hh + 1]; j++) {
		const struct membership *ms = &b->memberships[b->ms_of[j]];

		if (ms->paid_on > d)
			continue;
		/* A family membership covers the payer's whole household. */
		if (ms->member != m && ms->kind != KIND_FAMILY)
			continue;
		if (ms->kind == KIND_VISIT) {
			if (ms->paid_on == d)
				*visit = 1;
			continue;
		}
		date_to_ymd(ms->paid_on, &py, &pm, &pd);
		if (b->set.year == YEAR_CALENDAR ? py == y : date_add_months(ms->paid_on, 12) > d)
			return 1;
	}
	return *visit;
}

static int
absent(const struct basket *b, size_t m, ess_day d)
{
	for (size_t j = b->abs_start[m]; j < b->abs_start[m + 1]; j++) {
		const struct absence *a = &b->absences[b->abs_of[j]];

		if (a->from <= d && d <= a->to)
			return 1;
	}
	return 0;
}

/* Fills start[0..n] and of[] so that of[start[k]..start[k + 1]) lists, in
 * file order, the records i < count whose key(i) is k. */
static void
group_by(size_t n, size_t count, size_t (*key)(const struct basket *, size_t),
	const struct basket *b, size_t **startp, size_t **ofp)
{
	size_t *start = xcalloc(n + 2, sizeof *start), *of = xcalloc(count + 1, sizeof *of);

	for (size_t i = 0; i < count; i++)
		start[key(b, i) + 2]++;
	for (size_t k = 2; k < n + 2; k++)
		start[k] += start[k - 1];
	for (size_t i = 0; i < count; i++)
		of[start[key(b, i) + 1]++] = i;
	*startp = start;
	*ofp = of;
}

static size_t
membership_household(const struct basket *b, size_t i)
{
	return b->members[b->memberships[i].member].hh;
}

static size_t
absence_member(const struct basket *b, size_t i)
{
	return b->absences[i].member;
}

static const struct basket *sort_basket;

static int
order_cmp(const void *pa, const void *pb)
{
	const struct order *o = sort_basket->orders;
	size_t a = *(const size_t *)pa, c = *(const size_t *)pb;

	if (o[a].date != o[c].date)
		return o[a].date < o[c].date ? -1 : 1;
	if (o[a].member != o[c].member)
		return o[a].member < o[c].member ? -1 : 1;
	if (o[a].product != o[c].product)
		return o[a].product < o[c].product ? -1 : 1;
	return a < c ? -1 : a > c;
}

void
basket_index(struct basket *b)
{
	group_by(b->household_ids.n, b->nmemberships, membership_household, b, &b->ms_start, &b->ms_of);
	group_by(b->nmembers, b->nabsences, absence_member, b, &b->abs_start, &b->abs_of);
	b->ord_sorted = xcalloc(b->norders + 1, sizeof *b->ord_sorted);
	b->ord_last = xcalloc(b->norders + 1, 1);
	for (size_t i = 0; i < b->norders; i++)
		b->ord_sorted[i] = i;
	sort_basket = b;
	qsort(b->ord_sorted, b->norders, sizeof *b->ord_sorted, order_cmp);
	/* The last line in time of each date, member and product wins,
	 * among those placed before the deadline. */
	for (size_t i = 0, last = SIZE_MAX; i < b->norders; i++) {
		const struct order *o = &b->orders[b->ord_sorted[i]], *next;

		if (!o->late)
			last = b->ord_sorted[i];
		next = i + 1 < b->norders ? &b->orders[b->ord_sorted[i + 1]] : NULL;
		if (!next || next->date != o->date || next->member != o->member ||
		    next->product != o->product) {
			if (last != SIZE_MAX)
				b->ord_last[last] = 1;
			last = SIZE_MAX;
		}
	}
}

/* The lines of one distribution, found by member and product through an
 * open-addressing table of line numbers + 1. */
struct lineset {
	struct line *lines;
	size_t n;
	uint32_t *slot;
	size_t mask;
};

/* The line of member and product, added when absent. */
static struct line *
line_for(struct lineset *ls, size_t member, size_t product)
{
	size_t h = (member * 0x9e3779b97f4a7c15u ^ product * 0xc2b2ae3d27d4eb4fu) & ls->mask;

	for (; ls->slot[h]; h = (h + 1) & ls->mask) {
		struct line *l = &ls->lines[ls->slot[h] - 1];

		if (l->member == member && l->product == product)
			return l;
	}
	ls->lines[ls->n] = (struct line){ .member = member, .product = product, .status = ST_OK };
	ls->slot[h] = (uint32_t)++ls->n;
	return &ls->lines[ls->n - 1];
}

/* The first of the orders sorted by date whose date is d or later. */
static size_t
orders_from(const struct basket *b, ess_day d)
{
	size_t lo = 0, hi = b->norders;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->orders[b->ord_sorted[mid]].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
distribution_lines(const struct basket *b, ess_day d, ess_day nominal, struct line **out)
{
	size_t first = orders_from(b, d), last = first, most, cap = 16;
	struct lineset ls = { 0 };

	while (last < b->norders && b->orders[b->ord_sorted[last]].date == d)
		last++;
	/* At most two lines a subscription (a shared one names both
	 * households) and one an order. */
	most = 2 * b->nsubs + (last - first) + 1;
	while (cap < 2 * most)
		cap *= 2;
	ls.lines = xcalloc(most, sizeof *ls.lines);
	ls.slot = xcalloc(cap, sizeof *ls.slot);
	ls.mask = cap - 1;
	for (size_t i = 0; i < b->nsubs; i++) {
		const struct subscription *s = &b->subs[i];
		struct line *l;

		if (!due(s, nominal))
			continue;
		if (s->shared_with >= 0 && turn(b, s, nominal)) {
			l = line_for(&ls, s->member, s->product);
			l->status = ST_SHARED_TURN;
			l = line_for(&ls, (size_t)s->shared_with, s->product);
		} else {
			l = line_for(&ls, s->member, s->product);
		}
		l->qty += s->qty;
		l->subscribed = 1;
		if (l->status == ST_SHARED_TURN)
			l->status = ST_OK;
	}
	/* Orders: the last line for the date, member and product wins; lines
	 * come in file order, as the orders were written. */
	for (size_t i = 0; i < b->norders && first < last; i++) {
		const struct order *o = &b->orders[i];
		struct line *l;

		if (o->date != d || !b->ord_last[i])
			continue;
		l = line_for(&ls, o->member, o->product);
		l->qty = o->qty;
		if (o->qty == 0)
			l->status = ST_CANCELLED;
	}
	for (size_t i = 0; i < ls.n; i++) {
		struct line *l = &ls.lines[i];
		int64_t price = price_on(&b->products[l->product], d);

		l->unit_price = price < 0 ? 0 : price;
		if (l->status == ST_OK && absent(b, l->member, d))
			l->status = ST_ABSENT;
		l->billed = l->status == ST_OK ||
			(l->status == ST_ABSENT && b->set.absence != ABS_SKIP);
		/* cents = qty (thousandths) * price, rounded half up */
		l->amount = l->billed ? (l->qty * l->unit_price + QTY_ONE / 2) / QTY_ONE : 0;
		l->membership = member_valid(b, l->member, d, &l->visit);
	}
	free(ls.slot);
	*out = ls.lines;
	return ls.n;
}
