/*
 * ballots.c: reading ballots: the candidates, the checks every ballot
 * goes through (election_add), and the choice of a format for each input
 * (-i, the file's extension, then its first bytes).  The readers of each
 * format are in ballots-table.c (CSV, TSV, JSON: long rankings, rank
 * columns, candidate columns, approval, grades, scores, grade counts, a
 * pairwise matrix), ballots-cef.c, ballots-preflib.c and ballots-blt.c.
 *
 * No ballot is kept: each goes to the method's sink and is forgotten.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballots.h"
#include "cli.h"
#include "err.h"
#include "text.h"

const char *const bformat_names[] = {
	[BF_AUTO] = "auto", [BF_LONG] = "long", [BF_RANKS] = "ranks",
	[BF_CANDIDATES] = "candidates", [BF_APPROVAL] = "approval",
	[BF_GRADES] = "grades", [BF_SCORES] = "scores",
	[BF_GRADE_COUNTS] = "grade-counts", [BF_MATRIX] = "matrix",
	[BF_CEF] = "cef", [BF_PREFLIB] = "preflib", [BF_BLT] = "blt",
};

/* ------------------------------------------------------------ election */

void
election_init(struct election *e)
{
	memset(e, 0, sizeof *e);
	map_init(&e->index);
	e->implicit_ranking = -1;
}

void
election_release(struct election *e)
{
	for (size_t i = 0; i < e->nc; i++)
		free(e->names[i]);
	free(e->names);
	if (e->index.index)
		map_release(&e->index);
	free(e->withdrawn);
	free(e->title);
	for (size_t i = 0; i < e->ngrades; i++)
		free(e->grades[i]);
	free(e->grades);
	free(e->given);
	free(e->tie_order);
	memset(e, 0, sizeof *e);
}

/* Per candidate, the ballot that last named it (the checks for a
 * candidate named twice): never cleared, a new stamp each ballot. */
static uint64_t *seen;
static size_t nseen;
static uint64_t stamp;

long
election_candidate(struct election *e, const char *name, size_t len)
{
	long slot;
	int added;

	if (!e->index.index)
		map_init(&e->index);
	slot = map_find(&e->index, name, len);
	if (slot >= 0 || e->declared)
		return slot;
	slot = (long)map_put(&e->index, name, len, &added);
	e->names = xreallocarray(e->names, e->nc + 1, sizeof *e->names);
	e->names[e->nc] = xstrndup(name, len);
	if (e->withdrawn) {
		e->withdrawn = xrealloc(e->withdrawn, e->nc + 1);
		e->withdrawn[e->nc] = 0;
	}
	e->nc++;
	if (e->sink.grow)
		e->sink.grow(e, e->nc);
	return slot;
}

int
ballots_keep_going(void)
{
	return eopt.keep_going || cli.in.keep_going;
}

void
ballot_vfail(struct election *e, const struct ballot *b, size_t i, const char *fmt, va_list ap)
{
	e->invalid += b->weight > 0 ? b->weight : 1;
	if (b->t) {
		int field = i < b->n && b->cfield ? b->cfield[i] : b->field;

		table_vreject(b->t, b->row, field, fmt, ap);
		return;
	}
	{
		struct buf msg = BUF_INIT;
		long col = i < b->n && b->ccol ? b->ccol[i] : b->col;

		buf_vprintf(&msg, fmt, ap);
		ess_warn_at(b->file, b->line, col, "%s", msg.data);
		buf_release(&msg);
	}
	if (!ballots_keep_going())
		ess_exit(EX_DATAERR);
	ess_exit_status = EX_DATAERR;
}

void
ballot_fail(struct election *e, const struct ballot *b, size_t i, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ballot_vfail(e, b, i, fmt, ap);
	va_end(ap);
}

int
election_add(struct election *e, const struct ballot *b)
{
	if (b->weight < 1) {
		ballot_fail(e, b, SIZE_MAX, _("weight %lld is not a positive whole number"),
			(long long)b->weight);
		return -1;
	}
	if (b->n == 0) {
		e->blank += b->weight;
		return 0;
	}
	if (nseen < e->nc) {
		seen = xreallocarray(seen, e->nc, sizeof *seen);
		memset(seen + nseen, 0, (e->nc - nseen) * sizeof *seen);
		nseen = e->nc;
	}
	stamp++;
	for (size_t i = 0; i < b->n; i++) {
		uint32_t c = b->cand[i];

		if (c >= e->nc)
			ess_die(EX_SOFTWARE, "candidate %u out of range", c);
		if (seen[c] == stamp) {
			ballot_fail(e, b, i, _("candidate '%s' is on the ballot twice"), e->names[c]);
			return -1;
		}
		seen[c] = stamp;
	}
	if (b->kind == BK_RANKED) {
		for (size_t i = 0; i < b->n; i++) {
			uint32_t want = i == 0 ? 1 : b->level[i - 1];

			if (b->level[i] != want && b->level[i] != want + (i > 0)) {
				ballot_fail(e, b, i, _("'%s' is ranked %u: the ranks leave a gap"),
					e->names[b->cand[i]], b->level[i]);
				return -1;
			}
		}
	}
	if (e->valid > INT64_MAX - b->weight)
		ess_die_at(EX_DATAERR, b->file, b->line, 0, "%s", _("too many ballots: the count overflows"));
	e->valid += b->weight;
	if (e->sink.add)
		e->sink.add(e, b);
	return 0;
}

/* ------------------------------------------------------------ a reader */

void
breader_init(struct breader *r, struct election *e, const char *name)
{
	memset(r, 0, sizeof *r);
	r->e = e;
	r->name = name;
	buf_init(&r->tmp);
	r->kg = ballots_keep_going();
}

void
breader_release(struct breader *r)
{
	free(r->cand);
	free(r->level);
	free(r->value);
	free(r->ccol);
	free(r->cfield);
	buf_release(&r->tmp);
	memset(r, 0, sizeof *r);
}

void
breader_start(struct breader *r, enum bkind kind, long line, long col)
{
	struct ballot *b = &r->b;

	b->kind = kind;
	b->weight = 1;
	b->n = 0;
	b->cand = r->cand;
	b->level = r->level;
	b->value = r->value;
	b->ccol = r->ccol;
	b->cfield = r->cfield;
	b->file = r->name;
	b->line = line;
	b->col = col;
	b->field = -1;
}

void
breader_push(struct breader *r, uint32_t cand, uint32_t level, int32_t value, long col, int field)
{
	struct ballot *b = &r->b;

	if (b->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->cand = xreallocarray(r->cand, r->cap, sizeof *r->cand);
		r->level = xreallocarray(r->level, r->cap, sizeof *r->level);
		r->value = xreallocarray(r->value, r->cap, sizeof *r->value);
		r->ccol = xreallocarray(r->ccol, r->cap, sizeof *r->ccol);
		r->cfield = xreallocarray(r->cfield, r->cap, sizeof *r->cfield);
		b->cand = r->cand;
		b->level = r->level;
		b->value = r->value;
		b->ccol = r->ccol;
		b->cfield = r->cfield;
	}
	r->cand[b->n] = cand;
	r->level[b->n] = level;
	r->value[b->n] = value;
	r->ccol[b->n] = col;
	r->cfield[b->n] = field;
	b->n++;
}

/* ------------------------------------------------------------ lines */

long
line_col(const char *s, const char *p)
{
	return (long)utf8_count(s, (size_t)(p - s)) + 1;
}

char *
breader_line(struct breader *r, size_t *len)
{
	struct input *in = r->in;
	size_t scanned = 0, n, bad;
	char *s, *nl;

	for (;;) {
		s = in->buf + in->pos;
		nl = memchr(s + scanned, '\n', in->end - in->pos - scanned);
		if (nl)
			break;
		scanned = in->end - in->pos;
		if (input_fill(in) == 0) {
			s = in->buf + in->pos;
			if (in->pos == in->end)
				return NULL;
			nl = in->buf + in->end;	/* the padding is ours */
			break;
		}
	}
	n = (size_t)(nl - s);
	in->pos += n + (nl < in->buf + in->end);
	r->line++;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	s[n] = '\0';
	if (memchr(s, '\0', n))
		ess_die_at(EX_DATAERR, r->name, r->line, line_col(s, s + strlen(s)), "%s",
			_("NUL byte in the data"));
	bad = utf8_check(s, n);
	if (bad < n)
		ess_die_at(EX_DATAERR, r->name, r->line, line_col(s, s + bad), "%s",
			_("invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"));
	*len = n;
	return s;
}

/* ------------------------------------------------------------ grades */

/* The two scales, worst first; folded forms (text_fold) to compare. */
static const char *const scale_fr[] = {
	"à rejeter", "insuffisant", "passable", "assez bien", "bien", "très bien", "excellent",
};
static const char *const scale_en[] = {
	"reject", "poor", "fair", "good", "very good", "excellent",
};

/* Other spellings: folded word, scale ('f', 'e', 0 for both), grade. */
static const struct { const char *w; int scale, g; } grade_words[] = {
	{ "a rejeter", 'f', 0 }, { "rejeter", 'f', 0 }, { "insuffisant", 'f', 1 },
	{ "passable", 'f', 2 }, { "assez bien", 'f', 3 }, { "bien", 'f', 4 },
	{ "tres bien", 'f', 5 },
	{ "reject", 'e', 0 }, { "to reject", 'e', 0 }, { "poor", 'e', 1 },
	{ "fair", 'e', 2 }, { "acceptable", 'e', 2 }, { "good", 'e', 3 },
	{ "very good", 'e', 4 },
	{ "excellent", 0, -1 },	/* the best of either scale */
};

int
grade_word(const char *s, size_t len, int *g, int *scale)
{
	static struct buf f = BUF_INIT;

	buf_reset(&f);
	text_fold(&f, s, len);
	for (size_t i = 0; i < sizeof grade_words / sizeof grade_words[0]; i++) {
		if (strcmp(f.data, grade_words[i].w) != 0)
			continue;
		*scale = grade_words[i].scale;
		*g = grade_words[i].g;
		return 1;
	}
	return 0;
}

void
grades_set_scale(struct election *e, int scale)
{
	const char *const *names = scale == 'e' ? scale_en : scale_fr;
	size_t n = scale == 'e' ? sizeof scale_en / sizeof *scale_en : sizeof scale_fr / sizeof *scale_fr;

	if (e->ngrades)
		return;
	e->grades = xreallocarray(NULL, n, sizeof *e->grades);
	for (size_t i = 0; i < n; i++)
		e->grades[i] = xstrdup(names[i]);
	e->ngrades = n;
}

void
grades_need(struct election *e, int g)
{
	char num[24];

	if ((size_t)g < e->ngrades)
		return;
	e->grades = xreallocarray(e->grades, (size_t)g + 1, sizeof *e->grades);
	while (e->ngrades <= (size_t)g) {
		snprintf(num, sizeof num, "%zu", e->ngrades);
		e->grades[e->ngrades++] = xstrdup(num);
	}
}

int
grade_parse(struct election *e, const char *s, size_t len, int *scale)
{
	int g, sc;

	if (len > 0 && len < 4 && strspn(s, "0123456789") == len) {
		g = atoi(s);
		if (g > 100 || *scale == 'f' || *scale == 'e')
			return -1;	/* too large, or a number among words */
		*scale = 'n';
		grades_need(e, g);
		return g;
	}
	if (!grade_word(s, len, &g, &sc) || *scale == 'n')
		return -1;
	if (sc == 0)	/* excellent: the scale decides, French by default */
		sc = *scale ? *scale : 'f';
	if (*scale && *scale != sc)
		return -1;
	*scale = sc;
	grades_set_scale(e, sc);
	if (g < 0)
		g = (int)e->ngrades - 1;
	return g;
}

/* ------------------------------------------------------------ the inputs */

/* --candidates=A,B,C: the candidates, in order, declared. */
static void
declare_option(struct election *e, const char *list)
{
	const char *p = list, *q, *s, *t;

	while (*p) {
		q = strchr(p, ',');
		if (!q)
			q = p + strlen(p);
		for (s = p; s < q && (*s == ' ' || *s == '\t'); s++)
			continue;
		for (t = q; t > s && (t[-1] == ' ' || t[-1] == '\t'); t--)
			continue;
		if (t == s)
			ess_die(EX_USAGE, "%s", _("--candidates: a name is empty"));
		if (map_find(&e->index, s, (size_t)(t - s)) >= 0)
			ess_die(EX_USAGE, _("--candidates: '%.*s' is listed twice"), (int)(t - s), s);
		election_candidate(e, s, (size_t)(t - s));
		p = *q ? q + 1 : q;
	}
	e->declared = 1;
}

static enum bformat
format_by_name(const char *name)
{
	if (!name)
		return BF_AUTO;
	for (size_t i = 1; i < sizeof bformat_names / sizeof bformat_names[0]; i++)
		if (strcmp(name, bformat_names[i]) == 0)
			return (enum bformat)i;
	return BF_AUTO;	/* csv, tsv, json, jsonl: a table, its kind sniffed */
}

static enum bformat
format_by_extension(const char *path)
{
	static const struct { const char *ext; enum bformat f; } exts[] = {
		{ ".cvotes", BF_CEF }, { ".soc", BF_PREFLIB }, { ".soi", BF_PREFLIB },
		{ ".toc", BF_PREFLIB }, { ".toi", BF_PREFLIB }, { ".blt", BF_BLT },
	};
	size_t n = path ? strlen(path) : 0;

	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t m = strlen(exts[i].ext);

		if (n > m && strcasecmp(path + n - m, exts[i].ext) == 0)
			return exts[i].f;
	}
	return BF_AUTO;
}

/* The end of the line at s (before end), and the start of the next. */
static const char *
eol(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return nl ? nl : end;
}

static int
all_digits(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (s == e)
		return 0;
	for (; s < e; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * The format of a file from its first bytes:
 *  - a line "#/Name: value" (a CEF parameter) before any other: CEF;
 *  - "# " followed by a PrefLib header key (FILE NAME, TITLE, DATA TYPE,
 *    NUMBER ALTERNATIVES...): PrefLib;
 *  - a first line of two whole numbers ("4 2"): BLT;
 *  - a first line of one whole number followed by a line "1,Name": the
 *    old PrefLib format;
 *  - a first line (after comments "#") with '>' or "/EMPTY/" and none of
 *    ',' ';' TAB: CEF without parameters;
 *  - anything else: a table (CSV, TSV, JSON), its kind from its header.
 */
static enum bformat
format_by_content(const char *s, size_t n)
{
	static const char *const preflib_keys[] = {
		"FILE NAME:", "TITLE:", "DESCRIPTION:", "DATA TYPE:", "MODIFICATION TYPE:",
		"NUMBER ALTERNATIVES:", "NUMBER VOTERS:", "NUMBER UNIQUE ORDERS:",
		"ALTERNATIVE NAME", "RELATES TO:", "RELATED FILES:", "PUBLICATION DATE:",
		"MODIFICATION DATE:",
	};
	const char *end = s + n, *e;
	int first = 1;

	while (s < end) {
		e = eol(s, end);
		if ((size_t)(e - s) == strspn(s, " \t\r")) {
			s = e + 1;	/* a blank line */
			continue;
		}
		if (*s == '#') {
			if (e - s > 2 && s[1] == '/')
				return BF_CEF;
			for (size_t i = 0; i < sizeof preflib_keys / sizeof preflib_keys[0]; i++) {
				size_t m = strlen(preflib_keys[i]);

				if (e - s > (long)(m + 2) && s[1] == ' ' && strncmp(s + 2, preflib_keys[i], m) == 0)
					return BF_PREFLIB;
			}
			first = 0;
			s = e + 1;
			continue;
		}
		if (first) {
			const char *sp = s;
			int words = 0;

			/* two whole numbers: BLT */
			while (sp < e) {
				while (sp < e && (*sp == ' ' || *sp == '\t' || *sp == '\r'))
					sp++;
				if (sp == e)
					break;
				if (*sp < '0' || *sp > '9') {
					words = -1;
					break;
				}
				while (sp < e && *sp >= '0' && *sp <= '9')
					sp++;
				words++;
			}
			if (words == 2)
				return BF_BLT;
			if (words == 1 && e < end) {
				const char *s2 = e + 1, *e2 = eol(s2, end), *c = memchr(s2, ',', (size_t)(e2 - s2));

				if (c && all_digits(s2, c))
					return BF_PREFLIB;
			}
		}
		{
			size_t len = (size_t)(e - s);
			int has_gt = memchr(s, '>', len) != NULL || memmem(s, len, "/EMPTY/", 7) != NULL;
			int has_delim = memchr(s, ',', len) || memchr(s, ';', len) || memchr(s, '\t', len);

			if (has_gt && (!has_delim || memmem(s, len, "||", 2)))
				return BF_CEF;
		}
		return BF_AUTO;
	}
	return BF_AUTO;
}

/* The reader at work, for ballots_abort. */
static void (*guard_fn)(void *);
static void *guard_arg;

void
ballots_guard(void (*fn)(void *), void *arg)
{
	guard_fn = fn;
	guard_arg = arg;
}

void
ballots_abort(void)
{
	void (*fn)(void *) = guard_fn;

	guard_fn = NULL;
	if (fn)
		fn(guard_arg);
}

/* Reads an open input (path: its name as given, or NULL for stdin) in
 * its format; a table takes the input over, the others leave it open. */
static void
read_input(struct election *e, struct input *in, const char *path, enum bformat forced)
{
	enum bformat f = forced;

	while (!in->eof && in->end - in->pos < 4096)
		if (input_fill(in) == 0)
			break;
	if (f == BF_AUTO && cli.in.format == TF_AUTO)
		f = format_by_extension(path);
	if (f == BF_AUTO && cli.in.format == TF_AUTO)
		f = format_by_content(in->buf + in->pos, in->end - in->pos);
	switch (f) {
	case BF_CEF:
		read_cef(e, in);
		break;
	case BF_PREFLIB:
		read_preflib(e, in);
		break;
	case BF_BLT:
		read_blt(e, in);
		break;
	default:
		read_table(e, in, f);
		break;
	}
}

static void
read_one(struct election *e, const char *path, enum bformat forced)
{
	struct input in;

	input_open(&in, path, cli.in.encoding, cli.in.hash);
	read_input(e, &in, path, forced);
	input_close(&in);
}

void
election_read(struct election *e, char **files)
{
	enum bformat forced = format_by_name(eopt.ballot_format);

	if (!e->index.index)
		map_init(&e->index);
	if (eopt.candidates)
		declare_option(e, eopt.candidates);
	if (!files || !files[0]) {
		read_one(e, NULL, forced);
		return;
	}
	for (size_t i = 0; files[i]; i++)
		read_one(e, files[i], forced);
}
