/*
 * ballots-blt.c: the BLT format of OpenSTV, Droop and the Electoral
 * Reform Society:
 *
 *   4 2                    candidates, seats
 *   -2                     withdrawn candidates (negative numbers), optional
 *   [tie 3 1 2]            the order that breaks ties, optional
 *   3 1 2 0                weight, candidates best first (1=2 for a tie), 0
 *   (v7) 1 4 0             a ballot may start with its id in parentheses
 *   0                      the end of the ballots
 *   "Adam"                 the candidates' names, in number order
 *   ...
 *   "The title"
 *
 * Only "[tie ...]" and "[dropped ...]" (withdrawn, as Droop writes them)
 * are understood among the bracketed options; any other is an error.
 * Ballots come before the names: candidates are numbered while reading
 * and named at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "ballots.h"
#include "err.h"

struct blt {
	struct breader r;
	long nc;
	uint32_t *cand;		/* by number - 1: the candidate */
	int named;		/* the candidates had names before (--candidates, other files) */
	char **names;		/* by number - 1: the names read at the end */
	char *line;
};

static void
blt_skip_ws(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/* A whole number, maybe negative, at *p; sets *ok. */
static long
blt_number(const char **p, const char *end, int *ok)
{
	int neg = 0;
	long v = 0;

	*ok = 0;
	if (*p < end && **p == '-') {
		neg = 1;
		(*p)++;
	}
	if (*p >= end || **p < '0' || **p > '9')
		return 0;
	while (*p < end && **p >= '0' && **p <= '9') {
		if (v > 100000000000000L)
			return 0;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	if (*p < end && **p != ' ' && **p != '\t' && **p != '=' && **p != ']')
		return 0;
	*ok = 1;
	return neg ? -v : v;
}

static noreturn void
blt_die_at(struct blt *b, const char *s, const char *p, const char *msg)
{
	ess_die_at(EX_DATAERR, b->r.name, b->r.line, line_col(s, p), "%s", msg);
}

/* The first line: "candidates seats". */
static void
first_line(struct blt *b, const char *s, size_t len)
{
	struct election *e = b->r.e;
	const char *p = s, *end = s + len;
	long seats;
	int ok1, ok2;
	char num[24];

	blt_skip_ws(&p, end);
	b->nc = blt_number(&p, end, &ok1);
	blt_skip_ws(&p, end);
	seats = blt_number(&p, end, &ok2);
	blt_skip_ws(&p, end);
	if (!ok1 || !ok2 || p != end || b->nc < 1 || b->nc > 100000 || seats < 1)
		blt_die_at(b, s, s, _("a BLT file starts with the number of candidates and of seats ('4 2')"));
	e->seats = seats;
	b->cand = xcalloc((size_t)b->nc, sizeof *b->cand);
	b->named = e->nc > 0;
	if (b->named && (long)e->nc != b->nc)
		blt_die_at(b, s, s, _("the number of candidates differs from that of --candidates or of the files before"));
	for (long i = 0; i < b->nc; i++) {
		if (!b->named) {
			/* numbered until the names come at the end */
			snprintf(num, sizeof num, "%ld", i + 1);
			election_candidate(e, num, strlen(num));
		}
		b->cand[i] = (uint32_t)i;
	}
	e->declared = 1;
	if (!e->withdrawn)
		e->withdrawn = xcalloc(e->nc, 1);
}

/* A candidate's number at p: its candidate, or -1 (s is the line). */
static long
cand_number(struct blt *b, long v)
{
	return v >= 1 && v <= b->nc ? (long)b->cand[v - 1] : -1;
}

/* "-2 -5": withdrawn candidates; "[tie 3 1 2]", "[dropped 1 2]". */
static void
option_line(struct blt *b, const char *s, size_t len)
{
	struct election *e = b->r.e;
	const char *p = s, *end = s + len;
	int tie = 0, ok;

	blt_skip_ws(&p, end);
	if (*p == '[') {
		const char *w = ++p;

		while (p < end && *p != ' ' && *p != '\t' && *p != ']')
			p++;
		if ((size_t)(p - w) == 3 && memcmp(w, "tie", 3) == 0)
			tie = 1;
		else if (!((size_t)(p - w) == 7 && memcmp(w, "dropped", 7) == 0))
			blt_die_at(b, s, w, _("unknown option: only [tie ...] and [dropped ...] are understood"));
		if (end[-1] != ']')
			blt_die_at(b, s, end, _("an option ends with ']'"));
		end--;
		if (tie) {
			free(e->tie_order);
			e->tie_order = NULL;
			e->ntie_order = 0;
		}
	}
	for (;;) {
		const char *at;
		long v, c;

		blt_skip_ws(&p, end);
		if (p == end)
			break;
		at = p;
		v = blt_number(&p, end, &ok);
		if (!ok)
			blt_die_at(b, s, at, _("expected a candidate's number"));
		if (v < 0 && !tie && s[0] != '[')
			v = -v;	/* "-2": withdrawn */
		else if (v < 0)
			blt_die_at(b, s, at, _("expected a candidate's number"));
		if ((c = cand_number(b, v)) < 0) {
			char msg[128];

			snprintf(msg, sizeof msg, _("unknown candidate: %ld is not between 1 and %ld"), v, b->nc);
			blt_die_at(b, s, at, msg);
		}
		if (tie) {
			e->tie_order = xreallocarray(e->tie_order, e->ntie_order + 1, sizeof *e->tie_order);
			e->tie_order[e->ntie_order++] = (uint32_t)c;
		} else {
			e->withdrawn[c] = 1;
		}
	}
}

/* "weight c1 c2=c3 ... 0"; returns 0 for the line "0" that ends them. */
static int
blt_ballot(struct blt *b, char *s, size_t len)
{
	struct election *e = b->r.e;
	const char *p = s, *end = s + len, *at;
	uint32_t level = 0;
	long w, v, c;
	int ok, ended = 0, tied = 0;

	breader_start(&b->r, BK_RANKED, b->r.line, 1);
	blt_skip_ws(&p, end);
	if (*p == '(') {	/* a ballot id */
		const char *q = memchr(p, ')', (size_t)(end - p));

		if (!q)
			blt_die_at(b, s, p, _("a ballot id in parentheses lacks its ')'"));
		p = q + 1;
		blt_skip_ws(&p, end);
	}
	at = p;
	w = blt_number(&p, end, &ok);
	if (ok && w == 0 && at == s + strspn(s, " \t")) {
		blt_skip_ws(&p, end);
		if (p == end)
			return 0;
	}
	b->r.b.col = line_col(s, at);
	if (!ok || w < 1) {
		const char *q = at;

		while (q < end && *q != ' ' && *q != '\t')
			q++;
		b->r.b.weight = 0;
		ballot_fail(e, &b->r.b, SIZE_MAX, _("weight '%.*s' is not a positive whole number"),
			(int)(q - at), at);
		return 1;
	}
	b->r.b.weight = w;
	for (;;) {
		blt_skip_ws(&p, end);
		if (p == end)
			break;
		if (ended) {
			b->r.b.col = line_col(s, p);
			ballot_fail(e, &b->r.b, SIZE_MAX, "%s", _("something after the 0 that ends the ballot"));
			return 1;
		}
		at = p;
		v = blt_number(&p, end, &ok);
		if (!ok || v < 0) {
			b->r.b.col = line_col(s, at);
			ballot_fail(e, &b->r.b, SIZE_MAX, "%s", _("expected a candidate's number or the 0 that ends the ballot"));
			return 1;
		}
		if (v == 0) {
			if (tied) {
				b->r.b.col = line_col(s, at);
				ballot_fail(e, &b->r.b, SIZE_MAX, "%s", _("'=' must be followed by a candidate"));
				return 1;
			}
			ended = 1;
			continue;
		}
		if ((c = cand_number(b, v)) < 0) {
			b->r.b.col = line_col(s, at);
			ballot_fail(e, &b->r.b, SIZE_MAX, _("unknown candidate: %ld is not between 1 and %ld"),
				v, b->nc);
			return 1;
		}
		if (!tied)
			level++;
		breader_push(&b->r, (uint32_t)c, level, 0, line_col(s, at), -1);
		tied = p < end && *p == '=';
		if (tied)
			p++;
	}
	if (!ended) {
		b->r.b.col = line_col(s, end);
		ballot_fail(e, &b->r.b, SIZE_MAX, "%s", _("the ballot does not end with 0"));
		return 1;
	}
	election_add(e, &b->r.b);
	return 1;
}

/* The quoted strings after the ballots: names, then the title. */
static void
blt_names(struct blt *b, char *s, size_t len, long *got)
{
	struct election *e = b->r.e;
	const char *p = s, *end = s + len;

	for (;;) {
		const char *q;

		blt_skip_ws(&p, end);
		if (p == end)
			return;
		if (*p != '"')
			blt_die_at(b, s, p, _("expected a name in double quotes"));
		q = memchr(p + 1, '"', (size_t)(end - p - 1));
		if (!q)
			blt_die_at(b, s, p, _("a name lacks its closing quote"));
		p++;
		if (*got < b->nc) {
			uint32_t c = b->cand[*got];

			if (b->named) {
				if (strlen(e->names[c]) != (size_t)(q - p) || memcmp(e->names[c], p, (size_t)(q - p)) != 0)
					blt_die_at(b, s, p, _("this name differs from that of --candidates or of the files before"));
			} else {
				if (!b->names)
					b->names = xcalloc((size_t)b->nc, sizeof *b->names);
				b->names[*got] = xstrndup(p, (size_t)(q - p));
			}
		} else if (*got == b->nc) {
			free(e->title);
			e->title = xstrndup(p, (size_t)(q - p));
		} else {
			blt_die_at(b, s, p - 1, _("more names than candidates, after the title"));
		}
		(*got)++;
		p = q + 1;
	}
}

/* The names replace the numbers: the index is made again (candidate i
 * is number i + 1: nothing was named before). */
static void
rename_all(struct blt *b)
{
	struct election *e = b->r.e;
	struct map m;

	if (b->named)
		return;
	map_init(&m);
	for (long i = 0; i < b->nc; i++) {
		int added;

		map_put(&m, b->names[i], strlen(b->names[i]), &added);
		if (!added) {
			map_release(&m);
			ess_die_at(EX_DATAERR, b->r.name, b->r.line, 0,
				_("two candidates are named '%s'"), b->names[i]);
		}
	}
	for (long i = 0; i < b->nc; i++) {
		free(e->names[i]);
		e->names[i] = b->names[i];
		b->names[i] = NULL;
	}
	map_release(&e->index);
	e->index = m;
}

static void
blt_free(void *arg)
{
	struct blt *b = arg;

	for (long i = 0; b->names && i < b->nc; i++)
		free(b->names[i]);
	free(b->names);
	free(b->cand);
	breader_release(&b->r);
	memset(b, 0, sizeof *b);
}

void
read_blt(struct election *e, struct input *in)
{
	static struct blt b;
	char *s;
	size_t len;
	int state = 0;	/* 0 first line, 1 options and ballots, 2 names */
	long got = 0;

	memset(&b, 0, sizeof b);
	breader_init(&b.r, e, in->name);
	ballots_guard(blt_free, &b);
	b.r.in = in;
	e->format = bformat_names[BF_BLT];
	while ((s = breader_line(&b.r, &len))) {
		const char *p = s;

		if (strspn(s, " \t") == len)
			continue;
		if (state == 0) {
			first_line(&b, s, len);
			state = 1;
			continue;
		}
		if (state == 1) {
			blt_skip_ws(&p, s + len);
			if (*p == '-' || *p == '[')
				option_line(&b, s, len);
			else if (!blt_ballot(&b, s, len))
				state = 2;
			continue;
		}
		blt_names(&b, s, len, &got);
	}
	if (state == 0)
		ess_die_at(EX_DATAERR, b.r.name, 0, 0, "%s", _("the file is empty"));
	if (state == 1)
		ess_die_at(EX_DATAERR, b.r.name, b.r.line, 0, "%s", _("the ballots do not end with a line '0'"));
	if (got < b.nc)
		ess_die_at(EX_DATAERR, b.r.name, b.r.line, 0,
			_("%ld candidates but %ld names"), b.nc, got);
	rename_all(&b);
	ballots_guard(NULL, NULL);
	blt_free(&b);
}
