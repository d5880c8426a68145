/*
 * dir.h: what ess-directory's commands share: the record, the reader that
 * streams one or several directory files as one, and the option parsing
 * every command does the same way.
 *
 * A directory is a table whose known columns are those of enum dcol (their
 * names and French aliases in dir_spec); any other column is kept and
 * carried through.  offers, needs and tags hold several values separated
 * by '|' (arrays in JSON).
 */
#ifndef DIR_H
#define DIR_H

#include <argp.h>
#include <stddef.h>

#include "buf.h"
#include "cli.h"
#include "table.h"
#include "write.h"

enum dcol {
	D_ID, D_NAME, D_FAMILY, D_LEGAL_FORM, D_SIREN, D_SIRET, D_RNA, D_NAF,
	D_SECTOR, D_DESCRIPTION, D_ADDRESS, D_POSTCODE, D_COMMUNE, D_INSEE_CODE,
	D_LAT, D_LON, D_PHONE, D_EMAIL, D_WEBSITE, D_OFFERS, D_NEEDS, D_TAGS,
	D_OPENING_HOURS, D_EMPLOYEES, D_SOURCE, D_UPDATED,
	D_NCOLS
};

/* Canonical names and aliases, in record order. */
extern const struct colspec dir_spec[D_NCOLS];
/* How the writer types each record column (lat/lon decimals, lists...). */
extern const enum wtype dir_wtype[D_NCOLS];

/* The families, in the order stats and exports list them. */
enum family {
	F_ASSOCIATION, F_COOPERATIVE, F_MUTUAL, F_FOUNDATION, F_ESUS, F_COMPANY,
	F_PUBLIC, F_OTHER, F_NFAMILIES
};
extern const char *const family_names[F_NFAMILIES];
/* The family a value names (English or French, any case or accents:
 * "Association", "coopérative", "mutuelle", "fondation", "entreprise"...),
 * or -1. */
int family_parse(const char *s, size_t len);

/*
 * The reader: every FILE in turn (stdin when there is none) as one stream.
 * The output columns are the union of the files' columns, in the order
 * they are first met; a record column keeps the name the first file gives
 * it, and a later file's column matches it by alias.  With DIR_CANONICAL
 * every record column comes first under its canonical name, present or not,
 * then the unknown columns.
 */
#define DIR_CANONICAL 1u

struct dir_src {
	struct table *t;
	int idx[D_NCOLS];	/* input field of each record column, or -1 */
	int *to;		/* output column of each input field */
};

struct dir_reader {
	struct dir_src *src;
	size_t nsrc, cur;
	size_t ncols;		/* output columns */
	struct wcol *cols;	/* their names and types */
	char **names;		/* the names, owned */
	int col[D_NCOLS];	/* output column of each record column, or -1 */
	const char **v;		/* the current record, in output order */
	struct row *row;	/* and the row it came from, for messages */
	struct table *t;	/* and its table */
	const int *idx;		/* and that table's record columns */
	long records;
};

void dir_open(struct dir_reader *d, char **files, unsigned flags);
/* The next record (in d->v, d->row), or 0 at the end of the last file. */
int dir_next(struct dir_reader *d);
void dir_close(struct dir_reader *d);

/* A record column of the current record as read; "" when the files have
 * no such column. */
static inline const char *
dir_get(const struct dir_reader *d, enum dcol c)
{
	return d->idx[c] < 0 ? row_empty : d->row->f[d->idx[c]];
}
/* The same without the spaces around it (nothing is changed): its start,
 * and its length in *len. */
const char *dir_getn(const struct dir_reader *d, enum dcol c, size_t *len);
/* The input field number of column c in the current row, or -1, for
 * table_reject and table_warn. */
static inline int
dir_field(const struct dir_reader *d, enum dcol c)
{
	return d->idx[c];
}

/* The record's coordinates: 1 with *lat and *lon set, 0 when it has none,
 * -1 when they cannot be read or only one is given (the row is rejected:
 * status 65, or skipped with --keep-going). */
int dir_coords(struct dir_reader *d, double *lat, double *lon);

/* Iterates the values of a '|'-separated list: returns the next value
 * (spaces around it trimmed, empty ones skipped) and its length in *len,
 * advancing *p; NULL when there is none left. */
const char *list_next(const char **p, size_t *len);

/* The output columns as writer columns, for writer_columns. */
void dir_writer_columns(const struct dir_reader *d, struct writer *w);

/*
 * Words, folded (case, accents, œ/æ, apostrophes) and split on what is not
 * a letter or digit, for search and matching.
 */
struct words {
	struct buf text;	/* the folded words, each NUL-terminated */
	size_t *off;		/* offset of each word in text */
	size_t n, cap;
};
void words_init(struct words *w);
void words_release(struct words *w);
void words_clear(struct words *w);
/* Appends the words of s (len bytes) to w. */
void words_add(struct words *w, const char *s, size_t len);
static inline const char *
words_at(const struct words *w, size_t i)
{
	return w->text.data + w->off[i];
}
/* Whether text (folded) holds a word equal to word (folded), or starting
 * with it when prefix is set. */
int words_contain(const char *text, size_t len, const char *word, size_t wlen, int prefix);

/* Commands (struct command: lib/cli.h). */
extern const struct argp query_argp, stats_argp, import_argp, validate_argp,
	dedupe_argp, match_argp, export_argp;
int query_run(char **files);
int stats_run(char **files);
int import_run(char **files);
int validate_run(char **files);
int dedupe_run(char **files);
int match_run(char **files);
int export_run(char **files);

/* The files a command was given (argp's ARGP_KEY_ARG collects them). */
extern char **dir_files;
extern size_t dir_nfiles;
/* For a command's parse_opt: collects FILE arguments; returns
 * ARGP_ERR_UNKNOWN for other keys. */
error_t dir_parse_arg(int key, char *arg, struct argp_state *state);
/* Parses a whole number in [min, max] for option opt, or argp_error. */
long dir_parse_long(struct argp_state *state, const char *opt, const char *arg,
	long min, long max);
/* Parses a decimal ("1,5" or "1.5") for option opt, or argp_error. */
double dir_parse_double(struct argp_state *state, const char *opt, const char *arg);

#endif
