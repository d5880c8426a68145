/*
 * elect.c: an election from start to end: the method's sink, the ballots
 * read into it, the method run, the result written; the dispatch on
 * --method, the tie-breaking rules and the building of a struct eresult.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "election.h"
#include "tally.h"

/* The election being counted, for the names of tie_break's candidates. */
static const struct election *current;

void
elect_sink(struct election *e)
{
	switch (eopt.method) {
	case EM_PLURALITY:
	case EM_TWO_ROUND:
		plurality_sink(e);
		break;
	case EM_APPROVAL:
	case EM_SCORE:
		approval_sink(e);
		break;
	case EM_IRV:
	case EM_STV:
		rankings_sink(e);
		break;
	case EM_MJ:
		mj_sink(e);
		break;
	default:
		pairwise_sink(e);
		break;
	}
}

void
elect_run(struct election *e, struct eresult *r)
{
	static void (*const run[])(struct election *, struct eresult *) = {
		[EM_PLURALITY] = plurality_run, [EM_TWO_ROUND] = two_round_run,
		[EM_APPROVAL] = approval_run, [EM_SCORE] = score_run,
		[EM_BORDA] = borda_run, [EM_COPELAND] = copeland_run,
		[EM_CONDORCET] = condorcet_run, [EM_SCHULZE] = schulze_run,
		[EM_RANKED_PAIRS] = ranked_pairs_run, [EM_IRV] = irv_run,
		[EM_STV] = stv_run, [EM_MJ] = mj_run,
	};

	run[eopt.method](e, r);
}

const char *
elect_method_name(enum emethod m)
{
	static const char *const names[] = {
		[EM_PLURALITY] = "plurality", [EM_TWO_ROUND] = "two-round",
		[EM_APPROVAL] = "approval", [EM_SCORE] = "score", [EM_BORDA] = "borda",
		[EM_COPELAND] = "copeland", [EM_CONDORCET] = "condorcet",
		[EM_SCHULZE] = "schulze", [EM_RANKED_PAIRS] = "ranked-pairs",
		[EM_IRV] = "irv", [EM_STV] = "stv", [EM_MJ] = "majority-judgment",
	};

	return names[m];
}

/* The methods a pairwise matrix read as such can feed. */
static int
takes_matrix(enum emethod m)
{
	return m == EM_COPELAND || m == EM_CONDORCET || m == EM_SCHULZE || m == EM_RANKED_PAIRS;
}

int
tally_election(void)
{
	struct election e;
	struct eresult r;

	election_init(&e);
	current = &e;
	elect_sink(&e);
	election_read(&e, topt.files);
	/* A CEF file's "#/Implicit Ranking: false" says how to read its
	 * ballots, unless --unranked says otherwise. */
	if (!eopt.unranked_given && e.implicit_ranking == 0)
		eopt.unranked = UNRANKED_IGNORE;
	if (e.given && !takes_matrix(eopt.method))
		ess_die(EX_DATAERR, _("a pairwise matrix holds no ballots: --method=%s needs ballots "
			"(a matrix feeds copeland, condorcet, schulze and ranked-pairs)"),
			elect_method_name(eopt.method));
	eresult_init(&r, elect_method_name(eopt.method));
	elect_run(&e, &r);
	eresult_write(&e, &r);
	eresult_release(&r);
	if (e.sink.release)
		e.sink.release(&e);
	election_release(&e);
	current = NULL;
	return 0;
}

/*
 * The seeded draw: splitmix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), its state starting at
 * SEED and advanced by each tie broken, so a seed gives the same draws
 * on every machine.  Among n tied candidates (in candidate order) the
 * draw v picks the (v mod n)-th, values at or above the largest multiple
 * of n below 2^64 drawn again so that each is equally likely.
 */
static uint64_t rng_state;
static int rng_started;

static uint64_t
splitmix64(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

uint64_t
elect_draw(uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n, v;

	if (!rng_started) {
		rng_state = eopt.tie_seed;
		rng_started = 1;
	}
	do
		v = splitmix64();
	while (v >= limit);
	return v % n;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The name of candidate c. */
const char *
elect_name(const struct election *e, uint32_t c)
{
	return c < e->nc ? e->names[c] : "?";
}

long
tie_break(struct eresult *r, const uint32_t *tied, size_t n, const char *what,
	const int64_t *const *prev, size_t nprev, int want_max)
{
	static char rule[48];
	uint32_t *c;
	size_t k = n;
	long chosen;
	const char *rname;

	if (eopt.tie == TIE_NONE || n == 0)
		return -1;
	c = xreallocarray(NULL, n, sizeof *c);
	memcpy(c, tied, n * sizeof *c);
	qsort(c, n, sizeof *c, cmp_u32);
	switch (eopt.tie) {
	case TIE_RANDOM:
		snprintf(rule, sizeof rule, "random:%" PRIu64, eopt.tie_seed);
		rname = rule;
		chosen = c[elect_draw(n)];
		break;
	case TIE_PREVIOUS_ROUND:
		rname = "previous-round";
		/* Keep the best in each earlier round, latest first. */
		for (size_t p = nprev; p-- > 0 && k > 1; ) {
			int64_t best = prev[p][c[0]];
			size_t m = 0;

			for (size_t i = 1; i < k; i++) {
				int64_t v = prev[p][c[i]];

				if (want_max ? v > best : v < best)
					best = v;
			}
			for (size_t i = 0; i < k; i++)
				if (prev[p][c[i]] == best)
					c[m++] = c[i];
			k = m;
		}
		/* Still tied: the candidate order favours the earlier. */
		chosen = want_max ? c[0] : c[k - 1];
		if (k > 1)
			rname = "previous-round, then order";
		break;
	default:
		rname = "order";
		/* The candidate order favours the earlier: the first of the
		 * tied wins, the last goes. */
		chosen = want_max ? c[0] : c[n - 1];
		/* BLT's "[tie ...]" line gives the order (first preferred),
		 * when there is one: the first of it for the most votes, the
		 * last for the fewest. */
		if (current && current->tie_order) {
			for (size_t t = 0; t < current->ntie_order; t++)
				if (bsearch(&current->tie_order[t], c, n, sizeof *c, cmp_u32)) {
					chosen = current->tie_order[t];
					rname = "order ([tie] line)";
					if (want_max)
						break;
				}
		}
		break;
	}
	free(c);
	r->ties = xreallocarray(r->ties, r->nties + 1, sizeof *r->ties);
	r->ties[r->nties++] = (struct etie){
		xstrdup(what), xstrdup(current ? elect_name(current, (uint32_t)chosen) : "?"), rname,
	};
	return chosen;
}

void
eresult_init(struct eresult *r, const char *method)
{
	memset(r, 0, sizeof *r);
	r->method = method;
}

void
eresult_columns(struct eresult *r, const struct ecol *cols, size_t n)
{
	r->cols = xreallocarray(NULL, n ? n : 1, sizeof *cols);
	memcpy(r->cols, cols, n * sizeof *cols);
	r->ncols = n;
}

void
eresult_rank(struct eresult *r, uint32_t cand, long rank, int tied,
	const char *status, const char *const *values)
{
	struct erank *k;

	r->ranking = xreallocarray(r->ranking, r->nranking + 1, sizeof *r->ranking);
	k = &r->ranking[r->nranking++];
	k->cand = cand;
	k->rank = rank;
	k->tied = tied;
	k->status = status ? xstrdup(status) : NULL;
	k->values = xreallocarray(NULL, r->ncols ? r->ncols : 1, sizeof *k->values);
	for (size_t i = 0; i < r->ncols; i++)
		k->values[i] = xstrdup(values && values[i] ? values[i] : "");
}

void
eresult_round(struct eresult *r, long round, uint32_t cand, const char *votes,
	const char *status, const char *transfer)
{
	r->rounds = xreallocarray(r->rounds, r->nrounds + 1, sizeof *r->rounds);
	r->rounds[r->nrounds++] = (struct eround){
		round, cand, xstrdup(votes ? votes : ""), status, xstrdup(transfer ? transfer : ""),
	};
}

void
eresult_note(struct eresult *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->notes = xreallocarray(r->notes, r->nnotes + 1, sizeof *r->notes);
	r->notes[r->nnotes++] = buf_detach(&b);
}

/*
 * Ranks n candidates from their keys: order[] best first, same(a, b) when
 * two of them tie; values[c * ncols + k] the score columns of candidate c.
 * Tied candidates share a rank ("1=").  A tie for the first place is
 * broken by eopt.tie (the chosen one first, the others after it) or
 * reported (r->tied_winners).
 */
void
elect_rank_sorted(const struct election *e, struct eresult *r, uint32_t *order, size_t n,
	int (*same)(const void *ctx, uint32_t a, uint32_t b), const void *ctx, char **values)
{
	size_t top = 1;
	long rank = 0;

	while (top < n && same(ctx, order[0], order[top]))
		top++;
	if (top > 1) {
		struct buf what = BUF_INIT;
		long c;

		buf_adds(&what, _("first place between "));
		for (size_t i = 0; i < top; i++) {
			if (i)
				buf_adds(&what, i + 1 == top ? _(" and ") : ", ");
			buf_adds(&what, elect_name(e, order[i]));
		}
		c = tie_break(r, order, top, what.data, NULL, 0, 1);
		buf_release(&what);
		if (c < 0) {
			r->tied_winners = 1;
		} else {
			/* The chosen one first, the others keep their order. */
			size_t at = 0;

			while (order[at] != (uint32_t)c)
				at++;
			memmove(order + 1, order, at * sizeof *order);
			order[0] = (uint32_t)c;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int tied;

		if (i == 0 || !same(ctx, order[i - 1], order[i]) ||
		    (i == 1 && top > 1 && !r->tied_winners))
			rank = (long)i + 1;
		tied = (i > 0 && rank == r->ranking[r->nranking - 1].rank) ||
			(i + 1 < n && same(ctx, order[i], order[i + 1]) &&
			 !(i == 0 && top > 1 && !r->tied_winners));
		if (i > 0 && rank == r->ranking[r->nranking - 1].rank)
			r->ranking[r->nranking - 1].tied = 1;
		eresult_rank(r, order[i], rank, tied, NULL,
			(const char *const *)(values + (size_t)order[i] * r->ncols));
	}
}

/* qsort has no context: the keys of the sort under way. */
static const int64_t *sort_key;

static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (sort_key[x] != sort_key[y])
		return sort_key[x] > sort_key[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
same_key(const void *ctx, uint32_t a, uint32_t b)
{
	const int64_t *key = ctx;

	return key[a] == key[b];
}

void
elect_rank_keys(const struct election *e, struct eresult *r, uint32_t *cands, size_t n,
	const int64_t *key, char **values)
{
	sort_key = key;
	qsort(cands, n, sizeof *cands, cmp_key);
	elect_rank_sorted(e, r, cands, n, same_key, key, values);
}

uint32_t *
elect_candidates(const struct election *e, size_t *n)
{
	uint32_t *c = xreallocarray(NULL, e->nc ? e->nc : 1, sizeof *c);
	size_t m = 0;

	for (size_t i = 0; i < e->nc; i++)
		if (!e->withdrawn || !e->withdrawn[i])
			c[m++] = (uint32_t)i;
	*n = m;
	return c;
}

void
eresult_release(struct eresult *r)
{
	for (size_t i = 0; i < r->nranking; i++) {
		for (size_t k = 0; k < r->ncols; k++)
			free(r->ranking[i].values[k]);
		free(r->ranking[i].values);
		free(r->ranking[i].status);
	}
	free(r->ranking);
	for (size_t i = 0; i < r->nrounds; i++) {
		free(r->rounds[i].votes);
		free(r->rounds[i].transfer);
	}
	free(r->rounds);
	for (size_t i = 0; i < r->nties; i++) {
		free(r->ties[i].what);
		free(r->ties[i].chosen);
	}
	free(r->ties);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	free(r->cols);
	free(r->rule);
	free(r->winner_note);
	free(r->matrix);
	free(r->paths);
	memset(r, 0, sizeof *r);
}

void
eresult_rule(struct eresult *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(r->rule);
	r->rule = buf_detach(&b);
}
