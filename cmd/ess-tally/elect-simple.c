/*
 * elect-simple.c: the methods that count marks: plurality, two-round
 * (plurality, then the run-off between the first two from the same
 * ranked ballots), approval and score.
 *
 * Plurality counts each ranked ballot for its first choice.  A ballot
 * whose first place is tied ("A=B>C") counts for no one, as a ballot
 * marking two names is void in a plurality election; their number is
 * said under the result.  Approval counts approval ballots, and ranked
 * ballots as approving every candidate they rank.  Score adds the scores
 * of score ballots (--range, default 0-10); a candidate a ballot does not
 * score gets nothing from it.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "election.h"
#include "num.h"

static char *
fmt_i64(int64_t v)
{
	char s[32];

	snprintf(s, sizeof s, "%" PRId64, v);
	return xstrdup(s);
}

/* 100 * num / den with one decimal, "" when den is 0. */
static char *
fmt_share(int64_t num, int64_t den)
{
	char s[32];

	if (den == 0)
		return xstrdup("");
	return xstrdup(num_format_percent(num, den, s));
}

static char **
values_new(const struct election *e, size_t ncols)
{
	return xcalloc(e->nc * ncols != 0 ? e->nc * ncols : 1, sizeof(char *));
}

static void
values_free(const struct election *e, char **v, size_t ncols)
{
	for (size_t i = 0; i < e->nc * ncols; i++)
		free(v[i]);
	free(v);
}

/* ---- plurality ---- */

static void
tied_first_note(const struct election *e, struct eresult *r)
{
	int64_t t = pairwise_tied_first(e);

	if (t)
		eresult_note(r, _("ballots with a tied first place, counted for no one: %" PRId64), t);
}

void
plurality_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "votes", WT_INT }, { "share", WT_DEC } };
	size_t n;
	uint32_t *c = elect_candidates(e, &n);
	int64_t *key = xcalloc(e->nc ? e->nc : 1, sizeof *key), total = 0;
	char **v = values_new(e, 2);

	eresult_columns(r, cols, 2);
	for (size_t i = 0; i < n; i++)
		total += key[c[i]] = pairwise_first(e, c[i]);
	for (size_t i = 0; i < n; i++) {
		v[(size_t)c[i] * 2] = fmt_i64(key[c[i]]);
		v[c[i] * 2 + 1] = fmt_share(key[c[i]], total);
	}
	eresult_rule(r, "%s", _("plurality: each ballot counts for its first choice; the most votes wins"));
	elect_rank_keys(e, r, c, n, key, v);
	tied_first_note(e, r);
	values_free(e, v, 2);
	free(key);
	free(c);
}

/* ---- two-round ---- */

/*
 * Round 1 is plurality; a candidate with more than half of the votes
 * counted is elected (as in French elections).  Otherwise the two with
 * the most votes meet in a run-off decided by the same ballots: the
 * voters preferring one to the other under the unranked rule.  A tie for
 * a run-off place, or in the run-off, goes to --tie-break (previous-round
 * is round 1's count) or is reported.
 */
void
two_round_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "round1", WT_INT }, { "runoff", WT_INT } };
	size_t n, nc = e->nc, ntied = 0, above = 0;
	uint32_t *c = elect_candidates(e, &n), *tied;
	int64_t *first = xcalloc(nc ? nc : 1, sizeof *first), *key, total = 0;
	int64_t *d = pairwise_matrix(e);
	char **v = values_new(e, 2);
	const int64_t *prev[1] = { first };
	long fin[2] = { -1, -1 };
	int runoff = 0, majority = 0;
	char s[32];

	eresult_columns(r, cols, 2);
	eresult_rule(r, _("two-round: a first choice with more than half of the votes wins; else the first "
		"two meet in a run-off counted on the same ballots%s"), unranked_words());
	r->matrix = d;
	key = xcalloc(nc ? nc : 1, sizeof *key);
	for (size_t i = 0; i < n; i++) {
		first[c[i]] = pairwise_first(e, c[i]);
		total += first[c[i]];
	}
	/* By round 1's votes, then candidate order. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && first[c[j]] > first[c[j - 1]]; j--) {
			uint32_t t = c[j];

			c[j] = c[j - 1];
			c[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		v[(size_t)c[i] * 2] = fmt_i64(first[c[i]]);
	if (n >= 1 && 2 * first[c[0]] > total) {
		majority = 1;
		fin[0] = c[0];
	} else if (n >= 2) {
		/* Places 1 and 2: those above the second's count are in; a tie at
		 * the second's count is broken or reported. */
		int64_t cut = first[c[1]];

		tied = xreallocarray(NULL, n, sizeof *tied);
		for (size_t i = 0; i < n; i++) {
			if (first[c[i]] > cut)
				fin[above++] = c[i];
			else if (first[c[i]] == cut)
				tied[ntied++] = c[i];
		}
		while (above < 2 && ntied > 0) {
			long k;

			if (ntied <= 2 - above) {
				for (size_t i = 0; i < ntied; i++)
					fin[above++] = tied[i];
				break;
			}
			k = tie_break(r, tied, ntied, _("round 1: a place in the run-off"), prev, 0, 1);
			if (k < 0)
				break;
			fin[above++] = k;
			for (size_t i = 0, m = 0; i < ntied; i++)
				if (tied[i] != (uint32_t)k)
					tied[m++] = tied[i];
			ntied--;
		}
		free(tied);
		runoff = above == 2;
	} else if (n == 1) {
		fin[0] = c[0];
	}
	for (size_t i = 0; i < n; i++)
		key[c[i]] = first[c[i]];
	if (runoff) {
		uint32_t a = (uint32_t)fin[0], b = (uint32_t)fin[1];
		int64_t ab = d[a * nc + b], ba = d[b * nc + a];

		v[a * 2 + 1] = fmt_i64(ab);
		v[b * 2 + 1] = fmt_i64(ba);
		if (ab == ba) {
			uint32_t pair[2] = { a < b ? a : b, a < b ? b : a };
			long k = tie_break(r, pair, 2, _("run-off: a tie"), prev, 1, 1);

			if (k >= 0) {
				key[k] = INT64_MAX;
				key[k == a ? b : a] = INT64_MAX - 1;
			} else {
				key[a] = key[b] = INT64_MAX;
			}
		} else {
			key[ab > ba ? a : b] = INT64_MAX;
			key[ab > ba ? b : a] = INT64_MAX - 1;
		}
	} else if (fin[0] >= 0 && (majority || n == 1)) {
		key[fin[0]] = INT64_MAX;
	} else {
		eresult_note(r, "%s", _("no run-off: a tie for its places, which --tie-break would break"));
	}
	/* The rounds. */
	for (size_t i = 0; i < n; i++) {
		int in = (long)c[i] == fin[0] || (long)c[i] == fin[1];

		snprintf(s, sizeof s, "%" PRId64, first[c[i]]);
		eresult_round(r, 1, c[i], s, majority ? (in ? "elected" : "excluded") :
			runoff ? (in ? "continuing" : "excluded") : "continuing", "");
	}
	if (runoff)
		for (int k = 0; k < 2; k++) {
			uint32_t a = (uint32_t)fin[k];

			eresult_round(r, 2, a, v[a * 2 + 1], key[a] == INT64_MAX ? "elected" : "excluded", "");
		}
	elect_rank_keys(e, r, c, n, key, v);
	if (runoff && r->tied_winners == 0 && key[fin[0]] == key[fin[1]])
		r->tied_winners = 1;
	tied_first_note(e, r);
	values_free(e, v, 2);
	free(key);
	free(first);
	free(c);
}

/* ---- approval and score ---- */

struct marks {
	size_t cap;
	int64_t *sum, *count;
};

static void
marks_grow(struct election *e, size_t nc)
{
	struct marks *m = e->sink.state;
	size_t cap = m->cap ? m->cap : 8;

	if (nc <= m->cap)
		return;
	while (cap < nc)
		cap *= 2;
	m->sum = xreallocarray(m->sum, cap, sizeof *m->sum);
	m->count = xreallocarray(m->count, cap, sizeof *m->count);
	memset(m->sum + m->cap, 0, (cap - m->cap) * sizeof *m->sum);
	memset(m->count + m->cap, 0, (cap - m->cap) * sizeof *m->count);
	m->cap = cap;
}

static void
marks_overflow(const struct ballot *b)
{
	ess_die_at(EX_DATAERR, b->file, b->line, b->col, "%s", _("too many votes: a count is beyond 2^63"));
}

static void
marks_add(struct election *e, const struct ballot *b)
{
	struct marks *m = e->sink.state;

	if (e->nc > m->cap)
		marks_grow(e, e->nc);
	if (eopt.method == EM_APPROVAL && b->kind != BK_APPROVAL && b->kind != BK_RANKED)
		elect_wrong_kind(e, b, "approval or ranked");
	if (eopt.method == EM_SCORE && b->kind != BK_SCORE)
		elect_wrong_kind(e, b, "score");
	if (b->kind == BK_SCORE) {
		for (size_t i = 0; i < b->n; i++) {
			if (b->value[i] < eopt.range_lo || b->value[i] > eopt.range_hi) {
				if (!eopt.keep_going)
					ess_die_at(EX_DATAERR, b->file, b->line, b->col,
						_("score %" PRId32 " for '%s' is outside --range=%d-%d"), b->value[i],
						elect_name(e, b->cand[i]), eopt.range_lo, eopt.range_hi);
				ess_warn_at(b->file, b->line, b->col, _("score %" PRId32 " for '%s' is outside --range=%d-%d"),
					b->value[i], elect_name(e, b->cand[i]), eopt.range_lo, eopt.range_hi);
				/* Counted valid by election_add: it is not. */
				e->valid -= b->weight;
				e->invalid += b->weight;
				ess_exit_status = EX_DATAERR;
				return;
			}
		}
	}
	for (size_t i = 0; i < b->n; i++) {
		uint32_t c = b->cand[i];
		int64_t add = b->weight;

		if (b->kind == BK_SCORE && __builtin_mul_overflow((int64_t)b->value[i], b->weight, &add))
			marks_overflow(b);
		if (__builtin_add_overflow(m->sum[c], add, &m->sum[c]) ||
		    __builtin_add_overflow(m->count[c], b->weight, &m->count[c]))
			marks_overflow(b);
	}
}

static void
marks_release(struct election *e)
{
	struct marks *m = e->sink.state;

	if (!m)
		return;
	free(m->sum);
	free(m->count);
	free(m);
	e->sink.state = NULL;
}

void
approval_sink(struct election *e)
{
	e->sink.add = marks_add;
	e->sink.grow = marks_grow;
	e->sink.state = xcalloc(1, sizeof(struct marks));
	e->sink.release = marks_release;
}

static int64_t
mark(const struct election *e, uint32_t c, int count)
{
	const struct marks *m = e->sink.state;

	if (!m || c >= m->cap)
		return 0;
	return count ? m->count[c] : m->sum[c];
}

void
approval_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "approvals", WT_INT }, { "share", WT_DEC } };
	size_t n;
	uint32_t *c = elect_candidates(e, &n);
	int64_t *key = xcalloc(e->nc ? e->nc : 1, sizeof *key);
	char **v = values_new(e, 2);

	eresult_columns(r, cols, 2);
	for (size_t i = 0; i < n; i++) {
		key[c[i]] = mark(e, c[i], 0);
		v[(size_t)c[i] * 2] = fmt_i64(key[c[i]]);
		/* The share of the valid ballots approving. */
		v[c[i] * 2 + 1] = fmt_share(key[c[i]], e->valid);
	}
	eresult_rule(r, "%s", _("approval: each ballot approves any number of candidates (a ranked ballot "
		"those it ranks); the most approvals wins"));
	elect_rank_keys(e, r, c, n, key, v);
	values_free(e, v, 2);
	free(key);
	free(c);
}

/* sum / count to two decimals, rounded half away from zero. */
static char *
fmt_mean(int64_t sum, int64_t count)
{
	char s[40];
	__int128 q;
	int neg;

	if (count == 0)
		return xstrdup("");
	neg = sum < 0;
	q = ((__int128)(neg ? -sum : sum) * 200 / count + 1) / 2;
	snprintf(s, sizeof s, "%s%" PRId64 ".%02d", neg && q ? "-" : "", (int64_t)(q / 100), (int)(q % 100));
	return xstrdup(s);
}

void
score_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "sum", WT_INT }, { "ballots", WT_INT }, { "mean", WT_DEC } };
	size_t n;
	uint32_t *c = elect_candidates(e, &n);
	int64_t *key = xcalloc(e->nc ? e->nc : 1, sizeof *key);
	char **v = values_new(e, 3);

	eresult_columns(r, cols, 3);
	for (size_t i = 0; i < n; i++) {
		int64_t cnt = mark(e, c[i], 1);

		key[c[i]] = mark(e, c[i], 0);
		v[(size_t)c[i] * 3] = fmt_i64(key[c[i]]);
		v[c[i] * 3 + 1] = fmt_i64(cnt);
		v[c[i] * 3 + 2] = fmt_mean(key[c[i]], cnt);
	}
	eresult_rule(r, _("score: scores from %d to %d are added; the highest sum wins (a candidate a ballot "
		"does not score gets nothing from it; mean = sum / ballots scoring it)"), eopt.range_lo, eopt.range_hi);
	elect_rank_keys(e, r, c, n, key, v);
	values_free(e, v, 3);
	free(key);
	free(c);
}
