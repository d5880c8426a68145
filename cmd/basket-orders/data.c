/*
 * data.c: reads the data folder into struct basket.  Each file has its
 * column table (canonical names and French aliases); a file that is not
 * there is empty, except members.csv and products.csv which a distribution
 * cannot do without.  Values are checked as they are read: a bad date,
 * amount or quantity, an unknown member or product, is bad data at its
 * file:line:col (exit 65, or the row left out with --keep-going).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "basket.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "table.h"
#include "text.h"

/* The files' names, kept for the records' messages (reachable from here
 * even when no record points to them). */
/* The files' names, which records point to; listed here too, so that
 * those of a file without records stay reachable (for leak checkers:
 * "used" keeps the compiler from dropping a list nothing reads). */
static char *file_names[32] __attribute__((used));
static size_t nfile_names __attribute__((used));

/* Names and other strings of every file, kept for the whole run. */
static char *
keep(const char *s)
{
	return xstrdup(s);
}

const char *basket_files[BF_NFILES];

/* The file named by its own option, or DIR/NAME; NULL when an optional
 * file is not there.  A file named by its option must exist. */
static char *
path_in(const char *dir, const char *name, int required)
{
	static const char *const names[BF_NFILES] = {
		"settings.csv", "producers.csv", "products.csv", "members.csv",
		"memberships.csv", "subscriptions.csv", "orders.csv", "absences.csv",
		"closures.csv", "payments.csv", "roster.csv",
	};
	struct buf p;
	struct stat st;

	buf_init(&p);
	for (int i = 0; i < BF_NFILES; i++)
		if (basket_files[i] && strcmp(names[i], name) == 0) {
			buf_adds(&p, basket_files[i]);
			required = 1;
		}
	if (!p.len)
		buf_printf(&p, "%s/%s", dir ? dir : ".", name);
	if (stat(p.data, &st) != 0) {
		if (required || errno != ENOENT)
			ess_die(EX_NOINPUT, _("cannot open '%s': %s"), p.data, strerror(errno));
		buf_release(&p);
		return NULL;
	}
	return buf_detach(&p);
}

/* One file: its table, its columns resolved, and a row at a time. */
struct file {
	struct table *t;
	int idx[16];
	struct row *r;
	char *path;		/* the table's name points into it */
	char *name;		/* kept for the records' messages */
};

static int
file_open(struct file *f, const char *dir, const char *name, int required,
	const struct colspec *spec, size_t n)
{
	char *path = path_in(dir, name, required);

	memset(f, 0, sizeof *f);
	if (!path)
		return 0;
	f->path = path;
	f->t = table_open(path, &cli.in);
	f->name = keep(f->t->name);
	if (nfile_names < sizeof file_names / sizeof *file_names)
		file_names[nfile_names++] = f->name;
	table_resolve(f->t, spec, n, f->idx);
	return 1;
}

/* Rows the reader rejected (with --keep-going), for check's count. */
long basket_rejected;

static void
file_close(struct file *f)
{
	basket_rejected += f->t->rejected;
	table_close(f->t);
	free(f->path);
	f->t = NULL;
}

static int
file_next(struct file *f)
{
	return f->t && (f->r = table_next(f->t)) != NULL;
}

static const char *
field(struct file *f, int col)
{
	size_t len;

	return row_field(f->r, f->idx[col], &len);
}

static struct where
here(const struct file *f)
{
	return (struct where){ f->name, f->r->line };
}

/* A date in column col; 0 and the row rejected when it is not one.  An
 * empty value gives empty_is (or a rejection when empty_is is 0). */
static int
get_date(struct file *f, int col, ess_day empty_is, ess_day *out)
{
	const char *v = field(f, col);

	if (!*v && empty_is) {
		*out = empty_is;
		return 1;
	}
	if (date_parse(v, out) != 0) {
		table_reject(f->t, f->r, f->idx[col], _("'%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), v);
		return 0;
	}
	return 1;
}

/* A moment "DATE HH:MM" (or DATE alone: its midnight; "T" or a space
 * between; 14h30 as well), in minutes since 1970-01-01 00:00; -1 when
 * empty. */
static int
get_stamp(struct file *f, int col, int64_t *out)
{
	const char *v = field(f, col);
	char day[32];
	size_t n = strcspn(v, " T");
	int h = 0, m = 0, used = 0;
	ess_day d;

	*out = -1;
	if (!*v)
		return 1;
	if (n < sizeof day) {
		memcpy(day, v, n);
		day[n] = '\0';
		if (date_parse(day, &d) == 0) {
			const char *t = v + n;

			while (*t == ' ' || *t == 'T')
				t++;
			if (!*t || ((sscanf(t, "%2d:%2d%n", &h, &m, &used) == 2 ||
			    sscanf(t, "%2dh%2d%n", &h, &m, &used) == 2) && !t[used] &&
			    h >= 0 && h < 24 && m >= 0 && m < 60)) {
				*out = (int64_t)d * 1440 + (int64_t)h * 60 + m;
				return 1;
			}
		}
	}
	table_reject(f->t, f->r, f->idx[col], _("'%s' is not a date and time (YYYY-MM-DD HH:MM)"), v);
	return 0;
}

static int
get_money(struct file *f, int col, int64_t *out)
{
	const char *v = field(f, col);

	if (num_parse_money(v, out) != 0) {
		table_reject(f->t, f->r, f->idx[col], _("'%s' is not an amount (10,50 or 10.50 €)"), v);
		return 0;
	}
	return 1;
}

/* A quantity in thousandths; per-unit products take whole numbers. */
static int
get_qty(struct file *f, int col, int per_kg, int64_t *out)
{
	const char *v = field(f, col);

	if (num_parse_fixed(v, 3, out) != 0 || *out < 0) {
		table_reject(f->t, f->r, f->idx[col], _("'%s' is not a quantity of at least 0"), v);
		return 0;
	}
	if (!per_kg && *out % QTY_ONE) {
		table_reject(f->t, f->r, f->idx[col],
			_("'%s': a product sold by the unit takes a whole quantity"), v);
		return 0;
	}
	return 1;
}

static int
get_ref(struct file *f, int col, const struct map *m, const char *what, size_t *out)
{
	const char *v = field(f, col);
	long slot = map_find(m, v, strlen(v));

	if (slot < 0) {
		table_reject(f->t, f->r, f->idx[col], _("unknown %s '%s'"), what, v);
		return 0;
	}
	*out = (size_t)slot;
	return 1;
}

/* The next element of array arr holding n: the capacity doubles at each
 * power of two from 16 (implied by n, so no field keeps it). */
#define GROW(arr, n) (((n) == 0 || ((n) >= 16 && ((n) & ((n) - 1)) == 0) ? \
	(void)((arr) = xreallocarray((arr), (n) ? 2 * (n) : 16, sizeof *(arr))) : (void)0), \
	&(arr)[(n)++])

/* ------------------------------------------------------------ files */

static void
load_settings(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "key", "cle|parametre|setting|nom", COL_REQUIRED },
		{ "value", "valeur", COL_REQUIRED },
	};
	struct settings *s = &b->set;
	struct file f;

	*s = (struct settings){ .name = "", .place = "", .weekday = 1, .open_min = 15 * 60,
		.close_min = 17 * 60, .fee_adult = 1000, .fee_family = 1500, .fee_visit = 200,
		.year = YEAR_CALENDAR, .absence = ABS_SKIP, .order_deadline_hours = 0 };
	if (!file_open(&f, b->dir, "settings.csv", 0, spec, 2))
		return;
	while (file_next(&f)) {
		const char *k = field(&f, 0), *v = field(&f, 1);
		int64_t n;
		int ok = 1;

		if (strcmp(k, "name") == 0 || strcmp(k, "nom") == 0)
			s->name = keep(v);
		else if (strcmp(k, "place") == 0 || strcmp(k, "lieu") == 0)
			s->place = keep(v);
		else if (strcmp(k, "weekday") == 0 || strcmp(k, "jour") == 0)
			ok = (s->weekday = date_parse_weekday(v)) > 0;
		else if (strcmp(k, "hours") == 0 || strcmp(k, "horaires") == 0) {
			int h1, m1, h2, m2;

			ok = sscanf(v, "%d:%d-%d:%d", &h1, &m1, &h2, &m2) == 4 && h1 >= 0 && h1 < 24 &&
				m1 >= 0 && m1 < 60 && h2 >= 0 && h2 < 24 && m2 >= 0 && m2 < 60 &&
				h1 * 60 + m1 < h2 * 60 + m2;
			if (ok) {
				s->open_min = h1 * 60 + m1;
				s->close_min = h2 * 60 + m2;
			}
		} else if (strcmp(k, "fee_adult") == 0)
			ok = num_parse_money(v, &s->fee_adult) == 0;
		else if (strcmp(k, "fee_family") == 0)
			ok = num_parse_money(v, &s->fee_family) == 0;
		else if (strcmp(k, "fee_visit") == 0)
			ok = num_parse_money(v, &s->fee_visit) == 0;
		else if (strcmp(k, "membership_year") == 0)
			ok = strcmp(v, "calendar") == 0 ? (s->year = YEAR_CALENDAR, 1)
				: strcmp(v, "rolling") == 0 ? (s->year = YEAR_ROLLING, 1) : 0;
		else if (strcmp(k, "absence_policy") == 0)
			ok = strcmp(v, "skip") == 0 ? (s->absence = ABS_SKIP, 1)
				: strcmp(v, "lost") == 0 ? (s->absence = ABS_LOST, 1)
				: strcmp(v, "donate") == 0 ? (s->absence = ABS_DONATE, 1) : 0;
		else if (strcmp(k, "season_from") == 0 || strcmp(k, "debut_saison") == 0)
			ok = date_parse(v, &s->season_from) == 0;
		else if (strcmp(k, "season_to") == 0 || strcmp(k, "fin_saison") == 0)
			ok = date_parse(v, &s->season_to) == 0;
		else if (strcmp(k, "order_deadline_hours") == 0)
			ok = num_parse_int(v, &n) == 0 && n >= 0 && n < 24 * 14 &&
				(s->order_deadline_hours = (int)n, 1);
		else {
			table_warn(f.t, f.r, f.idx[0], _("unknown setting '%s': ignored"), k);
			continue;
		}
		if (!ok)
			table_reject(f.t, f.r, f.idx[1], _("'%s' is not a value for %s"), v, k);
	}
	file_close(&f);
}

static void
load_producers(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "producer", "producteur|fournisseur|id", COL_REQUIRED },
		{ "name", "nom|raison_sociale", 0 },
		{ "contact", "interlocuteur", 0 },
		{ "phone", "telephone|tel", 0 },
		{ "email", "courriel|mail", 0 },
		{ "cheque_payee", "ordre|ordre_cheque|beneficiaire", 0 },
	};
	struct file f;

	map_init(&b->producer_ids);
	if (!file_open(&f, b->dir, "producers.csv", 0, spec, 6))
		return;
	while (file_next(&f)) {
		const char *id = field(&f, 0);
		int added;

		map_put(&b->producer_ids, id, strlen(id), &added);
		if (!added) {
			table_reject(f.t, f.r, f.idx[0], _("producer '%s' is listed twice"), id);
			continue;
		}
		*GROW(b->producers, b->nproducers) = (struct producer){ keep(id), keep(field(&f, 1)),
			keep(field(&f, 2)), keep(field(&f, 3)), keep(field(&f, 4)), keep(field(&f, 5)),
			here(&f) };
	}
	file_close(&f);
}

/* Prices sorted by the date they come into force. */
static int
by_from(const void *a, const void *b)
{
	const struct price *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

static void
load_products(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "product", "produit|article|id", COL_REQUIRED },
		{ "producer", "producteur|fournisseur", 0 },
		{ "label", "libelle|designation|nom", 0 },
		{ "unit", "unite", 0 },
		{ "price", "prix|tarif|prix_unitaire", COL_REQUIRED },
		{ "pricing", "tarification|mode_prix|au", 0 },
		{ "valid_from", "depuis|a_partir_du|du|valable_du", 0 },
	};
	struct file f;

	map_init(&b->product_ids);
	file_open(&f, b->dir, "products.csv", 1, spec, 7);
	while (file_next(&f)) {
		const char *id = field(&f, 0), *pr = field(&f, 5);
		struct price p = { 0, 0, here(&f) };
		struct product *prod;
		size_t producer = (size_t)-1;
		enum pricing pricing;
		int added;
		size_t slot;

		if (!*pr || strcmp(pr, "unit") == 0 || strcmp(pr, "unite") == 0 || strcmp(pr, "piece") == 0)
			pricing = PRICE_UNIT;
		else if (strcmp(pr, "kg") == 0)
			pricing = PRICE_KG;
		else {
			table_reject(f.t, f.r, f.idx[5], _("pricing '%s' is neither unit nor kg"), pr);
			continue;
		}
		if (!get_money(&f, 4, &p.cents) || !get_date(&f, 6, INT32_MIN, &p.from))
			continue;
		if (*field(&f, 1) && !get_ref(&f, 1, &b->producer_ids, _("producer"), &producer))
			continue;
		slot = map_put(&b->product_ids, id, strlen(id), &added);
		if (added)
			*GROW(b->products, b->nproducts) = (struct product){ keep(id), keep(field(&f, 2)),
				keep(field(&f, 3)), producer, pricing, NULL, 0 };
		prod = &b->products[slot];
		*GROW(prod->prices, prod->nprices) = p;
	}
	file_close(&f);
	for (size_t i = 0; i < b->nproducts; i++)
		qsort(b->products[i].prices, b->products[i].nprices, sizeof *b->products[i].prices, by_from);
}

static void
load_members(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "member", "adherent|membre|id|numero", COL_REQUIRED },
		{ "household", "foyer|famille|menage", 0 },
		{ "name", "nom|nom_prenom", 0 },
		{ "phone", "telephone|tel", 0 },
		{ "email", "courriel|mail", 0 },
	};
	struct file f;

	map_init(&b->member_ids);
	map_init(&b->household_ids);
	file_open(&f, b->dir, "members.csv", 1, spec, 5);
	while (file_next(&f)) {
		const char *id = field(&f, 0), *hh = field(&f, 1);
		int added;

		map_put(&b->member_ids, id, strlen(id), &added);
		if (!added) {
			table_reject(f.t, f.r, f.idx[0], _("member '%s' is listed twice"), id);
			continue;
		}
		{
			const char *h = *hh ? hh : id;
			size_t hh_no = map_put(&b->household_ids, h, strlen(h), NULL);
			struct buf key;

			buf_init(&key);
			text_fold(&key, field(&f, 2), strlen(field(&f, 2)));
			buf_addc(&key, '\0');
			*GROW(b->members, b->nmembers) = (struct member){ keep(id), keep(h),
				keep(field(&f, 2)), keep(field(&f, 3)), keep(field(&f, 4)),
				buf_detach(&key), hh_no, here(&f) };
		}
	}
	file_close(&f);
}

static void
load_memberships(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "member", "adherent|membre", COL_REQUIRED },
		{ "kind", "type|formule|adhesion", COL_REQUIRED },
		{ "paid_on", "paye_le|date|date_paiement", COL_REQUIRED },
		{ "amount", "montant|somme", 0 },
	};
	struct file f;

	if (!file_open(&f, b->dir, "memberships.csv", 0, spec, 4))
		return;
	while (file_next(&f)) {
		struct membership m = { .at = here(&f) };
		const char *k = field(&f, 1);

		if (!get_ref(&f, 0, &b->member_ids, _("member"), &m.member) || !get_date(&f, 2, 0, &m.paid_on))
			continue;
		if (strcmp(k, "adult") == 0 || strcmp(k, "adulte") == 0)
			m.kind = KIND_ADULT;
		else if (strcmp(k, "family") == 0 || strcmp(k, "famille") == 0)
			m.kind = KIND_FAMILY;
		else if (strcmp(k, "visit") == 0 || strcmp(k, "passage") == 0)
			m.kind = KIND_VISIT;
		else {
			table_reject(f.t, f.r, f.idx[1], _("membership '%s' is neither adult, family nor visit"), k);
			continue;
		}
		m.cents = m.kind == KIND_ADULT ? b->set.fee_adult : m.kind == KIND_FAMILY ?
			b->set.fee_family : b->set.fee_visit;
		if (*field(&f, 3) && !get_money(&f, 3, &m.cents))
			continue;
		*GROW(b->memberships, b->nmemberships) = m;
	}
	file_close(&f);
}

static void
load_subscriptions(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "member", "adherent|membre", COL_REQUIRED },
		{ "product", "produit|article", COL_REQUIRED },
		{ "quantity", "quantite|qte|nombre", 0 },
		{ "from", "du|debut|depuis", COL_REQUIRED },
		{ "to", "au|fin|jusqu_au", 0 },
		{ "every", "toutes_les|frequence|semaines", 0 },
		{ "shared_with", "partage_avec|en_alternance_avec", 0 },
	};
	struct file f;

	if (!file_open(&f, b->dir, "subscriptions.csv", 0, spec, 7))
		return;
	while (file_next(&f)) {
		struct subscription s = { .at = here(&f), .qty = QTY_ONE, .every = 1, .shared_with = -1 };
		int64_t every;

		if (!get_ref(&f, 0, &b->member_ids, _("member"), &s.member) ||
		    !get_ref(&f, 1, &b->product_ids, _("product"), &s.product) ||
		    !get_date(&f, 3, 0, &s.from) || !get_date(&f, 4, INT32_MAX, &s.to))
			continue;
		if (*field(&f, 2) && !get_qty(&f, 2, b->products[s.product].pricing == PRICE_KG, &s.qty))
			continue;
		if (*field(&f, 5)) {
			if (num_parse_int(field(&f, 5), &every) != 0 || (every != 1 && every != 2 && every != 4)) {
				table_reject(f.t, f.r, f.idx[5], _("every '%s' is not 1, 2 or 4 weeks"), field(&f, 5));
				continue;
			}
			s.every = (int)every;
		}
		if (*field(&f, 6)) {
			size_t other;

			if (!get_ref(&f, 6, &b->member_ids, _("member"), &other))
				continue;
			s.shared_with = (long)other;
		}
		if (s.to == INT32_MAX && b->set.season_to)
			s.to = b->set.season_to;	/* no end: the season's */
		if (s.to < s.from) {
			table_reject(f.t, f.r, f.idx[4], _("ends before it starts"));
			continue;
		}
		*GROW(b->subs, b->nsubs) = s;
	}
	file_close(&f);
}

static void
load_orders(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "date", "jour|livraison", COL_REQUIRED },
		{ "member", "adherent|membre", COL_REQUIRED },
		{ "product", "produit|article", COL_REQUIRED },
		{ "quantity", "quantite|qte|nombre", COL_REQUIRED },
		{ "ordered_at", "commande_le|saisie_le|saisi_le|horodatage|timestamp", 0 },
	};
	struct file f;

	if (!file_open(&f, b->dir, "orders.csv", 0, spec, 5))
		return;
	while (file_next(&f)) {
		struct order o = { .at = here(&f), .placed = -1 };

		if (!get_date(&f, 0, 0, &o.date) || !get_ref(&f, 1, &b->member_ids, _("member"), &o.member) ||
		    !get_ref(&f, 2, &b->product_ids, _("product"), &o.product) ||
		    !get_qty(&f, 3, b->products[o.product].pricing == PRICE_KG, &o.qty) ||
		    !get_stamp(&f, 4, &o.placed))
			continue;
		o.late = o.placed >= 0 && b->set.order_deadline_hours > 0 &&
			o.placed > order_deadline(b, o.date);
		*GROW(b->orders, b->norders) = o;
	}
	file_close(&f);
}

/* absences.csv (member,from,to) and closures.csv (from,to,reason). */
static void
load_spans(struct basket *b)
{
	static const struct colspec abs_spec[] = {
		{ "member", "adherent|membre", COL_REQUIRED },
		{ "from", "du|debut", COL_REQUIRED },
		{ "to", "au|fin", 0 },
	};
	static const struct colspec clo_spec[] = {
		{ "from", "du|debut|date", COL_REQUIRED },
		{ "to", "au|fin", 0 },
		{ "reason", "motif|raison|pourquoi", 0 },
		{ "moved_to", "deplacee_au|reportee_au|remplacee_par", 0 },
	};
	struct file f;

	if (file_open(&f, b->dir, "absences.csv", 0, abs_spec, 3)) {
		while (file_next(&f)) {
			struct absence a = { .at = here(&f) };

			if (!get_ref(&f, 0, &b->member_ids, _("member"), &a.member) ||
			    !get_date(&f, 1, 0, &a.from) || !get_date(&f, 2, INT32_MIN, &a.to))
				continue;
			if (a.to == INT32_MIN)
				a.to = a.from;
			*GROW(b->absences, b->nabsences) = a;
		}
		file_close(&f);
	}
	if (file_open(&f, b->dir, "closures.csv", 0, clo_spec, 4)) {
		while (file_next(&f)) {
			struct span s = { .at = here(&f) };
			ess_day moved;

			if (!get_date(&f, 0, 0, &s.from) || !get_date(&f, 1, INT32_MIN, &s.to) ||
			    !get_date(&f, 3, INT32_MIN, &moved))
				continue;
			if (s.to == INT32_MIN)
				s.to = s.from;
			s.reason = keep(field(&f, 2));
			if (moved != INT32_MIN)
				*GROW(b->moves, b->nmoves) = (struct move){ s.from, moved, s.reason, s.at };
			else
				*GROW(b->closures, b->nclosures) = s;
		}
		file_close(&f);
	}
}

static void
load_payments(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "member", "adherent|membre", COL_REQUIRED },
		{ "date", "le|date_paiement|recu_le", COL_REQUIRED },
		{ "amount", "montant|somme", COL_REQUIRED },
		{ "method", "moyen|mode|reglement", 0 },
		{ "cheque_no", "numero_cheque|no_cheque|cheque", 0 },
		{ "cash_on", "encaisser_le|a_encaisser_le|encaissement", 0 },
	};
	struct file f;

	if (!file_open(&f, b->dir, "payments.csv", 0, spec, 6))
		return;
	while (file_next(&f)) {
		struct payment p = { .at = here(&f) };
		const char *m = field(&f, 3);

		if (!get_ref(&f, 0, &b->member_ids, _("member"), &p.member) || !get_date(&f, 1, 0, &p.date) ||
		    !get_money(&f, 2, &p.cents) || !get_date(&f, 5, INT32_MIN, &p.cash_on))
			continue;
		if (p.cash_on == INT32_MIN)
			p.cash_on = 0;
		if (!*m || strcmp(m, "cheque") == 0 || strcmp(m, "chèque") == 0)
			p.method = PAY_CHEQUE;
		else if (strcmp(m, "cash") == 0 || strcmp(m, "especes") == 0 || strcmp(m, "espèces") == 0)
			p.method = PAY_CASH;
		else if (strcmp(m, "transfer") == 0 || strcmp(m, "virement") == 0)
			p.method = PAY_TRANSFER;
		else {
			table_reject(f.t, f.r, f.idx[3], _("method '%s' is neither cheque, cash nor transfer"), m);
			continue;
		}
		p.cheque_no = keep(field(&f, 4));
		*GROW(b->payments, b->npayments) = p;
	}
	file_close(&f);
}

static void
load_roster(struct basket *b)
{
	static const struct colspec spec[] = {
		{ "date", "jour", COL_REQUIRED },
		{ "role", "role|poste|tache", 0 },
		{ "member", "adherent|membre|benevole", COL_REQUIRED },
	};
	struct file f;

	if (!file_open(&f, b->dir, "roster.csv", 0, spec, 3))
		return;
	while (file_next(&f)) {
		struct duty d = { .at = here(&f) };

		if (!get_date(&f, 0, 0, &d.date) || !get_ref(&f, 2, &b->member_ids, _("member"), &d.member))
			continue;
		d.role = keep(field(&f, 1));
		*GROW(b->roster, b->nroster) = d;
	}
	file_close(&f);
}

void
basket_load(struct basket *b, const char *dir)
{
	memset(b, 0, sizeof *b);
	b->dir = dir ? dir : ".";
	load_settings(b);
	load_producers(b);
	load_products(b);
	load_members(b);
	load_memberships(b);
	load_subscriptions(b);
	load_orders(b);
	load_spans(b);
	load_payments(b);
	load_roster(b);
	basket_index(b);
}
