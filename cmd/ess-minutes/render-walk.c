/*
 * render-walk.c: the Markdown walk the HTML and text renderers share.
 * md4c parses the rewritten body (raw HTML off, so it comes as text);
 * this layer turns its markers back into entries and data blocks, decodes
 * entities, keeps images to their alt text and tells each link whether
 * its address is one the page may link to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "render.h"

struct walker {
	struct rdoc *d;
	const struct walk_ops *ops;
	void *ctx;
	const struct mblock *block;	/* inside a data block's fence */
	int blocks_seen;		/* any block entered yet */
	int in_first_h1;
	int img;			/* depth of images */
};

static const struct {
	const char *name;
	const char *utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
	{ "nbsp", "\xC2\xA0" }, { "laquo", "«" }, { "raquo", "»" }, { "hellip", "…" },
	{ "ndash", "–" }, { "mdash", "—" }, { "euro", "€" }, { "copy", "©" },
	{ "reg", "®" }, { "deg", "°" }, { "eacute", "é" }, { "egrave", "è" },
	{ "ecirc", "ê" }, { "agrave", "à" }, { "acirc", "â" }, { "ccedil", "ç" },
	{ "ocirc", "ô" }, { "ucirc", "û" }, { "ugrave", "ù" }, { "icirc", "î" },
	{ "iuml", "ï" }, { "euml", "ë" }, { "oelig", "œ" }, { "Eacute", "É" },
	{ "Egrave", "È" }, { "Agrave", "À" }, { "Ccedil", "Ç" }, { "OElig", "Œ" },
	{ "rsquo", "’" }, { "lsquo", "‘" }, { "ldquo", "“" }, { "rdquo", "”" },
	{ "times", "×" }, { "middot", "·" }, { "shy", "\xC2\xAD" },
};

static void
put_utf8(struct buf *b, unsigned long c)
{
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80)
		buf_addc(b, (int)c);
	else if (c < 0x800) {
		buf_addc(b, (int)(0xC0 | (c >> 6)));
		buf_addc(b, (int)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		buf_addc(b, (int)(0xE0 | (c >> 12)));
		buf_addc(b, (int)(0x80 | ((c >> 6) & 0x3F)));
		buf_addc(b, (int)(0x80 | (c & 0x3F)));
	} else {
		buf_addc(b, (int)(0xF0 | (c >> 18)));
		buf_addc(b, (int)(0x80 | ((c >> 12) & 0x3F)));
		buf_addc(b, (int)(0x80 | ((c >> 6) & 0x3F)));
		buf_addc(b, (int)(0x80 | (c & 0x3F)));
	}
}

/* An entity ("&amp;", "&#233;", "&#xE9;") as UTF-8; an unknown name stays
 * as written. */
static void
entity(struct buf *b, const char *s, size_t n)
{
	if (n > 3 && s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';
		char tmp[16];

		if (n - 3 - hex < sizeof tmp) {
			memcpy(tmp, s + 2 + hex, n - 3 - hex);
			tmp[n - 3 - hex] = '\0';
			put_utf8(b, strtoul(tmp, NULL, hex ? 16 : 10));
			return;
		}
	}
	for (size_t i = 0; n > 2 && i < sizeof entities / sizeof *entities; i++)
		if (strlen(entities[i].name) == n - 2 && memcmp(entities[i].name, s + 1, n - 2) == 0) {
			buf_adds(b, entities[i].utf8);
			return;
		}
	buf_add(b, s, n);
}

/* Whether an address may be linked to from the page. */
static int
safe_href(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	return (n > 7 && strncasecmp(s, "http://", 7) == 0) ||
		(n > 8 && strncasecmp(s, "https://", 8) == 0) ||
		(n > 7 && strncasecmp(s, "mailto:", 7) == 0);
}

/* Text with markers: the plain runs go to ops->text, markers to entry and
 * tail. */
static void
text_marked(struct walker *w, enum wtext k, const char *s, size_t n)
{
	const struct minutes *m = w->d->m;

	while (n) {
		const char *p = memchr(s, MARK_ON, n);
		size_t run = p ? (size_t)(p - s) : n, used;
		char letter;
		size_t index;

		if (run)
			w->ops->text(w->ctx, k, s, run);
		s += run;
		n -= run;
		if (!n)
			break;
		used = mark_read(s, n, &letter, &index);
		if (!used) {	/* a stray byte: dropped */
			s++;
			n--;
			continue;
		}
		if (letter == 'E' && index < m->nentries)
			w->ops->entry(w->ctx, &m->entries[index]);
		else if (letter == 'T' && index < m->nentries)
			w->ops->tail(w->ctx, &m->entries[index]);
		s += used;
		n -= used;
	}
}

static int
enter_block(MD_BLOCKTYPE t, void *detail, void *u)
{
	struct walker *w = u;

	if (t == MD_BLOCK_CODE) {
		MD_BLOCK_CODE_DETAIL *c = detail;
		char letter;
		size_t index;

		if (c->info.text && mark_read(c->info.text, c->info.size, &letter, &index) &&
		    letter == 'B' && index < w->d->m->nblocks) {
			w->block = &w->d->m->blocks[index];
			w->blocks_seen = 1;
			return 0;
		}
	}
	if (t == MD_BLOCK_H && !w->blocks_seen && w->d->title_in_body &&
	    ((MD_BLOCK_H_DETAIL *)detail)->level == 1)
		w->in_first_h1 = 1;
	if (t != MD_BLOCK_DOC)
		w->blocks_seen = 1;
	w->ops->enter(w->ctx, t, detail);
	return 0;
}

static int
leave_block(MD_BLOCKTYPE t, void *detail, void *u)
{
	struct walker *w = u;

	if (t == MD_BLOCK_CODE && w->block) {
		w->ops->block(w->ctx, w->block);
		w->block = NULL;
		return 0;
	}
	w->ops->leave(w->ctx, t, detail);
	if (t == MD_BLOCK_H && w->in_first_h1) {
		w->in_first_h1 = 0;
		w->ops->meta(w->ctx);
	}
	return 0;
}

static int
enter_span(MD_SPANTYPE t, void *detail, void *u)
{
	struct walker *w = u;

	if (t == MD_SPAN_IMG) {
		w->img++;
		return 0;
	}
	if (w->img)
		return 0;
	if (t == MD_SPAN_A) {
		MD_SPAN_A_DETAIL *a = detail;

		w->ops->span(w->ctx, t, 1, a->href.text, a->href.size, safe_href(a->href.text, a->href.size));
	} else
		w->ops->span(w->ctx, t, 1, NULL, 0, 0);
	return 0;
}

static int
leave_span(MD_SPANTYPE t, void *detail, void *u)
{
	struct walker *w = u;

	(void)detail;
	if (t == MD_SPAN_IMG) {
		w->img--;
		return 0;
	}
	if (w->img)
		return 0;
	w->ops->span(w->ctx, t, 0, NULL, 0, 0);
	return 0;
}

static int
text(MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u)
{
	struct walker *w = u;
	struct buf e = BUF_INIT;

	if (w->block)
		return 0;
	switch (t) {
	case MD_TEXT_NULLCHAR:
		w->ops->text(w->ctx, WT_NORMAL, "\xEF\xBF\xBD", 3);
		break;
	case MD_TEXT_BR:
		w->ops->text(w->ctx, WT_BR, "\n", 1);
		break;
	case MD_TEXT_SOFTBR:
		w->ops->text(w->ctx, WT_SOFTBR, "\n", 1);
		break;
	case MD_TEXT_ENTITY:
		entity(&e, s, n);
		w->ops->text(w->ctx, WT_NORMAL, e.data, e.len);
		buf_release(&e);
		break;
	case MD_TEXT_CODE:
		text_marked(w, WT_CODE, s, n);
		break;
	default:	/* normal, raw HTML (as text), math */
		text_marked(w, WT_NORMAL, s, n);
	}
	return 0;
}

void
walk(struct rdoc *d, const struct walk_ops *ops, void *ctx)
{
	struct walker w = { d, ops, ctx, NULL, 0, 0, 0 };
	MD_PARSER p = {
		0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_NOHTML |
			MD_FLAG_PERMISSIVEURLAUTOLINKS,
		enter_block, leave_block, enter_span, leave_span, text, NULL, NULL,
	};

	if (md_parse(d->src.data, (MD_SIZE)d->src.len, &p, &w) != 0)
		ess_die(EX_SOFTWARE, _("%s: the Markdown parser failed (out of memory?)"), d->m->path);
}
