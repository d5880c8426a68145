/*
 * dots.c: sticker votes ("gommettes"): green agrees, red disagrees.
 *
 * Rows are either one sticker (or a counted group of stickers) each, the
 * long form, or one item each with its green and red counts, the wide
 * form.  Items are tallied per group, ranked by the sort key, and written
 * with their green, red, abstain, total, net and approval.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "err.h"
#include "map.h"
#include "num.h"
#include "tally.h"
#include "text.h"
#include "vocab.h"

enum { C_ITEM, C_LABEL, C_VOTE, C_COUNT, C_VOTER, C_GROUP, C_GREEN, C_RED, C_ABSTAIN, C_N };

static const struct colspec cols[C_N] = {
	[C_ITEM] = { "item", "id|n°|no|num|numero|number|rang|ref", 0 },
	[C_LABEL] = { "label", "libelle|intitule|titre|title|besoin|need|proposition|option|name|nom", 0 },
	[C_VOTE] = { "vote", "couleur|color|colour|gommette|choix|choice|avis", 0 },
	[C_COUNT] = { "count", "nombre|nb|quantite|quantity|n_votes", 0 },
	[C_VOTER] = { "voter", "votant|votante|participant|participante|personne|who|qui", 0 },
	[C_GROUP] = { "group", "groupe|atelier|panneau|workshop|panel|table", 0 },
	[C_GREEN] = { "green", "vert|verts|vertes|gommettes vertes|nombre de gommettes vertes|pour|for|agree|oui|yes", 0 },
	[C_RED] = { "red", "rouge|rouges|gommettes rouges|nombre de gommettes rouges|contre|against|disagree|non|no_votes", 0 },
	[C_ABSTAIN] = { "abstain", "abstention|abstentions|blanc|blancs|blank|neutre|neutral", 0 },
};

enum colour { V_GREEN, V_RED, V_ABSTAIN, V_BAD };

/* Vote values, folded (see vocab.h). */
static const struct vocab_word vote_words[] = {
	{ "green", V_GREEN }, { "vert", V_GREEN }, { "verte", V_GREEN }, { "verts", V_GREEN },
	{ "vertes", V_GREEN }, { "pour", V_GREEN }, { "for", V_GREEN }, { "yes", V_GREEN },
	{ "oui", V_GREEN }, { "+", V_GREEN }, { "agree", V_GREEN }, { "d'accord", V_GREEN },
	{ "accord", V_GREEN },
	{ "red", V_RED }, { "rouge", V_RED }, { "rouges", V_RED }, { "contre", V_RED },
	{ "against", V_RED }, { "no", V_RED }, { "non", V_RED }, { "-", V_RED },
	{ "disagree", V_RED }, { "desaccord", V_RED }, { "pas d'accord", V_RED },
	{ "abstain", V_ABSTAIN }, { "abstention", V_ABSTAIN }, { "abstentions", V_ABSTAIN },
	{ "blanc", V_ABSTAIN }, { "blank", V_ABSTAIN }, { "neutre", V_ABSTAIN },
	{ "neutral", V_ABSTAIN },
	{ NULL, 0 },
};

struct item {
	char *id;
	char *label;
	char *parent;
	size_t group;
	int64_t n[3];		/* green, red, abstain */
	long order;
	long rank;
};

struct group {
	char *name;
	size_t *items;		/* indexes in the item array */
	size_t nitems, cap;
};

struct dots {
	struct map items_by_key;	/* "group\x1Fitem" -> item */
	struct item *items;
	size_t nitems, itemcap;
	struct map groups_by_name;
	struct group *groups;
	size_t ngroups;
	/* --items */
	struct map declared;		/* item id -> declared index */
	struct map declared_labels;	/* label -> declared index */
	char **decl_id, **decl_label, **decl_parent;
	size_t ndecl;
	int have_parent;
	struct vocab votes;		/* vote values -> colour */
	/* voters */
	struct map voters;		/* "group\x1Fvoter" -> voter */
	struct voter { int64_t total; int flagged; unsigned char *mask; size_t nmask; } *voter;
	size_t votercap;
	long voter_problems;
	/* counts */
	int64_t stickers;
	long rows, rejected;
	long next_order;
	struct buf key;
	const char **inputs;
	size_t ninputs;
};

static size_t
group_of(struct dots *d, const char *name)
{
	int added;
	size_t g = map_put(&d->groups_by_name, name, strlen(name), &added);

	if (added) {
		d->groups = xreallocarray(d->groups, g + 1, sizeof *d->groups);
		memset(&d->groups[g], 0, sizeof d->groups[g]);
		d->groups[g].name = xstrdup(name);
		d->ngroups = g + 1;
	}
	return g;
}

static size_t
new_item(struct dots *d, size_t g, const char *id, const char *label, const char *parent, long order)
{
	struct group *gr = &d->groups[g];
	struct item *it;

	if (d->nitems == d->itemcap) {
		d->itemcap = d->itemcap ? d->itemcap * 2 : 64;
		d->items = xreallocarray(d->items, d->itemcap, sizeof *d->items);
	}
	it = &d->items[d->nitems];
	memset(it, 0, sizeof *it);
	it->id = xstrdup(id);
	it->label = xstrdup(label);
	it->parent = xstrdup(parent ? parent : "");
	it->group = g;
	it->order = order;
	if (gr->nitems == gr->cap) {
		gr->cap = gr->cap ? gr->cap * 2 : 16;
		gr->items = xreallocarray(gr->items, gr->cap, sizeof *gr->items);
	}
	gr->items[gr->nitems++] = d->nitems;
	return d->nitems++;
}

/* The key of item id in group g, in d->key. */
static void
make_key(struct dots *d, size_t g, const char *id)
{
	buf_reset(&d->key);
	if (topt.group_by) {
		const char *gn = d->groups[g].name;

		buf_add(&d->key, gn, strlen(gn));
		buf_addc(&d->key, '\x1F');
	}
	buf_adds(&d->key, id);
}

/* A group seen for the first time gets every declared item, with zeros. */
static void
fill_group(struct dots *d, size_t g)
{
	for (size_t i = 0; i < d->ndecl; i++) {
		int added;

		make_key(d, g, d->decl_id[i]);
		map_put(&d->items_by_key, d->key.data, d->key.len, &added);
		if (added)
			new_item(d, g, d->decl_id[i], d->decl_label[i], d->decl_parent[i], (long)i);
	}
}

static void
read_items(struct dots *d, const char *path)
{
	static const struct colspec icols[] = {
		{ "item", "id|n°|no|num|numero|number|rang|ref", 0 },
		{ "label", "libelle|intitule|titre|title|besoin|need|proposition|option|name|nom", 0 },
		{ "parent", "parent_item|rattache|rattache a|rattachement|parent_id|sous", 0 },
	};
	struct table_opts o = cli.in;
	struct table *t;
	struct row *r;
	int idx[3];

	o.hash = NULL;
	t = table_open(path, &o);
	table_resolve(t, icols, 3, idx);
	if (idx[0] < 0 && idx[1] < 0)
		table_die_header(t, _("the items file needs an 'item' or a 'label' column"));
	d->have_parent = idx[2] >= 0;
	while ((r = table_next(t))) {
		size_t len;
		char *id = row_field(r, idx[0] >= 0 ? idx[0] : idx[1], &len);
		char *label = row_field(r, idx[1], &len);
		int added;
		size_t slot;

		if (!*id) {
			table_reject(t, r, idx[0] >= 0 ? idx[0] : idx[1], "%s", _("an item without a name"));
			continue;
		}
		slot = map_put(&d->declared, id, strlen(id), &added);
		if (!added) {
			table_reject(t, r, idx[0] >= 0 ? idx[0] : idx[1], _("item '%s' is listed twice"), id);
			continue;
		}
		d->decl_id = xreallocarray(d->decl_id, slot + 1, sizeof *d->decl_id);
		d->decl_label = xreallocarray(d->decl_label, slot + 1, sizeof *d->decl_label);
		d->decl_parent = xreallocarray(d->decl_parent, slot + 1, sizeof *d->decl_parent);
		d->decl_id[slot] = xstrdup(id);
		d->decl_label[slot] = xstrdup(label);
		d->decl_parent[slot] = xstrdup(row_field(r, idx[2], &len));
		d->ndecl = slot + 1;
		if (*label)
			map_put(&d->declared_labels, label, strlen(label), NULL);
	}
	/* Parents must be items of the list. */
	for (size_t i = 0; i < d->ndecl; i++)
		if (*d->decl_parent[i] && map_find(&d->declared, d->decl_parent[i], strlen(d->decl_parent[i])) < 0)
			ess_die(EX_DATAERR, _("%s: item '%s' is attached to '%s', which is not in the list"),
				t->name, d->decl_id[i], d->decl_parent[i]);
	table_close(t);
	d->next_order = (long)d->ndecl;
}

/* Parses a count cell: empty is 1 sticker. */
static int
parse_count(const char *s, int64_t *n)
{
	const char *p = s;
	int64_t v = 0;

	if (!*s) {
		*n = 1;
		return 0;
	}
	while (*p >= '0' && *p <= '9' && v < 100000000000000LL)
		v = v * 10 + (*p++ - '0');
	if (*p == '\0') {
		*n = v;
		return 0;
	}
	return num_parse_int(s, n) != 0 || *n < 0 ? -1 : 0;
}

/* Finds or makes the item a row is about; -1 when the items file does not list it. */
static long
item_for(struct dots *d, size_t g, const char *id, size_t idlen, const char *label)
{
	int added;
	size_t slot;
	long decl, found;

	if (topt.group_by) {
		make_key(d, g, id);
		found = map_find(&d->items_by_key, d->key.data, d->key.len);
	} else {
		found = map_find(&d->items_by_key, id, idlen);
	}

	if (found >= 0)
		return found;
	if (d->ndecl) {
		/* Votes that name items by their label. */
		decl = map_find(&d->declared_labels, id, strlen(id));
		if (decl < 0)
			return -1;
		for (size_t i = 0; i < d->ndecl; i++) {
			if (strcmp(d->decl_label[i], id) == 0) {
				make_key(d, g, d->decl_id[i]);
				return map_find(&d->items_by_key, d->key.data, d->key.len);
			}
		}
		return -1;
	}
	if (!topt.group_by)
		make_key(d, g, id);
	slot = map_put(&d->items_by_key, d->key.data, d->key.len, &added);
	new_item(d, g, id, label, NULL, d->next_order++);
	return (long)slot;
}

static int
add_to(struct table *t, const struct row *r, int field, int64_t *acc, int64_t n)
{
	if (num_add(*acc, n, acc) != 0) {
		table_reject(t, r, field, "%s", _("the count overflows"));
		return -1;
	}
	return 0;
}

#define VOTER_WARNINGS 10	/* said one by one; more only with --verbose */

/* A voter problem: an error with --strict-voters (-1: the row is
 * rejected), else a warning, the first few of them only. */
static int
voter_problem(struct dots *d, struct table *t, const struct row *r, int field, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	d->voter_problems++;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (topt.strict_voters)
		table_reject(t, r, field, "%s", msg.data);
	else if (d->voter_problems <= VOTER_WARNINGS || cli.in.verbose)
		table_warn(t, r, field, "%s", msg.data);
	buf_release(&msg);
	return topt.strict_voters ? -1 : 0;
}

/* Checks one voter's stickers: both colours on an item, or too many.
 * Each voter keeps one byte of colours per item, indexed by item. */
static int
check_voter(struct dots *d, struct table *t, const struct row *r, const int *idx, size_t g,
	const char *voter, size_t voterlen, size_t it, enum colour c, int64_t n)
{
	int added;
	size_t v;
	struct voter *vo;

	if (topt.group_by) {
		buf_reset(&d->key);
		buf_adds(&d->key, d->groups[g].name);
		buf_addc(&d->key, '\x1F');
		buf_adds(&d->key, voter);
		v = map_put(&d->voters, d->key.data, d->key.len, &added);
	} else {
		v = map_put(&d->voters, voter, voterlen, &added);
	}
	if (added) {
		if (v >= d->votercap) {
			d->votercap = d->votercap ? d->votercap * 2 : 64;
			d->voter = xreallocarray(d->voter, d->votercap, sizeof *d->voter);
		}
		memset(&d->voter[v], 0, sizeof d->voter[v]);
	}
	vo = &d->voter[v];
	if (it >= vo->nmask) {
		size_t want = d->itemcap > it ? d->itemcap : it + 1;

		vo->mask = xrealloc(vo->mask, want);
		memset(vo->mask + vo->nmask, 0, want - vo->nmask);
		vo->nmask = want;
	}
	if (c == V_GREEN || c == V_RED) {
		unsigned char bit = c == V_GREEN ? 1 : 2;
		unsigned char before = vo->mask[it];

		if ((before | bit) == 3 && before != 3 &&
		    voter_problem(d, t, r, idx[C_VOTE], _("voter '%s' put both green and red on item '%s'"),
		    voter, d->items[it].id) != 0)
			return -1;
		vo->mask[it] |= bit;
	}
	int64_t after;
	if (topt.max_per_voter && (num_add(vo->total, n, &after) != 0 || after > topt.max_per_voter)) {
		/* Strict: every sticker past the limit is refused; else the
		 * voter is reported once and the stickers count. */
		if (topt.strict_voters)
			return voter_problem(d, t, r, idx[C_VOTER], _("voter '%s' stuck more than %ld stickers"),
				voter, topt.max_per_voter);
		if (!vo->flagged) {
			vo->flagged = 1;
			voter_problem(d, t, r, idx[C_VOTER], _("voter '%s' stuck more than %ld stickers"),
				voter, topt.max_per_voter);
		}
	}
	if (num_add(vo->total, n, &vo->total) != 0)
		vo->total = INT64_MAX;
	return 0;
}

static void
read_long(struct dots *d, struct table *t, const int *idx, int gcol)
{
	struct row *r;
	size_t idlen, labellen, votelen, len;

	while ((r = table_next(t))) {
		char *id = row_field(r, idx[C_ITEM], &idlen);
		char *label = row_field(r, idx[C_LABEL], &labellen);
		char *vote = row_field(r, idx[C_VOTE], &votelen);
		enum colour c = (enum colour)vocab_class(&d->votes, vote, votelen);
		int64_t n = 1;
		size_t g = gcol >= 0 ? group_of(d, row_field(r, gcol, &len)) : 0;
		long it;

		if (!idlen) {
			id = label;
			idlen = labellen;
		}
		if (!idlen) {
			table_reject(t, r, idx[C_ITEM] >= 0 ? idx[C_ITEM] : idx[C_LABEL],
				"%s", _("no item and no label"));
			continue;
		}
		if (c == V_BAD) {
			table_reject(t, r, idx[C_VOTE], _("vote '%s' is neither green, red nor abstain"), vote);
			continue;
		}
		if (idx[C_COUNT] >= 0 && parse_count(row_field(r, idx[C_COUNT], &len), &n) != 0) {
			table_reject(t, r, idx[C_COUNT], _("count '%s' is not a whole number of at least 0"),
				r->f[idx[C_COUNT]]);
			continue;
		}
		if (d->ndecl && (g >= d->ngroups || d->groups[g].nitems == 0))
			fill_group(d, g);
		it = item_for(d, g, id, idlen, label);
		if (it < 0) {
			table_reject(t, r, idx[C_ITEM] >= 0 ? idx[C_ITEM] : idx[C_LABEL],
				_("item '%s' is not in %s"), id, topt.items_file);
			continue;
		}
		if (idx[C_VOTER] >= 0) {
			char *voter = row_field(r, idx[C_VOTER], &len);

			if (len && check_voter(d, t, r, idx, g, voter, len, (size_t)it, c, n) != 0)
				continue;
		}
		if (add_to(t, r, idx[C_COUNT], &d->items[it].n[c], n) != 0 ||
		    add_to(t, r, idx[C_COUNT], &d->stickers, n) != 0)
			continue;
		if (labellen && !*d->items[it].label) {
			free(d->items[it].label);
			d->items[it].label = xstrdup(label);
		}
	}
}

static void
read_wide(struct dots *d, struct table *t, const int *idx, int gcol)
{
	static const int which[3] = { C_GREEN, C_RED, C_ABSTAIN };
	struct row *r;

	while ((r = table_next(t))) {
		size_t len;
		char *id = row_field(r, idx[C_ITEM], &len);
		char *label = row_field(r, idx[C_LABEL], &len);
		size_t g = gcol >= 0 ? group_of(d, row_field(r, gcol, &len)) : 0;
		int64_t n[3] = { 0, 0, 0 };
		int ok = 1;
		long it;

		if (!*id)
			id = label;
		if (!*id) {
			table_reject(t, r, idx[C_ITEM] >= 0 ? idx[C_ITEM] : idx[C_LABEL],
				"%s", _("no item and no label"));
			continue;
		}
		for (int k = 0; k < 3 && ok; k++) {
			char *s;

			if (idx[which[k]] < 0)
				continue;
			s = row_field(r, idx[which[k]], &len);
			if (*s && (num_parse_int(s, &n[k]) != 0 || n[k] < 0)) {
				table_reject(t, r, idx[which[k]], _("%s count '%s' is not a whole number of at least 0"),
					cols[which[k]].name, s);
				ok = 0;
			}
		}
		if (!ok)
			continue;
		if (d->ndecl && (g >= d->ngroups || d->groups[g].nitems == 0))
			fill_group(d, g);
		it = item_for(d, g, id, strlen(id), label);
		if (it < 0) {
			table_reject(t, r, idx[C_ITEM] >= 0 ? idx[C_ITEM] : idx[C_LABEL],
				_("item '%s' is not in %s"), id, topt.items_file);
			continue;
		}
		for (int k = 0; k < 3 && ok; k++)
			if (add_to(t, r, idx[which[k]], &d->items[it].n[k], n[k]) != 0 ||
			    add_to(t, r, idx[which[k]], &d->stickers, n[k]) != 0)
				ok = 0;
		if (ok && *label && !*d->items[it].label) {
			free(d->items[it].label);
			d->items[it].label = xstrdup(label);
		}
	}
}

static void
read_votes(struct dots *d, const char *path)
{
	struct table *t = table_open(path, &cli.in);
	int idx[C_N], gcol = -1;
	int wide;

	table_resolve(t, cols, C_N, idx);
	if (idx[C_ITEM] < 0 && idx[C_LABEL] < 0 && t->ncols)
		table_die_header(t, _("no 'item' column (also read as id, n°, num) and no 'label' column (libelle, besoin, proposition...)"));
	wide = idx[C_VOTE] < 0 && (idx[C_GREEN] >= 0 || idx[C_RED] >= 0);
	if (idx[C_VOTE] >= 0 && (idx[C_GREEN] >= 0 || idx[C_RED] >= 0))
		table_die_header(t, _("both a 'vote' column and 'green'/'red' count columns: use one form or the other"));
	if (idx[C_VOTE] < 0 && !wide && t->ncols)
		table_die_header(t, _("no 'vote' column (also read as couleur, gommette, choix) and no 'green'/'red' columns (vert, rouge, pour, contre)"));
	if (topt.group_by) {
		gcol = table_find(t, topt.group_by);
		if (gcol < 0 && strcmp(topt.group_by, "group") == 0)
			gcol = idx[C_GROUP];
		if (gcol < 0 && t->ncols) {
			struct buf m = BUF_INIT;

			buf_printf(&m, _("--group-by: no column '%s' in the header"), topt.group_by);
			table_die_header(t, m.data);
		}
	}
	if (wide)
		read_wide(d, t, idx, gcol);
	else
		read_long(d, t, idx, gcol);
	d->rows += t->rows;
	d->rejected += t->rejected;
	table_close(t);
}

/* Compares items for the ranking: negative when a ranks before b. */
static int
compare_key(const struct item *a, const struct item *b)
{
	switch (topt.sort) {
	case SORT_GREEN:
		return (a->n[0] < b->n[0]) - (a->n[0] > b->n[0]);
	case SORT_APPROVAL: {
		int64_t da = a->n[0] + a->n[1], db = b->n[0] + b->n[1];
		__int128 x, y;

		if (!da || !db)
			return (da == 0) - (db == 0);
		x = (__int128)a->n[0] * db;
		y = (__int128)b->n[0] * da;
		return (x < y) - (x > y);
	}
	default: {
		int64_t na = a->n[0] - a->n[1], nb = b->n[0] - b->n[1];

		return (na < nb) - (na > nb);
	}
	}
}

static struct item *sort_items;

static int
compare_rank(const void *pa, const void *pb)
{
	const struct item *a = &sort_items[*(const size_t *)pa], *b = &sort_items[*(const size_t *)pb];
	int c = compare_key(a, b);

	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int
compare_order(const void *pa, const void *pb)
{
	const struct item *a = &sort_items[*(const size_t *)pa], *b = &sort_items[*(const size_t *)pb];

	return (a->order > b->order) - (a->order < b->order);
}

/* The ranking rule, in English for JSON (machine-readable, stable) or in
 * the user's language for the notes and the chart. */
static const char *
sort_rule(int translate)
{
	const char *r;

	switch (topt.sort) {
	case SORT_GREEN:
		r = N_("sorted by green stickers, most first");
		break;
	case SORT_APPROVAL:
		r = N_("sorted by approval = green / (green + red), highest first; items without stickers last");
		break;
	case SORT_INPUT:
		r = N_("listed in input order; ranked by net = green - red");
		break;
	default:
		r = N_("sorted by net = green - red, highest first");
		break;
	}
	return translate ? _(r) : r;
}

static const char *
sort_name(void)
{
	static const char *const names[] = { "net", "green", "approval", "input" };

	return names[topt.sort];
}

/* A bar for terminals: green as full blocks, red as light shade. */
static void
bar(struct buf *b, const struct item *it, int64_t max)
{
	int g = (int)((it->n[0] * 20 + max / 2) / max);
	int r = (int)((it->n[1] * 20 + max / 2) / max);

	buf_reset(b);
	for (int i = 0; i < g; i++)
		buf_adds(b, "█");
	for (int i = 0; i < r; i++)
		buf_adds(b, "░");
}

static void
write_svg(struct dots *d, struct writer *w)
{
	static const struct chart_series series[] = {
		{ N_("green"), "#2e7d32" }, { N_("red"), "#c62828" }, { N_("abstain"), "#9e9e9e" },
	};
	struct chart_series s[3];
	struct chart_bar *bars = xcalloc(d->nitems ? d->nitems : 1, sizeof *bars);
	struct buf *labels = xcalloc(d->nitems ? d->nitems : 1, sizeof *labels);
	struct chart c = { _("Sticker votes"), sort_rule(1), s, 2, bars, 0 };
	size_t i, k;
	int abstain = 0;

	for (i = 0; i < d->nitems; i++)
		abstain |= d->items[i].n[2] > 0;
	for (k = 0; k < 3; k++) {
		s[k] = series[k];
		s[k].name = _(series[k].name);
	}
	c.nseries = abstain ? 3 : 2;
	for (size_t g = 0; g < d->ngroups; g++) {
		struct group *gr = &d->groups[g];

		for (i = 0; i < gr->nitems; i++) {
			struct item *it = &d->items[gr->items[i]];

			if (topt.top && it->rank > topt.top)
				continue;
			buf_init(&labels[c.nbars]);
			if (topt.group_by)
				buf_printf(&labels[c.nbars], "%s — ", gr->name);
			buf_printf(&labels[c.nbars], "%s. %s", it->id, *it->label ? it->label : it->id);
			bars[c.nbars].label = labels[c.nbars].data;
			bars[c.nbars].values = it->n;
			c.nbars++;
		}
	}
	chart_hbar_svg(writer_file(w), &c);
	for (i = 0; i < c.nbars; i++)
		buf_release(&labels[i]);
	free(labels);
	free(bars);
}

static void
write_result(struct dots *d)
{
	struct wcol wc[13];
	size_t nc = 0, i, g;
	struct writer w;
	json_t *doc = NULL, *ties = json_array(), *inputs = json_array();
	struct buf barbuf = BUF_INIT, ties_note = BUF_INIT;
	char hex[SHA256_DIGEST_SIZE * 2 + 1];
	int64_t max = 1;
	int grouped = topt.group_by != NULL;
	long nties = 0;

	tally_digest(hex);
	for (i = 0; i < d->ninputs; i++)
		json_array_append_new(inputs, json_string(d->inputs[i]));
	/* Rank each group. */
	sort_items = d->items;
	for (g = 0; g < d->ngroups; g++) {
		struct group *gr = &d->groups[g];

		if (gr->nitems > 1)
			qsort(gr->items, gr->nitems, sizeof *gr->items, compare_rank);
		for (i = 0; i < gr->nitems; i++) {
			struct item *it = &d->items[gr->items[i]];

			if (i > 0 && compare_key(&d->items[gr->items[i - 1]], it) == 0)
				it->rank = d->items[gr->items[i - 1]].rank;
			else
				it->rank = (long)i + 1;
			if (it->n[0] + it->n[1] > max)
				max = it->n[0] + it->n[1];
		}
		/* Ties: runs of equal rank. */
		for (i = 0; i < gr->nitems; ) {
			size_t j = i + 1;

			while (j < gr->nitems && d->items[gr->items[j]].rank == d->items[gr->items[i]].rank)
				j++;
			if (j - i > 1 && (!topt.top || d->items[gr->items[i]].rank <= topt.top)) {
				json_t *tie = json_object(), *ids = json_array();

				if (grouped)
					json_object_set_new(tie, "group", json_string(gr->name));
				json_object_set_new(tie, "rank", json_integer(d->items[gr->items[i]].rank));
				buf_printf(&ties_note, "%s%s%s%s %ld: ", nties ? "; " : "",
					grouped ? gr->name : "", grouped ? ", " : "", _("rank"),
					d->items[gr->items[i]].rank);
				for (size_t k = i; k < j; k++) {
					json_array_append_new(ids, json_string(d->items[gr->items[k]].id));
					buf_printf(&ties_note, "%s%s", k > i ? " = " : "", d->items[gr->items[k]].id);
				}
				json_object_set_new(tie, "items", ids);
				json_array_append_new(ties, tie);
				nties++;
			}
			i = j;
		}
		if (topt.sort == SORT_INPUT && gr->nitems > 1)
			qsort(gr->items, gr->nitems, sizeof *gr->items, compare_order);
	}

	writer_open(&w, &cli.out);
	if (w.format == OF_SVG) {
		write_svg(d, &w);
		writer_close(&w);
		json_decref(ties);
		json_decref(inputs);
		buf_release(&ties_note);
		return;
	}
	if (grouped)
		wc[nc++] = (struct wcol){ "group", WT_TEXT };
	wc[nc++] = (struct wcol){ "rank", WT_INT };
	wc[nc++] = (struct wcol){ "item", WT_TEXT };
	wc[nc++] = (struct wcol){ "label", WT_TEXT };
	wc[nc++] = (struct wcol){ "green", WT_INT };
	wc[nc++] = (struct wcol){ "red", WT_INT };
	wc[nc++] = (struct wcol){ "abstain", WT_INT };
	wc[nc++] = (struct wcol){ "total", WT_INT };
	wc[nc++] = (struct wcol){ "net", WT_INT };
	wc[nc++] = (struct wcol){ "approval", WT_DEC };
	if (d->have_parent)
		wc[nc++] = (struct wcol){ "parent", WT_TEXT };
	if (w.format == OF_TABLE)
		wc[nc++] = (struct wcol){ "", WT_TEXT };
	if (w.format == OF_JSON) {
		doc = json_object();
		json_object_set_new(doc, "method", json_string("dots"));
		json_object_set_new(doc, "rule", json_string(sort_rule(0)));
		json_object_set_new(doc, "sort", json_string(sort_name()));
		json_object_set_new(doc, "ballots", json_integer(d->stickers));
		json_object_set_new(doc, "rows_read", json_integer(d->rows));
		json_object_set_new(doc, "rows_rejected", json_integer(d->rejected));
		json_object_set_new(doc, "voter_problems", json_integer(d->voter_problems));
		json_object_set_new(doc, "inputs", json_incref(inputs));
		json_object_set_new(doc, "sha256", json_string(hex));
		json_object_set_new(doc, "rows", json_null());
		json_object_set_new(doc, "ties", json_incref(ties));
		writer_doc(&w, doc, "rows");
	}
	writer_columns(&w, wc, nc);
	for (g = 0; g < d->ngroups; g++) {
		struct group *gr = &d->groups[g];

		for (i = 0; i < gr->nitems; i++) {
			struct item *it = &d->items[gr->items[i]];
			char num[7][32], pct[32];
			const char *v[13];
			size_t k = 0;

			if (topt.top && it->rank > topt.top)
				continue;
			snprintf(num[0], 32, "%ld", it->rank);
			snprintf(num[1], 32, "%" PRId64, it->n[0]);
			snprintf(num[2], 32, "%" PRId64, it->n[1]);
			snprintf(num[3], 32, "%" PRId64, it->n[2]);
			snprintf(num[4], 32, "%" PRId64, it->n[0] + it->n[1] + it->n[2]);
			snprintf(num[5], 32, "%" PRId64, it->n[0] - it->n[1]);
			if (it->n[0] + it->n[1] > 0)
				num_format_percent(it->n[0], it->n[0] + it->n[1], pct);
			else
				pct[0] = '\0';
			if (grouped)
				v[k++] = gr->name;
			v[k++] = num[0];
			v[k++] = it->id;
			v[k++] = it->label;
			for (int j = 1; j <= 5; j++)
				v[k++] = num[j];
			v[k++] = pct;
			if (d->have_parent)
				v[k++] = it->parent;
			if (w.format == OF_TABLE) {
				bar(&barbuf, it, max);
				v[k++] = barbuf.data;
			}
			writer_row(&w, v);
		}
	}
	writer_note(&w, _("method: dots (green agrees, red disagrees); %s; equal values share a rank"), sort_rule(1));
	writer_note(&w, _("ballots: %" PRId64 " stickers in %ld rows; %ld rows rejected"),
		d->stickers, d->rows, d->rejected);
	if (nties)
		writer_note(&w, _("ties: %s"), ties_note.data);
	if (d->voter_problems)
		writer_note(&w, _("voter problems: %ld (see the messages above)"), d->voter_problems);
	writer_close(&w);
	json_decref(ties);
	json_decref(inputs);
	buf_release(&barbuf);
	buf_release(&ties_note);
}

int
tally_dots(void)
{
	struct dots d;
	static char dash[] = "-";
	char *stdin_only[] = { dash, NULL };
	char **files = topt.files && *topt.files ? topt.files : stdin_only;

	memset(&d, 0, sizeof d);
	map_init(&d.items_by_key);
	map_init(&d.groups_by_name);
	map_init(&d.declared);
	map_init(&d.declared_labels);
	vocab_init(&d.votes, vote_words, V_BAD);
	map_init(&d.voters);
	buf_init(&d.key);
	if (topt.items_file)
		read_items(&d, topt.items_file);
	group_of(&d, "");
	for (char **f = files; *f; f++) {
		d.inputs = xreallocarray(d.inputs, d.ninputs + 1, sizeof *d.inputs);
		d.inputs[d.ninputs++] = strcmp(*f, "-") == 0 ? "-" : *f;
		read_votes(&d, *f);
	}
	if (d.voter_problems > VOTER_WARNINGS && !cli.in.verbose && !topt.strict_voters)
		ess_warn(_("%ld more voter problems not shown (--verbose shows them all)"),
			d.voter_problems - VOTER_WARNINGS);
	/* The default group stays only when it was used or nothing else was. */
	if (d.ngroups > 1 && d.groups[0].nitems == 0) {
		free(d.groups[0].name);
		free(d.groups[0].items);
		memmove(&d.groups[0], &d.groups[1], (d.ngroups - 1) * sizeof *d.groups);
		d.ngroups--;
	} else if (d.groups[0].nitems == 0) {
		fill_group(&d, 0);
	}
	write_result(&d);

	for (size_t i = 0; i < d.nitems; i++) {
		free(d.items[i].id);
		free(d.items[i].label);
		free(d.items[i].parent);
	}
	for (size_t g = 0; g < d.ngroups; g++) {
		free(d.groups[g].name);
		free(d.groups[g].items);
	}
	for (size_t i = 0; i < d.ndecl; i++) {
		free(d.decl_id[i]);
		free(d.decl_label[i]);
		free(d.decl_parent[i]);
	}
	free(d.decl_id);
	free(d.decl_label);
	free(d.decl_parent);
	free(d.items);
	free(d.groups);
	for (size_t i = 0; i < d.voters.n; i++)
		free(d.voter[i].mask);
	free(d.voter);
	free(d.inputs);
	map_release(&d.items_by_key);
	map_release(&d.groups_by_name);
	map_release(&d.declared);
	map_release(&d.declared_labels);
	vocab_release(&d.votes);
	map_release(&d.voters);
	buf_release(&d.key);
	return 0;
}
