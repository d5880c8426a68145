/*
 * export-page.c: the printable directory, in HTML (one self-contained
 * page with A4 print styles) or Markdown: the actors grouped by commune
 * or by family, sorted by name within each group, then an index of the
 * offers and one of the needs.
 *
 * The page's own words are French, whatever the locale: it is the
 * directory an association prints and hands out, not a message of the
 * program.  Every value from the data is escaped; links are made only to
 * http and https sites and to e-mail addresses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dir.h"
#include "err.h"
#include "export.h"
#include "map.h"
#include "page.h"
#include "text.h"
#include "write.h"

/* The fields an entry keeps, and the record column of each. */
enum pf {
	P_NAME, P_FAMILY, P_LEGAL, P_ADDRESS, P_POSTCODE, P_COMMUNE, P_PHONE,
	P_EMAIL, P_WEBSITE, P_HOURS, P_DESCRIPTION, P_OFFERS, P_NEEDS,
	P_KEY,		/* the folded name, to sort by */
	P_NF
};
static const enum dcol pf_col[P_KEY] = {
	D_NAME, D_FAMILY, D_LEGAL_FORM, D_ADDRESS, D_POSTCODE, D_COMMUNE, D_PHONE,
	D_EMAIL, D_WEBSITE, D_OPENING_HOURS, D_DESCRIPTION, D_OFFERS, D_NEEDS,
};

/* The families' names in the page: one actor, and a group heading. */
static const char *const family_one[F_NFAMILIES] = {
	"association", "coopérative", "mutuelle", "fondation",
	"entreprise solidaire d'utilité sociale", "entreprise de l'ESS",
	"acteur public", "autre",
};
static const char *const family_many[F_NFAMILIES] = {
	"Associations", "Coopératives", "Mutuelles", "Fondations",
	"Entreprises solidaires d'utilité sociale (ESUS)", "Entreprises de l'ESS",
	"Acteurs publics", "Autres acteurs",
};

struct entry {
	size_t off[P_NF];	/* each field's offset in the arena */
	size_t group;		/* its group's slot */
	size_t n;		/* its place in the input, for anchors and ties */
};

struct group {
	size_t label;		/* offset in the arena */
	int score;		/* the label's, see spelling_score */
	int rank;		/* sorted by rank, then by key */
	size_t order;		/* its place once sorted */
	size_t count;
};

/* An (offer or need, actor) pair of an index. */
struct ref {
	size_t value;		/* slot in the index's map */
	size_t entry;		/* the actor's place in the sorted entries */
};

struct index {
	struct map keys;	/* the folded values */
	size_t *label;		/* each value as first met, offset in the arena */
	struct ref *refs;
	size_t nrefs, cap;
};

struct page {
	struct buf arena;	/* every string kept, NUL-terminated */
	struct entry *e;
	size_t ne, cap;
	struct map keys;	/* group keys */
	struct group *g;
	size_t ng;
	struct index offers, needs;
	struct words words;
	struct buf fold, url;
	struct buf out;
	FILE *fp;
};

static const struct page *sort_page;	/* for the qsort comparators */

static const char *
at(const struct page *p, size_t off)
{
	return p->arena.data + off;
}

static size_t
keep(struct page *p, const char *s, size_t len)
{
	size_t off = p->arena.len;

	buf_add(&p->arena, s, len);
	buf_addc(&p->arena, '\0');
	return off;
}

/* ------------------------------------------------------------ reading */

/* The group key of the record into p->fold, its label and rank. */
static void
group_key(struct page *p, const struct dir_reader *d, const char **label, size_t *llen, int *rank)
{
	size_t len;
	const char *v;

	buf_reset(&p->fold);
	if (xo.group == G_FAMILY) {
		int f;

		v = dir_getn(d, D_FAMILY, &len);
		f = len ? family_parse(v, len) : -1;
		if (f >= 0) {
			buf_adds(&p->fold, family_names[f]);
			*label = family_many[f];
			*llen = strlen(*label);
			*rank = f;
			return;
		}
		buf_addc(&p->fold, '?');
		text_fold(&p->fold, v, len);
		*rank = len ? F_NFAMILIES : F_NFAMILIES + 1;
		*label = len ? v : "Famille non précisée";
		*llen = len ? len : strlen(*label);
		return;
	}
	/* Communes match as their words: "Saint-Pardoux" is "saint pardoux". */
	v = dir_getn(d, D_COMMUNE, &len);
	words_clear(&p->words);
	words_add(&p->words, v, len);
	for (size_t i = 0; i < p->words.n; i++) {
		if (i)
			buf_addc(&p->fold, ' ');
		buf_adds(&p->fold, words_at(&p->words, i));
	}
	*rank = p->fold.len ? 0 : 1;
	*label = p->fold.len ? v : "Commune non précisée";
	*llen = p->fold.len ? len : strlen(*label);
}

/* How well a commune is written, to show its best spelling: capitals and
 * accents and hyphens count ("Saint-Pardoux-la-Rivière" rather than
 * "saint pardoux la riviere"), but a name in capitals only counts for
 * nothing ("NONTRON"). */
static int
spelling_score(const char *s, size_t len)
{
	int score = 0, lower = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c != ' ')
			score++;
	}
	return lower ? score : 0;
}

static size_t
add_group(struct page *p, const struct dir_reader *d)
{
	const char *label;
	size_t llen, slot;
	int rank, added, score;

	group_key(p, d, &label, &llen, &rank);
	slot = map_put(&p->keys, p->fold.data, p->fold.len, &added);
	score = spelling_score(label, llen);
	if (added) {
		p->g = xreallocarray(p->g, p->ng + 1, sizeof *p->g);
		p->g[p->ng++] = (struct group){ keep(p, label, llen), score, rank, 0, 0 };
	} else if (xo.group == G_COMMUNE && score > p->g[slot].score) {
		p->g[slot].label = keep(p, label, llen);
		p->g[slot].score = score;
	}
	p->g[slot].count++;
	return slot;
}

/* Adds each value of the entry's list to the index (the entry's place is
 * its input order until the entries are sorted). */
static void
index_add(struct page *p, struct index *x, const char *list, size_t entry)
{
	const char *v;
	size_t len;
	int added;

	while ((v = list_next(&list, &len))) {
		size_t slot;

		buf_reset(&p->fold);
		text_fold(&p->fold, v, len);
		slot = map_put(&x->keys, p->fold.data, p->fold.len, &added);
		if (added) {
			x->label = xreallocarray(x->label, slot + 1, sizeof *x->label);
			x->label[slot] = keep(p, v, len);
		}
		if (x->nrefs == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 64;
			x->refs = xreallocarray(x->refs, x->cap, sizeof *x->refs);
		}
		x->refs[x->nrefs++] = (struct ref){ slot, entry };
	}
}

static void
add_entry(struct page *p, struct dir_reader *d)
{
	struct entry *e;
	size_t len;
	const char *v;

	if (p->ne == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->e = xreallocarray(p->e, p->cap, sizeof *p->e);
	}
	e = &p->e[p->ne];
	e->n = p->ne;
	for (int f = 0; f < P_KEY; f++) {
		v = dir_getn(d, pf_col[f], &len);
		e->off[f] = keep(p, v, len);
	}
	v = dir_getn(d, D_NAME, &len);
	buf_reset(&p->fold);
	text_fold(&p->fold, v, len);
	e->off[P_KEY] = keep(p, p->fold.data, p->fold.len);
	e->group = add_group(p, d);
	index_add(p, &p->offers, dir_get(d, D_OFFERS), p->ne);
	index_add(p, &p->needs, dir_get(d, D_NEEDS), p->ne);
	p->ne++;
}

/* ------------------------------------------------------------ sorting */

/* Groups by rank, then by key; in the copy sort_all sorts, a group's
 * order holds its slot. */
static int
by_group_slot(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	const struct page *p = sort_page;
	size_t xl, yl;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(map_key(&p->keys, x->order, &xl), map_key(&p->keys, y->order, &yl));
}

static int
by_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	const struct page *p = sort_page;
	int c;

	if (p->g[x->group].order != p->g[y->group].order)
		return p->g[x->group].order < p->g[y->group].order ? -1 : 1;
	if ((c = strcmp(at(p, x->off[P_KEY]), at(p, y->off[P_KEY]))) != 0)
		return c;
	return x->n < y->n ? -1 : x->n > y->n;
}

static const struct index *sort_index;

/* Index pairs by folded value, then by the actor's folded name. */
static int
by_ref(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	const struct page *p = sort_page;
	const struct entry *ex = &p->e[x->entry], *ey = &p->e[y->entry];
	size_t xl, yl;
	int c;

	if (x->value != y->value &&
	    (c = strcmp(map_key(&sort_index->keys, x->value, &xl), map_key(&sort_index->keys, y->value, &yl))) != 0)
		return c;
	if ((c = strcmp(at(p, ex->off[P_KEY]), at(p, ey->off[P_KEY]))) != 0)
		return c;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Sorts the groups, the entries, and the indexes by value then actor. */
static void
sort_all(struct page *p)
{
	struct group *sorted = xreallocarray(NULL, p->ng ? p->ng : 1, sizeof *sorted);
	size_t *place = xreallocarray(NULL, p->ne ? p->ne : 1, sizeof *place);
	struct index *xs[2] = { &p->offers, &p->needs };

	sort_page = p;
	if (!p->ne) {	/* nothing to sort, and qsort must not see NULL */
		free(sorted);
		free(place);
		return;
	}
	/* Sort a copy: a group's slot is its place in p->g. */
	memcpy(sorted, p->g, p->ng * sizeof *sorted);
	for (size_t i = 0; i < p->ng; i++)
		sorted[i].order = i;	/* the slot, for now */
	qsort(sorted, p->ng, sizeof *sorted, by_group_slot);
	for (size_t i = 0; i < p->ng; i++)
		p->g[sorted[i].order].order = i;
	free(sorted);
	qsort(p->e, p->ne, sizeof *p->e, by_entry);
	for (size_t i = 0; i < p->ne; i++)
		place[p->e[i].n] = i;
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < xs[k]->nrefs; i++)
			xs[k]->refs[i].entry = place[xs[k]->refs[i].entry];
		sort_index = xs[k];
		if (xs[k]->nrefs)
			qsort(xs[k]->refs, xs[k]->nrefs, sizeof *xs[k]->refs, by_ref);
	}
	free(place);
}

/* ------------------------------------------------------------ shared text */

/* How a line break in a value is written. */
enum nl { NL_SPACE, NL_COMMA, NL_BREAK };

/* The family and the legal form of an entry, as one line of text:
 * "Association · association loi 1901". */
static void
kind_text(const struct page *p, const struct entry *e, struct buf *b)
{
	const char *fam = at(p, e->off[P_FAMILY]), *legal = at(p, e->off[P_LEGAL]);
	int f = *fam ? family_parse(fam, strlen(fam)) : -1;
	const char *label = f >= 0 ? family_one[f] : fam;

	buf_reset(b);
	if (*label) {
		buf_addc(b, label[0] >= 'a' && label[0] <= 'z' ? label[0] - 'a' + 'A' : label[0]);
		buf_adds(b, label + 1);
	}
	if (*legal) {
		if (b->len)
			buf_adds(b, " · ");
		buf_adds(b, legal);
	}
}

/* The entry's address on one text: street, then postcode and commune. */
static void
address_text(const struct page *p, const struct entry *e, struct buf *b)
{
	const char *street = at(p, e->off[P_ADDRESS]), *pc = at(p, e->off[P_POSTCODE]);
	const char *town = at(p, e->off[P_COMMUNE]);

	buf_reset(b);
	buf_adds(b, street);
	if (*street && (*pc || *town))
		buf_addc(b, '\n');
	buf_adds(b, pc);
	if (*pc && *town)
		buf_addc(b, ' ');
	buf_adds(b, town);
}

/* "1 acteur", "42 acteurs, par commune". */
static void
intro_text(const struct page *p, struct buf *b)
{
	buf_reset(b);
	buf_printf(b, "%zu %s, par %s.", p->ne, p->ne > 1 ? "acteurs" : "acteur",
		xo.group == G_FAMILY ? "famille" : "commune");
}

/* The groups' slots in their sorted order (the caller frees it). */
static size_t *
groups_in_order(const struct page *p)
{
	size_t *slot = xreallocarray(NULL, p->ng ? p->ng : 1, sizeof *slot);

	for (size_t i = 0; i < p->ng; i++)
		slot[p->g[i].order] = i;
	return slot;
}

/* ------------------------------------------------------------ HTML */

/* Beyond lib/page's base style. */
static const char html_style[] =
	"h1 { font-size: 20pt; color: #1b5e20; margin: 0 0 .2em; }\n"
	"h2 { font-size: 14pt; color: #1b5e20; border-bottom: 2px solid #81c784; margin: 1.6em 0 .6em;"
	" break-after: avoid; page-break-after: avoid; }\n"
	"h3 { font-size: 11.5pt; margin: 0 0 .15em; }\n"
	".intro { color: #555; }\n"
	"nav ul { columns: 2; padding-left: 1.2em; }\n"
	".entry { border-left: 3px solid #c8e6c9; padding: .1em 0 .1em .8em; margin: 0 0 1em;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	".entry p { margin: .15em 0; }\n"
	".kind { font-style: italic; color: #555; }\n"
	".label { font-weight: bold; }\n"
	"dl.index dt { font-weight: bold; margin-top: .4em; break-after: avoid; page-break-after: avoid; }\n"
	"dl.index dd { margin: 0 0 0 1.5em; }\n"
	"a { color: #1b5e20; }\n"
	"@media print {\n"
	"  a { color: inherit; }\n"
	"  nav, .index { break-after: page; page-break-after: always; }\n"
	"  .index:last-of-type { break-after: auto; page-break-after: auto; }\n"
	"}\n";

/* Appends s escaped for HTML, its line breaks written as nl says. */
static void
html_text(struct buf *b, const char *s, enum nl nl)
{
	static const char *const sep[] = { " ", ", ", "<br>\n" };

	while (*s) {
		size_t n = strcspn(s, "\r\n");

		xml_escape(b, s, n);
		s += n;
		if (!*s)
			break;
		s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
		buf_adds(b, sep[nl]);
	}
}

/* The values of a '|' list, escaped, commas between. */
static void
html_list(struct buf *b, const char *list)
{
	const char *v;
	size_t len;
	int n = 0;

	while ((v = list_next(&list, &len))) {
		if (n++)
			buf_adds(b, ", ");
		xml_escape(b, v, len);
	}
}

/* A line "<p class=...><span class="label">Label :</span> value</p>". */
static void
html_field(struct buf *b, const char *cls, const char *label)
{
	buf_printf(b, "<p class=\"%s\"><span class=\"label\">%s :</span> ", cls, label);
}

static void
html_contacts(struct page *p, const struct entry *e)
{
	struct buf *b = &p->out;
	const char *phone = at(p, e->off[P_PHONE]), *mail = at(p, e->off[P_EMAIL]);
	const char *web = at(p, e->off[P_WEBSITE]);

	if (*phone) {
		html_field(b, "phone", "Téléphone");
		html_text(b, phone, NL_COMMA);
		buf_adds(b, "</p>\n");
	}
	if (*mail) {
		html_field(b, "email", "Courriel");
		if (export_email_ok(mail, strlen(mail))) {
			buf_adds(b, "<a href=\"mailto:");
			xml_escape(b, mail, strlen(mail));
			buf_adds(b, "\">");
			xml_escape(b, mail, strlen(mail));
			buf_adds(b, "</a>");
		} else
			html_text(b, mail, NL_SPACE);
		buf_adds(b, "</p>\n");
	}
	if (*web) {
		html_field(b, "website", "Site");
		buf_reset(&p->url);
		if (export_web(&p->url, web, strlen(web)) == 0) {
			buf_adds(b, "<a href=\"");
			xml_escape(b, p->url.data, p->url.len);
			buf_adds(b, "\">");
			xml_escape(b, web, strlen(web));
			buf_adds(b, "</a>");
		} else
			html_text(b, web, NL_SPACE);
		buf_adds(b, "</p>\n");
	}
}

static void
html_entry(struct page *p, const struct entry *e)
{
	struct buf *b = &p->out;
	const char *v;

	buf_printf(b, "<article class=\"entry\" id=\"a%zu\">\n<h3>", e->n + 1);
	html_text(b, at(p, e->off[P_NAME]), NL_SPACE);
	buf_adds(b, "</h3>\n");
	kind_text(p, e, &p->fold);
	if (p->fold.len) {
		buf_adds(b, "<p class=\"kind\">");
		html_text(b, p->fold.data, NL_SPACE);
		buf_adds(b, "</p>\n");
	}
	address_text(p, e, &p->fold);
	if (p->fold.len) {
		buf_adds(b, "<p class=\"address\">");
		html_text(b, p->fold.data, NL_BREAK);
		buf_adds(b, "</p>\n");
	}
	html_contacts(p, e);
	if (*(v = at(p, e->off[P_HOURS]))) {
		html_field(b, "hours", "Horaires");
		html_text(b, v, NL_BREAK);
		buf_adds(b, "</p>\n");
	}
	if (*(v = at(p, e->off[P_DESCRIPTION]))) {
		buf_adds(b, "<p class=\"description\">");
		html_text(b, v, NL_BREAK);
		buf_adds(b, "</p>\n");
	}
	if (*(v = at(p, e->off[P_OFFERS]))) {
		html_field(b, "offers", "Propose");
		html_list(b, v);
		buf_adds(b, "</p>\n");
	}
	if (*(v = at(p, e->off[P_NEEDS]))) {
		html_field(b, "needs", "Recherche");
		html_list(b, v);
		buf_adds(b, "</p>\n");
	}
	buf_adds(b, "</article>\n");
}

/* An index: each value, then the actors that list it, linked. */
static void
html_index(struct page *p, const struct index *x, const char *id, const char *title, const char *none)
{
	struct buf *b = &p->out;

	buf_printf(b, "<section class=\"index\" id=\"%s\">\n<h2>%s</h2>\n", id, title);
	if (!x->nrefs) {
		buf_printf(b, "<p>%s</p>\n</section>\n", none);
		return;
	}
	buf_adds(b, "<dl class=\"index\">\n");
	for (size_t i = 0; i < x->nrefs; i++) {
		const struct ref *r = &x->refs[i];
		const struct entry *e = &p->e[r->entry];
		int first = i == 0 || r->value != r[-1].value;

		if (!first && r->entry == r[-1].entry)
			continue;	/* listed twice by one actor */
		if (first) {
			if (i)
				buf_adds(b, "</dd>\n");
			buf_adds(b, "<dt>");
			html_text(b, at(p, x->label[r->value]), NL_SPACE);
			buf_adds(b, "</dt>\n<dd>");
		} else
			buf_adds(b, " · ");
		buf_printf(b, "<a href=\"#a%zu\">", e->n + 1);
		html_text(b, at(p, e->off[P_NAME]), NL_SPACE);
		buf_adds(b, "</a>");
		if (b->len >= (size_t)64 * 1024)
			export_flush(b, p->fp);
	}
	buf_adds(b, "</dd>\n</dl>\n</section>\n");
}

static void
html_page(struct page *p)
{
	struct buf *b = &p->out;
	const char *title = xo.title ? xo.title : EXPORT_TITLE;
	size_t *slot = groups_in_order(p), cur = (size_t)-1;

	{
		char *t = xstrdup(title);

		for (char *c = t; *c; c++)
			if (*c == '\n' || *c == '\r' || *c == '\t')
				*c = ' ';
		html_page_open(b, "fr", t, "ess-directory", html_style);
		free(t);
	}
	buf_adds(b, "<header>\n<h1>");
	html_text(b, title, NL_SPACE);
	buf_adds(b, "</h1>\n<p class=\"intro\">");
	intro_text(p, &p->fold);
	html_text(b, p->fold.data, NL_SPACE);
	buf_adds(b, "</p>\n</header>\n<nav>\n<ul>\n");
	for (size_t i = 0; i < p->ng; i++) {
		buf_printf(b, "<li><a href=\"#g%zu\">", i + 1);
		html_text(b, at(p, p->g[slot[i]].label), NL_SPACE);
		buf_printf(b, "</a> (%zu)</li>\n", p->g[slot[i]].count);
	}
	buf_adds(b, "<li><a href=\"#offres\">Index des offres</a></li>\n"
		"<li><a href=\"#besoins\">Index des besoins</a></li>\n</ul>\n</nav>\n<main>\n");
	for (size_t i = 0; i < p->ne; i++) {
		const struct entry *e = &p->e[i];

		if (e->group != cur) {
			if (cur != (size_t)-1)
				buf_adds(b, "</section>\n");
			cur = e->group;
			buf_printf(b, "<section class=\"group\" id=\"g%zu\">\n<h2>", p->g[cur].order + 1);
			html_text(b, at(p, p->g[cur].label), NL_SPACE);
			buf_adds(b, "</h2>\n");
		}
		html_entry(p, e);
		if (b->len >= (size_t)64 * 1024)
			export_flush(b, p->fp);
	}
	if (cur != (size_t)-1)
		buf_adds(b, "</section>\n");
	buf_adds(b, "</main>\n");
	html_index(p, &p->offers, "offres", "Index des offres", "Aucune offre.");
	html_index(p, &p->needs, "besoins", "Index des besoins", "Aucun besoin.");
	html_page_close(b);
	free(slot);
}

/* ------------------------------------------------------------ Markdown */

/*
 * Appends s as Markdown text that reads as it is written: the characters
 * that would make emphasis, code, links, tables or HTML are escaped ('<',
 * '>' and '&' as entities, so no raw tag is left), and so are those that
 * would start a list, a heading or a quote at the start of a line (bol:
 * s starts one).  Line breaks are written as nl says; NL_BREAK makes hard
 * breaks ("\" at the end of the line) and drops blank lines and the
 * spaces that start a line, which would end the paragraph or start code.
 */
static void
md_text(struct buf *b, const char *s, int bol, enum nl nl)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\r' || c == '\n') {
			s += c == '\r' && s[1] == '\n';
			if (nl == NL_BREAK) {
				while (s[1] == '\r' || s[1] == '\n' || s[1] == ' ' || s[1] == '\t')
					s++;
				if (s[1])
					buf_adds(b, "\\\n");
				bol = 1;
			} else
				buf_adds(b, nl == NL_COMMA ? ", " : " ");
			continue;
		}
		if (bol) {
			size_t n = strspn(s, "0123456789");

			bol = 0;
			if (c == '-' || c == '+' || c == '=') {
				buf_addc(b, '\\');
			} else if (n && n <= 9 && (s[n] == '.' || s[n] == ')')) {
				buf_add(b, s, n);
				buf_addc(b, '\\');
				s += n;
				buf_addc(b, *s);
				continue;
			}
		}
		switch (c) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '#': case '|': case '~':
			buf_addc(b, '\\');
			buf_addc(b, c);
			break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		default:
			buf_addc(b, c < 0x20 && c != '\t' ? ' ' : c);
		}
	}
}

/* The values of a '|' list, escaped, commas between. */
static void
md_list(struct page *p, struct buf *b, const char *list)
{
	const char *v;
	size_t len;
	int n = 0;

	while ((v = list_next(&list, &len))) {
		if (n++)
			buf_adds(b, ", ");
		buf_reset(&p->url);
		buf_add(&p->url, v, len);
		md_text(b, p->url.data, 0, NL_SPACE);
	}
}

/* A list item "- Label : " of an entry. */
static void
md_item(struct buf *b, const char *label)
{
	buf_printf(b, "- %s : ", label);
}

static void
md_contacts(struct page *p, const struct entry *e)
{
	struct buf *b = &p->out;
	const char *phone = at(p, e->off[P_PHONE]), *mail = at(p, e->off[P_EMAIL]);
	const char *web = at(p, e->off[P_WEBSITE]);

	if (*phone) {
		md_item(b, "Téléphone");
		md_text(b, phone, 0, NL_COMMA);
		buf_addc(b, '\n');
	}
	if (*mail) {
		md_item(b, "Courriel");
		if (export_email_ok(mail, strlen(mail))) {
			buf_addc(b, '[');
			md_text(b, mail, 0, NL_SPACE);
			buf_printf(b, "](<mailto:%s>)", mail);
		} else
			md_text(b, mail, 0, NL_SPACE);
		buf_addc(b, '\n');
	}
	if (*web) {
		md_item(b, "Site");
		buf_reset(&p->url);
		if (export_web(&p->url, web, strlen(web)) == 0) {
			buf_addc(b, '[');
			md_text(b, web, 0, NL_SPACE);
			buf_printf(b, "](<%s>)", p->url.data);
		} else
			md_text(b, web, 0, NL_SPACE);
		buf_addc(b, '\n');
	}
}

static void
md_entry(struct page *p, const struct entry *e)
{
	struct buf *b = &p->out;
	const char *v;

	buf_adds(b, "### ");
	md_text(b, at(p, e->off[P_NAME]), 0, NL_SPACE);
	buf_adds(b, "\n\n");
	kind_text(p, e, &p->fold);
	if (p->fold.len) {
		buf_addc(b, '*');
		md_text(b, p->fold.data, 0, NL_SPACE);
		buf_adds(b, "*\n\n");
	}
	address_text(p, e, &p->fold);
	if (p->fold.len) {
		md_item(b, "Adresse");
		md_text(b, p->fold.data, 0, NL_COMMA);
		buf_addc(b, '\n');
	}
	md_contacts(p, e);
	if (*(v = at(p, e->off[P_HOURS]))) {
		md_item(b, "Horaires");
		md_text(b, v, 0, NL_COMMA);
		buf_addc(b, '\n');
	}
	if (*(v = at(p, e->off[P_OFFERS]))) {
		md_item(b, "Propose");
		md_list(p, b, v);
		buf_addc(b, '\n');
	}
	if (*(v = at(p, e->off[P_NEEDS]))) {
		md_item(b, "Recherche");
		md_list(p, b, v);
		buf_addc(b, '\n');
	}
	if (*(v = at(p, e->off[P_DESCRIPTION]))) {
		if (b->data[b->len - 2] != '\n')
			buf_addc(b, '\n');
		md_text(b, v, 1, NL_BREAK);
		buf_addc(b, '\n');
	}
	buf_addc(b, '\n');
}

static void
md_index(struct page *p, const struct index *x, const char *title, const char *none)
{
	struct buf *b = &p->out;

	buf_printf(b, "## %s\n\n", title);
	if (!x->nrefs) {
		buf_printf(b, "%s\n\n", none);
		return;
	}
	for (size_t i = 0; i < x->nrefs; i++) {
		const struct ref *r = &x->refs[i];
		int first = i == 0 || r->value != r[-1].value;

		if (!first && r->entry == r[-1].entry)
			continue;
		if (first) {
			if (i)
				buf_addc(b, '\n');
			buf_adds(b, "- **");
			md_text(b, at(p, x->label[r->value]), 0, NL_SPACE);
			buf_adds(b, "** : ");
		} else
			buf_adds(b, " · ");
		md_text(b, at(p, p->e[r->entry].off[P_NAME]), 0, NL_SPACE);
		if (b->len >= (size_t)64 * 1024)
			export_flush(b, p->fp);
	}
	buf_adds(b, "\n\n");
}

static void
md_page(struct page *p)
{
	struct buf *b = &p->out;
	size_t cur = (size_t)-1;

	buf_adds(b, "# ");
	md_text(b, xo.title ? xo.title : EXPORT_TITLE, 0, NL_SPACE);
	buf_adds(b, "\n\n");
	intro_text(p, &p->fold);
	md_text(b, p->fold.data, 1, NL_SPACE);
	buf_adds(b, "\n\n");
	for (size_t i = 0; i < p->ne; i++) {
		const struct entry *e = &p->e[i];

		if (e->group != cur) {
			cur = e->group;
			buf_adds(b, "## ");
			md_text(b, at(p, p->g[cur].label), 0, NL_SPACE);
			buf_adds(b, "\n\n");
		}
		md_entry(p, e);
		if (b->len >= (size_t)64 * 1024)
			export_flush(b, p->fp);
	}
	md_index(p, &p->offers, "Index des offres", "Aucune offre.");
	md_index(p, &p->needs, "Index des besoins", "Aucun besoin.");
	/* One final newline, not a blank line. */
	while (b->len > 1 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n')
		b->len--;
}

/* ------------------------------------------------------------ the page */

static void
index_release(struct index *x)
{
	map_release(&x->keys);
	free(x->label);
	free(x->refs);
}

void
export_page(struct dir_reader *d, FILE *fp)
{
	const char *fmt = xo.format == X_HTML ? "HTML" : "Markdown";
	struct page p;

	export_need_column(d, D_NAME, fmt);
	memset(&p, 0, sizeof p);
	buf_init(&p.arena);
	buf_init(&p.fold);
	buf_init(&p.url);
	buf_init(&p.out);
	words_init(&p.words);
	map_init(&p.keys);
	map_init(&p.offers.keys);
	map_init(&p.needs.keys);
	p.fp = fp;
	while (dir_next(d))
		if (export_named(d, fmt))
			add_entry(&p, d);
	sort_all(&p);
	if (xo.format == X_HTML)
		html_page(&p);
	else
		md_page(&p);
	export_flush(&p.out, fp);
	index_release(&p.offers);
	index_release(&p.needs);
	map_release(&p.keys);
	words_release(&p.words);
	buf_release(&p.arena);
	buf_release(&p.fold);
	buf_release(&p.url);
	buf_release(&p.out);
	free(p.e);
	free(p.g);
}
