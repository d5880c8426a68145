/*
 * json.h: JSON records from a struct input: the objects of a top-level
 * array, streamed one element at a time, or JSON Lines (one object a line).
 * Each record is parsed by jansson with duplicate keys rejected; positions
 * in errors are lines and columns of the whole file.
 */
#ifndef ESS_JSON_H
#define ESS_JSON_H

#include <jansson.h>

#include "buf.h"
#include "input.h"

enum json_status { JSON_REC = 1, JSON_END = 0, JSON_BAD = -1 };

struct json_reader {
	struct input *in;
	int lines;		/* JSON Lines rather than an array */
	int state;		/* for arrays: before '[', in it, after ']' */
	long line, col;		/* position of in->pos */
	long rec_line;		/* where the record just read starts */
	long recno;
	json_t *rec;		/* the record just read (owned; freed by the next call) */
	long err_line, err_col;
	struct buf err;
	const char *raw;	/* the text of the record just read or refused, */
	size_t rawlen;		/* valid until the next call */
	int fatal;		/* the error leaves no way to find the next record */
};

void json_reader_init(struct json_reader *r, struct input *in, int lines);
void json_reader_release(struct json_reader *r);
enum json_status json_reader_next(struct json_reader *r);

/* Allocation through xmalloc (jansson's bug #362: never a silent loss). */
void json_use_xmalloc(void);

#endif
