/*
 * query.c: keeps the records that match every condition given, streaming
 * row by row; columns it does not know are carried through.
 *
 * Conditions are tried cheapest first (family, postcode, commune, date,
 * distance), so the folded word search runs only on the rows that are
 * left.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "text.h"

enum {
	OPT_FAMILY = 0x200, OPT_POSTCODE, OPT_COMMUNE, OPT_SEARCH, OPT_OFFERS,
	OPT_NEEDS, OPT_NEAR, OPT_RADIUS, OPT_UPDATED_SINCE, OPT_COUNT,
};

static const struct argp_option options[] = {
	{ "family", OPT_FAMILY, N_("F[,F]..."), 0, N_("association, cooperative, mutual, foundation, esus, company, public or other"), 0 },
	{ "postcode", OPT_POSTCODE, N_("PREFIX[,PREFIX]..."), 0, N_("postcodes starting with PREFIX (24: the Dordogne)"), 0 },
	{ "commune", OPT_COMMUNE, N_("NAME"), 0, N_("the commune, ignoring case, accents and hyphens"), 0 },
	{ "search", OPT_SEARCH, N_("WORDS"), 0, N_("every word in the name, description, offers, needs or tags (word* for a prefix)"), 0 },
	{ "offers", OPT_OFFERS, N_("TAG"), 0, N_("an offer holding every word of TAG"), 0 },
	{ "needs", OPT_NEEDS, N_("TAG"), 0, N_("a need holding every word of TAG"), 0 },
	{ "near", OPT_NEAR, N_("LAT,LON"), 0, N_("located within --radius of this point (WGS84 degrees)"), 0 },
	{ "radius", OPT_RADIUS, N_("KM"), 0, N_("distance for --near, in kilometres (default 10)"), 0 },
	{ "updated-since", OPT_UPDATED_SINCE, N_("DATE"), 0, N_("updated on DATE or later"), 0 },
	{ "count", OPT_COUNT, NULL, 0, N_("print only the number of matching records"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

/* A search term: a folded word, and whether it ends with '*'. */
struct term {
	char *w;
	size_t len;
	int prefix;
};

struct terms {
	struct term *t;
	size_t n;
};

static struct {
	unsigned families;		/* bit per enum family; 0: any */
	char **postcodes;
	size_t npostcodes;
	struct buf commune;		/* folded, hyphens as spaces */
	int has_commune;
	struct terms search, offers, needs;
	int near;
	double lat, lon, radius_m;
	int has_since;
	ess_day since;
	int count;
} q = { .radius_m = 10000 };

/* Splits s into folded search terms: the words of each space-separated
 * token, the last of them a prefix when the token ends with '*'. */
static void
parse_terms(struct argp_state *state, const char *opt, const char *s, struct terms *ts)
{
	struct words w;
	const char *p = s;

	words_init(&w);
	ts->t = NULL;
	ts->n = 0;
	while (*p) {
		const char *e = p;
		size_t first = w.n;

		while (*e && *e != ' ' && *e != '\t')
			e++;
		words_add(&w, p, (size_t)(e - p));
		ts->t = xreallocarray(ts->t, w.n ? w.n : 1, sizeof *ts->t);
		for (size_t i = first; i < w.n; i++) {
			ts->t[ts->n].w = xstrdup(words_at(&w, i));
			ts->t[ts->n].len = strlen(ts->t[ts->n].w);
			ts->t[ts->n].prefix = i + 1 == w.n && e > p && e[-1] == '*';
			ts->n++;
		}
		p = *e ? e + 1 : e;
	}
	words_release(&w);
	if (ts->n == 0)
		argp_error(state, _("%s: '%s' has no word to look for"), opt, s);
}

static void
parse_near(struct argp_state *state, const char *arg)
{
	const char *comma = strchr(arg, ',');
	char lat[64];

	/* "45.5,0.7", or with decimal commas "45,5,0,7" is ambiguous: ask
	 * for points or a space or ';' between the two. */
	if (comma && strchr(comma + 1, ',')) {
		const char *sep = strpbrk(arg, "; ");

		if (!sep)
			argp_error(state, _("--near: '%s': write LAT,LON with decimal points, or LAT;LON"), arg);
		comma = sep;
	} else if (!comma)
		comma = strpbrk(arg, "; ");
	if (!comma || (size_t)(comma - arg) >= sizeof lat)
		argp_error(state, _("--near: '%s' is not LAT,LON"), arg);
	memcpy(lat, arg, (size_t)(comma - arg));
	lat[comma - arg] = '\0';
	if (geo_parse_coord(lat, &q.lat) != 0 || geo_parse_coord(comma + 1, &q.lon) != 0 ||
	    !geo_valid_latlon(q.lat, q.lon))
		argp_error(state, _("--near: '%s' is not LAT,LON in degrees"), arg);
	q.near = 1;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_FAMILY: {
		char *s = xstrdup(arg), *tok, *save = NULL;

		for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int f = family_parse(tok, strlen(tok));

			if (f < 0)
				argp_error(state, _("--family: '%s' is not association, cooperative, mutual, foundation, esus, company, public or other"), tok);
			q.families |= 1u << f;
		}
		free(s);
		break;
	}
	case OPT_POSTCODE: {
		char *s = xstrdup(arg), *tok, *save = NULL;

		for (tok = strtok_r(s, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
			for (const char *c = tok; *c; c++)
				if (!((*c >= '0' && *c <= '9') || *c == 'A' || *c == 'B' || *c == 'a' || *c == 'b'))
					argp_error(state, _("--postcode: '%s' is not the start of a postcode"), tok);
			if (strlen(tok) > 5)
				argp_error(state, _("--postcode: '%s' is longer than a postcode"), tok);
			q.postcodes = xreallocarray(q.postcodes, q.npostcodes + 1, sizeof *q.postcodes);
			q.postcodes[q.npostcodes++] = xstrdup(tok);
		}
		free(s);
		if (!q.npostcodes)
			argp_error(state, "%s", _("--postcode: no prefix given"));
		break;
	}
	case OPT_COMMUNE: {
		struct words w;

		words_init(&w);
		words_add(&w, arg, strlen(arg));
		buf_init(&q.commune);
		for (size_t i = 0; i < w.n; i++) {
			if (i)
				buf_addc(&q.commune, ' ');
			buf_adds(&q.commune, words_at(&w, i));
		}
		words_release(&w);
		if (!q.commune.len)
			argp_error(state, _("--commune: '%s' names no commune"), arg);
		q.has_commune = 1;
		break;
	}
	case OPT_SEARCH:
		parse_terms(state, "--search", arg, &q.search);
		break;
	case OPT_OFFERS:
		parse_terms(state, "--offers", arg, &q.offers);
		break;
	case OPT_NEEDS:
		parse_terms(state, "--needs", arg, &q.needs);
		break;
	case OPT_NEAR:
		parse_near(state, arg);
		break;
	case OPT_RADIUS: {
		double km = dir_parse_double(state, "--radius", arg);

		if (!(km > 0) || km > 20100)
			argp_error(state, _("--radius: '%s' is not a distance above 0 and up to 20100 km"), arg);
		q.radius_m = km * 1000;
		break;
	}
	case OPT_UPDATED_SINCE:
		if (date_parse(arg, &q.since) != 0)
			argp_error(state, _("--updated-since: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), arg);
		q.has_since = 1;
		break;
	case OPT_COUNT:
		q.count = 1;
		break;
	case ARGP_KEY_END:
		if (q.count && cli.out.format != OF_AUTO)
			argp_error(state, "%s", _("--count prints a number: it takes no -o"));
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Keep the records that match every condition given (all are combined "
	"with AND); with none, every record.  Rows stream through in constant "
	"memory and keep every column, known or not."
	"\vSearches fold case, accents, œ/æ and apostrophes; a word matches a "
	"whole word, or the start of one when it ends with '*'.  A four-digit "
	"postcode is read with its lost leading zero (1000 is 01000).");

const struct argp query_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

/* Checks that every column a condition needs is in the file. */
static void
need_columns(struct dir_reader *d)
{
	for (size_t i = 0; i < d->nsrc; i++) {
		struct dir_src *s = &d->src[i];
		const char *missing = NULL;

		if (q.families && s->idx[D_FAMILY] < 0)
			missing = "family";
		else if (q.npostcodes && s->idx[D_POSTCODE] < 0)
			missing = "postcode";
		else if (q.has_commune && s->idx[D_COMMUNE] < 0)
			missing = "commune";
		else if (q.offers.n && s->idx[D_OFFERS] < 0)
			missing = "offers";
		else if (q.needs.n && s->idx[D_NEEDS] < 0)
			missing = "needs";
		else if (q.near && (s->idx[D_LAT] < 0 || s->idx[D_LON] < 0))
			missing = s->idx[D_LAT] < 0 ? "lat" : "lon";
		else if (q.has_since && s->idx[D_UPDATED] < 0)
			missing = "updated";
		else if (q.search.n && s->idx[D_NAME] < 0 && s->idx[D_DESCRIPTION] < 0 &&
		    s->idx[D_OFFERS] < 0 && s->idx[D_NEEDS] < 0 && s->idx[D_TAGS] < 0)
			missing = "name";
		if (missing) {
			char msg[160];

			snprintf(msg, sizeof msg, _("no '%s' column for the condition on it"), missing);
			table_die_header(s->t, msg);
		}
	}
}

static int
postcode_ok(const char *pc, size_t len)
{
	char padded[8];

	/* A spreadsheet dropped the leading zero: 1000 is 01000. */
	if (len == 4 && pc[0] >= '0' && pc[0] <= '9') {
		padded[0] = '0';
		memcpy(padded + 1, pc, 4);
		pc = padded;
		len = 5;
	}
	for (size_t i = 0; i < q.npostcodes; i++) {
		size_t n = strlen(q.postcodes[i]);

		if (n <= len && strncasecmp(pc, q.postcodes[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Whether folded text holds every term. */
static int
terms_in(const struct terms *ts, const char *text, size_t len)
{
	for (size_t i = 0; i < ts->n; i++)
		if (!words_contain(text, len, ts->t[i].w, ts->t[i].len, ts->t[i].prefix))
			return 0;
	return 1;
}

/* Whether one value of the list holds every term. */
static int
list_has(const struct terms *ts, const char *list, struct buf *fold)
{
	const char *p = list, *v;
	size_t len;

	while ((v = list_next(&p, &len))) {
		fold->len = 0;
		text_fold(fold, v, len);
		if (terms_in(ts, fold->data, fold->len))
			return 1;
	}
	return 0;
}

/* Whether the record passes every condition; a value that cannot be read
 * rejects the row (status 65) and returns -1. */
static int
keep(struct dir_reader *d, struct buf *fold)
{
	const char *v;
	size_t len;

	if (q.families) {
		int f;

		v = dir_getn(d, D_FAMILY, &len);
		f = len ? family_parse(v, len) : -1;
		if (f < 0 || !(q.families & (1u << f)))
			return 0;
	}
	if (q.npostcodes) {
		v = dir_getn(d, D_POSTCODE, &len);
		if (!postcode_ok(v, len))
			return 0;
	}
	if (q.has_commune) {
		struct words w;
		int ok;

		words_init(&w);
		v = dir_getn(d, D_COMMUNE, &len);
		words_add(&w, v, len);
		fold->len = 0;
		for (size_t i = 0; i < w.n; i++) {
			if (i)
				buf_addc(fold, ' ');
			buf_adds(fold, words_at(&w, i));
		}
		words_release(&w);
		ok = fold->len == q.commune.len && memcmp(fold->data, q.commune.data, fold->len) == 0;
		if (!ok)
			return 0;
	}
	if (q.has_since) {
		ess_day day;

		v = dir_getn(d, D_UPDATED, &len);
		if (!len)
			return 0;
		/* "2026-03-01T10:00:00Z": the date part. */
		{
			char date[16];

			if (len > 10 && (v[10] == 'T' || v[10] == ' '))
				len = 10;
			if (len >= sizeof date || (memcpy(date, v, len), date[len] = '\0',
			    date_parse(date, &day) != 0)) {
				table_reject(d->t, d->row, dir_field(d, D_UPDATED),
					_("updated '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
					dir_get(d, D_UPDATED));
				return -1;
			}
		}
		if (day < q.since)
			return 0;
	}
	if (q.near) {
		double lat, lon;
		int at = dir_coords(d, &lat, &lon);

		if (at <= 0)
			return at;
		if (geo_distance_m(q.lat, q.lon, lat, lon) > q.radius_m)
			return 0;
	}
	if (q.offers.n && !list_has(&q.offers, dir_get(d, D_OFFERS), fold))
		return 0;
	if (q.needs.n && !list_has(&q.needs, dir_get(d, D_NEEDS), fold))
		return 0;
	if (q.search.n) {
		static const enum dcol where[] = { D_NAME, D_DESCRIPTION, D_OFFERS, D_NEEDS, D_TAGS };

		fold->len = 0;
		for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
			v = dir_getn(d, where[i], &len);
			if (!len)
				continue;
			text_fold(fold, v, len);
			buf_addc(fold, '\n');
		}
		if (!terms_in(&q.search, fold->data, fold->len))
			return 0;
	}
	return 1;
}

int
query_run(char **files)
{
	struct dir_reader d;
	struct writer w;
	struct buf fold;
	long kept = 0;

	/* Checking a row costs less than splitting it: a second thread
	 * would spend more handing rows over than it saves (measured). */
	cli.in.threads = 1;
	dir_open(&d, files, 0);
	need_columns(&d);
	buf_init(&fold);
	if (!q.count) {
		writer_open(&w, &cli.out);
		dir_writer_columns(&d, &w);
	}
	while (dir_next(&d)) {
		if (keep(&d, &fold) != 1)
			continue;
		kept++;
		if (!q.count)
			writer_row(&w, d.v);
	}
	if (q.count) {
		writer_open(&w, &cli.out);
		fprintf(writer_file(&w), "%ld\n", kept);
	}
	writer_close(&w);
	buf_release(&fold);
	dir_close(&d);
	return 0;
}
