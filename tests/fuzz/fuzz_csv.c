/*
 * fuzz_csv.c: libFuzzer target for lib/csvread.c.
 *
 * The first byte picks the delimiter (bits 0-1: , ; TAB |) and the first
 * buffer size of the chunked read (bits 2-7); the rest is the file.  Every
 * property below is checked with abort():
 *
 *  - the reader ends with CSV_EOF after at most one call per byte, and
 *    r->line is then the number of physical lines + 1 (LF, CR LF and a
 *    lone CR each end one);
 *  - a row's fields are NUL-terminated with strlen == flen, and are valid
 *    UTF-8 (NUL bytes and invalid UTF-8 are errors);
 *  - rec_line increases from row to row, past the lines of the row before;
 *    an error is at or after the line that follows the last row, and within
 *    the file, and the next row or error is on a later line; columns are
 *    >= 1; an error has a message;
 *  - a row's raw bytes are the file's bytes at the start of line rec_line
 *    (the fast path may have turned delimiters into NULs), and end at a
 *    line end;
 *  - csv_field_pos(i) points into the file at field i: at its bytes, or at
 *    its opening quote, right after a delimiter or at the record's start;
 *  - reading through a small buffer that grows (the input cut at many
 *    places) gives the same results as reading it whole;
 *  - for a file that is valid UTF-8 without NUL: the reader reports no
 *    error exactly when strict libcsv (no space trimming) accepts the
 *    whole file, and then both give the same records, blank lines aside;
 *  - csv_sniff_delim gives one of the four delimiters.
 *
 * Built with clang -fsanitize=fuzzer by tests/fuzz/run, and with gcc and
 * tests/fuzz/replay.c by the Makefile: plain C11, no clang extensions.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <csv.h>

#include "buf.h"
#include "csvread.h"
#include "err.h"
#include "input.h"
#include "common.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char delims[4] = { ',', ';', '\t', '|' };

/* The file as the reader should see it: a leading BOM dropped. */
struct text {
	const char *s;
	size_t n;
	size_t *ls;	/* ls[k]: offset where line k + 1 starts */
	size_t nls;	/* entries in ls: line ends + 1 */
	long lines;	/* the reader's final r->line */
	int lone_cr;	/* a CR not followed by LF ends a line */
};

static int
is_eol(const char *s, size_t n, size_t i)
{
	return i < n && (s[i] == '\n' || s[i] == '\r');
}

/* Length of the line end at s[i] (CR LF counts as one), 0 for none. */
static size_t
eol_len(const char *s, size_t n, size_t i)
{
	if (!is_eol(s, n, i))
		return 0;
	return s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
}

static void
text_init(struct text *t, const uint8_t *data, size_t size)
{
	size_t i, k;

	t->s = (const char *)data;
	t->n = size;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		t->s += 3;
		t->n -= 3;
	}
	t->ls = malloc((t->n + 1) * sizeof *t->ls);
	if (!t->ls)
		abort();
	t->ls[0] = 0;
	t->nls = 1;
	t->lone_cr = 0;
	for (i = 0; i < t->n; i += k ? k : 1) {
		k = eol_len(t->s, t->n, i);
		if (k)
			t->ls[t->nls++] = i + k;
		if (k == 1 && t->s[i] == '\r')
			t->lone_cr = 1;
	}
	t->lines = (long)t->nls + (t->ls[t->nls - 1] < t->n);
}

/* Number of line ends in s[0..n). */
static long
count_eols(const char *s, size_t n)
{
	long c = 0;
	size_t i, k;

	for (i = 0; i < n; i += k ? k : 1) {
		k = eol_len(s, n, i);
		c += k > 0;
	}
	return c;
}

/* Byte offset of 1-based character column col in the line starting at off. */
static size_t
col_offset(const struct text *t, size_t off, long col)
{
	size_t i = off;
	long c;

	for (c = 1; c < col && i < t->n && !is_eol(t->s, t->n, i); c++) {
		size_t k = utf8_check(t->s + i, t->n - i < 4 ? t->n - i : 4);

		/* one character: its UTF-8 length, or 1 for a bad byte */
		if (k == 0)
			k = 1;
		else {
			unsigned char b = (unsigned char)t->s[i];
			k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		}
		i += k;
	}
	CHECK(c == col);
	return i;
}

static void
put_long(struct buf *b, long long v)
{
	buf_add(b, &v, sizeof v);
}

static void
put_row(struct buf *b, size_t nf, char *const *f, const size_t *flen)
{
	put_long(b, (long long)nf);
	for (size_t i = 0; i < nf; i++) {
		put_long(b, (long long)flen[i]);
		buf_add(b, f[i], flen[i]);
	}
}

/* Checks one row against the file; lines_ok 0 leaves out what depends on
 * rec_line. */
static void
check_row(const struct csv_reader *r, const struct text *t, char delim, int lines_ok)
{
	size_t off, i;
	long span;

	CHECK(r->nf >= 1);
	for (i = 0; i < r->nf; i++) {
		CHECK(r->f[i] != NULL);
		CHECK(r->f[i][r->flen[i]] == '\0');
		CHECK(strlen(r->f[i]) == r->flen[i]);
		CHECK(utf8_check(r->f[i], r->flen[i]) == r->flen[i]);
	}
	CHECK(r->rawlen > 0);
	if (!lines_ok)
		return;
	/* The raw bytes are in the file at line rec_line. */
	CHECK(r->rec_line >= 1 && (size_t)r->rec_line <= t->nls);
	off = t->ls[r->rec_line - 1];
	CHECK(r->rawlen <= t->n - off);
	/* Read in place, a line keeps its bytes but for the NULs that end
	 * its fields (at delimiters and closing quotes) and the content of
	 * quoted fields, shifted by their "" pairs. */
	if (r->raw != r->rawbuf.data && !memchr(t->s + off, '"', r->rawlen)) {
		for (i = 0; i < r->rawlen; i++)
			CHECK(r->raw[i] == t->s[off + i] ||
			    (r->raw[i] == '\0' && t->s[off + i] == delim));
	} else if (r->raw == r->rawbuf.data) {
		CHECK(memcmp(r->raw, t->s + off, r->rawlen) == 0);
	}
	CHECK(off + r->rawlen == t->n || is_eol(t->s, t->n, off + r->rawlen));
	span = count_eols(t->s + off, r->rawlen);
	/* Each field's position is where it is. */
	for (i = 0; i < r->nf; i++) {
		long l, c;
		size_t at;

		csv_field_pos(r, i, &l, &c);
		CHECK(l >= r->rec_line && l <= r->rec_line + span);
		CHECK(c >= 1);
		at = col_offset(t, t->ls[l - 1], c);
		CHECK(at == off || (at > off && t->s[at - 1] == delim));
		CHECK((at < t->n && t->s[at] == '"') ||
		    (r->flen[i] <= t->n - at && memcmp(t->s + at, r->f[i], r->flen[i]) == 0));
	}
}

struct run {
	struct buf log;		/* everything the reader said, to compare runs */
	struct buf rows;	/* the rows alone, to compare with libcsv */
	long nbad;
};

/*
 * Reads the whole file; cap 0 reads it in one go, otherwise the buffer
 * starts at cap bytes and input_fill doubles it at each read.
 */
static void
read_all(struct run *out, const uint8_t *data, size_t size, char delim, size_t cap,
	const struct text *t)
{
	struct input in;
	struct csv_reader r;
	enum csv_status st;
	size_t calls = 0;
	long next_line = 1;	/* rows and errors start at or after it */
	int lines_ok = 1;

	buf_init(&out->log);
	buf_init(&out->rows);
	out->nbad = 0;
	fuzz_open_mem(&in, data, size, cap ? cap : size);
	csv_reader_init(&r, &in, delim);
	for (;;) {
		CHECK(++calls <= size + 2);
		st = csv_reader_next(&r);
		put_long(&out->log, st);
		if (st == CSV_EOF)
			break;
		if (st == CSV_ROW) {
			CHECK(!lines_ok || r.rec_line >= next_line);
			check_row(&r, t, delim, lines_ok);
			if (lines_ok)
				next_line = r.rec_line + 1 +
				    count_eols(t->s + t->ls[r.rec_line - 1], r.rawlen);
			put_long(&out->log, r.rec_line);
			put_row(&out->log, r.nf, r.f, r.flen);
			put_row(&out->rows, r.nf, r.f, r.flen);
			continue;
		}
		CHECK(st == CSV_BAD);
		out->nbad++;
		CHECK(r.err.len > 0);
		CHECK(!lines_ok || (r.err_line >= next_line && r.err_line <= t->lines));
		CHECK(r.err_col >= 1);
		next_line = r.err_line + 1;
		put_long(&out->log, r.err_line);
		put_long(&out->log, r.err_col);
		buf_add(&out->log, r.err.data, r.err.len + 1);
	}
	/* Nothing more comes after the end. */
	CHECK(csv_reader_next(&r) == CSV_EOF);
	CHECK(!lines_ok || r.line == t->lines);
	csv_reader_release(&r);
	input_close(&in);
}

/* Strict libcsv on the whole file. */
struct oracle {
	struct buf rows;
	char **f;
	size_t *flen;
	size_t nf, cap;
	struct buf fields;
};

static void
oracle_field(void *p, size_t len, void *data)
{
	struct oracle *o = data;

	if (o->nf == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 16;
		o->flen = xreallocarray(o->flen, o->cap, sizeof *o->flen);
		o->f = xreallocarray(o->f, o->cap, sizeof *o->f);
	}
	o->flen[o->nf++] = len;
	if (len)
		buf_add(&o->fields, p, len);
}

static void
oracle_row(int c, void *data)
{
	struct oracle *o = data;
	size_t off = 0;

	(void)c;
	for (size_t i = 0; i < o->nf; i++) {
		o->f[i] = o->fields.data + off;
		off += o->flen[i];
	}
	put_row(&o->rows, o->nf, o->f, o->flen);
	o->nf = 0;
	buf_reset(&o->fields);
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* 0 when libcsv accepts the file; its records are then in o->rows. */
static int
libcsv_all(struct oracle *o, const struct text *t, char delim)
{
	struct csv_parser p;
	int ok;

	memset(o, 0, sizeof *o);
	buf_init(&o->rows);
	buf_init(&o->fields);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, no_space);
	ok = csv_parse(&p, t->s, t->n, oracle_field, oracle_row, o) == t->n &&
	    csv_fini(&p, oracle_field, oracle_row, o) == 0;
	csv_free(&p);
	free(o->f);
	free(o->flen);
	buf_release(&o->fields);
	return ok ? 0 : -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text t;
	struct run whole, chunked;
	struct oracle o;
	char delim;
	size_t cap;

	if (size < 1)
		return 0;
	delim = delims[data[0] & 3];
	cap = (size_t)(data[0] >> 2) + 1;
	/* At least 4 bytes in the first read, as from any file: a first
	 * read under 3 bytes (a pipe's writer flushing 1 or 2 bytes) puts
	 * off input_fill's BOM test, which is another matter (reported). */
	if (cap < 2)
		cap = 2;
	data++;
	size--;
	text_init(&t, data, size);
	CHECK(memchr(delims, csv_sniff_delim(t.s, t.n), sizeof delims) != NULL);
	read_all(&whole, data, size, delim, 0, &t);
	read_all(&chunked, data, size, delim, cap, &t);
	CHECK(whole.log.len == chunked.log.len);
	CHECK(memcmp(whole.log.data, chunked.log.data, whole.log.len) == 0);
	if (utf8_check(t.s, t.n) == t.n && !memchr(t.s, '\0', t.n)) {
		int ok = libcsv_all(&o, &t, delim) == 0;

		CHECK(ok == (whole.nbad == 0));
		if (ok) {
			CHECK(o.rows.len == whole.rows.len);
			CHECK(memcmp(o.rows.data, whole.rows.data, o.rows.len) == 0);
		}
		buf_release(&o.rows);
	}
	buf_release(&whole.log);
	buf_release(&whole.rows);
	buf_release(&chunked.log);
	buf_release(&chunked.rows);
	free(t.ls);
	return 0;
}
