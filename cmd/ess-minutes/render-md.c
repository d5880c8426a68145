/*
 * render-md.c: the minutes as Markdown again, for any viewer or pandoc.
 *
 * The body is copied as the secretary wrote it, with these changes: the
 * header's data open the document; each data block becomes a pipe table
 * (and the note of a tally); DÉCISION/ACTION/INFO keywords are bold and
 * their "{...}" tail is written out in words; raw HTML is escaped so that
 * it shows as text; links other than http, https and mailto, and images,
 * keep their text alone.  md4c, with raw HTML on, finds the HTML and the
 * links: the offsets of its text pointers in the body say where they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "render.h"

struct edit {
	size_t at, end;
	char *with;		/* owned */
};

struct mdctx {
	const char *s;
	size_t len;
	struct edit *e;
	size_t n, cap;
	/* the link or image being walked */
	int in_link;
	size_t h0, h1;		/* its address in the body, or h0 == (size_t)-1 */
	int unsafe, image;
	size_t first_text;	/* the first text in it, or (size_t)-1 */
};

static void
edit_add(struct mdctx *c, size_t at, size_t end, const char *with)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 32;
		c->e = xreallocarray(c->e, c->cap, sizeof *c->e);
	}
	c->e[c->n++] = (struct edit){ at, end, xstrdup(with) };
}

static int
by_at(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* Text escaped so that it reads as written. */
static void
md_esc(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '#': case '|': case '~':
			buf_addc(b, '\\');
			buf_addc(b, *s);
			break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '\n': case '\r': buf_addc(b, ' '); break;
		default: buf_addc(b, *s);
		}
	}
}

static int
in_body(const struct mdctx *c, const char *p)
{
	return p >= c->s && p <= c->s + c->len;
}

static int
md_enter_block(MD_BLOCKTYPE t, void *d, void *u)
{
	(void)t, (void)d, (void)u;
	return 0;
}

static int
md_enter_span(MD_SPANTYPE t, void *d, void *u)
{
	struct mdctx *c = u;
	const MD_ATTRIBUTE *a;

	if ((t != MD_SPAN_A && t != MD_SPAN_IMG) || c->in_link++)
		return 0;
	a = t == MD_SPAN_A ? &((MD_SPAN_A_DETAIL *)d)->href : &((MD_SPAN_IMG_DETAIL *)d)->src;
	c->image = t == MD_SPAN_IMG;
	c->unsafe = c->image || !((a->size > 7 && strncasecmp(a->text, "http://", 7) == 0) ||
		(a->size > 8 && strncasecmp(a->text, "https://", 8) == 0) ||
		(a->size > 7 && strncasecmp(a->text, "mailto:", 7) == 0));
	c->h0 = in_body(c, a->text) && a->size ? (size_t)(a->text - c->s) : (size_t)-1;
	c->h1 = c->h0 + a->size;
	c->first_text = (size_t)-1;
	return 0;
}

/* An unsafe inline link or image "[text](href "title")", or an autolink
 * "<href>": the brackets and the address go, the text stays. */
static int
md_leave_span(MD_SPANTYPE t, void *d, void *u)
{
	struct mdctx *c = u;
	const char *s = c->s;
	size_t lb, rb, close;

	(void)d;
	if ((t != MD_SPAN_A && t != MD_SPAN_IMG) || --c->in_link)
		return 0;
	if (!c->unsafe || c->h0 == (size_t)-1)
		return 0;
	if (c->first_text == c->h0 && c->h0 > 0 && s[c->h0 - 1] == '<' && c->h1 < c->len && s[c->h1] == '>') {
		edit_add(c, c->h0 - 1, c->h0, "");
		edit_add(c, c->h1, c->h1 + 1, "");
		return 0;
	}
	/* "](" or "](<" just before the address. */
	rb = c->h0;
	if (rb > 0 && s[rb - 1] == '<')
		rb--;
	if (rb < 2 || s[rb - 1] != '(' || s[rb - 2] != ']')
		return 0;
	rb -= 2;
	close = c->h1;
	{
		int depth = 0;

		while (close < c->len && !(s[close] == ')' && depth == 0)) {
			if (s[close] == '(')
				depth++;
			else if (s[close] == ')')
				depth--;
			else if (s[close] == '\n' && close + 1 < c->len && s[close + 1] == '\n')
				return 0;
			close++;
		}
	}
	if (close >= c->len)
		return 0;
	lb = c->first_text != (size_t)-1 && c->first_text <= rb ? c->first_text : rb;
	while (lb > 0 && s[lb] != '[')
		lb--;
	if (s[lb] != '[')
		return 0;
	if (c->image && lb > 0 && s[lb - 1] == '!')
		lb--;
	edit_add(c, lb, s[lb] == '!' ? lb + 2 : lb + 1, "");
	edit_add(c, rb, close + 1, "");
	return 0;
}

static int
md_text_cb(MD_TEXTTYPE t, const MD_CHAR *p, MD_SIZE n, void *u)
{
	struct mdctx *c = u;

	if (!in_body(c, p))
		return 0;
	if (c->in_link && c->first_text == (size_t)-1)
		c->first_text = (size_t)(p - c->s);
	if (t == MD_TEXT_HTML)
		for (MD_SIZE i = 0; i < n; i++)
			if (p[i] == '<')
				edit_add(c, (size_t)(p - c->s) + i, (size_t)(p - c->s) + i + 1, "&lt;");
	return 0;
}

static void
md_tail(struct buf *b, const struct mentry *e)
{
	struct buf t = BUF_INIT;
	int n = 0;

	if (e->votes_for >= 0)
		buf_printf(&t, "%spour %ld", n++ ? ", " : "", e->votes_for);
	if (e->votes_against >= 0)
		buf_printf(&t, "%scontre %ld", n++ ? ", " : "", e->votes_against);
	if (e->votes_abstain >= 0)
		buf_printf(&t, "%sabstention %ld", n++ ? ", " : "", e->votes_abstain);
	if (e->owner && *e->owner) {
		buf_printf(&t, "%squi : ", n++ ? " ; " : "");
		md_esc(&t, e->owner);
	}
	if (e->due) {
		buf_printf(&t, "%séchéance : ", n++ ? " ; " : "");
		short_date(&t, e->due);
	}
	if (t.len)
		buf_printf(b, " (%s)", t.data);
	buf_release(&t);
}

/* The table of a data block, with blank lines around it (before unless
 * one is there, after unless one follows). */
static void
md_table(struct buf *b, const struct mblock *bl, const char *indent, size_t ilen,
	int blank_before, int blank_after)
{
	const struct mtable *t = &bl->table;
	struct buf note = BUF_INIT;

	if (!blank_before)
		buf_addc(b, '\n');
	if (t->ncols) {
		buf_add(b, indent, ilen);
		buf_addc(b, '|');
		for (size_t c = 0; c < t->ncols; c++) {
			buf_addc(b, ' ');
			md_esc(b, t->cols[c]);
			buf_adds(b, " |");
		}
		buf_addc(b, '\n');
		buf_add(b, indent, ilen);
		buf_addc(b, '|');
		for (size_t c = 0; c < t->ncols; c++)
			buf_adds(b, table_col_numeric(t, c) ? " ---: |" : " --- |");
		buf_addc(b, '\n');
		for (size_t r = 0; r < t->nrows; r++) {
			buf_add(b, indent, ilen);
			buf_addc(b, '|');
			for (size_t c = 0; c < t->ncols; c++) {
				buf_addc(b, ' ');
				md_esc(b, t->cells[r][c]);
				buf_adds(b, " |");
			}
			buf_addc(b, '\n');
		}
	}
	block_note(&note, bl);
	if (note.len) {
		buf_addc(b, '\n');
		buf_add(b, indent, ilen);
		buf_addc(b, '*');
		md_esc(b, note.data);
		buf_adds(b, "*\n");
	}
	if (!blank_after)
		buf_addc(b, '\n');
	buf_release(&note);
}

static void
md_meta(struct buf *b, const struct minutes *m)
{
	struct meta mt;

	meta_build(&mt, m);
	if (mt.when) {
		buf_addc(b, '*');
		md_esc(b, mt.when);
		buf_adds(b, "*\n\n");
	}
	for (size_t i = 0; i < mt.n; i++) {
		buf_printf(b, "- **%s :** ", mt.lines[i].label);
		md_esc(b, mt.lines[i].text);
		buf_addc(b, '\n');
	}
	if (mt.n)
		buf_addc(b, '\n');
	for (size_t i = 0; i < mt.natt; i++) {
		buf_adds(b, i ? "" : "**");
		md_esc(b, mt.att[i]);
		buf_adds(b, i ? "" : "**");
		buf_adds(b, i + 1 < mt.natt ? "\\\n" : "\n\n");
	}
	meta_release(&mt);
}

/* The offset just past the first "# " heading's line. */
static size_t
after_h1(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	while (i < len && s[i] != '\n')
		i++;
	return i < len ? i + 1 : len;
}

void
render_md(struct rdoc *d, struct buf *out)
{
	const struct minutes *m = d->m;
	struct mdctx c;
	struct buf t = BUF_INIT;
	size_t off = 0;
	MD_PARSER p = {
		0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEURLAUTOLINKS,
		md_enter_block, md_enter_block, md_enter_span, md_leave_span, md_text_cb, NULL, NULL,
	};

	memset(&c, 0, sizeof c);
	c.s = m->body;
	c.len = m->body_len;
	if (md_parse(m->body, (MD_SIZE)m->body_len, &p, &c) != 0)
		ess_die(EX_SOFTWARE, _("%s: the Markdown parser failed (out of memory?)"), m->path);
	for (size_t i = 0; i < m->nentries; i++) {
		const struct rspan *sp = &d->spans[i];

		if (sp->kw1) {
			buf_reset(&t);
			buf_printf(&t, "**%s** : ", mkind_label(m->entries[i].kind));
			edit_add(&c, sp->kw0, sp->kw1, t.data);
		}
		if (sp->tail1) {
			buf_reset(&t);
			md_tail(&t, &m->entries[i]);
			edit_add(&c, sp->tail0, sp->tail1, t.data);
		}
	}
	for (size_t i = 0; i < m->nblocks; i++) {
		const struct rblock *rb = &d->rblocks[i];

		if (rb->open0 >= c.len)
			continue;
		buf_reset(&t);
		md_table(&t, &m->blocks[i], m->body + rb->open0, rb->indent,
			rb->open0 == 0 || (rb->open0 >= 2 && c.s[rb->open0 - 2] == '\n'),
			rb->close1 >= c.len || c.s[rb->close1] == '\n' || c.s[rb->close1] == '\r');
		edit_add(&c, rb->open0, rb->close1, t.data);
	}
	if (d->title && !d->title_in_body) {
		buf_adds(out, "# ");
		md_esc(out, d->title);
		buf_adds(out, "\n\n");
	}
	if (d->title_in_body) {
		off = after_h1(c.s, c.len);
		buf_add(out, c.s, off);
		buf_addc(out, '\n');
	}
	md_meta(out, m);
	while (off < c.len && (c.s[off] == '\n' || c.s[off] == '\r'))
		off++;
	if (c.n)
		qsort(c.e, c.n, sizeof *c.e, by_at);
	for (size_t i = 0; i <= c.n; i++) {
		size_t to = i < c.n ? c.e[i].at : c.len;

		if (to < off)
			continue;	/* overlaps an earlier edit */
		buf_add(out, c.s + off, to - off);
		if (i < c.n) {
			buf_adds(out, c.e[i].with);
			off = c.e[i].end;
		}
	}
	/* One final newline, no trailing blank lines. */
	while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
		out->len--;
	buf_addc(out, '\n');
	for (size_t i = 0; i < c.n; i++)
		free(c.e[i].with);
	free(c.e);
	buf_release(&t);
}
