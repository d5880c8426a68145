/*
 * render.c: the render command (one minutes file to md, html, txt or
 * json), the words the rendered page says in every format (type, date,
 * the header's lines, the attendance summary, the note under a tally),
 * and the JSON document.
 *
 * The page's words are French whatever the locale: they are the minutes
 * an association prints, not messages of the program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "err.h"
#include "render.h"
#include "write.h"

static const char doc[] = N_(
	"Render one minutes file (FILE, or standard input when FILE is - or "
	"missing) as Markdown, HTML, plain text or JSON."
	"\v-o md (the default) writes clean Markdown for any viewer or pandoc; "
	"-o html one self-contained printable page (A4, embedded style); -o txt "
	"plain text wrapped at 72 columns; -o json the structured document "
	"(header, attendance, items, decisions, actions, tables).  Without -o, "
	"-O FILE chooses the format by FILE's extension (.md, .html, .txt, "
	".json).  The header is removed and its data open the document, with "
	"the attendance summary when it names a sign-in sheet; data blocks "
	"become tables; raw HTML is shown as text; links other than http, https "
	"and mailto, and images, are rendered as their text alone.");

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	return minutes_parse_arg(key, arg, state);
}

const struct argp render_argp = {
	NULL, parse_opt, N_("[FILE]"), doc, cli_children, NULL, ESS_PACKAGE,
};

/* ------------------------------------------------------------ words */

static const char *const months[] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};
static const char *const days[] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

const char *
type_label(const char *type)
{
	if (!type || !*type)
		return NULL;
	if (strcmp(type, "compte-rendu") == 0)
		return "Compte rendu";
	if (strcmp(type, "pv-ag") == 0)
		return "Procès-verbal d'assemblée générale";
	if (strcmp(type, "pv-ca") == 0)
		return "Procès-verbal de conseil d'administration";
	return type;
}

void
french_date(struct buf *b, ess_day day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	buf_printf(b, "%s %d%s %s %d", days[date_weekday(day) - 1], d, d == 1 ? "er" : "",
		months[m - 1], y);
}

void
short_date(struct buf *b, ess_day day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	buf_printf(b, "%02d/%02d/%04d", d, m, y);
}

const char *
mkind_label(enum mkind k)
{
	return k == MK_DECISION ? "DÉCISION" : k == MK_ACTION ? "ACTION" : "INFO";
}

void
entry_tail(struct buf *b, const struct mentry *e)
{
	int n = 0;

	/* No-break spaces keep "Pour 44" and "Qui : Marie" whole when the
	 * line is wrapped. */
	if (e->votes_for >= 0 || e->votes_against >= 0 || e->votes_abstain >= 0) {
		buf_adds(b, " — ");
		if (e->votes_for >= 0)
			buf_printf(b, "%sour" NBSP "%ld", n++ ? ", p" : "P", e->votes_for);
		if (e->votes_against >= 0)
			buf_printf(b, "%sontre" NBSP "%ld", n++ ? ", c" : "C", e->votes_against);
		if (e->votes_abstain >= 0)
			buf_printf(b, "%sbstention" NBSP "%ld", n++ ? ", a" : "A", e->votes_abstain);
	}
	if (e->owner && *e->owner)
		buf_printf(b, " — Qui" NBSP ": %s", e->owner);
	if (e->due) {
		buf_adds(b, " — Échéance" NBSP ": ");
		short_date(b, e->due);
	}
}

static char *
hhmm(const char *t, char *out)
{
	snprintf(out, 8, "%.2sh%.2s", t, t[2] == ':' ? t + 3 : t + 2);
	return out;
}

static void
meta_add(struct meta *mt, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	mt->lines = xreallocarray(mt->lines, mt->n + 1, sizeof *mt->lines);
	mt->lines[mt->n++] = (struct metaline){ label, xstrdup(value) };
}

static void
att_add(struct meta *mt, struct buf *b)
{
	mt->att = xreallocarray(mt->att, mt->natt + 1, sizeof *mt->att);
	mt->att[mt->natt++] = xstrdup(b->data);
	buf_reset(b);
}

static const char *
plural(long n, const char *s)
{
	return n > 1 ? s : "";
}

/* "50 participants : 21 structures, 7 partenaires", the sign-in sheet's
 * count as the seed's minutes write it; the organisations only when the
 * sheet names some. */
static void
participants(struct buf *b, const struct attendance *a)
{
	buf_printf(b, "%ld participant%s", a->participants, plural(a->participants, "s"));
	if (a->structures || a->partners)
		buf_printf(b, NBSP ": %ld structure%s, %ld partenaire%s", a->structures,
			plural(a->structures, "s"), a->partners, plural(a->partners, "s"));
}

void
meta_build(struct meta *mt, const struct minutes *m)
{
	struct buf b = BUF_INIT;
	const char *type = type_label(m->type);
	char t1[8], t2[8];

	memset(mt, 0, sizeof *mt);
	if (type)
		buf_adds(&b, type);
	if (m->date) {
		if (b.len)
			buf_adds(&b, " — ");
		french_date(&b, m->date);
	}
	if (*m->start && *m->end)
		buf_printf(&b, "%sde" NBSP "%s à" NBSP "%s", b.len ? ", " : "", hhmm(m->start, t1), hhmm(m->end, t2));
	else if (*m->start)
		buf_printf(&b, "%sà" NBSP "%s", b.len ? ", " : "", hhmm(m->start, t1));
	else if (*m->end)
		buf_printf(&b, "%sjusqu'à" NBSP "%s", b.len ? ", " : "", hhmm(m->end, t2));
	if (b.len) {
		/* A capital for a line that starts with the weekday. */
		if (b.data[0] >= 'a' && b.data[0] <= 'z')
			b.data[0] = (char)(b.data[0] - 'a' + 'A');
		mt->when = xstrdup(b.data);
	}
	buf_reset(&b);
	meta_add(mt, "Lieu", m->place);
	meta_add(mt, "Organisation", m->organiser);
	meta_add(mt, "Convocation", m->convened);
	meta_add(mt, "Présidence de séance", m->chair);
	meta_add(mt, "Secrétariat de séance", m->secretary);
	if (m->has_att) {
		const struct attendance *a = &m->att;

		participants(&b, a);
		att_add(mt, &b);
		buf_printf(&b, "Présent%s" NBSP ": %ld" NBSP "; représenté%s" NBSP ": %ld", plural(a->present, "s"),
			a->present, plural(a->represented, "s"), a->represented);
		att_add(mt, &b);
		if (a->quorum >= 0) {
			buf_printf(&b, "Quorum" NBSP ": %s (%ld requis, %ld présents ou représentés",
				a->quorum_met ? "atteint" : "non atteint", a->quorum,
				a->present + a->represented);
			if (a->eligible >= 0)
				buf_printf(&b, ", sur %ld membres", a->eligible);
			buf_addc(&b, ')');
			att_add(mt, &b);
		}
	}
	buf_release(&b);
}

void
meta_release(struct meta *mt)
{
	free(mt->when);
	for (size_t i = 0; i < mt->n; i++)
		free(mt->lines[i].text);
	free(mt->lines);
	for (size_t i = 0; i < mt->natt; i++)
		free(mt->att[i]);
	free(mt->att);
}

static const char *
jstr(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The note under an ess-tally document's table. */
static void
tally_note(struct buf *b, const struct mblock *bl)
{
	const json_t *j = bl->table.json, *v;
	const char *method = jstr(j, "method"), *rule = jstr(j, "rule");

	if (!json_is_object(j) || !method)
		return;
	buf_printf(b, "Dépouillement" NBSP ": méthode %s", method);
	if (rule)
		buf_printf(b, " (%s)", rule);
	if (json_is_integer(v = json_object_get(j, "ballots")))
		buf_printf(b, ", %lld" NBSP "bulletin%s", (long long)json_integer_value(v),
			json_integer_value(v) > 1 ? "s" : "");
	if (strcmp(method, "motion") == 0) {
		const json_t *q = json_object_get(j, "quorum"), *met = json_object_get(j, "quorum_met");
		const json_t *pr = json_object_get(j, "present"), *re = json_object_get(j, "represented");

		if (json_is_integer(pr) && json_is_integer(re))
			buf_printf(b, NBSP "; présents" NBSP ": %lld, représentés" NBSP ": %lld",
				(long long)json_integer_value(pr), (long long)json_integer_value(re));
		if (json_is_integer(q))
			buf_printf(b, NBSP "; quorum %s (%lld" NBSP "requis)", json_is_true(met) ? "atteint" : "non atteint",
				(long long)json_integer_value(q));
	}
	buf_addc(b, '.');
}

void
block_note(struct buf *b, const struct mblock *bl)
{
	const struct attendance *a = &bl->att;

	if (bl->tag == MB_TALLY)
		tally_note(b, bl);
	else if (bl->tag == MB_ATTENDANCE)
	{
		participants(b, a);
		buf_printf(b, NBSP "; présent%s" NBSP ": %ld, représenté%s" NBSP ": %ld.",
			plural(a->present, "s"), a->present, plural(a->represented, "s"), a->represented);
	}
}

static int
is_number(const char *s)
{
	const char *p = s;

	if (*p == '-' || *p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return 0;
	while ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9'))
		p++;
	if (*p == '%')
		p++;
	return *p == '\0';
}

int
table_col_numeric(const struct mtable *t, size_t c)
{
	int any = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		const char *v = t->cells[r][c];

		if (!*v)
			continue;
		if (!is_number(v))
			return 0;
		any = 1;
	}
	return any;
}

/* ------------------------------------------------------------ JSON */

static json_t *
jstring(const char *s)
{
	json_t *j = json_string(s ? s : "");

	if (!j)
		ess_die(EX_DATAERR, _("cannot make a JSON string of '%s'"), s);
	return j;
}

static json_t *
jstring_or_null(const char *s)
{
	return !s || !*s ? json_null() : jstring(s);
}

static json_t *
jlong_or_null(long v)
{
	return v < 0 ? json_null() : json_integer(v);
}

static json_t *
jdate_or_null(ess_day d)
{
	char iso[16];

	return d ? json_string(date_format(d, iso)) : json_null();
}

static json_t *
entry_json(const struct minutes *m, const struct mentry *e)
{
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_string(mkind_name(e->kind)));
	json_object_set_new(o, "item", json_integer((json_int_t)m->items[e->item].number));
	json_object_set_new(o, "line", json_integer(e->line));
	json_object_set_new(o, "text", jstring_or_null(e->text));
	json_object_set_new(o, "owner", jstring_or_null(e->owner));
	json_object_set_new(o, "due", jdate_or_null(e->due));
	json_object_set_new(o, "for", jlong_or_null(e->votes_for));
	json_object_set_new(o, "against", jlong_or_null(e->votes_against));
	json_object_set_new(o, "abstain", jlong_or_null(e->votes_abstain));
	return o;
}

static json_t *
att_json(const struct attendance *a)
{
	json_t *o = json_object();

	json_object_set_new(o, "participants", json_integer(a->participants));
	json_object_set_new(o, "structures", json_integer(a->structures));
	json_object_set_new(o, "partners", json_integer(a->partners));
	json_object_set_new(o, "present", json_integer(a->present));
	json_object_set_new(o, "represented", json_integer(a->represented));
	json_object_set_new(o, "eligible", jlong_or_null(a->eligible));
	json_object_set_new(o, "quorum", jlong_or_null(a->quorum));
	json_object_set_new(o, "quorum_met", a->quorum < 0 ? json_null() : json_boolean(a->quorum_met));
	return o;
}

/* A cell: the number of the JSON document it was read from when it was
 * one there, else its text. */
static json_t *
cell_json(const struct mtable *t, size_t r, size_t c)
{
	const json_t *rows = json_object_get(t->json, "rows"), *v = NULL;

	if (json_is_array(rows))
		v = json_object_get(json_array_get(rows, r), t->cols[c]);
	else if (json_is_array(t->json))
		v = json_object_get(json_array_get(t->json, r), t->cols[c]);
	if (json_is_number(v))
		return json_deep_copy(v);
	return jstring(t->cells[r][c]);
}

static json_t *
table_json(const struct minutes *m, const struct mblock *bl)
{
	json_t *o = json_object(), *cols = json_array(), *rows = json_array();
	const struct mtable *t = &bl->table;
	const json_t *method = json_object_get(t->json, "method");

	json_object_set_new(o, "tag", json_string(mblock_tag_name(bl->tag)));
	json_object_set_new(o, "item", json_integer((json_int_t)m->items[bl->item].number));
	json_object_set_new(o, "line", json_integer(bl->line));
	json_object_set_new(o, "include", jstring_or_null(bl->include));
	for (size_t c = 0; c < t->ncols; c++)
		json_array_append_new(cols, json_string(t->cols[c]));
	json_object_set_new(o, "columns", cols);
	for (size_t r = 0; r < t->nrows; r++) {
		json_t *row = json_array();

		for (size_t c = 0; c < t->ncols; c++)
			json_array_append_new(row, cell_json(t, r, c));
		json_array_append_new(rows, row);
	}
	json_object_set_new(o, "rows", rows);
	json_object_set_new(o, "tally", bl->tag == MB_TALLY && json_is_string(method) ?
		json_deep_copy(t->json) : json_null());
	json_object_set_new(o, "attendance", bl->tag == MB_ATTENDANCE ? att_json(&bl->att) : json_null());
	return o;
}

void
render_json(struct rdoc *d, FILE *fp)
{
	const struct minutes *m = d->m;
	json_t *o = json_object(), *hdr = json_object(), *items = json_array();
	json_t *kinds[3] = { json_array(), json_array(), json_array() }, *tables = json_array();
	json_object_set_new(o, "path", json_string(m->path));
	for (size_t i = 0; i < m->nfields; i++)
		json_object_set_new(hdr, m->fields[i].key, jstring(m->fields[i].value));
	json_object_set_new(o, "header", hdr);
	json_object_set_new(o, "title", jstring_or_null(d->title));
	json_object_set_new(o, "type", jstring_or_null(m->type));
	json_object_set_new(o, "date", jdate_or_null(m->date));
	json_object_set_new(o, "start", jstring_or_null(m->start));
	json_object_set_new(o, "end", jstring_or_null(m->end));
	json_object_set_new(o, "place", jstring_or_null(m->place));
	json_object_set_new(o, "organiser", jstring_or_null(m->organiser));
	json_object_set_new(o, "convened", jstring_or_null(m->convened));
	json_object_set_new(o, "chair", jstring_or_null(m->chair));
	json_object_set_new(o, "secretary", jstring_or_null(m->secretary));
	json_object_set_new(o, "eligible", jlong_or_null(m->eligible));
	json_object_set_new(o, "attendance", m->has_att ? att_json(&m->att) : json_null());
	for (size_t i = 0; i < m->nitems; i++) {
		json_t *it = json_object(), *k[3] = { json_array(), json_array(), json_array() };

		json_object_set_new(it, "number", json_integer((json_int_t)m->items[i].number));
		json_object_set_new(it, "title", json_string(m->items[i].title ? m->items[i].title : ""));
		json_object_set_new(it, "line", json_integer(m->items[i].line));
		for (size_t e = 0; e < m->nentries; e++)
			if (m->entries[e].item == i)
				json_array_append_new(k[m->entries[e].kind], entry_json(m, &m->entries[e]));
		json_object_set_new(it, "decisions", k[MK_DECISION]);
		json_object_set_new(it, "actions", k[MK_ACTION]);
		json_object_set_new(it, "infos", k[MK_INFO]);
		json_array_append_new(items, it);
	}
	json_object_set_new(o, "items", items);
	for (size_t e = 0; e < m->nentries; e++)
		json_array_append_new(kinds[m->entries[e].kind], entry_json(m, &m->entries[e]));
	json_object_set_new(o, "decisions", kinds[MK_DECISION]);
	json_object_set_new(o, "actions", kinds[MK_ACTION]);
	json_object_set_new(o, "infos", kinds[MK_INFO]);
	for (size_t b = 0; b < m->nblocks; b++)
		json_array_append_new(tables, table_json(m, &m->blocks[b]));
	json_object_set_new(o, "tables", tables);
	json_write(fp, o);
	json_decref(o);
}

/* ------------------------------------------------------------ the command */

/* The format: -o, else -O's extension, else Markdown. */
static enum out_format
pick_format(void)
{
	static const struct {
		const char *ext;
		enum out_format f;
	} exts[] = {
		{ ".md", OF_MD }, { ".markdown", OF_MD }, { ".html", OF_HTML }, { ".htm", OF_HTML },
		{ ".txt", OF_TXT }, { ".json", OF_JSON },
	};
	const char *p = cli.out.path;

	if (cli.out.format != OF_AUTO)
		return cli.out.format;
	if (p && strcmp(p, "-") != 0) {
		size_t n = strlen(p);

		for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
			size_t e = strlen(exts[i].ext);

			if (n > e && strcasecmp(p + n - e, exts[i].ext) == 0)
				return exts[i].f;
		}
	}
	return OF_MD;
}

static void
put(FILE *fp, struct buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
}

int
render_run(char **files)
{
	struct writer_opts wo = cli.out;
	struct minutes m;
	struct writer w;
	struct rdoc d;
	struct buf out = BUF_INIT;
	const char *path = files && files[0] ? files[0] : "-";
	enum out_format f = pick_format();

	if (files && files[0] && files[1])
		ess_die(EX_USAGE, _("render takes one FILE, not %s and %s"), files[0], files[1]);
	if (cli.out.excel)
		ess_die(EX_USAGE, "%s", _("--excel writes CSV: render writes md, html, txt or json"));
	if (f != OF_MD && f != OF_HTML && f != OF_TXT && f != OF_JSON)
		ess_die(EX_USAGE, _("render writes md, html, txt or json, not %s"), out_format_name(f));
	memset(&m, 0, sizeof m);
	minutes_read(&m, path);
	rdoc_init(&d, &m);
	/* The writer only carries the stream (and -O's atomic rename): every
	 * format here is drawn on writer_file, so it is opened as txt, which
	 * writer_close leaves alone. */
	wo.format = OF_TXT;
	writer_open(&w, &wo);
	switch (f) {
	case OF_JSON:
		render_json(&d, writer_file(&w));
		break;
	case OF_HTML:
		render_html(&d, &out);
		break;
	case OF_TXT:
		render_txt(&d, &out);
		break;
	default:
		render_md(&d, &out);
	}
	put(writer_file(&w), &out);
	writer_close(&w);
	buf_release(&out);
	rdoc_release(&d);
	minutes_free(&m);
	return 0;
}
