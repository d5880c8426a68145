/*
 * input.h: opening inputs and atomic output files.
 *
 * A struct input reads a file or stdin ("-" or NULL) into a buffer that the
 * readers scan in place: bytes [pos, end) are unread, and buf[end] is
 * followed by at least INPUT_PAD readable bytes so word-at-a-time scans may
 * look past the end.  With an encoding other than UTF-8 the bytes are
 * converted through iconv first.  A UTF-8 byte-order mark is dropped.  The
 * raw bytes can be fed to a SHA-256 digest for audit.
 */
#ifndef ESS_INPUT_H
#define ESS_INPUT_H

#include <stddef.h>
#include <stdio.h>
#include <nettle/sha2.h>

#define INPUT_PAD 64

struct input_pool;

struct input_buf {
	char *p;
	size_t cap;
};

struct input {
	const char *name;	/* for messages: the path, or "<stdin>" */
	int fd;
	char *buf;
	size_t cap, pos, end;
	int eof;		/* no more bytes will come after end */
	size_t max_cap;		/* the buffer never grows past this */
	struct sha256_ctx *hash;/* borrowed; NULL for none */
	void *cd;		/* iconv_t, or NULL */
	const char *encoding;
	char *raw;		/* iconv input */
	size_t rawlen;
	unsigned long long consumed;	/* raw bytes read so far */
	long conv_line, conv_col;	/* where conversion is, for its errors */
	int bom_checked;
	char *mem;		/* input_open_mem's bytes */
	size_t memlen, mempos;
	struct input_pool *pool;	/* see input_use_pool */
	struct input_buf retired[8];
	size_t nretired;
};

/* Opens path ("-" or NULL = stdin); dies with 66 when it cannot.  encoding
 * may be NULL or "utf-8"; an unknown encoding is a usage error (64). */
void input_open(struct input *in, const char *path, const char *encoding,
	struct sha256_ctx *hash);
/*
 * Pool mode, for a reader whose rows are used by another thread: input_fill
 * never moves bytes inside a buffer that rows may point into.  It copies
 * the unread bytes into a free buffer of the pool (waiting for one when
 * none is free) and lists the old buffer in retired[]; whoever takes the
 * rows read so far takes the retired buffers too, and gives each back with
 * input_release once done with the rows.  input_pool_stop wakes a waiting
 * input_fill, which then dies (caught by the reader thread).
 */
void input_use_pool(struct input *in, int nbuf);
void input_release(struct input *in, struct input_buf b);
void input_pool_stop(struct input *in);

/* Reads len bytes of memory (copied) as if they were a file called name;
 * for tests and fuzzing. */
void input_open_mem(struct input *in, const char *name, const void *data, size_t len,
	const char *encoding);
void input_close(struct input *in);

/* Moves unread bytes to the front of the buffer and reads more, growing it
 * when it is full.  Returns the number of new bytes; 0 at end of input.
 * Dies on a read error (74), a conversion error (65), or when one record
 * would need more than max_cap bytes (65). */
size_t input_fill(struct input *in);

/*
 * An output file written atomically: the bytes go to a temporary file in
 * the same folder, renamed over path by outfile_commit.  If the program
 * dies first, the temporary file is removed and path is untouched.  A NULL
 * path or "-" means stdout.  A path that exists and is not a regular file
 * (/dev/null, a named pipe, a terminal) is written in place: renaming over
 * it would replace the device with a file.
 */
struct outfile {
	FILE *fp;
	char *path;
	char *tmp;		/* NULL when written in place (see below) */
};

void outfile_open(struct outfile *o, const char *path);
/* Flushes, syncs and renames; dies with 74 on a write error. */
void outfile_commit(struct outfile *o);
/* Removes the temporary file (safe to call twice). */
void outfile_abort(struct outfile *o);

#endif
