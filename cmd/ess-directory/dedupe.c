/*
 * dedupe.c: finds the records of one actor and merges them field by field
 * into the first one, never losing a value.
 *
 * Three rules join two records: the same SIRET; the same folded name key
 * in the same postcode; similar names within --radius metres.  The name
 * rules never join two records whose SIRETs differ.  Groups are transitive
 * (union-find, whose root is always the group's first record), and each
 * link that joined two groups is kept as an edge: the report walks these
 * edges from the first record to say why each other one was merged.
 *
 * Similar names are found on a grid of cells at least --radius wide, so a
 * record is compared with those of its cell and the eight around it, not
 * with every other record.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "map.h"
#include "num.h"
#include "similar.h"
#include "text.h"

enum { OPT_RADIUS = 0x200, OPT_SIMILARITY, OPT_REPORT, OPT_DRY_RUN };

static const struct argp_option options[] = {
	{ "radius", OPT_RADIUS, N_("M"), 0, N_("similar names within M metres are one actor (default 300; 0: never)"), 0 },
	{ "similarity", OPT_SIMILARITY, N_("S"), 0, N_("how alike similar names are, above 0 and up to 1 (default 0.8)"), 0 },
	{ "report", OPT_REPORT, N_("FILE"), 0, N_("write each merge and its reason to FILE (CSV)"), 0 },
	{ "dry-run", OPT_DRY_RUN, NULL, 0, N_("write the report only, to standard output or -O or --report"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static struct {
	double radius_m;
	double similarity;
	const char *report;
	int dry_run;
} opt = { 300, 0.8, NULL, 0 };

static int
is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_RADIUS:
		opt.radius_m = dir_parse_double(state, "--radius", arg);
		if (!(opt.radius_m >= 0) || opt.radius_m > 100000)
			argp_error(state, _("--radius: '%s' is not a distance in metres from 0 to 100000"), arg);
		break;
	case OPT_SIMILARITY:
		opt.similarity = dir_parse_double(state, "--similarity", arg);
		if (!(opt.similarity > 0) || opt.similarity > 1)
			argp_error(state, _("--similarity: '%s' is not a number above 0 and up to 1"), arg);
		break;
	case OPT_REPORT:
		if (!*arg)
			argp_error(state, "%s", _("--report: no file named"));
		opt.report = arg;
		break;
	case OPT_DRY_RUN:
		opt.dry_run = 1;
		break;
	case ARGP_KEY_END:
		if (opt.dry_run && opt.report && !is_stdout(cli.out.path) &&
		    strcmp(opt.report, cli.out.path) != 0)
			argp_error(state, "%s", _("--dry-run writes only the report: give --report or -O, not both"));
		if (!opt.dry_run && opt.report && is_stdout(opt.report) && is_stdout(cli.out.path))
			argp_error(state, "%s", _("--report=- and the directory would both go to standard output: use -O or --dry-run"));
		if (!opt.dry_run && opt.report && !is_stdout(opt.report) && !is_stdout(cli.out.path) &&
		    strcmp(opt.report, cli.out.path) == 0)
			argp_error(state, "%s", _("--report and -O name the same file"));
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Find the records of one actor and merge them, field by field, into the "
	"first one: records with the same SIRET, with the same folded name in "
	"the same postcode, or with similar names within --radius metres."
	"\vNames are compared folded: case, accents, œ/æ, apostrophes, "
	"punctuation and hyphens, Saint/St/Ste/Sainte as one word, and without "
	"the stop words (la le les l' de du des d' et en au aux pour sur à un "
	"une ou par avec dans chez).  Similar names share words: twice the "
	"words in common over the words of both (a plural s or x ignored) is at "
	"least --similarity.  Two records whose SIRETs differ are never joined "
	"by their names.  Merging fills empty fields from the other records, "
	"unites offers, needs and tags, and keeps the first record's value when "
	"two differ: the other value goes to the column conflicts (\"phone: 05 "
	"53 00 00 00 (A017)\", with a warning), and the merged records' ids to "
	"merged_ids.  The report's columns are kept_id, kept_line, merged_id, "
	"merged_line, reason (siret, name-postcode, name-nearby) and detail.");

const struct argp dedupe_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

enum rule { R_SIRET, R_NAME_POSTCODE, R_NAME_NEARBY };
static const char *const rule_names[] = { "siret", "name-postcode", "name-nearby" };

/* A link that joined two groups, and why. */
struct edge {
	size_t a, b;
	enum rule rule;
	size_t detail;		/* offset in st.details */
};

/* Everything one run keeps. */
static struct {
	struct dir_reader d;
	struct recs r;
	double *lat, *lon;
	char *located;
	size_t cap;
	long *siret;		/* slot of each record's SIRET in sirets, or -1 */
	struct map sirets;
	size_t *parent;		/* union-find */
	struct edge *edges;
	size_t nedges, edgecap;
	struct buf details;	/* edge details, NUL-terminated */
	int recc[D_NCOLS];	/* output column of each record column */
	int *dcol;		/* record column of each output column, or -1 */
	int col_ids, col_conflicts;	/* output columns of the extras */
	size_t nout;		/* output columns */
	struct words scratch;
	struct buf b1, b2;	/* scratch for comparisons and keys */
} st;

/* ------------------------------------------------------------ groups */

static size_t
uf_find(size_t i)
{
	while (st.parent[i] != i) {
		st.parent[i] = st.parent[st.parent[i]];
		i = st.parent[i];
	}
	return i;
}

/* Joins the groups of a and b under the smaller root (the first record);
 * returns whether they were apart. */
static int
uf_union(size_t a, size_t b)
{
	size_t ra = uf_find(a), rb = uf_find(b);

	if (ra == rb)
		return 0;
	if (ra < rb)
		st.parent[rb] = ra;
	else
		st.parent[ra] = rb;
	return 1;
}

/* Links records a and b for rule when they are still apart; detail is
 * printf-like text for the report. */
static void link_records(size_t a, size_t b, enum rule rule, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
link_records(size_t a, size_t b, enum rule rule, const char *fmt, ...)
{
	va_list ap;

	if (!uf_union(a, b))
		return;
	if (st.nedges == st.edgecap) {
		st.edgecap = st.edgecap ? st.edgecap * 2 : 64;
		st.edges = xreallocarray(st.edges, st.edgecap, sizeof *st.edges);
	}
	st.edges[st.nedges++] = (struct edge){ a, b, rule, st.details.len };
	va_start(ap, fmt);
	buf_vprintf(&st.details, fmt, ap);
	va_end(ap);
	buf_addc(&st.details, '\0');
}

/* Whether two records have SIRETs and they differ. */
static int
siret_veto(size_t a, size_t b)
{
	return st.siret[a] >= 0 && st.siret[b] >= 0 && st.siret[a] != st.siret[b];
}

/* ------------------------------------------------------------ keys */

/* The SIRET of record i, digits only, spaces ignored, into out; 0 when
 * it has none or holds something else. */
static int
siret_key(struct buf *out, size_t i)
{
	size_t len;
	const char *s = recs_getn(&st.r, i, st.recc[D_SIRET], &len);

	buf_reset(out);
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c >= '0' && c <= '9')
			buf_addc(out, c);
		else if (c == ' ' || c == '\t')
			continue;
		else if (c == 0xc2 && k + 1 < len && (unsigned char)s[k + 1] == 0xa0)
			k++;	/* NBSP */
		else if (c == 0xe2 && k + 2 < len && memcmp(s + k + 1, "\x80\xaf", 2) == 0)
			k += 2;	/* narrow NBSP */
		else
			return 0;
	}
	return out->len > 0;
}

/* Appends s with its letters and digits only, folded; a postcode or
 * commune code of four digits gets its lost leading zero back. */
static void
ident_key(struct buf *out, const char *s, size_t len, int code)
{
	size_t start = out->len, k;

	text_fold(out, s, len);
	for (size_t i = k = start; i < out->len; i++) {
		char c = out->data[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80)
			out->data[k++] = c;
	}
	buf_setlen(out, k);
	if (code && k - start == 4 && out->data[start] >= '0' && out->data[start] <= '9') {
		buf_addc(out, '0');
		memmove(out->data + start + 1, out->data + start, 4);
		out->data[start] = '0';
	}
}

/* The postcode of record i, normalised, into out. */
static void
postcode_key(struct buf *out, size_t i)
{
	size_t len;
	const char *s = recs_getn(&st.r, i, st.recc[D_POSTCODE], &len);

	buf_reset(out);
	ident_key(out, s, len, 1);
}

/* ------------------------------------------------------------ rules */

static void
read_records(void)
{
	double lat = 0, lon = 0;
	int at;

	while (dir_next(&st.d)) {
		if ((at = sim_coords(&st.d, &lat, &lon)) < 0)
			continue;
		recs_add(&st.r, &st.d);
		if (st.r.n > st.cap) {
			st.cap = st.r.cap;
			st.lat = xreallocarray(st.lat, st.cap, sizeof *st.lat);
			st.lon = xreallocarray(st.lon, st.cap, sizeof *st.lon);
			st.located = xreallocarray(st.located, st.cap, 1);
		}
		st.lat[st.r.n - 1] = lat;
		st.lon[st.r.n - 1] = lon;
		st.located[st.r.n - 1] = (char)at;
	}
}

static void
rule_siret(void)
{
	size_t n = st.r.n, *first = xcalloc(n ? n : 1, sizeof *first);	/* by slot */

	st.siret = xcalloc(n ? n : 1, sizeof *st.siret);
	for (size_t i = 0; i < n; i++) {
		int added;
		size_t slot;

		st.siret[i] = -1;
		if (st.recc[D_SIRET] < 0 || !siret_key(&st.b1, i))
			continue;
		slot = map_put(&st.sirets, st.b1.data, st.b1.len, &added);
		st.siret[i] = (long)slot;
		if (added)
			first[slot] = i;
		else
			link_records(first[slot], i, R_SIRET, "%s", st.b1.data);
	}
	free(first);
}

/* Same name key in the same postcode: each record joins the first one
 * of its key that its SIRET does not keep apart. */
static void
rule_name_postcode(void)
{
	struct map keys;
	size_t n = st.r.n, *head, *tail, *next;

	if (st.recc[D_NAME] < 0 || st.recc[D_POSTCODE] < 0)
		return;
	map_init(&keys);
	/* By slot of a key: its first and last records; by record: the next
	 * one of its key. */
	head = xcalloc(n ? n : 1, sizeof *head);
	tail = xcalloc(n ? n : 1, sizeof *tail);
	next = xcalloc(n ? n : 1, sizeof *next);
	for (size_t i = 0; i < n; i++) {
		size_t len, plen, slot;
		const char *name = recs_getn(&st.r, i, st.recc[D_NAME], &len);
		int added;

		postcode_key(&st.b1, i);
		plen = st.b1.len;
		if (!plen || !len)
			continue;
		buf_addc(&st.b1, ' ');
		sim_name_key(&st.b1, &st.scratch, name, len);
		if (st.b1.len == plen + 1)
			continue;
		slot = map_put(&keys, st.b1.data, st.b1.len, &added);
		next[i] = (size_t)-1;
		if (added) {
			head[slot] = tail[slot] = i;
			continue;
		}
		for (size_t j = head[slot]; j != (size_t)-1; j = next[j])
			if (!siret_veto(j, i)) {
				link_records(j, i, R_NAME_POSTCODE, "%s", st.b1.data);
				break;
			}
		next[tail[slot]] = i;
		tail[slot] = i;
	}
	free(head);
	free(tail);
	free(next);
	map_release(&keys);
}

/* A record found near another, with what the report says of it. */
struct near {
	size_t j;
	double m;
	int sim;	/* hundredths */
};

static int
by_record(const void *a, const void *b)
{
	const struct near *x = a, *y = b;

	return x->j < y->j ? -1 : x->j > y->j;
}

/*
 * The located records seen so far, by cell of a grid whose cells are at
 * least the radius wide: two points within r are at most r/R apart in
 * latitude, and at most about r/(R cos φ) in longitude at the highest
 * latitude φ of the file.  A cell lists its records through next[].
 */
struct grid {
	struct map cells;
	size_t *head;		/* first record of each cell (by slot) */
	size_t *next;
	double dlat, dlon;
};

static void
grid_init(struct grid *g)
{
	double maxlat = 0;

	memset(g, 0, sizeof *g);
	map_init(&g->cells);
	g->head = xcalloc(st.r.n ? st.r.n : 1, sizeof *g->head);
	g->next = xcalloc(st.r.n ? st.r.n : 1, sizeof *g->next);
	for (size_t i = 0; i < st.r.n; i++)
		if (st.located[i] && fabs(st.lat[i]) > maxlat)
			maxlat = fabs(st.lat[i]);
	g->dlat = opt.radius_m / 6371008.8 * (180 / M_PI) * 1.01 + 1e-9;
	g->dlon = g->dlat / cos(fmin(maxlat, 89) * M_PI / 180);
}

static void
grid_release(struct grid *g)
{
	map_release(&g->cells);
	free(g->head);
	free(g->next);
}

/* The map key of the cell of record i, moved by dy rows and dx columns. */
static void
cell_key(const struct grid *g, char key[16], size_t i, int dy, int dx)
{
	int64_t y = (int64_t)floor(st.lat[i] / g->dlat) + dy;
	int64_t x = (int64_t)floor(st.lon[i] / g->dlon) + dx;

	memcpy(key, &y, 8);
	memcpy(key + 8, &x, 8);
}

static void
grid_add(struct grid *g, size_t i)
{
	char key[16];
	int added;
	size_t slot;

	cell_key(g, key, i, 0, 0);
	slot = map_put(&g->cells, key, 16, &added);
	g->next[i] = added ? (size_t)-1 : g->head[slot];
	g->head[slot] = i;
}

/* Word sets of the names of the located records. */
struct names {
	struct wordsets ws;
	size_t *set, *nset;
};

/* The records of the grid near record i whose names are similar enough
 * and that are not in its group yet, into *near (by record); returns how
 * many. */
static size_t
similar_near(const struct grid *g, const struct names *nm, size_t i,
	struct near **near, size_t *cap)
{
	size_t nnear = 0;
	char key[16];

	for (int dy = -1; dy <= 1; dy++)
		for (int dx = -1; dx <= 1; dx++) {
			long s;

			cell_key(g, key, i, dy, dx);
			if ((s = map_find(&g->cells, key, 16)) < 0)
				continue;
			for (size_t j = g->head[s]; j != (size_t)-1; j = g->next[j]) {
				size_t common, both = nm->nset[i] + nm->nset[j];
				double m;

				if (uf_find(i) == uf_find(j) || siret_veto(j, i))
					continue;
				m = geo_distance_m(st.lat[i], st.lon[i], st.lat[j], st.lon[j]);
				if (m > opt.radius_m)
					continue;
				common = sim_common(nm->ws.ids + nm->set[i], nm->nset[i],
					nm->ws.ids + nm->set[j], nm->nset[j]);
				if (!common || 2.0 * (double)common < opt.similarity * (double)both - 1e-9)
					continue;
				if (nnear == *cap) {
					*cap = *cap ? *cap * 2 : 16;
					*near = xreallocarray(*near, *cap, sizeof **near);
				}
				(*near)[nnear++] = (struct near){ j, m,
					(int)((400 * common + both) / (2 * both)) };
			}
		}
	if (nnear > 1)
		qsort(*near, nnear, sizeof **near, by_record);
	return nnear;
}

/* Similar names within the radius: each located record, in input order,
 * against those before it in its cell and the eight around. */
static void
rule_name_nearby(void)
{
	struct grid g;
	struct names nm;
	struct near *near = NULL;
	size_t n = st.r.n, nearcap = 0;

	if (!(opt.radius_m > 0) || st.recc[D_NAME] < 0)
		return;
	grid_init(&g);
	wordsets_init(&nm.ws);
	nm.set = xcalloc(n ? n : 1, sizeof *nm.set);
	nm.nset = xcalloc(n ? n : 1, sizeof *nm.nset);
	for (size_t i = 0; i < n; i++) {
		size_t len, nnear;
		const char *name;

		if (!st.located[i])
			continue;
		name = recs_getn(&st.r, i, st.recc[D_NAME], &len);
		nm.set[i] = nm.ws.nids;
		if ((nm.nset[i] = wordsets_add(&nm.ws, name, len)) == 0)
			continue;
		nnear = similar_near(&g, &nm, i, &near, &nearcap);
		for (size_t k = 0; k < nnear; k++)
			link_records(near[k].j, i, R_NAME_NEARBY, _("%.0f m, similarity %d.%02d"),
				near[k].m, near[k].sim / 100, near[k].sim % 100);
		grid_add(&g, i);
	}
	free(near);
	free(nm.set);
	free(nm.nset);
	wordsets_release(&nm.ws);
	grid_release(&g);
}

/* ------------------------------------------------------------ merging */

/* Whether b1 and b2 hold the same bytes. */
static int
same_bufs(void)
{
	return st.b1.len == st.b2.len && memcmp(st.b1.data, st.b2.data, st.b1.len) == 0;
}

/* Compares two numbers, dates or coordinates of record column k by what
 * they mean: 1 same, 0 different, -1 when one cannot be read so. */
static int
same_number(int k, const char *a, size_t alen, const char *b, size_t blen)
{
	char x[64], y[64];
	double dx, dy;
	int64_t ix, iy;
	ess_day da, db;

	if (alen >= sizeof x || blen >= sizeof y)
		return -1;
	memcpy(x, a, alen);
	x[alen] = '\0';
	memcpy(y, b, blen);
	y[blen] = '\0';
	switch (k) {
	case D_UPDATED:
		/* "2026-03-01T10:00:00Z": the date part. */
		if (alen > 10 && (x[10] == 'T' || x[10] == ' '))
			x[10] = '\0';
		if (blen > 10 && (y[10] == 'T' || y[10] == ' '))
			y[10] = '\0';
		if (date_parse(x, &da) != 0 || date_parse(y, &db) != 0 ||
		    strlen(x) != 10 || strlen(y) != 10)
			return -1;
		return da == db;
	case D_EMPLOYEES:
		if (num_parse_int(x, &ix) != 0 || num_parse_int(y, &iy) != 0)
			return -1;
		return ix == iy;
	default:
		if (geo_parse_coord(x, &dx) != 0 || geo_parse_coord(y, &dy) != 0)
			return -1;
		return fabs(dx - dy) < 5e-7;
	}
}

/* The digits of a phone number into o: +33 6..., 0033 6... and 06... are
 * one number. */
static void
phone_key(struct buf *o, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			buf_addc(o, s[i]);
	if (len && s[0] == '+' && o->len > 2 && memcmp(o->data, "33", 2) == 0) {
		o->data[1] = '0';
		memmove(o->data, o->data + 1, o->len);
		o->len--;
	} else if (o->len > 4 && memcmp(o->data, "0033", 4) == 0) {
		memmove(o->data + 1, o->data + 4, o->len - 3);
		o->len -= 3;
	}
}

/* An e-mail or a web site folded into o; a site without its scheme, its
 * "www." and its final slash. */
static void
address_key(struct buf *o, const char *s, size_t len, int site)
{
	static const char *const drop[] = { "https://", "http://", "www." };

	text_fold(o, s, len);
	for (size_t i = 0; site && i < 3; i++) {
		size_t n = strlen(drop[i]);

		if (o->len >= n && memcmp(o->data, drop[i], n) == 0) {
			memmove(o->data, o->data + n, o->len - n + 1);
			o->len -= n;
		}
	}
	if (site && o->len && o->data[o->len - 1] == '/')
		o->data[--o->len] = '\0';
}

/* Whether two values of output column c are the same, for that column:
 * numbers, dates, phones and identifiers by what they mean, other text
 * folded (case, accents, punctuation, spacing, Saint/St). */
static int
same_value(int c, const char *a, size_t alen, const char *b, size_t blen)
{
	int k = st.dcol[c], same;

	buf_reset(&st.b1);
	buf_reset(&st.b2);
	switch (k) {
	case D_LAT:
	case D_LON:
	case D_EMPLOYEES:
	case D_UPDATED:
		if ((same = same_number(k, a, alen, b, blen)) >= 0)
			return same;
		break;
	case D_FAMILY: {
		int fa = family_parse(a, alen), fb = family_parse(b, blen);

		if (fa >= 0 && fb >= 0)
			return fa == fb;
		break;
	}
	case D_PHONE:
		phone_key(&st.b1, a, alen);
		phone_key(&st.b2, b, blen);
		return same_bufs();
	case D_EMAIL:
	case D_WEBSITE:
		address_key(&st.b1, a, alen, k == D_WEBSITE);
		address_key(&st.b2, b, blen, k == D_WEBSITE);
		return same_bufs();
	case D_SIREN:
	case D_SIRET:
	case D_RNA:
	case D_NAF:
	case D_POSTCODE:
	case D_INSEE_CODE:
		ident_key(&st.b1, a, alen, k == D_POSTCODE || k == D_INSEE_CODE);
		ident_key(&st.b2, b, blen, k == D_POSTCODE || k == D_INSEE_CODE);
		return same_bufs();
	default:
		break;
	}
	sim_folded(&st.b1, &st.scratch, a, alen);
	sim_folded(&st.b2, &st.scratch, b, blen);
	return same_bufs();
}

/*
 * One merged record is built in out: each column's value NUL-terminated,
 * at off[c].  The values of a list column are united in seen (folded,
 * NUL-terminated) so that each is written once, in its first spelling.
 */
struct merge {
	struct buf out;
	size_t *off;
	const char **v;
	struct buf seen;	/* folded list values of the current column */
	struct buf ref;
	struct buf conflicts;	/* new conflict entries, NUL-terminated */
	/* the conflicting values already noted for the current column */
	const char **cv;
	size_t *cvlen, ncv, cvcap;
};

/* Adds one list value to the column being built unless it is there;
 * sep goes between values. */
static void
list_add(struct merge *mg, size_t start, const char *s, size_t len, const char *sep)
{
	size_t at = mg->seen.len;
	const char *p, *end;

	sim_folded(&mg->seen, &st.scratch, s, len);
	if (mg->seen.len == at)
		buf_add(&mg->seen, s, len);	/* no letter nor digit: as it is */
	buf_addc(&mg->seen, '\0');
	end = mg->seen.data + at;
	p = mg->seen.data;
	while (p < end) {
		if (strcmp(p, mg->seen.data + at) == 0) {
			buf_setlen(&mg->seen, at);
			return;
		}
		p += strlen(p) + 1;
	}
	if (mg->out.len > start)
		buf_adds(&mg->out, sep);
	buf_add(&mg->out, s, len);
}

/* Adds every value of a '|' list. */
static void
list_add_all(struct merge *mg, size_t start, const char *list, const char *sep)
{
	const char *p = list, *v;
	size_t len;

	while ((v = list_next(&p, &len)))
		list_add(mg, start, v, len, sep);
}

/* A conflict: member m's value v of column c differs from the one kept
 * (from record from).  Noted once per value, warned each time. */
static void
conflict(struct merge *mg, int c, size_t m, const char *v, size_t len,
	size_t from, const char *kept, size_t keptlen)
{
	int known = 0;

	ess_warn_at(recs_file(&st.r, &st.d, m), st.r.line[m], 0,
		_("%s '%.*s' differs from '%.*s' kept from %s:%ld: added to conflicts"),
		st.d.cols[c].name, (int)len, v, (int)keptlen, kept,
		recs_file(&st.r, &st.d, from), st.r.line[from]);
	for (size_t i = 0; i < mg->ncv && !known; i++)
		known = same_value(c, mg->cv[i], mg->cvlen[i], v, len);
	if (known)
		return;
	if (mg->ncv == mg->cvcap) {
		mg->cvcap = mg->cvcap ? mg->cvcap * 2 : 8;
		mg->cv = xreallocarray(mg->cv, mg->cvcap, sizeof *mg->cv);
		mg->cvlen = xreallocarray(mg->cvlen, mg->cvcap, sizeof *mg->cvlen);
	}
	mg->cv[mg->ncv] = v;
	mg->cvlen[mg->ncv++] = len;
	buf_printf(&mg->conflicts, "%s: %.*s (", st.d.cols[c].name, (int)len, v);
	recs_ref(&mg->conflicts, &st.r, &st.d, m, st.recc[D_ID]);
	buf_adds(&mg->conflicts, ")");
	buf_addc(&mg->conflicts, '\0');
}

/* A scalar column: the first non-empty value; differing ones are
 * conflicts (but ids, which go to merged_ids). */
static void
merge_scalar(struct merge *mg, int c, const size_t *mem, size_t k)
{
	size_t len, keptlen = 0, from = mem[0];
	const char *kept = "";

	mg->ncv = 0;
	for (size_t i = 0; i < k; i++) {
		const char *v = recs_getn(&st.r, mem[i], c, &len);

		if (!len)
			continue;
		if (!keptlen) {
			kept = v, keptlen = len, from = mem[i];
			continue;
		}
		if (c != st.recc[D_ID] && !same_value(c, kept, keptlen, v, len))
			conflict(mg, c, mem[i], v, len, from, kept, keptlen);
	}
	buf_add(&mg->out, kept, keptlen);
}

/* Merges the members mem[0..k) (input order) into mg->v. */
static void
merge_group(struct merge *mg, const size_t *mem, size_t k)
{
	buf_reset(&mg->out);
	buf_reset(&mg->conflicts);
	for (size_t c = 0; c < st.nout; c++) {
		int ci = (int)c;

		mg->off[c] = mg->out.len;
		buf_reset(&mg->seen);
		if (ci == st.col_ids) {
			for (size_t i = 0; i < k; i++) {
				if (i) {
					buf_reset(&mg->ref);
					recs_ref(&mg->ref, &st.r, &st.d, mem[i], st.recc[D_ID]);
					list_add(mg, mg->off[c], mg->ref.data, mg->ref.len, "|");
				}
				if (c < st.d.ncols)
					list_add_all(mg, mg->off[c], recs_get(&st.r, mem[i], ci), "|");
			}
		} else if (ci == st.col_conflicts) {
			/* After every other column: see below. */
		} else if (st.dcol[c] >= 0 && dir_wtype[st.dcol[c]] == WT_LIST) {
			for (size_t i = 0; i < k; i++)
				list_add_all(mg, mg->off[c], recs_get(&st.r, mem[i], ci), "|");
		} else
			merge_scalar(mg, ci, mem, k);
		buf_addc(&mg->out, '\0');
	}
	/* The conflicts column, last, with what the other columns found. */
	{
		size_t c = (size_t)st.col_conflicts, at = mg->out.len;
		const char *p;

		buf_reset(&mg->seen);
		for (size_t i = 0; i < k && c < st.d.ncols; i++)
			list_add_all(mg, at, recs_get(&st.r, mem[i], st.col_conflicts), " | ");
		for (p = mg->conflicts.data; p < mg->conflicts.data + mg->conflicts.len; p += strlen(p) + 1)
			list_add(mg, at, p, strlen(p), " | ");
		buf_addc(&mg->out, '\0');
		mg->off[c] = at;
	}
	for (size_t c = 0; c < st.nout; c++)
		mg->v[c] = mg->out.data + mg->off[c];
}

/* ------------------------------------------------------------ output */

/* The extra columns: merged_ids and conflicts, found among the input's
 * columns (a directory deduped before) or added at the end. */
static void
find_columns(struct wcol **cols)
{
	struct buf f1, f2;

	buf_init(&f1);
	buf_init(&f2);
	st.dcol = xcalloc(st.d.ncols + 2, sizeof *st.dcol);
	for (size_t c = 0; c < st.d.ncols + 2; c++)
		st.dcol[c] = -1;
	for (int k = 0; k < D_NCOLS; k++) {
		st.recc[k] = st.d.col[k];
		if (st.d.col[k] >= 0)
			st.dcol[st.d.col[k]] = k;
	}
	st.col_ids = st.col_conflicts = -1;
	for (size_t c = 0; c < st.d.ncols; c++) {
		if (st.dcol[c] >= 0)
			continue;
		buf_reset(&f1);
		table_fold_name(&f1, st.d.cols[c].name);
		buf_reset(&f2);
		table_fold_name(&f2, "merged_ids");
		if (st.col_ids < 0 && strcmp(f1.data, f2.data) == 0)
			st.col_ids = (int)c;
		buf_reset(&f2);
		table_fold_name(&f2, "conflicts");
		if (st.col_conflicts < 0 && strcmp(f1.data, f2.data) == 0)
			st.col_conflicts = (int)c;
	}
	st.nout = st.d.ncols;
	if (st.col_ids < 0)
		st.col_ids = (int)st.nout++;
	if (st.col_conflicts < 0)
		st.col_conflicts = (int)st.nout++;
	*cols = xcalloc(st.nout, sizeof **cols);
	memcpy(*cols, st.d.cols, st.d.ncols * sizeof **cols);
	(*cols)[st.col_ids] = (struct wcol){ (size_t)st.col_ids < st.d.ncols ?
		st.d.cols[st.col_ids].name : "merged_ids", WT_LIST };
	(*cols)[st.col_conflicts] = (struct wcol){ (size_t)st.col_conflicts < st.d.ncols ?
		st.d.cols[st.col_conflicts].name : "conflicts", WT_LIST };
	buf_release(&f1);
	buf_release(&f2);
}

/* The groups as lists of members: those of root r are mem[at[r]..at[r+1]). */
static void
groups(size_t **memp, size_t **atp)
{
	size_t n = st.r.n, *at = xcalloc(n + 1, sizeof *at), *mem = xcalloc(n ? n : 1, sizeof *mem);
	size_t *fill = xcalloc(n ? n : 1, sizeof *fill);

	for (size_t i = 0; i < n; i++)
		at[uf_find(i) + 1]++;
	for (size_t i = 0; i < n; i++)
		at[i + 1] += at[i];
	for (size_t i = 0; i < n; i++) {
		size_t r = uf_find(i);

		mem[at[r] + fill[r]++] = i;
	}
	free(fill);
	*memp = mem;
	*atp = at;
}

/* For each record, the edge that brought it into its group, walking the
 * edges from the group's first record (SIZE_MAX for the first). */
static size_t *
tree(void)
{
	size_t n = st.r.n, *by = xcalloc(n ? n : 1, sizeof *by);
	size_t *adj = xcalloc(2 * st.nedges + 1, sizeof *adj), *at = xcalloc(n + 1, sizeof *at);
	size_t *fill = xcalloc(n ? n : 1, sizeof *fill), *queue = xcalloc(n ? n : 1, sizeof *queue);

	for (size_t e = 0; e < st.nedges; e++)
		at[st.edges[e].a + 1]++, at[st.edges[e].b + 1]++;
	for (size_t i = 0; i < n; i++)
		at[i + 1] += at[i];
	for (size_t e = 0; e < st.nedges; e++) {
		adj[at[st.edges[e].a] + fill[st.edges[e].a]++] = e;
		adj[at[st.edges[e].b] + fill[st.edges[e].b]++] = e;
	}
	for (size_t i = 0; i < n; i++)
		by[i] = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t qh = 0, qt = 0;

		if (uf_find(i) != i || at[i] == at[i + 1])
			continue;
		queue[qt++] = i;
		while (qh < qt) {
			size_t u = queue[qh++];

			for (size_t k = at[u]; k < at[u + 1]; k++) {
				const struct edge *e = &st.edges[adj[k]];
				size_t v = e->a == u ? e->b : e->a;

				if (v == i || by[v] != (size_t)-1)
					continue;
				by[v] = adj[k];
				queue[qt++] = v;
			}
		}
	}
	free(adj);
	free(at);
	free(fill);
	free(queue);
	return by;
}

static const struct wcol report_cols[] = {
	{ "kept_id", WT_TEXT }, { "kept_line", WT_TEXT }, { "merged_id", WT_TEXT },
	{ "merged_line", WT_TEXT }, { "reason", WT_TEXT }, { "detail", WT_TEXT },
};

/* Writes the report: one row per merged record, by group. */
static void
write_report(struct writer *w, const size_t *mem, const size_t *at)
{
	size_t *by = tree();
	struct buf b;
	size_t off[6];
	const char *v[6];

	buf_init(&b);
	writer_columns(w, report_cols, 6);
	for (size_t r = 0; r < st.r.n; r++) {
		for (size_t k = at[r] + 1; k < at[r + 1]; k++) {
			size_t m = mem[k];
			const struct edge *e = &st.edges[by[m]];
			size_t via = e->a == m ? e->b : e->a;

			buf_reset(&b);
			off[0] = b.len;
			recs_ref(&b, &st.r, &st.d, r, st.recc[D_ID]);
			buf_addc(&b, '\0');
			off[1] = b.len;
			buf_printf(&b, "%s:%ld", recs_file(&st.r, &st.d, r), st.r.line[r]);
			buf_addc(&b, '\0');
			off[2] = b.len;
			recs_ref(&b, &st.r, &st.d, m, st.recc[D_ID]);
			buf_addc(&b, '\0');
			off[3] = b.len;
			buf_printf(&b, "%s:%ld", recs_file(&st.r, &st.d, m), st.r.line[m]);
			buf_addc(&b, '\0');
			off[4] = b.len;
			buf_adds(&b, rule_names[e->rule]);
			buf_addc(&b, '\0');
			off[5] = b.len;
			buf_adds(&b, st.details.data + e->detail);
			if (via != r) {
				buf_adds(&b, _(", via "));
				recs_ref(&b, &st.r, &st.d, via, st.recc[D_ID]);
			}
			buf_addc(&b, '\0');
			for (int i = 0; i < 6; i++)
				v[i] = b.data + off[i];
			writer_row(w, v);
		}
	}
	buf_release(&b);
	free(by);
}

/* Writes the deduplicated directory, in input order. */
static void
write_directory(struct writer *w, const struct wcol *cols, const size_t *mem, const size_t *at)
{
	struct merge mg;

	memset(&mg, 0, sizeof mg);
	buf_init(&mg.out);
	buf_init(&mg.seen);
	buf_init(&mg.ref);
	buf_init(&mg.conflicts);
	mg.off = xcalloc(st.nout, sizeof *mg.off);
	mg.v = xcalloc(st.nout, sizeof *mg.v);
	writer_columns(w, cols, st.nout);
	for (size_t i = 0; i < st.r.n; i++) {
		if (uf_find(i) != i)
			continue;
		if (at[i + 1] - at[i] == 1) {
			for (size_t c = 0; c < st.nout; c++)
				mg.v[c] = c < st.d.ncols ? recs_get(&st.r, i, (int)c) : "";
		} else
			merge_group(&mg, mem + at[i], at[i + 1] - at[i]);
		writer_row(w, mg.v);
	}
	buf_release(&mg.out);
	buf_release(&mg.seen);
	buf_release(&mg.ref);
	buf_release(&mg.conflicts);
	free(mg.off);
	free(mg.v);
	free(mg.cv);
	free(mg.cvlen);
}

int
dedupe_run(char **files)
{
	struct writer w, rw;
	struct wcol *cols;
	size_t *mem, *at, kept = 0;

	memset(&st, 0, sizeof st);
	map_init(&st.sirets);
	buf_init(&st.details);
	buf_init(&st.b1);
	buf_init(&st.b2);
	words_init(&st.scratch);
	dir_open(&st.d, files, 0);
	find_columns(&cols);
	recs_init(&st.r, st.d.ncols);
	read_records();
	st.parent = xcalloc(st.r.n ? st.r.n : 1, sizeof *st.parent);
	for (size_t i = 0; i < st.r.n; i++)
		st.parent[i] = i;
	rule_siret();
	rule_name_postcode();
	rule_name_nearby();
	groups(&mem, &at);
	for (size_t i = 0; i < st.r.n; i++)
		kept += uf_find(i) == i;
	if (opt.dry_run) {
		struct writer_opts o = cli.out;

		if (opt.report)
			o.path = opt.report;
		writer_open(&w, &o);
		write_report(&w, mem, at);
	} else {
		writer_open(&w, &cli.out);
		write_directory(&w, cols, mem, at);
		if (opt.report) {
			struct writer_opts o = { OF_CSV, cli.out.excel, opt.report };

			writer_open(&rw, &o);
			write_report(&rw, mem, at);
			writer_close(&rw);
		}
	}
	writer_note(&w, _("records read: %zu, kept: %zu, merged into others: %zu"),
		st.r.n, kept, st.r.n - kept);
	if (cli.in.verbose)
		ess_warn(_("records read: %zu, kept: %zu, merged into others: %zu"),
			st.r.n, kept, st.r.n - kept);
	writer_close(&w);
	free(mem);
	free(at);
	free(cols);
	free(st.dcol);
	free(st.lat);
	free(st.lon);
	free(st.located);
	free(st.siret);
	free(st.parent);
	free(st.edges);
	map_release(&st.sirets);
	buf_release(&st.details);
	buf_release(&st.b1);
	buf_release(&st.b2);
	words_release(&st.scratch);
	recs_release(&st.r);
	dir_close(&st.d);
	return 0;
}
