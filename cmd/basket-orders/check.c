/*
 * check.c: cross-checks of the data folder, beyond what reading each file
 * checks: overlapping subscriptions, products without a price in force,
 * subscriptions and orders of members without a valid membership, orders
 * on days without a distribution.  Each problem is said at its file:line;
 * the status is 65 when there is any.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "basket.h"
#include "err.h"

/* The price of product p in force on day d, or -1 when none is. */
static int64_t
price_on(const struct product *p, ess_day d)
{
	int64_t cents = -1;

	for (size_t i = 0; i < p->nprices && p->prices[i].from <= d; i++)
		cents = p->prices[i].cents;
	return cents;
}

/* Whether member m holds a membership valid on day d: a membership paid
 * in the year of d (calendar year), or in the twelve months before d
 * (rolling); a visit is valid on the day it was paid. */
static int
member_valid(const struct basket *b, size_t m, ess_day d)
{
	int y, mo, dd, py, pm, pd;

	date_to_ymd(d, &y, &mo, &dd);
	for (size_t i = 0; i < b->nmemberships; i++) {
		const struct membership *ms = &b->memberships[i];

		if (ms->member != m || ms->paid_on > d)
			continue;
		if (ms->kind == KIND_VISIT) {
			if (ms->paid_on == d)
				return 1;
			continue;
		}
		date_to_ymd(ms->paid_on, &py, &pm, &pd);
		if (b->set.year == YEAR_CALENDAR ? py == y : date_add_months(ms->paid_on, 12) > d)
			return 1;
	}
	return 0;
}

/* Whether a distribution is held on day d: the distribution weekday and
 * not closed, or a day a distribution was moved to. */
static int
held_on(const struct basket *b, ess_day d)
{
	for (size_t i = 0; i < b->nmoves; i++) {
		if (b->moves[i].moved_to == d)
			return 1;
		if (b->moves[i].date == d)
			return 0;
	}
	if (date_weekday(d) != b->set.weekday)
		return 0;
	for (size_t i = 0; i < b->nclosures; i++)
		if (b->closures[i].from <= d && d <= b->closures[i].to)
			return 0;
	return 1;
}

static long problems;

static void
problem(const struct where *at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
problem(const struct where *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ess_warn_at(at->file, at->line, 0, "%s", msg);
	problems++;
}

int
basket_check(const struct basket *b)
{
	char d1[16], d2[16];

	for (size_t i = 0; i < b->nsubs; i++) {
		const struct subscription *s = &b->subs[i];
		const struct product *p = &b->products[s->product];

		for (size_t j = i + 1; j < b->nsubs; j++) {
			const struct subscription *t = &b->subs[j];

			if (t->member == s->member && t->product == s->product &&
			    t->from <= s->to && s->from <= t->to)
				problem(&t->at, _("member '%s' already subscribes to '%s' then (line %ld)"),
					b->members[s->member].id, p->id, s->at.line);
		}
		if (price_on(p, s->from) < 0)
			problem(&s->at, _("product '%s' has no price in force on %s"), p->id,
				date_format(s->from, d1));
		if (!member_valid(b, s->member, s->from))
			problem(&s->at, _("member '%s' has no valid membership on %s"),
				b->members[s->member].id, date_format(s->from, d1));
		if (!held_on(b, s->from) && date_weekday(s->from) != b->set.weekday)
			problem(&s->at, _("%s is not a distribution day"), date_format(s->from, d1));
	}
	for (size_t i = 0; i < b->norders; i++) {
		const struct order *o = &b->orders[i];
		const struct product *p = &b->products[o->product];

		if (!held_on(b, o->date))
			problem(&o->at, _("%s is not a distribution day"), date_format(o->date, d1));
		if (price_on(p, o->date) < 0)
			problem(&o->at, _("product '%s' has no price in force on %s"), p->id,
				date_format(o->date, d2));
		if (o->qty && !member_valid(b, o->member, o->date))
			problem(&o->at, _("member '%s' has no valid membership on %s"),
				b->members[o->member].id, date_format(o->date, d1));
	}
	if (problems) {
		ess_warn(ngettext("%ld problem", "%ld problems", (unsigned long)problems), problems);
		return EX_DATAERR;
	}
	return 0;
}
