/*
 * render-txt.c: the minutes as plain text, wrapped at 72 columns.
 *
 * Inline text is gathered into a paragraph, then wrapped at word
 * boundaries (by display width, never inside a word) under the prefix of
 * the blocks it sits in: "> " for quotes, a list item's "- " or "3. " on
 * its first line and as many spaces after (a hanging indent).  Headings
 * are underlined (= for the first level, - for the second), code blocks
 * indented by 4 and not wrapped, tables drawn with aligned columns (a
 * table may be wider than 72 columns: cells are never broken), links
 * written "text <url>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "render.h"
#include "text.h"

#define TXT_WIDTH 72
#define TXT_MIN 24	/* the narrowest a deeply nested paragraph gets */
#define MAXDEPTH 64

struct level {
	MD_BLOCKTYPE type;
	size_t width;
	char mark[24];
	int pending;		/* the mark is still to be written */
	int tight;
	unsigned num;		/* OL: the next item's number */
	int items;
};

/* A table being gathered: cells in row order. */
struct tgrid {
	char **cells;
	size_t n, cap, ncols;
	char *right;		/* per column */
};

struct tctx {
	struct rdoc *d;
	struct buf *out;
	struct level lv[MAXDEPTH];
	int depth, overflow;
	struct buf para, line, word;
	int need_blank, any;
	size_t link_at;
	struct buf href;
	int link_safe;
	struct tgrid grid;
	int in_table;
	unsigned hlevel;
};

/* ------------------------------------------------------------ lines */

static size_t
prefix_width(const struct tctx *t)
{
	size_t w = 0;

	for (int i = 0; i < t->depth; i++)
		w += t->lv[i].width;
	return w;
}

static void
add_prefix(struct tctx *t, struct buf *b)
{
	for (int i = 0; i < t->depth; i++) {
		struct level *l = &t->lv[i];

		if (l->type == MD_BLOCK_QUOTE)
			buf_adds(b, "> ");
		else if (l->type == MD_BLOCK_LI && l->pending) {
			buf_adds(b, l->mark);
			for (size_t k = strlen(l->mark); k < l->width; k++)
				buf_addc(b, ' ');
			l->pending = 0;
		} else
			for (size_t k = 0; k < l->width; k++)
				buf_addc(b, ' ');
	}
}

/* One line of output under the prefix, trailing spaces dropped; the
 * no-break spaces that kept words together while wrapping become plain
 * spaces. */
static void
emit(struct tctx *t, const char *s, size_t n)
{
	struct buf *o = t->out;

	add_prefix(t, o);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			buf_addc(o, ' ');
			i++;
		} else
			buf_addc(o, s[i]);
	}
	while (o->len && o->data[o->len - 1] == ' ')
		o->len--;
	buf_addc(o, '\n');
	t->any = 1;
}

static void
emit_blank(struct tctx *t)
{
	struct buf *o = t->out;

	for (int i = 0; i < t->depth; i++)
		if (t->lv[i].type == MD_BLOCK_QUOTE)
			buf_addc(o, '>');
	buf_addc(o, '\n');
}

static void
start_block(struct tctx *t)
{
	if (t->need_blank && t->any)
		emit_blank(t);
	t->need_blank = 0;
}

/* Wraps s[0..n) (hard breaks as '\n') to the width left by the prefix;
 * returns the widest line's width. */
/* Whether the word at s (n bytes) is a high punctuation mark that French
 * sets after a space (: ; ! ? and »), so that the space before it must
 * not break the line. */
static int
glued_after(const char *s, size_t n)
{
	size_t k = 0;

	if (n >= 2 && memcmp(s, "\xc2\xbb", 2) == 0)
		k = 2;
	else if (strchr(":;!?", *s))
		k = 1;
	else
		return 0;
	while (k < n && strchr(":;!?.,)", s[k]) && s[k])
		k++;
	return k == n || s[k] == ' ' || s[k] == '\n' || s[k] == '\t';
}

static size_t
wrap(struct tctx *t, const char *s, size_t n)
{
	size_t pw = prefix_width(t), avail = TXT_WIDTH > pw + TXT_MIN ? TXT_WIDTH - pw : TXT_MIN;
	size_t widest = 0, lw = 0, i = 0;

	buf_reset(&t->line);
	while (i <= n) {
		size_t ww;

		if (i == n || s[i] == '\n') {
			if (t->line.len || i < n) {
				emit(t, t->line.data, t->line.len);
				if (lw > widest)
					widest = lw;
			}
			buf_reset(&t->line);
			lw = 0;
			i++;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		buf_reset(&t->word);
		for (;;) {
			size_t j;

			while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
				buf_addc(&t->word, s[i++]);
			/* French spacing: "mot :", "mot ?", "« mot »" never break at
			 * the space before a high punctuation mark or after «. */
			for (j = i; j < n && s[j] == ' '; j++)
				continue;
			if (j == i || j == n || !(glued_after(s + j, n - j) ||
			    (t->word.len == 2 && memcmp(t->word.data, "\xc2\xab", 2) == 0)))
				break;
			buf_addc(&t->word, ' ');
			i = j;
		}
		ww = text_width(t->word.data, t->word.len);
		if (t->line.len && lw + 1 + ww > avail) {
			emit(t, t->line.data, t->line.len);
			if (lw > widest)
				widest = lw;
			buf_reset(&t->line);
			lw = 0;
		}
		if (t->line.len) {
			buf_addc(&t->line, ' ');
			lw++;
		}
		buf_add(&t->line, t->word.data, t->word.len);
		lw += ww;
	}
	return widest;
}

static int
blank_text(const struct buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] != ' ' && b->data[i] != '\n' && b->data[i] != '\t')
			return 0;
	return 1;
}

static void
flush_para(struct tctx *t)
{
	if (blank_text(&t->para)) {
		buf_reset(&t->para);
		return;
	}
	start_block(t);
	wrap(t, t->para.data, t->para.len);
	buf_reset(&t->para);
	t->need_blank = 1;
}

/* ------------------------------------------------------------ tables */

static void
grid_add(struct tgrid *g, const char *s, size_t n)
{
	char *c;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 32;
		g->cells = xreallocarray(g->cells, g->cap, sizeof *g->cells);
	}
	c = xstrndup(s, n);
	for (char *p = c; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	g->cells[g->n++] = c;
}

static void
grid_clear(struct tgrid *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->cells[i]);
	free(g->cells);
	free(g->right);
	memset(g, 0, sizeof *g);
}

/* Draws the grid: its first row is the header, underlined. */
static void
grid_draw(struct tctx *t, const struct tgrid *g)
{
	size_t nc = g->ncols, nr = nc ? (g->n + nc - 1) / nc : 0;
	size_t *w = xcalloc(nc ? nc : 1, sizeof *w);
	struct buf l = BUF_INIT;

	for (size_t i = 0; i < g->n; i++) {
		size_t cw = text_width(g->cells[i], strlen(g->cells[i]));

		if (cw > w[i % nc])
			w[i % nc] = cw;
	}
	start_block(t);
	for (size_t r = 0; r < nr; r++) {
		buf_reset(&l);
		for (size_t c = 0; c < nc; c++) {
			const char *v = r * nc + c < g->n ? g->cells[r * nc + c] : "";
			size_t vw = text_width(v, strlen(v)), pad = w[c] - vw;

			if (c)
				buf_adds(&l, "  ");
			if (g->right[c] && r > 0)
				while (pad--)
					buf_addc(&l, ' ');
			buf_adds(&l, v);
			if (!g->right[c] || r == 0)
				while (pad--)
					buf_addc(&l, ' ');
		}
		emit(t, l.data, l.len);
		if (r == 0) {
			buf_reset(&l);
			for (size_t c = 0; c < nc; c++) {
				if (c)
					buf_adds(&l, "  ");
				for (size_t k = 0; k < w[c]; k++)
					buf_addc(&l, '-');
			}
			emit(t, l.data, l.len);
		}
	}
	t->need_blank = 1;
	buf_release(&l);
	free(w);
}

/* ------------------------------------------------------------ the walk */

static struct level *
push(struct tctx *t, MD_BLOCKTYPE type, size_t width)
{
	struct level *l;

	if (t->depth == MAXDEPTH) {
		t->overflow++;
		return NULL;
	}
	l = &t->lv[t->depth++];
	memset(l, 0, sizeof *l);
	l->type = type;
	l->width = width;
	return l;
}

static void
pop(struct tctx *t)
{
	if (t->overflow)
		t->overflow--;
	else if (t->depth)
		t->depth--;
}

static struct level *
top(struct tctx *t)
{
	return t->depth && !t->overflow ? &t->lv[t->depth - 1] : NULL;
}

static void
t_enter(void *ctx, MD_BLOCKTYPE type, void *detail)
{
	struct tctx *t = ctx;
	struct level *l, *parent;

	switch (type) {
	case MD_BLOCK_QUOTE:
		flush_para(t);
		start_block(t);	/* the blank line before it has no "> " */
		push(t, type, 2);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		flush_para(t);
		parent = top(t);
		if (parent && parent->type == MD_BLOCK_LI && t->depth >= 2 && t->lv[t->depth - 2].tight)
			t->need_blank = 0;
		if ((l = push(t, type, 0))) {
			l->tight = type == MD_BLOCK_UL ? ((MD_BLOCK_UL_DETAIL *)detail)->is_tight :
				((MD_BLOCK_OL_DETAIL *)detail)->is_tight;
			l->num = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		}
		break;
	case MD_BLOCK_LI: {
		MD_BLOCK_LI_DETAIL *li = detail;

		flush_para(t);
		parent = top(t);
		if (parent && parent->tight && parent->items)
			t->need_blank = 0;
		if (parent)
			parent->items++;
		if ((l = push(t, type, 2))) {
			if (parent && parent->type == MD_BLOCK_OL)
				snprintf(l->mark, sizeof l->mark, "%u. ", parent->num++);
			else
				snprintf(l->mark, sizeof l->mark, "- ");
			l->width = strlen(l->mark);
			l->pending = 1;
		}
		if (li->is_task)
			buf_adds(&t->para, li->task_mark == ' ' ? "[ ] " : "[x] ");
		break;
	}
	case MD_BLOCK_HR:
		flush_para(t);
		start_block(t);
		emit(t, "* * *", 5);
		t->need_blank = 1;
		break;
	case MD_BLOCK_H:
		flush_para(t);
		t->hlevel = ((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_CODE:
	case MD_BLOCK_P:
		flush_para(t);
		break;
	case MD_BLOCK_TABLE:
		flush_para(t);
		grid_clear(&t->grid);
		t->grid.ncols = ((MD_BLOCK_TABLE_DETAIL *)detail)->col_count;
		t->grid.right = xcalloc(t->grid.ncols ? t->grid.ncols : 1, 1);
		t->in_table = 1;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		buf_reset(&t->para);
		if (((MD_BLOCK_TD_DETAIL *)detail)->align == MD_ALIGN_RIGHT && t->grid.ncols)
			t->grid.right[t->grid.n % t->grid.ncols] = 1;
		break;
	default:
		break;
	}
}

static void
t_leave(void *ctx, MD_BLOCKTYPE type, void *detail)
{
	struct tctx *t = ctx;
	struct level *l;
	size_t w;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		flush_para(t);
		pop(t);
		t->need_blank = 1;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		pop(t);
		t->need_blank = 1;
		break;
	case MD_BLOCK_LI:
		flush_para(t);
		if ((l = top(t)) && l->pending) {
			start_block(t);
			emit(t, "", 0);
		}
		pop(t);
		t->need_blank = 1;
		break;
	case MD_BLOCK_H:
		start_block(t);
		w = wrap(t, t->para.data, t->para.len);
		if (t->hlevel <= 2 && w) {
			buf_reset(&t->line);
			for (size_t k = 0; k < w; k++)
				buf_addc(&t->line, t->hlevel == 1 ? '=' : '-');
			emit(t, t->line.data, t->line.len);
		}
		buf_reset(&t->para);
		t->need_blank = 1;
		break;
	case MD_BLOCK_CODE: {
		const char *s = t->para.data, *e = s + t->para.len;

		start_block(t);
		while (e > s && e[-1] == '\n')
			e--;
		while (s < e) {
			const char *nl = memchr(s, '\n', (size_t)(e - s));
			size_t n = nl ? (size_t)(nl - s) : (size_t)(e - s);

			buf_reset(&t->line);
			if (n)
				buf_adds(&t->line, "    ");
			buf_add(&t->line, s, n);
			emit(t, t->line.data, t->line.len);
			s += n + (nl != NULL);
		}
		buf_reset(&t->para);
		t->need_blank = 1;
		break;
	}
	case MD_BLOCK_P:
		flush_para(t);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		const char *s = t->para.data;
		size_t n = t->para.len;

		while (n && (*s == ' ' || *s == '\n'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
			n--;
		grid_add(&t->grid, s, n);
		buf_reset(&t->para);
		break;
	}
	case MD_BLOCK_TABLE:
		t->in_table = 0;
		grid_draw(t, &t->grid);
		grid_clear(&t->grid);
		break;
	default:
		break;
	}
}

static void
t_span(void *ctx, MD_SPANTYPE type, int enter, const char *href, size_t hlen, int safe)
{
	struct tctx *t = ctx;
	const char *text;
	size_t n;

	if (type != MD_SPAN_A)
		return;
	if (enter) {
		t->link_at = t->para.len;
		t->link_safe = safe;
		buf_reset(&t->href);
		buf_add(&t->href, href, hlen);
		return;
	}
	if (!t->link_safe)
		return;
	text = t->para.data + t->link_at;
	n = t->para.len - t->link_at;
	if ((n == t->href.len && memcmp(text, t->href.data, n) == 0) ||
	    (t->href.len == n + 7 && memcmp(t->href.data, "mailto:", 7) == 0 &&
	     memcmp(t->href.data + 7, text, n) == 0))
		return;
	buf_adds(&t->para, " <");
	buf_add(&t->para, t->href.data, t->href.len);
	buf_addc(&t->para, '>');
}

static void
t_text(void *ctx, enum wtext k, const char *s, size_t n)
{
	struct tctx *t = ctx;

	switch (k) {
	case WT_BR:
		buf_addc(&t->para, '\n');
		break;
	case WT_SOFTBR:
		buf_addc(&t->para, ' ');
		break;
	default:
		buf_add(&t->para, s, n);
	}
}

static void
t_entry(void *ctx, const struct mentry *e)
{
	struct tctx *t = ctx;

	buf_printf(&t->para, "%s" NBSP ": ", mkind_label(e->kind));
}

static void
t_tail(void *ctx, const struct mentry *e)
{
	entry_tail(&((struct tctx *)ctx)->para, e);
}

static void
t_block(void *ctx, const struct mblock *bl)
{
	struct tctx *t = ctx;
	const struct mtable *tb = &bl->table;
	struct tgrid g;
	struct buf note = BUF_INIT;

	flush_para(t);
	memset(&g, 0, sizeof g);
	g.ncols = tb->ncols;
	g.right = xcalloc(g.ncols ? g.ncols : 1, 1);
	for (size_t c = 0; c < tb->ncols; c++) {
		g.right[c] = (char)table_col_numeric(tb, c);
		grid_add(&g, tb->cols[c], strlen(tb->cols[c]));
	}
	for (size_t r = 0; r < tb->nrows; r++)
		for (size_t c = 0; c < tb->ncols; c++)
			grid_add(&g, tb->cells[r][c], strlen(tb->cells[r][c]));
	if (g.ncols)
		grid_draw(t, &g);
	grid_clear(&g);
	block_note(&note, bl);
	if (note.len) {
		t->need_blank = 0;
		wrap(t, note.data, note.len);
		t->need_blank = 1;
	}
	buf_release(&note);
}

static void
t_meta(void *ctx)
{
	struct tctx *t = ctx;
	struct meta mt;

	meta_build(&mt, t->d->m);
	if (mt.when) {
		start_block(t);
		wrap(t, mt.when, strlen(mt.when));
		t->need_blank = 1;
	}
	if (mt.n) {
		start_block(t);
		for (size_t i = 0; i < mt.n; i++) {
			buf_reset(&t->para);
			buf_printf(&t->para, "%s" NBSP ": %s", mt.lines[i].label, mt.lines[i].text);
			wrap(t, t->para.data, t->para.len);
		}
		buf_reset(&t->para);
		t->need_blank = 1;
	}
	if (mt.natt) {
		start_block(t);
		for (size_t i = 0; i < mt.natt; i++)
			wrap(t, mt.att[i], strlen(mt.att[i]));
		t->need_blank = 1;
	}
	meta_release(&mt);
}

void
render_txt(struct rdoc *d, struct buf *out)
{
	static const struct walk_ops ops = {
		t_enter, t_leave, t_span, t_text, t_entry, t_tail, t_block, t_meta,
	};
	struct tctx t;

	memset(&t, 0, sizeof t);
	t.d = d;
	t.out = out;
	buf_init(&t.para);
	buf_init(&t.line);
	buf_init(&t.word);
	buf_init(&t.href);
	if (d->title && !d->title_in_body) {
		size_t w = wrap(&t, d->title, strlen(d->title));

		buf_reset(&t.line);
		for (size_t k = 0; k < w; k++)
			buf_addc(&t.line, '=');
		emit(&t, t.line.data, t.line.len);
		t.need_blank = 1;
	}
	if (!d->title_in_body)
		t_meta(&t);
	walk(d, &ops, &t);
	flush_para(&t);
	grid_clear(&t.grid);
	buf_release(&t.para);
	buf_release(&t.line);
	buf_release(&t.word);
	buf_release(&t.href);
}
