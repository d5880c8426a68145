/*
 * text.h: UTF-8 checks, folding for comparisons, and display width.
 */
#ifndef ESS_TEXT_H
#define ESS_TEXT_H

#include <stddef.h>
#include "buf.h"

/* Returns the offset of the first byte that is not part of valid UTF-8
 * (overlong forms, surrogates and values past U+10FFFF are invalid), or
 * len when all is valid. */
size_t utf8_check(const char *s, size_t len);

/* Number of characters (code points) in the first len bytes of s. */
size_t utf8_count(const char *s, size_t len);

/* Appends to out the folded form of s used for comparisons: case folded,
 * accents removed, compatibility forms decomposed, œ→oe, æ→ae, ß→ss,
 * typographic quotes and apostrophes (’ ‘ ʼ « » “ ”) to plain ones, NBSP
 * and other spaces to a space, dashes and the minus sign to '-', invisible
 * characters (soft hyphen, zero-width space, BOM) removed.  Invalid UTF-8
 * is copied byte by byte. */
void text_fold(struct buf *out, const char *s, size_t len);

/* Folds for header matching: text_fold, then drops spaces, underscores,
 * hyphens, dots and apostrophes, then one final 's' (a plural). */
void text_fold_key(struct buf *out, const char *s, size_t len);

/* Display width in terminal columns (East Asian wide = 2, combining = 0). */
size_t text_width(const char *s, size_t len);

/* Byte length of the longest prefix of s whose display width is at most w. */
size_t text_prefix_for_width(const char *s, size_t len, size_t w);

#endif
