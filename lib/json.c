/*
 * json.c: JSON arrays and JSON Lines, one record at a time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "text.h"

enum { BEFORE, INSIDE, AFTER };

void
json_use_xmalloc(void)
{
	json_set_alloc_funcs(xmalloc, free);
}

void
json_reader_init(struct json_reader *r, struct input *in, int lines)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->lines = lines;
	r->line = 1;
	r->col = 1;
	buf_init(&r->err);
	json_use_xmalloc();
}

void
json_reader_release(struct json_reader *r)
{
	json_decref(r->rec);
	r->rec = NULL;
	buf_release(&r->err);
}

static enum json_status
bad(struct json_reader *r, long line, long col, const char *msg)
{
	buf_reset(&r->err);
	buf_adds(&r->err, msg);
	r->err_line = line;
	r->err_col = col;
	return JSON_BAD;
}

/* Moves the position over n bytes, counting lines and characters. */
static void
advance(struct json_reader *r, size_t n)
{
	const char *s = r->in->buf + r->in->pos;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			r->line++;
			r->col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			r->col++;
		}
	}
	r->in->pos += n;
}

/* Skips white space; returns the next byte, or -1 at end of input. */
static int
skip_ws(struct json_reader *r)
{
	struct input *in = r->in;

	for (;;) {
		while (in->pos < in->end) {
			char c = in->buf[in->pos];

			if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				return (unsigned char)c;
			advance(r, 1);
		}
		if (!input_fill(in))
			return -1;
	}
}

/* Parses [pos, pos+len) with jansson and places the error in the file. */
static enum json_status
load(struct json_reader *r, size_t len)
{
	json_error_t e;
	const char *s = r->in->buf + r->in->pos;
	size_t bad_at = utf8_check(s, len);

	r->raw = s;
	r->rawlen = len;
	if (bad_at < len) {
		long l = r->line, c = r->col;

		for (size_t i = 0; i < bad_at; i++) {
			if (s[i] == '\n') {
				l++;
				c = 1;
			} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
				c++;
			}
		}
		return bad(r, l, c, _("invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"));
	}
	r->raw = s;
	r->rawlen = len;
	memset(&e, 0, sizeof e);
	json_decref(r->rec);
	/* Any value loads, so that a scalar is said to be no object. */
	r->rec = json_loadb(s, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
	if (!r->rec) {
		long l = r->line + e.line - 1;
		long c = e.line <= 1 ? r->col + e.column - 1 : e.column;

		return bad(r, l, c > 0 ? c : 1, e.text);
	}
	if (!json_is_object(r->rec)) {
		json_decref(r->rec);
		r->rec = NULL;
		return bad(r, r->line, r->col, _("expected an object ({...}) for each record"));
	}
	r->rec_line = r->line;
	r->recno++;
	return JSON_REC;
}

static enum json_status
next_line(struct json_reader *r)
{
	struct input *in = r->in;
	char *nl;
	size_t len, l;

	for (;;) {
		if (in->pos >= in->end && !input_fill(in))
			return JSON_END;
		nl = memchr(in->buf + in->pos, '\n', in->end - in->pos);
		if (nl || in->eof)
			break;
		input_fill(in);
	}
	len = nl ? (size_t)(nl - (in->buf + in->pos)) : in->end - in->pos;
	l = len;
	while (l > 0 && (in->buf[in->pos + l - 1] == '\r' || in->buf[in->pos + l - 1] == ' ' ||
	    in->buf[in->pos + l - 1] == '\t'))
		l--;
	enum json_status st;
	if (l == 0)
		st = bad(r, r->line, 1, _("blank line in JSON Lines"));
	else
		st = load(r, l);
	advance(r, len + (nl != NULL));
	return st;
}

/* The length of the value starting at in->pos, tracking strings and
 * nesting; reads more input as needed.  0 for an empty element (",,"),
 * SIZE_MAX when the input ends first. */
static size_t
value_len(struct json_reader *r)
{
	struct input *in = r->in;
	size_t i = 0;
	int depth = 0, str = 0, esc = 0;

	for (;;) {
		for (; in->pos + i < in->end; i++) {
			char c = in->buf[in->pos + i];

			if (str) {
				if (esc)
					esc = 0;
				else if (c == '\\')
					esc = 1;
				else if (c == '"')
					str = 0;
			} else if (c == '"') {
				str = 1;
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				if (depth == 0)
					return i;	/* "]" of the array, or "," "}"... */
				if (--depth == 0)
					return i + 1;
			} else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' ||
			    c == '\r' || c == '\t')) {
				return i;	/* a scalar: jansson will refuse it */
			}
		}
		if (!input_fill(in))
			return SIZE_MAX;
	}
}

static enum json_status
next_element(struct json_reader *r)
{
	struct input *in = r->in;
	int c;
	size_t len;

	if (r->state == AFTER)
		return JSON_END;
	if (r->state == BEFORE) {
		c = skip_ws(r);
		if (c != '[')
			return r->fatal = 1, bad(r, r->line, r->col, _("expected '[' to start a JSON array"));
		advance(r, 1);
		r->state = INSIDE;
		c = skip_ws(r);
		if (c == ']') {
			advance(r, 1);
			goto end;
		}
	} else {
		c = skip_ws(r);
		if (c == ']') {
			advance(r, 1);
			goto end;
		}
		if (c != ',')
			return r->fatal = 1, bad(r, r->line, r->col, c < 0 ? _("unexpected end of input: the array is not closed with ']'")
				: _("expected ',' or ']' after a record"));
		advance(r, 1);
		c = skip_ws(r);
	}
	if (c < 0)
		return r->fatal = 1, bad(r, r->line, r->col, _("unexpected end of input: the array is not closed with ']'"));
	len = value_len(r);
	if (len == 0)
		return bad(r, r->line, r->col, _("expected a record ({...}) here"));
	if (len == SIZE_MAX) {
		/* Truncated: let jansson say where. */
		len = in->end - in->pos;
		r->fatal = 1;
		enum json_status st = load(r, len);
		if (st == JSON_REC)
			st = bad(r, r->line, r->col, _("unexpected end of input"));
		return st;
	}
	enum json_status st = load(r, len);
	advance(r, len);
	return st;
end:
	r->state = AFTER;
	c = skip_ws(r);
	if (c >= 0)
		return r->fatal = 1, bad(r, r->line, r->col, _("unexpected data after the closing ']'"));
	return JSON_END;
}

enum json_status
json_reader_next(struct json_reader *r)
{
	if (r->fatal)
		return JSON_END;
	return r->lines ? next_line(r) : next_element(r);
}
