/*
 * import-gogocarto.c: a GoGoCarto JSON export onto the record.
 *
 * The export is an object whose "data" holds the elements, or a plain
 * array of them.  It is read whole by jansson (GoGoCarto maps hold
 * thousands of elements, not millions); a short scan of the text finds
 * where each element starts, so that messages name its line and column.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "input.h"
#include "json.h"
#include "sirene-import.h"
#include "text.h"

enum { X_RULE = D_NCOLS };
static const char *const extras[] = { "family_rule" };

/* Where an element starts in the file. */
struct pos {
	long line, col;
};

struct gogo {
	const char *name;
	struct pos *pos;	/* of each element */
	size_t npos, cap;
	struct imp_out out;
	struct buf tags, hours, rule, text[8];
	char lat[32], lon[32], date[11], num[8][32];
	long rejected;
};

/* Records where an element starts. */
static void
pos_add(struct gogo *g, long line, long col)
{
	if (g->npos == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 256;
		g->pos = xreallocarray(g->pos, g->cap, sizeof *g->pos);
	}
	g->pos[g->npos++] = (struct pos){ line, col };
}

/*
 * Finds where each element of the elements' array starts: the top-level
 * array, or the array under the top-level key "data".  The text is valid
 * JSON (jansson read it first), so counting brackets outside strings is
 * enough.
 */
static void
find_elements(struct gogo *g, const char *s, size_t len)
{
	long line = 1, col = 1;
	int depth = 0, in_str = 0, esc = 0, expect = 0, data_key = 0, next_is_data = 0;
	int arr = -1;		/* depth inside the elements' array, once found */
	size_t str_at = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (in_str) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"') {
				in_str = 0;
				data_key = depth == 1 && i - str_at == 4 && memcmp(s + str_at, "data", 4) == 0;
			}
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			/* nothing */
		} else {
			if (depth == arr && expect && c != ']' && c != ',') {
				pos_add(g, line, col);
				expect = 0;
			}
			switch (c) {
			case '"':
				in_str = 1;
				str_at = i + 1;
				break;
			case ':':
				next_is_data = depth == 1 && data_key;
				break;
			case '[':
				if (arr < 0 && (depth == 0 || (depth == 1 && next_is_data)))
					arr = depth + 1, expect = 1;
				depth++;
				next_is_data = 0;
				break;
			case '{':
				depth++;
				next_is_data = 0;
				break;
			case ']': case '}':
				if (depth == arr)
					arr = -2;	/* done */
				depth--;
				break;
			case ',':
				if (depth == arr)
					expect = 1;
				next_is_data = 0;
				break;
			default:
				next_is_data = 0;
			}
		}
		if (c == '\n')
			line++, col = 1;
		else if (((unsigned char)c & 0xC0) != 0x80)
			col++;
	}
}

/* The position of element i, for messages. */
static void
element_warn(struct gogo *g, size_t i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void
element_warn(struct gogo *g, size_t i, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	long line = i < g->npos ? g->pos[i].line : 0, col = i < g->npos ? g->pos[i].col : 0;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	ess_warn_at(g->name, line, col, "%s", msg.data);
	buf_release(&msg);
}

/* An element that cannot be imported: said, then the run stops (exit 65)
 * or, with --keep-going, goes on and ends with 65. */
static void
element_reject(struct gogo *g, size_t i, const char *msg)
{
	element_warn(g, i, _("element %zu: %s"), i + 1, msg);
	g->rejected++;
	if (!cli.in.keep_going)
		ess_exit(EX_DATAERR);
	ess_exit_status = EX_DATAERR;
}

/* The text of a scalar (strings as they are, numbers written out, true
 * and false); "" for null, a missing key, or an object or array.  k picks
 * the buffer numbers are written into. */
static const char *
scalar(struct gogo *g, const json_t *v, int k)
{
	if (!v)
		return "";
	switch (json_typeof(v)) {
	case JSON_STRING:
		return json_string_value(v);
	case JSON_INTEGER:
		snprintf(g->num[k], sizeof g->num[k], "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return g->num[k];
	case JSON_REAL:
		snprintf(g->num[k], sizeof g->num[k], "%.15g", json_real_value(v));
		return g->num[k];
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	default:
		return "";
	}
}

/* A value trimmed of the spaces around it, in text buffer k. */
static const char *
trimmed(struct gogo *g, const char *s, int k)
{
	size_t n = strlen(s);

	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	buf_reset(&g->text[k]);
	buf_add(&g->text[k], s, n);
	return g->text[k].data;
}

static const char *
get(struct gogo *g, const json_t *o, const char *key, int k)
{
	return trimmed(g, scalar(g, json_object_get(o, key), k), k);
}

/* A coordinate from geo, under either of two names; NaN when missing,
 * -INFINITY when it is no number. */
static double
coord(struct gogo *g, const json_t *geo, const char *k1, const char *k2)
{
	const json_t *v = json_object_get(geo, k1);
	double d;

	if (!v)
		v = json_object_get(geo, k2);
	if (!v || json_is_null(v))
		return NAN;
	if (json_is_number(v))
		return json_number_value(v);
	if (json_is_string(v) && !*json_string_value(v))
		return NAN;
	if (json_is_string(v) && geo_parse_coord(json_string_value(v), &d) == 0)
		return d;
	(void)g;
	return -INFINITY;
}

static void
latlon(struct gogo *g, const json_t *e, size_t i)
{
	const json_t *geo = json_object_get(e, "geo");
	double lat, lon;

	g->out.v[D_LAT] = g->out.v[D_LON] = "";
	if (!json_is_object(geo))
		return;
	lat = coord(g, geo, "latitude", "lat");
	lon = coord(g, geo, "longitude", "lng");
	if (isnan(lat) && isnan(lon))
		return;
	if (isnan(lat) || isnan(lon) || !geo_valid_latlon(lat, lon)) {
		element_warn(g, i, _("element %zu: geo is not a latitude and a longitude in degrees: no lat/lon"), i + 1);
		return;
	}
	g->out.v[D_LAT] = geo_format_coord(lat, g->lat);
	g->out.v[D_LON] = geo_format_coord(lon, g->lon);
}

/* Appends a category name to the tags ('|' in it becomes '/'), and takes
 * the first one that names a family. */
static void
add_tag(struct gogo *g, const char *s, int *family)
{
	size_t at, n;

	s = trimmed(g, s, 7);
	n = strlen(s);
	if (!n)
		return;
	if (g->tags.len)
		buf_addc(&g->tags, '|');
	at = g->tags.len;
	buf_add(&g->tags, s, n);
	for (size_t k = at; k < g->tags.len; k++)
		if (g->tags.data[k] == '|')
			g->tags.data[k] = '/';
	if (*family < 0 && (*family = imp_family(s, n)) >= 0) {
		buf_reset(&g->rule);
		buf_printf(&g->rule, "gogocarto category '%s'", s);
	}
}

/* categories and optionValues: names, or objects with a name. */
static void
tags(struct gogo *g, const json_t *e)
{
	static const char *const keys[] = { "categories", "optionValues" };
	int family = -1;

	buf_reset(&g->tags);
	for (size_t k = 0; k < 2; k++) {
		const json_t *list = json_object_get(e, keys[k]), *v;
		size_t j;

		if (json_is_string(list))
			add_tag(g, json_string_value(list), &family);
		if (!json_is_array(list))
			continue;
		json_array_foreach(list, j, v) {
			if (json_is_object(v))
				v = json_object_get(v, "name");
			if (json_is_string(v))
				add_tag(g, json_string_value(v), &family);
		}
	}
	g->out.v[D_TAGS] = g->tags.data;
	g->out.v[D_FAMILY] = family >= 0 ? family_names[family] : "";
	g->out.v[X_RULE] = family >= 0 ? g->rule.data : "unknown: no category names a family";
}

/* The hours of one day: "09:00-12:00,14:00-18:00" as written, or
 * GoGoCarto's older slots {"slot1start": "09:00", "slot1end": ...}. */
static void
day_hours(struct gogo *g, const json_t *v, struct buf *b)
{
	if (json_is_string(v)) {
		buf_adds(b, trimmed(g, json_string_value(v), 6));
		return;
	}
	if (!json_is_object(v))
		return;
	for (int k = 1; k <= 4; k++) {
		char ks[32], ke[32];
		const json_t *a, *z;

		snprintf(ks, sizeof ks, "slot%dstart", k);
		snprintf(ke, sizeof ke, "slot%dend", k);
		a = json_object_get(v, ks);
		z = json_object_get(v, ke);
		if (!json_is_string(a) || !json_is_string(z) || !*json_string_value(a))
			continue;
		if (b->len)
			buf_addc(b, ',');
		buf_printf(b, "%s-%s", json_string_value(a), json_string_value(z));
	}
}

/*
 * openHours as OpenStreetMap's opening_hours: days with the same hours
 * are grouped ("Mo,Tu,Th 15:00-17:00", a run of three or more as
 * "Mo-Fr"), in the week's order, separated by "; ".
 */
static void
opening_hours(struct gogo *g, const json_t *e)
{
	static const char *const days[7] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	static const char *const long_days[7] = { "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday" };
	const json_t *oh = json_object_get(e, "openHours");
	struct buf *b = &g->hours;
	struct buf h[7];
	int done[7] = { 0 };

	buf_reset(b);
	g->out.v[D_OPENING_HOURS] = b->data;
	if (json_is_string(oh)) {
		buf_adds(b, trimmed(g, json_string_value(oh), 6));
		g->out.v[D_OPENING_HOURS] = b->data;
		return;
	}
	if (!json_is_object(oh))
		return;
	for (int d = 0; d < 7; d++) {
		const json_t *v = json_object_get(oh, days[d]);

		if (!v)
			v = json_object_get(oh, long_days[d]);
		buf_init(&h[d]);
		day_hours(g, v, &h[d]);
	}
	for (int d = 0; d < 7; d++) {
		int same[7] = { 0 };

		if (done[d] || !h[d].len)
			continue;
		for (int k = d; k < 7; k++)
			if (!done[k] && h[k].len == h[d].len && strcmp(h[k].data, h[d].data) == 0)
				same[k] = done[k] = 1;
		if (b->len)
			buf_adds(b, "; ");
		for (int k = d, first = 1; k < 7; k++) {
			int run = 0;

			if (!same[k])
				continue;
			while (k + run + 1 < 7 && same[k + run + 1])
				run++;
			buf_adds(b, first ? "" : ",");
			first = 0;
			if (run >= 2) {
				buf_printf(b, "%s-%s", days[k], days[k + run]);
				k += run;
			} else {
				buf_adds(b, days[k]);
			}
		}
		buf_printf(b, " %s", h[d].data);
	}
	for (int d = 0; d < 7; d++)
		buf_release(&h[d]);
	g->out.v[D_OPENING_HOURS] = b->data;
}

static void
do_element(struct gogo *g, const json_t *e, size_t i)
{
	const char **v = g->out.v;
	const json_t *addr;
	const char *s;

	if (!json_is_object(e)) {
		element_reject(g, i, _("not an object ({...})"));
		return;
	}
	v[D_ID] = get(g, e, "id", 0);
	v[D_NAME] = get(g, e, "name", 1);
	if (!*v[D_NAME])
		element_warn(g, i, _("element %zu: no name"), i + 1);
	v[D_DESCRIPTION] = get(g, e, "description", 2);
	if (!*v[D_DESCRIPTION])
		v[D_DESCRIPTION] = get(g, e, "descriptionMore", 2);
	addr = json_object_get(e, "address");
	if (json_is_object(addr)) {
		v[D_ADDRESS] = get(g, addr, "streetAddress", 3);
		v[D_POSTCODE] = get(g, addr, "postalCode", 4);
		v[D_COMMUNE] = get(g, addr, "addressLocality", 5);
	} else {
		v[D_ADDRESS] = trimmed(g, scalar(g, addr, 3), 3);	/* a one-line address */
	}
	latlon(g, e, i);
	v[D_EMAIL] = scalar(g, json_object_get(e, "email"), 0);
	v[D_PHONE] = scalar(g, json_object_get(e, "telephone"), 1);
	v[D_WEBSITE] = scalar(g, json_object_get(e, "website"), 2);
	tags(g, e);
	opening_hours(g, e);
	v[D_SOURCE] = "gogocarto";
	s = scalar(g, json_object_get(e, "updatedAt"), 3);
	v[D_UPDATED] = imp_date(s, strlen(s), g->date);
	if (!v[D_UPDATED]) {
		element_warn(g, i, _("element %zu: updatedAt '%s' is not a date: left empty"), i + 1, s);
		v[D_UPDATED] = "";
	}
	imp_out_row(&g->out);
}

/* Reads a whole file (through --encoding if given) into in's buffer. */
static void
read_all(struct input *in, const char *path)
{
	input_open(in, path, cli.in.encoding, NULL);
	in->max_cap = (size_t)1 << 30;
	while (input_fill(in))
		;
}

static void
import_file(struct gogo *g, const char *path)
{
	struct input in;
	json_error_t err;
	json_t *doc, *data;
	const char *s;
	size_t len, bad, i;
	json_t *e;

	read_all(&in, path);
	g->name = in.name;
	s = in.buf + in.pos;
	len = in.end - in.pos;
	if ((bad = utf8_check(s, len)) < len) {
		long line = 1, col = 1;

		for (size_t k = 0; k < bad; k++)
			if (s[k] == '\n')
				line++, col = 1;
			else if (((unsigned char)s[k] & 0xC0) != 0x80)
				col++;
		ess_die_at(EX_DATAERR, in.name, line, col, "%s",
			_("invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"));
	}
	doc = json_loadb(s, len, JSON_REJECT_DUPLICATES, &err);
	if (!doc)
		ess_die_at(EX_DATAERR, in.name, err.line, err.column, "%s", err.text);
	data = json_is_array(doc) ? doc : json_object_get(doc, "data");
	if (!json_is_array(data))
		ess_die_at(EX_DATAERR, in.name, 1, 1, "%s",
			_("not a GoGoCarto export: neither an array of elements nor an object with a \"data\" array"));
	g->npos = 0;
	find_elements(g, s, len);
	/* The output is opened once the first file is known to be good. */
	if (!g->out.v)
		imp_out_open(&g->out, extras, sizeof extras / sizeof *extras);
	json_array_foreach(data, i, e)
		do_element(g, e, i);
	json_decref(doc);
	input_close(&in);
}

int
import_gogocarto(char **files)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };
	struct gogo g;

	memset(&g, 0, sizeof g);
	json_use_xmalloc();
	buf_init(&g.tags);
	buf_init(&g.hours);
	buf_init(&g.rule);
	for (size_t k = 0; k < sizeof g.text / sizeof *g.text; k++)
		buf_init(&g.text[k]);
	if (!files || !files[0])
		files = stdin_only;
	for (size_t i = 0; files[i]; i++)
		import_file(&g, files[i]);
	imp_out_close(&g.out, g.rejected);
	buf_release(&g.tags);
	buf_release(&g.hours);
	buf_release(&g.rule);
	for (size_t k = 0; k < sizeof g.text / sizeof *g.text; k++)
		buf_release(&g.text[k]);
	free(g.pos);
	return 0;
}
