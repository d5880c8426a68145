/*
 * minutes.h: one set of minutes, read from the secretary's Markdown.
 *
 * The source is Markdown with three additions, all of which stay readable
 * in any other Markdown viewer:
 *
 *   - a header between two "---" lines of flat "key: value" pairs, read
 *     here and removed before rendering;
 *   - lines or list items that start with DÉCISION/DECISION, ACTION or
 *     INFO and a colon (a normal or non-breaking space may come before
 *     it), with an optional "{key: value; ...}" tail (pour, contre,
 *     abstention, qui, échéance and their English names);
 *   - fenced blocks tagged tally, attendance or table, whose content is
 *     CSV or JSON inline, or "< FILE" to include a file.
 *
 * Each "##" heading opens an agenda item; what comes before the first one
 * belongs to item 0, the preamble.  Every path is relative to the folder
 * of the Markdown file.
 *
 * minutes_read parses a file into struct minutes (dies with 66 when it
 * cannot be opened, 65 with file:line:col on bad input); the renderers,
 * extract and check only read the struct.
 */
#ifndef ESS_MINUTES_H
#define ESS_MINUTES_H

#include <argp.h>
#include <stddef.h>
#include <jansson.h>

#include "date.h"

/* One "key: value" of the header, as written (key folded to lower case
 * without accents: "échéance" is "echeance"). */
struct mfield {
	char *key;
	char *value;
	long line;
};

/* The sign-in sheet's counts (ess-minutes attendance, and the summary a
 * document opens with when its header names an attendance file). */
struct attendance {
	long participants;	/* rows */
	long structures;	/* distinct organisations of kind structure */
	long partners;		/* distinct organisations of kind partner */
	long present;		/* status present (the default) */
	long represented;	/* status represented (a proxy_holder may say by whom) */
	long eligible;		/* -1 when not known */
	long quorum;		/* votes needed for the quorum; -1 when eligible is unknown */
	int quorum_met;		/* present + represented >= quorum */
};

/* A table from a data block: header and rows of text, plus the JSON it was
 * read from when it was JSON (an ess-tally document keeps its method,
 * rule and totals there). */
struct mtable {
	size_t ncols;
	char **cols;
	size_t nrows;
	char ***cells;		/* cells[row][col], never NULL */
	json_t *json;		/* owned; NULL for CSV */
};

enum mblock_tag { MB_TALLY, MB_ATTENDANCE, MB_TABLE };

/* A fenced data block, in document order. */
struct mblock {
	enum mblock_tag tag;
	size_t item;		/* the agenda item it belongs to */
	long line;		/* of the opening fence */
	char *include;		/* "< FILE" as written, or NULL when inline */
	struct mtable table;
	struct attendance att;	/* MB_ATTENDANCE only */
};

enum mkind { MK_DECISION, MK_ACTION, MK_INFO };

/* A DÉCISION, ACTION or INFO line. */
struct mentry {
	enum mkind kind;
	size_t item;		/* the agenda item it belongs to */
	long line;
	char *text;		/* without the keyword, the colon and the tail */
	char *owner;		/* qui / owner; "" when not given */
	ess_day due;		/* échéance / due; 0 when not given */
	long votes_for;		/* pour / for; -1 when not given */
	long votes_against;	/* contre / against */
	long votes_abstain;	/* abstention / abstain */
};

/* An agenda item: a "##" heading.  items[0] is the preamble. */
struct mitem {
	size_t number;		/* 1 for the first "##"; 0 for the preamble */
	char *title;		/* "" for the preamble */
	long line;
};

struct minutes {
	char *path;		/* as given, for messages */
	char *dir;		/* its folder, for includes */
	struct mfield *fields;	/* the header, in order */
	size_t nfields;
	long header_end;	/* line of the closing "---"; 0 without a header */
	/* Known header keys, parsed: */
	const char *title, *type, *place, *organiser, *convened, *chair, *secretary;
	ess_day date;		/* 0 when not given */
	char start[6], end[6];	/* "HH:MM" or "" */
	long eligible;		/* -1 when not given */
	struct attendance att;	/* from the header's attendance file */
	int has_att;
	/* The body: the Markdown after the header, untouched, and where it
	 * starts in the file (for md4c offsets to line numbers). */
	char *body;
	size_t body_len;
	long body_line;
	struct mitem *items;
	size_t nitems;		/* at least 1: the preamble */
	struct mentry *entries;
	size_t nentries;
	struct mblock *blocks;
	size_t nblocks;
	void *parsing;		/* parse.c's state while it reads; NULL after */
};

/* Reads and parses path ("-": stdin).  Dies as said above. */
void minutes_read(struct minutes *m, const char *path);
/* Parses len bytes of text as if read from a file called name (m is
 * cleared first).  With MINUTES_NO_FILES no file is read: the header's
 * attendance file and "< FILE" blocks are kept as written but not read
 * (for the fuzz target).  Dies as minutes_read does; a caller that
 * catches ess_die (ess_catcher) may still minutes_free m. */
#define MINUTES_NO_FILES 1u
void minutes_parse_mem(struct minutes *m, const char *name, const char *text, size_t len,
	unsigned flags);
/* Frees what m holds (also a half-parsed m) and clears it. */
void minutes_free(struct minutes *m);

/* The value of header key (folded), or NULL. */
const char *minutes_field(const struct minutes *m, const char *key);

/* Counts a sign-in sheet (CSV or JSON; columns name, structure, kind,
 * status, proxy_holder and their French aliases).  eligible < 0: unknown.
 * The quorum is attendance_quorum of eligible (see below). */
void attendance_count(struct attendance *a, const char *path, long eligible);
/* The same on a table already open (an attendance block): when keep is
 * not NULL, every row is also appended to it, header included. */
struct table;
void attendance_rows(struct attendance *a, struct table *t, long eligible, struct mtable *keep);
/* The quorum: a number of members ("30") or a percentage of eligible
 * ("50%", rounded up, as ess-tally --quorum); the default is 50%.
 * attendance_set_quorum returns -1 when spec is neither. */
int attendance_set_quorum(const char *spec);
long attendance_quorum(long eligible);

/* The names of the kinds and tags, as written in JSON and extract. */
const char *mkind_name(enum mkind k);
const char *mblock_tag_name(enum mblock_tag t);

/* Commands: each has its argp (options after the command) and a run
 * function given the FILE arguments (NULL-terminated); main dispatches as
 * ess-directory's does. */
extern const struct argp render_argp, attendance_argp, extract_argp, check_argp;
int render_run(char **files);
int attendance_run(char **files);
int extract_run(char **files);
int check_run(char **files);

/* The FILE arguments of attendance, extract and check, NULL-terminated
 * (NULL when there are none); minutes_parse_arg, for a command's
 * parse_opt, collects them and returns ARGP_ERR_UNKNOWN for other keys. */
extern char **minutes_files;
error_t minutes_parse_arg(int key, char *arg, struct argp_state *state);

#endif
