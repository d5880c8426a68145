/*
 * money.c: totals, invoice, balance and cheques.
 *
 * Every amount is integer cents, summed with overflow checks; a line's
 * amount is the one engine.c computed (quantity times the price in force
 * on the day, rounded half up to the cent), so that the producers' totals,
 * the invoices and the balances add up to the same cents.
 *
 * Totals count what is prepared: the lines handed out, and the lines of
 * absent members unless the absence policy is skip (lost and donate
 * baskets are prepared all the same).  Invoices and balances count what
 * is billed, as engine.c says.
 *
 * Output shapes:
 * - totals: a row per product (producer, product, label, quantity,
 *   amount), sorted by producer then product as the files list them; by
 *   producer, a row per producer whose label is the producer's name and
 *   quantity empty (kilos and bunches do not add up).
 * - invoice: rows member, name, date, product, label, quantity,
 *   unit_price, amount, members sorted by name, each member's lines by
 *   date then product, then the member's total line: date, product,
 *   quantity and unit_price empty, label "total".  With -o json, one
 *   document {"month", "members": [{"member", "name", "lines": [{"date",
 *   "product", "label", "quantity", "unit_price", "amount"}], "total"}],
 *   "total"}; with -o jsonl, one member document a line (no grand total).
 * - balance: a row per member who received or paid anything up to the
 *   date, sorted by name.
 * - cheques: rows sorted by the day to cash them, then name, then a total
 *   line (name "total", amount the sum).  With -o json, a document
 *   {"month", "cheques": [rows], "count", "total"}; -o jsonl has the rows
 *   only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basket.h"
#include "cli.h"
#include "err.h"
#include "money.h"
#include "num.h"

/* ------------------------------------------------------------ helpers */

/* *sum += v, or dies: no association's accounts reach 2^63 cents. */
static void
add(int64_t *sum, int64_t v)
{
	if (num_add(*sum, v, sum) != 0)
		ess_die(EX_DATAERR, "%s", _("amounts too large to add up"));
}

/* The first and last days of a month. */
static void
month_days(int y, int m, ess_day *from, ess_day *to)
{
	*from = date_from_ymd(y, m, 1);
	*to = date_from_ymd(y, m, date_days_in_month(y, m));
}

/* The days where a distribution can have lines: from the first
 * subscription, order or move to the last (hi INT32_MAX when a
 * subscription has no end). */
static void
data_days(const struct basket *b, ess_day *lo, ess_day *hi)
{
	*lo = INT32_MAX;
	*hi = INT32_MIN;
	for (size_t i = 0; i < b->nsubs; i++) {
		if (b->subs[i].from < *lo)
			*lo = b->subs[i].from;
		if (b->subs[i].to > *hi)
			*hi = b->subs[i].to;
	}
	for (size_t i = 0; i < b->norders; i++) {
		if (b->orders[i].date < *lo)
			*lo = b->orders[i].date;
		if (b->orders[i].date > *hi)
			*hi = b->orders[i].date;
	}
	for (size_t i = 0; i < b->nmoves; i++) {
		if (b->moves[i].moved_to < *lo)
			*lo = b->moves[i].moved_to;
		if (b->moves[i].moved_to > *hi)
			*hi = b->moves[i].moved_to;
	}
}

/*
 * Calls fn for each distribution held from from (INT32_MIN: the first
 * day with data) to to, with its lines; outside the days with data they
 * have none and fn is not called.  Returns the number of distributions
 * held.
 */
typedef void each_fn(const struct basket *, ess_day, const struct line *, size_t, void *);

static long
each_distribution(const struct basket *b, ess_day from, ess_day to, each_fn *fn, void *arg)
{
	ess_day lo, hi;
	long held = 0;

	data_days(b, &lo, &hi);
	if (from == INT32_MIN)
		from = lo;
	for (ess_day d = from; d <= to; d++) {
		const char *why;
		ess_day nominal = distribution_on(b, d, &why);
		struct line *lines;
		size_t n;

		if (!nominal)
			continue;
		held++;
		if (d < lo || d > hi)
			continue;
		n = distribution_lines(b, d, nominal, &lines);
		fn(b, d, lines, n, arg);
		free(lines);
	}
	return held;
}

/* A quantity as pickup writes it: kilos with three decimals, else units. */
static char *
fmt_qty(const struct product *p, int64_t q, char *out)
{
	if (p->pricing == PRICE_KG)
		return num_format_fixed(q, 3, '.', out);
	return num_format_fixed(q / QTY_ONE, 0, '.', out);
}

static char *
fmt_cents(int64_t c, char *out)
{
	return num_format_fixed(c, 2, '.', out);
}

/* Cents as a JSON number (exact to the cent below 2^53 cents). */
static json_t *
json_cents(int64_t c)
{
	return json_real((double)c / 100);
}

static json_t *
json_qty(const struct product *p, int64_t q)
{
	if (p->pricing == PRICE_KG)
		return json_real((double)q / QTY_ONE);
	return json_integer(q / QTY_ONE);
}

static void
set(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) != 0)
		ess_die(EX_SOFTWARE, "%s", _("out of memory"));
}

static const struct basket *sort_b;

/* Members by name, then by their order in members.csv. */
static int
cmp_member(size_t a, size_t c)
{
	int r = strcmp(sort_b->members[a].sort_key, sort_b->members[c].sort_key);

	if (r)
		return r;
	return (a > c) - (a < c);
}

static int
by_member(const void *x, const void *y)
{
	return cmp_member(*(const size_t *)x, *(const size_t *)y);
}

/* ------------------------------------------------------------ totals */

struct totals {
	int64_t *qty, *cents;	/* per product */
};

/* A line's cost: what engine.c billed, or the same computation for a
 * prepared line that is not billed. */
static int64_t
line_cost(const struct line *l)
{
	int64_t c;

	if (l->billed)
		return l->amount;
	if (num_mul(l->qty, l->unit_price, &c) != 0 || num_add(c, QTY_ONE / 2, &c) != 0)
		ess_die(EX_DATAERR, "%s", _("amounts too large to add up"));
	return c / QTY_ONE;
}

static void
totals_add(const struct basket *b, ess_day d, const struct line *lines, size_t n, void *arg)
{
	struct totals *t = arg;

	(void)d;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		int prepared = l->status == ST_OK ||
			(l->status == ST_ABSENT && b->set.absence != ABS_SKIP);

		if (!prepared)
			continue;
		add(&t->qty[l->product], l->qty);
		add(&t->cents[l->product], line_cost(l));
	}
}

/* Products by producer (those without one last), then as listed. */
static int
by_producer(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, c = *(const size_t *)y;
	size_t pa = sort_b->products[a].producer, pc = sort_b->products[c].producer;

	if (pa != pc)
		return pa < pc ? -1 : 1;
	return (a > c) - (a < c);
}

int
cmd_totals(const struct basket *b, ess_day from, ess_day to, int by_product)
{
	static const struct wcol cols[] = {
		{ "producer", WT_TEXT }, { "product", WT_TEXT }, { "label", WT_TEXT },
		{ "quantity", WT_DEC }, { "amount", WT_DEC },
	};
	struct totals t;
	size_t *order, np = b->nproducts;
	struct writer w;
	char d1[16], d2[16], q[32];
	long held;
	int64_t all = 0;

	if (from == to) {
		const char *why;

		if (!distribution_on(b, from, &why))
			ess_die(EX_DATAERR, _("no distribution on %s: %s"), date_format(from, d1), _(why));
	}
	if (to < from)
		ess_die(EX_USAGE, _("the range ends (%s) before it starts (%s)"),
			date_format(to, d2), date_format(from, d1));
	t.qty = xcalloc(np + 1, sizeof *t.qty);
	t.cents = xcalloc(np + 1, sizeof *t.cents);
	held = each_distribution(b, from, to, totals_add, &t);
	order = xcalloc(np + 1, sizeof *order);
	for (size_t i = 0; i < np; i++)
		order[i] = i;
	sort_b = b;
	if (np)
		qsort(order, np, sizeof *order, by_producer);

	writer_open(&w, &cli.out);
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < np; ) {
		size_t pr = b->products[order[i]].producer, j;
		const char *prid = pr == (size_t)-1 ? "" : b->producers[pr].id;
		int64_t sum = 0;
		int any = 0;
		char am[32];

		for (j = i; j < np && b->products[order[j]].producer == pr; j++) {
			const struct product *p = &b->products[order[j]];
			const char *v[5];

			if (!t.qty[order[j]] && !t.cents[order[j]])
				continue;
			any = 1;
			add(&sum, t.cents[order[j]]);
			if (!by_product)
				continue;
			v[0] = prid;
			v[1] = p->id;
			v[2] = p->label;
			v[3] = fmt_qty(p, t.qty[order[j]], q);
			v[4] = fmt_cents(t.cents[order[j]], am);
			writer_row(&w, v);
		}
		if (any && !by_product) {
			const char *v[5] = { prid, "", pr == (size_t)-1 ? "" : b->producers[pr].name,
				"", fmt_cents(sum, am) };

			writer_row(&w, v);
		}
		add(&all, sum);
		i = j;
	}
	if (from == to)
		writer_note(&w, _("distribution of %s"), date_format(from, d1));
	else
		writer_note(&w, ngettext("%ld distribution from %s to %s", "%ld distributions from %s to %s",
			(unsigned long)held), held,
			date_format(from, d1), date_format(to, d2));
	writer_note(&w, _("total %s"), fmt_cents(all, q));
	writer_close(&w);
	free(order);
	free(t.qty);
	free(t.cents);
	return 0;
}

/* ------------------------------------------------------------ invoice */

struct billed {
	ess_day date;
	struct line l;
};

struct bills {
	struct billed *v;
	size_t n, cap;
};

static void
invoice_add(const struct basket *b, ess_day d, const struct line *lines, size_t n, void *arg)
{
	struct bills *bs = arg;

	(void)b;
	for (size_t i = 0; i < n; i++) {
		if (!lines[i].billed)
			continue;
		if (bs->n == bs->cap) {
			bs->cap = bs->cap ? 2 * bs->cap : 256;
			bs->v = xreallocarray(bs->v, bs->cap, sizeof *bs->v);
		}
		bs->v[bs->n++] = (struct billed){ d, lines[i] };
	}
}

/* Members by name, then date, then product as listed. */
static int
by_member_date(const void *x, const void *y)
{
	const struct billed *a = x, *c = y;
	int r = cmp_member(a->l.member, c->l.member);

	if (r)
		return r;
	if (a->date != c->date)
		return a->date < c->date ? -1 : 1;
	return (a->l.product > c->l.product) - (a->l.product < c->l.product);
}

int
cmd_invoice(const struct basket *b, int year, int month)
{
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "date", WT_TEXT },
		{ "product", WT_TEXT }, { "label", WT_TEXT }, { "quantity", WT_DEC },
		{ "unit_price", WT_DEC }, { "amount", WT_DEC },
	};
	struct bills bs = { NULL, 0, 0 };
	ess_day from, to;
	struct writer w;
	json_t *doc = NULL, *mdoc = NULL, *mlines = NULL;
	char mname[16], tot[32];
	int64_t all = 0, sum = 0;
	size_t members = 0;

	month_days(year, month, &from, &to);
	snprintf(mname, sizeof mname, "%04d-%02d", year, month);
	each_distribution(b, from, to, invoice_add, &bs);
	sort_b = b;
	if (bs.n)
		qsort(bs.v, bs.n, sizeof *bs.v, by_member_date);

	writer_open(&w, &cli.out);
	if (w.format == OF_JSON) {
		doc = json_object();
		set(doc, "month", json_string(mname));
		writer_doc(&w, doc, "members");
	} else if (w.format != OF_JSONL) {
		writer_columns(&w, cols, sizeof cols / sizeof *cols);
	}
	for (size_t i = 0; i < bs.n; i++) {
		const struct billed *e = &bs.v[i];
		const struct member *m = &b->members[e->l.member];
		const struct product *p = &b->products[e->l.product];
		int first = i == 0 || bs.v[i - 1].l.member != e->l.member;
		int last = i + 1 == bs.n || bs.v[i + 1].l.member != e->l.member;
		char date[16], q[32], up[32], am[32];

		if (first) {
			sum = 0;
			members++;
		}
		add(&sum, e->l.amount);
		add(&all, e->l.amount);
		date_format(e->date, date);
		if (w.format == OF_JSON || w.format == OF_JSONL) {
			json_t *o = json_object();

			if (first) {
				mdoc = json_object();
				mlines = json_array();
				set(mdoc, "member", json_string(m->id));
				set(mdoc, "name", json_string(m->name));
				set(mdoc, "lines", mlines);
			}
			set(o, "date", json_string(date));
			set(o, "product", json_string(p->id));
			set(o, "label", json_string(p->label));
			set(o, "quantity", json_qty(p, e->l.qty));
			set(o, "unit_price", json_cents(e->l.unit_price));
			set(o, "amount", json_cents(e->l.amount));
			json_array_append_new(mlines, o);
			if (!last)
				continue;
			set(mdoc, "total", json_cents(sum));
			if (w.format == OF_JSON) {
				json_array_append_new(w.docrows, mdoc);
			} else {
				FILE *fp = writer_file(&w);

				if (json_dumpf(mdoc, fp, JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0 ||
				    fputc('\n', fp) == EOF)
					ess_die_errno(EX_IOERR, "%s", _("write error"));
				json_decref(mdoc);
			}
			continue;
		}
		{
			const char *v[8] = { m->id, m->name, date, p->id, p->label,
				fmt_qty(p, e->l.qty, q), fmt_cents(e->l.unit_price, up),
				fmt_cents(e->l.amount, am) };

			writer_row(&w, v);
		}
		if (last) {
			const char *v[8] = { m->id, m->name, "", "", "total", "", "",
				fmt_cents(sum, am) };

			writer_row(&w, v);
		}
	}
	if (doc)
		set(doc, "total", json_cents(all));
	writer_note(&w, ngettext("invoices of %s: %zu member, total %s",
		"invoices of %s: %zu members, total %s", members), mname, members,
		fmt_cents(all, tot));
	writer_close(&w);
	free(bs.v);
	return 0;
}

/* ------------------------------------------------------------ balance */

struct accounts {
	int64_t *delivered, *paid;
	char *active;
};

static void
balance_add(const struct basket *b, ess_day d, const struct line *lines, size_t n, void *arg)
{
	struct accounts *a = arg;

	(void)b;
	(void)d;
	for (size_t i = 0; i < n; i++) {
		if (!lines[i].billed)
			continue;
		add(&a->delivered[lines[i].member], lines[i].amount);
		a->active[lines[i].member] = 1;
	}
}

int
cmd_balance(const struct basket *b, ess_day on)
{
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "delivered", WT_DEC },
		{ "paid", WT_DEC }, { "balance", WT_DEC },
	};
	size_t nm = b->nmembers, *order, n = 0;
	struct accounts a;
	struct writer w;
	int64_t tdel = 0, tpaid = 0, tbal = 0;
	char d[16], s1[32], s2[32], s3[32];

	if (!on)
		on = b->today;
	a.delivered = xcalloc(nm + 1, sizeof *a.delivered);
	a.paid = xcalloc(nm + 1, sizeof *a.paid);
	a.active = xcalloc(nm + 1, 1);
	each_distribution(b, INT32_MIN, on, balance_add, &a);
	for (size_t i = 0; i < b->npayments; i++) {
		const struct payment *p = &b->payments[i];

		if (p->date > on)
			continue;
		add(&a.paid[p->member], p->cents);
		a.active[p->member] = 1;
	}
	order = xcalloc(nm + 1, sizeof *order);
	for (size_t i = 0; i < nm; i++)
		if (a.active[i])
			order[n++] = i;
	sort_b = b;
	if (n)
		qsort(order, n, sizeof *order, by_member);

	writer_open(&w, &cli.out);
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		size_t m = order[i];
		int64_t bal = a.paid[m];
		const char *v[5];

		if (num_add(bal, -a.delivered[m], &bal) != 0)
			ess_die(EX_DATAERR, "%s", _("amounts too large to add up"));
		add(&tdel, a.delivered[m]);
		add(&tpaid, a.paid[m]);
		add(&tbal, bal);
		v[0] = b->members[m].id;
		v[1] = b->members[m].name;
		v[2] = fmt_cents(a.delivered[m], s1);
		v[3] = fmt_cents(a.paid[m], s2);
		v[4] = fmt_cents(bal, s3);
		writer_row(&w, v);
	}
	writer_note(&w, _("balances on %s: delivered %s, paid %s, balance %s"),
		date_format(on, d), fmt_cents(tdel, s1), fmt_cents(tpaid, s2), fmt_cents(tbal, s3));
	writer_close(&w);
	free(order);
	free(a.delivered);
	free(a.paid);
	free(a.active);
	return 0;
}

/* ------------------------------------------------------------ cheques */

/* The day a cheque is to be cashed. */
static ess_day
cash_day(const struct payment *p)
{
	return p->cash_on ? p->cash_on : p->date;
}

static int
by_cash_day(const void *x, const void *y)
{
	const struct payment *a = &sort_b->payments[*(const size_t *)x];
	const struct payment *c = &sort_b->payments[*(const size_t *)y];
	int r;

	if (cash_day(a) != cash_day(c))
		return cash_day(a) < cash_day(c) ? -1 : 1;
	if ((r = cmp_member(a->member, c->member)) != 0)
		return r;
	return (a > c) - (a < c);
}

int
cmd_cheques(const struct basket *b, int year, int month)
{
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "date", WT_TEXT },
		{ "amount", WT_DEC }, { "cheque_no", WT_TEXT }, { "cash_on", WT_TEXT },
	};
	size_t *order = xcalloc(b->npayments + 1, sizeof *order), n = 0;
	ess_day from, to;
	struct writer w;
	json_t *doc = NULL;
	int64_t total = 0;
	char mname[16], d1[16], d2[16], am[32];

	month_days(year, month, &from, &to);
	snprintf(mname, sizeof mname, "%04d-%02d", year, month);
	for (size_t i = 0; i < b->npayments; i++) {
		const struct payment *p = &b->payments[i];

		if (p->method == PAY_CHEQUE && from <= cash_day(p) && cash_day(p) <= to)
			order[n++] = i;
	}
	sort_b = b;
	if (n)
		qsort(order, n, sizeof *order, by_cash_day);

	writer_open(&w, &cli.out);
	if (w.format == OF_JSON) {
		doc = json_object();
		set(doc, "month", json_string(mname));
		writer_doc(&w, doc, "cheques");
	}
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		const struct payment *p = &b->payments[order[i]];
		const char *v[6] = { b->members[p->member].id, b->members[p->member].name,
			date_format(p->date, d1), fmt_cents(p->cents, am), p->cheque_no,
			date_format(cash_day(p), d2) };

		add(&total, p->cents);
		writer_row(&w, v);
	}
	if (doc) {
		set(doc, "count", json_integer((json_int_t)n));
		set(doc, "total", json_cents(total));
	} else if (w.format != OF_JSONL) {
		const char *v[6] = { "", "total", "", fmt_cents(total, am), "", "" };

		writer_row(&w, v);
	}
	writer_note(&w, ngettext("%zu cheque to cash in %s", "%zu cheques to cash in %s", n), n, mname);
	writer_close(&w);
	free(order);
	return 0;
}
