/*
 * stats.c: how many records by family (or by another column), and their
 * share, like the seed's "associations 70 %, coopératives 26 %".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "dir.h"
#include "err.h"
#include "map.h"
#include "num.h"
#include "text.h"

static struct {
	const char *by;		/* NULL: family */
	int department;
} st;

enum { OPT_BY = 0x200 };

static const struct argp_option options[] = {
	{ "by", OPT_BY, N_("COLUMN"), 0, N_("count by COLUMN instead of family (commune, sector, department...)"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_BY:
		if (!*arg)
			argp_error(state, "%s", _("--by: no column named"));
		st.by = arg;
		st.department = strcmp(arg, "department") == 0 || strcmp(arg, "departement") == 0 ||
			strcmp(arg, "département") == 0;
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Count the records by family (the default) or by another column, with "
	"each value's share of the records in percent."
	"\v--by=department counts by the postcode's department (the first two "
	"digits, three overseas; Corsica's 2A and 2B from the INSEE code).  A "
	"column of several values (offers, needs, tags) counts each value, so "
	"shares may add up to more than 100.  Rows are sorted by count, then "
	"by value; an empty value is counted as \"\" and listed last.  -o svg "
	"draws the counts as bars.");

const struct argp stats_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

struct group {
	char *name;	/* the first spelling met */
	long count;
	int order;	/* families: their rank; others: 0 */
};

/* Values are grouped by their folded form: "Nontron" and "NONTRON" are
 * one commune. */
static struct map keys;
static struct group *groups;
static size_t ngroups;
static struct buf key;

static void
count(const char *s, size_t len, int order)
{
	int added;
	size_t slot;

	key.len = 0;
	text_fold(&key, s, len);
	slot = map_put(&keys, key.data ? key.data : "", key.len, &added);
	if (added) {
		groups = xreallocarray(groups, ngroups + 1, sizeof *groups);
		groups[ngroups++] = (struct group){ xstrndup(s, len), 0, order };
	}
	groups[slot].count++;
}

static int
by_count(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	size_t xl = strlen(x->name), yl = strlen(y->name);

	if ((xl == 0) != (yl == 0))
		return xl == 0 ? 1 : -1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The department of a record: 2 digits, 3 for overseas (97x, 98x),
 * 2A/2B for Corsica from the INSEE code when there is one. */
static void
department(const struct dir_reader *d, char *out)
{
	size_t len, ilen;
	const char *pc = dir_getn(d, D_POSTCODE, &len);
	const char *insee = dir_getn(d, D_INSEE_CODE, &ilen);

	out[0] = '\0';
	if (ilen == 5 && insee[0] == '2' && (insee[1] == 'A' || insee[1] == 'a' ||
	    insee[1] == 'B' || insee[1] == 'b')) {
		out[0] = '2';
		out[1] = (char)(insee[1] & ~0x20);
		out[2] = '\0';
		return;
	}
	if (len == 4 && pc[0] >= '1' && pc[0] <= '9') {
		out[0] = '0';
		out[1] = pc[0];
		out[2] = '\0';
		return;
	}
	if (len != 5) {
		if (ilen == 5)
			pc = insee;	/* no postcode: the commune's code */
		else
			return;
	}
	if (pc[0] == '9' && (pc[1] == '7' || pc[1] == '8')) {
		memcpy(out, pc, 3);
		out[3] = '\0';
	} else {
		memcpy(out, pc, 2);
		out[2] = '\0';
	}
}

int
stats_run(char **files)
{
	struct dir_reader d;
	struct writer w;
	struct buf barbuf;
	long records = 0;
	int col = -1, rec = D_FAMILY, list = 0;
	char share[32], num[32], dep[8];
	struct wcol cols[4];
	long max = 0;

	map_init(&keys);
	dir_open(&d, files, 0);
	if (st.by && !st.department) {
		/* A record column by any of its names, or any other column. */
		struct buf f1, f2;

		buf_init(&f1);
		buf_init(&f2);
		table_fold_name(&f1, st.by);
		rec = -1;
		for (int c = 0; c < D_NCOLS && rec < 0; c++) {
			const char *a = dir_spec[c].aliases, *e;

			f2.len = 0;
			table_fold_name(&f2, dir_spec[c].name);
			if (f1.len == f2.len && memcmp(f1.data, f2.data, f1.len) == 0)
				rec = c;
			while (rec < 0 && *a) {
				e = strchr(a, '|');
				if (!e)
					e = a + strlen(a);
				f2.len = 0;
				{
					char *name = xstrndup(a, (size_t)(e - a));

					table_fold_name(&f2, name);
					free(name);
				}
				if (f1.len == f2.len && memcmp(f1.data, f2.data, f1.len) == 0)
					rec = c;
				a = *e ? e + 1 : e;
			}
		}
		buf_release(&f1);
		buf_release(&f2);
		if (rec < 0) {
			for (size_t i = 0; i < d.nsrc; i++) {
				int j = table_find(d.src[i].t, st.by);

				if (j < 0) {
					char msg[200];

					snprintf(msg, sizeof msg, _("no '%s' column to count by"), st.by);
					table_die_header(d.src[i].t, msg);
				}
				if (i == 0)
					col = d.src[0].to[j];
			}
		} else
			list = dir_wtype[rec] == WT_LIST;
	}
	if (rec >= 0 || st.department) {
		enum dcol need = st.department ? D_POSTCODE : (enum dcol)rec;

		for (size_t i = 0; i < d.nsrc; i++)
			if (d.src[i].idx[need] < 0 && !(st.department && d.src[i].idx[D_INSEE_CODE] >= 0)) {
				char msg[200];

				snprintf(msg, sizeof msg, _("no '%s' column to count by"), dir_spec[need].name);
				table_die_header(d.src[i].t, msg);
			}
	}
	while (dir_next(&d)) {
		const char *v;
		size_t len;

		records++;
		if (st.department) {
			department(&d, dep);
			count(dep, strlen(dep), 0);
		} else if (col >= 0) {
			v = d.v[col];
			len = strlen(v);
			while (len && v[0] == ' ')
				v++, len--;
			while (len && v[len - 1] == ' ')
				len--;
			count(v, len, 0);
		} else if (list) {
			const char *p = dir_get(&d, (enum dcol)rec);
			int any = 0;

			while ((v = list_next(&p, &len))) {
				count(v, len, 0);
				any = 1;
			}
			if (!any)
				count("", 0, 0);
		} else if (rec == D_FAMILY) {
			int f;

			v = dir_getn(&d, D_FAMILY, &len);
			f = len ? family_parse(v, len) : -1;
			if (f >= 0)
				count(family_names[f], strlen(family_names[f]), f);
			else if (!len)
				count("", 0, F_NFAMILIES);
			else {
				table_warn(d.t, d.row, dir_field(&d, D_FAMILY),
					_("family '%.*s' is not association, cooperative, mutual, foundation, esus, company, public or other"),
					(int)len, v);
				count(v, len, F_NFAMILIES);
			}
		} else {
			v = dir_getn(&d, (enum dcol)rec, &len);
			count(v, len, 0);
		}
	}
	if (ngroups)
		qsort(groups, ngroups, sizeof *groups, by_count);
	for (size_t i = 0; i < ngroups; i++)
		if (groups[i].count > max)
			max = groups[i].count;
	writer_open(&w, &cli.out);
	cols[0] = (struct wcol){ st.by ? st.by : "family", WT_TEXT };
	cols[1] = (struct wcol){ "count", WT_INT };
	cols[2] = (struct wcol){ "share", WT_DEC };
	cols[3] = (struct wcol){ "", WT_TEXT };
	buf_init(&barbuf);
	if (w.format == OF_SVG) {
		static const struct chart_series series[] = { { N_("records"), "#2e7d32" } };
		struct chart_series s = { _(series[0].name), series[0].colour };
		struct chart_bar *bars = xcalloc(ngroups ? ngroups : 1, sizeof *bars);
		int64_t *vals = xcalloc(ngroups ? ngroups : 1, sizeof *vals);
		char title[128];
		struct chart c = { title, NULL, &s, 1, bars, ngroups };

		snprintf(title, sizeof title, _("Records by %s"), st.by ? st.by : _("family"));
		for (size_t i = 0; i < ngroups; i++) {
			bars[i].label = groups[i].name;
			if (!*groups[i].name)
				bars[i].label = _("(empty)");
			vals[i] = groups[i].count;
			bars[i].values = &vals[i];
		}
		chart_hbar_svg(writer_file(&w), &c);
		free(bars);
		free(vals);
	} else {
		writer_columns(&w, cols, w.format == OF_TABLE ? 4 : 3);
		for (size_t i = 0; i < ngroups; i++) {
			const char *v[4];

			v[0] = groups[i].name;
			snprintf(num, sizeof num, "%ld", groups[i].count);
			v[1] = num;
			if (records)
				num_format_percent(groups[i].count, records, share);
			else
				snprintf(share, sizeof share, "0.0");
			v[2] = share;
			buf_reset(&barbuf);
			for (long k = 0; max && k < (groups[i].count * 30 + max / 2) / max; k++)
				buf_adds(&barbuf, "█");
			v[3] = barbuf.data ? barbuf.data : "";
			writer_row(&w, v);
		}
		writer_note(&w, ngettext("%ld record", "%ld records", records), records);
	}
	writer_close(&w);
	buf_release(&barbuf);
	dir_close(&d);
	map_release(&keys);
	for (size_t i = 0; i < ngroups; i++)
		free(groups[i].name);
	free(groups);
	buf_release(&key);
	return 0;
}
