/*
 * table.c: sniffing, headers, rows and row errors.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "table.h"
#include "text.h"
#include "write.h"

char row_empty[1];

struct rejects {
	struct outfile out;
	struct buf line;
	struct table *last;	/* whose header was written last */
	long count;
};

struct rejects *
rejects_open(const char *path)
{
	struct rejects *rj = xcalloc(1, sizeof *rj);

	outfile_open(&rj->out, path);
	buf_init(&rj->line);
	return rj;
}

void
rejects_close(struct rejects *rj)
{
	if (!rj)
		return;
	outfile_commit(&rj->out);
	buf_release(&rj->line);
	free(rj);
}

static void
rejects_flush(struct rejects *rj)
{
	if (fwrite(rj->line.data, 1, rj->line.len, rj->out.fp) != rj->line.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_reset(&rj->line);
}

/* Writes the row's fields as read, and the reason, to the rejects file. */
static void
rejects_add(struct rejects *rj, struct table *t, char *const *f, const size_t *len,
	size_t n, const char *reason)
{
	if (rj->last != t) {
		for (size_t i = 0; i < t->ncols; i++) {
			csv_quote(&rj->line, t->cols[i], strlen(t->cols[i]), ',');
			buf_addc(&rj->line, ',');
		}
		buf_adds(&rj->line, "reject_reason\n");
		rj->last = t;
	}
	for (size_t i = 0; i < n || i < t->ncols; i++) {
		if (i < n)
			csv_quote(&rj->line, f[i], len[i], ',');
		buf_addc(&rj->line, ',');
	}
	csv_quote(&rj->line, reason, strlen(reason), ',');
	buf_addc(&rj->line, '\n');
	rj->count++;
	rejects_flush(rj);
}

void
table_fold_name(struct buf *out, const char *s)
{
	text_fold_key(out, s, strlen(s));
}

/* Reports an error at line:col; with keep_going the run goes on. */
static void
fail(struct table *t, long line, long col, char *const *f, const size_t *len, size_t n,
	const char *msg)
{
	ess_warn_at(t->name, line, col, "%s", msg);
	t->rejected++;
	if (!t->opts.keep_going)
		ess_exit(EX_DATAERR);
	ess_exit_status = EX_DATAERR;
	if (t->opts.rejects)
		rejects_add(t->opts.rejects, t, f, len, n, msg);
}

static void
csv_header(struct table *t)
{
	enum csv_status st = csv_reader_next(&t->csv);

	if (st == CSV_EOF)
		ess_die_at(EX_DATAERR, t->name, 0, 0, "%s", _("no header row"));
	if (st == CSV_BAD)
		ess_die_at(EX_DATAERR, t->name, t->csv.err_line, t->csv.err_col, "%s", t->csv.err.data);
	t->header_line = t->csv.rec_line;
	t->ncols = t->csv.nf;
	t->cols = xreallocarray(NULL, t->ncols, sizeof *t->cols);
	for (size_t i = 0; i < t->ncols; i++)
		t->cols[i] = xstrndup(t->csv.f[i], t->csv.flen[i]);
}

static void
json_header(struct table *t)
{
	enum json_status st = json_reader_next(&t->json);
	const char *key;
	json_t *v;
	size_t i = 0;

	if (st == JSON_BAD)
		ess_die_at(EX_DATAERR, t->name, t->json.err_line, t->json.err_col, "%s", t->json.err.data);
	t->header_line = t->json.rec_line;
	if (st == JSON_END)
		return;
	t->has_pending = 1;
	t->ncols = json_object_size(t->json.rec);
	t->cols = xreallocarray(NULL, t->ncols ? t->ncols : 1, sizeof *t->cols);
	json_object_foreach(t->json.rec, key, v) {
		(void)v;
		t->cols[i++] = xstrdup(key);
	}
}

static void
check_header(struct table *t)
{
	for (size_t i = 0; i < t->ncols; i++) {
		if (!*t->cols[i])
			ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
				_("column %zu of the header has no name"), i + 1);
		for (size_t j = 0; j < i; j++)
			if (strcmp(t->cols[i], t->cols[j]) == 0)
				ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
					_("column '%s' appears twice in the header (columns %zu and %zu)"),
					t->cols[i], j + 1, i + 1);
	}
}

struct table *
table_open(const char *path, const struct table_opts *o)
{
	struct table *t = xcalloc(1, sizeof *t);
	enum table_format f = o->format;

	t->opts = *o;
	buf_init(&t->jbuf);
	input_open(&t->in, path, o->encoding, o->hash);
	t->name = t->in.name;
	while (!t->in.eof && t->in.end - t->in.pos < 4096)
		input_fill(&t->in);
	if (f == TF_AUTO) {
		size_t i = t->in.pos;

		while (i < t->in.end && strchr(" \t\r\n", t->in.buf[i]))
			i++;
		if (i == t->in.end)
			ess_die_at(EX_DATAERR, t->name, 0, 0, "%s", _("no header row (the input is empty)"));
		f = t->in.buf[i] == '[' ? TF_JSON : t->in.buf[i] == '{' ? TF_JSONL : TF_CSV;
	}
	t->format = f;
	if (f == TF_CSV || f == TF_TSV) {
		char d = o->delim ? o->delim : f == TF_TSV ? '\t'
			: csv_sniff_delim(t->in.buf + t->in.pos, t->in.end - t->in.pos);

		csv_reader_init(&t->csv, &t->in, d);
		t->csv_ready = 1;
		csv_header(t);
	} else {
		json_reader_init(&t->json, &t->in, f == TF_JSONL);
		t->json_ready = 1;
		json_header(t);
	}
	check_header(t);
	t->row.n = t->ncols;
	return t;
}

void
table_close(struct table *t)
{
	if (!t)
		return;
	if (t->csv_ready)
		csv_reader_release(&t->csv);
	if (t->json_ready)
		json_reader_release(&t->json);
	if (t->opts.verbose && t->csv_ready && t->csv.blank_lines)
		ess_warn(_("%s: %ld blank lines skipped"), t->name, t->csv.blank_lines);
	input_close(&t->in);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	if (t->json_ready) {
		free(t->row.f);	/* CSV rows point into the reader */
		free(t->row.len);
	}
	free(t->joffs);
	buf_release(&t->jbuf);
	free(t);
}

static struct row *
next_csv(struct table *t)
{
	struct csv_reader *c = &t->csv;
	char msg[160];

	for (;;) {
		switch (csv_reader_next(c)) {
		case CSV_EOF:
			return NULL;
		case CSV_BAD: {
			char *raw = row_empty;
			size_t z = 0;

			fail(t, c->err_line, c->err_col, &raw, &z, 0, c->err.data);
			continue;
		}
		case CSV_ROW:
			break;
		}
		t->row.recno++;
		if (c->nf != t->ncols) {
			snprintf(msg, sizeof msg, _("%zu fields, the header has %zu"), c->nf, t->ncols);
			fail(t, c->rec_line, 0, c->f, c->flen, c->nf, msg);
			continue;
		}
		t->row.line = c->rec_line;
		t->row.f = c->f;
		t->row.len = c->flen;
		t->rows++;
		return &t->row;
	}
}

/* Appends the text of a JSON scalar; arrays of scalars are joined by '|'.
 * Returns -1 for a nested object or array. */
static int
json_text(struct buf *b, const json_t *v)
{
	char num[64];
	size_t i;
	json_t *e;

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_add(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		buf_adds(b, num);
		return 0;
	case JSON_REAL:
		snprintf(num, sizeof num, "%.15g", json_real_value(v));
		buf_adds(b, num);
		return 0;
	case JSON_TRUE:
		buf_adds(b, "true");
		return 0;
	case JSON_FALSE:
		buf_adds(b, "false");
		return 0;
	case JSON_NULL:
		return 0;
	case JSON_ARRAY:
		json_array_foreach(v, i, e) {
			if (json_is_object(e) || json_is_array(e))
				return -1;
			if (i)
				buf_addc(b, '|');
			json_text(b, e);
		}
		return 0;
	default:
		return -1;
	}
}

static struct row *
next_json(struct table *t)
{
	struct json_reader *j = &t->json;
	char msg[256];

	if (!t->row.f) {
		t->row.f = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->row.f);
		t->row.len = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->row.len);
		t->joffs = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->joffs);
	}
	for (;;) {
		const char *key;
		json_t *v;
		int badrec = 0;

		if (t->has_pending) {
			t->has_pending = 0;
		} else {
			enum json_status st = json_reader_next(j);

			if (st == JSON_END)
				return NULL;
			if (st == JSON_BAD) {
				char *raw = row_empty;
				size_t z = 0;

				fail(t, j->err_line, j->err_col, &raw, &z, 0, j->err.data);
				continue;
			}
		}
		t->row.recno = j->recno;
		buf_reset(&t->jbuf);
		json_object_foreach(j->rec, key, v) {
			int i = -1;

			for (size_t k = 0; k < t->ncols; k++)
				if (strcmp(t->cols[k], key) == 0)
					i = (int)k;
			if (i < 0) {
				snprintf(msg, sizeof msg, _("record %ld: key '%s' is not in the first record's keys"),
					j->recno, key);
				badrec = 1;
				break;
			}
		}
		for (size_t k = 0; k < t->ncols && !badrec; k++) {
			v = json_object_get(j->rec, t->cols[k]);
			t->joffs[k] = t->jbuf.len;
			if (v && json_text(&t->jbuf, v) != 0) {
				snprintf(msg, sizeof msg, _("record %ld: key '%s' holds a nested object or array"),
					j->recno, t->cols[k]);
				badrec = 1;
			}
			buf_addc(&t->jbuf, '\0');
		}
		if (badrec) {
			char *raw = row_empty;
			size_t z = 0;

			fail(t, j->rec_line, 0, &raw, &z, 0, msg);
			continue;
		}
		for (size_t k = 0; k < t->ncols; k++) {
			t->row.f[k] = t->jbuf.data + t->joffs[k];
			t->row.len[k] = strlen(t->row.f[k]);
		}
		t->row.line = j->rec_line;
		t->rows++;
		return &t->row;
	}
}

struct row *
table_next(struct table *t)
{
	return t->csv_ready ? next_csv(t) : next_json(t);
}

/* Does folded name s match one of the '|'-separated folded aliases? */
static int
spec_matches(const struct colspec *sp, const char *key, struct buf *tmp)
{
	const char *a = sp->aliases;

	buf_reset(tmp);
	table_fold_name(tmp, sp->name);
	if (strcmp(tmp->data, key) == 0)
		return 1;
	while (a && *a) {
		const char *e = strchr(a, '|');
		size_t n = e ? (size_t)(e - a) : strlen(a);

		buf_reset(tmp);
		text_fold_key(tmp, a, n);
		if (strcmp(tmp->data, key) == 0)
			return 1;
		a = e ? e + 1 : NULL;
	}
	return 0;
}

static void
list_columns(struct buf *b, const struct table *t)
{
	for (size_t i = 0; i < t->ncols; i++) {
		buf_adds(b, i ? ", " : "");
		buf_printf(b, "'%s'", t->cols[i]);
	}
	if (!t->ncols)
		buf_adds(b, _("none"));
}

void
table_resolve(struct table *t, const struct colspec *spec, size_t n, int *idx)
{
	struct buf key = BUF_INIT, tmp = BUF_INIT, found = BUF_INIT;
	char *used = xcalloc(t->ncols ? t->ncols : 1, 1);

	for (size_t s = 0; s < n; s++)
		idx[s] = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		buf_reset(&key);
		table_fold_name(&key, t->cols[c]);
		for (size_t s = 0; s < n; s++) {
			if (!spec_matches(&spec[s], key.data, &tmp))
				continue;
			if (idx[s] >= 0)
				ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
					_("columns '%s' and '%s' both mean '%s'"),
					t->cols[idx[s]], t->cols[c], spec[s].name);
			idx[s] = (int)c;
			used[c] = 1;
			break;
		}
	}
	for (size_t s = 0; s < n; s++) {
		if (idx[s] >= 0 || !(spec[s].flags & COL_REQUIRED) || (t->ncols == 0 && !t->csv_ready))
			continue;
		list_columns(&found, t);
		ess_die_at(EX_DATAERR, t->name, t->header_line, 0,
			_("no column '%s' (also read as: %s); columns found: %s"),
			spec[s].name, spec[s].aliases ? spec[s].aliases : "-", found.data);
	}
	if (t->opts.verbose)
		for (size_t c = 0; c < t->ncols; c++)
			if (!used[c])
				ess_warn_at(t->name, t->header_line, 0, _("column '%s' is not used"), t->cols[c]);
	free(used);
	buf_release(&key);
	buf_release(&tmp);
	buf_release(&found);
}

int
table_find(const struct table *t, const char *name)
{
	struct buf want = BUF_INIT, key = BUF_INIT;
	int found = -1;

	table_fold_name(&want, name);
	for (size_t c = 0; c < t->ncols && found < 0; c++) {
		buf_reset(&key);
		table_fold_name(&key, t->cols[c]);
		if (strcmp(key.data, want.data) == 0)
			found = (int)c;
	}
	buf_release(&want);
	buf_release(&key);
	return found;
}

static void
field_pos(const struct table *t, const struct row *r, int field, long *line, long *col)
{
	*line = r->line;
	*col = 0;
	if (t->csv_ready && field >= 0)
		csv_field_pos(&t->csv, (size_t)field, line, col);
}

static void
vmessage(struct buf *b, const struct table *t, const struct row *r, int field,
	const char *fmt, va_list ap)
{
	if (!t->csv_ready && field >= 0)
		buf_printf(b, _("record %ld, key '%s': "), r->recno, t->cols[field]);
	buf_vprintf(b, fmt, ap);
}

void
table_vreject(struct table *t, const struct row *r, int field, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	long line, col;

	field_pos(t, r, field, &line, &col);
	vmessage(&msg, t, r, field, fmt, ap);
	t->rows--;
	fail(t, line, col, r->f, r->len, r->n, msg.data);
	buf_release(&msg);
}

void
table_reject(struct table *t, const struct row *r, int field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	table_vreject(t, r, field, fmt, ap);
	va_end(ap);
}

void
table_warn(struct table *t, const struct row *r, int field, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	long line, col;
	va_list ap;

	field_pos(t, r, field, &line, &col);
	va_start(ap, fmt);
	vmessage(&msg, t, r, field, fmt, ap);
	va_end(ap);
	ess_warn_at(t->name, line, col, "%s", msg.data);
	buf_release(&msg);
}
