/*
 * attendance.c: the counts of a sign-in sheet (participants, distinct
 * structures and partners, present, represented, the quorum), for the
 * attendance command and for the summary a document opens with.
 *
 * A sheet has the columns name, structure, kind, status and proxy_holder
 * (French aliases in cols below).  kind is a free word (structure,
 * partner, elected, resident...), folded; status is present (also when
 * empty) or represented.  structures and partners count distinct
 * organisations (structure column, folded) of those two kinds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "map.h"
#include "minutes.h"
#include "num.h"
#include "table.h"
#include "text.h"
#include "write.h"

enum { A_NAME, A_STRUCTURE, A_KIND, A_STATUS, A_PROXY, A_N };

static const struct colspec cols[A_N] = {
	[A_NAME] = { "name", "nom|prenom_nom|participant|participante|personne", 0 },
	[A_STRUCTURE] = { "structure", "organisation|organisme|organization|association|entreprise", 0 },
	[A_KIND] = { "kind", "type|categorie|category|qualite|college", 0 },
	[A_STATUS] = { "status", "statut|presence|etat", 0 },
	[A_PROXY] = { "proxy_holder", "mandataire|pouvoir_a|pouvoir|proxy|represente_par", 0 },
};

/* --quorum (or the header's quorum key): members, or tenths of a percent
 * of eligible; 50% by default. */
static long quorum_n = -1, quorum_pct10 = 500;

int
attendance_set_quorum(const char *spec)
{
	int64_t v;

	if (strchr(spec, '%')) {
		if (num_parse_percent(spec, &v) != 0 || v < 0 || v > 1000)
			return -1;
		quorum_pct10 = (long)v;
		quorum_n = -1;
		return 0;
	}
	if (num_parse_int(spec, &v) != 0 || v < 0 || v > 100000000)
		return -1;
	quorum_n = (long)v;
	return 0;
}

long
attendance_quorum(long eligible)
{
	if (eligible < 0)
		return -1;
	if (quorum_n >= 0)
		return quorum_n;
	return (long)(((int64_t)quorum_pct10 * eligible + 999) / 1000);
}

static void
keep_row(struct mtable *t, const struct row *r)
{
	size_t total = 0;
	char **row, *at;

	for (size_t c = 0; c < t->ncols; c++)
		total += r->len[c] + 1;
	if ((t->nrows & (t->nrows - 1)) == 0)
		t->cells = xreallocarray(t->cells, t->nrows ? 2 * t->nrows : 1, sizeof *t->cells);
	row = xmalloc(t->ncols * sizeof *row + total + 1);
	at = (char *)(row + t->ncols);
	for (size_t c = 0; c < t->ncols; c++) {
		memcpy(at, r->f[c], r->len[c]);
		at[r->len[c]] = '\0';
		row[c] = at;
		at += r->len[c] + 1;
	}
	t->cells[t->nrows++] = row;
}

/* Whether the folded word is one of the '|'-separated names. */
static int
is_word(const struct buf *w, const char *names)
{
	size_t n = w->len;

	for (const char *s = names;;) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);

		if (len == n && memcmp(s, w->data, n) == 0)
			return 1;
		if (!bar)
			return 0;
		s = bar + 1;
	}
}

void
attendance_rows(struct attendance *a, struct table *t, long eligible, struct mtable *keep)
{
	struct map structures, partners;
	struct buf w = BUF_INIT, org = BUF_INIT;
	int idx[A_N];
	struct row *r;

	memset(a, 0, sizeof *a);
	table_resolve(t, cols, A_N, idx);
	if (idx[A_NAME] < 0 && idx[A_STRUCTURE] < 0)
		table_die_header(t, _("a sign-in sheet needs a column name or structure"));
	if (keep) {
		keep->cols = xreallocarray(NULL, t->ncols ? t->ncols : 1, sizeof *keep->cols);
		for (size_t c = 0; c < t->ncols; c++)
			keep->cols[keep->ncols++] = xstrdup(t->cols[c]);
	}
	map_init(&structures);
	map_init(&partners);
	while ((r = table_next(t))) {
		size_t len;
		const char *v = row_field(r, idx[A_STATUS], &len);
		int is_structure, is_partner, added;

		buf_reset(&w);
		text_fold_key(&w, v, len);
		if (w.len == 0 || is_word(&w, "present|presente|p|oui|yes|x"))
			a->present++;
		else if (is_word(&w, "represented|representee|represente|proxy|pouvoir|r"))
			a->represented++;
		else {
			table_reject(t, r, idx[A_STATUS], _("status '%s' is neither present nor represented"), v);
			continue;
		}
		a->participants++;
		if (keep)
			keep_row(keep, r);
		v = row_field(r, idx[A_KIND], &len);
		buf_reset(&w);
		text_fold_key(&w, v, len);
		is_structure = is_word(&w, "structure|organisation|organisme|association|acteur|actrice");
		is_partner = is_word(&w, "partner|partenaire");
		if (!is_structure && !is_partner)
			continue;
		v = row_field(r, idx[A_STRUCTURE], &len);
		buf_reset(&org);
		text_fold(&org, v, len);
		if (org.len == 0)
			continue;	/* no organisation named: not counted */
		map_put(is_structure ? &structures : &partners, org.data, org.len, &added);
	}
	a->structures = (long)structures.n;
	a->partners = (long)partners.n;
	a->eligible = eligible;
	a->quorum = attendance_quorum(eligible);
	a->quorum_met = a->quorum >= 0 && a->present + a->represented >= a->quorum;
	map_release(&structures);
	map_release(&partners);
	buf_release(&w);
	buf_release(&org);
}

void
attendance_count(struct attendance *a, const char *path, long eligible)
{
	struct table_opts o = cli.in;
	struct table *t;

	o.threads = 1;
	t = table_open(path, &o);
	attendance_rows(a, t, eligible, NULL);
	table_close(t);
}

/* ------------------------------------------------------------ the command */

static long opt_eligible = -1;

enum { OPT_ELIGIBLE = 0x200, OPT_QUORUM };

static const struct argp_option options[] = {
	{ "eligible", OPT_ELIGIBLE, N_("N"), 0, N_("members who may vote, for the quorum"), 0 },
	{ "quorum", OPT_QUORUM, N_("N|P%"), 0, N_("members, or percent of eligible (rounded up), needed present or represented (default 50%)"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static const char doc[] = N_(
	"Count a sign-in sheet (FILE, or standard input): participants, distinct "
	"structures and partners, present and represented members, and with "
	"--eligible the quorum and whether it is met."
	"\vThe sheet's columns are name, structure, kind (structure, partner, "
	"elected, resident...), status (present, the default, or represented) "
	"and proxy_holder, or their French names (nom, organisation, type, "
	"statut, mandataire).  The counts are one row: participants, structures, "
	"partners, present, represented, eligible, quorum, quorum_met; with -o "
	"json, one object with those keys.");

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	int64_t v;

	switch (key) {
	case OPT_ELIGIBLE:
		if (num_parse_int(arg, &v) != 0 || v <= 0 || v > 100000000)
			argp_error(state, _("--eligible: '%s' is not a positive whole number"), arg);
		opt_eligible = (long)v;
		break;
	case OPT_QUORUM:
		if (attendance_set_quorum(arg) != 0)
			argp_error(state, _("--quorum: '%s' is neither a number of members nor a percentage between 0 and 100"), arg);
		break;
	default:
		return minutes_parse_arg(key, arg, state);
	}
	return 0;
}

const struct argp attendance_argp = {
	options, parse_opt, N_("[FILE]"), doc, cli_children, NULL, ESS_PACKAGE,
};

static const struct wcol out_cols[] = {
	{ "participants", WT_INT }, { "structures", WT_INT }, { "partners", WT_INT },
	{ "present", WT_INT }, { "represented", WT_INT }, { "eligible", WT_INT },
	{ "quorum", WT_INT }, { "quorum_met", WT_TEXT },
};

int
attendance_run(char **files)
{
	const char *path = files && files[0] ? files[0] : "-";
	struct table_opts o = cli.in;
	struct attendance a;
	struct writer w;
	struct table *t;

	if (files && files[0] && files[1])
		ess_die(EX_USAGE, _("attendance takes one FILE, not %s and %s"), files[0], files[1]);
	o.threads = 1;
	t = table_open(path, &o);
	attendance_rows(&a, t, opt_eligible, NULL);
	table_close(t);
	if (cli.out.format == OF_JSON) {
		/* One object, drawn here: the writer only carries the stream. */
		struct writer_opts wo = cli.out;

		wo.format = OF_TXT;
		writer_open(&w, &wo);
		json_t *obj = json_object();

		json_object_set_new(obj, "participants", json_integer(a.participants));
		json_object_set_new(obj, "structures", json_integer(a.structures));
		json_object_set_new(obj, "partners", json_integer(a.partners));
		json_object_set_new(obj, "present", json_integer(a.present));
		json_object_set_new(obj, "represented", json_integer(a.represented));
		json_object_set_new(obj, "eligible", a.eligible >= 0 ? json_integer(a.eligible) : json_null());
		json_object_set_new(obj, "quorum", a.quorum >= 0 ? json_integer(a.quorum) : json_null());
		json_object_set_new(obj, "quorum_met", a.quorum >= 0 ? json_boolean(a.quorum_met) : json_null());
		json_write(writer_file(&w), obj);
		json_decref(obj);
	} else {
		char v[8][32];
		const char *row[8];

		writer_open(&w, &cli.out);
		snprintf(v[0], sizeof v[0], "%ld", a.participants);
		snprintf(v[1], sizeof v[1], "%ld", a.structures);
		snprintf(v[2], sizeof v[2], "%ld", a.partners);
		snprintf(v[3], sizeof v[3], "%ld", a.present);
		snprintf(v[4], sizeof v[4], "%ld", a.represented);
		if (a.eligible >= 0)
			snprintf(v[5], sizeof v[5], "%ld", a.eligible);
		else
			v[5][0] = '\0';
		if (a.quorum >= 0) {
			snprintf(v[6], sizeof v[6], "%ld", a.quorum);
			snprintf(v[7], sizeof v[7], "%s", a.quorum_met ? "true" : "false");
		} else
			v[6][0] = v[7][0] = '\0';
		for (int i = 0; i < 8; i++)
			row[i] = v[i];
		writer_columns(&w, out_cols, 8);
		writer_row(&w, row);
		if (a.quorum >= 0)
			writer_note(&w, _("quorum: %ld needed, %ld present or represented: %s"), a.quorum,
				a.present + a.represented, a.quorum_met ? _("met") : _("not met"));
	}
	writer_close(&w);
	return ess_exit_status;
}
