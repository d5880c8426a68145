/*
 * render-src.c: the body rewritten for the walk.  Each entry's keyword
 * and tail, and each data block's info string, are found on the lines the
 * parser gave for them and replaced by markers (render.h); the title is
 * taken from the header or from a "# " heading that opens the body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "render.h"

struct repl {
	size_t at, end;
	char letter;
	size_t index;
};

static int
by_at(const void *a, const void *b)
{
	const struct repl *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* The end of the line that starts at off (past its '\n'), and the end of
 * its text (before "\r\n" or "\n"). */
static size_t
line_end(const char *s, size_t len, size_t off, size_t *text_end)
{
	const char *nl = memchr(s + off, '\n', len - off);
	size_t e = nl ? (size_t)(nl - s) : len;

	*text_end = e;
	if (e > off && s[e - 1] == '\r')
		(*text_end)--;
	return nl ? e + 1 : len;
}

/* Skips one keyword (ASCII letters case-insensitively; É or é for E);
 * returns the bytes it takes, 0 when s does not start with it. */
static size_t
match_word(const char *s, size_t n, const char *word)
{
	size_t i = 0;

	for (const char *w = word; *w; w++) {
		if (i < n && (s[i] == *w || s[i] == *w + 'a' - 'A')) {
			i++;
			continue;
		}
		if (*w == 'E' && i + 1 < n && (unsigned char)s[i] == 0xC3 &&
		    ((unsigned char)s[i + 1] == 0x89 || (unsigned char)s[i + 1] == 0xA9)) {
			i += 2;
			continue;
		}
		return 0;
	}
	if (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
		return 0;
	return i;
}

/* Spaces, tabs, no-break spaces (U+00A0, U+202F): their bytes. */
static size_t
skip_spaces(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			i += 2;
		else if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xAF)
			i += 3;
		else
			return i;
	}
}

/* The "{...}" that ends s[from..n), spaces before it included, into
 * sp->tail0 and tail1 (left alone when there is none). */
static void
find_tail(const char *s, size_t from, size_t n, struct rspan *sp)
{
	while (n > from && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n > from && s[n - 1] == '}') {
		size_t b = n - 1;

		while (b > from && s[b] != '{')
			b--;
		if (s[b] == '{') {
			while (b > from && (s[b - 1] == ' ' || s[b - 1] == '\t'))
				b--;
			sp->tail0 = b;
			sp->tail1 = n;
		}
	}
}

/* Whether the line s[0..n) ends an entry that goes on over several lines
 * (as parse.c joins them): a blank line, or one that opens a heading, a
 * quote, HTML, a table row, a fence, a rule or a list item. */
static int
opens_block(const char *s, size_t n)
{
	size_t i = skip_spaces(s, n), d = i;

	if (i == n || strchr("#><|", s[i]))
		return 1;
	if (n - i >= 3 && (memcmp(s + i, "```", 3) == 0 || memcmp(s + i, "~~~", 3) == 0 ||
	    memcmp(s + i, "---", 3) == 0 || memcmp(s + i, "***", 3) == 0 || memcmp(s + i, "___", 3) == 0))
		return 1;
	if (strchr("-*+", s[i]))
		return i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t';
	while (d < n && s[d] >= '0' && s[d] <= '9')
		d++;
	return d > i && d < n && (s[d] == '.' || s[d] == ')') && (d + 1 == n || s[d + 1] == ' ' || s[d + 1] == '\t');
}

/* Finds the keyword and the tail on the line s[0..n) of an entry; offsets
 * relative to s. */
static void
find_span(const char *s, size_t n, struct rspan *sp)
{
	static const char *const words[] = { "DECISION", "ACTION", "INFO" };
	size_t i = 0, k = 0, open, close;
	char emph = 0;

	sp->kw0 = sp->kw1 = sp->tail0 = sp->tail1 = 0;
	/* Indentation, quotes, a list marker, a task box. */
	for (;;) {
		i += skip_spaces(s + i, n - i);
		if (i < n && s[i] == '>') {
			i++;
			continue;
		}
		break;
	}
	if (i + 1 < n && strchr("-*+", s[i]) && (s[i + 1] == ' ' || s[i + 1] == '\t'))
		i += 2;
	else {
		size_t d = i;

		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && (s[d + 1] == ' ' || s[d + 1] == '\t'))
			i = d + 2;
	}
	i += skip_spaces(s + i, n - i);
	if (i + 3 < n && s[i] == '[' && s[i + 2] == ']' && (s[i + 3] == ' ' || s[i + 3] == '\t'))
		i += 3 + skip_spaces(s + i + 3, n - i - 3);	/* a task box */
	sp->kw0 = i;
	for (open = 0; i < n && (s[i] == '*' || s[i] == '_'); i++, open++)
		emph = s[i];
	for (size_t w = 0; w < sizeof words / sizeof *words && !k; w++)
		k = match_word(s + i, n - i, words[w]);
	if (!k) {
		sp->kw0 = 0;
		goto tail;
	}
	i += k;
	for (close = 0; i < n && s[i] == emph && close < open; i++)
		close++;
	i += skip_spaces(s + i, n - i);
	if (i >= n || s[i] != ':') {
		sp->kw0 = 0;
		goto tail;
	}
	i++;
	for (; i < n && s[i] == emph && close < open; i++)
		close++;
	i += skip_spaces(s + i, n - i);
	sp->kw1 = i;
tail:
	if (sp->kw1 == 0)
		sp->kw0 = 0;
	find_tail(s, sp->kw1, n, sp);
}

/* The fence of a data block's opening line, and its closing line. */
static void
find_block(const char *s, size_t len, size_t off, struct rblock *rb)
{
	size_t te, next = line_end(s, len, off, &te), i = off, k, at;
	char c;

	rb->open0 = off;
	while (i < te && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	rb->indent = i - off;
	c = s[i];
	for (k = 0; i < te && s[i] == c && (c == '`' || c == '~'); i++)
		k++;
	while (i < te && (s[i] == ' ' || s[i] == '\t'))
		i++;
	rb->info0 = i;
	while (te > i && (s[te - 1] == ' ' || s[te - 1] == '\t'))
		te--;
	rb->info1 = te;
	rb->close1 = len;
	if (k < 3)
		return;
	for (at = next; at < len; at = next) {
		size_t j = at, m = 0;

		next = line_end(s, len, at, &te);
		while (j < te && (s[j] == ' ' || s[j] == '\t' || s[j] == '>'))
			j++;
		while (j < te && s[j] == c)
			j++, m++;
		while (j < te && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (m >= k && j == te) {
			rb->close1 = next;
			return;
		}
	}
}

/* The text of a "# " heading on the line s[0..n), or NULL. */
static char *
h1_text(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '#' || (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t'))
		return NULL;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	/* A closing sequence of '#' after a space. */
	{
		size_t e = n;

		while (e > i && s[e - 1] == '#')
			e--;
		if (e < n && (e == i || s[e - 1] == ' ' || s[e - 1] == '\t')) {
			n = e;
			while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
				n--;
		}
	}
	return xstrndup(s + i, n - i);
}

static void
find_title(struct rdoc *d)
{
	const struct minutes *m = d->m;
	const char *s = m->body;
	size_t off = 0, te, next;
	char *h = NULL;

	while (off < m->body_len) {
		next = line_end(s, m->body_len, off, &te);
		if (skip_spaces(s + off, te - off) != te - off) {
			h = h1_text(s + off, te - off);
			break;
		}
		off = next;
	}
	if (m->title && *m->title) {
		d->title = xstrdup(m->title);
		d->title_in_body = h && strcmp(h, m->title) == 0;
		free(h);
	} else if (h) {
		d->title = h;
		d->title_in_body = 1;
	} else
		d->title = NULL;
}

void
rdoc_init(struct rdoc *d, const struct minutes *m)
{
	const char *s = m->body;
	size_t len = m->body_len, nlines = 0, cap = 64, off, te;
	size_t *ls = xreallocarray(NULL, cap, sizeof *ls);
	struct repl *r;
	size_t nr = 0;

	memset(d, 0, sizeof *d);
	d->m = m;
	buf_init(&d->src);
	for (off = 0; off < len; off = line_end(s, len, off, &te)) {
		if (nlines == cap)
			ls = xreallocarray(ls, cap *= 2, sizeof *ls);
		ls[nlines++] = off;
	}
	d->spans = xcalloc(m->nentries ? m->nentries : 1, sizeof *d->spans);
	d->rblocks = xcalloc(m->nblocks ? m->nblocks : 1, sizeof *d->rblocks);
	r = xcalloc(2 * m->nentries + m->nblocks + 1, sizeof *r);
	for (size_t i = 0; i < m->nentries; i++) {
		long li = m->entries[i].line - m->body_line;
		struct rspan *sp = &d->spans[i];

		if (li < 0 || (size_t)li >= nlines)
			continue;
		off = ls[li];
		line_end(s, len, off, &te);
		find_span(s + off, te - off, sp);
		/* An entry goes on over the lines that do not open a block or
		 * another entry: its tail ends the last of them. */
		{
			size_t last = (size_t)li, le;

			while (last + 1 < nlines && (i + 1 >= m->nentries ||
			    m->entries[i + 1].line - m->body_line != (long)last + 1)) {
				line_end(s, len, ls[last + 1], &le);
				if (opens_block(s + ls[last + 1], le - ls[last + 1]))
					break;
				last++;
			}
			if (last > (size_t)li) {
				line_end(s, len, ls[last], &le);
				sp->tail0 = sp->tail1 = 0;
				find_tail(s + off, sp->kw1, le - off, sp);
			}
		}
		if (sp->kw1) {
			sp->kw0 += off;
			sp->kw1 += off;
			r[nr++] = (struct repl){ sp->kw0, sp->kw1, 'E', i };
		}
		if (sp->tail1) {
			sp->tail0 += off;
			sp->tail1 += off;
			r[nr++] = (struct repl){ sp->tail0, sp->tail1, 'T', i };
		}
	}
	for (size_t i = 0; i < m->nblocks; i++) {
		long li = m->blocks[i].line - m->body_line;

		if (li < 0 || (size_t)li >= nlines) {
			d->rblocks[i].open0 = d->rblocks[i].close1 = len;
			continue;
		}
		find_block(s, len, ls[li], &d->rblocks[i]);
		r[nr++] = (struct repl){ d->rblocks[i].info0, d->rblocks[i].info1, 'B', i };
	}
	qsort(r, nr, sizeof *r, by_at);
	off = 0;
	for (size_t i = 0; i <= nr; i++) {
		size_t to = i < nr ? r[i].at : len;

		if (to < off)	/* overlapping: keep the first */
			continue;
		for (size_t j = off; j < to; j++)
			if (s[j] != MARK_ON && s[j] != MARK_OFF && s[j] != '\0')
				buf_addc(&d->src, s[j]);
		if (i < nr) {
			buf_printf(&d->src, "%c%c%zu%c", MARK_ON, r[i].letter, r[i].index, MARK_OFF);
			off = r[i].end;
		}
	}
	free(r);
	free(ls);
	find_title(d);
}

void
rdoc_release(struct rdoc *d)
{
	free(d->spans);
	free(d->rblocks);
	free(d->title);
	buf_release(&d->src);
}

size_t
mark_read(const char *s, size_t len, char *letter, size_t *index)
{
	size_t i = 2, v = 0;

	if (len < 4 || s[0] != MARK_ON || !strchr("ETB", s[1]) || s[1] == '\0')
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9' && i < 22)
		v = v * 10 + (size_t)(s[i++] - '0');
	if (i == 2 || i >= len || s[i] != MARK_OFF)
		return 0;
	*letter = s[1];
	*index = v;
	return i + 1;
}
