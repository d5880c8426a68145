/*
 * parse.c: the secretary's Markdown into struct minutes (see minutes.h):
 * the header, the agenda items ("##" headings), the DÉCISION, ACTION and
 * INFO entries with their {key: value} tails, and the fenced data blocks,
 * read inline or from the file they include.
 *
 * The text is cut into lines once; the header and the body are scanned
 * line by line.  Every error dies at file:line:col (65, or 66 for a file
 * that cannot be opened).  Whatever is allocated while parsing is held by
 * m or by its parse state (m->parsing), so that minutes_free can free a
 * half-parsed m after a caught ess_die (the fuzz target does).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "minutes.h"
#include "num.h"
#include "table.h"
#include "text.h"

struct joined;

struct line {
	size_t off, len;	/* without the line end */
};

struct mparse {
	const char *name;	/* for messages */
	unsigned flags;
	char *text;		/* the whole file, NUL-terminated */
	size_t len;
	struct line *lines;
	size_t nlines;
	struct table *t;	/* a block being read */
	struct buf bytes;	/* an included file */
	struct buf pad;		/* a block's content, at its own line */
	struct buf tmp, key;
	struct joined *j;	/* an entry's text being read */
};

/* Standard input is read once a run: by minutes_read("-") or a "< -". */
static int stdin_taken;

static const char *const kind_names[] = { "decision", "action", "info" };
static const char *const tag_names[] = { "tally", "attendance", "table" };

const char *
mkind_name(enum mkind k)
{
	return kind_names[k];
}

const char *
mblock_tag_name(enum mblock_tag t)
{
	return tag_names[t];
}

/* ------------------------------------------------------------ helpers */

static int
is_space(int c)
{
	return c == ' ' || c == '\t';
}

/* Length of a space at s (' ', tab, U+00A0 or U+202F), or 0. */
static size_t
space_len(const char *s, const char *end)
{
	if (s < end && is_space(*s))
		return 1;
	if (end - s >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if (end - s >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xAF)
		return 3;
	return 0;
}

static const char *
skip_spaces(const char *s, const char *end)
{
	size_t n;

	while ((n = space_len(s, end)) > 0)
		s += n;
	return s;
}

static const char *
trim_end(const char *s, const char *end)
{
	while (end > s) {
		if (is_space(end[-1]))
			end--;
		else if (end - s >= 2 && (unsigned char)end[-2] == 0xC2 && (unsigned char)end[-1] == 0xA0)
			end -= 2;
		else if (end - s >= 3 && (unsigned char)end[-3] == 0xE2 &&
		    (unsigned char)end[-2] == 0x80 && (unsigned char)end[-1] == 0xAF)
			end -= 3;
		else
			break;
	}
	return end;
}

static const char *
line_start(const struct mparse *p, size_t i)
{
	return p->text + p->lines[i].off;
}

static const char *
line_end(const struct mparse *p, size_t i)
{
	return p->text + p->lines[i].off + p->lines[i].len;
}

/* The column (1-based, in characters) of s on line i. */
static long
col_of(const struct mparse *p, size_t i, const char *s)
{
	return (long)utf8_count(line_start(p, i), (size_t)(s - line_start(p, i))) + 1;
}

/* Whether [s, end) folded as a key is one of the '|'-separated names. */
static int
key_is(struct mparse *p, const char *names)
{
	const char *n = names;

	for (;;) {
		const char *bar = strchr(n, '|');
		size_t len = bar ? (size_t)(bar - n) : strlen(n);

		if (len == p->key.len && memcmp(n, p->key.data, len) == 0)
			return 1;
		if (!bar)
			return 0;
		n = bar + 1;
	}
}

static void
fold_key(struct mparse *p, const char *s, size_t len)
{
	buf_reset(&p->key);
	text_fold_key(&p->key, s, len);
}

static void *
grow(void *arr, size_t n, size_t size)
{
	/* Doubling: n is the count before the new element. */
	if ((n & (n - 1)) == 0)
		arr = xreallocarray(arr, n ? 2 * n : 1, size);
	return arr;
}

/* Parses "14:30", "14h30", "14h" or "9h05" into "HH:MM"; -1 when it is none. */
static int
parse_time(const char *s, char out[6])
{
	int h = 0, mi = 0, nd = 0;

	while (*s >= '0' && *s <= '9' && nd < 3)
		h = h * 10 + (*s++ - '0'), nd++;
	if (nd == 0 || nd > 2 || (*s != ':' && *s != 'h' && *s != 'H'))
		return -1;
	s++;
	if (*s == '\0' && s[-1] != ':')
		mi = 0;
	else {
		if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') || s[2] != '\0')
			return -1;
		mi = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (h > 23 || mi > 59)
		return -1;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + mi / 10);
	out[4] = (char)('0' + mi % 10);
	out[5] = '\0';
	return 0;
}

/* Reads a whole file (or stdin for "-") into b; -1 with errno when it
 * cannot be opened or read. */
static int
slurp(struct buf *b, const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int e;

	buf_reset(b);
	if (!fp)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, n);
	e = ferror(fp) ? errno : 0;
	if (fp != stdin)
		fclose(fp);
	if (e) {
		errno = e;
		return -1;
	}
	return 0;
}

/* dir + path, unless path is absolute; into p->tmp. */
static const char *
resolve(struct mparse *p, const struct minutes *m, const char *path)
{
	buf_reset(&p->tmp);
	if (path[0] != '/')
		buf_adds(&p->tmp, m->dir);
	buf_adds(&p->tmp, path);
	return p->tmp.data;
}

/* ------------------------------------------------------------ header */

static void
add_field(struct minutes *m, const char *key, const char *v, size_t vlen, long line)
{
	struct mfield *f;

	m->fields = grow(m->fields, m->nfields, sizeof *m->fields);
	f = &m->fields[m->nfields++];
	f->key = xstrdup(key);
	f->value = xstrndup(v, vlen);
	f->line = line;
}

/* Sets the known key the field i names; dies on a bad value. */
static void
known_field(struct mparse *p, struct minutes *m, size_t fi, size_t li, const char *vat)
{
	struct mfield *f = &m->fields[fi];
	const char *v = f->value;
	long line = f->line, col = col_of(p, li, vat);

	fold_key(p, f->key, strlen(f->key));
	if (key_is(p, "title|titre"))
		m->title = v;
	else if (key_is(p, "type")) {
		if (strcmp(v, "compte-rendu") != 0 && strcmp(v, "pv-ag") != 0 && strcmp(v, "pv-ca") != 0)
			ess_die_at(EX_DATAERR, p->name, line, col,
				_("type '%s' is not compte-rendu, pv-ag or pv-ca"), v);
		m->type = v;
	} else if (key_is(p, "date")) {
		if (date_parse(v, &m->date) != 0)
			ess_die_at(EX_DATAERR, p->name, line, col,
				_("date '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), v);
	} else if (key_is(p, "start|debut|end|fin")) {
		int start = key_is(p, "start|debut");

		if (parse_time(v, start ? m->start : m->end) != 0)
			ess_die_at(EX_DATAERR, p->name, line, col,
				_("%s '%s' is not a time (14:30, 14h30 or 14h)"), f->key, v);
	} else if (key_is(p, "place|lieu"))
		m->place = v;
	else if (key_is(p, "organiser|organizer|organisateur|organisatrice"))
		m->organiser = v;
	else if (key_is(p, "convened|convocation"))
		m->convened = v;
	else if (key_is(p, "chair|president|presidente"))
		m->chair = v;
	else if (key_is(p, "secretary|secretaire"))
		m->secretary = v;
	else if (key_is(p, "eligible|inscrit|membre")) {
		int64_t n;

		if (num_parse_int(v, &n) != 0 || n <= 0 || n > 100000000)
			ess_die_at(EX_DATAERR, p->name, line, col,
				_("%s '%s' is not a positive whole number"), f->key, v);
		m->eligible = (long)n;
	} else if (key_is(p, "quorum")) {
		if (attendance_set_quorum(v) != 0)
			ess_die_at(EX_DATAERR, p->name, line, col,
				_("quorum '%s' is neither a number of members nor a percentage"), v);
	} else if (key_is(p, "attendance|emargement|presence|feuilledepresence")) {
		/* counted once the header is read: eligible may come after */
	} else if (cli.in.verbose)
		ess_warn_at(p->name, line, 1, _("warning: unknown header key '%s' (kept)"), f->key);
}

char **minutes_files;
static size_t nfiles;

error_t
minutes_parse_arg(int key, char *arg, struct argp_state *state)
{
	(void)state;
	if (key != ARGP_KEY_ARG)
		return ARGP_ERR_UNKNOWN;
	minutes_files = xreallocarray(minutes_files, nfiles + 2, sizeof *minutes_files);
	minutes_files[nfiles++] = arg;
	minutes_files[nfiles] = NULL;
	return 0;
}

static const char *
attendance_path(struct mparse *p, const struct minutes *m, long *line)
{
	for (size_t i = 0; i < m->nfields; i++) {
		fold_key(p, m->fields[i].key, strlen(m->fields[i].key));
		if (key_is(p, "attendance|emargement|presence|feuilledepresence")) {
			*line = m->fields[i].line;
			return m->fields[i].value;
		}
	}
	return NULL;
}

static int
is_rule(const struct mparse *p, size_t i)
{
	const char *s = line_start(p, i), *e = trim_end(s, line_end(p, i));

	return e - s == 3 && memcmp(s, "---", 3) == 0;
}

/* The header, when the first line is "---"; returns the first body line. */
static size_t
parse_header(struct mparse *p, struct minutes *m)
{
	size_t i;

	if (p->nlines == 0 || !is_rule(p, 0))
		return 0;
	for (i = 1; i < p->nlines && !is_rule(p, i); i++) {
		const char *s = line_start(p, i), *e = line_end(p, i), *colon, *v, *ve, *k;

		s = skip_spaces(s, e);
		if (s == trim_end(s, e) || *s == '#')
			continue;	/* blank, or a comment */
		colon = memchr(s, ':', (size_t)(e - s));
		k = trim_end(s, colon ? colon : s);
		if (!colon || k == s)
			ess_die_at(EX_DATAERR, p->name, (long)i + 1, col_of(p, i, s), "%s",
				_("header line is not 'key: value'"));
		v = skip_spaces(colon + 1, e);
		ve = trim_end(v, e);
		if (ve - v >= 2 && ((*v == '"' && ve[-1] == '"') || (*v == '\'' && ve[-1] == '\'')))
			v++, ve--;
		buf_reset(&p->tmp);
		text_fold(&p->tmp, s, (size_t)(k - s));
		for (size_t j = 0; j < p->tmp.len; j++)
			if (p->tmp.data[j] == ' ')
				p->tmp.data[j] = '_';
		add_field(m, p->tmp.data, v, (size_t)(ve - v), (long)i + 1);
	}
	if (i == p->nlines)
		ess_die_at(EX_DATAERR, p->name, 1, 1, "%s",
			_("header opened here is never closed (expected a line '---')"));
	m->header_end = (long)i + 1;
	/* The known keys point into fields[], complete by now. */
	for (size_t f = 0; f < m->nfields; f++) {
		size_t li = (size_t)m->fields[f].line - 1;
		const char *s = line_start(p, li), *e = line_end(p, li);
		const char *colon = memchr(s, ':', (size_t)(e - s));
		const char *v = skip_spaces(colon + 1, e);

		if (*v == '"' || *v == '\'')
			v++;
		if (*m->fields[f].value)
			known_field(p, m, f, li, v);
	}
	return i + 1;
}

/* ------------------------------------------------------------ entries */

/* A text and where each of its pieces comes from, for tail errors. */
struct piece {
	size_t at;		/* offset in the joined text */
	size_t line;		/* line index */
	const char *src;	/* where the piece starts in that line */
};

struct joined {
	struct buf text;
	struct piece pc[64];
	size_t npc;
};

/* Line and column of offset off of the joined text. */
static void
joined_pos(const struct mparse *p, const struct joined *j, size_t off, long *line, long *col)
{
	size_t k = 0;

	while (k + 1 < j->npc && j->pc[k + 1].at <= off)
		k++;
	*line = (long)j->pc[k].line + 1;
	*col = col_of(p, j->pc[k].line, j->pc[k].src) +
		(long)utf8_count(j->text.data + j->pc[k].at, off - j->pc[k].at);
}

static noreturn void tail_error(const struct mparse *p, const struct joined *j, size_t off,
	const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static noreturn void
tail_error(const struct mparse *p, const struct joined *j, size_t off, const char *fmt, ...)
{
	char msg[512];
	long line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	joined_pos(p, j, off, &line, &col);
	ess_die_at(EX_DATAERR, p->name, line, col, "%s", msg);
}

/* skip_spaces and trim_end on text that may be changed. */
static char *
skip_w(char *s, char *end)
{
	return s + (skip_spaces(s, end) - s);
}

static char *
trim_w(char *s, char *end)
{
	return s + (trim_end(s, end) - s);
}

/* The keyword at s: its kind and where the text after the colon starts,
 * or -1. */
static int
entry_keyword(const char *s, const char *end, const char **rest)
{
	static const struct { const char *w; size_t n; enum mkind k; } kw[] = {
		{ "decision", 8, MK_DECISION }, { "d\xc3\xa9" "cision", 9, MK_DECISION },
		{ "d\xc3\x89" "cision", 9, MK_DECISION }, { "action", 6, MK_ACTION },
		{ "info", 4, MK_INFO },
	};
	int bold = 0;

	if (end - s >= 2 && s[0] == '*' && s[1] == '*')
		s += 2, bold = 1;
	for (size_t i = 0; i < sizeof kw / sizeof *kw; i++) {
		const char *t;

		if ((size_t)(end - s) < kw[i].n || strncasecmp(s, kw[i].w, kw[i].n) != 0)
			continue;
		t = s + kw[i].n;
		if (bold && end - t >= 2 && t[0] == '*' && t[1] == '*')
			t += 2, bold = 0;
		t = skip_spaces(t, end);
		if (t == end || *t != ':')
			return -1;
		t++;
		if (bold && end - t >= 2 && t[0] == '*' && t[1] == '*')
			t += 2, bold = 0;
		if (bold)
			return -1;
		*rest = skip_spaces(t, end);
		return (int)kw[i].k;
	}
	return -1;
}

/* A list marker at s ("- ", "* ", "+ ", "1. ", "1) "): what follows it. */
static const char *
list_marker(const char *s, const char *end)
{
	const char *t = s;

	if (t < end && (*t == '-' || *t == '*' || *t == '+'))
		t++;
	else {
		while (t < end && *t >= '0' && *t <= '9' && t - s < 9)
			t++;
		if (t == s || t == end || (*t != '.' && *t != ')'))
			return NULL;
		t++;
	}
	if (t < end && !is_space(*t))
		return NULL;
	return skip_spaces(t, end);
}

static int
is_blank(const struct mparse *p, size_t i)
{
	const char *s = line_start(p, i);

	return skip_spaces(s, line_end(p, i)) == line_end(p, i);
}

/* Whether line i opens something else: a heading, a fence, a list item,
 * a rule, a quote, an HTML block or a table row. */
static int
opens_block(const struct mparse *p, size_t i)
{
	const char *s = skip_spaces(line_start(p, i), line_end(p, i)), *e = line_end(p, i);

	if (s == e || *s == '#' || *s == '>' || *s == '<' || *s == '|')
		return 1;
	if (e - s >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0 ||
	    memcmp(s, "---", 3) == 0 || memcmp(s, "***", 3) == 0 || memcmp(s, "___", 3) == 0))
		return 1;
	return list_marker(s, e) != NULL;
}

static void
joined_add(struct joined *j, size_t line, const char *s, const char *e)
{
	if (j->text.len)
		buf_addc(&j->text, ' ');
	if (j->npc < sizeof j->pc / sizeof *j->pc) {
		j->pc[j->npc].at = j->text.len;
		j->pc[j->npc].line = line;
		j->pc[j->npc].src = s;
		j->npc++;
	}
	buf_add(&j->text, s, (size_t)(e - s));
}

static long
tail_count(const struct mparse *p, const struct joined *j, size_t off, const char *v)
{
	int64_t n;

	if (num_parse_int(v, &n) != 0 || n < 0 || n > 100000000)
		tail_error(p, j, off, _("'%s' is not a count (a whole number, 0 or more)"), v);
	return (long)n;
}

/* The "{key: value; ...}" tail at the end of j's text, if any: cut off
 * and read into e. */
static void
parse_tail(struct mparse *p, struct joined *j, struct mentry *e)
{
	char *t = j->text.data, *open = strrchr(t, '{'), *close, *q;
	const char *end;

	if (!open)
		return;
	close = strchr(open, '}');
	if (!close)
		tail_error(p, j, (size_t)(open - t), "%s",
			_("'{' opens a tail that is never closed (expected '}' at the end)"));
	if (trim_end(close + 1, t + j->text.len) != close + 1)
		return;	/* braces inside the text, not a tail */
	*close = '\0';
	for (q = open + 1; q < close;) {
		char *semi = strchr(q, ';'), *colon, *k, *ke, *v, *ve;
		size_t voff;

		if (!semi)
			semi = close;
		*semi = '\0';
		k = skip_w(q, semi);
		if (k == semi) {	/* an empty pair: "{pour: 3;}" */
			q = semi + 1;
			continue;
		}
		colon = strchr(k, ':');
		if (!colon)
			tail_error(p, j, (size_t)(k - t), _("'%s' in the tail is not 'key: value'"), k);
		ke = trim_w(k, colon);
		v = skip_w(colon + 1, semi);
		ve = trim_w(v, semi);
		*ve = '\0';
		voff = (size_t)(v - t);
		fold_key(p, k, (size_t)(ke - k));
		*ke = '\0';
		if (key_is(p, "pour|for"))
			e->votes_for = tail_count(p, j, voff, v);
		else if (key_is(p, "contre|against"))
			e->votes_against = tail_count(p, j, voff, v);
		else if (key_is(p, "abstention|abstain"))
			e->votes_abstain = tail_count(p, j, voff, v);
		else if (key_is(p, "qui|owner|responsable|who")) {
			free(e->owner);
			e->owner = xstrdup(v);
		} else if (key_is(p, "echeance|due|pourle|avantle")) {
			if (date_parse(v, &e->due) != 0)
				tail_error(p, j, voff, _("due date '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), v);
		} else
			tail_error(p, j, (size_t)(k - t),
				_("unknown key '%s' in the tail (pour, contre, abstention, qui, echeance)"), k);
		q = semi + 1;
	}
	end = trim_end(t, open);
	buf_setlen(&j->text, (size_t)(end - t));
}

/* An entry starting on line i at s; returns the last line it covers. */
static size_t
parse_entry(struct mparse *p, struct minutes *m, size_t i, enum mkind k, const char *s)
{
	struct joined *j = xcalloc(1, sizeof *j);
	struct mentry *e;
	size_t last = i;

	m->entries = grow(m->entries, m->nentries, sizeof *m->entries);
	e = &m->entries[m->nentries++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	e->item = m->nitems - 1;
	e->line = (long)i + 1;
	e->owner = xstrdup("");
	e->text = xstrdup("");
	e->votes_for = e->votes_against = e->votes_abstain = -1;
	buf_init(&j->text);
	p->j = j;	/* freed with the state if the tail is bad */
	joined_add(j, i, s, trim_end(s, line_end(p, i)));
	while (last + 1 < p->nlines && !opens_block(p, last + 1)) {
		const char *n = skip_spaces(line_start(p, last + 1), line_end(p, last + 1)), *r;

		if (entry_keyword(n, line_end(p, last + 1), &r) >= 0)
			break;
		last++;
		joined_add(j, last, n, trim_end(n, line_end(p, last)));
	}
	parse_tail(p, j, e);
	free(e->text);
	e->text = buf_detach(&j->text);
	free(j);
	p->j = NULL;
	return last;
}

/* ------------------------------------------------------------ blocks */

/* Fills t's cells from rows of jansson objects. */
static void
mtable_add_row(struct mtable *t, const char *const *v, const size_t *len)
{
	size_t total = 0;
	char **row, *at;

	for (size_t c = 0; c < t->ncols; c++)
		total += len[c] + 1;
	t->cells = grow(t->cells, t->nrows, sizeof *t->cells);
	row = xmalloc(t->ncols * sizeof *row + total + 1);
	at = (char *)(row + t->ncols);
	for (size_t c = 0; c < t->ncols; c++) {
		memcpy(at, v[c], len[c]);
		at[len[c]] = '\0';
		row[c] = at;
		at += len[c] + 1;
	}
	t->cells[t->nrows++] = row;
}

static void
mtable_set_cols(struct mtable *t, char *const *cols, size_t n)
{
	t->cols = xreallocarray(NULL, n ? n : 1, sizeof *t->cols);
	for (size_t c = 0; c < n; c++)
		t->cols[t->ncols++] = xstrdup(cols[c]);
}

static void
json_cell(struct buf *b, const json_t *v)
{
	char num[64];

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_add(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		buf_adds(b, num);
		break;
	case JSON_REAL:
		/* A real stays one: ess-tally's 100.0 is not the integer 100. */
		snprintf(num, sizeof num, "%.15g", json_real_value(v));
		buf_adds(b, num);
		if (!strpbrk(num, ".eEni"))
			buf_adds(b, ".0");
		break;
	case JSON_TRUE:
		buf_adds(b, "true");
		break;
	case JSON_FALSE:
		buf_adds(b, "false");
		break;
	case JSON_NULL:
		break;
	default: {
		char *d = json_dumps(v, JSON_COMPACT);

		if (d)
			buf_adds(b, d);
		free(d);
	}
	}
}

/* The table of a JSON document: an array of objects, or an object whose
 * "rows" are (ess-tally's), or one object as one row. */
static void
table_from_json(struct mparse *p, struct mtable *t, json_t *doc, long line)
{
	json_t *rows = doc, *r, *v;
	const char *key;
	size_t i;

	if (json_is_object(doc)) {
		rows = json_object_get(doc, "rows");
		if (!json_is_array(rows))
			rows = NULL;
	}
	/* The columns: every key, in the order first met. */
	for (i = 0; rows ? i < json_array_size(rows) : i < 1; i++) {
		r = rows ? json_array_get(rows, i) : doc;
		if (!json_is_object(r))
			ess_die_at(EX_DATAERR, p->name, line, 1,
				_("row %zu of the JSON is not an object"), i + 1);
		json_object_foreach(r, key, v) {
			size_t c = 0;

			(void)v;
			while (c < t->ncols && strcmp(t->cols[c], key) != 0)
				c++;
			if (c == t->ncols) {
				t->cols = grow(t->cols, t->ncols, sizeof *t->cols);
				t->cols[t->ncols++] = xstrdup(key);
			}
		}
	}
	{
		const char **vals = xcalloc(t->ncols + 1, sizeof *vals);
		size_t *lens = xcalloc(t->ncols + 1, sizeof *lens), *offs = xcalloc(t->ncols + 1, sizeof *offs);

		for (i = 0; rows ? i < json_array_size(rows) : i < 1; i++) {
			r = rows ? json_array_get(rows, i) : doc;
			buf_reset(&p->tmp);
			for (size_t c = 0; c < t->ncols; c++) {
				offs[c] = p->tmp.len;
				v = json_object_get(r, t->cols[c]);
				if (v)
					json_cell(&p->tmp, v);
				lens[c] = p->tmp.len - offs[c];
			}
			for (size_t c = 0; c < t->ncols; c++)
				vals[c] = p->tmp.data + offs[c];
			mtable_add_row(t, vals, lens);
		}
		free(vals);
		free(lens);
		free(offs);
	}
}

/* The rows of the open table p->t into mt. */
static void
table_from_reader(struct mparse *p, struct mtable *mt)
{
	struct row *r;

	mtable_set_cols(mt, p->t->cols, p->t->ncols);
	while ((r = table_next(p->t)))
		mtable_add_row(mt, (const char *const *)r->f, r->len);
}

/*
 * JSON Lines (content starting with '{': one object, or one a line) as a
 * JSON array on the same lines: '[' first, ',' after each top-level object
 * but the last, ']' after it.  An object spread over several lines
 * (ess-tally -o json) stays one element.  Inline content starts with the
 * blank lines that put it at its place in the file, so no column moves;
 * in an included file, those of its first line move by one.
 */
static void
jsonl_to_array(struct mparse *p)
{
	struct buf out = BUF_INIT;
	const char *s = p->pad.data, *end = s + p->pad.len, *last = NULL;
	int depth = 0, instr = 0, esc = 0;

	/* Where the last top-level object ends. */
	for (const char *c = s; c < end; c++) {
		if (instr) {
			if (esc)
				esc = 0;
			else if (*c == '\\')
				esc = 1;
			else if (*c == '"')
				instr = 0;
		} else if (*c == '"')
			instr = 1;
		else if (*c == '{' || *c == '[')
			depth++;
		else if ((*c == '}' || *c == ']') && --depth == 0)
			last = c;
	}
	depth = instr = esc = 0;
	buf_addc(&out, '[');
	for (const char *c = s; c < end; c++) {
		buf_addc(&out, *c);
		if (instr) {
			if (esc)
				esc = 0;
			else if (*c == '\\')
				esc = 1;
			else if (*c == '"')
				instr = 0;
		} else if (*c == '"')
			instr = 1;
		else if (*c == '{' || *c == '[')
			depth++;
		else if ((*c == '}' || *c == ']') && --depth == 0)
			buf_addc(&out, c == last ? ']' : ',');
	}
	if (!last)
		buf_addc(&out, ']');	/* never closed: jansson says where */
	buf_release(&p->pad);
	p->pad = out;
}

/* Reads the bytes in p->pad (content at its own line numbers, under the
 * name name) into block b. */
static void
read_block(struct mparse *p, struct minutes *m, struct mblock *b, const char *name, long eligible)
{
	struct table_opts o = { .format = TF_AUTO, .threads = 1, .verbose = cli.in.verbose };
	const char *s = p->pad.data;
	char first;

	(void)m;
	if (p->flags & MINUTES_NO_FILES)
		o.keep_going = 1;	/* the fuzz target: no exit on a bad row */
	while (*s == '\n' || *s == '\r' || is_space(*s))
		s++;
	if (*s == '\0')
		ess_die_at(EX_DATAERR, p->name, b->line, 1,
			_("%s block has no content (CSV or JSON inline, or '< FILE')"), mblock_tag_name(b->tag));
	first = *s;	/* s does not outlive jsonl_to_array */
	if (first == '{')
		jsonl_to_array(p);
	if (b->tag != MB_ATTENDANCE && (first == '[' || first == '{')) {
		json_error_t err;

		b->table.json = json_loadb(p->pad.data, p->pad.len, JSON_REJECT_DUPLICATES, &err);
		if (!b->table.json)
			ess_die_at(EX_DATAERR, name, err.line, err.column > 0 ? err.column : 1,
				_("not valid JSON: %s"), err.text);
		/* JSON Lines of one object: the object itself (ess-tally's). */
		if (first == '{' && json_array_size(b->table.json) == 1) {
			json_t *one = json_incref(json_array_get(b->table.json, 0));

			json_decref(b->table.json);
			b->table.json = one;
		}
		table_from_json(p, &b->table, b->table.json, b->line);
		return;
	}
	table_open_mem(name, p->pad.data, p->pad.len, &o, &p->t);
	if (b->tag == MB_ATTENDANCE)
		attendance_rows(&b->att, p->t, eligible, &b->table);
	else
		table_from_reader(p, &b->table);
	table_close(p->t);
	p->t = NULL;
}

static enum mblock_tag
block_tag(const char *w, size_t n, int *ours)
{
	*ours = 1;
	for (int t = 0; t < 3; t++)
		if (strlen(tag_names[t]) == n && strncasecmp(w, tag_names[t], n) == 0)
			return (enum mblock_tag)t;
	*ours = 0;
	return MB_TABLE;
}

/* The fence at s (``` or ~~~, 3 or more): its length, or 0. */
static size_t
fence_len(const char *s, const char *e, char *c)
{
	size_t n = 0;

	if (s == e || (*s != '`' && *s != '~'))
		return 0;
	*c = *s;
	while (s + n < e && s[n] == *c)
		n++;
	return n >= 3 ? n : 0;
}

/* A fenced block opening at line i (s after the indentation); returns the
 * line of its closing fence (or the last line). */
static size_t
parse_fence(struct mparse *p, struct minutes *m, size_t i, const char *s, char fc, size_t flen)
{
	const char *e = line_end(p, i), *info = skip_spaces(s + flen, e), *w = info, *inc = NULL;
	size_t close, first = i + 1, ncontent = 0;
	int ours, named;
	enum mblock_tag tag;
	struct mblock *b;

	while (w < e && !is_space(*w) && *w != '{')
		w++;
	tag = block_tag(info, (size_t)(w - info), &ours);
	named = w > info;
	/* "ess-tally" is tally; "ess-" and anything else is a mistake. */
	if (!ours && w - info > 4 && strncasecmp(info, "ess-", 4) == 0) {
		tag = block_tag(info + 4, (size_t)(w - info - 4), &ours);
		if (!ours)
			ess_die_at(EX_DATAERR, p->name, (long)i + 1, col_of(p, i, info),
				_("unknown block tag '%.*s' (tally, attendance or table)"), (int)(w - info), info);
	}
	for (close = i + 1; close < p->nlines; close++) {
		const char *cs = skip_spaces(line_start(p, close), line_end(p, close));
		const char *ce = line_end(p, close);
		char c2;
		size_t n = fence_len(cs, ce, &c2);

		if (n >= flen && c2 == fc && skip_spaces(cs + n, ce) == ce)
			break;
		if (!is_blank(p, close)) {
			ncontent++;
			if (ncontent == 1 && *cs == '<')
				inc = cs;
		}
	}
	if (inc && ncontent != 1)
		inc = NULL;
	if (!ours) {
		/* Ordinary code, unless it includes a file as ours do. */
		if (inc && inc[1] != '<' && (inc[1] == ' ' || inc[1] == '\t')) {
			if (named)
				ess_die_at(EX_DATAERR, p->name, (long)i + 1, col_of(p, i, info),
					_("unknown block tag '%.*s' (tally, attendance or table)"),
					(int)(w - info), info);
			ess_die_at(EX_DATAERR, p->name, (long)i + 1, 1, "%s",
				_("a block that includes a file needs a tag: tally, attendance or table"));
		}
		return close;
	}
	if (close == p->nlines)
		ess_die_at(EX_DATAERR, p->name, (long)i + 1, 1,
			_("%s block opened here is never closed (expected a line '%.*s')"),
			tag_names[tag], (int)flen, s);
	m->blocks = grow(m->blocks, m->nblocks, sizeof *m->blocks);
	b = &m->blocks[m->nblocks++];
	memset(b, 0, sizeof *b);
	b->tag = tag;
	b->item = m->nitems - 1;
	b->line = (long)i + 1;
	b->att.eligible = -1;
	b->att.quorum = -1;
	if (inc) {
		const char *path;
		size_t li;

		/* the include's line */
		for (li = i + 1; li < close && line_end(p, li) < inc; li++)
			continue;
		path = skip_spaces(inc + 1, line_end(p, li));
		b->include = xstrndup(path, (size_t)(trim_end(path, line_end(p, li)) - path));
		if (!*b->include)
			ess_die_at(EX_DATAERR, p->name, (long)li + 1, col_of(p, li, inc), "%s",
				_("'<' names no file"));
		if (p->flags & MINUTES_NO_FILES)
			return close;
		if (strcmp(b->include, "-") == 0) {
			if (stdin_taken)
				ess_die_at(EX_DATAERR, p->name, (long)li + 1, col_of(p, li, path), "%s",
					_("standard input is already read ('< -' may appear once, and not when the minutes come from it)"));
			stdin_taken = 1;
			if (slurp(&p->bytes, "-") != 0)
				ess_die_errno(EX_IOERR, "%s", _("cannot read standard input"));
			buf_reset(&p->pad);
			buf_add(&p->pad, p->bytes.data, p->bytes.len);
			read_block(p, m, b, "<stdin>", m->eligible);
			return close;
		}
		{
			const char *full = resolve(p, m, b->include);
			char *name = xstrdup(full);

			/* The name lives in the block while it is read. */
			free(b->include);
			b->include = name;
			if (slurp(&p->bytes, name) != 0)
				ess_die_at(EX_NOINPUT, p->name, (long)li + 1, col_of(p, li, path),
					_("cannot open '%s': %s"), name, strerror(errno));
			buf_reset(&p->pad);
			buf_add(&p->pad, p->bytes.data, p->bytes.len);
			read_block(p, m, b, name, m->eligible);
			/* b->include is "< FILE" as written. */
			free(b->include);
			b->include = xstrndup(path, (size_t)(trim_end(path, line_end(p, li)) - path));
		}
		return close;
	}
	/* Inline: the content at its own line numbers in the file. */
	buf_reset(&p->pad);
	for (size_t k = 0; k < first; k++)
		buf_addc(&p->pad, '\n');
	for (size_t k = first; k < close; k++) {
		buf_add(&p->pad, line_start(p, k), p->lines[k].len);
		buf_addc(&p->pad, '\n');
	}
	read_block(p, m, b, p->name, m->eligible);
	return close;
}

/* ------------------------------------------------------------ body */

static void
add_item(struct minutes *m, const char *title, size_t len, long line)
{
	struct mitem *it;

	m->items = grow(m->items, m->nitems, sizeof *m->items);
	it = &m->items[m->nitems];
	it->number = m->nitems++;
	it->title = xstrndup(title, len);
	it->line = line;
}

/* A "##" heading at s: its title, or NULL. */
static const char *
heading2(const char *s, const char *e, const char **te)
{
	const char *t;

	if (e - s < 2 || s[0] != '#' || s[1] != '#' || (e - s > 2 && !is_space(s[2])))
		return NULL;
	t = skip_spaces(s + 2, e);
	e = trim_end(t, e);
	/* A closing sequence of #s after a space goes. */
	{
		const char *c = e;

		while (c > t && c[-1] == '#')
			c--;
		if (c == t || (c < e && is_space(c[-1])))
			e = trim_end(t, c);
	}
	*te = e;
	return t;
}

static void
parse_body(struct mparse *p, struct minutes *m, size_t from)
{
	for (size_t i = from; i < p->nlines; i++) {
		const char *ls = line_start(p, i), *e = line_end(p, i);
		const char *s = skip_spaces(ls, e), *t, *te, *rest;
		size_t flen;
		char fc;
		int k;

		if ((flen = fence_len(s, e, &fc)) > 0) {
			if (fc == '`' && memchr(s + flen, '`', (size_t)(e - s - flen)))
				continue;	/* inline code, not a fence */
			i = parse_fence(p, m, i, s, fc, flen);
			continue;
		}
		if (s - ls <= 3 && (t = heading2(s, e, &te))) {
			add_item(m, t, (size_t)(te - t), (long)i + 1);
			continue;
		}
		t = list_marker(s, e);
		if (!t)
			t = s;
		else if (e - t >= 4 && t[0] == '[' && t[2] == ']' && is_space(t[3]))
			t = skip_spaces(t + 3, e);	/* a task box: "- [ ] ACTION: ..." */
		if ((k = entry_keyword(t, e, &rest)) >= 0)
			i = parse_entry(p, m, i, (enum mkind)k, rest);
	}
}

/* ------------------------------------------------------------ entry points */

static void
split_lines(struct mparse *p)
{
	size_t at = 0;

	while (at < p->len) {
		const char *nl = memchr(p->text + at, '\n', p->len - at);
		size_t end = nl ? (size_t)(nl - p->text) : p->len, len = end - at;

		if (len && p->text[end - 1] == '\r')
			len--;
		p->lines = grow(p->lines, p->nlines, sizeof *p->lines);
		p->lines[p->nlines].off = at;
		p->lines[p->nlines].len = len;
		p->nlines++;
		at = end + 1;
	}
}

static void
parse_state_free(struct mparse *p)
{
	if (!p)
		return;
	table_close(p->t);
	if (p->j) {
		buf_release(&p->j->text);
		free(p->j);
	}
	free(p->text);
	free(p->lines);
	buf_release(&p->bytes);
	buf_release(&p->pad);
	buf_release(&p->tmp);
	buf_release(&p->key);
	free(p);
}

static void
set_dir(struct minutes *m, const char *path)
{
	const char *slash = strrchr(path, '/');

	m->dir = slash && strcmp(path, "-") != 0 ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup("");
}

void
minutes_parse_mem(struct minutes *m, const char *name, const char *text, size_t len, unsigned flags)
{
	struct mparse *p = xcalloc(1, sizeof *p);
	size_t bad, from;
	long aline = 0;
	const char *apath;

	memset(m, 0, sizeof *m);
	m->parsing = p;
	m->eligible = -1;
	m->att.eligible = m->att.quorum = -1;
	m->path = xstrdup(name);
	set_dir(m, name);
	p->name = m->path;
	p->flags = flags;
	buf_init(&p->bytes);
	buf_init(&p->pad);
	buf_init(&p->tmp);
	buf_init(&p->key);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	p->text = xmalloc(len + 1);
	memcpy(p->text, text, len);
	p->text[len] = '\0';
	p->len = len;
	split_lines(p);
	if ((bad = utf8_check(text, len)) < len || memchr(text, '\0', len)) {
		size_t li = 0;

		if (bad > len || memchr(text, '\0', len))
			bad = (size_t)((const char *)memchr(text, '\0', len) - text) < bad
				? (size_t)((const char *)memchr(text, '\0', len) - text) : bad;
		while (li + 1 < p->nlines && p->lines[li + 1].off <= bad)
			li++;
		ess_die_at(EX_DATAERR, p->name, (long)li + 1,
			(long)utf8_count(line_start(p, li), bad - p->lines[li].off) + 1, "%s",
			_("invalid UTF-8 or a NUL byte (convert the file first, e.g. iconv -f windows-1252 -t utf-8)"));
	}
	m->items = NULL;
	add_item(m, "", 0, 1);
	m->items[0].number = 0;
	from = parse_header(p, m);
	m->body_line = (long)from + 1;
	{
		size_t boff = from < p->nlines ? p->lines[from].off : p->len;

		m->body = xstrndup(p->text + boff, p->len - boff);
		m->body_len = p->len - boff;
	}
	apath = attendance_path(p, m, &aline);
	if (apath && *apath && !(flags & MINUTES_NO_FILES)) {
		const char *full = resolve(p, m, apath);
		FILE *fp = fopen(full, "rb");

		if (!fp)
			ess_die_at(EX_NOINPUT, p->name, aline, 1, _("cannot open attendance file '%s': %s"),
				full, strerror(errno));
		fclose(fp);
		attendance_count(&m->att, full, m->eligible);
		m->has_att = 1;
	}
	parse_body(p, m, from);
	parse_state_free(p);
	m->parsing = NULL;
}

void
minutes_read(struct minutes *m, const char *path)
{
	struct buf b = BUF_INIT;
	int from_stdin = strcmp(path, "-") == 0;

	if (from_stdin && stdin_taken)
		ess_die(EX_USAGE, "%s", _("standard input can be read only once (one '-' among the files)"));
	stdin_taken |= from_stdin;
	if (slurp(&b, path) != 0) {
		if (from_stdin)
			ess_die_errno(EX_IOERR, "%s", _("cannot read standard input"));
		ess_die_errno(EX_NOINPUT, _("cannot open '%s'"), path);
	}
	/* b is freed by an error's exit; nothing to catch here. */
	minutes_parse_mem(m, from_stdin ? "<stdin>" : path, b.data, b.len, 0);
	buf_release(&b);
	if (from_stdin) {
		free(m->dir);
		m->dir = xstrdup("");
	}
}

const char *
minutes_field(const struct minutes *m, const char *key)
{
	for (size_t i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].key, key) == 0)
			return m->fields[i].value;
	return NULL;
}

static void
mtable_free(struct mtable *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c]);
	free(t->cols);
	for (size_t r = 0; r < t->nrows; r++)
		free(t->cells[r]);
	free(t->cells);
	json_decref(t->json);
}

void
minutes_free(struct minutes *m)
{
	struct mparse *p = m->parsing;

	for (size_t i = 0; i < m->nfields; i++) {
		free(m->fields[i].key);
		free(m->fields[i].value);
	}
	free(m->fields);
	for (size_t i = 0; i < m->nitems; i++)
		free(m->items[i].title);
	free(m->items);
	for (size_t i = 0; i < m->nentries; i++) {
		free(m->entries[i].owner);
		free(m->entries[i].text);
	}
	free(m->entries);
	for (size_t i = 0; i < m->nblocks; i++) {
		free(m->blocks[i].include);
		mtable_free(&m->blocks[i].table);
	}
	free(m->blocks);
	free(m->body);
	free(m->path);
	free(m->dir);
	parse_state_free(p);
	memset(m, 0, sizeof *m);
}
