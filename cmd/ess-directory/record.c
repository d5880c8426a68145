/*
 * record.c: the directory record, its aliases, and the reader that
 * streams several files as one.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "num.h"
#include "text.h"

const struct colspec dir_spec[D_NCOLS] = {
	{ "id", "identifiant|ref|reference|uid|code", 0 },
	{ "name", "nom|raison_sociale|denomination|titre|title|structure|organisation|organization|acteur", 0 },
	{ "family", "famille|type_structure|type_acteur|categorie_ess|kind", 0 },
	{ "legal_form", "forme_juridique|statut|statut_juridique|legal_status|categorie_juridique", 0 },
	{ "siren", "numero_siren|siren_id", 0 },
	{ "siret", "numero_siret|siret_id", 0 },
	{ "rna", "numero_rna|rna_id|id_rna|waldec|numero_waldec", 0 },
	{ "naf", "ape|code_naf|code_ape|naf_ape|activite_principale", 0 },
	{ "sector", "secteur|activite|domaine|filiere|domaine_activite|secteur_activite", 0 },
	{ "description", "objet|presentation|desc|resume|objet_social", 0 },
	{ "address", "adresse|rue|street|street_address|adresse_postale|voie", 0 },
	{ "postcode", "code_postal|cp|zip|zipcode|zip_code|postal_code", 0 },
	{ "commune", "ville|city|town|locality|localite|libelle_commune", 0 },
	{ "insee_code", "code_insee|insee|code_commune|citycode|city_code|cog", 0 },
	{ "lat", "latitude|y_wgs84", 0 },
	{ "lon", "longitude|lng|long|x_wgs84", 0 },
	{ "phone", "telephone|tel|telephone_fixe|mobile|portable|numero_telephone", 0 },
	{ "email", "courriel|mail|e_mail|adresse_email|adresse_courriel|mel", 0 },
	{ "website", "site_web|site|url|web|site_internet|internet", 0 },
	{ "offers", "offres|offre|propose|propositions|ressources|services_proposes", 0 },
	{ "needs", "besoins|besoin|recherche|demandes|recherches", 0 },
	{ "tags", "mots_cles|mot_cle|etiquettes|keywords|categories|labels|thematiques", 0 },
	{ "opening_hours", "horaires|heures_ouverture|hours|ouverture|horaires_ouverture", 0 },
	{ "employees", "salaries|effectif|effectifs|headcount|staff|nb_salaries|nombre_salaries", 0 },
	{ "source", "origine|provenance", 0 },
	{ "updated", "mis_a_jour|maj|date_maj|modifie|modified|last_update|updated_at|date_mise_a_jour|mise_a_jour", 0 },
};

const enum wtype dir_wtype[D_NCOLS] = {
	[D_LAT] = WT_DEC, [D_LON] = WT_DEC, [D_EMPLOYEES] = WT_INT,
	[D_OFFERS] = WT_LIST, [D_NEEDS] = WT_LIST, [D_TAGS] = WT_LIST,
};

const char *const family_names[F_NFAMILIES] = {
	"association", "cooperative", "mutual", "foundation", "esus", "company",
	"public", "other",
};

int
family_parse(const char *s, size_t len)
{
	static const struct { const char *word; enum family f; } words[] = {
		{ "association", F_ASSOCIATION }, { "asso", F_ASSOCIATION },
		{ "cooperative", F_COOPERATIVE }, { "coop", F_COOPERATIVE },
		{ "mutual", F_MUTUAL }, { "mutuelle", F_MUTUAL }, { "mutuel", F_MUTUAL },
		{ "foundation", F_FOUNDATION }, { "fondation", F_FOUNDATION },
		{ "esus", F_ESUS },
		{ "company", F_COMPANY }, { "entreprise", F_COMPANY }, { "societe", F_COMPANY },
		{ "public", F_PUBLIC }, { "collectivite", F_PUBLIC },
		{ "etablissement public", F_PUBLIC },
		{ "other", F_OTHER }, { "autre", F_OTHER },
	};
	struct buf b;
	int f = -1;

	buf_init(&b);
	text_fold(&b, s, len);
	buf_addc(&b, '\0');
	{
		char *p = b.data, *e = b.data + strlen(b.data);

		while (*p == ' ')
			p++;
		while (e > p && e[-1] == ' ')
			*--e = '\0';
		/* As written, then as a plural: "associations" ("esus" is
		 * singular). */
		for (int plural = 0; plural < 2 && f < 0; plural++) {
			if (plural) {
				if (e - p <= 3 || e[-1] != 's')
					break;
				e[-1] = '\0';
			}
			for (size_t i = 0; i < sizeof words / sizeof *words; i++)
				if (strcmp(p, words[i].word) == 0) {
					f = (int)words[i].f;
					break;
				}
		}
	}
	buf_release(&b);
	return f;
}

/* The output column for a column of a later file: a record column by its
 * alias, else a column of the same folded name among the first before
 * columns (those of earlier files: two columns of one file stay two),
 * else a new one. */
static int
out_column(struct dir_reader *d, const char *name, int recc, size_t before, struct buf *fold)
{
	struct buf f2;
	int found = -1;

	if (recc >= 0 && d->col[recc] >= 0)
		return d->col[recc];
	if (recc < 0) {
		buf_init(&f2);
		table_fold_name(fold, name);
		for (size_t i = 0; i < before && found < 0; i++) {
			int known = 0;

			for (int c = 0; c < D_NCOLS; c++)
				if (d->col[c] == (int)i)
					known = 1;
			if (known)
				continue;
			f2.len = 0;
			table_fold_name(&f2, d->cols[i].name);
			if (f2.len == fold->len && memcmp(f2.data, fold->data, f2.len) == 0)
				found = (int)i;
		}
		buf_release(&f2);
		fold->len = 0;
		if (found >= 0)
			return found;
	}
	d->cols = xreallocarray(d->cols, d->ncols + 1, sizeof *d->cols);
	d->names = xreallocarray(d->names, d->ncols + 1, sizeof *d->names);
	d->names[d->ncols] = xstrdup(name);
	d->cols[d->ncols] = (struct wcol){ d->names[d->ncols],
		recc >= 0 ? dir_wtype[recc] : WT_TEXT };
	if (recc >= 0)
		d->col[recc] = (int)d->ncols;
	return (int)d->ncols++;
}

void
dir_open(struct dir_reader *d, char **files, unsigned flags)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };
	struct buf fold;
	size_t n = 0;

	memset(d, 0, sizeof *d);
	if (!files || !files[0])
		files = stdin_only;
	while (files[n])
		n++;
	for (int c = 0; c < D_NCOLS; c++)
		d->col[c] = -1;
	if (flags & DIR_CANONICAL) {
		d->cols = xreallocarray(NULL, D_NCOLS, sizeof *d->cols);
		d->names = xreallocarray(NULL, D_NCOLS, sizeof *d->names);
		for (int c = 0; c < D_NCOLS; c++) {
			d->names[c] = xstrdup(dir_spec[c].name);
			d->cols[c] = (struct wcol){ d->names[c], dir_wtype[c] };
			d->col[c] = c;
		}
		d->ncols = D_NCOLS;
	}
	buf_init(&fold);
	d->src = xcalloc(n, sizeof *d->src);
	d->nsrc = n;
	for (size_t i = 0; i < n; i++) {
		struct dir_src *s = &d->src[i];
		size_t before = d->ncols;

		s->t = table_open(files[i], &cli.in);
		table_resolve(s->t, dir_spec, D_NCOLS, s->idx);
		s->to = xcalloc(s->t->ncols ? s->t->ncols : 1, sizeof *s->to);
		for (size_t j = 0; j < s->t->ncols; j++) {
			int recc = -1;

			for (int c = 0; c < D_NCOLS; c++)
				if (s->idx[c] == (int)j)
					recc = c;
			s->to[j] = out_column(d, s->t->cols[j], recc, before, &fold);
		}
	}
	buf_release(&fold);
	d->v = xcalloc(d->ncols ? d->ncols : 1, sizeof *d->v);
	d->idx = d->src[0].idx;
	d->t = d->src[0].t;
}

int
dir_next(struct dir_reader *d)
{
	while (d->cur < d->nsrc) {
		struct dir_src *s = &d->src[d->cur];
		struct row *r = table_next(s->t);

		if (!r) {
			d->cur++;
			continue;
		}
		if (d->records == 0 || d->t != s->t) {
			for (size_t i = 0; i < d->ncols; i++)
				d->v[i] = row_empty;
		}
		for (size_t j = 0; j < r->n; j++)
			d->v[s->to[j]] = r->f[j];
		d->row = r;
		d->t = s->t;
		d->idx = s->idx;
		d->records++;
		return 1;
	}
	return 0;
}

void
dir_close(struct dir_reader *d)
{
	for (size_t i = 0; i < d->nsrc; i++) {
		table_close(d->src[i].t);
		free(d->src[i].to);
	}
	free(d->src);
	for (size_t i = 0; i < d->ncols; i++)
		free(d->names[i]);
	free(d->cols);
	free(d->names);
	free(d->v);
	memset(d, 0, sizeof *d);
}

const char *
dir_getn(const struct dir_reader *d, enum dcol c, size_t *len)
{
	const char *s;
	size_t n;

	if (d->idx[c] < 0) {
		*len = 0;
		return row_empty;
	}
	s = d->row->f[d->idx[c]];
	n = d->row->len[d->idx[c]];
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	*len = n;
	return s;
}

int
dir_coords(struct dir_reader *d, double *lat, double *lon)
{
	size_t lalen, lolen;
	const char *la = dir_getn(d, D_LAT, &lalen), *lo = dir_getn(d, D_LON, &lolen);

	if (!lalen && !lolen)
		return 0;
	if (!lolen) {
		table_reject(d->t, d->row, dir_field(d, D_LAT),
			_("latitude '%.*s' without a longitude"), (int)lalen, la);
		return -1;
	}
	if (!lalen) {
		table_reject(d->t, d->row, dir_field(d, D_LON),
			_("longitude '%.*s' without a latitude"), (int)lolen, lo);
		return -1;
	}
	if (geo_parse_coord(dir_get(d, D_LAT), lat) != 0 || !geo_valid_latlon(*lat, 0)) {
		table_reject(d->t, d->row, dir_field(d, D_LAT),
			_("latitude '%.*s' is not a number of degrees between -90 and 90"), (int)lalen, la);
		return -1;
	}
	if (geo_parse_coord(dir_get(d, D_LON), lon) != 0 || !geo_valid_latlon(0, *lon)) {
		table_reject(d->t, d->row, dir_field(d, D_LON),
			_("longitude '%.*s' is not a number of degrees between -180 and 180"), (int)lolen, lo);
		return -1;
	}
	return 1;
}

const char *
list_next(const char **p, size_t *len)
{
	const char *v = *p;

	while (*v) {
		const char *e = strchr(v, '|');
		size_t n = e ? (size_t)(e - v) : strlen(v);
		const char *s = v;

		v += n;
		if (*v)
			v++;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n) {
			*p = v;
			*len = n;
			return s;
		}
	}
	*p = v;
	return NULL;
}

void
dir_writer_columns(const struct dir_reader *d, struct writer *w)
{
	writer_columns(w, d->cols, d->ncols);
}

/* ------------------------------------------------------------ words */

void
words_init(struct words *w)
{
	memset(w, 0, sizeof *w);
	buf_init(&w->text);
}

void
words_release(struct words *w)
{
	buf_release(&w->text);
	free(w->off);
	memset(w, 0, sizeof *w);
}

void
words_clear(struct words *w)
{
	w->text.len = 0;
	w->n = 0;
}

/* A byte of folded text that is part of a word: ASCII letters and digits,
 * and any byte of a non-ASCII character (letters of other scripts). */
static inline int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void
words_add(struct words *w, const char *s, size_t len)
{
	size_t at = w->text.len, i, end;

	text_fold(&w->text, s, len);
	end = w->text.len;
	buf_addc(&w->text, '\0');	/* room for the last word's NUL */
	i = at;
	/* Split in place: words move to the front of the folded span. */
	{
		size_t o = at;

		while (i < end) {
			while (i < end && !word_byte((unsigned char)w->text.data[i]))
				i++;
			if (i == end)
				break;
			if (w->n == w->cap) {
				w->cap = w->cap ? w->cap * 2 : 16;
				w->off = xreallocarray(w->off, w->cap, sizeof *w->off);
			}
			w->off[w->n++] = o;
			while (i < end && word_byte((unsigned char)w->text.data[i]))
				w->text.data[o++] = w->text.data[i++];
			w->text.data[o++] = '\0';
			if (i < end)
				i++;	/* the separator is not copied: o <= i holds */
		}
		w->text.len = o;
	}
}

int
words_contain(const char *text, size_t len, const char *word, size_t wlen, int prefix)
{
	const char *p = text, *end = text + len;

	if (wlen == 0)
		return 1;
	while ((size_t)(end - p) >= wlen) {
		const char *q = memmem(p, (size_t)(end - p), word, wlen);

		if (!q)
			return 0;
		if ((q == text || !word_byte((unsigned char)q[-1])) &&
		    (prefix || q + wlen == end || !word_byte((unsigned char)q[wlen])))
			return 1;
		p = q + 1;
	}
	return 0;
}

/* ------------------------------------------------------------ options */

char **dir_files;
size_t dir_nfiles;

error_t
dir_parse_arg(int key, char *arg, struct argp_state *state)
{
	(void)state;
	if (key != ARGP_KEY_ARG)
		return ARGP_ERR_UNKNOWN;
	dir_files = xreallocarray(dir_files, dir_nfiles + 2, sizeof *dir_files);
	dir_files[dir_nfiles++] = arg;
	dir_files[dir_nfiles] = NULL;
	return 0;
}

long
dir_parse_long(struct argp_state *state, const char *opt, const char *arg, long min, long max)
{
	int64_t v;

	if (num_parse_int(arg, &v) != 0 || v < min || v > max)
		argp_error(state, _("%s: '%s' is not a whole number between %ld and %ld"),
			opt, arg, min, max);
	return (long)v;
}

double
dir_parse_double(struct argp_state *state, const char *opt, const char *arg)
{
	int64_t v;

	if (num_parse_fixed(arg, 6, &v) != 0)
		argp_error(state, _("%s: '%s' is not a number"), opt, arg);
	return (double)v / 1e6;
}
