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

/* Whether a distribution is held on day d. */
static int
held_on(const struct basket *b, ess_day d)
{
	const char *why;

	return distribution_on(b, d, &why) != 0;
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
	int visit;

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
		if (!member_valid(b, s->member, s->from, &visit))
			problem(&s->at, _("member '%s' has no valid membership on %s"),
				b->members[s->member].id, date_format(s->from, d1));
		if (date_weekday(s->from) != b->set.weekday)
			problem(&s->at, _("%s is not a distribution day"), date_format(s->from, d1));
	}
	for (size_t i = 0; i < b->norders; i++) {
		const struct order *o = &b->orders[i];
		const struct product *p = &b->products[o->product];

		if (o->late) {
			char s1[20], s2[20];

			problem(&o->at, _("ordered at %s, after the deadline of %s (order_deadline_hours): "
				"not applied"), stamp_format(o->placed, s1),
				stamp_format(order_deadline(b, o->date), s2));
		}
		if (!held_on(b, o->date))
			problem(&o->at, _("%s is not a distribution day"), date_format(o->date, d1));
		if (price_on(p, o->date) < 0)
			problem(&o->at, _("product '%s' has no price in force on %s"), p->id,
				date_format(o->date, d2));
		if (o->qty && !member_valid(b, o->member, o->date, &visit))
			problem(&o->at, _("member '%s' has no valid membership on %s"),
				b->members[o->member].id, date_format(o->date, d1));
	}
	problems += basket_rejected;
	if (problems) {
		ess_warn(ngettext("%ld problem", "%ld problems", (unsigned long)problems), problems);
		return EX_DATAERR;
	}
	return 0;
}
