/*
 * write.c: csv, tsv, json, jsonl, table and md output.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "num.h"
#include "text.h"
#include "write.h"

static const char *const format_names[] = {
	[OF_AUTO] = "auto", [OF_CSV] = "csv", [OF_TSV] = "tsv", [OF_JSON] = "json",
	[OF_JSONL] = "jsonl", [OF_TABLE] = "table", [OF_MD] = "md",
	[OF_SVG] = "svg", [OF_HTML] = "html", [OF_ICS] = "ics", [OF_TXT] = "txt",
};

int
out_format_parse(const char *s)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	if (strcmp(s, "markdown") == 0)
		return OF_MD;
	if (strcmp(s, "ndjson") == 0)
		return OF_JSONL;
	if (strcmp(s, "text") == 0)
		return OF_TABLE;
	return -1;
}

const char *
out_format_name(enum out_format f)
{
	return format_names[f];
}

void
csv_quote(struct buf *out, const char *s, size_t len, char delim)
{
	size_t i;
	int need = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');

	for (i = 0; i < len && !need; i++)
		need = s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!need) {
		buf_add(out, s, len);
		return;
	}
	buf_grow(out, len + 2);
	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(out, '"');
		buf_addc(out, s[i]);
	}
	buf_addc(out, '"');
}

/* TSV has no quoting: tabs, newlines and backslashes are escaped. */
static void
tsv_escape(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '\t': buf_add(out, "\\t", 2); break;
		case '\n': buf_add(out, "\\n", 2); break;
		case '\r': buf_add(out, "\\r", 2); break;
		case '\\': buf_add(out, "\\\\", 2); break;
		default: buf_addc(out, s[i]);
		}
	}
}

void
json_quote(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	buf_grow(out, len + 2);
	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(out, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': buf_add(out, "\\\"", 2); break;
		case '\\': buf_add(out, "\\\\", 2); break;
		case '\n': buf_add(out, "\\n", 2); break;
		case '\r': buf_add(out, "\\r", 2); break;
		case '\t': buf_add(out, "\\t", 2); break;
		default: {
			char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			buf_add(out, e, 6);
		}
		}
	}
	buf_add(out, s + run, i - run);
	buf_addc(out, '"');
}

void
xml_escape(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, s[i]);
		}
	}
}

/* Markdown table cells: pipes escaped, line breaks as <br>. */
static void
md_escape(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '|')
			buf_add(out, "\\|", 2);
		else if (s[i] == '\n')
			buf_adds(out, "<br>");
		else if (s[i] != '\r')
			buf_addc(out, s[i]);
	}
}

void
json_write(FILE *fp, const json_t *v)
{
	if (json_dumpf(v, fp, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) != 0)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	fputc('\n', fp);
}

static void
flush_line(struct writer *w)
{
	if (w->line.len && fwrite(w->line.data, 1, w->line.len, w->fp) != w->line.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_reset(&w->line);
}

void
writer_open(struct writer *w, const struct writer_opts *o)
{
	memset(w, 0, sizeof *w);
	buf_init(&w->line);
	buf_init(&w->notes);
	w->format = o->format;
	w->excel = o->excel;
	if (w->format == OF_AUTO) {
		int tty = (!o->path || strcmp(o->path, "-") == 0) && isatty(STDOUT_FILENO);

		w->format = tty && !o->excel ? OF_TABLE : OF_CSV;
	}
	w->delim = w->format == OF_TSV ? '\t' : w->excel ? ';' : ',';
	w->eol = w->excel ? "\r\n" : "\n";
	outfile_open(&w->out, o->path);
	w->fp = w->out.fp;
	if (w->excel && (w->format == OF_CSV || w->format == OF_TSV))
		buf_adds(&w->line, "\xEF\xBB\xBF");
}

/* Writes a value of a decimal column with the writer's decimal mark. */
static int json_number_ok(const char *v, size_t *dot);

static void
add_value(struct writer *w, struct buf *b, const struct wcol *c, const char *v)
{
	size_t len = strlen(v), dot;

	if (c->type == WT_DEC && w->excel && memchr(v, '.', len) && json_number_ok(v, &dot)) {
		size_t at = b->len;

		buf_add(b, v, len);
		for (size_t i = at; i < b->len; i++)
			if (b->data[i] == '.')
				b->data[i] = ',';
		return;
	}
	switch (w->format) {
	case OF_TSV:
		tsv_escape(b, v, len);
		break;
	case OF_MD:
		md_escape(b, v, len);
		break;
	default:
		csv_quote(b, v, len, w->delim);
	}
}

void
writer_columns(struct writer *w, const struct wcol *cols, size_t n)
{
	w->cols = xreallocarray(NULL, n, sizeof *cols);
	memcpy(w->cols, cols, n * sizeof *cols);
	w->ncols = n;
	switch (w->format) {
	case OF_CSV:
	case OF_TSV:
		for (size_t i = 0; i < n; i++) {
			struct wcol text = { cols[i].name, WT_TEXT };

			if (i)
				buf_addc(&w->line, w->delim);
			add_value(w, &w->line, &text, cols[i].name);
		}
		buf_adds(&w->line, w->eol);
		flush_line(w);
		break;
	case OF_MD:
		buf_addc(&w->line, '|');
		for (size_t i = 0; i < n; i++) {
			buf_addc(&w->line, ' ');
			md_escape(&w->line, cols[i].name, strlen(cols[i].name));
			buf_adds(&w->line, " |");
		}
		buf_adds(&w->line, "\n|");
		for (size_t i = 0; i < n; i++)
			buf_adds(&w->line, (cols[i].type == WT_TEXT || cols[i].type == WT_LIST) ? " --- |" : " ---: |");
		buf_addc(&w->line, '\n');
		flush_line(w);
		break;
	case OF_JSON:
		if (!w->doc) {
			buf_addc(&w->line, '[');
			flush_line(w);
		}
		break;
	default:
		break;
	}
}

/* Whether v is a JSON number once a decimal comma is read as a point:
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; the point's offset, if
 * any, in *dot. */
static int
json_number_ok(const char *v, size_t *dot)
{
	const char *p = v;

	*dot = (size_t)-1;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (*p == '.' || *p == ',') {
		*dot = (size_t)(p - v);
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* The items of a '|'-separated list, spaces around each trimmed, empty
 * items skipped: calls fn for each. */
static void
list_items(const char *v, void (*fn)(void *, const char *, size_t), void *arg)
{
	while (*v) {
		const char *e = strchr(v, '|');
		size_t len = e ? (size_t)(e - v) : strlen(v);
		const char *s = v;
		size_t n = len;

		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n)
			fn(arg, s, n);
		v += len;
		if (*v)
			v++;
	}
}

struct list_ctx {
	struct buf *b;
	int n;
};

static void
list_quote(void *arg, const char *s, size_t len)
{
	struct list_ctx *c = arg;

	if (c->n++)
		buf_addc(c->b, ',');
	json_quote(c->b, s, len);
}

static void
list_append(void *arg, const char *s, size_t len)
{
	json_t *a = arg, *e = json_stringn(s, len);

	if (!e)
		ess_die(EX_SOFTWARE, _("cannot make a JSON string of '%.*s'"), (int)len, s);
	json_array_append_new(a, e);
}

/* A JSON value for a typed column: numbers stay numbers, "" is null. */
static void
json_value(struct buf *b, const struct wcol *c, const char *v)
{
	size_t dot;

	if (c->type == WT_LIST) {
		struct list_ctx ctx = { b, 0 };

		buf_addc(b, '[');
		list_items(v, list_quote, &ctx);
		buf_addc(b, ']');
	} else if (!*v && c->type != WT_TEXT) {
		buf_adds(b, "null");
	} else if (c->type != WT_TEXT && json_number_ok(v, &dot)) {
		size_t at = b->len;

		buf_adds(b, v);
		if (dot != (size_t)-1)
			b->data[at + dot] = '.';
	} else {
		json_quote(b, v, strlen(v));
	}
}

static json_t *
json_cell(const struct wcol *c, const char *v)
{
	json_t *j;
	size_t dot;

	if (c->type == WT_LIST) {
		j = json_array();
		list_items(v, list_append, j);
		return j;
	}
	if (!*v && c->type != WT_TEXT)
		return json_null();
	if (c->type != WT_TEXT && json_number_ok(v, &dot)) {
		char num[64];

		if (c->type == WT_INT && dot == (size_t)-1 && !strpbrk(v, "eE"))
			j = json_integer(strtoll(v, NULL, 10));
		else {
			snprintf(num, sizeof num, "%s", v);
			if (dot < sizeof num)
				num[dot] = '.';
			j = json_real(strtod(num, NULL));
		}
	} else
		j = json_string(v);
	if (!j)
		ess_die(EX_SOFTWARE, _("cannot make a JSON string of '%s'"), v);
	return j;
}

void
writer_row(struct writer *w, const char *const *v)
{
	size_t i;

	switch (w->format) {
	case OF_CSV:
	case OF_TSV:
		for (i = 0; i < w->ncols; i++) {
			if (i)
				buf_addc(&w->line, w->delim);
			add_value(w, &w->line, &w->cols[i], v[i]);
		}
		buf_adds(&w->line, w->eol);
		break;
	case OF_MD:
		buf_addc(&w->line, '|');
		for (i = 0; i < w->ncols; i++) {
			buf_addc(&w->line, ' ');
			md_escape(&w->line, v[i], strlen(v[i]));
			buf_adds(&w->line, " |");
		}
		buf_addc(&w->line, '\n');
		break;
	case OF_JSON:
		if (w->doc) {
			json_t *o = json_object();

			for (i = 0; i < w->ncols; i++)
				json_object_set_new(o, w->cols[i].name, json_cell(&w->cols[i], v[i]));
			json_array_append_new(w->docrows, o);
			break;
		}
		buf_adds(&w->line, w->rows ? ",\n" : "\n");
		/* FALLTHROUGH */
	case OF_JSONL:
		buf_addc(&w->line, '{');
		for (i = 0; i < w->ncols; i++) {
			if (i)
				buf_addc(&w->line, ',');
			json_quote(&w->line, w->cols[i].name, strlen(w->cols[i].name));
			buf_addc(&w->line, ':');
			json_value(&w->line, &w->cols[i], v[i]);
		}
		buf_addc(&w->line, '}');
		if (w->format == OF_JSONL)
			buf_addc(&w->line, '\n');
		break;
	default:
		if (w->ncells + w->ncols > w->cellcap) {
			w->cellcap = (w->cellcap + w->ncols) * 2;
			w->cells = xreallocarray(w->cells, w->cellcap, sizeof *w->cells);
		}
		for (i = 0; i < w->ncols; i++)
			w->cells[w->ncells++] = xstrdup(v[i]);
		break;
	}
	w->rows++;
	if (w->line.len >= (size_t)64 * 1024)
		flush_line(w);
}

void
writer_note(struct writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&w->notes, fmt, ap);
	va_end(ap);
	buf_addc(&w->notes, '\n');
}

void
writer_doc(struct writer *w, json_t *doc, const char *key)
{
	w->doc = doc;
	w->docrows = json_array();
	json_object_set_new(doc, key, w->docrows);
}

FILE *
writer_file(struct writer *w)
{
	flush_line(w);
	return w->fp;
}

/* Pads to width display columns. */
static void
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

static void
write_table(struct writer *w)
{
	size_t nrows = w->ncols ? w->ncells / w->ncols : 0, i, j;
	size_t *width = xcalloc(w->ncols ? w->ncols : 1, sizeof *width);

	for (j = 0; j < w->ncols; j++)
		width[j] = text_width(w->cols[j].name, strlen(w->cols[j].name));
	for (i = 0; i < nrows; i++)
		for (j = 0; j < w->ncols; j++) {
			const char *c = w->cells[i * w->ncols + j];
			size_t cw = text_width(c, strlen(c));

			if (cw > width[j])
				width[j] = cw;
		}
	for (i = 0; i <= nrows + 1; i++) {
		for (j = 0; j < w->ncols; j++) {
			const char *c;
			size_t cw;
			int right = w->cols[j].type == WT_INT || w->cols[j].type == WT_DEC;
			int last = j + 1 == w->ncols;

			if (i == 1) {
				for (size_t k = 0; k < width[j]; k++)
					buf_adds(&w->line, "─");
				if (!last)
					buf_adds(&w->line, "  ");
				continue;
			}
			c = i == 0 ? w->cols[j].name : w->cells[(i - 2) * w->ncols + j];
			cw = text_width(c, strlen(c));
			if (right)
				pad(&w->line, width[j] - cw);
			for (const char *p = c; *p; p++)
				buf_addc(&w->line, *p == '\n' || *p == '\t' ? ' ' : *p);
			if (!right && !last)
				pad(&w->line, width[j] - cw);
			if (!last)
				buf_adds(&w->line, "  ");
		}
		while (w->line.len && w->line.data[w->line.len - 1] == ' ')
			w->line.len--;
		buf_addc(&w->line, '\n');
		flush_line(w);
	}
	free(width);
}

void
writer_close(struct writer *w)
{
	switch (w->format) {
	case OF_TABLE:
		write_table(w);
		if (w->notes.len) {
			buf_addc(&w->line, '\n');
			buf_add(&w->line, w->notes.data, w->notes.len);
		}
		break;
	case OF_MD:
		if (w->notes.len) {
			buf_addc(&w->line, '\n');
			for (char *p = w->notes.data; *p; ) {
				char *nl = strchr(p, '\n');

				buf_add(&w->line, p, (size_t)(nl - p));
				buf_adds(&w->line, "  \n");
				p = nl + 1;
			}
		}
		break;
	case OF_JSON:
		if (w->doc) {
			flush_line(w);
			json_write(w->fp, w->doc);
		} else {
			buf_adds(&w->line, w->rows ? "\n]\n" : "]\n");
		}
		break;
	default:
		break;
	}
	flush_line(w);
	outfile_commit(&w->out);
	for (size_t i = 0; i < w->ncells; i++)
		free(w->cells[i]);
	free(w->cells);
	free(w->cols);
	json_decref(w->doc);
	buf_release(&w->line);
	buf_release(&w->notes);
	w->doc = NULL;
	w->cells = NULL;
	w->cols = NULL;
}
