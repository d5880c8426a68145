/*
 * similar.c: records in memory, name keys, stop words and word sets for
 * dedupe and match.
 */
#include <stdlib.h>
#include <string.h>

#include "dir.h"
#include "err.h"
#include "geo.h"
#include "similar.h"

/* ------------------------------------------------------------ records */

void
recs_init(struct recs *r, size_t ncols)
{
	memset(r, 0, sizeof *r);
	r->ncols = ncols;
	buf_init(&r->text);
}

void
recs_release(struct recs *r)
{
	buf_release(&r->text);
	free(r->off);
	free(r->line);
	free(r->src);
	memset(r, 0, sizeof *r);
}

void
recs_add(struct recs *r, const struct dir_reader *d)
{
	size_t *off;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->off = xreallocarray(r->off, r->cap, (r->ncols ? r->ncols : 1) * sizeof *r->off);
		r->line = xreallocarray(r->line, r->cap, sizeof *r->line);
		r->src = xreallocarray(r->src, r->cap, sizeof *r->src);
	}
	off = r->off + r->n * r->ncols;
	for (size_t c = 0; c < r->ncols; c++) {
		off[c] = r->text.len;
		buf_add(&r->text, d->v[c], strlen(d->v[c]) + 1);
	}
	r->line[r->n] = d->row->line;
	r->src[r->n] = (unsigned)d->cur;
	r->n++;
}

const char *
recs_getn(const struct recs *r, size_t i, int col, size_t *len)
{
	const char *s = recs_get(r, i, col);
	size_t n = strlen(s);

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	*len = n;
	return s;
}

const char *
recs_file(const struct recs *r, const struct dir_reader *d, size_t i)
{
	return d->src[r->src[i]].t->name;
}

void
recs_ref(struct buf *out, const struct recs *r, const struct dir_reader *d, size_t i, int idcol)
{
	size_t len;
	const char *id = recs_getn(r, i, idcol, &len);

	if (len)
		buf_add(out, id, len);
	else
		buf_printf(out, "%s:%ld", recs_file(r, d, i), r->line[i]);
}

int
sim_coords(struct dir_reader *d, double *lat, double *lon)
{
	int at = dir_coords(d, lat, lon);

	/* 0,0 is a spreadsheet's empty cells, not the Gulf of Guinea. */
	return at == 1 && *lat == 0 && *lon == 0 ? 0 : at;
}

/* ------------------------------------------------------------ words */

int
sim_stopword(const char *w, size_t len)
{
	static const char *const stop[] = {
		"la", "le", "les", "de", "du", "des", "et", "en", "au", "aux",
		"pour", "sur", "un", "une", "ou", "par", "avec", "dans", "chez",
		"qu",
	};

	/* A single letter: l', d', a (à), s', n'... but not a digit. */
	if (len == 1)
		return !(w[0] >= '0' && w[0] <= '9');
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		if (strlen(stop[i]) == len && memcmp(stop[i], w, len) == 0)
			return 1;
	return 0;
}

/* Whether a folded word is Saint, St, Ste or Sainte. */
static int
is_saint(const char *w)
{
	return strcmp(w, "saint") == 0 || strcmp(w, "sainte") == 0 ||
	    strcmp(w, "st") == 0 || strcmp(w, "ste") == 0;
}

/* Appends word w of a key or a folded value, after a space if needed. */
static void
add_word(struct buf *out, size_t start, const char *w)
{
	if (out->len > start)
		buf_addc(out, ' ');
	buf_adds(out, is_saint(w) ? "st" : w);
}

void
sim_name_key(struct buf *out, struct words *scratch, const char *s, size_t len)
{
	size_t start = out->len, kept = 0;

	words_clear(scratch);
	words_add(scratch, s, len);
	for (size_t i = 0; i < scratch->n; i++) {
		const char *w = words_at(scratch, i);

		if (!sim_stopword(w, strlen(w))) {
			add_word(out, start, w);
			kept++;
		}
	}
	if (!kept)
		for (size_t i = 0; i < scratch->n; i++)
			add_word(out, start, words_at(scratch, i));
}

void
sim_folded(struct buf *out, struct words *scratch, const char *s, size_t len)
{
	size_t start = out->len;

	words_clear(scratch);
	words_add(scratch, s, len);
	for (size_t i = 0; i < scratch->n; i++)
		add_word(out, start, words_at(scratch, i));
}

/* Drops a plural in place (see similar.h); returns the new length. */
static size_t
stem(char *w, size_t len)
{
	if (len >= 4 && (w[len - 1] == 's' || w[len - 1] == 'x'))
		w[--len] = '\0';
	if (len >= 4 && memcmp(w + len - 3, "ail", 3) == 0) {
		w[len - 2] = 'u';
		w[--len] = '\0';
	} else if (len >= 4 && memcmp(w + len - 2, "al", 2) == 0)
		w[len - 1] = 'u';
	return len;
}

void
wordsets_init(struct wordsets *ws)
{
	memset(ws, 0, sizeof *ws);
	map_init(&ws->vocab);
	words_init(&ws->scratch);
}

void
wordsets_release(struct wordsets *ws)
{
	map_release(&ws->vocab);
	words_release(&ws->scratch);
	free(ws->ids);
	memset(ws, 0, sizeof *ws);
}

static int
cmp_id(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

size_t
wordsets_add(struct wordsets *ws, const char *s, size_t len)
{
	size_t start = ws->nids, n, k;

	words_clear(&ws->scratch);
	words_add(&ws->scratch, s, len);
	for (size_t i = 0; i < ws->scratch.n; i++) {
		char *w = ws->scratch.text.data + ws->scratch.off[i];
		size_t wl = strlen(w);

		if (sim_stopword(w, wl))
			continue;
		if (is_saint(w))
			wl = 2, memcpy(w, "st", 3);
		else
			wl = stem(w, wl);
		if (ws->nids == ws->cap) {
			ws->cap = ws->cap ? ws->cap * 2 : 256;
			ws->ids = xreallocarray(ws->ids, ws->cap, sizeof *ws->ids);
		}
		ws->ids[ws->nids++] = (uint32_t)map_put(&ws->vocab, w, wl, NULL);
	}
	n = ws->nids - start;
	qsort(ws->ids + start, n, sizeof *ws->ids, cmp_id);
	for (size_t i = k = 0; i < n; i++)
		if (k == 0 || ws->ids[start + k - 1] != ws->ids[start + i])
			ws->ids[start + k++] = ws->ids[start + i];
	ws->nids = start + k;
	return k;
}

size_t
sim_common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0, c = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			c++, i++, j++;
	}
	return c;
}
