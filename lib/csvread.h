/*
 * csvread.h: CSV records from a struct input, with line numbers.
 *
 * Lines are split in place by a vector scan (the fast path), quoted fields
 * included when each closes on its own line; a record with a line end
 * inside quotes, a lone CR, or a misplaced quote goes through libcsv in
 * strict mode, fed one physical line at a time so that lines are counted
 * and an open quote is known.  Both paths give the same fields (tested).  Spaces
 * around unquoted fields are kept.  Blank lines are skipped and counted.
 * Every byte is checked to be UTF-8; a NUL byte is an error.
 */
#ifndef ESS_CSVREAD_H
#define ESS_CSVREAD_H

#include <stddef.h>
#include <csv.h>

#include "buf.h"
#include "input.h"

enum csv_status { CSV_ROW = 1, CSV_EOF = 0, CSV_BAD = -1 };

struct csv_reader {
	struct input *in;
	char delim;
	long line;		/* the next physical line's number */
	long blank_lines;
	/* the record just read */
	long rec_line;		/* line where it starts */
	char **f;
	size_t *flen;
	size_t *fo;		/* the fast path's field offsets */
	unsigned char *fesc;	/* and whether a quoted field holds "" */
	size_t nf, fcap;
	const char *raw;	/* its bytes as read, without the line end */
	size_t rawlen;
	/* the error of a CSV_BAD record */
	long err_line, err_col;
	struct buf err;
	struct buf errraw;	/* the bad record's bytes, without its line end */
	/* the slow path */
	struct csv_parser p;
	int p_ready;
	struct buf rec;		/* fields, each NUL-terminated */
	size_t *offs;		/* offsets of fields in rec */
	size_t noffs, offcap;
	struct buf rawbuf;	/* a multi-line record's bytes */
	int rec_done;
};

void csv_reader_init(struct csv_reader *r, struct input *in, char delim);
void csv_reader_release(struct csv_reader *r);

/* Reads the next record.  CSV_BAD: err, err_line and err_col say what is
 * wrong; the reader has skipped past the bad line and may go on. */
enum csv_status csv_reader_next(struct csv_reader *r);

/* Sniffs the delimiter among , ; TAB | from the first line of buf: the
 * most frequent outside quotes; ',' when none occurs. */
char csv_sniff_delim(const char *buf, size_t len);

/* The line and column (in characters, 1-based) where field i of the record
 * just read starts. */
void csv_field_pos(const struct csv_reader *r, size_t i, long *line, long *col);

/* The same for a record kept as its raw bytes, which start at line0. */
void csv_raw_field_pos(const char *raw, size_t len, char delim, long line0, size_t i,
	long *line, long *col);

#endif
