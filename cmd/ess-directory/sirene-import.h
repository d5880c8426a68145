/*
 * sirene-import.h: what the parts of the import command share (import.c,
 * import-sirene.c, import-rna.c, import-gogocarto.c): the options, the
 * output (the record's columns, then a few of the source's own), and small
 * readers of placeholders and dates.
 */
#ifndef SIRENE_IMPORT_H
#define SIRENE_IMPORT_H

#include <stddef.h>

#include "buf.h"
#include "dir.h"
#include "table.h"
#include "write.h"

enum imp_from { FROM_NONE, FROM_SIRENE, FROM_RNA, FROM_GOGOCARTO, FROM_CSV };

/* RNA positions, one bit each, for --position. */
enum { POS_A = 1u << 0, POS_D = 1u << 1, POS_R = 1u << 2, POS_S = 1u << 3 };

struct imp_opts {
	enum imp_from from;
	int ess_only, active_only;
	unsigned positions;	/* POS_* bits; 0 until given (then POS_A) */
};
extern struct imp_opts imp;

/*
 * The output: the record's columns in record order under their canonical
 * names, then the source's extra columns.  v[] holds the values of the row
 * being built, "" where there is nothing; imp_row writes it and resets it.
 */
struct imp_out {
	struct writer w;
	size_t ncols;
	const char **v;
	long written, filtered;
};

/* Opens the writer with the record's columns then the extras (copied). */
void imp_out_open(struct imp_out *o, const char *const *extras, size_t nextra);
void imp_out_row(struct imp_out *o);
/* Closes the writer; with --verbose says how many rows went where. */
void imp_out_close(struct imp_out *o, long rejected);

/* family_parse, and "esus" too. */
int imp_family(const char *s, size_t len);

/* Whether a field is INSEE's "not disclosed" placeholder. */
static inline int
imp_nd(const char *s, size_t len)
{
	return len == 4 && s[0] == '[' && s[1] == 'N' && s[2] == 'D' && s[3] == ']';
}

/* The field i of r, spaces around it trimmed in place, "" for [ND] or a
 * missing column; its length in *len when len is not NULL. */
const char *imp_field(const struct row *r, int i, size_t *len);

/*
 * The date part of a date or timestamp ("2024-03-22T14:24:18.000",
 * "2021-03-04 10:41:52", "12/03/2021") as YYYY-MM-DD in out (11 bytes).
 * Returns out, "" for an empty value or a placeholder (1900-01-01,
 * 0001-01-01, [ND]), or NULL when the value is no date.
 */
const char *imp_date(const char *s, size_t len, char *out);

/* Appends s to b, after sep when b is not empty. */
void imp_join(struct buf *b, const char *sep, const char *s, size_t len);

/*
 * Appends the street part of an address: number, repetition index, street
 * type and name, with the SIRENE and RNA codes spelt out ("B": bis, "AV":
 * avenue, "LD": lieu-dit, "QUA": quartier...), in upper case without
 * accents as INSEE writes when the name is in upper case, else in lower
 * case ("14 rue Carnot").  Unknown codes are kept as written.
 */
void imp_street(struct buf *b, const char *num, size_t numlen, const char *rep, size_t replen,
	const char *type, size_t typelen, const char *name, size_t namelen);

/* Opens an RNA file in its encoding: --encoding if given, else UTF-8 when
 * every byte is, else Windows-1252. */
struct table *imp_open_detect(const char *path);

int import_sirene(char **files);
int import_rna(char **files);
int import_gogocarto(char **files);

#endif
