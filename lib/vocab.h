/*
 * vocab.h: the words a column's values may take ("vert", "pour", "oui"...)
 * mapped to a class (green, for, yes...).  A value is compared folded
 * (case, accents, spaces around it), and each distinct raw value is folded
 * once: after that it costs a look-up, with no allocation, so a column of
 * ten million votes is classified at the speed of a hash.
 */
#ifndef ESS_VOCAB_H
#define ESS_VOCAB_H

#include <stddef.h>

#include "map.h"

struct vocab_word {
	const char *word;	/* folded: lowercase, no accents */
	int cls;
};

struct vocab {
	const struct vocab_word *words;	/* borrowed; ends with a NULL word */
	int unknown;		/* the class of a value that is no word */
	struct map seen;	/* raw values met -> slot */
	int *cls;
	size_t cap;
	struct vocab_recent { size_t len; char s[24]; int cls; } recent[8];
	int nrecent;
};

void vocab_init(struct vocab *v, const struct vocab_word *words, int unknown);
void vocab_release(struct vocab *v);
/* The class of raw (len bytes), or v->unknown. */
int vocab_class(struct vocab *v, const char *raw, size_t len);

#endif
