/*
 * table.h: rows of named fields from CSV, TSV, JSON arrays or JSON Lines.
 *
 * table_open sniffs the format (a '[' starts a JSON array, a '{' JSON Lines,
 * anything else is CSV whose delimiter is sniffed from the header line)
 * unless the options force it.  Rows come one at a time; a row and its
 * fields are valid until the next call.  Every row has exactly as many
 * fields as the header: a ragged row is an error at its line.
 *
 * A tool declares its columns once as a table of canonical names and
 * aliases; table_resolve matches the header against it, ignoring case,
 * accents, spaces, underscores, hyphens and a final plural s.
 *
 * Errors in the data go through table_error and table_reject: a message at
 * file:line:col, then exit 65, or with keep_going the row is skipped,
 * written to the rejects file, and the run ends with status 65.
 */
#ifndef ESS_TABLE_H
#define ESS_TABLE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdnoreturn.h>
#include <nettle/sha2.h>

#include "buf.h"
#include "csvread.h"
#include "input.h"
#include "json.h"
#include "map.h"

enum table_format { TF_AUTO, TF_CSV, TF_TSV, TF_JSON, TF_JSONL };

struct rejects;

struct table_opts {
	enum table_format format;
	char delim;			/* 0: sniffed */
	const char *encoding;		/* NULL: UTF-8 */
	int keep_going;
	int verbose;
	struct rejects *rejects;	/* borrowed; NULL for none */
	struct sha256_ctx *hash;	/* borrowed; NULL for none */
	int threads;		/* 1: split CSV rows in the calling thread (for
				 * tools whose work per row is lighter than the
				 * split); 0: in a second thread.  ESS_THREADS
				 * overrides either way. */
};

struct row {
	long line;		/* where the record starts */
	long recno;		/* 1 for the first record after the header */
	size_t n;		/* number of fields, that of the header */
	char **f;		/* NUL-terminated values */
	size_t *len;
};

#define COL_REQUIRED 1u

struct colspec {
	const char *name;	/* canonical name */
	const char *aliases;	/* '|'-separated, e.g. "couleur|color|gommette" */
	unsigned flags;
};

struct table_pipe;
struct brow;

struct table {
	const char *name;	/* the file's name for messages */
	struct table_opts opts;
	enum table_format format;
	struct input in;
	struct csv_reader csv;
	struct json_reader json;
	size_t ncols;
	char **cols;		/* header names as written */
	long header_line;
	struct row row;
	long rows, rejected;
	struct buf jbuf;	/* JSON values of the current row */
	size_t *joffs;
	int csv_ready, json_ready;
	struct map jextra;	/* JSON keys not in the first record, said once */
	int has_pending;	/* the first JSON record was read to learn the header */
	/* CSV records come in batches filled by a reader thread (inline with
	 * ESS_THREADS=1); rows point into the batch being read. */
	struct table_pipe *pipe;
	const struct brow *cur_row;
};

/* Opens path ("-" or NULL: stdin) and reads its header; dies with 66 when
 * it cannot be opened and 65 when it has no header. */
struct table *table_open(const char *path, const struct table_opts *o);
/* Like table_open, on an input already open (a caller that looked at its
 * first bytes): the table takes *in over, which is cleared (closing it
 * then does nothing).  *tp, when tp is not NULL, is set as with
 * table_open_mem. */
struct table *table_open_input(struct input *in, const struct table_opts *o, struct table **tp);
void table_close(struct table *t);
/* Reads len bytes of memory (copied) as a table called name (for
 * messages); dies like table_open.  *tp, when tp is not NULL, is set
 * before the header is read, so that a caller catching ess_die (see
 * ess_catcher) can still table_close it. */
struct table *table_open_mem(const char *name, const void *data, size_t len,
	const struct table_opts *o, struct table **tp);

/* The next row, or NULL at the end. */
struct row *table_next(struct table *t);

/* Finds each spec's column: idx[i] is its field number or -1.  A missing
 * required column, or two columns meaning the same one, is an error that
 * lists the columns found.  Columns no spec wants are named with verbose. */
void table_resolve(struct table *t, const struct colspec *spec, size_t n, int *idx);

/* Dies (65) with msg about the header, listing the columns found. */
noreturn void table_die_header(const struct table *t, const char *msg);

/* The field number of a column named name (matched like table_resolve), or -1. */
int table_find(const struct table *t, const char *name);

/* Reports a problem with field (or -1 for the whole row) of row r: at its
 * position, then exit 65, or with keep_going written to the rejects and
 * counted.  Returns only when the run goes on. */
void table_reject(struct table *t, const struct row *r, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void table_vreject(struct table *t, const struct row *r, int field, const char *fmt, va_list ap);

/* A warning about field of row r at its position (the run goes on). */
void table_warn(struct table *t, const struct row *r, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

extern char row_empty[1];

/* Value of field i, or "" when i < 0.  The row's fields may be changed in
 * place (trimmed) until the next row is read. */
static inline char *
row_get(const struct row *r, int i)
{
	return i < 0 ? row_empty : r->f[i];
}

/* Field i of r without the spaces and tabs around it, NUL-terminated in
 * place, and its length in *len; "" when i < 0. */
char *row_field(const struct row *r, int i, size_t *len);

/* The rejects file: rows as they were read, with a last column
 * reject_reason; written atomically when closed. */
struct rejects *rejects_open(const char *path);
void rejects_close(struct rejects *rj);

/* Folds a header name the way table_resolve compares them. */
void table_fold_name(struct buf *out, const char *s);

#endif
