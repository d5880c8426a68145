/*
 * import-rna.c: the RNA's extracts (Répertoire national des associations)
 * onto the record.
 *
 * Two shapes, read by column name: rna_waldec (the address in adrs_numvoie,
 * adrs_typevoie, adrs_libvoie... and the commune in adrs_libcommune) and
 * rna_import (the address in adr1, adr2, adr3 and the commune in libcom).
 * Older files are Windows-1252 or Latin-1: imp_open_detect reads them so.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "sirene-import.h"

enum {
	R_ID, R_SIRET, R_TITRE, R_TITRE_COURT, R_OBJET, R_GROUPEMENT,
	R_COMPLEMENT, R_NUMVOIE, R_REPETITION, R_TYPEVOIE, R_LIBVOIE, R_DISTRIB,
	R_ADR1, R_ADR2, R_ADR3, R_INSEE, R_POSTCODE, R_COMMUNE, R_SITEWEB,
	R_POSITION, R_MAJ, R_DISSO, R_NCOLS
};
static const struct colspec rna_spec[R_NCOLS] = {
	{ "id", NULL, COL_REQUIRED },
	{ "siret", NULL, 0 },
	{ "titre", NULL, COL_REQUIRED },
	{ "titre_court", NULL, 0 },
	{ "objet", NULL, 0 },
	{ "groupement", NULL, 0 },
	{ "adrs_complement", NULL, 0 },
	{ "adrs_numvoie", NULL, 0 },
	{ "adrs_repetition", NULL, 0 },
	{ "adrs_typevoie", NULL, 0 },
	{ "adrs_libvoie", NULL, 0 },
	{ "adrs_distrib", NULL, 0 },
	{ "adr1", NULL, 0 },
	{ "adr2", NULL, 0 },
	{ "adr3", NULL, 0 },
	{ "adrs_codeinsee", NULL, 0 },
	{ "adrs_codepostal", NULL, 0 },
	{ "adrs_libcommune", "libcom", 0 },
	{ "siteweb", NULL, 0 },
	{ "position", NULL, COL_REQUIRED },
	{ "maj_time", NULL, 0 },
	{ "date_disso", NULL, 0 },
};

enum { X_RULE = D_NCOLS, X_ACTIVE };
static const char *const extras[] = { "family_rule", "active" };

struct rna {
	struct table *t;
	int c[R_NCOLS];
	struct imp_out out;
	struct buf addr, street;
	char date[11], disso[11];
};

/* The address: complement, street and distribution (rna_waldec), or the
 * lines adr1 to adr3 (rna_import). */
static const char *
address(struct rna *a, struct row *r)
{
	size_t nl, rl, tl, vl, len;
	const char *n = imp_field(r, a->c[R_NUMVOIE], &nl), *rep = imp_field(r, a->c[R_REPETITION], &rl);
	const char *t = imp_field(r, a->c[R_TYPEVOIE], &tl), *v = imp_field(r, a->c[R_LIBVOIE], &vl);
	const char *s;

	buf_reset(&a->addr);
	buf_reset(&a->street);
	s = imp_field(r, a->c[R_COMPLEMENT], &len);
	imp_join(&a->addr, ", ", s, len);
	imp_street(&a->street, n, nl, rep, rl, t, tl, v, vl);
	imp_join(&a->addr, ", ", a->street.data, a->street.len);
	for (int k = R_DISTRIB; k <= R_ADR3; k++) {
		s = imp_field(r, a->c[k], &len);
		imp_join(&a->addr, ", ", s, len);
	}
	return a->addr.data;
}

/* The row's position as a POS_* bit, or 0 (rejected) when it is none. */
static unsigned
position(struct rna *a, struct row *r)
{
	size_t len;
	const char *p = imp_field(r, a->c[R_POSITION], &len);

	if (len == 1)
		switch (p[0]) {
		case 'A': case 'a': return POS_A;
		case 'D': case 'd': return POS_D;
		case 'R': case 'r': return POS_R;
		case 'S': case 's': return POS_S;
		}
	table_reject(a->t, r, a->c[R_POSITION],
		_("position '%s' is not A (active), D (dissolved), R or S"), p);
	return 0;
}

/* A date column, or "" with a warning when it is no date. */
static const char *
date_of(struct rna *a, struct row *r, int col, char *out)
{
	size_t len;
	const char *v = imp_field(r, a->c[col], &len);
	const char *d = imp_date(v, len, out);

	if (!d) {
		table_warn(a->t, r, a->c[col], _("%s '%s' is not a date: left empty"),
			rna_spec[col].name, v);
		return "";
	}
	return d;
}

static void
do_row(struct rna *a, struct row *r)
{
	const char **v = a->out.v;
	size_t len;
	const char *s, *disso;
	unsigned pos = position(a, r);

	if (!pos)
		return;
	if (!(imp.positions & pos)) {
		a->out.filtered++;
		return;
	}
	s = imp_field(r, a->c[R_ID], &len);
	if (!len) {
		table_reject(a->t, r, a->c[R_ID], "%s", _("no RNA number in column 'id'"));
		return;
	}
	v[D_ID] = v[D_RNA] = s;
	v[D_NAME] = imp_field(r, a->c[R_TITRE], &len);
	if (!len)
		v[D_NAME] = imp_field(r, a->c[R_TITRE_COURT], NULL);
	v[D_FAMILY] = "association";
	v[X_RULE] = "rna";
	s = imp_field(r, a->c[R_GROUPEMENT], &len);
	v[D_LEGAL_FORM] = len == 1 && (s[0] == 'U' || s[0] == 'u') ? "union d'associations"
		: len == 1 && (s[0] == 'F' || s[0] == 'f') ? "fédération d'associations"
		: "association";
	v[D_SIRET] = imp_field(r, a->c[R_SIRET], NULL);
	v[D_DESCRIPTION] = imp_field(r, a->c[R_OBJET], NULL);
	v[D_ADDRESS] = address(a, r);
	v[D_POSTCODE] = imp_field(r, a->c[R_POSTCODE], NULL);
	v[D_COMMUNE] = imp_field(r, a->c[R_COMMUNE], NULL);
	v[D_INSEE_CODE] = imp_field(r, a->c[R_INSEE], NULL);
	v[D_WEBSITE] = imp_field(r, a->c[R_SITEWEB], NULL);
	v[D_SOURCE] = "rna";
	v[D_UPDATED] = date_of(a, r, R_MAJ, a->date);
	disso = date_of(a, r, R_DISSO, a->disso);
	v[X_ACTIVE] = pos == POS_A && !*disso ? "true" : "false";
	imp_out_row(&a->out);
}

int
import_rna(char **files)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };
	struct table **tables;
	int (*cols)[R_NCOLS];
	struct rna a;
	struct row *r;
	size_t n = 0;
	long rejected = 0;

	memset(&a, 0, sizeof a);
	buf_init(&a.addr);
	buf_init(&a.street);
	if (!files || !files[0])
		files = stdin_only;
	while (files[n])
		n++;
	/* Every file is opened, and its header checked, before any output. */
	tables = xreallocarray(NULL, n, sizeof(struct table *));
	cols = xreallocarray(NULL, n, sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		tables[i] = imp_open_detect(files[i]);
		table_resolve(tables[i], rna_spec, R_NCOLS, cols[i]);
	}
	imp_out_open(&a.out, extras, sizeof extras / sizeof *extras);
	for (size_t i = 0; i < n; i++) {
		a.t = tables[i];
		memcpy(a.c, cols[i], sizeof a.c);
		while ((r = table_next(a.t)))
			do_row(&a, r);
		rejected += a.t->rejected;
		table_close(a.t);
	}
	imp_out_close(&a.out, rejected);
	free(tables);
	free(cols);
	buf_release(&a.addr);
	buf_release(&a.street);
	return 0;
}
