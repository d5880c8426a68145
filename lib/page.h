/*
 * page.h: the opening and the end of a self-contained printable HTML page
 * (A4, embedded CSS, no external resource), shared by the tools that draw
 * one: the minutes, the printable directory, the pick-up list.
 */
#ifndef ESS_PAGE_H
#define ESS_PAGE_H

#include "buf.h"

/* Appends the doctype, <html lang> (lang, e.g. "fr"), the head (charset,
 * viewport, generator, title escaped, the base style then extra_css,
 * which may be NULL) and <body>.  generator names the tool
 * ("ess-minutes"). */
void html_page_open(struct buf *b, const char *lang, const char *title, const char *generator,
	const char *extra_css);
/* Appends </body> and </html>. */
void html_page_close(struct buf *b);

/* The base style alone: A4 margins, a readable sans-serif, headings kept
 * with what follows, tables with their header repeated on each page and
 * rows never split. */
extern const char html_page_css[];

#endif
