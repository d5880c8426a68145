/*
 * elect-pairwise.c: the pairwise sink and the Condorcet methods: Copeland,
 * Condorcet (with the Smith set), Schulze, ranked pairs, and Debian's
 * default option with its required majorities.
 *
 * The sink keeps, for ranked ballots, weighted sums only: both[i][j] the
 * weight of ballots ranking both i and j, above[i][j] those of them
 * ranking i above j, ranked[i] the weight ranking i, total the weight of
 * every ballot, first[i] the sole first preferences.  Memory is a matrix,
 * whatever the number of ballots.  The matrix the methods use,
 * d[i][j] = the voters preferring i to j, follows from the unranked rule:
 *   ignore:  d[i][j] = above[i][j]
 *   last:    d[i][j] = above[i][j] + ranked[i] - both[i][j]
 * (a ranked candidate beats every unranked one), so a candidate learned
 * late, unranked on every earlier ballot, needs no correction.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "election.h"

struct pw {
	size_t cap;		/* the matrices' stride */
	int64_t *above, *both;
	int64_t *ranked, *first;
	int64_t total, tiedfirst;
};

static const char *
kind_name(enum bkind k)
{
	switch (k) {
	case BK_APPROVAL:
		return _("an approval");
	case BK_SCORE:
		return _("a score");
	case BK_GRADE:
		return _("a grade");
	default:
		return _("a ranked");
	}
}

/* A ballot of a kind the method cannot count: an error at its place. */
void
elect_wrong_kind(const struct election *e, const struct ballot *b, const char *need)
{
	(void)e;
	ess_die_at(EX_DATAERR, b->file, b->line, b->col,
		_("%s ballot: --method=%s counts %s ballots"), kind_name(b->kind),
		elect_method_name(eopt.method), need);
}

static void
add64(int64_t *a, int64_t w, const struct ballot *b)
{
	if (__builtin_add_overflow(*a, w, a))
		ess_die_at(EX_DATAERR, b->file, b->line, b->col, "%s",
			_("too many votes: a count is beyond 2^63"));
}

static void
pw_grow(struct election *e, size_t nc)
{
	struct pw *p = e->sink.state;
	size_t cap = p->cap ? p->cap : 8;
	int64_t *above, *both;

	if (nc <= p->cap)
		return;
	while (cap < nc)
		cap *= 2;
	above = xcalloc(cap * cap, sizeof *above);
	both = xcalloc(cap * cap, sizeof *both);
	for (size_t i = 0; i < p->cap; i++) {
		memcpy(above + i * cap, p->above + i * p->cap, p->cap * sizeof *above);
		memcpy(both + i * cap, p->both + i * p->cap, p->cap * sizeof *both);
	}
	free(p->above);
	free(p->both);
	p->above = above;
	p->both = both;
	p->ranked = xreallocarray(p->ranked, cap, sizeof *p->ranked);
	p->first = xreallocarray(p->first, cap, sizeof *p->first);
	memset(p->ranked + p->cap, 0, (cap - p->cap) * sizeof *p->ranked);
	memset(p->first + p->cap, 0, (cap - p->cap) * sizeof *p->first);
	p->cap = cap;
}

static void
pw_add(struct election *e, const struct ballot *b)
{
	struct pw *p = e->sink.state;
	size_t cap;
	uint32_t top;
	size_t nfirst = 0;

	if (b->kind != BK_RANKED)
		elect_wrong_kind(e, b, "ranked");
	if (e->nc > p->cap)
		pw_grow(e, e->nc);
	cap = p->cap;
	add64(&p->total, b->weight, b);
	if (b->n == 0)
		return;
	top = b->level[0];
	for (size_t x = 0; x < b->n; x++) {
		uint32_t cx = b->cand[x];

		if (b->level[x] == top)
			nfirst++;
		add64(&p->ranked[cx], b->weight, b);
		for (size_t y = 0; y < b->n; y++) {
			uint32_t cy = b->cand[y];

			if (y == x)
				continue;
			add64(&p->both[cx * cap + cy], b->weight, b);
			if (b->level[x] < b->level[y])
				add64(&p->above[cx * cap + cy], b->weight, b);
		}
	}
	if (nfirst == 1)
		add64(&p->first[b->cand[0]], b->weight, b);
	else
		add64(&p->tiedfirst, b->weight, b);
}

static void
pw_release(struct election *e)
{
	struct pw *p = e->sink.state;

	if (!p)
		return;
	free(p->above);
	free(p->both);
	free(p->ranked);
	free(p->first);
	free(p);
	e->sink.state = NULL;
}

void
pairwise_sink(struct election *e)
{
	struct pw *p = xcalloc(1, sizeof *p);

	e->sink.add = pw_add;
	e->sink.grow = pw_grow;
	e->sink.state = p;
	e->sink.release = pw_release;
}

/* Plurality and two-round keep the first preferences the pairwise sink
 * keeps anyway (two-round needs the matrix for its run-off). */
void
plurality_sink(struct election *e)
{
	pairwise_sink(e);
}

/* The first preferences (sole first choice) of candidate c, and the
 * weight of the ballots whose first choice is tied. */
int64_t
pairwise_first(const struct election *e, uint32_t c)
{
	const struct pw *p = e->sink.state;

	return p && c < p->cap ? p->first[c] : 0;
}

int64_t
pairwise_tied_first(const struct election *e)
{
	const struct pw *p = e->sink.state;

	return p ? p->tiedfirst : 0;
}

/* d[i * nc + j]: the voters preferring i to j under the unranked rule, or
 * the matrix read as such.  Freed by the caller. */
int64_t *
pairwise_matrix(const struct election *e)
{
	const struct pw *p = e->sink.state;
	size_t nc = e->nc;
	int64_t *d = xcalloc(nc * nc != 0 ? nc * nc : 1, sizeof *d);

	if (e->given) {
		memcpy(d, e->given, nc * nc * sizeof *d);
		for (size_t i = 0; i < nc; i++)
			d[i * nc + i] = 0;
		return d;
	}
	if (!p || !p->cap)
		return d;
	for (size_t i = 0; i < nc && i < p->cap; i++)
		for (size_t j = 0; j < nc && j < p->cap; j++) {
			if (i == j)
				continue;
			d[i * nc + j] = p->above[i * p->cap + j];
			if (eopt.unranked == UNRANKED_LAST)
				d[i * nc + j] += p->ranked[i] - p->both[i * p->cap + j];
		}
	return d;
}

/* t[i][j]: the voters who rank i and j equal (under last, both unranked
 * too), for Borda's shared points. */
static int64_t
pairwise_ties(const struct election *e, uint32_t i, uint32_t j)
{
	const struct pw *p = e->sink.state;
	size_t cap;
	int64_t t;

	if (!p || i >= p->cap || j >= p->cap)
		return eopt.unranked == UNRANKED_LAST && p ? p->total : 0;
	cap = p->cap;
	t = p->both[i * cap + j] - p->above[i * cap + j] - p->above[j * cap + i];
	if (eopt.unranked == UNRANKED_LAST)
		t += p->total - p->ranked[i] - p->ranked[j] + p->both[i * cap + j];
	return t;
}

static int64_t
pairwise_ranked(const struct election *e, uint32_t c)
{
	const struct pw *p = e->sink.state;

	return p && c < p->cap ? p->ranked[c] : 0;
}

static int64_t
pairwise_total(const struct election *e)
{
	const struct pw *p = e->sink.state;

	return p ? p->total : 0;
}

/* ---- shared by the methods ---- */

static char *
fmt_i64(int64_t v)
{
	char s[32];

	snprintf(s, sizeof s, "%" PRId64, v);
	return xstrdup(s);
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

/* The candidate number of an option named on the command line. */
static uint32_t
named_option(const struct election *e, const char *opt, const char *name)
{
	long c = map_find(&e->index, name, strlen(name));

	if (c < 0 || (e->withdrawn && e->withdrawn[c]))
		ess_die(EX_DATAERR, _("%s: '%s' is not one of the options of the ballots"), opt, name);
	return (uint32_t)c;
}

/*
 * Debian's constitution, appendix A.6 (3): "An option A defeats the
 * default option D by a majority ratio N, if V(A,D) is greater or equal
 * to N * V(D,A) and V(A,D) is strictly greater than V(D,A)"; options
 * that do not (N = 1 unless --supermajority says otherwise) are dropped
 * before the Condorcet step.  Keeps in cands the options still running;
 * the dropped ones go into dropped[] (their number in *ndropped).
 */
static void
default_option(const struct election *e, struct eresult *r, const int64_t *d,
	uint32_t *cands, size_t *n, uint32_t *dropped, size_t *ndropped)
{
	size_t nc = e->nc, m = 0;
	uint32_t dc;

	*ndropped = 0;
	if (!eopt.default_option)
		return;
	dc = named_option(e, "--default-option", eopt.default_option);
	for (size_t i = 0; i < eopt.nsupermajorities; i++)
		(void)named_option(e, "--supermajority", eopt.supermajorities[i].option);
	for (size_t k = 0; k < *n; k++) {
		uint32_t a = cands[k];
		int64_t num = 1, den = 1, vad, vda;
		__int128 lhs, rhs;

		if (a == dc) {
			cands[m++] = a;
			continue;
		}
		for (size_t i = 0; i < eopt.nsupermajorities; i++)
			if (strcmp(eopt.supermajorities[i].option, e->names[a]) == 0) {
				num = eopt.supermajorities[i].num;
				den = eopt.supermajorities[i].den;
			}
		vad = d[a * nc + dc];
		vda = d[dc * nc + a];
		lhs = (__int128)vad * den;
		rhs = (__int128)vda * num;
		if (vad > vda && lhs >= rhs) {
			cands[m++] = a;
			continue;
		}
		dropped[(*ndropped)++] = a;
		if (num == 1 && den == 1)
			eresult_note(r, _("dropped: %s does not defeat the default option %s (%" PRId64 " to %" PRId64 ")"),
				e->names[a], e->names[dc], vad, vda);
		else
			eresult_note(r, _("dropped: %s does not defeat the default option %s by %" PRId64 ":%" PRId64
				" (%" PRId64 " to %" PRId64 ")"), e->names[a], e->names[dc], num, den, vad, vda);
	}
	*n = m;
}

/* The dropped options, after the others, tied. */
static void
rank_dropped(struct eresult *r, const uint32_t *dropped, size_t n)
{
	long rank = (long)r->nranking + 1;

	for (size_t i = 0; i < n; i++)
		eresult_rank(r, dropped[i], rank, n > 1, "dropped", NULL);
}

/* Sets r->matrix (a copy of d) when --matrix or JSON asks for it. */
static void
keep_matrix(const struct election *e, struct eresult *r, const int64_t *d)
{
	r->matrix = xreallocarray(NULL, e->nc * e->nc != 0 ? e->nc * e->nc : 1, sizeof *d);
	memcpy(r->matrix, d, e->nc * e->nc * sizeof *d);
}

/* Whether the matrix was read as such (no ballots, no unranked rule). */
static int given_matrix;

const char *
unranked_words(void)
{
	if (given_matrix)
		return "";
	return eopt.unranked == UNRANKED_LAST ?
		_("; unranked candidates rank below the ranked ones, tied") :
		_("; a pair is counted only on the ballots that rank both");
}

/*
 * A context for the run of one pairwise method: the matrix, the options
 * still running, the dropped ones.
 */
struct prun {
	const struct election *e;
	int64_t *d;
	uint32_t *cands, *dropped;
	size_t n, ndropped;
};

static void
prun_start(struct prun *p, struct election *e, struct eresult *r)
{
	p->e = e;
	given_matrix = e->given != NULL;
	p->d = pairwise_matrix(e);
	p->cands = elect_candidates(e, &p->n);
	p->dropped = xreallocarray(NULL, p->n ? p->n : 1, sizeof *p->dropped);
	keep_matrix(e, r, p->d);
	default_option(e, r, p->d, p->cands, &p->n, p->dropped, &p->ndropped);
}

static void
prun_end(struct prun *p, struct eresult *r)
{
	rank_dropped(r, p->dropped, p->ndropped);
	free(p->d);
	free(p->cands);
	free(p->dropped);
}

#define D(i, j) p->d[(size_t)(i) * p->e->nc + (j)]

/* ---- Copeland ---- */

void
copeland_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = {
		{ "wins", WT_INT }, { "losses", WT_INT }, { "ties", WT_INT }, { "score", WT_INT },
	};
	struct prun pr, *p = &pr;
	int64_t *key = xcalloc(e->nc ? e->nc : 1, sizeof *key);
	char **v = values_new(e, 4);

	prun_start(p, e, r);
	eresult_columns(r, cols, 4);
	for (size_t a = 0; a < p->n; a++) {
		uint32_t i = p->cands[a];
		int64_t w = 0, l = 0, t = 0;

		for (size_t b = 0; b < p->n; b++) {
			uint32_t j = p->cands[b];

			if (i == j)
				continue;
			if (D(i, j) > D(j, i))
				w++;
			else if (D(i, j) < D(j, i))
				l++;
			else
				t++;
		}
		key[i] = w - l;
		v[(size_t)i * 4] = fmt_i64(w);
		v[i * 4 + 1] = fmt_i64(l);
		v[i * 4 + 2] = fmt_i64(t);
		v[i * 4 + 3] = fmt_i64(w - l);
	}
	eresult_rule(r, _("copeland: score = pairwise wins minus losses (ranks as wins + ties/2 does)%s"),
		unranked_words());
	elect_rank_keys(e, r, p->cands, p->n, key, v);
	prun_end(p, r);
	values_free(e, v, 4);
	free(key);
}

/* ---- Condorcet and the Smith set ---- */

/*
 * The Smith set of set[0..n): the candidates that reach every other one
 * along "beats or ties" (the top class of that relation's closure).
 * in[c] set to 1 for its members; returns their number.
 */
static size_t
smith_set(const struct prun *p, const uint32_t *set, size_t n, unsigned char *in)
{
	unsigned char *reach = xcalloc(n * n != 0 ? n * n : 1, 1);
	size_t count = 0;

	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < n; b++)
			reach[a * n + b] = a == b || D(set[a], set[b]) >= D(set[b], set[a]);
	for (size_t k = 0; k < n; k++)
		for (size_t a = 0; a < n; a++)
			if (reach[a * n + k])
				for (size_t b = 0; b < n; b++)
					if (reach[k * n + b])
						reach[a * n + b] = 1;
	for (size_t a = 0; a < n; a++) {
		size_t b = 0;

		while (b < n && reach[a * n + b])
			b++;
		in[set[a]] = b == n;
		count += b == n;
	}
	free(reach);
	return count;
}

/*
 * Ranks set[0..n) in layers: layer(p, rest, m, in) marks the best of the
 * m candidates left (at least one); they share a rank, and so on.
 */
static void
rank_layers(struct prun *p, struct eresult *r, size_t (*layer)(const struct prun *, const uint32_t *,
	size_t, unsigned char *), char **v, size_t *first_layer)
{
	size_t nc = p->e->nc, m = p->n, lv = 0;
	uint32_t *rest = xreallocarray(NULL, m ? m : 1, sizeof *rest);
	unsigned char *in = xcalloc(nc ? nc : 1, 1);
	int64_t *key = xcalloc(nc ? nc : 1, sizeof *key);

	memcpy(rest, p->cands, m * sizeof *rest);
	*first_layer = 0;
	while (m > 0) {
		size_t k = layer(p, rest, m, in), left = 0;

		if (lv == 0)
			*first_layer = k;
		for (size_t a = 0; a < m; a++) {
			if (in[rest[a]])
				key[rest[a]] = -(int64_t)lv;
			else
				rest[left++] = rest[a];
			in[rest[a]] = 0;
		}
		if (left == m)		/* cannot happen: a layer is never empty */
			break;
		m = left;
		lv++;
	}
	elect_rank_keys(p->e, r, p->cands, p->n, key, v);
	free(key);
	free(in);
	free(rest);
}

/* Wins, losses and ties of each candidate, as the first three columns. */
static void
wlt_values(struct prun *p, char **v, size_t ncols)
{
	for (size_t a = 0; a < p->n; a++) {
		uint32_t i = p->cands[a];
		int64_t w = 0, l = 0, t = 0;

		for (size_t b = 0; b < p->n; b++) {
			uint32_t j = p->cands[b];

			if (i == j)
				continue;
			w += D(i, j) > D(j, i);
			l += D(i, j) < D(j, i);
			t += D(i, j) == D(j, i);
		}
		v[i * ncols] = fmt_i64(w);
		v[i * ncols + 1] = fmt_i64(l);
		v[i * ncols + 2] = fmt_i64(t);
	}
}

void
condorcet_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = {
		{ "wins", WT_INT }, { "losses", WT_INT }, { "ties", WT_INT },
	};
	struct prun pr, *p = &pr;
	char **v = values_new(e, 3);
	size_t top;
	struct buf note = BUF_INIT;

	prun_start(p, e, r);
	eresult_columns(r, cols, 3);
	wlt_values(p, v, 3);
	eresult_rule(r, _("condorcet: the winner beats every other candidate one to one; without one, "
		"the Smith set (the smallest set beating everyone outside it) ranks first, and so on%s"),
		unranked_words());
	rank_layers(p, r, smith_set, v, &top);
	if (top == 1 && p->n > 0) {
		buf_printf(&note, _("Condorcet winner: %s"), elect_name(e, r->ranking[0].cand));
	} else if (p->n > 0) {
		buf_printf(&note, "%s", _("Condorcet winner: none; Smith set: "));
		for (size_t i = 0; i < top; i++)
			buf_printf(&note, "%s%s", i ? ", " : "", elect_name(e, r->ranking[i].cand));
	}
	r->winner_note = buf_detach(&note);
	prun_end(p, r);
	values_free(e, v, 3);
}

/* ---- Schulze ---- */

/*
 * Markus Schulze, "A new monotonic, clone-independent, reversal symmetric,
 * and Condorcet-consistent single-winner election method", Social Choice
 * and Welfare 36 (2011), section 2: the strength of the link i -> j is
 * d[i][j] when d[i][j] > d[j][i] (winning votes; with margin,
 * d[i][j] - d[j][i]), 0 otherwise; the strength of a path is that of its
 * weakest link; P[i][j] the strongest path (Floyd-Warshall's widest
 * path).  i ranks above j when P[i][j] > P[j][i]; the relation is
 * transitive (Schulze, section 4.1), so the candidates no one left beats
 * rank first, tied when several.
 */
static int64_t *schulze_paths;

static size_t
schulze_layer(const struct prun *p, const uint32_t *set, size_t n, unsigned char *in)
{
	size_t nc = p->e->nc, count = 0;

	for (size_t a = 0; a < n; a++) {
		size_t b = 0;

		while (b < n && !(schulze_paths[set[b] * nc + set[a]] > schulze_paths[set[a] * nc + set[b]]))
			b++;
		in[set[a]] = b == n;
		count += b == n;
	}
	return count;
}

static int64_t
link_strength(const struct prun *p, uint32_t i, uint32_t j)
{
	if (D(i, j) <= D(j, i))
		return 0;
	return eopt.strength == STRENGTH_MARGIN ? D(i, j) - D(j, i) : D(i, j);
}

void
schulze_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "wins", WT_INT } };
	struct prun pr, *p = &pr;
	size_t nc = e->nc, top;
	int64_t *P = xcalloc(nc * nc != 0 ? nc * nc : 1, sizeof *P);
	char **v = values_new(e, 1);

	prun_start(p, e, r);
	eresult_columns(r, cols, 1);
	for (size_t a = 0; a < p->n; a++)
		for (size_t b = 0; b < p->n; b++)
			if (a != b)
				P[p->cands[a] * nc + p->cands[b]] = link_strength(p, p->cands[a], p->cands[b]);
	for (size_t k = 0; k < p->n; k++) {
		uint32_t ck = p->cands[k];

		for (size_t a = 0; a < p->n; a++) {
			uint32_t i = p->cands[a];

			if (a == k)
				continue;
			for (size_t b = 0; b < p->n; b++) {
				uint32_t j = p->cands[b];
				int64_t via;

				if (b == k || b == a)
					continue;
				via = P[i * nc + ck] < P[ck * nc + j] ? P[i * nc + ck] : P[ck * nc + j];
				if (via > P[i * nc + j])
					P[i * nc + j] = via;
			}
		}
	}
	for (size_t a = 0; a < p->n; a++) {
		uint32_t i = p->cands[a];
		int64_t w = 0;

		for (size_t b = 0; b < p->n; b++)
			w += a != b && P[i * nc + p->cands[b]] > P[p->cands[b] * nc + i];
		v[i] = fmt_i64(w);
	}
	eresult_rule(r, _("schulze: strongest paths, link strength by %s (Schulze 2011); i ranks above j "
		"when its strongest path to j is stronger than j's to i%s"),
		eopt.strength == STRENGTH_MARGIN ? _("margin") : _("winning votes"), unranked_words());
	schulze_paths = P;
	rank_layers(p, r, schulze_layer, v, &top);
	schulze_paths = NULL;
	r->paths = P;
	prun_end(p, r);
	values_free(e, v, 1);
}

/* ---- Ranked pairs ---- */

/*
 * T. N. Tideman, "Independence of clones as a criterion for voting
 * rules", Social Choice and Welfare 4 (1987): the pairs i > j
 * (d[i][j] > d[j][i]) are taken strongest first and each is locked unless
 * it makes a cycle with those already locked.  Strength: margin (the
 * default), then the larger d[i][j]; or winning votes, then the smaller
 * d[j][i].  Pairs still equal form a group taken in candidate order
 * (winner, then loser), or shuffled with --tie-break=random:SEED; when
 * their order changes what is locked, the tie is listed.  The ranking:
 * the candidates no locked pair beats first, and so on.
 */
struct pair {
	uint32_t w, l;
	int64_t s1, s2;
};

static int
cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->s1 != y->s1)
		return x->s1 > y->s1 ? -1 : 1;
	if (x->s2 != y->s2)
		return x->s2 > y->s2 ? -1 : 1;
	if (x->w != y->w)
		return x->w < y->w ? -1 : 1;
	return x->l < y->l ? -1 : x->l > y->l;
}

static unsigned char *locked;

/* Whether "to" is reachable from "from" along locked pairs. */
static int
rp_reaches(size_t nc, uint32_t from, uint32_t to, unsigned char *seen)
{
	if (from == to)
		return 1;
	seen[from] = 1;
	for (uint32_t k = 0; k < nc; k++)
		if (locked[from * nc + k] && !seen[k] && rp_reaches(nc, k, to, seen))
			return 1;
	return 0;
}

static size_t
rp_layer(const struct prun *p, const uint32_t *set, size_t n, unsigned char *in)
{
	size_t nc = p->e->nc, count = 0;

	for (size_t a = 0; a < n; a++) {
		size_t b = 0;

		while (b < n && !locked[set[b] * nc + set[a]])
			b++;
		in[set[a]] = b == n;
		count += b == n;
	}
	return count;
}

/*
 * Without --tie-break, a group of equal pairs is not put in any order: a
 * pair is locked only when it makes no cycle with those locked before
 * and every other pair of the group that could be; pairs that could make
 * a cycle with each other are none of them locked (their candidates may
 * then tie), and a note says so.
 */
static void
rp_group_untied(const struct election *e, struct eresult *r, struct pair *g, size_t n, unsigned char *seen)
{
	size_t nc = e->nc, nok = 0;
	unsigned char *ok = xcalloc(n, 1), *lock = xcalloc(n, 1);
	struct buf what = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		memset(seen, 0, nc);
		ok[i] = !rp_reaches(nc, g[i].l, g[i].w, seen);
	}
	for (size_t i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		for (size_t k = 0; k < n; k++)
			if (ok[k] && k != i)
				locked[g[k].w * nc + g[k].l] = 1;
		memset(seen, 0, nc);
		lock[i] = !rp_reaches(nc, g[i].l, g[i].w, seen);
		for (size_t k = 0; k < n; k++)
			if (ok[k] && k != i)
				locked[g[k].w * nc + g[k].l] = 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (lock[i]) {
			locked[g[i].w * nc + g[i].l] = 1;
		} else if (ok[i]) {
			buf_printf(&what, "%s%s>%s", nok ? ", " : "", e->names[g[i].w], e->names[g[i].l]);
			nok++;
		}
	}
	if (nok)
		eresult_note(r, _("ranked pairs: equal pairs %s make a cycle: none of them locked (no --tie-break given)"),
			what.data);
	buf_release(&what);
	free(ok);
	free(lock);
}

/* Locks the pairs of a group of equal strength; lists the tie when the
 * order in the group changed what was locked. */
static void
rp_group(const struct election *e, struct eresult *r, struct pair *g, size_t n, unsigned char *seen)
{
	size_t nc = e->nc, nlocked = 0, nskipped = 0;

	if (n > 1 && eopt.tie == TIE_RANDOM)
		for (size_t i = n - 1; i > 0; i--) {
			size_t k = (size_t)elect_draw(i + 1);
			struct pair t = g[i];

			g[i] = g[k];
			g[k] = t;
		}
	if (n > 1 && eopt.tie == TIE_NONE) {
		rp_group_untied(e, r, g, n, seen);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		memset(seen, 0, nc);
		if (rp_reaches(nc, g[i].l, g[i].w, seen)) {
			nskipped++;
			continue;
		}
		locked[g[i].w * nc + g[i].l] = 1;
		nlocked++;
	}
	if (nskipped && nlocked) {
		static char rule[48];
		struct buf what = BUF_INIT;

		snprintf(rule, sizeof rule, "random:%" PRIu64, eopt.tie_seed);

		buf_adds(&what, _("ranked pairs: equal pairs "));
		for (size_t i = 0; i < n; i++)
			buf_printf(&what, "%s%s>%s", i ? ", " : "", e->names[g[i].w], e->names[g[i].l]);
		r->ties = xreallocarray(r->ties, r->nties + 1, sizeof *r->ties);
		r->ties[r->nties++] = (struct etie){
			buf_detach(&what), xstrdup(_("taken in the order listed")),
			eopt.tie == TIE_RANDOM ? rule : "order",
		};
	}
}

void
ranked_pairs_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "wins", WT_INT } };
	struct prun pr, *p = &pr;
	size_t nc = e->nc, np = 0, top;
	struct pair *pairs;
	unsigned char *seen = xcalloc(nc ? nc : 1, 1);
	char **v = values_new(e, 1);

	prun_start(p, e, r);
	eresult_columns(r, cols, 1);
	pairs = xreallocarray(NULL, p->n * p->n != 0 ? p->n * p->n : 1, sizeof *pairs);
	locked = xcalloc(nc * nc != 0 ? nc * nc : 1, 1);
	for (size_t a = 0; a < p->n; a++)
		for (size_t b = 0; b < p->n; b++) {
			uint32_t i = p->cands[a], j = p->cands[b];

			if (a == b || D(i, j) <= D(j, i))
				continue;
			if (eopt.strength == STRENGTH_WINNING)
				pairs[np++] = (struct pair){ i, j, D(i, j), -D(j, i) };
			else
				pairs[np++] = (struct pair){ i, j, D(i, j) - D(j, i), D(i, j) };
		}
	qsort(pairs, np, sizeof *pairs, cmp_pair);
	for (size_t g = 0; g < np; ) {
		size_t h = g + 1;

		while (h < np && pairs[h].s1 == pairs[g].s1 && pairs[h].s2 == pairs[g].s2)
			h++;
		rp_group(e, r, pairs + g, h - g, seen);
		g = h;
	}
	for (size_t a = 0; a < p->n; a++) {
		uint32_t i = p->cands[a];
		int64_t w = 0;

		for (size_t b = 0; b < p->n; b++) {
			memset(seen, 0, nc);
			w += a != b && rp_reaches(nc, i, p->cands[b], seen);
		}
		v[i] = fmt_i64(w);
	}
	eresult_rule(r, _("ranked pairs (Tideman 1987): pairs locked strongest first by %s unless they "
		"make a cycle%s"), eopt.strength == STRENGTH_WINNING ? _("winning votes") : _("margin"),
		unranked_words());
	rank_layers(p, r, rp_layer, v, &top);
	free(locked);
	locked = NULL;
	free(pairs);
	free(seen);
	prun_end(p, r);
	values_free(e, v, 1);
}

/* ---- Borda (from the same sums) ---- */

/*
 * With k candidates on a ballot, the first gets k - 1 + start points, the
 * last start; tied candidates share the mean of the points of their
 * places.  Under --unranked=last, k is every candidate and the unranked
 * ones share the last places; under ignore, k is the number ranked and
 * the unranked get nothing.  So a candidate's points are
 *   start * (ballots giving it points) + sum over j of (d[i][j] + t[i][j] / 2)
 * where t counts the ballots ranking i and j equal: computed from the
 * pairwise sums, in halves so that they stay exact.
 */
void
borda_run(struct election *e, struct eresult *r)
{
	static const struct ecol cols[] = { { "points", WT_DEC } };
	struct prun pr, *p = &pr;
	int64_t *key = xcalloc(e->nc ? e->nc : 1, sizeof *key);
	char **v = values_new(e, 1);

	prun_start(p, e, r);
	eresult_columns(r, cols, 1);
	for (size_t a = 0; a < p->n; a++) {
		uint32_t i = p->cands[a];
		int64_t half = 2 * (int64_t)eopt.borda_start *
			(eopt.unranked == UNRANKED_LAST ? pairwise_total(e) : pairwise_ranked(e, i));
		char s[40];

		for (size_t b = 0; b < p->n; b++) {
			uint32_t j = p->cands[b];

			if (a != b)
				half += 2 * D(i, j) + pairwise_ties(e, i, j);
		}
		key[i] = half;
		if (half % 2)
			snprintf(s, sizeof s, "%" PRId64 ".5", half / 2);
		else
			snprintf(s, sizeof s, "%" PRId64, half / 2);
		v[i] = xstrdup(s);
	}
	eresult_rule(r, _("borda: with k candidates on a ballot the first gets k-1+%d points, the last %d; "
		"tied candidates share the mean of their places' points%s"), eopt.borda_start, eopt.borda_start,
		eopt.unranked == UNRANKED_LAST ? _("; unranked candidates share the last places") :
		_("; k counts the ranked candidates only, the unranked get nothing"));
	elect_rank_keys(e, r, p->cands, p->n, key, v);
	prun_end(p, r);
	values_free(e, v, 1);
	free(key);
}
