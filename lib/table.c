/*
 * table.c: sniffing, headers, rows and row errors.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "input.h"
#include "map.h"
#include "table.h"
#include "text.h"
#include "write.h"

char row_empty[1];
static void pipe_stop(struct table *t);

struct rejects {
	struct outfile out;
	struct buf line;
	struct table *last;	/* whose header was written last */
	long count;
};

struct rejects *
rejects_open(const char *path)
{
	struct rejects *rj = xcalloc(1, sizeof *rj);

	outfile_open(&rj->out, path);
	buf_init(&rj->line);
	return rj;
}

void
rejects_close(struct rejects *rj)
{
	if (!rj)
		return;
	outfile_commit(&rj->out);
	buf_release(&rj->line);
	free(rj);
}

static void
rejects_flush(struct rejects *rj)
{
	if (fwrite(rj->line.data, 1, rj->line.len, rj->out.fp) != rj->line.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_reset(&rj->line);
}

/*
 * Writes a rejected row to the rejects file, in the input's delimiter:
 * its fields as read, or, for a record the reader could not split, its
 * bytes unchanged; then the reason.  The header (the input's, and
 * reject_reason) comes before the first row of each input.
 */
static void
rejects_add(struct rejects *rj, struct table *t, char *const *f, const size_t *len,
	size_t n, const char *raw, size_t rawlen, const char *reason)
{
	char d = t->csv_ready ? t->csv.delim : ',';

	if (rj->last != t) {
		for (size_t i = 0; i < t->ncols; i++) {
			csv_quote(&rj->line, t->cols[i], strlen(t->cols[i]), d);
			buf_addc(&rj->line, d);
		}
		buf_adds(&rj->line, "reject_reason\n");
		rj->last = t;
	}
	if (raw) {
		if (t->csv_ready)
			buf_add(&rj->line, raw, rawlen);
		else
			csv_quote(&rj->line, raw, rawlen, d);
		for (size_t i = t->csv_ready ? 0 : 1; i < t->ncols && !rawlen; i++)
			buf_addc(&rj->line, d);
		buf_addc(&rj->line, d);
	} else {
		/* Short rows are padded so that the reason is in its column. */
		for (size_t i = 0; i < n || i < t->ncols; i++) {
			if (i < n)
				csv_quote(&rj->line, f[i], len[i], d);
			buf_addc(&rj->line, d);
		}
	}
	csv_quote(&rj->line, reason, strlen(reason), d);
	buf_addc(&rj->line, '\n');
	rj->count++;
	rejects_flush(rj);
}

char *
row_field(const struct row *r, int i, size_t *len)
{
	char *s, *e;

	if (i < 0) {
		*len = 0;
		return row_empty;
	}
	s = r->f[i];
	e = s + r->len[i];
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	*len = (size_t)(e - s);
	return s;
}

void
table_fold_name(struct buf *out, const char *s)
{
	text_fold_key(out, s, strlen(s));
}

/* Reports an error at line:col; with keep_going the run goes on. */
static void
fail(struct table *t, long line, long col, char *const *f, const size_t *len, size_t n,
	const char *raw, size_t rawlen, const char *msg)
{
	ess_warn_at(t->name, line, col, "%s", msg);
	t->rejected++;
	if (!t->opts.keep_going)
		ess_exit(EX_DATAERR);
	ess_exit_status = EX_DATAERR;
	if (t->opts.rejects)
		rejects_add(t->opts.rejects, t, f, len, n, raw, rawlen, msg);
}

static void
csv_header(struct table *t)
{
	enum csv_status st = csv_reader_next(&t->csv);

	if (st == CSV_EOF)
		ess_die_at(EX_DATAERR, t->name, 0, 0, "%s", _("no header row"));
	if (st == CSV_BAD)
		ess_die_at(EX_DATAERR, t->name, t->csv.err_line, t->csv.err_col, "%s", t->csv.err.data);
	t->header_line = t->csv.rec_line;
	t->ncols = t->csv.nf;
	t->cols = xreallocarray(NULL, t->ncols, sizeof *t->cols);
	for (size_t i = 0; i < t->ncols; i++)
		t->cols[i] = xstrndup(t->csv.f[i], t->csv.flen[i]);
}

static void
json_header(struct table *t)
{
	enum json_status st = json_reader_next(&t->json);
	const char *key;
	json_t *v;
	size_t i = 0;

	if (st == JSON_BAD)
		ess_die_at(EX_DATAERR, t->name, t->json.err_line, t->json.err_col, "%s", t->json.err.data);
	t->header_line = t->json.rec_line;
	if (st == JSON_END)
		return;
	t->has_pending = 1;
	t->ncols = json_object_size(t->json.rec);
	t->cols = xreallocarray(NULL, t->ncols ? t->ncols : 1, sizeof *t->cols);
	json_object_foreach(t->json.rec, key, v) {
		(void)v;
		t->cols[i++] = xstrdup(key);
	}
}

static void
check_header(struct table *t)
{
	struct map seen;

	map_init(&seen);
	for (size_t i = 0; i < t->ncols; i++) {
		int added;

		/* An empty first name is the corner of a matrix or the index
		 * column of a spreadsheet export (",A,B,C"): kept, as "". */
		if (!*t->cols[i] && i == 0 && t->ncols > 1)
			continue;
		if (!*t->cols[i]) {
			map_release(&seen);	/* a caught error must not leak it */
			ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
				_("column %zu of the header has no name"), i + 1);
		}
		map_put(&seen, t->cols[i], strlen(t->cols[i]), &added);
		if (!added) {
			size_t j = 0;	/* the first column of that name */

			while (strcmp(t->cols[j], t->cols[i]) != 0)
				j++;
			map_release(&seen);
			ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
				_("column '%s' appears twice in the header (columns %zu and %zu)"),
				t->cols[i], j + 1, i + 1);
		}
	}
	map_release(&seen);
}

/* The table's input is open: sniffs the format and reads the header. */
static struct table *
table_start(struct table *t, const struct table_opts *o)
{
	enum table_format f = o->format;

	t->name = t->in.name;
	while (!t->in.eof && t->in.end - t->in.pos < 4096)
		input_fill(&t->in);
	if (f == TF_AUTO) {
		size_t i = t->in.pos;

		while (i < t->in.end && strchr(" \t\r\n", t->in.buf[i]))
			i++;
		if (i == t->in.end)
			ess_die_at(EX_DATAERR, t->name, 0, 0, "%s", _("no header row (the input is empty)"));
		f = t->in.buf[i] == '[' ? TF_JSON : t->in.buf[i] == '{' ? TF_JSONL : TF_CSV;
	}
	t->format = f;
	if (f == TF_CSV || f == TF_TSV) {
		size_t at = t->in.pos;
		char d;

		while (at < t->in.end && (t->in.buf[at] == '\n' || t->in.buf[at] == '\r'))
			at++;	/* blank lines before the header */
		d = o->delim ? o->delim : f == TF_TSV ? '\t'
			: csv_sniff_delim(t->in.buf + at, t->in.end - at);

		csv_reader_init(&t->csv, &t->in, d);
		t->csv_ready = 1;
		csv_header(t);
	} else {
		json_reader_init(&t->json, &t->in, f == TF_JSONL);
		t->json_ready = 1;
		json_header(t);
	}
	check_header(t);
	t->row.n = t->ncols;
	return t;
}

static struct table *
table_new(const struct table_opts *o)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->opts = *o;
	buf_init(&t->jbuf);
	map_init(&t->jextra);
	return t;
}

struct table *
table_open(const char *path, const struct table_opts *o)
{
	struct table *t = table_new(o);

	input_open(&t->in, path, o->encoding, o->hash);
	return table_start(t, o);
}

struct table *
table_open_input(struct input *in, const struct table_opts *o, struct table **tp)
{
	struct table *t = table_new(o);

	t->in = *in;
	memset(in, 0, sizeof *in);
	in->fd = -1;
	if (tp)
		*tp = t;
	return table_start(t, o);
}

struct table *
table_open_mem(const char *name, const void *data, size_t len, const struct table_opts *o,
	struct table **tp)
{
	struct table *t = table_new(o);

	input_open_mem(&t->in, name, data, len, o->encoding);
	if (tp)
		*tp = t;
	return table_start(t, o);
}

void
table_close(struct table *t)
{
	if (!t)
		return;
	pipe_stop(t);
	if (t->csv_ready)
		csv_reader_release(&t->csv);
	if (t->json_ready)
		json_reader_release(&t->json);
	if (t->opts.verbose && t->csv_ready && t->csv.blank_lines)
		ess_warn(ngettext("%s: %ld blank line skipped", "%s: %ld blank lines skipped",
			(unsigned long)t->csv.blank_lines), t->name, t->csv.blank_lines);
	input_close(&t->in);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	if (t->json_ready) {
		free(t->row.f);	/* CSV rows point into the reader */
		free(t->row.len);
	}
	free(t->joffs);
	map_release(&t->jextra);
	buf_release(&t->jbuf);
	free(t);
}

/*
 * CSV records in batches.  The reader thread splits records and fills a
 * batch with pointers to their fields, which stay in the input's buffers
 * (pool mode: a buffer is reused only after the batches that point into it
 * are done).  Fields of quoted records, error messages and fatal errors are
 * copied into the batch.  The tool reads the batches in order, so rows and
 * messages come in the same order as without a thread.  With one thread
 * (ESS_THREADS=1, or a tool's table_opts.threads) rows come straight from
 * the CSV reader instead (tested to give the same output).
 */
#define BATCH_ROWS 4096
#define PROGRESS_MIN (64LL << 20)	/* files this large show their progress */
#define NBATCH 4

enum brow_kind { BR_ROW, BR_SLOW, BR_BAD, BR_FATAL };

struct brow {
	enum brow_kind kind;
	long line, col;		/* col: a BAD record's error column */
	size_t nf;
	size_t off;		/* fields: index in f[] and len[]; BAD: message in arena */
	size_t raw, rawlen;	/* SLOW: the record's bytes in arena */
	const char *start;	/* ROW: the line in the input buffer */
	int status;		/* FATAL: exit status */
};

struct table_batch {
	char **f;
	size_t *len;
	size_t nf, fcap;
	struct brow *rows;
	size_t n, cap, next;
	struct buf arena;
	struct input_buf bufs[8];	/* the input buffers it holds */
	size_t nbufs;
	int last;
};

struct table_pipe {
	/* progress on a terminal, for large files */
	unsigned long long size, shown_at;
	int progress, shown;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct table_batch b[NBATCH];
	int full[NBATCH];
	int cur;		/* the batch the tool reads, -1 before the first */
	int fill;		/* the batch being filled (inline mode) */
	int stop, threaded;
	int direct;		/* one thread, rows straight from the reader */
	unsigned long ticks;	/* rows read directly, for the progress */
	struct ess_catch catcher;
};

static struct brow *
batch_push(struct table_batch *b, enum brow_kind kind, long line)
{
	struct brow *br;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->rows = xreallocarray(b->rows, b->cap, sizeof *b->rows);
	}
	br = &b->rows[b->n++];
	*br = (struct brow){ .kind = kind, .line = line };
	return br;
}

static void
batch_add_record(struct table_batch *b, const struct csv_reader *c)
{
	int slow = c->raw == c->rawbuf.data;
	struct brow *br = batch_push(b, slow ? BR_SLOW : BR_ROW, c->rec_line);

	if (b->nf + c->nf > b->fcap) {
		b->fcap = (b->nf + c->nf) * 2;
		b->f = xreallocarray(b->f, b->fcap, sizeof *b->f);
		b->len = xreallocarray(b->len, b->fcap, sizeof *b->len);
	}
	br->nf = c->nf;
	br->off = b->nf;
	br->start = c->raw;
	for (size_t i = 0; i < c->nf; i++) {
		b->len[b->nf] = c->flen[i];
		if (slow) {
			/* An offset for now: the arena may move until the batch is full. */
			b->f[b->nf++] = (char *)(uintptr_t)b->arena.len;	// NOLINT(performance-no-int-to-ptr)
			buf_add(&b->arena, c->f[i], c->flen[i] + 1);
		} else {
			b->f[b->nf++] = c->f[i];
		}
	}
	if (slow) {
		br->raw = b->arena.len;
		br->rawlen = c->rawlen;
		buf_add(&b->arena, c->raw, c->rawlen);
		buf_addc(&b->arena, '\0');
	}
}

static void
batch_add_error(struct table_batch *b, long line, long col, const char *msg, enum brow_kind kind,
	int status)
{
	struct brow *br = batch_push(b, kind, line);

	br->col = col;
	br->status = status;
	br->off = b->arena.len;
	buf_adds(&b->arena, msg);
	buf_addc(&b->arena, '\0');
}

/* Takes the input buffers retired while reading; they hold rows of b. */
static void
batch_take_buffers(struct table_batch *b, struct input *in)
{
	for (size_t i = 0; i < in->nretired; i++) {
		if (b->nbufs == sizeof b->bufs / sizeof b->bufs[0])
			ess_die(EX_SOFTWARE, "%s", _("too many input buffers in one batch"));
		b->bufs[b->nbufs++] = in->retired[i];
	}
	in->nretired = 0;
}

/* Reads records into b until it has BATCH_ROWS or holds a retired buffer. */
static void
batch_fill(struct table *t, struct table_batch *b)
{
	struct table_pipe *p = t->pipe;

	b->n = b->next = b->nf = 0;
	b->last = 0;
	buf_reset(&b->arena);
	ess_catcher = &p->catcher;
	if (setjmp(p->catcher.jb)) {
		/* Something input_fill could not go on from: a read error, a
		 * bad encoding, a huge record, or the tool stopping. */
		batch_take_buffers(b, &t->in);
		batch_add_error(b, 0, 0, p->catcher.msg, BR_FATAL, p->catcher.status);
		b->last = 1;
		return;
	}
	while (b->n < BATCH_ROWS && b->nbufs == 0) {
		enum csv_status st = csv_reader_next(&t->csv);

		if (t->in.nretired) {
			/* Rows so far lie in the retired buffers; this one does not. */
			batch_take_buffers(b, &t->in);
		}
		if (st == CSV_EOF) {
			b->last = 1;
			break;
		}
		if (st == CSV_BAD) {
			struct brow *br;

			batch_add_error(b, t->csv.err_line, t->csv.err_col, t->csv.err.data, BR_BAD, 0);
			br = &b->rows[b->n - 1];
			br->raw = b->arena.len;
			br->rawlen = t->csv.errraw.len;
			buf_add(&b->arena, t->csv.errraw.data, t->csv.errraw.len);
			buf_addc(&b->arena, '\0');
		}
		else
			batch_add_record(b, &t->csv);
	}
	ess_catcher = NULL;
	/* The arena is still now: offsets become pointers. */
	for (size_t i = 0; i < b->n; i++) {
		struct brow *br = &b->rows[i];

		if (br->kind == BR_SLOW)
			for (size_t k = 0; k < br->nf; k++)
				b->f[br->off + k] = b->arena.data + (uintptr_t)b->f[br->off + k];
	}
}

/* Gives the batch's input buffers back to the pool. */
static void
batch_done(struct table *t, struct table_batch *b)
{
	for (size_t i = 0; i < b->nbufs; i++)
		input_release(&t->in, b->bufs[i]);
	b->nbufs = 0;
}

static void *
reader_thread(void *arg)
{
	struct table *t = arg;
	struct table_pipe *p = t->pipe;

	for (int i = 0;; i = (i + 1) % NBATCH) {
		pthread_mutex_lock(&p->mu);
		while (p->full[i] && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		pthread_mutex_unlock(&p->mu);
		if (p->stop)
			break;
		batch_fill(t, &p->b[i]);
		pthread_mutex_lock(&p->mu);
		p->full[i] = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (p->b[i].last)
			break;
	}
	return NULL;
}

static void
pipe_start(struct table *t)
{
	struct table_pipe *p = xcalloc(1, sizeof *p);
	const char *env = getenv("ESS_THREADS");

	t->pipe = p;
	for (int i = 0; i < NBATCH; i++)
		buf_init(&p->b[i].arena);
	p->cur = -1;
	{
		struct stat st;

		if (isatty(STDERR_FILENO) && fstat(t->in.fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size >= PROGRESS_MIN) {
			p->progress = 1;
			p->size = (unsigned long long)st.st_size;
		}
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (env ? strcmp(env, "1") == 0 : t->opts.threads == 1) {
		/* One thread: rows come straight from the CSV reader. */
		p->direct = 1;
		return;
	}
	/* NBATCH batches in flight, each holding at most one buffer, and
	 * the one being read into. */
	input_use_pool(&t->in, NBATCH + 1);
	p->threaded = pthread_create(&p->th, NULL, reader_thread, t) == 0;
}

static void
pipe_stop(struct table *t)
{
	struct table_pipe *p = t->pipe;

	if (!p)
		return;
	if (p->shown)
		fputs("\r\033[K", stderr);
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		input_pool_stop(&t->in);
		pthread_join(p->th, NULL);
	}
	for (int i = 0; i < NBATCH; i++) {
		batch_done(t, &p->b[i]);
		buf_release(&p->b[i].arena);
		free(p->b[i].f);
		free(p->b[i].len);
		free(p->b[i].rows);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
	t->pipe = NULL;
	t->cur_row = NULL;
}

/* Says on stderr how far the reading is, every tenth of a second at most. */
static void
progress(struct table *t)
{
	struct table_pipe *p = t->pipe;
	struct timespec ts;
	unsigned long long now, done;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (unsigned long long)ts.tv_sec * 1000 + (unsigned long long)ts.tv_nsec / 1000000;
	if (now < p->shown_at + 100)
		return;
	p->shown_at = now;
	done = __atomic_load_n(&t->in.consumed, __ATOMIC_RELAXED);
	fprintf(stderr, "\r%s: %3llu%%", t->name, done * 100 / p->size);
	p->shown = 1;
}

/* The next batch to read, once the reader has filled it. */
static struct table_batch *
next_batch(struct table *t)
{
	struct table_pipe *p = t->pipe;
	int i;

	if (p->cur >= 0)
		batch_done(t, &p->b[p->cur]);
	if (p->progress)
		progress(t);
	if (!p->threaded) {
		p->cur = 0;
		batch_fill(t, &p->b[0]);
		return &p->b[0];
	}
	pthread_mutex_lock(&p->mu);
	if (p->cur >= 0) {
		p->full[p->cur] = 0;
		pthread_cond_broadcast(&p->cv);
	}
	i = p->cur = (p->cur + 1) % NBATCH;
	while (!p->full[i])
		pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	return &p->b[i];
}

/* TSV (-i tsv) writes a tab, a newline and a backslash as \t, \n, \\:
 * undo it in place. */
static void
tsv_unescape(struct row *r, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		char *s = r->f[i], *w;
		const char *p;

		if (!memchr(s, '\\', r->len[i]))
			continue;
		for (p = w = s; *p; p++) {
			if (*p == '\\' && p[1]) {
				p++;
				*w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
			} else {
				*w++ = *p;
			}
		}
		*w = '\0';
		r->len[i] = (size_t)(w - s);
	}
}

/* A row the CSV reader has just split: checked and counted; NULL when
 * it was rejected. */
static struct row *
take_row(struct table *t, char **f, size_t *len, size_t nf, long line)
{
	char msg[160];

	t->row.f = f;
	t->row.len = len;
	t->row.line = line;
	t->row.recno++;
	if (t->format == TF_TSV)
		tsv_unescape(&t->row, nf);
	if (nf != t->ncols) {
		snprintf(msg, sizeof msg, ngettext("%zu field, the header has %zu",
			"%zu fields, the header has %zu", nf), nf, t->ncols);
		fail(t, line, 0, t->row.f, t->row.len, nf, NULL, 0, msg);
		return NULL;
	}
	t->rows++;
	return &t->row;
}

/* One thread: the next row straight from the CSV reader, valid until the
 * next call. */
static struct row *
next_direct(struct table *t)
{
	struct table_pipe *p = t->pipe;
	struct csv_reader *c = &t->csv;
	struct row *r;

	for (;;) {
		enum csv_status st;

		if (p->progress && (++p->ticks & 4095) == 0)
			progress(t);
		st = csv_reader_next(c);
		if (st == CSV_EOF)
			return NULL;
		if (st == CSV_BAD) {
			fail(t, c->err_line, c->err_col, NULL, NULL, 0, c->errraw.data, c->errraw.len,
				c->err.data);
			continue;
		}
		if ((r = take_row(t, c->f, c->flen, c->nf, c->rec_line)))
			return r;
	}
}

static struct row *
next_csv(struct table *t)
{
	if (!t->pipe)
		pipe_start(t);
	if (t->pipe->direct)
		return next_direct(t);
	for (;;) {
		struct table_pipe *p = t->pipe;
		struct table_batch *b = p->cur >= 0 ? &p->b[p->cur] : NULL;
		struct brow *br;

		if (!b || b->next == b->n) {
			if (b && b->last)
				return NULL;
			next_batch(t);
			continue;
		}
		br = &b->rows[b->next++];
		t->cur_row = br;
		if (br->kind == BR_FATAL) {
			if (br->status == 0)
				return NULL;
			ess_warn("%s", b->arena.data + br->off);
			ess_exit(br->status);
		}
		if (br->kind == BR_BAD) {
			fail(t, br->line, br->col, NULL, NULL, 0, b->arena.data + br->raw, br->rawlen,
				b->arena.data + br->off);
			continue;
		}
		{
			struct row *r = take_row(t, b->f + br->off, b->len + br->off, br->nf, br->line);

			if (r)
				return r;
		}
	}
}

/* Appends the text of a JSON scalar; arrays of scalars are joined by '|'.
 * Returns -1 for a nested object or array. */
static int
json_text(struct buf *b, const json_t *v)
{
	char num[64];
	size_t i;
	json_t *e;

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_add(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		buf_adds(b, num);
		return 0;
	case JSON_REAL:
		snprintf(num, sizeof num, "%.15g", json_real_value(v));
		buf_adds(b, num);
		return 0;
	case JSON_TRUE:
		buf_adds(b, "true");
		return 0;
	case JSON_FALSE:
		buf_adds(b, "false");
		return 0;
	case JSON_NULL:
		return 0;
	case JSON_ARRAY:
		json_array_foreach(v, i, e) {
			if (json_is_object(e) || json_is_array(e))
				return -1;
			if (i)
				buf_addc(b, '|');
			json_text(b, e);
		}
		return 0;
	default:
		return -1;
	}
}

static struct row *
next_json(struct table *t)
{
	struct json_reader *j = &t->json;
	char msg[256];

	if (!t->row.f) {
		t->row.f = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->row.f);
		t->row.len = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->row.len);
		t->joffs = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->joffs);
	}
	for (;;) {
		const char *key;
		json_t *v;
		int badrec = 0;

		if (t->has_pending) {
			t->has_pending = 0;
		} else {
			enum json_status st = json_reader_next(j);

			if (st == JSON_END)
				return NULL;
			if (st == JSON_BAD) {
				fail(t, j->err_line, j->err_col, NULL, NULL, 0, j->raw, j->rawlen,
					j->err.data);
				continue;
			}
		}
		t->row.recno = j->recno;
		buf_reset(&t->jbuf);
		json_object_foreach(j->rec, key, v) {
			int i = -1;

			for (size_t k = 0; k < t->ncols; k++)
				if (strcmp(t->cols[k], key) == 0)
					i = (int)k;
			if (i < 0 && (t->opts.verbose || !(json_is_null(v) ||
			    (json_is_string(v) && json_string_length(v) == 0) ||
			    (json_is_array(v) && json_array_size(v) == 0)))) {
				/* A value that would be lost: said once a key
				 * (and with -v, even when empty). */
				int added;

				map_put(&t->jextra, key, strlen(key), &added);
				if (added)
					ess_warn_at(t->name, j->rec_line, 0,
						_("record %ld: key '%s' is not in the first record's keys: its values are not read (give the first record this key, even as null)"),
						j->recno, key);
			}
		}
		for (size_t k = 0; k < t->ncols && !badrec; k++) {
			v = json_object_get(j->rec, t->cols[k]);
			t->joffs[k] = t->jbuf.len;
			if (v && json_text(&t->jbuf, v) != 0) {
				snprintf(msg, sizeof msg, _("record %ld: key '%s' holds a nested object or array"),
					j->recno, t->cols[k]);
				badrec = 1;
			}
			buf_addc(&t->jbuf, '\0');
		}
		if (badrec) {
			fail(t, j->rec_line, 0, t->row.f, t->row.len, 0, j->raw, j->rawlen, msg);
			continue;
		}
		for (size_t k = 0; k < t->ncols; k++) {
			t->row.f[k] = t->jbuf.data + t->joffs[k];
			t->row.len[k] = strlen(t->row.f[k]);
		}
		t->row.line = j->rec_line;
		t->rows++;
		return &t->row;
	}
}

struct row *
table_next(struct table *t)
{
	return t->csv_ready ? next_csv(t) : next_json(t);
}

/* Does folded name s match one of the '|'-separated folded aliases? */
static int
spec_matches(const struct colspec *sp, const char *key, struct buf *tmp)
{
	const char *a = sp->aliases;

	buf_reset(tmp);
	table_fold_name(tmp, sp->name);
	if (strcmp(tmp->data, key) == 0)
		return 1;
	while (a && *a) {
		const char *e = strchr(a, '|');
		size_t n = e ? (size_t)(e - a) : strlen(a);

		buf_reset(tmp);
		text_fold_key(tmp, a, n);
		if (strcmp(tmp->data, key) == 0)
			return 1;
		a = e ? e + 1 : NULL;
	}
	return 0;
}

static void
list_columns(struct buf *b, const struct table *t)
{
	for (size_t i = 0; i < t->ncols; i++) {
		buf_adds(b, i ? ", " : "");
		buf_printf(b, "'%s'", t->cols[i]);
	}
	if (!t->ncols)
		buf_adds(b, _("none"));
}

void
table_resolve(struct table *t, const struct colspec *spec, size_t n, int *idx)
{
	struct buf key = BUF_INIT, tmp = BUF_INIT, found = BUF_INIT;
	char *used = xcalloc(t->ncols ? t->ncols : 1, 1);

	for (size_t s = 0; s < n; s++)
		idx[s] = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		buf_reset(&key);
		table_fold_name(&key, t->cols[c]);
		for (size_t s = 0; s < n; s++) {
			if (!spec_matches(&spec[s], key.data, &tmp))
				continue;
			if (idx[s] >= 0)
				ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
					_("columns '%s' and '%s' both mean '%s'"),
					t->cols[idx[s]], t->cols[c], spec[s].name);
			idx[s] = (int)c;
			used[c] = 1;
			break;
		}
	}
	for (size_t s = 0; s < n; s++) {
		if (idx[s] >= 0 || !(spec[s].flags & COL_REQUIRED) || (t->ncols == 0 && !t->csv_ready))
			continue;
		list_columns(&found, t);
		ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
			_("no column '%s' (also read as: %s); columns found: %s"),
			spec[s].name, spec[s].aliases ? spec[s].aliases : "-", found.data);
	}
	if (t->opts.verbose)
		for (size_t c = 0; c < t->ncols; c++)
			if (!used[c])
				ess_warn_at(t->name, t->header_line, 0, _("column '%s' is not used"), t->cols[c]);
	free(used);
	buf_release(&key);
	buf_release(&tmp);
	buf_release(&found);
}

noreturn void
table_die_header(const struct table *t, const char *msg)
{
	static struct buf found = BUF_INIT;	/* static: no leak when ess_die is caught */

	buf_reset(&found);
	list_columns(&found, t);
	ess_die_at(EX_DATAERR, t->name, t->header_line, 0, _("%s; columns found: %s"), msg, found.data);
}

int
table_find(const struct table *t, const char *name)
{
	struct buf want = BUF_INIT, key = BUF_INIT;
	int found = -1;

	table_fold_name(&want, name);
	for (size_t c = 0; c < t->ncols && found < 0; c++) {
		buf_reset(&key);
		table_fold_name(&key, t->cols[c]);
		if (strcmp(key.data, want.data) == 0)
			found = (int)c;
	}
	buf_release(&want);
	buf_release(&key);
	return found;
}

static void
field_pos(const struct table *t, const struct row *r, int field, long *line, long *col)
{
	const struct brow *br = t->cur_row;
	const struct table_batch *b;

	*line = r->line;
	*col = 0;
	if (!t->csv_ready || field < 0 || !t->pipe)
		return;
	if (t->pipe->direct) {
		/* The record just read is still the reader's. */
		const struct csv_reader *c = &t->csv;

		if (c->raw == c->rawbuf.data) {
			csv_raw_field_pos(c->raw, c->rawlen, c->delim, c->rec_line, (size_t)field, line, col);
			return;
		}
		{
			size_t off = (size_t)(r->f[field] - c->raw);

			if (off > 0 && c->raw[off - 1] == '"')
				off--;
			*col = (long)utf8_count(c->raw, off) + 1;
		}
		return;
	}
	if (!br)
		return;
	b = &t->pipe->b[t->pipe->cur];
	if (br->kind == BR_SLOW) {
		csv_raw_field_pos(b->arena.data + br->raw, br->rawlen, t->csv.delim, br->line,
			(size_t)field, line, col);
		return;
	}
	/* A line read in place: count from its start to the field's, or
	 * to the quote that opens it. */
	{
		size_t off = (size_t)(r->f[field] - br->start);

		if (off > 0 && br->start[off - 1] == '"')
			off--;
		*col = (long)utf8_count(br->start, off) + 1;
	}
}

static void
vmessage(struct buf *b, const struct table *t, const struct row *r, int field,
	const char *fmt, va_list ap)
{
	if (!t->csv_ready && field >= 0)
		buf_printf(b, _("record %ld, key '%s': "), r->recno, t->cols[field]);
	buf_vprintf(b, fmt, ap);
}

void
table_vreject(struct table *t, const struct row *r, int field, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	long line, col;

	field_pos(t, r, field, &line, &col);
	vmessage(&msg, t, r, field, fmt, ap);
	t->rows--;
	fail(t, line, col, r->f, r->len, r->n, NULL, 0, msg.data);
	buf_release(&msg);
}

void
table_reject(struct table *t, const struct row *r, int field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	table_vreject(t, r, field, fmt, ap);
	va_end(ap);
}

void
table_warn(struct table *t, const struct row *r, int field, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	long line, col;
	va_list ap;

	field_pos(t, r, field, &line, &col);
	va_start(ap, fmt);
	vmessage(&msg, t, r, field, fmt, ap);
	va_end(ap);
	ess_warn_at(t->name, line, col, "%s", msg.data);
	buf_release(&msg);
}
