/*
 * pickup.c: the pick-up sheet of one distribution: a line per member and
 * product, members sorted by name.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "basket.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "text.h"

int pickup(const struct basket *b, ess_day d, int next);

static const struct basket *sort_b;

static int
by_name(const void *x, const void *y)
{
	const struct line *a = x, *c = y;
	int r = strcoll(sort_b->members[a->member].name, sort_b->members[c->member].name);

	if (r)
		return r;
	if (a->member != c->member)
		return a->member < c->member ? -1 : 1;
	return (a->product > c->product) - (a->product < c->product);
}

/* Today, in the local calendar. */
static ess_day
today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
pickup(const struct basket *b, ess_day d, int next)
{
	static const char *const status[] = { "ok", "absent", "cancelled", "shared-turn" };
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "product", WT_TEXT },
		{ "label", WT_TEXT }, { "quantity", WT_DEC }, { "unit_price", WT_DEC },
		{ "amount", WT_DEC }, { "status", WT_TEXT }, { "membership", WT_TEXT },
	};
	struct line *lines;
	const char *why;
	ess_day nominal;
	size_t n;
	struct writer w;
	char date[16];

	if (next) {
		d = today();
		for (int i = 0; i < 400 && !distribution_on(b, d, &why); i++)
			d++;
	}
	nominal = distribution_on(b, d, &why);
	if (!nominal)
		ess_die(EX_DATAERR, _("no distribution on %s: %s"), date_format(d, date), _(why));
	n = distribution_lines(b, d, nominal, &lines);
	sort_b = b;
	if (n)
		qsort(lines, n, sizeof *lines, by_name);
	writer_open(&w, &cli.out);
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		const struct product *p = &b->products[l->product];
		char q[32], up[32], am[32];
		const char *v[9];

		num_format_fixed(l->qty, p->pricing == PRICE_KG ? 3 : 0, '.',
			q);
		if (p->pricing != PRICE_KG)
			snprintf(q, sizeof q, "%lld", (long long)(l->qty / QTY_ONE));
		num_format_fixed(l->unit_price, 2, '.', up);
		num_format_fixed(l->amount, 2, '.', am);
		v[0] = b->members[l->member].id;
		v[1] = b->members[l->member].name;
		v[2] = p->id;
		v[3] = p->label;
		v[4] = q;
		v[5] = up;
		v[6] = am;
		v[7] = status[l->status];
		v[8] = l->visit ? "visit" : l->membership ? "valid" : "lapsed";
		writer_row(&w, v);
	}
	writer_note(&w, _("distribution of %s"), date_format(d, date));
	writer_close(&w);
	free(lines);
	return 0;
}
