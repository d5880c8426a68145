/*
 * ballots-preflib.c: PrefLib's ordinal files (.soc, .soi, .toc, .toi;
 * https://www.preflib.org/format):
 *
 *   # NUMBER ALTERNATIVES: 4
 *   # ALTERNATIVE NAME 1: Memphis
 *   ...
 *   42: 1, 2, 3, 4          42 voters, best first
 *   7: 3, {1, 2}            braces: tied; missing alternatives unranked
 *
 * and the older format (.soc before 2022): a line with the number of
 * alternatives, one line "number,name" each, a line "voters,total,
 * distinct", then "count,1,2,{3,4}".  Other header lines are skipped.
 */
#include <stdlib.h>
#include <string.h>

#include "ballots.h"
#include "err.h"
#include "num.h"

struct preflib {
	struct breader r;
	long nalt;		/* -1 until known */
	char **names;		/* by alternative number - 1 */
	uint32_t *cand;		/* by alternative number - 1: the candidate */
	unsigned char *seen;	/* by candidate: named by an alternative */
	int declared;		/* the candidates are known: ballots may come */
	int old;		/* the old format */
	long old_names;		/* old format: name lines still to read */
	int old_totals;		/* old format: the totals line is still to come */
	char *line;
};

static void
pl_skip_ws(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/* Reads a whole number at *p; -1 when there is none (or it is too big). */
static long
pl_number(const char **p, const char *end)
{
	long v = 0;

	if (*p >= end || **p < '0' || **p > '9')
		return -1;
	while (*p < end && **p >= '0' && **p <= '9') {
		if (v > 100000000)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return v;
}

static void
set_name(struct preflib *pl, long i, const char *s, size_t len, long col)
{
	if (pl->nalt < 0)
		ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, col, "%s",
			_("an alternative's name before the number of alternatives"));
	if (i < 1 || i > pl->nalt)
		ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, col,
			_("alternative %ld is not between 1 and %ld"), i, pl->nalt);
	free(pl->names[i - 1]);
	pl->names[i - 1] = xstrndup(s, len);
}

static void
set_count(struct preflib *pl, long n, long col)
{
	if (n < 1 || n > 100000)
		ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, col, "%s",
			_("the number of alternatives is not a whole number from 1 to 100000"));
	if (pl->names)
		ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, col, "%s",
			_("the number of alternatives is given twice"));
	pl->nalt = n;
	pl->names = xcalloc((size_t)n, sizeof *pl->names);
}

/* The alternatives are known: declare them, in number order (a missing
 * name is the number). */
static void
pl_declare(struct preflib *pl)
{
	struct election *e = pl->r.e;
	char num[24];

	if (pl->nalt < 0)
		ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, 1, "%s",
			_("ballots before '# NUMBER ALTERNATIVES:'"));
	pl->cand = xcalloc((size_t)pl->nalt, sizeof *pl->cand);
	for (long i = 0; i < pl->nalt; i++) {
		const char *n = pl->names[i];
		long c;

		if (!n) {
			snprintf(num, sizeof num, "%ld", i + 1);
			n = num;
		}
		if ((c = election_candidate(e, n, strlen(n))) < 0)
			ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, 1,
				_("alternative '%s' is not one of the candidates of --candidates"), n);
		pl->cand[i] = (uint32_t)c;
		if (!pl->seen)
			pl->seen = xcalloc(e->nc + (size_t)pl->nalt, 1);
		if ((size_t)c < e->nc + (size_t)pl->nalt && pl->seen[c]++)
			ess_die_at(EX_DATAERR, pl->r.name, pl->r.line, 1,
				_("two alternatives are named '%s'"), n);
	}
	e->declared = 1;
	pl->declared = 1;
}

/* "# KEY: value" */
static void
pl_header(struct preflib *pl, const char *s, size_t len)
{
	const char *p = s + 1, *end = s + len, *colon;
	long i;

	pl_skip_ws(&p, end);
	colon = memchr(p, ':', (size_t)(end - p));
	if (!colon || pl->declared)
		return;	/* a comment */
	if ((size_t)(colon - p) == 19 && memcmp(p, "NUMBER ALTERNATIVES", 19) == 0) {
		const char *v = colon + 1;
		long n;

		pl_skip_ws(&v, end);
		n = pl_number(&v, end);
		pl_skip_ws(&v, end);
		if (v != end)
			n = -1;
		set_count(pl, n, line_col(s, colon + 1));
	} else if (colon - p > 17 && memcmp(p, "ALTERNATIVE NAME ", 17) == 0) {
		const char *q = p + 17, *v = colon + 1, *ve = end;

		i = pl_number(&q, colon);
		if (q != colon)
			i = -1;
		pl_skip_ws(&v, end);
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		set_name(pl, i, v, (size_t)(ve - v), line_col(s, p));
	}
}

/* "count: a, b, {c, d}" (or "count,a,b,{c,d}" in the old format). */
static void
pl_ballot(struct preflib *pl, const char *s, size_t len)
{
	struct election *e = pl->r.e;
	const char *p = s, *end = s + len;
	uint32_t level = 0;
	int group = 0, group_used = 0;
	long n;

	if (!pl->declared)
		pl_declare(pl);
	breader_start(&pl->r, BK_RANKED, pl->r.line, 1);
	pl_skip_ws(&p, end);
	n = pl_number(&p, end);
	pl_skip_ws(&p, end);
	if (n < 0 || p == end || *p != (pl->old ? ',' : ':')) {
		ballot_fail(e, &pl->r.b, SIZE_MAX,
			pl->old ? _("a ballot is written 'count,1,2,{3,4}'")
			: _("a ballot is written 'count: 1, 2, {3, 4}'"));
		return;
	}
	if (n < 1) {
		ballot_fail(e, &pl->r.b, SIZE_MAX, _("count %ld is not a positive whole number"), n);
		return;
	}
	pl->r.b.weight = n;
	p++;
	for (;;) {
		const char *at;
		long a;

		pl_skip_ws(&p, end);
		if (p == end)
			break;
		at = p;
		if (*p == '{') {
			if (group)
				goto bad;
			group = 1;
			group_used = 0;
			p++;
			continue;
		}
		if (*p == '}') {
			if (!group)
				goto bad;
			group = 0;
			p++;
		} else {
			if ((a = pl_number(&p, end)) < 0)
				goto bad;
			if (a < 1 || a > pl->nalt) {
				pl->r.b.col = line_col(s, at);
				ballot_fail(e, &pl->r.b, SIZE_MAX,
					_("unknown candidate: alternative %ld is not between 1 and %ld"),
					a, pl->nalt);
				return;
			}
			if (!group || !group_used)
				level++;
			group_used = 1;
			breader_push(&pl->r, pl->cand[a - 1], level, 0, line_col(s, at), -1);
		}
		pl_skip_ws(&p, end);
		if (p < end && *p == ',') {
			p++;
			pl_skip_ws(&p, end);
			if (p == end || *p == '}')
				goto bad;
		} else if (p < end && *p != '}') {
			goto bad;
		}
	}
	if (group)
		goto bad;
	election_add(e, &pl->r.b);
	return;
bad:
	pl->r.b.col = line_col(s, p < end ? p : end);
	ballot_fail(e, &pl->r.b, SIZE_MAX, "%s",
		_("expected an alternative's number, ',' or braces around tied ones"));
}

static void
preflib_free(void *arg)
{
	struct preflib *pl = arg;

	for (long i = 0; pl->names && i < pl->nalt; i++)
		free(pl->names[i]);
	free(pl->names);
	free(pl->cand);
	free(pl->seen);
	breader_release(&pl->r);
	memset(pl, 0, sizeof *pl);
}

void
read_preflib(struct election *e, struct input *in)
{
	static struct preflib pl;
	char *s;
	size_t len;

	memset(&pl, 0, sizeof pl);
	breader_init(&pl.r, e, in->name);
	ballots_guard(preflib_free, &pl);
	pl.r.in = in;
	pl.nalt = -1;
	e->format = bformat_names[BF_PREFLIB];
	while ((s = breader_line(&pl.r, &len))) {
		const char *p = s, *end = s + len;

		if (strspn(s, " \t") == len)
			continue;
		if (s[0] == '#') {
			pl_header(&pl, s, len);
			continue;
		}
		if (pl.nalt < 0 && !pl.old) {
			/* the old format: the number of alternatives alone */
			long n;

			pl_skip_ws(&p, end);
			n = pl_number(&p, end);
			pl_skip_ws(&p, end);
			if (n < 0 || p != end)
				ess_die_at(EX_DATAERR, pl.r.name, pl.r.line, 1, "%s",
					_("not a PrefLib file: no '# NUMBER ALTERNATIVES:' line"));
			pl.old = 1;
			set_count(&pl, n, 1);
			pl.old_names = n;
			pl.old_totals = 1;
			continue;
		}
		if (pl.old && pl.old_names > 0) {
			long i;

			pl_skip_ws(&p, end);
			i = pl_number(&p, end);
			if (i < 0 || p == end || *p != ',')
				ess_die_at(EX_DATAERR, pl.r.name, pl.r.line, line_col(s, p), "%s",
					_("an alternative is written 'number,name'"));
			p++;
			while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			pl_skip_ws(&p, end);
			set_name(&pl, i, p, (size_t)(end - p), 1);
			pl.old_names--;
			continue;
		}
		if (pl.old && pl.old_totals) {
			pl.old_totals = 0;	/* voters, total, distinct: recomputed */
			continue;
		}
		pl_ballot(&pl, s, len);
	}
	if (!pl.declared && pl.nalt >= 0)
		pl_declare(&pl);
	ballots_guard(NULL, NULL);
	preflib_free(&pl);
}
