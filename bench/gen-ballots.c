/*
 * gen-ballots.c: generated election ballots for bench/elections.sh.
 *
 *   gen-ballots N DIR
 *
 * writes, for 10 candidates (names with accents), fixed seed:
 *
 *   DIR/ranked-N.csv      voter,ranking: N ranked ballots as an
 *                         association votes: 8 popular orders, most ballots
 *                         truncated after 1 to 3 names, some with two
 *                         neighbours swapped, some with a tie ("A>B=C"),
 *                         1 % with a tied first place; identical ballots
 *                         repeat (a few thousand distinct rankings)
 *   DIR/ranked-N.cvotes   the same ballots in the Condorcet Election Format,
 *                         one line per distinct ranking ("A > B = C * 412")
 *   DIR/distinct-N.csv    voter,ranking: N complete rankings drawn one
 *                         candidate at a time (Plackett-Luce, mild weights),
 *                         with a tie after the first place now and then:
 *                         nearly every ballot is distinct (the grouping's
 *                         worst case)
 *   DIR/graded-N.csv      voter,<one column per candidate>: N ballots of
 *                         French grades (à rejeter ... excellent), each
 *                         candidate its own spread of grades
 *   DIR/expected-N.txt    the truth, one fact a line:
 *                           first FILE CANDIDATE COUNT   first choices
 *                           tiedfirst FILE COUNT         tied first places
 *                           distinct FILE COUNT          distinct rankings
 *                           grade CANDIDATE MEDIAN ABOVE BELOW
 *                         (FILE ranked or distinct; MEDIAN the grade's index,
 *                         0 = à rejeter, the lower middle judgment)
 *
 * Distinct rankings are counted as ess-tally groups them: tied candidates
 * in any order are the same ranking (they are written in candidate order).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NC 10
#define NG 7

static const char *const cand[NC] = {
	"Amina", "Bruno", "Chloé", "David", "Élodie",
	"Farid", "Gaëlle", "Hugo", "Inès", "Jules",
};
static const char *const grade[NG] = {
	"à rejeter", "insuffisant", "passable", "assez bien", "bien",
	"très bien", "excellent",
};

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t
next(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
unif(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static unsigned
rnd(unsigned n)
{
	return (unsigned)(next() % n);
}

/* An index drawn from weights w[0..n-1] (not necessarily summing to 1). */
static int
pick(const double *w, int n)
{
	double s = 0, x;
	int i;

	for (i = 0; i < n; i++)
		s += w[i];
	x = unif() * s;
	for (i = 0; i < n - 1; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ---- Distinct rankings: an open-addressing set of 64-bit keys with a
 * count each.  A key holds, per position, the candidate (4 bits) and
 * whether it is tied with the next one (1 bit), tied groups sorted, and
 * the length in the top bits. */

struct set {
	uint64_t *key;
	uint32_t *cnt;
	size_t cap, n;
};

static void
set_init(struct set *s, size_t n)
{
	s->cap = 1024;
	while (s->cap < 2 * n)
		s->cap *= 2;
	s->key = calloc(s->cap, sizeof *s->key);
	s->cnt = calloc(s->cap, sizeof *s->cnt);
	s->n = 0;
	if (!s->key || !s->cnt) {
		fprintf(stderr, "gen-ballots: out of memory\n");
		exit(1);
	}
}

static void
set_add(struct set *s, uint64_t k)
{
	size_t i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 20) & (s->cap - 1);

	while (s->key[i] != 0 && s->key[i] != k)
		i = (i + 1) & (s->cap - 1);
	if (s->key[i] == 0) {
		s->key[i] = k;
		s->n++;
	}
	s->cnt[i]++;
}

/* A ballot: len candidates in order, tie[i] when r[i] and r[i + 1] share
 * a level.  Tied groups are sorted by candidate, so that the text and the
 * key are canonical. */
struct ballot {
	int r[NC], tie[NC], len;
};

static void
canonical(struct ballot *b)
{
	int i = 0, j, k, t;

	while (i < b->len) {
		j = i;
		while (j < b->len - 1 && b->tie[j])
			j++;
		for (k = i + 1; k <= j; k++)
			for (t = k; t > i && b->r[t - 1] > b->r[t]; t--) {
				int x = b->r[t];
				b->r[t] = b->r[t - 1];
				b->r[t - 1] = x;
			}
		i = j + 1;
	}
}

static uint64_t
key(const struct ballot *b)
{
	uint64_t k = (uint64_t)b->len << 56;
	int i;

	for (i = 0; i < b->len; i++)
		k |= (uint64_t)(b->r[i] | (b->tie[i] && i < b->len - 1) << 4) << (5 * i);
	return k;
}

static void
unkey(uint64_t k, struct ballot *b)
{
	int i;

	b->len = (int)(k >> 56);
	for (i = 0; i < b->len; i++) {
		b->r[i] = (int)(k >> (5 * i)) & 15;
		b->tie[i] = (int)(k >> (5 * i + 4)) & 1;
	}
}

static void
write_ranking(FILE *f, const struct ballot *b, const char *gt, const char *eq)
{
	int i;

	for (i = 0; i < b->len; i++) {
		if (i > 0)
			fputs(b->tie[i - 1] ? eq : gt, f);
		fputs(cand[b->r[i]], f);
	}
}

static FILE *
open_out(const char *dir, const char *name, long n, const char *ext, char *path)
{
	FILE *f;

	snprintf(path, 4096, "%s/%s-%ld.%s", dir, name, n, ext);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void
close_out(FILE *f, const char *path)
{
	if (ferror(f) || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* ---- The association's ranked ballots ---- */

static const int popular[8][NC] = {
	{ 0, 2, 4, 1, 3, 5, 6, 7, 8, 9 },
	{ 1, 3, 0, 5, 2, 4, 7, 6, 9, 8 },
	{ 2, 0, 4, 6, 1, 8, 3, 5, 9, 7 },
	{ 3, 1, 5, 7, 9, 0, 2, 4, 6, 8 },
	{ 4, 2, 0, 6, 8, 1, 3, 9, 5, 7 },
	{ 5, 3, 1, 9, 7, 0, 8, 2, 6, 4 },
	{ 6, 4, 8, 2, 0, 9, 1, 7, 3, 5 },
	{ 7, 9, 5, 3, 1, 6, 8, 0, 2, 4 },
};
static const double popular_w[8] = { 22, 18, 15, 12, 10, 9, 8, 6 };
/* Lengths 1 to 10. */
static const double length_w[NC] = { 25, 20, 20, 10, 7, 4, 3, 2, 1, 8 };

static void
association_ballot(struct ballot *b)
{
	int p = pick(popular_w, 8), i, x;

	memcpy(b->r, popular[p], sizeof b->r);
	memset(b->tie, 0, sizeof b->tie);
	b->len = pick(length_w, NC) + 1;
	/* Two neighbours swapped (the first place stays the faction's). */
	if (unif() < 0.15) {
		i = 1 + (int)rnd(NC - 2);
		x = b->r[i], b->r[i] = b->r[i + 1], b->r[i + 1] = x;
	}
	if (unif() < 0.03) {
		i = 1 + (int)rnd(NC - 2);
		x = b->r[i], b->r[i] = b->r[i + 1], b->r[i + 1] = x;
	}
	if (b->len >= 2 && unif() < 0.01)
		b->tie[0] = 1;
	else if (b->len >= 3 && unif() < 0.05)
		b->tie[1 + rnd((unsigned)b->len - 2)] = 1;
	canonical(b);
}

/* ---- Nearly distinct ballots: complete rankings, Plackett-Luce ---- */

static const double pl_w[NC] = { 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6 };

static void
distinct_ballot(struct ballot *b)
{
	double w[NC];
	int left[NC], n = NC, i, k;

	for (i = 0; i < NC; i++)
		left[i] = i, w[i] = pl_w[i];
	for (i = 0; i < NC; i++) {
		k = pick(w, n);
		b->r[i] = left[k];
		left[k] = left[n - 1];
		w[k] = w[n - 1];
		n--;
	}
	b->len = NC;
	for (i = 0; i < NC; i++)
		b->tie[i] = i > 0 && i < NC - 1 && unif() < 0.06;
	canonical(b);
}

static void
ranked_file(const char *dir, const char *name, long n, int assoc, FILE *exp)
{
	char path[4096], cpath[4096];
	FILE *f = open_out(dir, name, n, "csv", path), *c;
	struct set s;
	struct ballot b;
	long first[NC] = { 0 }, tied = 0, v;
	size_t i;
	int k;

	set_init(&s, (size_t)n);
	fputs("voter,ranking\n", f);
	for (v = 1; v <= n; v++) {
		if (assoc)
			association_ballot(&b);
		else
			distinct_ballot(&b);
		if (b.len >= 2 && b.tie[0])
			tied++;
		else
			first[b.r[0]]++;
		set_add(&s, key(&b));
		fprintf(f, "v%ld,", v);
		write_ranking(f, &b, ">", "=");
		putc('\n', f);
	}
	close_out(f, path);
	for (k = 0; k < NC; k++)
		fprintf(exp, "first %s %s %ld\n", name, cand[k], first[k]);
	fprintf(exp, "tiedfirst %s %ld\n", name, tied);
	fprintf(exp, "distinct %s %zu\n", name, s.n);
	if (assoc) {
		c = open_out(dir, name, n, "cvotes", cpath);
		fputs("#/Candidates: ", c);
		for (k = 0; k < NC; k++)
			fprintf(c, "%s%s", k ? " ; " : "", cand[k]);
		fputs("\n#/Implicit Ranking: true\n#/Weight allowed: false\n", c);
		for (i = 0; i < s.cap; i++) {
			if (!s.key[i])
				continue;
			unkey(s.key[i], &b);
			write_ranking(c, &b, " > ", " = ");
			fprintf(c, " * %u\n", s.cnt[i]);
		}
		close_out(c, cpath);
	}
	free(s.key);
	free(s.cnt);
}

/* ---- Graded ballots ---- */

/* Per candidate, the weights of grades 0 (à rejeter) to 6 (excellent). */
static const double grade_w[NC][NG] = {
	{ 4, 8, 14, 22, 26, 18, 8 },
	{ 5, 9, 15, 22, 25, 16, 8 },
	{ 6, 10, 18, 24, 22, 14, 6 },
	{ 10, 12, 20, 22, 18, 12, 6 },
	{ 3, 7, 15, 25, 27, 16, 7 },
	{ 15, 18, 22, 20, 14, 8, 3 },
	{ 8, 12, 18, 21, 20, 14, 7 },
	{ 20, 20, 20, 18, 12, 7, 3 },
	{ 5, 10, 16, 24, 24, 15, 6 },
	{ 12, 14, 18, 20, 18, 12, 6 },
};

static void
graded_file(const char *dir, long n, FILE *exp)
{
	char path[4096];
	FILE *f = open_out(dir, "graded", n, "csv", path);
	long cnt[NC][NG] = { { 0 } }, v, below, at;
	int k, g, med;

	fputs("voter", f);
	for (k = 0; k < NC; k++)
		fprintf(f, ",%s", cand[k]);
	putc('\n', f);
	for (v = 1; v <= n; v++) {
		fprintf(f, "v%ld", v);
		for (k = 0; k < NC; k++) {
			g = pick(grade_w[k], NG);
			cnt[k][g]++;
			fprintf(f, ",%s", grade[g]);
		}
		putc('\n', f);
	}
	close_out(f, path);
	/* The lower middle judgment: position (n - 1) / 2, worst first. */
	for (k = 0; k < NC; k++) {
		below = 0;
		for (med = 0; med < NG - 1 && below + cnt[k][med] <= (n - 1) / 2; med++)
			below += cnt[k][med];
		at = cnt[k][med];
		fprintf(exp, "grade %s %d %ld %ld\n", cand[k], med, n - below - at, below);
	}
}

int
main(int argc, char **argv)
{
	char path[4096];
	long n;
	FILE *exp;

	if (argc != 3 || (n = atol(argv[1])) < 1) {
		fprintf(stderr, "usage: gen-ballots N DIR\n");
		return 64;
	}
	exp = open_out(argv[2], "expected", n, "txt", path);
	ranked_file(argv[2], "ranked", n, 1, exp);
	ranked_file(argv[2], "distinct", n, 0, exp);
	graded_file(argv[2], n, exp);
	close_out(exp, path);
	return 0;
}
