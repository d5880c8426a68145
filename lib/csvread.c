/*
 * csvread.c: CSV records, fast on plain lines, libcsv on quoted ones.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "err.h"
#include "text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif


/*
 * Finding the bytes that matter on a line: the delimiter, a quote, CR, LF
 * and NUL.  A scan keeps a bit mask of them for 64 bytes at a time, so
 * that the fields of a line cost one vector pass rather than one each.
 * The buffer is padded (INPUT_PAD zero bytes after its end), so a scan
 * stops at the padding at the latest.
 */
struct scan {
	unsigned char *base;	/* the mask covers [base, base + 64) */
	uint64_t mask;
	unsigned char delim;
	uint64_t high;		/* bytes >= 0x80 met in the blocks scanned */
};

static inline uint64_t
block_mask(const unsigned char *p, unsigned char delim, uint64_t *high)
{
#ifdef __SSE2__
	const __m128i vd = _mm_set1_epi8((char)delim), vq = _mm_set1_epi8('"');
	const __m128i vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');
	const __m128i z = _mm_setzero_si128();
	uint64_t m = 0;

	for (int i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + (size_t)16 * i));
		__m128i x = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vd), _mm_cmpeq_epi8(v, vq)),
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vr)),
			_mm_cmpeq_epi8(v, z)));

		m |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << (16 * i);
		*high |= (uint64_t)(unsigned)_mm_movemask_epi8(v);
	}
	return m;
#else
	uint64_t m = 0;

	for (int i = 0; i < 64; i++) {
		if (p[i] == delim || p[i] == '"' || p[i] == '\n' || p[i] == '\r' || p[i] == 0)
			m |= (uint64_t)1 << i;
		*high |= p[i] >> 7;
	}
	return m;
#endif
}

/* The next byte that matters at or after p (p never goes back). */
static inline unsigned char *
next_special(struct scan *sc, unsigned char *p)
{
	for (;;) {
		size_t off = (size_t)(p - sc->base);

		if (off < 64) {
			uint64_t m = sc->mask >> off;

			if (m)
				return p + __builtin_ctzll(m);
			p = sc->base + 64;
		}
		sc->base = p;
		sc->mask = block_mask(p, sc->delim, &sc->high);
	}
}

enum fast { FAST_ROW, FAST_MORE, FAST_SLOW, FAST_BLANK, FAST_BAD };

static int never_space(unsigned char c) { (void)c; return 0; }

static void
parser_init(struct csv_reader *r)
{
	if (r->p_ready)
		csv_free(&r->p);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		ess_die(EX_SOFTWARE, "%s", _("out of memory"));
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_space_func(&r->p, never_space);
	csv_set_realloc_func(&r->p, xrealloc);
	csv_set_blk_size(&r->p, 4096);	/* grow fields by pages, not 128 bytes */
	r->p_ready = 1;
}

void
csv_reader_init(struct csv_reader *r, struct input *in, char delim)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->delim = delim;
	r->line = 1;
	buf_init(&r->err);
	buf_init(&r->errraw);
	buf_init(&r->rec);
	buf_init(&r->rawbuf);
	r->fcap = 16;
	r->f = xmalloc(r->fcap * sizeof *r->f);
	r->flen = xmalloc(r->fcap * sizeof *r->flen);
	r->fo = xmalloc(r->fcap * sizeof *r->fo);
	r->fesc = xmalloc(r->fcap * sizeof *r->fesc);
	parser_init(r);
}

void
csv_reader_release(struct csv_reader *r)
{
	if (r->p_ready)
		csv_free(&r->p);
	free(r->f);
	free(r->flen);
	free(r->fo);
	free(r->fesc);
	free(r->offs);
	buf_release(&r->err);
	buf_release(&r->errraw);
	buf_release(&r->rec);
	buf_release(&r->rawbuf);
}

static void
grow_fields(struct csv_reader *r)
{
	r->fcap *= 2;
	r->f = xreallocarray(r->f, r->fcap, sizeof *r->f);
	r->flen = xreallocarray(r->flen, r->fcap, sizeof *r->flen);
	r->fo = xreallocarray(r->fo, r->fcap, sizeof *r->fo);
	r->fesc = xreallocarray(r->fesc, r->fcap, sizeof *r->fesc);
}

static void
push_field(struct csv_reader *r, char *s, size_t len)
{
	if (r->nf == r->fcap)
		grow_fields(r);
	r->f[r->nf] = s;
	r->flen[r->nf] = len;
	r->nf++;
}

static enum csv_status
bad(struct csv_reader *r, long line, long col, const char *msg)
{
	buf_reset(&r->err);
	buf_adds(&r->err, msg);
	r->err_line = line;
	r->err_col = col;
	return CSV_BAD;
}

/*
 * The length of the longest valid UTF-8 prefix of s, which lies in an
 * input buffer (INPUT_PAD bytes may be read past its end): ASCII is skipped
 * sixteen bytes at a time, other sequences are checked one by one (no
 * overlong forms, surrogates, or values past U+10FFFF).
 */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c;

#ifdef __SSE2__
		/* The input buffer is padded: 16 bytes may be read past len. */
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)(s + i)));

		if (len - i < 16)
			m &= (1u << (len - i)) - 1;
		if (m == 0) {
			i += 16;
			continue;
		}
		i += (size_t)__builtin_ctz(m);
#endif
		c = s[i];
		if (c < 0x80) {
			i++;
		} else if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80)
				return i;
			i += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;

			if (i + 2 >= len || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80)
				return i;
			i += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;

			if (i + 3 >= len || s[i + 1] < lo || s[i + 1] > hi ||
			    (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
				return i;
			i += 4;
		} else {
			return i;
		}
	}
	return len;
}

/* The first CR or LF in [s, end), or end. */
static char *
next_line_end(char *s, char *end)
{
	char *n = memchr(s, '\n', (size_t)(end - s));
	char *r = memchr(s, '\r', (size_t)((n ? n : end) - s));

	return r ? r : n ? n : end;
}

/* The next quote, CR, LF or NUL at or after p (the buffer is padded). */
static inline unsigned char *
next_in_quotes(unsigned char *p)
{
#ifdef __SSE2__
	const __m128i vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n');
	const __m128i vr = _mm_set1_epi8('\r'), z = _mm_setzero_si128();

	for (;; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i x = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vn)),
			_mm_or_si128(_mm_cmpeq_epi8(v, vr), _mm_cmpeq_epi8(v, z)));
		unsigned m = (unsigned)_mm_movemask_epi8(x);

		if (m)
			return p + __builtin_ctz(m);
	}
#else
	while (*p != '"' && *p != '\n' && *p != '\r' && *p != '\0')
		p++;
	return p;
#endif
}

/* Turns each "" of a quoted field's content into "; returns the new
 * length.  The bytes freed at the end become NULs, one character each as
 * the quotes they replace, so that columns counted on the line stay right. */
static size_t
unescape_quotes(char *f, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++) {
		f[w++] = f[i];
		if (f[i] == '"')
			i++;	/* the second quote of the pair */
	}
	memset(f + w, '\0', len - w);
	return w;
}

/*
 * Splits the line at in->pos in place when it holds no quote and no lone
 * CR.  Fields are recorded as (start, length) first and NUL-terminated only
 * once the whole line is known, so a line cut by the buffer's end can be
 * scanned again after the buffer is refilled.
 */
static enum fast
fast_line(struct csv_reader *r)
{
	struct input *in = r->in;
	unsigned char *s = (unsigned char *)in->buf + in->pos;
	unsigned char *end = (unsigned char *)in->buf + in->end;
	unsigned char *p = s, *fs = s, *q, *c;
	unsigned char delim = (unsigned char)r->delim;
	struct scan sc = { s + 64, 0, delim, 0 };	/* empty: the first call fills it */
	size_t nf = 0, qlen = 0;
	int quoted = 0, esc = 0;	/* the field being read was quoted */
	int quoted_seen = 0;

	for (;;) {
		q = next_special(&sc, p);
		if (q >= end) {
			if (!in->eof)
				return FAST_MORE;
			q = end;
			break;
		}
		if (*q == delim) {
			if (nf == r->fcap)
				grow_fields(r);
			r->fo[nf] = (size_t)(fs - s) + (size_t)quoted;
			r->flen[nf] = quoted ? qlen : (size_t)(q - fs);
			r->fesc[nf++] = (unsigned char)esc;
			quoted = esc = 0;
			fs = p = q + 1;
			continue;
		}
		if (*q == '\n')
			break;
		if (*q == '\r') {
			if (q + 1 == end && !in->eof)
				return FAST_MORE;
			if (q + 1 < end && q[1] == '\n')
				break;
			return FAST_SLOW;
		}
		if (*q == '\0') {
			bad(r, r->line, (long)utf8_count((char *)s, (size_t)(q - s)) + 1,
				_("NUL byte in the data"));
			goto skip;
		}
		/* A quote.  A field wholly quoted on this line is read here;
		 * a quote elsewhere, or a line end inside quotes, is libcsv's. */
		if (q != fs || quoted)
			return FAST_SLOW;
		for (c = q + 1;; c += 2) {
			c = next_in_quotes(c);
			if (c >= end)
				return in->eof ? FAST_SLOW : FAST_MORE;
			if (*c == '\0') {
				bad(r, r->line, (long)utf8_count((char *)s, (size_t)(c - s)) + 1,
					_("NUL byte in the data"));
				q = c;
				goto skip;
			}
			if (*c != '"')
				return FAST_SLOW;	/* a line end inside quotes */
			if (c + 1 == end && !in->eof)
				return FAST_MORE;
			if (c + 1 == end || c[1] != '"')
				break;
			esc = 1;			/* "" stands for " */
		}
		/* c is the closing quote: the field must end right after it. */
		if (c + 1 < end && c[1] != delim && c[1] != '\n' && c[1] != '\r')
			return FAST_SLOW;
		quoted = quoted_seen = 1;
		qlen = (size_t)(c - q - 1);
		p = c + 1;
	}
	/* q is the line's end: LF, the CR of CR LF, or the end of input.
	 * Quoted fields were scanned apart: they must be checked too. */
	if (sc.high || quoted_seen) {
		size_t bad_at = utf8_valid_prefix(s, (size_t)(q - s));

		if (bad_at < (size_t)(q - s)) {
			bad(r, r->line, (long)utf8_count((char *)s, bad_at) + 1,
				_("invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"));
			goto skip;
		}
	}
	if (nf == 0 && q == s) {
		in->pos = (size_t)((char *)q - in->buf) + (q < end ? 1 + (*q == '\r') : 0);
		r->line++;
		r->blank_lines++;
		return FAST_BLANK;
	}
	if (nf == r->fcap)
		grow_fields(r);
	r->fo[nf] = (size_t)(fs - s) + (size_t)quoted;
	r->flen[nf] = quoted ? qlen : (size_t)(q - fs);
	r->fesc[nf++] = (unsigned char)esc;
	r->nf = nf;
	r->rec_line = r->line++;
	r->raw = (char *)s;
	r->rawlen = (size_t)(q - s);
	in->pos = (size_t)((char *)q - in->buf) + (q < end ? 1 + (*q == '\r') : 0);
	/* The line is whole: now the fields may be changed in place. */
	for (size_t i = 0; i < nf; i++) {
		char *f = (char *)s + r->fo[i];

		if (r->fesc[i])
			r->flen[i] = unescape_quotes(f, r->flen[i]);
		f[r->flen[i]] = '\0';
		r->f[i] = f;
	}
	return FAST_ROW;
skip:
	/* Skip the rest of the bad line (up to LF, CR LF or a lone CR) so
	 * that the caller may go on. */
	q = (unsigned char *)next_line_end((char *)q, (char *)end);
	if ((q == end || (*q == '\r' && q + 1 == end)) && !in->eof)
		return FAST_MORE;
	buf_reset(&r->errraw);
	buf_add(&r->errraw, s, (size_t)(q - s));
	in->pos = (size_t)((char *)q - in->buf) +
		(q < end ? 1 + (*q == '\r' && q + 1 < end && q[1] == '\n') : 0);
	r->line++;
	return FAST_BAD;
}

static void
on_field(void *p, size_t len, void *data)
{
	struct csv_reader *r = data;

	if (r->noffs == r->offcap) {
		r->offcap = r->offcap ? r->offcap * 2 : 16;
		r->offs = xreallocarray(r->offs, r->offcap, sizeof *r->offs);
	}
	r->offs[r->noffs++] = r->rec.len;
	if (len)
		buf_add(&r->rec, p, len);
	buf_addc(&r->rec, '\0');
}

static void
on_record(int c, void *data)
{
	struct csv_reader *r = data;

	(void)c;
	r->rec_done = 1;
}

/* Where the quote of a field still open at the end of raw starts. */
static size_t
open_quote(const char *raw, size_t len, char delim)
{
	size_t i, at = 0;
	int inq = 0, fstart = 1;

	for (i = 0; i < len; i++) {
		char c = raw[i];

		if (inq) {
			if (c == '"') {
				if (i + 1 < len && raw[i + 1] == '"')
					i++;
				else
					inq = 0;
			}
		} else if (fstart && c == '"') {
			inq = 1;
			at = i;
			fstart = 0;
		} else {
			fstart = c == delim || c == '\n' || c == '\r';
		}
	}
	return at;
}

/* Line and column of byte off of the record in raw that starts at line0. */
static void
raw_pos(const char *raw, size_t off, long line0, long *line, long *col)
{
	size_t i, ls = 0;
	long l = line0;

	for (i = 0; i < off; i++) {
		if (raw[i] == '\n' || (raw[i] == '\r' && raw[i + 1] != '\n')) {
			l++;
			ls = i + 1;
		}
	}
	*line = l;
	*col = (long)utf8_count(raw + ls, off - ls) + 1;
}

/* Keeps the bytes of the record read so far as the bad record's. */
static void
raw_record(struct csv_reader *r)
{
	size_t n = r->rawbuf.len;

	while (n && (r->rawbuf.data[n - 1] == '\n' || r->rawbuf.data[n - 1] == '\r'))
		n--;
	buf_reset(&r->errraw);
	buf_add(&r->errraw, r->rawbuf.data, n);
}

/*
 * Reads one record through libcsv, one physical line (ending in LF, CR LF
 * or a lone CR) at a time.
 */
static enum csv_status
slow_record(struct csv_reader *r)
{
	struct input *in = r->in;
	int started = 0;
	size_t skip_len = 0;

	r->rec_done = 0;
	r->noffs = 0;
	buf_reset(&r->rec);
	buf_reset(&r->rawbuf);
	for (;;) {
		char *s = in->buf + in->pos, *end = in->buf + in->end, *t;
		size_t len, content, bad_at;

		t = next_line_end(s, end);
		if ((t == end || (*t == '\r' && t + 1 == end)) && !in->eof) {
			input_fill(in);
			continue;
		}
		if (t == s + 0 && t == end && !started) {
			return CSV_EOF;
		}
		content = (size_t)(t - s);
		len = content + (t < end) + (t + 1 < end && *t == '\r' && t[1] == '\n');
		if (!started && content == 0) {
			/* A blank line before the record: skip it. */
			in->pos += len;
			r->line++;
			r->blank_lines++;
			if (len == 0)
				return CSV_EOF;
			continue;
		}
		if (!started)
			r->rec_line = r->line;
		started = 1;
		bad_at = utf8_valid_prefix((const unsigned char *)s, content);
		if (bad_at == content && memchr(s, '\0', content))
			bad_at = (size_t)((char *)memchr(s, '\0', content) - s);
		if (bad_at < content) {
			bad(r, r->line, (long)utf8_count(s, bad_at) + 1,
				memchr(s, '\0', bad_at + 1) ? _("NUL byte in the data")
				: _("invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"));
			buf_add(&r->rawbuf, s, len);
			skip_len = len;
			goto skip;
		}
		buf_add(&r->rawbuf, s, len);
		size_t n = csv_parse(&r->p, s, len, on_field, on_record, r);
		if (n < len) {
			/* libcsv stops at the byte after a closing quote that does
			 * not end its field, or at a quote inside an unquoted one:
			 * point at the quote either way. */
			if (n > 0 && s[n] != '"' && s[n - 1] == '"')
				n--;
			bad(r, r->line, (long)utf8_count(s, n) + 1,
				_("misplaced quote: a field with a quote must be wholly quoted, "
				"and a quote inside it doubled (\"\")"));
			skip_len = len;
			goto skip;
		}
		in->pos += len;
		if (len > 0)
			r->line++;
		if (!r->rec_done && in->eof && in->pos == in->end) {
			if (csv_fini(&r->p, on_field, on_record, r) != 0) {
				size_t at = open_quote(r->rawbuf.data, r->rawbuf.len, r->delim);
				long l, c;

				raw_pos(r->rawbuf.data, at, r->rec_line, &l, &c);
				raw_record(r);
				parser_init(r);
				return bad(r, l, c, _("unterminated quoted field"));
			}
		}
		if (r->rec_done)
			break;
	}
	/* Fields are in place: point at them. */
	r->nf = 0;
	for (size_t i = 0; i < r->noffs; i++) {
		size_t l = (i + 1 < r->noffs ? r->offs[i + 1] : r->rec.len) - r->offs[i] - 1;

		push_field(r, r->rec.data + r->offs[i], l);
	}
	r->raw = r->rawbuf.data;
	r->rawlen = r->rawbuf.len;
	while (r->rawlen && (r->raw[r->rawlen - 1] == '\n' || r->raw[r->rawlen - 1] == '\r'))
		r->rawlen--;
	return CSV_ROW;
skip:
	/* The bad line and its end are in the buffer: step over them. */
	raw_record(r);
	in->pos += skip_len;
	r->line++;
	parser_init(r);
	return CSV_BAD;
}

enum csv_status
csv_reader_next(struct csv_reader *r)
{
	struct input *in = r->in;

	for (;;) {
		if (in->pos >= in->end) {
			if (!in->eof || in->cd)
				input_fill(in);
			if (in->pos >= in->end)
				return CSV_EOF;
		}
		switch (fast_line(r)) {
		case FAST_ROW:
			return CSV_ROW;
		case FAST_BLANK:
			continue;
		case FAST_BAD:
			return CSV_BAD;
		case FAST_MORE:
			if (in->pos == 0 && in->end == in->cap) {
				/* a line longer than the buffer: input_fill grows it */
			}
			input_fill(in);
			continue;
		case FAST_SLOW:
			return slow_record(r);
		}
	}
}

char
csv_sniff_delim(const char *buf, size_t len)
{
	static const char cands[] = { ',', ';', '\t', '|' };
	size_t counts[4] = { 0 }, i;
	int inq = 0, best = 0;

	for (i = 0; i < len; i++) {
		char c = buf[i];

		if (c == '"')
			inq = !inq;
		else if (!inq && (c == '\n' || c == '\r'))
			break;
		else if (!inq)
			for (int k = 0; k < 4; k++)
				if (c == cands[k])
					counts[k]++;
	}
	for (int k = 1; k < 4; k++)
		if (counts[k] > counts[best])
			best = k;
	return cands[best];
}

void
csv_raw_field_pos(const char *raw, size_t len, char delim, long line0, size_t i,
	long *line, long *col)
{
	size_t k, off = 0, field = 0;
	int inq = 0, fstart = 1;

	for (k = 0; k < len && field < i; k++) {
		char c = raw[k];

		if (inq) {
			if (c == '"') {
				if (k + 1 < len && raw[k + 1] == '"')
					k++;
				else
					inq = 0;
			}
		} else if (fstart && c == '"') {
			inq = 1;
			fstart = 0;
		} else if (c == delim) {
			field++;
			off = k + 1;
			fstart = 1;
		} else {
			fstart = 0;
		}
	}
	raw_pos(raw, off, line0, line, col);
}

void
csv_field_pos(const struct csv_reader *r, size_t i, long *line, long *col)
{
	if (r->raw != r->rawbuf.data) {
		/* The fast path: fields point into the line itself. */
		size_t off = i < r->nf ? (size_t)(r->f[i] - r->raw) : 0;

		if (off > 0 && r->raw[off - 1] == '"')
			off--;	/* a quoted field starts at its quote */
		*line = r->rec_line;
		*col = (long)utf8_count(r->raw, off) + 1;
		return;
	}
	csv_raw_field_pos(r->raw, r->rawlen, r->delim, r->rec_line, i, line, col);
}
