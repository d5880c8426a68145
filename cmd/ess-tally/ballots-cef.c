/*
 * ballots-cef.c: the Condorcet Election Format (.cvotes), version 1
 * (https://github.com/CondorcetVote/CondorcetElectionFormat):
 *
 *   #/Candidates: A ; B ; C        parameters first, names case-insensitive
 *   #/Number of Seats: 2
 *   #/Implicit Ranking: true       unranked candidates last (the default)
 *   #/Weight allowed: true         "^N" counts; otherwise it is ignored
 *   tag1, tag2 || A > B = C ^2 * 3 # a comment
 *   /EMPTY/ * 2                    two blank ballots
 *
 * A ballot's weight is its "^weight" (when allowed) times its "* count".
 * Unlike the format's text, which says candidates missing from
 * #/Candidates are ignored, they are an error here, as in every format:
 * a misspelt name is caught instead of dropped.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballots.h"
#include "err.h"
#include "num.h"

struct cef {
	struct breader r;
	int weight_allowed;
	int voting;		/* a vote line was read: no more parameters */
	char *line;		/* the line being read, for columns */
};

static void
cef_trim(char **s, char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

static int
parse_bool(const char *s)
{
	if (strcasecmp(s, "true") == 0)
		return 1;
	if (strcasecmp(s, "false") == 0)
		return 0;
	return -1;
}

/* "#/Name: value" */
static void
parameter(struct cef *c, char *s, size_t len)
{
	struct election *e = c->r.e;
	char *colon = memchr(s, ':', len), *name = s + 2, *ne, *v, *ve = s + len;
	int64_t n;
	int b;

	if (c->voting)
		ess_die_at(EX_DATAERR, c->r.name, c->r.line, 1, "%s",
			_("parameters (#/...) must come before the first vote"));
	if (!colon)
		ess_die_at(EX_DATAERR, c->r.name, c->r.line, 1, "%s",
			_("a parameter is written '#/Name: value'"));
	ne = colon;
	v = colon + 1;
	cef_trim(&name, &ne);
	cef_trim(&v, &ve);
	*ne = '\0';
	*ve = '\0';
	if (strcasecmp(name, "Candidates") == 0) {
		char *p = v;

		while (p < ve) {
			char *q = memchr(p, ';', (size_t)(ve - p)), *ns = p, *nn;

			if (!q)
				q = ve;
			nn = q;
			cef_trim(&ns, &nn);
			if (ns == nn)
				ess_die_at(EX_DATAERR, c->r.name, c->r.line, line_col(s, ns), "%s",
					_("an empty candidate name in #/Candidates"));
			if (election_candidate(e, ns, (size_t)(nn - ns)) < 0)
				ess_die_at(EX_DATAERR, c->r.name, c->r.line, line_col(s, ns),
					_("'%.*s' is not one of the candidates of --candidates"),
					(int)(nn - ns), ns);
			p = q + 1;
		}
		e->declared = 1;
	} else if (strcasecmp(name, "Number of Seats") == 0 || strcasecmp(name, "Number of Seat") == 0) {
		if (num_parse_int(v, &n) != 0 || n < 1 || n > 1000000)
			ess_die_at(EX_DATAERR, c->r.name, c->r.line, line_col(s, v),
				_("number of seats '%s' is not a whole number of at least 1"), v);
		e->seats = (long)n;
	} else if (strcasecmp(name, "Implicit Ranking") == 0) {
		if ((b = parse_bool(v)) < 0)
			ess_die_at(EX_DATAERR, c->r.name, c->r.line, line_col(s, v),
				_("'%s' is neither true nor false"), v);
		e->implicit_ranking = b;
	} else if (strcasecmp(name, "Weight Allowed") == 0) {
		if ((b = parse_bool(v)) < 0)
			ess_die_at(EX_DATAERR, c->r.name, c->r.line, line_col(s, v),
				_("'%s' is neither true nor false"), v);
		c->weight_allowed = b;
	}
	/* other parameters belong to other programs */
}

/* The number after '^' or '*' at p (up to end): 0 when it is not a
 * positive whole number (reported). */
static int64_t
quantity(struct cef *c, char *p, char *end, const char *what)
{
	char *s = p + 1, *e = end, save;
	int64_t n;
	int ok;

	cef_trim(&s, &e);
	save = *e;
	*e = '\0';
	ok = num_parse_int(s, &n) == 0 && n >= 1 && strspn(s, "0123456789") == strlen(s);
	*e = save;
	if (!ok) {
		c->r.b.col = line_col(c->line, p);
		ballot_fail(c->r.e, &c->r.b, SIZE_MAX, _("%s '%.*s' is not a positive whole number"),
			what, (int)(e - s), s);
		return 0;
	}
	return n;
}

static void
vote(struct cef *c, char *s, size_t len)
{
	struct election *e = c->r.e;
	char *end = s + len, *p, *star, *hat, *rs, *re;
	int64_t count = 1, weight = 1;
	uint32_t level = 1;

	c->voting = 1;
	c->line = s;
	breader_start(&c->r, BK_RANKED, c->r.line, 1);
	if ((p = strstr(s, "||")))	/* tags */
		s = p + 2;
	star = memrchr(s, '*', (size_t)(end - s));
	hat = memrchr(s, '^', (size_t)((star ? star : end) - s));
	if (star && !(count = quantity(c, star, end, _("count"))))
		return;
	if (hat && !(weight = quantity(c, hat, star ? star : end, _("weight"))))
		return;
	if (!c->weight_allowed)
		weight = 1;
	if (weight > INT64_MAX / count) {
		ballot_fail(e, &c->r.b, SIZE_MAX, "%s", _("weight times count is too large"));
		return;
	}
	c->r.b.weight = weight * count;
	rs = s;
	re = hat ? hat : star ? star : end;
	cef_trim(&rs, &re);
	c->r.b.col = line_col(c->line, rs);
	if (re - rs == 7 && memcmp(rs, "/EMPTY/", 7) == 0) {
		election_add(e, &c->r.b);
		return;
	}
	if (rs == re) {
		ballot_fail(e, &c->r.b, SIZE_MAX, "%s", _("a vote line without a ranking (a blank ballot is /EMPTY/)"));
		return;
	}
	for (p = rs;;) {
		char *q = p, *ns, *ne;
		long cand;

		while (q < re && *q != '>' && *q != '=')
			q++;
		ns = p;
		ne = q;
		cef_trim(&ns, &ne);
		if (ns == ne) {
			c->r.b.col = line_col(c->line, ns);
			ballot_fail(e, &c->r.b, SIZE_MAX, "%s",
				_("an empty rank (names are separated by '>' or '=')"));
			return;
		}
		if (ne - ns == 7 && memcmp(ns, "/EMPTY/", 7) == 0) {
			c->r.b.col = line_col(c->line, ns);
			ballot_fail(e, &c->r.b, SIZE_MAX, "%s",
				_("/EMPTY/ stands for the whole ranking, not for one rank"));
			return;
		}
		if ((cand = election_candidate(e, ns, (size_t)(ne - ns))) < 0) {
			c->r.b.col = line_col(c->line, ns);
			ballot_fail(e, &c->r.b, SIZE_MAX, _("unknown candidate '%.*s'"), (int)(ne - ns), ns);
			return;
		}
		breader_push(&c->r, (uint32_t)cand, level, 0, line_col(c->line, ns), -1);
		if (q == re)
			break;
		if (*q == '>')
			level++;
		p = q + 1;
	}
	election_add(e, &c->r.b);
}

static void
cef_free(void *arg)
{
	struct cef *c = arg;

	breader_release(&c->r);
}

void
read_cef(struct election *e, struct input *in)
{
	static struct cef c;
	char *s, *hash;
	size_t len;

	memset(&c, 0, sizeof c);
	breader_init(&c.r, e, in->name);
	ballots_guard(cef_free, &c);
	c.r.in = in;
	e->format = bformat_names[BF_CEF];
	if (e->implicit_ranking < 0)
		e->implicit_ranking = 1;
	while ((s = breader_line(&c.r, &len))) {
		if (len >= 2 && s[0] == '#' && s[1] == '/') {
			parameter(&c, s, len);
			continue;
		}
		if ((hash = memchr(s, '#', len))) {
			*hash = '\0';
			len = (size_t)(hash - s);
		}
		if (strspn(s, " \t") == len)
			continue;
		vote(&c, s, len);
	}
	ballots_guard(NULL, NULL);
	cef_free(&c);
}
