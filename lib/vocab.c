/*
 * vocab.c: classifying values by their folded words.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "text.h"
#include "vocab.h"

void
vocab_init(struct vocab *v, const struct vocab_word *words, int unknown)
{
	memset(v, 0, sizeof *v);
	v->words = words;
	v->unknown = unknown;
	map_init(&v->seen);
}

void
vocab_release(struct vocab *v)
{
	map_release(&v->seen);
	free(v->cls);
	v->cls = NULL;
}

/* Folds raw and looks the word up in the list. */
static int
fold_class(const struct vocab *v, const char *raw, size_t len)
{
	struct buf f = BUF_INIT;
	char *w, *e;
	int cls = v->unknown;

	text_fold(&f, raw, len);
	w = f.data;
	e = w + f.len;
	while (*w == ' ' || *w == '\t')
		w++;
	while (e > w && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	for (const struct vocab_word *k = v->words; k->word; k++)
		if (strcmp(w, k->word) == 0)
			cls = k->cls;
	buf_release(&f);
	return cls;
}

int
vocab_class(struct vocab *v, const char *raw, size_t len)
{
	int added;
	size_t slot;

	/* The few values a column really holds, compared in place. */
	for (int i = 0; i < v->nrecent; i++) {
		size_t k = 0;

		if (v->recent[i].len != len)
			continue;
		while (k < len && v->recent[i].s[k] == raw[k])
			k++;
		if (k == len)
			return v->recent[i].cls;
	}
	slot = map_put(&v->seen, raw, len, &added);
	if (added) {
		if (slot >= v->cap) {
			v->cap = v->cap ? v->cap * 2 : 16;
			v->cls = xreallocarray(v->cls, v->cap, sizeof *v->cls);
		}
		v->cls[slot] = fold_class(v, raw, len);
	}
	if (v->nrecent < 8 && len < sizeof v->recent[0].s) {
		memcpy(v->recent[v->nrecent].s, raw, len);
		v->recent[v->nrecent].len = len;
		v->recent[v->nrecent++].cls = v->cls[slot];
	}
	return v->cls[slot];
}
