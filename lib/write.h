/*
 * write.h: the only code that knows output formats.
 *
 * A tool declares its columns (name and type), then hands rows of text
 * values; the writer quotes, escapes, aligns and converts.  csv and tsv,
 * json (an array of objects, or one document when writer_doc is set),
 * jsonl (one object a line) and md stream row by row; table (aligned, for
 * terminals) keeps the rows to measure them.  Other formats (svg, html...)
 * are drawn by the tool on writer_file().  With -O the output goes to a
 * temporary file renamed by writer_close, so a failed run leaves the old
 * file in place.
 */
#ifndef ESS_WRITE_H
#define ESS_WRITE_H

#include <stdio.h>
#include <jansson.h>

#include "buf.h"
#include "input.h"

enum out_format { OF_AUTO, OF_CSV, OF_TSV, OF_JSON, OF_JSONL, OF_TABLE, OF_MD, OF_SVG, OF_HTML, OF_ICS, OF_TXT };

/* Types decide JSON numbers, right alignment and --excel's decimal comma;
 * an empty value is null in JSON.  A WT_INT or WT_DEC value that is not a
 * number (data passed through from a user's file) stays a JSON string; a
 * decimal comma becomes a point.  WT_LIST is text whose values are
 * separated by '|': a JSON array of strings, [] when empty. */
enum wtype { WT_TEXT, WT_INT, WT_DEC, WT_LIST };

struct wcol {
	const char *name;
	enum wtype type;
};

struct writer_opts {
	enum out_format format;	/* OF_AUTO: table on a terminal, else csv */
	int excel;		/* ';', decimal comma, BOM, CRLF */
	const char *path;	/* -O; NULL or "-" for stdout */
};

struct writer {
	enum out_format format;
	int excel;
	char delim;
	const char *eol;
	struct outfile out;
	FILE *fp;
	struct wcol *cols;
	size_t ncols;
	long rows;
	struct buf line;
	/* table: every cell kept to measure the columns */
	char **cells;
	size_t ncells, cellcap;
	struct buf notes;
	/* json: the document the rows go into, if any */
	json_t *doc;
	json_t *docrows;
};

/* Parses a format name; -1 when unknown. */
int out_format_parse(const char *s);
const char *out_format_name(enum out_format f);

void writer_open(struct writer *w, const struct writer_opts *o);
/* The columns of the rows to come; copied.  May be called once. */
void writer_columns(struct writer *w, const struct wcol *cols, size_t n);
void writer_row(struct writer *w, const char *const *values);
/* A line said after the rows in table and md output (the rule applied,
 * the sort key...); other formats carry it in their own way, or not. */
void writer_note(struct writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* JSON: the rows go into doc (stolen) under key, which keeps its place
 * when doc already has it; doc is what is printed. */
void writer_doc(struct writer *w, json_t *doc, const char *key);
/* The stream, for a format the tool draws itself. */
FILE *writer_file(struct writer *w);
/* Writes what is kept, flushes, and renames -O into place. */
void writer_close(struct writer *w);

/* Appends s quoted for CSV when it needs it (delim, quote, CR, LF, or
 * spaces at either end). */
void csv_quote(struct buf *out, const char *s, size_t len, char delim);
/* Appends s as a JSON string, quotes included (UTF-8 kept as is). */
void json_quote(struct buf *out, const char *s, size_t len);
/* Appends s escaped for HTML/XML text and attributes. */
void xml_escape(struct buf *out, const char *s, size_t len);

/* Dumps a jansson value the project's way: indented, keys in their order,
 * reals with 15 digits; dies on a write error. */
void json_write(FILE *fp, const json_t *v);

#endif
