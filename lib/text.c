/*
 * text.c: UTF-8 checks, folding and display width, on top of utf8proc.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "text.h"

/* The most code points one character decomposes into (U+FDFA gives 18). */
#define FOLD_MAX 32

/*
 * Decodes the character at s[0..len) into *cp and returns its length, or
 * 0 when the bytes there are not valid UTF-8.  utf8proc_iterate rejects
 * overlong forms, surrogates and values past U+10FFFF.
 */
static size_t
decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_ssize_t n;

	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(len < 4 ? len : 4), cp);
	return n > 0 ? (size_t)n : 0;
}

size_t
utf8_check(const char *s, size_t len)
{
	size_t i, n;
	int32_t cp;

	for (i = 0; i < len; i += n)
		if ((n = decode(s + i, len - i, &cp)) == 0)
			return i;
	return len;
}

/* An invalid byte counts as one character, as it does for text_fold. */
size_t
utf8_count(const char *s, size_t len)
{
	size_t i, n, count = 0;
	int32_t cp;

	for (i = 0; i < len; i += n, count++)
		if ((n = decode(s + i, len - i, &cp)) == 0)
			n = 1;
	return count;
}

static void
add_cp(struct buf *out, int32_t cp)
{
	utf8proc_uint8_t u[4];

	buf_add(out, u, (size_t)utf8proc_encode_char(cp, u));
}

/*
 * Folds what utf8proc leaves alone: ligatures that are letters of their
 * own, typographic quotes, spaces and dashes.  Returns the replacement,
 * or NULL.
 */
static const char *
fold_special(int32_t cp)
{
	const utf8proc_property_t *prop;

	switch (cp) {
	case 0x0152: case 0x0153:	/* Œ œ */
		return "oe";
	case 0x00c6: case 0x00e6:	/* Æ æ */
		return "ae";
	case 0x2018: case 0x2019: case 0x201b: case 0x02bc: case 0x2032:
		return "'";
	case 0x00ab: case 0x00bb: case 0x201c: case 0x201d: case 0x201e:
	case 0x201f: case 0x2033:
		return "\"";
	case 0x2212:			/* minus sign */
		return "-";
	}
	prop = utf8proc_get_property(cp);
	if (prop->category == UTF8PROC_CATEGORY_ZS)
		return " ";
	if (prop->category == UTF8PROC_CATEGORY_PD)
		return "-";
	return NULL;
}

static void
add_folded(struct buf *out, int32_t cp)
{
	const char *special;

	if ((special = fold_special(cp)) != NULL)
		buf_adds(out, special);
	else
		add_cp(out, cp);
}

/* The special cases apply before and after utf8proc: U+FE58 (small em
 * dash) decomposes into U+2014 (em dash), which becomes '-'. */
static void
fold_char(struct buf *out, int32_t cp)
{
	const utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	utf8proc_int32_t dst[FOLD_MAX];
	utf8proc_ssize_t i, n;
	int boundclass = 0;

	if (fold_special(cp) != NULL) {
		add_folded(out, cp);
		return;
	}
	n = utf8proc_decompose_char(cp, dst, FOLD_MAX, opt, &boundclass);
	if (n < 0 || n > FOLD_MAX) {
		add_cp(out, cp);
		return;
	}
	for (i = 0; i < n; i++)
		add_folded(out, dst[i]);
}

void
text_fold(struct buf *out, const char *s, size_t len)
{
	size_t i, n;
	int32_t cp;

	buf_grow(out, len);
	for (i = 0; i < len; i += n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			buf_addc(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			n = 1;
		} else if ((n = decode(s + i, len - i, &cp)) != 0) {
			fold_char(out, cp);
		} else {
			buf_addc(out, c);
			n = 1;
		}
	}
}

static int
key_drops(char c)
{
	return c == ' ' || c == '_' || c == '-' || c == '.' || c == '\'';
}

void
text_fold_key(struct buf *out, const char *s, size_t len)
{
	size_t start = out->len, i, j;

	text_fold(out, s, len);
	for (i = j = start; i < out->len; i++)
		if (!key_drops(out->data[i]))
			out->data[j++] = out->data[i];
	if (j - start > 1 && out->data[j - 1] == 's')
		j--;
	buf_setlen(out, j);
}

static size_t
char_width(int32_t cp)
{
	int w = utf8proc_charwidth(cp);

	return w > 0 ? (size_t)w : 0;
}

/* Decodes one character for the width functions; an invalid byte is one
 * column wide, as the replacement character a terminal shows. */
static size_t
next_width(const char *s, size_t len, size_t *w)
{
	size_t n;
	int32_t cp;

	if ((n = decode(s, len, &cp)) == 0) {
		*w = 1;
		return 1;
	}
	*w = char_width(cp);
	return n;
}

size_t
text_width(const char *s, size_t len)
{
	size_t i, n, w, total = 0;

	for (i = 0; i < len; i += n) {
		n = next_width(s + i, len - i, &w);
		total += w;
	}
	return total;
}

/* Characters of width 0 that follow the last one kept stay with it. */
size_t
text_prefix_for_width(const char *s, size_t len, size_t w)
{
	size_t i, n, cw, total = 0;

	for (i = 0; i < len; i += n) {
		n = next_width(s + i, len - i, &cw);
		if (total + cw > w)
			break;
		total += cw;
	}
	return i;
}
