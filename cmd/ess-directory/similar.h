/*
 * similar.h: what dedupe and match share: records kept in memory, folded
 * name keys, French stop words, and sets of word numbers to compare
 * names, needs and offers.
 *
 * Words are those of words_add (folded: case, accents, œ/æ, apostrophes;
 * split on what is not a letter or digit, so hyphens and punctuation are
 * spaces).  Saint, St, Ste and Sainte are one word ("st").  The stop words
 * are la le les l de du des d et en au aux pour sur a (à), un une ou par
 * avec dans chez, and any other single letter.
 */
#ifndef SIMILAR_H
#define SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dir.h"
#include "map.h"

/*
 * Every record of a dir_reader, copied: the values of its output columns,
 * and where it was read.  One arena holds all the text, so reading a
 * record costs no allocation but the arena's growth.
 */
struct recs {
	size_t ncols, n, cap;
	struct buf text;	/* every value, NUL-terminated, end to end */
	size_t *off;		/* n * ncols offsets into text */
	long *line;		/* where each record starts */
	unsigned *src;		/* and in which of the reader's files */
};

void recs_init(struct recs *r, size_t ncols);
void recs_release(struct recs *r);
/* Copies the reader's current record. */
void recs_add(struct recs *r, const struct dir_reader *d);

/* Value of output column col of record i ("" when col < 0). */
static inline const char *
recs_get(const struct recs *r, size_t i, int col)
{
	return col < 0 ? "" : r->text.data + r->off[i * r->ncols + (size_t)col];
}

/* The same without the spaces around it: its start, its length in *len. */
const char *recs_getn(const struct recs *r, size_t i, int col, size_t *len);

/* The name of record i's file, for messages. */
const char *recs_file(const struct recs *r, const struct dir_reader *d, size_t i);

/* Appends a reference to record i: its id, or FILE:LINE when it has none
 * (idcol < 0 or an empty id). */
void recs_ref(struct buf *out, const struct recs *r, const struct dir_reader *d,
	size_t i, int idcol);

/*
 * The current record's coordinates: 1 when located (*lat, *lon set), 0
 * when lat or lon is empty or both are 0 (a placeholder, never a place in
 * a French directory), -1 when one cannot be read as degrees: the row is
 * then rejected (exit 65, or skipped with --keep-going).
 */
int sim_coords(struct dir_reader *d, double *lat, double *lon);

/* Whether a folded word is a stop word. */
int sim_stopword(const char *w, size_t len);

/* Appends the folded name key of s: its words with stop words dropped
 * (all kept when nothing else is left) and Saint/St/Ste/Sainte as "st",
 * joined by one space.  scratch is reused. */
void sim_name_key(struct buf *out, struct words *scratch, const char *s, size_t len);

/* Appends s's words folded, Saint/St/Ste/Sainte as "st", joined by one
 * space: the same value for dedupe whatever the case, accents,
 * punctuation and spacing. */
void sim_folded(struct buf *out, struct words *scratch, const char *s, size_t len);

/*
 * Sets of word numbers.  A set holds the words of a text without stop
 * words, Saint/St/Ste/Sainte as one, and a plural ignored: a final s or x
 * dropped from words of four letters or more, then -al and -ail read as
 * -au (local and locaux, travail and travaux are one word).  Each word
 * once, sorted, numbered by a vocabulary shared by all sets.
 */
struct wordsets {
	struct map vocab;	/* stemmed word -> its number (the slot) */
	struct words scratch;
	uint32_t *ids;		/* every set, end to end */
	size_t nids, cap;
};

void wordsets_init(struct wordsets *ws);
void wordsets_release(struct wordsets *ws);
/* Appends the set of s's words to ws->ids (it starts at the nids before
 * the call) and returns its size. */
size_t wordsets_add(struct wordsets *ws, const char *s, size_t len);
/* The number of words in both sorted sets. */
size_t sim_common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

#endif
