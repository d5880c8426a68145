/*
 * render.h: what the files of the render command share.
 *
 * The body is first rewritten (render-src.c): each DÉCISION/ACTION/INFO
 * keyword and each "{...}" tail is replaced by a marker, and each data
 * block's info string by one naming the block, so that the Markdown walk
 * (md4c, render-walk.c) knows which entry or block it is in without
 * offsets.  A marker is "\001", a letter (E keyword, T tail, B block), the
 * index in decimal, and "\002"; those two bytes are removed from the
 * source first.  The HTML and text renderers are walk_ops over that walk;
 * the Markdown renderer works on the source lines themselves.
 */
#ifndef ESS_MINUTES_RENDER_H
#define ESS_MINUTES_RENDER_H

#include <md4c.h>

#include "buf.h"
#include "minutes.h"

#define MARK_ON '\001'
#define MARK_OFF '\002'
#define NBSP "\xC2\xA0"

/* Where the keyword and tail of an entry's line are, in the body. */
struct rspan {
	size_t kw0, kw1;	/* keyword, colon and spaces; kw0 == kw1: not found */
	size_t tail0, tail1;	/* " {...}"; tail0 == tail1: none */
};

/* Where a data block is in the body: from its opening fence line to the
 * end of its closing fence line (or of the body). */
struct rblock {
	size_t open0, info0, info1;	/* the fence line, its info string */
	size_t close1;			/* past the closing fence's line */
	size_t indent;			/* bytes of the fence line's indentation */
};

struct rdoc {
	const struct minutes *m;
	struct rspan *spans;	/* one per entry */
	struct rblock *rblocks;	/* one per data block */
	struct buf src;		/* the body with markers, for md4c */
	/* The title: the header's, else the first "# " heading's (then
	 * title_in_body is set and the heading opens the body). */
	char *title;
	int title_in_body;
};

void rdoc_init(struct rdoc *d, const struct minutes *m);
void rdoc_release(struct rdoc *d);

/* Reads a marker at s (s[0] == MARK_ON); its letter and index, and the
 * bytes it takes; 0 when s does not hold a whole marker. */
size_t mark_read(const char *s, size_t len, char *letter, size_t *index);

/* ---- words the page says (render.c) */

/* "Compte rendu", "Procès-verbal d'assemblée générale"...; NULL if none. */
const char *type_label(const char *type);
/* "lundi 28 novembre 2016" into b. */
void french_date(struct buf *b, ess_day day);
/* "DD/MM/YYYY" into b. */
void short_date(struct buf *b, ess_day day);
/* "DÉCISION", "ACTION", "INFO". */
const char *mkind_label(enum mkind k);
/* What follows an entry's text in html and txt: " — Pour 44, contre 2,
 * abstention 2 — Qui : Marie — Échéance : 15/01/2017", with no-break
 * spaces inside each part; empty if nothing. */
void entry_tail(struct buf *b, const struct mentry *e);

/* The lines that open the document after its title: the type and date,
 * then "label : value" lines, then the attendance summary. */
struct metaline {
	const char *label;	/* NULL: a line of its own */
	char *text;
};
struct meta {
	char *when;		/* "Compte rendu — lundi 28 novembre 2016, de 14h15 à 17h00", or NULL */
	struct metaline *lines;
	size_t n;
	char **att;		/* the attendance lines */
	size_t natt;
};
void meta_build(struct meta *mt, const struct minutes *m);
void meta_release(struct meta *mt);

/* The note under a data block's table, into b: an ess-tally document's
 * method, rule, ballots (and presence and quorum for motions); a sign-in
 * sheet's counts; nothing for other blocks. */
void block_note(struct buf *b, const struct mblock *bl);
/* Whether column c of the table holds numbers only (right-aligned). */
int table_col_numeric(const struct mtable *t, size_t c);

/* ---- the walk (render-walk.c) */

enum wtext { WT_NORMAL, WT_CODE, WT_BR, WT_SOFTBR };

struct walk_ops {
	void (*enter)(void *ctx, MD_BLOCKTYPE t, void *detail);
	void (*leave)(void *ctx, MD_BLOCKTYPE t, void *detail);
	/* Links: safe says whether href is http, https or mailto; an unsafe
	 * link's text alone is rendered.  Images never reach here: their
	 * alt text is text. */
	void (*span)(void *ctx, MD_SPANTYPE t, int enter, const char *href, size_t hlen, int safe);
	void (*text)(void *ctx, enum wtext k, const char *s, size_t n);
	void (*entry)(void *ctx, const struct mentry *e);	/* its keyword */
	void (*tail)(void *ctx, const struct mentry *e);
	void (*block)(void *ctx, const struct mblock *b);	/* a data block's table */
	void (*meta)(void *ctx);	/* after the body's "# " title */
};

/* Walks d->src with md4c; dies (70) if md4c fails. */
void walk(struct rdoc *d, const struct walk_ops *ops, void *ctx);

/* ---- the renderers */
void render_md(struct rdoc *d, struct buf *out);
void render_html(struct rdoc *d, struct buf *out);
void render_txt(struct rdoc *d, struct buf *out);
void render_json(struct rdoc *d, FILE *fp);

#endif
