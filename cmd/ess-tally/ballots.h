/*
 * ballots.h: what the ballot readers (ballots*.c) share: one reader's
 * reusable ballot, the checks' messages, and a line reader for the text
 * formats (CEF, PrefLib, BLT).
 */
#ifndef BALLOTS_H
#define BALLOTS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "election.h"
#include "input.h"

/* The ballot formats (-i names, and e->format). */
enum bformat {
	BF_AUTO, BF_LONG, BF_RANKS, BF_CANDIDATES, BF_APPROVAL, BF_GRADES,
	BF_SCORES, BF_GRADE_COUNTS, BF_MATRIX, BF_CEF, BF_PREFLIB, BF_BLT,
};

extern const char *const bformat_names[];

/* One reader: the ballot it hands over, its arrays reused from ballot to
 * ballot (no allocation per ballot). */
struct breader {
	struct election *e;
	const char *name;	/* the file, for messages */
	struct ballot b;
	size_t cap;
	uint32_t *cand, *level;
	int32_t *value;
	long *ccol;
	int *cfield;
	struct buf tmp;
	/* text formats */
	struct input *in;
	long line;		/* of the line last read */
	int kg;			/* keep going */
};

void breader_init(struct breader *r, struct election *e, const char *name);
void breader_release(struct breader *r);
/* Starts a new ballot of kind at line:col (no candidates, weight 1). */
void breader_start(struct breader *r, enum bkind kind, long line, long col);
/* Appends a candidate with its level (ranked) or value, and where it was
 * (a column for text formats, a field for tables). */
void breader_push(struct breader *r, uint32_t cand, uint32_t level, int32_t value,
	long col, int field);

/* Reports a problem with ballot b (with i < b->n: about cand[i]) at its
 * position and counts it invalid; exits 65 unless keep going.  For a
 * ballot read from a table, the row also goes to --rejects. */
void ballot_fail(struct election *e, const struct ballot *b, size_t i, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ballot_vfail(struct election *e, const struct ballot *b, size_t i, const char *fmt,
	va_list ap);

/* Keep going on invalid ballots (eopt.keep_going or -k). */
int ballots_keep_going(void);

/* The next line of r->in without its line end, NUL-terminated in place;
 * NULL at the end.  Dies (65) on a NUL byte or invalid UTF-8. */
char *breader_line(struct breader *r, size_t *len);
/* The column (1-based, in characters) of p in line s. */
long line_col(const char *s, const char *p);

/* The grade of a word (French or English scale) or number; -1 when it is
 * neither.  *scale is set to 'f' or 'e' by the first word that tells the
 * scales apart. */
int grade_parse(struct election *e, const char *s, size_t len, int *scale);
/* Sets e->grades to a scale ('f', 'e') unless grades are already named. */
void grades_set_scale(struct election *e, int scale);
/* Grows the numeric scale so that grade g has a name. */
void grades_need(struct election *e, int g);
/* 1 when the folded word is a grade word of either scale (its index in
 * *g), for telling grade-count headers apart. */
int grade_word(const char *s, size_t len, int *g, int *scale);

/* A reader's state is static (one at a time): it names a function that
 * frees it, so that a caller that caught a fatal error (ess_catcher, as
 * the fuzz target does) can call ballots_abort to free it. */
void ballots_guard(void (*fn)(void *), void *arg);
void ballots_abort(void);

/* The readers. */
void read_table(struct election *e, struct input *in, enum bformat f);
void read_cef(struct election *e, struct input *in);
void read_preflib(struct election *e, struct input *in);
void read_blt(struct election *e, struct input *in);

#endif
