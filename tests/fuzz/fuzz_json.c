/*
 * fuzz_json.c: libFuzzer target for lib/json.c.
 *
 * The first byte picks the mode (bit 0: JSON Lines, else a JSON array) and
 * the first buffer size of the chunked read (bits 1-7); the rest is the
 * file.  Every property below is checked with abort():
 *
 *  - the reader ends with JSON_END after at most one call per byte, and
 *    stays there; after an error marked fatal the next call is JSON_END;
 *  - a record is an object, recno counts records from 1, rec_line never
 *    decreases (increases for JSON Lines) and is within the file; an error
 *    has a message, a line within the file and a column >= 1;
 *  - reading through a small buffer that grows (the input cut at many
 *    places) gives the same results as reading it whole;
 *  - arrays: when jansson loads the whole file (BOM dropped) as an array,
 *    the reader gives exactly one result per element and no fatal error:
 *    an object element is a record equal to it (json_equal), or, when the
 *    file has duplicate keys somewhere, possibly a "duplicate" error; any
 *    other element is an error.  When jansson refuses the whole file, or
 *    it is not an array, the reader reports an error;
 *  - JSON Lines: one result per line (a final line end adds none): a
 *    record equal to what jansson loads from the line (trailing CR, spaces
 *    and tabs aside, duplicate keys rejected) when that is an object, at
 *    that line; otherwise an error at that line (a blank line is one).
 *
 * Built with clang -fsanitize=fuzzer by tests/fuzz/run, and with gcc and
 * tests/fuzz/replay.c by the Makefile: plain C11, no clang extensions.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "buf.h"
#include "err.h"
#include "input.h"
#include "common.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One result of json_reader_next. */
struct result {
	enum json_status st;
	long line, col;		/* rec_line, or err_line and err_col */
	long recno;
	int fatal;
	json_t *rec;		/* a reference, for records */
	char *err;
};

struct run {
	struct result *res;
	size_t n, cap;
};

static void
run_release(struct run *run)
{
	for (size_t i = 0; i < run->n; i++) {
		json_decref(run->res[i].rec);
		free(run->res[i].err);
	}
	free(run->res);
}

/* The last line a position in s[0..n) can be on: line ends + 1. */
static long
count_lines(const char *s, size_t n)
{
	long l = 1;

	for (size_t i = 0; i < n; i++)
		l += s[i] == '\n';
	return l;
}

/*
 * Reads the whole file; cap 0 reads it in one go, otherwise the buffer
 * starts at cap bytes and input_fill doubles it at each read.
 */
static void
read_all(struct run *run, const uint8_t *data, size_t size, int lines, size_t cap,
	long nlines)
{
	struct input in;
	struct json_reader r;
	size_t calls = 0;
	long last_line = 0, recno = 0;
	int fatal = 0;

	memset(run, 0, sizeof *run);
	fuzz_open_mem(&in, data, size, cap ? cap : size);
	json_reader_init(&r, &in, lines);
	for (;;) {
		struct result *x;
		enum json_status st;

		CHECK(++calls <= size + 2);
		st = json_reader_next(&r);
		if (fatal)
			CHECK(st == JSON_END);
		if (st == JSON_END)
			break;
		if (run->n == run->cap) {
			run->cap = run->cap ? 2 * run->cap : 8;
			run->res = xreallocarray(run->res, run->cap, sizeof *run->res);
		}
		x = &run->res[run->n++];
		memset(x, 0, sizeof *x);
		x->st = st;
		x->fatal = r.fatal;
		if (st == JSON_REC) {
			CHECK(r.rec != NULL && json_is_object(r.rec));
			CHECK(r.recno == recno + 1);
			recno = r.recno;
			CHECK(r.rec_line >= 1 && r.rec_line <= nlines);
			CHECK(lines ? r.rec_line > last_line : r.rec_line >= last_line);
			last_line = r.rec_line;
			x->line = r.rec_line;
			x->rec = json_incref(r.rec);
		} else {
			CHECK(st == JSON_BAD);
			CHECK(r.err.len > 0);
			CHECK(r.err_line >= 1 && r.err_line <= nlines);
			CHECK(r.err_col >= 1);
			CHECK(lines ? r.err_line > last_line : r.err_line >= last_line);
			last_line = r.err_line;
			x->line = r.err_line;
			x->col = r.err_col;
			x->err = xstrdup(r.err.data);
			CHECK(r.recno == recno);
			fatal = r.fatal;
		}
		x->recno = r.recno;
	}
	CHECK(json_reader_next(&r) == JSON_END);
	json_reader_release(&r);
	input_close(&in);
}

static int
same_runs(const struct run *a, const struct run *b)
{
	size_t n = a->n;

	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct result *x = &a->res[i], *y = &b->res[i];

		if (x->st != y->st || x->line != y->line || x->col != y->col ||
		    x->recno != y->recno || x->fatal != y->fatal)
			return 0;
		if (x->st == JSON_REC && !json_equal(x->rec, y->rec))
			return 0;
		if (x->st == JSON_BAD && strcmp(x->err, y->err) != 0)
			return 0;
	}
	return 1;
}

static int
nbad(const struct run *run)
{
	int n = 0;

	for (size_t i = 0; i < run->n; i++)
		n += run->res[i].st == JSON_BAD;
	return n;
}

/* The array oracle: jansson on the whole text. */
static void
check_array(const struct run *run, const char *s, size_t n)
{
	json_error_t e;
	json_t *v, *strict;
	size_t i, m, opens = 0;

	for (i = 0; i < n; i++)
		opens += s[i] == '[' || s[i] == '{';
	memset(&e, 0, sizeof e);
	v = json_loadb(s, n, JSON_DECODE_ANY, &e);
	if (!v || !json_is_array(v)) {
		/* jansson stops at depth 2048: the array may be the one too
		 * many for it while the reader, which loads each element
		 * alone, is right to accept the file. */
		if (opens < 2000)
			CHECK(nbad(run) > 0);
		json_decref(v);
		return;
	}
	memset(&e, 0, sizeof e);
	strict = json_loadb(s, n, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
	m = run->n;
	CHECK(m == json_array_size(v));
	for (i = 0; i < m; i++) {
		const struct result *x = &run->res[i];
		json_t *el = json_array_get(v, i);

		CHECK(!x->fatal);
		if (!json_is_object(el))
			CHECK(x->st == JSON_BAD);
		else if (x->st == JSON_BAD)
			CHECK(!strict && strstr(x->err, "duplicate"));
		else
			CHECK(json_equal(x->rec, el));
	}
	json_decref(strict);
	json_decref(v);
}

/* The JSON Lines oracle: jansson on each line. */
static void
check_lines(const struct run *run, const char *s, size_t n)
{
	size_t start = 0, k = 0;
	long line = 1;

	while (start < n) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t len = nl ? (size_t)(nl - (s + start)) : n - start, l = len;
		json_error_t e;
		json_t *v = NULL;

		while (l > 0 && (s[start + l - 1] == '\r' || s[start + l - 1] == ' ' ||
		    s[start + l - 1] == '\t'))
			l--;
		if (l > 0) {
			memset(&e, 0, sizeof e);
			v = json_loadb(s + start, l, JSON_REJECT_DUPLICATES, &e);
		}
		CHECK(k < run->n);
		CHECK(run->res[k].line == line);
		CHECK(!run->res[k].fatal);
		if (v && json_is_object(v)) {
			CHECK(run->res[k].st == JSON_REC);
			CHECK(json_equal(run->res[k].rec, v));
		} else {
			CHECK(run->res[k].st == JSON_BAD);
		}
		json_decref(v);
		k++;
		line++;
		start += len + (nl != NULL);
	}
	CHECK(k == run->n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run whole, chunked;
	const char *s;
	size_t n, cap;
	int lines;
	long nlines;

	if (size < 1)
		return 0;
	lines = data[0] & 1;
	cap = (size_t)(data[0] >> 1) + 1;
	/* At least 4 bytes in the first read, as from any file: a first
	 * read under 3 bytes (a pipe's writer flushing 1 or 2 bytes) puts
	 * off input_fill's BOM test, which is another matter (reported). */
	if (cap < 2)
		cap = 2;
	data++;
	size--;
	s = (const char *)data;
	n = size;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	nlines = count_lines(s, n);
	read_all(&whole, data, size, lines, 0, nlines);
	read_all(&chunked, data, size, lines, cap, nlines);
	CHECK(same_runs(&whole, &chunked));
	if (lines)
		check_lines(&whole, s, n);
	else
		check_array(&whole, s, n);
	run_release(&whole);
	run_release(&chunked);
	return 0;
}
