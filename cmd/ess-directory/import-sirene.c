/*
 * import-sirene.c: INSEE's SIRENE stock files onto the record.
 *
 * A legal-unit file (StockUniteLegale: siren, denominationUniteLegale...)
 * and an establishment file (StockEtablissement: siret, nic...) are told
 * apart by their headers.  With both, establishments are joined to their
 * unit by a merge join: INSEE sorts both files by siren, so the two are
 * read in step, one row of each in memory, whatever their size.  A file
 * found out of order stops the run at that line.
 *
 * The family comes from the legal category (categorieJuridiqueUniteLegale)
 * by the table of the ESS families, else from the ESS flag
 * (economieSocialeSolidaireUniteLegale = O: esus), else from the
 * category's first digit (company, public or other).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "sirene-import.h"

/* The legal-unit columns read, by INSEE's names. */
enum {
	U_SIREN, U_DENOMINATION, U_SIGLE, U_DENOM_USUELLE, U_NOM, U_NOM_USAGE,
	U_PRENOM, U_PRENOM_USUEL, U_CATEGORIE, U_NAF, U_ESS, U_ETAT, U_RNA,
	U_TRANCHE, U_NIC_SIEGE, U_UPDATED, U_NCOLS
};
static const struct colspec unit_spec[U_NCOLS] = {
	{ "siren", NULL, COL_REQUIRED },
	{ "denominationUniteLegale", NULL, 0 },
	{ "sigleUniteLegale", NULL, 0 },
	{ "denominationUsuelle1UniteLegale", NULL, 0 },
	{ "nomUniteLegale", NULL, 0 },
	{ "nomUsageUniteLegale", NULL, 0 },
	{ "prenom1UniteLegale", NULL, 0 },
	{ "prenomUsuelUniteLegale", NULL, 0 },
	{ "categorieJuridiqueUniteLegale", NULL, 0 },
	{ "activitePrincipaleUniteLegale", NULL, 0 },
	{ "economieSocialeSolidaireUniteLegale", NULL, 0 },
	{ "etatAdministratifUniteLegale", NULL, 0 },
	{ "identifiantAssociationUniteLegale", NULL, 0 },
	{ "trancheEffectifsUniteLegale", NULL, 0 },
	{ "nicSiegeUniteLegale", NULL, 0 },
	{ "dateDernierTraitementUniteLegale", NULL, 0 },
};

/* The establishment columns read. */
enum {
	E_SIREN, E_SIRET, E_ETAT, E_NUMERO, E_INDICE, E_TYPE_VOIE, E_VOIE,
	E_COMPLEMENT, E_POSTCODE, E_COMMUNE, E_INSEE, E_X, E_Y, E_NAF,
	E_DENOM_USUELLE, E_ENSEIGNE, E_TRANCHE, E_UPDATED, E_NCOLS
};
static const struct colspec etab_spec[E_NCOLS] = {
	{ "siren", NULL, COL_REQUIRED },
	{ "siret", NULL, COL_REQUIRED },
	{ "etatAdministratifEtablissement", NULL, 0 },
	{ "numeroVoieEtablissement", NULL, 0 },
	{ "indiceRepetitionEtablissement", NULL, 0 },
	{ "typeVoieEtablissement", NULL, 0 },
	{ "libelleVoieEtablissement", NULL, 0 },
	{ "complementAdresseEtablissement", NULL, 0 },
	{ "codePostalEtablissement", NULL, 0 },
	{ "libelleCommuneEtablissement", NULL, 0 },
	{ "codeCommuneEtablissement", NULL, 0 },
	{ "coordonneeLambertAbscisseEtablissement", NULL, 0 },
	{ "coordonneeLambertOrdonneeEtablissement", NULL, 0 },
	{ "activitePrincipaleEtablissement", NULL, 0 },
	{ "denominationUsuelleEtablissement", NULL, 0 },
	{ "enseigne1Etablissement", NULL, 0 },
	{ "trancheEffectifsEtablissement", NULL, 0 },
	{ "dateDernierTraitementEtablissement", NULL, 0 },
};

/* The extra columns, after family_rule. */
enum { X_RULE = D_NCOLS, X_BAND, X_ACTIVE };
static const char *const extras[] = { "family_rule", "headcount_band", "active" };

/*
 * Legal categories (INSEE, level III) with a family of their own (the
 * social economy's) or a common label; sorted by code.  Others get their
 * family and label from their first digit (level I).
 */
struct category {
	int code;
	short family;	/* -1: from the first digit */
	const char *label;
};
static const struct category categories[] = {
	{ 1000, -1, "entrepreneur individuel" },
	{ 5191, F_COOPERATIVE, "société de caution mutuelle" },
	{ 5192, F_COOPERATIVE, "société coopérative de banque populaire" },
	{ 5193, F_COOPERATIVE, "caisse de crédit maritime mutuel" },
	{ 5194, F_COOPERATIVE, "caisse (fédérale) de crédit mutuel" },
	{ 5195, F_COOPERATIVE, "association coopérative inscrite (droit local Alsace Moselle)" },
	{ 5196, F_COOPERATIVE, "caisse d'épargne et de prévoyance à forme coopérative" },
	{ 5203, F_COOPERATIVE, "société en nom collectif coopérative" },
	{ 5307, F_COOPERATIVE, "société en commandite simple coopérative" },
	{ 5309, F_COOPERATIVE, "société en commandite par actions coopérative" },
	{ 5443, F_COOPERATIVE, "SARL coopérative de construction" },
	{ 5451, F_COOPERATIVE, "SARL coopérative de consommation" },
	{ 5453, F_COOPERATIVE, "SARL coopérative artisanale" },
	{ 5454, F_COOPERATIVE, "SARL coopérative d'intérêt maritime" },
	{ 5455, F_COOPERATIVE, "SARL coopérative de transport" },
	{ 5458, F_COOPERATIVE, "SARL coopérative ouvrière de production (SCOP)" },
	{ 5459, F_COOPERATIVE, "SARL union de sociétés coopératives" },
	{ 5460, F_COOPERATIVE, "autre SARL coopérative" },
	{ 5498, -1, "SARL unipersonnelle" },
	{ 5499, -1, "société à responsabilité limitée" },
	{ 5543, F_COOPERATIVE, "SA coopérative de construction à conseil d'administration" },
	{ 5547, F_COOPERATIVE, "SA coopérative de production de HLM à conseil d'administration" },
	{ 5551, F_COOPERATIVE, "SA coopérative de consommation à conseil d'administration" },
	{ 5552, F_COOPERATIVE, "SA coopérative de commerçants-détaillants à conseil d'administration" },
	{ 5553, F_COOPERATIVE, "SA coopérative artisanale à conseil d'administration" },
	{ 5554, F_COOPERATIVE, "SA coopérative d'intérêt maritime à conseil d'administration" },
	{ 5555, F_COOPERATIVE, "SA coopérative de transport à conseil d'administration" },
	{ 5558, F_COOPERATIVE, "SA coopérative ouvrière de production (SCOP) à conseil d'administration" },
	{ 5559, F_COOPERATIVE, "SA union de sociétés coopératives à conseil d'administration" },
	{ 5560, F_COOPERATIVE, "autre SA coopérative à conseil d'administration" },
	{ 5599, -1, "SA à conseil d'administration" },
	{ 5643, F_COOPERATIVE, "SA coopérative de construction à directoire" },
	{ 5647, F_COOPERATIVE, "SA coopérative de production de HLM à directoire" },
	{ 5651, F_COOPERATIVE, "SA coopérative de consommation à directoire" },
	{ 5652, F_COOPERATIVE, "SA coopérative de commerçants-détaillants à directoire" },
	{ 5653, F_COOPERATIVE, "SA coopérative artisanale à directoire" },
	{ 5654, F_COOPERATIVE, "SA coopérative d'intérêt maritime à directoire" },
	{ 5655, F_COOPERATIVE, "SA coopérative de transport à directoire" },
	{ 5658, F_COOPERATIVE, "SA coopérative ouvrière de production (SCOP) à directoire" },
	{ 5659, F_COOPERATIVE, "SA union de sociétés coopératives à directoire" },
	{ 5660, F_COOPERATIVE, "autre SA coopérative à directoire" },
	{ 5699, -1, "SA à directoire" },
	{ 5710, -1, "société par actions simplifiée" },
	{ 5720, -1, "société par actions simplifiée à associé unique" },
	{ 6100, F_COOPERATIVE, "caisse d'épargne et de prévoyance" },
	{ 6220, -1, "groupement d'intérêt économique" },
	{ 6316, F_COOPERATIVE, "coopérative d'utilisation de matériel agricole en commun (CUMA)" },
	{ 6317, F_COOPERATIVE, "société coopérative agricole" },
	{ 6318, F_COOPERATIVE, "union de sociétés coopératives agricoles" },
	{ 6411, F_MUTUAL, "société d'assurance à forme mutuelle" },
	{ 6540, -1, "société civile immobilière" },
	{ 6543, F_COOPERATIVE, "société civile coopérative de construction" },
	{ 6551, F_COOPERATIVE, "société civile coopérative de consommation" },
	{ 6554, F_COOPERATIVE, "société civile coopérative d'intérêt maritime" },
	{ 6558, F_COOPERATIVE, "société civile coopérative entre médecins" },
	{ 6560, F_COOPERATIVE, "autre société civile coopérative" },
	{ 6595, F_COOPERATIVE, "caisse locale de crédit mutuel" },
	{ 6596, F_COOPERATIVE, "caisse de crédit agricole mutuel" },
	{ 7210, -1, "commune" },
	{ 7220, -1, "département" },
	{ 7230, -1, "région" },
	{ 7346, -1, "communauté de communes" },
	{ 7348, -1, "communauté d'agglomération" },
	{ 7361, -1, "centre communal d'action sociale" },
	{ 8210, F_MUTUAL, "mutuelle" },
	{ 8250, F_MUTUAL, "assurance mutuelle agricole" },
	{ 8290, F_MUTUAL, "autre organisme mutualiste" },
	{ 8310, -1, "comité social économique d'entreprise" },
	{ 8410, -1, "syndicat de salariés" },
	{ 8420, -1, "syndicat patronal" },
	{ 9210, F_ASSOCIATION, "association non déclarée" },
	{ 9220, F_ASSOCIATION, "association déclarée" },
	{ 9221, F_ASSOCIATION, "association déclarée d'insertion par l'économique" },
	{ 9222, F_ASSOCIATION, "association intermédiaire" },
	{ 9223, F_ASSOCIATION, "groupement d'employeurs" },
	{ 9224, F_ASSOCIATION, "association d'avocats à responsabilité professionnelle individuelle" },
	{ 9230, F_ASSOCIATION, "association déclarée reconnue d'utilité publique" },
	{ 9240, F_ASSOCIATION, "congrégation" },
	{ 9260, F_ASSOCIATION, "association de droit local (Bas-Rhin, Haut-Rhin et Moselle)" },
	{ 9300, F_FOUNDATION, "fondation" },
	{ 9900, -1, "autre personne morale de droit privé" },
};

/* Level I: the first digit. */
static const struct { short family; const char *label; } groups[10] = {
	{ F_OTHER, "organisme de placement collectif" },
	{ F_COMPANY, "entrepreneur individuel" },
	{ F_OTHER, "groupement de droit privé non doté de la personnalité morale" },
	{ F_OTHER, "personne morale de droit étranger" },
	{ F_PUBLIC, "personne morale de droit public soumise au droit commercial" },
	{ F_COMPANY, "société commerciale" },
	{ F_COMPANY, "autre personne morale immatriculée au RCS" },
	{ F_PUBLIC, "personne morale soumise au droit administratif" },
	{ F_OTHER, "organisme privé spécialisé" },
	{ F_OTHER, "groupement de droit privé" },
};

static const struct category *
category_find(int code)
{
	size_t lo = 0, hi = sizeof categories / sizeof *categories;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (categories[mid].code == code)
			return &categories[mid];
		if (categories[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The legal unit being joined: pointers into its row (valid until the
 * next unit is read) and what is worked out once per unit. */
struct unit {
	char siren[10];
	const char *rna, *naf, *band, *updated;
	const char *legal_form;
	int family;		/* -1: unknown */
	int ess, active, keep, matched;
	char siret[15];		/* the head office's, or "" */
	char date[11];
	struct buf name, rule;
};

struct sirene {
	struct table *ut, *et;	/* the unit and establishment files, or NULL */
	int u[U_NCOLS], e[E_NCOLS];
	struct unit unit;
	int have_unit, joining;
	char prev_u[10], prev_e[10];
	long units_alone, etabs_alone;
	struct imp_out out;
	struct buf addr, street;
	char lat[32], lon[32], date[11];
};

static int
digits(const char *s, size_t len, size_t want)
{
	if (len != want)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Works out the family, legal form and rule of a unit. */
static void
classify(struct sirene *s, struct row *r, struct unit *u)
{
	size_t len;
	const char *cat = imp_field(r, s->u[U_CATEGORIE], &len);
	const struct category *c = NULL;
	int code = -1;

	buf_reset(&u->rule);
	u->legal_form = "";
	u->family = -1;
	if (digits(cat, len, 4)) {
		code = (int)strtol(cat, NULL, 10);
		c = category_find(code);
		u->legal_form = c ? c->label : groups[(unsigned char)cat[0] - (unsigned char)'0'].label;
	} else if (len) {
		table_warn(s->ut, r, s->u[U_CATEGORIE],
			_("categorieJuridiqueUniteLegale '%s' is not 4 digits: family from the ESS flag only"), cat);
	}
	if (c && c->family >= 0) {
		u->family = c->family;
		buf_printf(&u->rule, "categorieJuridique %04d: %s", code, c->label);
	} else if (u->ess) {
		u->family = F_ESUS;
		buf_adds(&u->rule, "economieSocialeSolidaire=O");
	} else if (code >= 0) {
		u->family = groups[code / 1000].family;
		buf_printf(&u->rule, "categorieJuridique %04d: %s", code, u->legal_form);
	} else {
		buf_adds(&u->rule, "unknown: no categorieJuridique");
	}
}

/* The unit's name: its denomination, else the person's names, else its
 * usual name or acronym, as INSEE writes them. */
static void
unit_name(struct sirene *s, struct row *r, struct unit *u)
{
	size_t len, l2;
	const char *v = imp_field(r, s->u[U_DENOMINATION], &len);

	buf_reset(&u->name);
	if (len) {
		buf_add(&u->name, v, len);
		return;
	}
	v = imp_field(r, s->u[U_PRENOM_USUEL], &len);
	if (!len)
		v = imp_field(r, s->u[U_PRENOM], &len);
	imp_join(&u->name, " ", v, len);
	v = imp_field(r, s->u[U_NOM_USAGE], &l2);
	if (!l2)
		v = imp_field(r, s->u[U_NOM], &l2);
	imp_join(&u->name, " ", v, l2);
	if (u->name.len)
		return;
	v = imp_field(r, s->u[U_DENOM_USUELLE], &len);
	if (!len)
		v = imp_field(r, s->u[U_SIGLE], &len);
	buf_add(&u->name, v, len);
}

/* Dies at r when its siren comes before the one before it: the merge
 * join needs both files sorted. */
static void
check_order(struct table *t, struct row *r, int field, char *prev, const char *siren, int units)
{
	if (*prev && memcmp(siren, prev, 9) < 0) {
		if (units)
			table_warn(t, r, field,
				_("siren '%s' comes after '%s': the legal-unit file must be sorted by siren to be joined with the establishments (sort it, or import it alone)"),
				siren, prev);
		else
			table_warn(t, r, field,
				_("siren '%s' comes after '%s': the establishment file must be sorted by siren to be joined with the legal units (sort it, or import it alone)"),
				siren, prev);
		ess_exit(EX_DATAERR);
	}
	memcpy(prev, siren, 10);
}

/* Reads the next legal unit into s->unit; 0 at the end of the file. */
static int
next_unit(struct sirene *s)
{
	struct unit *u = &s->unit;
	struct row *r;
	size_t len;
	const char *v;

	while ((r = table_next(s->ut))) {
		v = imp_field(r, s->u[U_SIREN], &len);
		if (!digits(v, len, 9)) {
			table_reject(s->ut, r, s->u[U_SIREN], _("siren '%s' is not 9 digits"), v);
			continue;
		}
		if (s->joining) {
			if (*s->prev_u && memcmp(v, s->prev_u, 9) == 0) {
				table_reject(s->ut, r, s->u[U_SIREN],
					_("siren '%s' appears twice in the legal-unit file"), v);
				continue;
			}
			check_order(s->ut, r, s->u[U_SIREN], s->prev_u, v, 1);
		}
		memcpy(u->siren, v, 10);
		v = imp_field(r, s->u[U_ESS], &len);
		u->ess = len == 1 && v[0] == 'O';
		v = imp_field(r, s->u[U_ETAT], &len);
		u->active = len == 1 && v[0] == 'A';
		classify(s, r, u);
		unit_name(s, r, u);
		u->rna = imp_field(r, s->u[U_RNA], NULL);
		u->naf = imp_field(r, s->u[U_NAF], NULL);
		u->band = imp_field(r, s->u[U_TRANCHE], NULL);
		v = imp_field(r, s->u[U_NIC_SIEGE], &len);
		if (digits(v, len, 5))
			snprintf(u->siret, sizeof u->siret, "%s%s", u->siren, v);
		else
			u->siret[0] = '\0';
		v = imp_field(r, s->u[U_UPDATED], &len);
		u->updated = imp_date(v, len, u->date);
		if (!u->updated) {
			table_warn(s->ut, r, s->u[U_UPDATED],
				_("dateDernierTraitementUniteLegale '%s' is not a date: left empty"), v);
			u->updated = "";
		}
		u->keep = (!imp.ess_only || (u->family >= F_ASSOCIATION && u->family <= F_FOUNDATION) ||
		    u->ess) && (!imp.active_only || u->active);
		u->matched = 0;
		return 1;
	}
	return 0;
}

/* Fills the record's unit columns. */
static void
unit_values(struct sirene *s, const struct unit *u)
{
	const char **v = s->out.v;

	v[D_NAME] = u->name.data;
	v[D_FAMILY] = u->family >= 0 ? family_names[u->family] : "";
	v[D_LEGAL_FORM] = u->legal_form;
	v[D_SIREN] = u->siren;
	v[D_RNA] = u->rna;
	v[D_NAF] = u->naf;
	v[D_SOURCE] = "sirene";
	v[D_UPDATED] = u->updated;
	v[X_RULE] = u->rule.data;
}

/* A record for a unit without its establishments. */
static void
write_unit(struct sirene *s)
{
	const struct unit *u = &s->unit;
	const char **v = s->out.v;

	if (!u->keep) {
		s->out.filtered++;
		return;
	}
	unit_values(s, u);
	v[D_ID] = u->siren;
	v[D_SIRET] = u->siret;
	v[X_BAND] = u->band;
	v[X_ACTIVE] = u->active ? "true" : "false";
	imp_out_row(&s->out);
}

/* The establishment's address: the complement, then the street. */
static const char *
etab_address(struct sirene *s, struct row *r)
{
	size_t nl, rl, tl, vl, cl;
	const char *n = imp_field(r, s->e[E_NUMERO], &nl), *rep = imp_field(r, s->e[E_INDICE], &rl);
	const char *t = imp_field(r, s->e[E_TYPE_VOIE], &tl), *v = imp_field(r, s->e[E_VOIE], &vl);
	const char *c = imp_field(r, s->e[E_COMPLEMENT], &cl);

	buf_reset(&s->addr);
	buf_reset(&s->street);
	buf_add(&s->addr, c, cl);
	imp_street(&s->street, n, nl, rep, rl, t, tl, v, vl);
	imp_join(&s->addr, ", ", s->street.data, s->street.len);
	return s->addr.data;
}

/* lat and lon from the Lambert-93 coordinates, or "" with a warning when
 * they cannot be read.  Overseas coordinates are in UTM: left out. */
static void
etab_latlon(struct sirene *s, struct row *r)
{
	size_t xl, yl, cl;
	const char *x = imp_field(r, s->e[E_X], &xl), *y = imp_field(r, s->e[E_Y], &yl);
	const char *code = imp_field(r, s->e[E_INSEE], &cl);
	double dx, dy, lat, lon;

	s->lat[0] = s->lon[0] = '\0';
	s->out.v[D_LAT] = s->lat;
	s->out.v[D_LON] = s->lon;
	if (!xl && !yl)
		return;
	if (cl >= 2 && code[0] == '9' && (code[1] == '7' || code[1] == '8'))
		return;
	if (!xl || !yl) {
		table_warn(s->et, r, s->e[xl ? E_Y : E_X], "%s",
			_("only one of the two Lambert-93 coordinates is given: no lat/lon"));
		return;
	}
	if (geo_parse_coord(x, &dx) != 0) {
		table_warn(s->et, r, s->e[E_X],
			_("coordonneeLambertAbscisseEtablissement '%s' is not a number: no lat/lon"), x);
		return;
	}
	if (geo_parse_coord(y, &dy) != 0) {
		table_warn(s->et, r, s->e[E_Y],
			_("coordonneeLambertOrdonneeEtablissement '%s' is not a number: no lat/lon"), y);
		return;
	}
	if (geo_lambert93_to_wgs84(dx, dy, &lat, &lon) != 0) {
		table_warn(s->et, r, s->e[E_X],
			_("Lambert-93 coordinates %s %s are outside metropolitan France: no lat/lon"), x, y);
		return;
	}
	geo_format_coord(lat, s->lat);
	geo_format_coord(lon, s->lon);
}

/* Fills the establishment's own columns and writes the record; u is its
 * legal unit, or NULL. */
static void
write_etab(struct sirene *s, struct row *r, const struct unit *u, int etab_active)
{
	const char **v = s->out.v;
	size_t len;
	const char *d;

	if (u) {
		unit_values(s, u);
		v[X_ACTIVE] = u->active && etab_active ? "true" : "false";
	} else {
		v[X_RULE] = "unknown: no legal unit";
		v[D_SOURCE] = "sirene";
		v[X_ACTIVE] = etab_active ? "true" : "false";
	}
	v[D_ID] = v[D_SIRET] = imp_field(r, s->e[E_SIRET], NULL);
	v[D_SIREN] = imp_field(r, s->e[E_SIREN], NULL);
	if (!u || !*v[D_NAME]) {
		v[D_NAME] = imp_field(r, s->e[E_DENOM_USUELLE], &len);
		if (!len)
			v[D_NAME] = imp_field(r, s->e[E_ENSEIGNE], NULL);
	}
	d = imp_field(r, s->e[E_NAF], &len);
	if (len)
		v[D_NAF] = d;
	v[D_ADDRESS] = etab_address(s, r);
	v[D_POSTCODE] = imp_field(r, s->e[E_POSTCODE], NULL);
	v[D_COMMUNE] = imp_field(r, s->e[E_COMMUNE], NULL);
	v[D_INSEE_CODE] = imp_field(r, s->e[E_INSEE], NULL);
	etab_latlon(s, r);
	v[X_BAND] = imp_field(r, s->e[E_TRANCHE], NULL);
	d = imp_field(r, s->e[E_UPDATED], &len);
	d = imp_date(d, len, s->date);
	if (!d) {
		table_warn(s->et, r, s->e[E_UPDATED],
			_("dateDernierTraitementEtablissement '%s' is not a date: left empty"),
			imp_field(r, s->e[E_UPDATED], NULL));
		d = "";
	}
	/* The later of the unit's and the establishment's. */
	if (!u || strcmp(d, v[D_UPDATED]) > 0)
		v[D_UPDATED] = d;
	imp_out_row(&s->out);
}

/* One establishment: checked, joined to its unit when there is a unit
 * file, filtered, written. */
static void
do_etab(struct sirene *s, struct row *r)
{
	size_t len, sl;
	const char *siren = imp_field(r, s->e[E_SIREN], &len);
	const char *siret = imp_field(r, s->e[E_SIRET], &sl);
	int active;

	if (!digits(siren, len, 9)) {
		table_reject(s->et, r, s->e[E_SIREN], _("siren '%s' is not 9 digits"), siren);
		return;
	}
	if (!digits(siret, sl, 14) || memcmp(siret, siren, 9) != 0) {
		table_reject(s->et, r, s->e[E_SIRET],
			_("siret '%s' is not 14 digits starting with the siren '%s'"), siret, siren);
		return;
	}
	{
		const char *etat = imp_field(r, s->e[E_ETAT], &len);

		active = len == 1 && etat[0] == 'A';
	}
	if (!s->ut) {
		if (imp.active_only && !active)
			s->out.filtered++;
		else
			write_etab(s, r, NULL, active);
		return;
	}
	check_order(s->et, r, s->e[E_SIREN], s->prev_e, siren, 0);
	while (s->have_unit && memcmp(s->unit.siren, siren, 9) < 0) {
		s->units_alone += !s->unit.matched;
		s->have_unit = next_unit(s);
	}
	if (!s->have_unit || memcmp(s->unit.siren, siren, 9) != 0) {
		s->etabs_alone++;
		return;
	}
	s->unit.matched = 1;
	if (!s->unit.keep || (imp.active_only && !active))
		s->out.filtered++;
	else
		write_etab(s, r, &s->unit, active);
}

/* Sorts the files out by their headers. */
static void
open_files(struct sirene *s, char **files)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };

	if (!files || !files[0])
		files = stdin_only;
	for (size_t i = 0; files[i]; i++) {
		struct table *t;

		if (i == 2)
			ess_die(EX_USAGE, "%s", _("--from=sirene takes a legal-unit file, an establishment file, or one of each"));
		t = table_open(files[i], &cli.in);
		if (table_find(t, "siret") >= 0 && table_find(t, "nic") >= 0) {
			if (s->et)
				ess_die(EX_USAGE, _("'%s' and '%s' are both establishment files: give one"),
					s->et->name, t->name);
			s->et = t;
			table_resolve(t, etab_spec, E_NCOLS, s->e);
		} else if (table_find(t, "siren") >= 0 && table_find(t, "denominationUniteLegale") >= 0) {
			if (s->ut)
				ess_die(EX_USAGE, _("'%s' and '%s' are both legal-unit files: give one"),
					s->ut->name, t->name);
			s->ut = t;
			table_resolve(t, unit_spec, U_NCOLS, s->u);
		} else {
			table_die_header(t, _("not a SIRENE file: a legal-unit file has siren and denominationUniteLegale, an establishment file siret and nic"));
		}
	}
	if (imp.ess_only && !s->ut)
		ess_die(EX_USAGE, "%s", _("--ess-only needs the legal-unit file (StockUniteLegale): the establishments do not say the legal category"));
}

int
import_sirene(char **files)
{
	struct sirene s;
	long rejected = 0;

	memset(&s, 0, sizeof s);
	buf_init(&s.addr);
	buf_init(&s.street);
	buf_init(&s.unit.name);
	buf_init(&s.unit.rule);
	open_files(&s, files);
	s.joining = s.ut && s.et;
	imp_out_open(&s.out, extras, sizeof extras / sizeof *extras);
	if (s.ut)
		s.have_unit = next_unit(&s);
	if (s.et) {
		struct row *r;

		while ((r = table_next(s.et)))
			do_etab(&s, r);
	}
	/* The units left: written alone without establishments, counted
	 * when joining. */
	while (s.have_unit) {
		if (!s.joining)
			write_unit(&s);
		else
			s.units_alone += !s.unit.matched;
		s.have_unit = next_unit(&s);
	}
	if (s.etabs_alone && s.ut)
		ess_warn(ngettext("%ld establishment has no legal unit in '%s': not imported",
			"%ld establishments have no legal unit in '%s': not imported",
			(unsigned long)s.etabs_alone), s.etabs_alone, s.ut->name);
	if (s.units_alone && s.et)
		ess_warn(ngettext("%ld legal unit has no establishment in '%s': not imported",
			"%ld legal units have no establishment in '%s': not imported",
			(unsigned long)s.units_alone), s.units_alone, s.et->name);
	rejected = (s.ut ? s.ut->rejected : 0) + (s.et ? s.et->rejected : 0);
	imp_out_close(&s.out, rejected);
	table_close(s.ut);
	table_close(s.et);
	buf_release(&s.addr);
	buf_release(&s.street);
	buf_release(&s.unit.name);
	buf_release(&s.unit.rule);
	return 0;
}
