/*
 * input.c: reading inputs into a scan buffer, and atomic output files.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "input.h"

#define INPUT_CHUNK ((size_t)128 * 1024)	/* the read size measured fastest here */
#define INPUT_POOL_BUF INPUT_CHUNK	/* a buffer in pool mode: 1 MiB ones made the tally slower (cache) */
#define INPUT_MAX ((size_t)256 * 1024 * 1024)	/* one record may not need more */

static int
is_utf8_name(const char *e)
{
	return !e || !*e || strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0;
}

/* Maps the names people type to names glibc's iconv knows. */
static const char *
iconv_name(const char *e)
{
	static const struct { const char *in, *out; } names[] = {
		{ "latin1", "ISO-8859-1" }, { "latin-1", "ISO-8859-1" },
		{ "latin9", "ISO-8859-15" }, { "latin-9", "ISO-8859-15" },
		{ "windows-1252", "CP1252" }, { "cp1252", "CP1252" },
		{ "win1252", "CP1252" }, { "ansi", "CP1252" },
		{ "macroman", "MACINTOSH" }, { "mac", "MACINTOSH" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(e, names[i].in) == 0)
			return names[i].out;
	return e;
}

void
input_open(struct input *in, const char *path, const char *encoding,
	struct sha256_ctx *hash)
{
	struct stat st;

	memset(in, 0, sizeof *in);
	in->hash = hash;
	in->max_cap = INPUT_MAX;
	if (!path || strcmp(path, "-") == 0) {
		in->name = "<stdin>";
		in->fd = 0;
	} else {
		in->name = path;
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0)
			ess_die_errno(EX_NOINPUT, _("cannot open '%s'"), path);
		if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			ess_die_errno(EX_NOINPUT, _("cannot read '%s'"), path);
		}
	}
	if (!is_utf8_name(encoding)) {
		iconv_t cd = iconv_open("UTF-8", iconv_name(encoding));

		if (cd == (iconv_t)-1)	// NOLINT(performance-no-int-to-ptr): iconv's own error value
			ess_die(EX_USAGE, _("unknown encoding '%s' (try windows-1252, latin1 or utf-8)"),
				encoding);
		in->cd = cd;
		in->encoding = encoding;
		in->raw = xmalloc(INPUT_CHUNK);
	}
	in->cap = INPUT_CHUNK;
	in->buf = xmalloc(in->cap + INPUT_PAD);
	memset(in->buf, 0, in->cap + INPUT_PAD);
}

void
input_open_mem(struct input *in, const char *name, const void *data, size_t len,
	const char *encoding)
{
	input_open(in, "-", encoding, NULL);
	in->name = name;
	in->fd = -1;
	in->mem = xmalloc(len ? len : 1);
	memcpy(in->mem, data, len);
	in->memlen = len;
}

struct input_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct input_buf *free;	/* room for every buffer: made + the first */
	int nfree, made, limit;
	int stop;
};

void
input_use_pool(struct input *in, int nbuf)
{
	struct input_pool *p = xcalloc(1, sizeof *p);

	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->limit = nbuf;
	p->free = xcalloc((size_t)nbuf + 1, sizeof *p->free);
	in->pool = p;
}

void
input_release(struct input *in, struct input_buf b)
{
	struct input_pool *p = in->pool;

	pthread_mutex_lock(&p->mu);
	p->free[p->nfree++] = b;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void
input_pool_stop(struct input *in)
{
	struct input_pool *p = in->pool;

	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/* A buffer of at least cap bytes (plus the pad) from the pool; the pool
 * makes new ones until it has made limit, then waits for one to come back. */
static struct input_buf
pool_get(struct input *in, size_t cap)
{
	struct input_pool *p = in->pool;
	struct input_buf b = { NULL, 0 };

	pthread_mutex_lock(&p->mu);
	while (p->nfree == 0 && p->made >= p->limit && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->stop) {
		pthread_mutex_unlock(&p->mu);
		ess_die(0, "stopped");
	}
	if (p->nfree > 0)
		b = p->free[--p->nfree];
	else
		p->made++;
	pthread_mutex_unlock(&p->mu);
	if (!b.p || b.cap < cap) {
		free(b.p);
		b.p = xmalloc(cap + INPUT_PAD);
		b.cap = cap;
	}
	return b;
}

/* Moves the unread bytes into another buffer of the pool. */
static void
pool_switch(struct input *in, size_t cap)
{
	struct input_buf b = pool_get(in, cap);
	size_t unread = in->end - in->pos;

	memcpy(b.p, in->buf + in->pos, unread);
	if (in->nretired == sizeof in->retired / sizeof in->retired[0])
		ess_die(EX_SOFTWARE, "%s", _("too many input buffers retired at once"));
	in->retired[in->nretired++] = (struct input_buf){ in->buf, in->cap };
	in->buf = b.p;
	in->cap = b.cap;
	in->pos = 0;
	in->end = unread;
}

void
input_close(struct input *in)
{
	if (in->pool) {
		for (int i = 0; i < in->pool->nfree; i++)
			free(in->pool->free[i].p);
		for (size_t i = 0; i < in->nretired; i++)
			free(in->retired[i].p);
		pthread_mutex_destroy(&in->pool->mu);
		pthread_cond_destroy(&in->pool->cv);
		free(in->pool->free);
		free(in->pool);
	}
	free(in->mem);
	if (in->fd > 0)
		close(in->fd);
	if (in->cd)
		iconv_close((iconv_t)in->cd);
	free(in->raw);
	free(in->buf);
	memset(in, 0, sizeof *in);
	in->fd = -1;
}

/* Reads up to n raw bytes; 0 at end of file. */
static size_t
read_raw(struct input *in, char *dst, size_t n)
{
	ssize_t r;

	if (in->fd < 0) {
		size_t k = in->memlen - in->mempos < n ? in->memlen - in->mempos : n;

		memcpy(dst, in->mem + in->mempos, k);
		in->mempos += k;
		in->consumed += k;
		return k;
	}
	do
		r = read(in->fd, dst, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		ess_die_errno(EX_IOERR, _("%s: read error"), in->name);
	if (r > 0 && in->hash)
		sha256_update(in->hash, (size_t)r, (const uint8_t *)dst);
	__atomic_add_fetch(&in->consumed, (unsigned long long)r, __ATOMIC_RELAXED);
	return (size_t)r;
}

/* Counts lines and characters in converted text, to place a bad byte. */
static void
count_position(struct input *in, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			in->conv_line++;
			in->conv_col = 0;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			in->conv_col++;
		}
	}
}

/* Converts raw bytes into dst through iconv; returns the bytes written. */
static size_t
read_converted(struct input *in, char *dst, size_t n)
{
	size_t got, before;
	char *ip, *op;
	size_t il, ol;

	for (;;) {
		if (in->rawlen < INPUT_CHUNK && !in->eof) {
			got = read_raw(in, in->raw + in->rawlen, INPUT_CHUNK - in->rawlen);
			if (got == 0)
				in->eof = 1;
			in->rawlen += got;
		}
		ip = in->raw;
		il = in->rawlen;
		op = dst;
		ol = n;
		before = il;
		if (iconv((iconv_t)in->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == EILSEQ || (errno == EINVAL && in->eof)) {
				count_position(in, dst, (size_t)(op - dst));
				ess_die_at(EX_DATAERR, in->name, in->conv_line + 1, in->conv_col + 1,
					_("byte 0x%02x is not valid %s"), (unsigned char)*ip, in->encoding);
			}
			/* E2BIG (dst full) or EINVAL (a sequence cut by the chunk). */
		}
		count_position(in, dst, (size_t)(op - dst));
		memmove(in->raw, ip, il);
		in->rawlen = il;
		if (op > dst || (in->eof && il == 0))
			return (size_t)(op - dst);
		if (il == before && in->eof)
			return 0;
	}
}

size_t
input_fill(struct input *in)
{
	size_t got, unread = in->end - in->pos;

	if (in->eof && (!in->cd || in->rawlen == 0))
		return 0;
	if (in->pool) {
		/* Rows may point anywhere before end: bytes are only added
		 * after it, and a full buffer is retired whole.  Buffers
		 * larger than a read made the tally slower: the rows' bytes
		 * left the cache before the other thread read them. */
		size_t cap = in->cap < INPUT_POOL_BUF ? INPUT_POOL_BUF : in->cap;

		if (unread + INPUT_CHUNK / 2 > cap) {
			if (cap >= in->max_cap)
				ess_die(EX_DATAERR, _("%s: a record is longer than %zu MiB: an unterminated quote?"),
					in->name, in->max_cap >> 20);
			cap *= 2;
		}
		if (in->cap - in->end < INPUT_CHUNK / 2 || cap > in->cap)
			pool_switch(in, cap);
	} else if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, unread);
		in->pos = 0;
		in->end = unread;
	}
	if (in->cap - in->end < INPUT_CHUNK / 2) {
		if (in->cap >= in->max_cap)
			ess_die(EX_DATAERR, _("%s: a record is longer than %zu MiB: an unterminated quote?"),
				in->name, in->max_cap >> 20);
		in->cap *= 2;
		in->buf = xrealloc(in->buf, in->cap + INPUT_PAD);
	}
	got = 0;
	do {
		/* The first time, read until a byte-order mark can be seen. */
		size_t room = in->cap - in->end < INPUT_CHUNK ? in->cap - in->end : INPUT_CHUNK;
		size_t n = in->cd ? read_converted(in, in->buf + in->end, room)
			: read_raw(in, in->buf + in->end, room);

		if (n == 0 && !in->cd)
			in->eof = 1;
		in->end += n;
		got += n;
		if (n == 0)
			break;
	} while (!in->bom_checked && in->end < 3 && !in->eof);
	memset(in->buf + in->end, 0, INPUT_PAD);
	if (!in->bom_checked && (in->end >= 3 || in->eof)) {
		in->bom_checked = 1;
		if (in->end >= 3 && memcmp(in->buf, "\xEF\xBB\xBF", 3) == 0)
			in->pos = 3;
	}
	return got;
}

/*
 * Atomic output.
 */

static void
outfile_cleanup(void *arg)
{
	outfile_abort(arg);
}

void
outfile_open(struct outfile *o, const char *path)
{
	int fd;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return;
	}
	o->path = xstrdup(path);
	{
		struct stat st;

		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			if (S_ISDIR(st.st_mode)) {
				errno = EISDIR;
				ess_die_errno(EX_CANTCREAT, _("cannot create '%s'"), path);
			}
			o->fp = fopen(path, "w");
			if (!o->fp)
				ess_die_errno(EX_CANTCREAT, _("cannot create '%s'"), path);
			ess_atdie(outfile_cleanup, o);
			return;
		}
	}
	o->tmp = xmalloc(strlen(path) + 16);
	sprintf(o->tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		free(o->tmp);
		o->tmp = NULL;
		ess_die_errno(EX_CANTCREAT, _("cannot create '%s'"), path);
	}
	/* mkstemp makes 0600; give the file the mode a new file would get. */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		unlink(o->tmp);
		ess_die_errno(EX_CANTCREAT, _("cannot create '%s'"), path);
	}
	ess_atdie(outfile_cleanup, o);
}

void
outfile_commit(struct outfile *o)
{
	int bad;

	if (!o->fp)
		return;
	if (o->fp == stdout) {
		if (fflush(stdout) != 0)
			ess_die_errno(EX_IOERR, "%s", _("write error"));
		o->fp = NULL;
		return;
	}
	bad = fflush(o->fp) != 0 || ferror(o->fp) || (o->tmp && fsync(fileno(o->fp)) != 0);
	if (fclose(o->fp) != 0)
		bad = 1;
	o->fp = NULL;
	if (bad)
		ess_die_errno(EX_IOERR, _("%s: write error"), o->path);
	if (o->tmp && rename(o->tmp, o->path) != 0)
		ess_die_errno(EX_CANTCREAT, _("cannot rename '%s' to '%s'"), o->tmp, o->path);
	ess_atdie_remove(outfile_cleanup, o);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->path);
	o->path = NULL;
}
