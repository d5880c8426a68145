/*
 * match.c: pairs every need of every actor with the offers of the other
 * actors: the "mise en lien" of needs and solutions.
 *
 * A need and an offer match when they share words (folded, without stop
 * words, a plural ignored).  The score is the overlap coefficient, the
 * words in common over the words of the shorter of the two, so that the
 * need "vélo" meets the offer "réparation de vélos" fully, while a long
 * need that shares one word of several with a long offer scores low.  The
 * offers are indexed by word, so a need is compared only with the offers
 * that share a word with it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "map.h"
#include "similar.h"

enum { OPT_MAX_KM = 0x200, OPT_TOP, OPT_MIN_SCORE };

static const struct argp_option options[] = {
	{ "max-km", OPT_MAX_KM, N_("KM"), 0, N_("only pairs at most KM kilometres apart (both located)"), 0 },
	{ "top", OPT_TOP, N_("N"), 0, N_("keep the N best offers for each need"), 0 },
	{ "min-score", OPT_MIN_SCORE, N_("S"), 0, N_("only pairs scoring at least S, from 0 to 1 (default 0: any word in common)"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static struct {
	long max_km10;		/* tenths of a kilometre; -1: no limit */
	long top;		/* 0: every offer */
	int min_score;		/* hundredths */
} opt = { -1, 0, 0 };

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	double v;

	switch (key) {
	case OPT_MAX_KM:
		v = dir_parse_double(state, "--max-km", arg);
		if (!(v >= 0) || v > 20100)
			argp_error(state, _("--max-km: '%s' is not a distance in kilometres from 0 to 20100"), arg);
		opt.max_km10 = (long)floor(v * 10 + 1e-9);
		break;
	case OPT_TOP:
		opt.top = dir_parse_long(state, "--top", arg, 1, 1000000);
		break;
	case OPT_MIN_SCORE:
		v = dir_parse_double(state, "--min-score", arg);
		if (!(v >= 0) || v > 1)
			argp_error(state, _("--min-score: '%s' is not a number from 0 to 1"), arg);
		opt.min_score = (int)ceil(v * 100 - 1e-9);
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Pair every need of every actor (each value of needs) with the offers "
	"of the other actors (each value of offers) that share a word with it, "
	"best first: by score, then by distance, then in the needs' order."
	"\vWords are folded (case, accents, œ/æ, apostrophes), a plural s or x "
	"is ignored (and locaux is local), and the stop words (la le les l' de "
	"du des d' et en au aux pour sur à un une ou par avec dans chez) do not "
	"count.  The score is the number of words in common over the number of "
	"words of the shorter of need and offer, from 0.01 to 1.  km is the "
	"distance between the two actors, empty when either has no "
	"coordinates; --max-km drops such pairs too.  Records with the same id "
	"are one actor, whose needs are not paired with its own offers.  "
	"Columns: need_id, need_name, need, offer_id, offer_name, offer, "
	"score, km.");

const struct argp match_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

/* A record: its id and name (offsets in text), its actor, its place. */
struct rec {
	size_t id, name, actor;
	double lat, lon;
	int located;
};

/* A need or an offer: its record, its text, its set of words. */
struct item {
	size_t rec, text, set, nset;
};

/* 16 bytes: without --top there may be hundreds of millions. */
struct pair {
	uint32_t need, offer;
	int32_t km10;		/* tenths of a kilometre, -1: unknown */
	int32_t score;		/* hundredths */
};

static struct {
	struct buf text;
	struct rec *recs;
	size_t nrecs, reccap;
	struct item *needs, *offers;
	size_t nneeds, needcap, noffers, offercap;
	struct wordsets ws;
	struct map ids;
	size_t *post, *postat;	/* offers of each word: post[postat[w]..postat[w+1]) */
	struct pair *pairs;
	size_t npairs, paircap;
} m;

static size_t
add_text(const char *s, size_t len)
{
	size_t at = m.text.len;

	buf_add(&m.text, s, len);
	buf_addc(&m.text, '\0');
	return at;
}

/* Appends each value of the current record's list column c to items. */
static void
add_items(struct dir_reader *d, enum dcol c, struct item **items, size_t *n, size_t *cap)
{
	const char *p = dir_get(d, c), *v;
	size_t len;

	while ((v = list_next(&p, &len))) {
		struct item it;

		it.rec = m.nrecs - 1;
		it.text = add_text(v, len);
		it.set = m.ws.nids;
		it.nset = wordsets_add(&m.ws, v, len);
		if (!it.nset)
			continue;
		if (*n == UINT32_MAX)
			ess_die(EX_DATAERR, "%s", _("more than 4294967295 needs or offers"));
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*items = xreallocarray(*items, *cap, sizeof **items);
		}
		(*items)[(*n)++] = it;
	}
}

static void
read_records(struct dir_reader *d)
{
	while (dir_next(d)) {
		struct rec r;
		size_t len;
		const char *s;
		int at = sim_coords(d, &r.lat, &r.lon);

		if (at < 0)
			continue;
		r.located = at;
		s = dir_getn(d, D_ID, &len);
		r.id = add_text(s, len);
		/* Records of one id are one actor; one without an id is its own. */
		r.actor = len ? map_put(&m.ids, s, len, NULL) : (size_t)-1 - m.nrecs;
		s = dir_getn(d, D_NAME, &len);
		r.name = add_text(s, len);
		if (m.nrecs == m.reccap) {
			m.reccap = m.reccap ? m.reccap * 2 : 64;
			m.recs = xreallocarray(m.recs, m.reccap, sizeof *m.recs);
		}
		m.recs[m.nrecs++] = r;
		add_items(d, D_NEEDS, &m.needs, &m.nneeds, &m.needcap);
		add_items(d, D_OFFERS, &m.offers, &m.noffers, &m.offercap);
	}
}

/* The offers of each word, in input order. */
static void
index_offers(void)
{
	size_t nw = m.ws.vocab.n, *fill;

	m.postat = xcalloc(nw + 1, sizeof *m.postat);
	fill = xcalloc(nw ? nw : 1, sizeof *fill);
	for (size_t o = 0; o < m.noffers; o++)
		for (size_t k = 0; k < m.offers[o].nset; k++)
			m.postat[m.ws.ids[m.offers[o].set + k] + 1]++;
	for (size_t w = 0; w < nw; w++)
		m.postat[w + 1] += m.postat[w];
	m.post = xcalloc(m.postat[nw] ? m.postat[nw] : 1, sizeof *m.post);
	for (size_t o = 0; o < m.noffers; o++)
		for (size_t k = 0; k < m.offers[o].nset; k++) {
			uint32_t w = m.ws.ids[m.offers[o].set + k];

			m.post[m.postat[w] + fill[w]++] = o;
		}
	free(fill);
}

/* Best first: score, then distance (unknown last), then need, then offer. */
static int
by_rank(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->km10 != y->km10) {
		if (x->km10 < 0 || y->km10 < 0)
			return x->km10 < 0 ? 1 : -1;
		return x->km10 < y->km10 ? -1 : 1;
	}
	if (x->need != y->need)
		return x->need < y->need ? -1 : 1;
	return x->offer < y->offer ? -1 : x->offer > y->offer;
}

static void
add_pair(struct pair p)
{
	if (m.npairs == m.paircap) {
		m.paircap = m.paircap ? m.paircap * 2 : 256;
		m.pairs = xreallocarray(m.pairs, m.paircap, sizeof *m.pairs);
	}
	m.pairs[m.npairs++] = p;
}

/* The score of need n and offer o sharing common words, in hundredths. */
static int32_t
score(size_t n, size_t o, size_t common)
{
	size_t a = m.needs[n].nset, b = m.offers[o].nset, shorter = a < b ? a : b;

	return (int32_t)((200 * common + shorter) / (2 * shorter));
}

/* The distance of the actors of need n and offer o in tenths of a
 * kilometre, or -1 when either is not located. */
static int32_t
km10(size_t n, size_t o)
{
	const struct rec *a = &m.recs[m.needs[n].rec], *b = &m.recs[m.offers[o].rec];

	if (!a->located || !b->located)
		return -1;
	return (int32_t)lround(geo_distance_m(a->lat, a->lon, b->lat, b->lon) / 100);
}

/*
 * The --top best pairs of one need: a heap of at most top pairs whose
 * first is the worst kept, so that a better pair replaces it.
 */
static void
sift_down(struct pair *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, w = i;
		struct pair t;

		if (l < n && by_rank(&h[l], &h[w]) > 0)
			w = l;
		if (r < n && by_rank(&h[r], &h[w]) > 0)
			w = r;
		if (w == i)
			return;
		t = h[i], h[i] = h[w], h[w] = t;
		i = w;
	}
}

static void
heap_offer(struct pair *h, size_t *n, size_t top, struct pair p)
{
	size_t i;

	if (*n == top) {
		if (by_rank(&p, &h[0]) >= 0)
			return;
		h[0] = p;
		sift_down(h, *n, 0);
		return;
	}
	for (i = (*n)++; i > 0 && by_rank(&p, &h[(i - 1) / 2]) > 0; i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2];
	h[i] = p;
}

/* Pairs need n with each offer it shares words with (touched, their
 * counts in count, set back to 0). */
static void
pair_need(size_t n, const size_t *touched, size_t nt, unsigned *count)
{
	size_t top = (size_t)opt.top, nh = 0;
	struct pair *h = NULL;

	if (top) {
		while (m.paircap < m.npairs + top) {
			m.paircap = m.paircap ? m.paircap * 2 : 256;
			m.pairs = xreallocarray(m.pairs, m.paircap, sizeof *m.pairs);
		}
		h = m.pairs + m.npairs;
	}
	for (size_t t = 0; t < nt; t++) {
		size_t o = touched[t];
		struct pair p = { (uint32_t)n, (uint32_t)o, -1, score(n, o, count[o]) };

		count[o] = 0;
		/* The distance costs more than the score: only when needed. */
		if (p.score < opt.min_score || (top && nh == top && p.score < h[0].score))
			continue;
		p.km10 = km10(n, o);
		if (opt.max_km10 >= 0 && (p.km10 < 0 || p.km10 > opt.max_km10))
			continue;
		if (top)
			heap_offer(h, &nh, top, p);
		else
			add_pair(p);
	}
	m.npairs += nh;
}

/* Every need against the offers that share a word with it, through the
 * index of offers by word. */
static void
match_all(void)
{
	unsigned *count = xcalloc(m.noffers ? m.noffers : 1, sizeof *count);
	size_t *touched = xcalloc(m.noffers ? m.noffers : 1, sizeof *touched);

	for (size_t n = 0; n < m.nneeds; n++) {
		const struct item *ni = &m.needs[n];
		size_t actor = m.recs[ni->rec].actor, nt = 0;

		for (size_t k = 0; k < ni->nset; k++) {
			uint32_t w = m.ws.ids[ni->set + k];

			for (size_t q = m.postat[w]; q < m.postat[w + 1]; q++) {
				size_t o = m.post[q];

				if (m.recs[m.offers[o].rec].actor == actor)
					continue;
				if (count[o]++ == 0)
					touched[nt++] = o;
			}
		}
		pair_need(n, touched, nt, count);
	}
	free(count);
	free(touched);
	if (m.npairs > 1)
		qsort(m.pairs, m.npairs, sizeof *m.pairs, by_rank);
}

static void
write_pairs(void)
{
	static const struct wcol cols[] = {
		{ "need_id", WT_TEXT }, { "need_name", WT_TEXT }, { "need", WT_TEXT },
		{ "offer_id", WT_TEXT }, { "offer_name", WT_TEXT }, { "offer", WT_TEXT },
		{ "score", WT_DEC }, { "km", WT_DEC },
	};
	struct writer w;
	char sc[16], km[32];
	const char *v[8];

	writer_open(&w, &cli.out);
	writer_columns(&w, cols, 8);
	for (size_t i = 0; i < m.npairs; i++) {
		const struct pair *p = &m.pairs[i];
		const struct item *ni = &m.needs[p->need], *oi = &m.offers[p->offer];
		const struct rec *a = &m.recs[ni->rec], *b = &m.recs[oi->rec];

		snprintf(sc, sizeof sc, "%d.%02d", (int)(p->score / 100), (int)(p->score % 100));
		if (p->km10 >= 0)
			snprintf(km, sizeof km, "%d.%d", (int)(p->km10 / 10), (int)(p->km10 % 10));
		else
			km[0] = '\0';
		v[0] = m.text.data + a->id;
		v[1] = m.text.data + a->name;
		v[2] = m.text.data + ni->text;
		v[3] = m.text.data + b->id;
		v[4] = m.text.data + b->name;
		v[5] = m.text.data + oi->text;
		v[6] = sc;
		v[7] = km;
		writer_row(&w, v);
	}
	writer_note(&w, _("needs: %zu, offers: %zu, pairs: %zu; score: words in common over the words of the shorter"),
		m.nneeds, m.noffers, m.npairs);
	writer_close(&w);
}

/* Dies when no file has the column c: there is nothing to match. */
static void
need_column(const struct dir_reader *d, enum dcol c)
{
	char msg[160];

	if (d->col[c] >= 0)
		return;
	snprintf(msg, sizeof msg, _("no '%s' column: nothing to match"), dir_spec[c].name);
	table_die_header(d->src[0].t, msg);
}

int
match_run(char **files)
{
	struct dir_reader d;

	memset(&m, 0, sizeof m);
	buf_init(&m.text);
	wordsets_init(&m.ws);
	map_init(&m.ids);
	dir_open(&d, files, 0);
	need_column(&d, D_NEEDS);
	need_column(&d, D_OFFERS);
	read_records(&d);
	index_offers();
	match_all();
	write_pairs();
	dir_close(&d);
	buf_release(&m.text);
	wordsets_release(&m.ws);
	map_release(&m.ids);
	free(m.recs);
	free(m.needs);
	free(m.offers);
	free(m.post);
	free(m.postat);
	free(m.pairs);
	return 0;
}
