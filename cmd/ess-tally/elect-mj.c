/*
 * elect-mj.c: majority judgment (Balinski and Laraki, "Majority
 * Judgment", MIT Press 2011).
 *
 * The sink keeps, per candidate, how many judgments of each grade it got
 * (grade 0 the worst), and the weight of the ballots: memory does not
 * depend on the number of ballots.  A ballot that gives a candidate no
 * grade counts as --default-grade for it, or without that option as the
 * worst grade ("à rejeter", "reject"): a voter who did not judge a
 * candidate gives it no support, and a candidate cannot climb by being
 * left out (the conservative reading; --default-grade says otherwise).  With grade-count
 * tallies, the voters are the most judgments any candidate got, and a
 * candidate with fewer is filled up the same way.
 *
 * The majority grade is the median, the lower middle one for an even
 * number of judgments: with n judgments sorted worst first, the one at
 * (0-based) position (n - 1) / 2.  Candidates are ranked by their
 * majority value: the sequence of majority grades obtained by removing
 * one median judgment at a time, compared lexicographically.  It is
 * computed exactly from the counts, without a list of judgments: while
 * two candidates' current medians are equal, both lose the same number of
 * judgments of that grade, as many as the shorter of their runs (a run,
 * how many times in a row the median stays the same grade, is found by a
 * binary search on the counts), until the medians differ.  Identical
 * counts are a tie.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "num.h"
#include "text.h"
#include "election.h"

struct mj {
	int64_t *cnt;		/* cnt[c * ng + g] */
	size_t nc, ng;
	int64_t total;		/* the weight of the ballots */
	int64_t *profile;	/* the result's merit profile, lent to it */
};

static void
mj_resize(struct mj *s, size_t nc, size_t ng)
{
	int64_t *n;
	size_t c;

	if (nc <= s->nc && ng <= s->ng)
		return;
	if (nc < s->nc)
		nc = s->nc;
	if (ng < s->ng)
		ng = s->ng;
	n = xcalloc(nc * ng + 1, sizeof *n);
	for (c = 0; c < s->nc; c++)
		memcpy(n + c * ng, s->cnt + c * s->ng, s->ng * sizeof *n);
	free(s->cnt);
	s->cnt = n;
	s->nc = nc;
	s->ng = ng;
}

static void
mj_add(struct election *e, const struct ballot *b)
{
	struct mj *s = e->sink.state;
	size_t i;

	if (b->kind != BK_GRADE && b->kind != BK_SCORE)
		ess_die_at(EX_DATAERR, b->file, b->line, b->col,
			"%s", _("majority judgment needs grades (one column per candidate), not rankings or approvals"));
	if (num_add(s->total, b->weight, &s->total) < 0)
		ess_die_at(EX_DATAERR, b->file, b->line, b->col, "%s", _("too many votes: the count overflows"));
	for (i = 0; i < b->n; i++) {
		int64_t *p;

		if (b->value[i] < 0 || b->value[i] > 1000)
			ess_die_at(EX_DATAERR, b->file, b->line, b->col,
				_("grade %" PRId32 " out of range: grades go from 0 (the worst) up"), b->value[i]);
		mj_resize(s, e->nc > b->cand[i] ? e->nc : b->cand[i] + 1, (size_t)b->value[i] + 1);
		p = &s->cnt[b->cand[i] * s->ng + (size_t)b->value[i]];
		if (num_add(*p, b->weight, p) < 0)
			ess_die_at(EX_DATAERR, b->file, b->line, b->col, "%s", _("too many votes: the count overflows"));
	}
}

static void
mj_grow(struct election *e, size_t nc)
{
	mj_resize(e->sink.state, nc, ((struct mj *)e->sink.state)->ng);
}

static void
mj_release(struct election *e)
{
	struct mj *s = e->sink.state;

	free(s->cnt);
	free(s->profile);
	free(s);
	e->sink.state = NULL;
}

void
mj_sink(struct election *e)
{
	struct mj *s = xcalloc(1, sizeof *s);

	e->sink.add = mj_add;
	e->sink.grow = mj_grow;
	e->sink.release = mj_release;
	e->sink.state = s;
	mj_resize(s, e->nc, e->ngrades ? e->ngrades : 1);
}

/* The grade of --default-grade: a grade name (folded) or number. */
static size_t
default_grade(const struct election *e, const char *s)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	int64_t n;
	size_t g;

	if (num_parse_int(s, &n) == 0 && n >= 0 && n <= 1000)
		return (size_t)n;
	text_fold(&a, s, strlen(s));
	for (g = 0; g < e->ngrades; g++) {
		buf_reset(&b);
		text_fold(&b, e->grades[g], strlen(e->grades[g]));
		if (strcmp(a.data, b.data) == 0)
			break;
	}
	buf_release(&a);
	buf_release(&b);
	if (g == e->ngrades)
		ess_die(EX_USAGE, _("--default-grade: '%s' is not a grade of this election"), s);
	return g;
}

/* A candidate's judgments being walked: counts, how many, the median. */
struct walk {
	int64_t *c;
	int64_t n;
	size_t ng;
};

/* The median grade (lower middle) and the judgments below it. */
static size_t
walk_median(const struct walk *w, int64_t *below)
{
	int64_t pos = (w->n - 1) / 2, acc = 0;
	size_t g;

	for (g = 0; g < w->ng; g++) {
		if (acc + w->c[g] > pos)
			break;
		acc += w->c[g];
	}
	*below = acc;
	return g;
}

/* How many times in a row the median stays grade g (at least 1). */
static int64_t
walk_run(const struct walk *w, size_t g, int64_t below)
{
	int64_t lo = 0, hi = w->c[g] - 1;

	/* The largest j in [0, c-1] with the median of n - j judgments in g's
	 * block once j of them are gone: both bounds only get worse with j. */
	while (lo < hi) {
		int64_t j = lo + (hi - lo + 1) / 2, p = (w->n - j - 1) / 2;

		if (p >= below && p <= below + w->c[g] - j - 1)
			lo = j;
		else
			hi = j - 1;
	}
	return lo + 1;
}

/* > 0 when a's majority value is better than b's, < 0 worse, 0 equal. */
static int
mj_compare(const int64_t *a, const int64_t *b, size_t ng, int64_t *wa, int64_t *wb)
{
	struct walk x = { wa, 0, ng }, y = { wb, 0, ng };
	size_t g;

	if (memcmp(a, b, ng * sizeof *a) == 0)
		return 0;
	memcpy(wa, a, ng * sizeof *a);
	memcpy(wb, b, ng * sizeof *b);
	for (g = 0; g < ng; g++) {
		x.n += a[g];
		y.n += b[g];
	}
	while (x.n > 0 && y.n > 0) {
		int64_t bx, by, k, ry, rx;
		size_t mx = walk_median(&x, &bx), my = walk_median(&y, &by);

		if (mx != my)
			return mx > my ? 1 : -1;
		rx = walk_run(&x, mx, bx);
		ry = walk_run(&y, my, by);
		k = rx < ry ? rx : ry;
		x.c[mx] -= k;
		x.n -= k;
		y.c[my] -= k;
		y.n -= k;
	}
	return 0;
}

void
mj_run(struct election *e, struct eresult *r)
{
	struct mj *s = e->sink.state;
	size_t nc = e->nc, ng, i, j, k, *order, fill = 0;
	int64_t *cnt, *wa, *wb, voters;
	int tally = e->format && strcmp(e->format, "grade-counts") == 0;
	static const struct ecol cols[] = {
		{ "median", WT_TEXT }, { "above", WT_INT }, { "below", WT_INT },
	};
	char above[32], below[32], gname[32];
	const char *vals[3];
	long rank;
	struct buf b = BUF_INIT;

	if (eopt.default_grade)
		fill = default_grade(e, eopt.default_grade);
	ng = s->ng > e->ngrades ? s->ng : e->ngrades;
	if (fill + 1 > ng)
		ng = fill + 1;
	if (ng == 0)
		ng = 1;
	mj_resize(s, nc, ng);
	ng = s->ng;
	cnt = s->cnt;
	/* Missing judgments: up to the weight of the ballots, or for grade
	 * counts up to the most judgments a candidate got (the voters). */
	voters = s->total;
	if (tally)
		for (i = 0, voters = 0; i < nc; i++) {
			int64_t n = 0;

			for (k = 0; k < ng; k++)
				n += cnt[i * ng + k];
			if (n > voters)
				voters = n;
		}
	for (i = 0; i < nc; i++) {
		int64_t n = 0;

		for (k = 0; k < ng; k++)
			n += cnt[i * ng + k];
		cnt[i * ng + fill] += voters - n;
	}
	wa = xcalloc(ng, sizeof *wa);
	wb = xcalloc(ng, sizeof *wb);
	order = xcalloc(nc + 1, sizeof *order);
	/* Insertion sort by majority value, best first (stable). */
	for (i = 0; i < nc; i++) {
		for (j = i; j > 0 && mj_compare(cnt + i * ng, cnt + order[j - 1] * ng, ng, wa, wb) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	/* A tie for first place, broken by --tie-break when asked. */
	for (j = 1; j < nc && mj_compare(cnt + order[0] * ng, cnt + order[j] * ng, ng, wa, wb) == 0; j++)
		;
	if (j > 1) {
		uint32_t *tied = xcalloc(j, sizeof *tied);
		long pick;

		for (k = 0; k < j; k++)
			tied[k] = (uint32_t)order[k];
		buf_adds(&b, _("first place among "));
		for (k = 0; k < j; k++)
			buf_printf(&b, "%s%s", k ? ", " : "", e->names[order[k]]);
		pick = tie_break(r, tied, j, b.data, NULL, 0, 1);
		if (pick < 0)
			r->tied_winners = 1;
		else
			for (k = 0; k < j; k++)
				if (order[k] == (size_t)pick) {
					memmove(order + 1, order, k * sizeof *order);
					order[0] = (size_t)pick;
				}
		free(tied);
		if (pick >= 0)
			j = 1;
	}
	eresult_columns(r, cols, 3);
	vals[0] = gname;
	vals[1] = above;
	vals[2] = below;
	r->profile = s->profile = xcalloc(nc * ng + 1, sizeof *r->profile);
	r->nprofile = ng;
	rank = 1;
	for (i = 0; i < nc; i = k) {
		size_t first = i;

		/* The tie group: the broken first place stands alone. */
		for (k = i + 1; k < nc && !(i == 0 && j == 1) &&
		    mj_compare(cnt + order[i] * ng, cnt + order[k] * ng, ng, wa, wb) == 0; k++)
			;
		for (; i < k; i++) {
			const int64_t *c = cnt + order[i] * ng;
			struct walk w = { wa, 0, ng };
			int64_t bel, ab = 0;
			size_t g;

			memcpy(wa, c, ng * sizeof *c);
			for (g = 0; g < ng; g++)
				w.n += c[g];
			g = w.n ? walk_median(&w, &bel) : 0;
			if (!w.n)
				bel = 0;
			for (size_t h = g + 1; h < ng; h++)
				ab += c[h];
			if (g < e->ngrades)
				snprintf(gname, sizeof gname, "%s", e->grades[g]);
			else
				snprintf(gname, sizeof gname, "%zu", g);
			if (!w.n)
				gname[0] = '\0';
			snprintf(above, sizeof above, "%" PRId64, ab);
			snprintf(below, sizeof below, "%" PRId64, bel);
			memcpy(r->profile + (size_t)r->nranking * ng, c, ng * sizeof *c);
			eresult_rank(r, (uint32_t)order[i], rank, k - first > 1, NULL, vals);
		}
		rank += (long)(k - first);
	}
	buf_reset(&b);
	{
		const char *gn = fill < e->ngrades ? e->grades[fill] : NULL;

		snprintf(gname, sizeof gname, "%zu", fill);
		buf_printf(&b, _("majority judgment: the majority grade is the median (the lower middle one "
			"for an even number of judgments); ties on it broken by the majority value "
			"(medians removed one at a time); a missing judgment counts as '%s'"), gn ? gn : gname);
	}
	free(r->rule);
	r->rule = buf_detach(&b);
	free(wa);
	free(wb);
	free(order);
}
