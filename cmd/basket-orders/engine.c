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
	if (closure_on(b, d)) {
		*why = closure_on(b, d)->reason;
		if (!*why || !**why)
			*why = N_("closed");
		return 0;
	}
	return d;
}

/* Whether a distribution was held for the nominal date n (on n, or on
 * the day it was moved to). */
static int
held_nominal(const struct basket *b, ess_day n)
{
	return date_weekday(n) == b->set.weekday && !closure_on(b, n);
}

/* Whether subscription s is due at the distribution of nominal date n. */
static int
due(const struct subscription *s, ess_day n)
{
	return s->from <= n && n <= s->to && (week_of(n) - week_of(s->from)) % s->every == 0;
}

/* For a shared subscription due at n: 0 when it is its member's turn, 1
 * the other household's.  Turns count the distributions held since the
 * start where the basket was due. */
static int
turn(const struct basket *b, const struct subscription *s, ess_day n)
{
	long held = 0;

	for (ess_day d = s->from; d < n; d += 7) {
		if (due(s, d) && held_nominal(b, d))
			held++;
	}
	return (int)(held % 2);
}

int
member_valid(const struct basket *b, size_t m, ess_day d, int *visit)
{
	int y, mo, dd, py, pm, pd;

	*visit = 0;
	date_to_ymd(d, &y, &mo, &dd);
	for (size_t i = 0; i < b->nmemberships; i++) {
		const struct membership *ms = &b->memberships[i];

		if (ms->paid_on > d)
			continue;
		/* A family membership covers the payer's whole household. */
		if (ms->member != m && !(ms->kind == KIND_FAMILY &&
		    b->members[ms->member].hh == b->members[m].hh))
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
	for (size_t i = 0; i < b->nabsences; i++)
		if (b->absences[i].member == m && b->absences[i].from <= d && d <= b->absences[i].to)
			return 1;
	return 0;
}

/* The line of member and product in lines, added when absent. */
static struct line *
line_for(struct line **lines, size_t *n, size_t member, size_t product)
{
	for (size_t i = 0; i < *n; i++)
		if ((*lines)[i].member == member && (*lines)[i].product == product)
			return &(*lines)[i];
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[*n] = (struct line){ .member = member, .product = product, .status = ST_OK };
	return &(*lines)[(*n)++];
}

size_t
distribution_lines(const struct basket *b, ess_day d, ess_day nominal, struct line **out)
{
	struct line *lines = NULL;
	size_t n = 0;

	for (size_t i = 0; i < b->nsubs; i++) {
		const struct subscription *s = &b->subs[i];
		struct line *l;

		if (!due(s, nominal))
			continue;
		if (s->shared_with >= 0 && turn(b, s, nominal)) {
			l = line_for(&lines, &n, s->member, s->product);
			l->status = ST_SHARED_TURN;
			l = line_for(&lines, &n, (size_t)s->shared_with, s->product);
		} else {
			l = line_for(&lines, &n, s->member, s->product);
		}
		l->qty += s->qty;
		l->subscribed = 1;
		if (l->status == ST_SHARED_TURN)
			l->status = ST_OK;
	}
	/* Orders: the last line for the date, member and product wins. */
	for (size_t i = 0; i < b->norders; i++) {
		const struct order *o = &b->orders[i];
		int last = 1;
		struct line *l;

		if (o->date != d)
			continue;
		for (size_t j = i + 1; j < b->norders && last; j++)
			if (b->orders[j].date == d && b->orders[j].member == o->member &&
			    b->orders[j].product == o->product)
				last = 0;
		if (!last)
			continue;
		l = line_for(&lines, &n, o->member, o->product);
		l->qty = o->qty;
		if (o->qty == 0)
			l->status = ST_CANCELLED;
	}
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
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
	*out = lines;
	return n;
}
