/*
 * elect-irv.c: the distinct rankings of IRV and STV, and instant-runoff.
 *
 * rankings_sink groups identical ballots: a ranking's bytes (its
 * (candidate, level) pairs, sorted) are the key of a hash map whose slot
 * indexes an array of weights, so memory grows with distinct rankings,
 * never with ballots.
 *
 * irv_run counts rounds.  Each round every ballot counts for its highest
 * ranked continuing candidates; when several continuing candidates share
 * that level, the ballot is split equally between them, exactly: votes are
 * kept as integers in units of 1/D, D the least common multiple of 1..g
 * for g the largest group of tied candidates on any ballot.  A ballot with
 * no continuing candidate left is exhausted and no longer counted (the
 * unranked candidates are never counted, whatever --unranked says).  A
 * candidate with more than half of the votes of the round (exhausted
 * ballots left out) is elected, as is the last continuing one.  Otherwise
 * the candidate with the fewest votes is excluded.  When several share
 * the fewest votes: if their votes together are fewer than those of every
 * other continuing candidate they are excluded together (the order in
 * which they go could not change anything); otherwise --tie-break decides,
 * and without a rule the count stops there and the continuing candidates
 * are reported tied.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "num.h"
#include "election.h"

/* ---- The distinct rankings ---- */

struct rsink {
	struct map m;
	int64_t *w;		/* weight per slot */
	size_t cap;
	uint32_t *pairs;	/* the ballot being keyed: cand, level, ... */
	size_t pcap;
	struct ranking *list;	/* built by rankings_get */
	size_t nlist;
};

static void
rankings_add(struct election *e, const struct ballot *b)
{
	struct rsink *s = e->sink.state;
	size_t i, j, slot;
	uint32_t lvl = 0, prev = 0;
	int added;

	if (b->kind != BK_RANKED)
		ess_die_at(EX_DATAERR, b->file, b->line, b->col,
			"%s", _("this method needs ranked ballots (A>B=C>D), not approvals, scores or grades"));
	if (b->n * 2 > s->pcap) {
		s->pcap = b->n * 2 + 16;
		s->pairs = xreallocarray(s->pairs, s->pcap, sizeof *s->pairs);
	}
	/* (level, candidate) pairs sorted: insertion sort, ballots are short. */
	for (i = 0; i < b->n; i++) {
		uint32_t c = b->cand[i], l = b->level ? b->level[i] : (uint32_t)i + 1;

		for (j = i; j > 0 && (s->pairs[2 * (j - 1) + 1] > l ||
		    (s->pairs[2 * (j - 1) + 1] == l && s->pairs[2 * (j - 1)] > c)); j--) {
			s->pairs[2 * j] = s->pairs[2 * (j - 1)];
			s->pairs[2 * j + 1] = s->pairs[2 * (j - 1) + 1];
		}
		s->pairs[2 * j] = c;
		s->pairs[2 * j + 1] = l;
	}
	/* Levels renumbered 1, 2, 3... */
	for (i = 0; i < b->n; i++) {
		if (i == 0 || s->pairs[2 * i + 1] != prev)
			lvl++;
		prev = s->pairs[2 * i + 1];
		s->pairs[2 * i + 1] = lvl;
	}
	slot = map_put(&s->m, (const char *)s->pairs, b->n * 2 * sizeof *s->pairs, &added);
	if (slot >= s->cap) {
		size_t old = s->cap;

		s->cap = s->cap ? s->cap * 2 : 256;
		s->w = xreallocarray(s->w, s->cap, sizeof *s->w);
		memset(s->w + old, 0, (s->cap - old) * sizeof *s->w);
	}
	if (num_add(s->w[slot], b->weight, &s->w[slot]) < 0)
		ess_die_at(EX_DATAERR, b->file, b->line, b->col,
			"%s", _("too many votes: the count overflows"));
}

static void
rankings_grow(struct election *e, size_t nc)
{
	(void)e;
	(void)nc;
}

static void
rankings_release(struct election *e)
{
	struct rsink *s = e->sink.state;
	size_t i;

	for (i = 0; i < s->nlist; i++) {
		free(s->list[i].cand);
		free(s->list[i].level);
	}
	free(s->list);
	free(s->w);
	free(s->pairs);
	map_release(&s->m);
	free(s);
	e->sink.state = NULL;
}

void
rankings_sink(struct election *e)
{
	struct rsink *s = xcalloc(1, sizeof *s);

	map_init(&s->m);
	e->sink.add = rankings_add;
	e->sink.grow = rankings_grow;
	e->sink.release = rankings_release;
	e->sink.state = s;
}

size_t
rankings_get(struct election *e, struct ranking **out)
{
	struct rsink *s = e->sink.state;
	size_t i, k;

	if (!s->list && s->m.n) {
		s->list = xcalloc(s->m.n, sizeof *s->list);
		for (i = 0; i < s->m.n; i++) {
			size_t len;
			const char *key = map_key(&s->m, i, &len);
			struct ranking *rk = &s->list[i];
			uint32_t *p;

			rk->weight = s->w[i];
			rk->n = len / (2 * sizeof(uint32_t));
			p = xmalloc(2 * rk->n * sizeof *p + 1);
			memcpy(p, key, len);
			rk->cand = xcalloc(rk->n + 1, sizeof *rk->cand);
			rk->level = xcalloc(rk->n + 1, sizeof *rk->level);
			for (k = 0; k < rk->n; k++) {
				rk->cand[k] = p[2 * k];
				rk->level[k] = p[2 * k + 1];
			}
			free(p);
		}
		s->nlist = s->m.n;
	}
	*out = s->list;
	return s->nlist;
}

/* ---- Instant-runoff ---- */

enum { CONT, ELECTED, EXCLUDED, WITHDRAWN };

static int64_t
gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* v/d reduced, "7" or "25/2". */
static void
frac_text(char *out, size_t size, int64_t v, int64_t d)
{
	int64_t g = gcd64(v < 0 ? -v : v, d);

	if (g == 0)
		g = 1;
	if (d / g == 1)
		snprintf(out, size, "%" PRId64, v / g);
	else
		snprintf(out, size, "%" PRId64 "/%" PRId64, v / g, d / g);
}

/* The largest group of candidates sharing a level on any ranking. */
static size_t
largest_tie(const struct ranking *rk, size_t nr)
{
	size_t i, k, g = 1;

	for (i = 0; i < nr; i++)
		for (k = 0; k < rk[i].n;) {
			size_t j = k;

			while (j < rk[i].n && rk[i].level[j] == rk[i].level[k])
				j++;
			if (j - k > g)
				g = j - k;
			k = j;
		}
	return g;
}

/* Counts one round: votes[c] in units of 1/d; returns the exhausted. */
static int64_t
irv_count(const struct ranking *rk, size_t nr, const unsigned char *state,
	size_t nc, int64_t d, int64_t *votes)
{
	size_t i, k;
	int64_t exhausted = 0;

	memset(votes, 0, nc * sizeof *votes);
	for (i = 0; i < nr; i++) {
		int64_t w = rk[i].weight * d;	/* checked by the caller */
		int done = 0;

		for (k = 0; k < rk[i].n && !done;) {
			size_t j = k, m = 0;

			while (j < rk[i].n && rk[i].level[j] == rk[i].level[k]) {
				if (state[rk[i].cand[j]] == CONT)
					m++;
				j++;
			}
			if (m) {
				for (; k < j; k++)
					if (state[rk[i].cand[k]] == CONT)
						votes[rk[i].cand[k]] += w / (int64_t)m;
				done = 1;
			}
			k = j;
		}
		if (!done)
			exhausted += w;
	}
	return exhausted;
}

void
names_text(struct buf *b, const struct election *e, const uint32_t *cands, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_adds(b, ", ");
		buf_adds(b, e->names[cands[i]]);
	}
}

size_t
exclusion_pick(struct eresult *r, const struct election *e, const int64_t *v,
	const unsigned char *state, unsigned char cont, size_t keep, struct buf *what,
	const int64_t *const *hist, size_t nhist, uint32_t *tied, size_t *ntiedp, uint32_t *out)
{
	int64_t minv = -1, next = -1, sumtied = 0;
	size_t ncont = 0, ntied = 0;
	long pick;

	for (size_t i = 0; i < e->nc; i++)
		if (state[i] == cont) {
			ncont++;
			if (minv < 0 || v[i] < minv)
				minv = v[i];
		}
	for (size_t i = 0; i < e->nc; i++) {
		if (state[i] != cont)
			continue;
		if (v[i] == minv) {
			tied[ntied++] = (uint32_t)i;
			sumtied += v[i];
		} else if (next < 0 || v[i] < next) {
			next = v[i];
		}
	}
	*ntiedp = ntied;
	/* Together fewer than anyone else: the order among them cannot
	 * matter, they go at once. */
	if (ntied == 1 || (next >= 0 && sumtied < next && ncont - ntied >= keep)) {
		memcpy(out, tied, ntied * sizeof *tied);
		return ntied;
	}
	names_text(what, e, tied, ntied);
	pick = tie_break(r, tied, ntied, what->data, hist, nhist, 0);
	if (pick < 0)
		return 0;
	out[0] = (uint32_t)pick;
	return 1;
}

void
irv_run(struct election *e, struct eresult *r)
{
	struct ranking *rk;
	size_t nr = rankings_get(e, &rk), nc = e->nc, i, g;
	int64_t d = 1, total = 0, t, **hist = NULL;
	unsigned char *state = xcalloc(nc + 1, 1);
	long *when = xcalloc(nc + 1, sizeof *when), round = 0;
	int64_t *lastv = xcalloc(nc + 1, sizeof *lastv);
	uint32_t *out = xcalloc(nc + 1, sizeof *out), *tied = xcalloc(nc + 1, sizeof *tied);
	size_t nout = 0, ncont = 0, nprev = 0;
	uint32_t *prevgone = xcalloc(nc + 1, sizeof *prevgone);
	long *group = xcalloc(nc + 1, sizeof *group);
	long winner = -1, ngroup = 0;
	int stopped = 0;
	size_t nstop = 0;
	struct buf b = BUF_INIT, tr = BUF_INIT;
	char num[64], rnd[32];

	/* The common denominator of the split ballots. */
	g = largest_tie(rk, nr);
	for (i = 2; i <= g; i++) {
		int64_t l = d / gcd64(d, (int64_t)i);

		if (num_mul(l, (int64_t)i, &d) < 0 || d > INT64_C(1) << 40)
			ess_die(EX_DATAERR, _("%zu candidates tied on one ballot: too many to split it exactly"), g);
	}
	for (i = 0; i < nr; i++)
		if (num_add(total, rk[i].weight, &total) < 0 || num_mul(total, d, &t) < 0)
			ess_die(EX_DATAERR, "%s", _("too many votes: the count overflows"));
	for (i = 0; i < nc; i++) {
		state[i] = e->withdrawn && e->withdrawn[i] ? WITHDRAWN : CONT;
		ncont += state[i] == CONT;
	}
	if (e->withdrawn)
		for (i = 0; i < nc; i++)
			if (state[i] == WITHDRAWN)
				eresult_note(r, _("%s withdrawn: excluded before the count"), e->names[i]);

	while (ncont > 0 && winner < 0 && !stopped) {
		int64_t *v = xcalloc(nc + 1, sizeof *v), cont = 0, ex;
		size_t ntied = 0, ngone = 0;
		long best = -1;

		round++;
		ex = irv_count(rk, nr, state, nc, d, v);
		hist = xreallocarray(hist, (size_t)round, sizeof *hist);
		hist[round - 1] = v;
		for (i = 0; i < nc; i++) {
			if (state[i] != CONT)
				continue;
			cont += v[i];
			lastv[i] = v[i];
			if (best < 0 || v[i] > v[best])
				best = (long)i;
		}
		if (ncont == 1 || (cont > 0 && v[best] > cont - v[best]))
			winner = best;
		else {
			buf_reset(&b);
			buf_printf(&b, _("round %ld: exclusion among "), round);
			/* The previous rounds' counts, oldest first. */
			ngone = exclusion_pick(r, e, v, state, CONT, 0, &b, (const int64_t *const *)hist,
				(size_t)round - 1, tied, &ntied, out + nout);
			if (!ngone) {
				stopped = 1;
				nstop = ntied;
			}
		}
		/* This round's rows. */
		for (i = 0; i < nc; i++) {
			const char *st = "continuing";
			size_t k;

			if (state[i] != CONT)
				continue;
			if ((long)i == winner)
				st = "elected";
			for (k = 0; k < ngone; k++)
				if (out[nout + k] == i)
					st = "excluded";
			buf_reset(&tr);
			if (round > 1 && v[i] > hist[round - 2][i]) {
				frac_text(num, sizeof num, v[i] - hist[round - 2][i], d);
				buf_printf(&tr, "+%s from ", num);
				names_text(&tr, e, prevgone, nprev);
			}
			frac_text(num, sizeof num, v[i], d);
			eresult_round(r, round, (uint32_t)i, num, st, tr.data);
		}
		if (ex > 0) {
			frac_text(num, sizeof num, ex, d);
			eresult_note(r, _("round %ld: %s exhausted (no continuing candidate ranked)"), round, num);
		}
		if (winner >= 0) {
			state[winner] = ELECTED;
			when[winner] = round;
		}
		for (i = 0; i < ngone; i++) {
			state[out[nout + i]] = EXCLUDED;
			when[out[nout + i]] = round;
			group[nout + i] = ngroup;
		}
		if (ngone)
			ngroup++;
		memcpy(prevgone, out + nout, ngone * sizeof *out);
		nprev = ngone;
		nout += ngone;
		ncont -= ngone;
	}

	/* The ranking. */
	{
		static const struct ecol cols[] = { { "votes", WT_INT }, { "round", WT_INT } };
		struct ecol c[2];
		const char *vals[2];
		long rank = 1;
		size_t k, j;

		c[0] = cols[0];
		c[1] = cols[1];
		c[0].type = d > 1 ? WT_TEXT : WT_INT;
		eresult_columns(r, c, 2);
		vals[0] = num;
		vals[1] = rnd;
		if (winner >= 0) {
			frac_text(num, sizeof num, lastv[winner], d);
			snprintf(rnd, sizeof rnd, "%ld", when[winner]);
			eresult_rank(r, (uint32_t)winner, rank++, 0, "elected", vals);
			/* The others still in the count, by their last votes. */
			for (;;) {
				int64_t bestv = -1;
				size_t n = 0;

				for (i = 0; i < nc; i++)
					if (state[i] == CONT && lastv[i] > bestv)
						bestv = lastv[i];
				if (bestv < 0)
					break;
				for (i = 0; i < nc; i++)
					n += state[i] == CONT && lastv[i] == bestv;
				for (i = 0; i < nc; i++)
					if (state[i] == CONT && lastv[i] == bestv) {
						frac_text(num, sizeof num, lastv[i], d);
						snprintf(rnd, sizeof rnd, "%ld", round);
						eresult_rank(r, (uint32_t)i, rank, n > 1, "not elected", vals);
						state[i] = ELECTED;	/* listed */
					}
				rank += (long)n;
			}
		} else if (ncont > 0) {
			/* Stopped on a tie: every continuing candidate may still win. */
			for (i = 0; i < nc; i++)
				if (state[i] == CONT) {
					frac_text(num, sizeof num, lastv[i], d);
					snprintf(rnd, sizeof rnd, "%ld", round);
					eresult_rank(r, (uint32_t)i, 1, ncont > 1, "continuing", vals);
				}
			rank += (long)ncont;
			r->tied_winners = ncont > 1;
			buf_reset(&b);
			buf_printf(&b, _("no winner: the count stopped at round %ld on a tie for exclusion among "), round);
			names_text(&b, e, tied, nstop);
			buf_adds(&b, _("; --tie-break chooses a rule"));
			r->winner_note = buf_detach(&b);
		}
		for (k = nout; k > 0;) {
			size_t start = k - 1;

			while (start > 0 && group[start - 1] == group[k - 1])
				start--;
			for (j = start; j < k; j++) {
				frac_text(num, sizeof num, lastv[out[j]], d);
				snprintf(rnd, sizeof rnd, "%ld", when[out[j]]);
				eresult_rank(r, out[j], rank, k - start > 1, "excluded", vals);
			}
			rank += (long)(k - start);
			k = start;
		}
		for (i = 0, j = 0; i < nc; i++)
			j += state[i] == WITHDRAWN;
		for (i = 0; i < nc; i++)
			if (state[i] == WITHDRAWN) {
				strcpy(num, "0");
				rnd[0] = '\0';
				eresult_rank(r, (uint32_t)i, rank, j > 1, "withdrawn", vals);
			}
	}
	buf_reset(&b);
	buf_adds(&b, _("instant-runoff: each round a ballot counts for its highest-ranked continuing "
		"candidate (split equally among tied ones); more than half of the round's votes "
		"(exhausted ballots left out) elects; otherwise the candidate with the fewest votes "
		"is excluded (candidates tied for fewest are excluded together when their votes "
		"together are fewer than any other's); unranked candidates are never counted"));
	free(r->rule);
	r->rule = buf_detach(&b);
	for (i = 0; i < (size_t)round; i++)
		free(hist[i]);
	free(hist);
	free(state);
	free(when);
	free(lastv);
	free(out);
	free(tied);
	free(prevgone);
	free(group);
	buf_release(&b);
	buf_release(&tr);
}
