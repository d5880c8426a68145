/*
 * render-html.c: the minutes as one self-contained printable page.
 *
 * Every piece of text is escaped; raw HTML in the source reaches here as
 * text (md4c's NOHTML) and is escaped like the rest.  Only http, https
 * and mailto links are links; images are their alt text; nothing is
 * loaded from elsewhere.  DÉCISION, ACTION and INFO paragraphs or list
 * items get a class so that they stand out on paper.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "page.h"
#include "render.h"
#include "write.h"

static const char minutes_css[] =
	"h1 { font-size: 19pt; color: #1b5e20; margin: 0 0 .3em; }\n"
	"h2 { font-size: 14pt; color: #1b5e20; border-bottom: 2px solid #81c784; margin: 1.4em 0 .5em; }\n"
	"h3 { font-size: 11.5pt; margin: 1em 0 .3em; }\n"
	".when { font-weight: bold; color: #444; margin: 0 0 .4em; }\n"
	".meta { margin: .1em 0; }\n"
	".label { font-weight: bold; }\n"
	".attendance { border: 0.3mm solid #81c784; padding: .3em .8em; margin: .8em 0 1.2em;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	".attendance p { margin: .15em 0; }\n"
	".decision, .action, .info { border-left: 1.2mm solid #1b5e20; padding: .1em 0 .1em .6em;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	".action { border-left-color: #e65100; }\n"
	".info { border-left-color: #1565c0; }\n"
	"li.decision, li.action, li.info { margin: .2em 0; }\n"
	".kw { font-weight: bold; letter-spacing: .03em; }\n"
	".votes { font-style: italic; }\n"
	".c { text-align: center; }\n"
	"blockquote { border-left: 1mm solid #ccc; margin: .5em 0; padding-left: 1em; color: #444; }\n";

struct hctx {
	struct rdoc *d;
	struct buf *b;
	size_t open_at;		/* the '<' of the innermost paragraph-like tag */
	int linked;		/* an <a> is open */
};

static void
esc(struct buf *b, const char *s)
{
	xml_escape(b, s, strlen(s));
}

/* Inserts s at offset at of b. */
static void
buf_insert(struct buf *b, size_t at, const char *s)
{
	size_t n = strlen(s);

	buf_grow(b, n);
	memmove(b->data + at + n, b->data + at, b->len - at);
	memcpy(b->data + at, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
open_tag(struct hctx *h, const char *tag)
{
	h->open_at = h->b->len;
	buf_adds(h->b, tag);
}

static const char *
align_class(MD_ALIGN a)
{
	return a == MD_ALIGN_RIGHT ? " class=\"n\"" : a == MD_ALIGN_CENTER ? " class=\"c\"" : "";
}

static void
h_enter(void *ctx, MD_BLOCKTYPE t, void *detail)
{
	struct hctx *h = ctx;
	struct buf *b = h->b;

	switch (t) {
	case MD_BLOCK_QUOTE: buf_adds(b, "<blockquote>\n"); break;
	case MD_BLOCK_UL: buf_adds(b, "<ul>\n"); break;
	case MD_BLOCK_OL: {
		unsigned start = ((MD_BLOCK_OL_DETAIL *)detail)->start;

		if (start != 1)
			buf_printf(b, "<ol start=\"%u\">\n", start);
		else
			buf_adds(b, "<ol>\n");
		break;
	}
	case MD_BLOCK_LI: {
		MD_BLOCK_LI_DETAIL *li = detail;

		open_tag(h, "<li>");
		if (li->is_task)
			buf_adds(b, li->task_mark == ' ' ? "☐ " : "☑ ");
		break;
	}
	case MD_BLOCK_HR: buf_adds(b, "<hr>\n"); break;
	case MD_BLOCK_H: {
		char tag[8];

		snprintf(tag, sizeof tag, "<h%u>", ((MD_BLOCK_H_DETAIL *)detail)->level);
		open_tag(h, tag);
		break;
	}
	case MD_BLOCK_CODE: buf_adds(b, "<pre><code>"); break;
	case MD_BLOCK_P: open_tag(h, "<p>"); break;
	case MD_BLOCK_TABLE: buf_adds(b, "<table>\n"); break;
	case MD_BLOCK_THEAD: buf_adds(b, "<thead>\n"); break;
	case MD_BLOCK_TBODY: buf_adds(b, "<tbody>\n"); break;
	case MD_BLOCK_TR: buf_adds(b, "<tr>"); break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		char tag[32];

		snprintf(tag, sizeof tag, "<%s%s>", t == MD_BLOCK_TH ? "th" : "td",
			align_class(((MD_BLOCK_TD_DETAIL *)detail)->align));
		open_tag(h, tag);
		break;
	}
	default:
		break;
	}
}

static void
h_leave(void *ctx, MD_BLOCKTYPE t, void *detail)
{
	struct hctx *h = ctx;
	struct buf *b = h->b;

	switch (t) {
	case MD_BLOCK_QUOTE: buf_adds(b, "</blockquote>\n"); break;
	case MD_BLOCK_UL: buf_adds(b, "</ul>\n"); break;
	case MD_BLOCK_OL: buf_adds(b, "</ol>\n"); break;
	case MD_BLOCK_LI: buf_adds(b, "</li>\n"); break;
	case MD_BLOCK_H: buf_printf(b, "</h%u>\n", ((MD_BLOCK_H_DETAIL *)detail)->level); break;
	case MD_BLOCK_CODE: buf_adds(b, "</code></pre>\n"); break;
	case MD_BLOCK_P: buf_adds(b, "</p>\n"); break;
	case MD_BLOCK_TABLE: buf_adds(b, "</table>\n"); break;
	case MD_BLOCK_THEAD: buf_adds(b, "</thead>\n"); break;
	case MD_BLOCK_TBODY: buf_adds(b, "</tbody>\n"); break;
	case MD_BLOCK_TR: buf_adds(b, "</tr>\n"); break;
	case MD_BLOCK_TH: buf_adds(b, "</th>"); break;
	case MD_BLOCK_TD: buf_adds(b, "</td>"); break;
	default:
		break;
	}
}

static void
h_span(void *ctx, MD_SPANTYPE t, int enter, const char *href, size_t hlen, int safe)
{
	struct hctx *h = ctx;
	struct buf *b = h->b;
	const char *tag;

	switch (t) {
	case MD_SPAN_EM: tag = "em"; break;
	case MD_SPAN_STRONG: tag = "strong"; break;
	case MD_SPAN_CODE: tag = "code"; break;
	case MD_SPAN_DEL: tag = "del"; break;
	case MD_SPAN_U: tag = "u"; break;
	case MD_SPAN_A:
		if (enter && safe) {
			buf_adds(b, "<a href=\"");
			xml_escape(b, href, hlen);
			buf_adds(b, "\">");
			h->linked = 1;
		} else if (!enter && h->linked) {
			buf_adds(b, "</a>");
			h->linked = 0;
		}
		return;
	default:
		return;
	}
	buf_printf(b, enter ? "<%s>" : "</%s>", tag);
}

static void
h_text(void *ctx, enum wtext k, const char *s, size_t n)
{
	struct hctx *h = ctx;

	if (k == WT_BR)
		buf_adds(h->b, "<br>\n");
	else
		xml_escape(h->b, s, n);
}

static void
h_entry(void *ctx, const struct mentry *e)
{
	struct hctx *h = ctx;
	struct buf *b = h->b;
	char cls[32];
	size_t at = h->open_at + 1;

	snprintf(cls, sizeof cls, " class=\"%s\"", mkind_name(e->kind));
	while (at < b->len && b->data[at] != '>' && b->data[at] != ' ')
		at++;
	if (h->open_at < b->len && b->data[h->open_at] == '<' && at < b->len &&
	    !memmem(b->data + h->open_at, at - h->open_at, "class", 5) && b->data[at] == '>')
		buf_insert(b, at, cls);
	buf_printf(b, "<span class=\"kw\">%s" NBSP ":</span> ", mkind_label(e->kind));
}

static void
h_tail(void *ctx, const struct mentry *e)
{
	struct hctx *h = ctx;
	struct buf t = BUF_INIT;

	entry_tail(&t, e);
	if (t.len) {
		buf_adds(h->b, "<span class=\"votes\">");
		xml_escape(h->b, t.data, t.len);
		buf_adds(h->b, "</span>");
	}
	buf_release(&t);
}

static void
h_block(void *ctx, const struct mblock *bl)
{
	struct hctx *h = ctx;
	struct buf *b = h->b, note = BUF_INIT;
	const struct mtable *t = &bl->table;
	char *num = xcalloc(t->ncols ? t->ncols : 1, 1);

	buf_printf(b, "<table class=\"data %s\">\n", mblock_tag_name(bl->tag));
	block_note(&note, bl);
	if (note.len) {
		buf_adds(b, "<caption>");
		xml_escape(b, note.data, note.len);
		buf_adds(b, "</caption>\n");
	}
	buf_adds(b, "<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		num[c] = (char)table_col_numeric(t, c);
		buf_adds(b, num[c] ? "<th class=\"n\">" : "<th>");
		esc(b, t->cols[c]);
		buf_adds(b, "</th>");
	}
	buf_adds(b, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		buf_adds(b, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			buf_adds(b, num[c] ? "<td class=\"n\">" : "<td>");
			esc(b, t->cells[r][c]);
			buf_adds(b, "</td>");
		}
		buf_adds(b, "</tr>\n");
	}
	buf_adds(b, "</tbody>\n</table>\n");
	buf_release(&note);
	free(num);
}

static void
h_meta(void *ctx)
{
	struct hctx *h = ctx;
	struct buf *b = h->b;
	struct meta mt;

	meta_build(&mt, h->d->m);
	if (mt.when) {
		buf_adds(b, "<p class=\"when\">");
		esc(b, mt.when);
		buf_adds(b, "</p>\n");
	}
	for (size_t i = 0; i < mt.n; i++) {
		buf_printf(b, "<p class=\"meta\"><span class=\"label\">%s" NBSP ":</span> ", mt.lines[i].label);
		esc(b, mt.lines[i].text);
		buf_adds(b, "</p>\n");
	}
	if (mt.natt) {
		buf_adds(b, "<div class=\"attendance\">\n");
		for (size_t i = 0; i < mt.natt; i++) {
			buf_adds(b, i ? "<p>" : "<p><strong>");
			esc(b, mt.att[i]);
			buf_adds(b, i ? "</p>\n" : "</strong></p>\n");
		}
		buf_adds(b, "</div>\n");
	}
	meta_release(&mt);
}

void
render_html(struct rdoc *d, struct buf *out)
{
	static const struct walk_ops ops = {
		h_enter, h_leave, h_span, h_text, h_entry, h_tail, h_block, h_meta,
	};
	struct hctx h = { d, out, 0, 0 };

	html_page_open(out, "fr", d->title ? d->title : "Compte rendu", "ess-minutes", minutes_css);
	if (d->title && !d->title_in_body) {
		buf_adds(out, "<h1>");
		esc(out, d->title);
		buf_adds(out, "</h1>\n");
	}
	if (!d->title_in_body)
		h_meta(&h);
	walk(d, &ops, &h);
	html_page_close(out);
}
