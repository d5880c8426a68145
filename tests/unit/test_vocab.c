/*
 * test_vocab.c: values classified by their folded words.
 */
#include <string.h>

#include "err.h"
#include "t.h"
#include "vocab.h"

enum { YES, NO, UNKNOWN };

static const struct vocab_word words[] = {
	{ "oui", YES }, { "yes", YES }, { "+", YES }, { "d'accord", YES },
	{ "non", NO }, { "no", NO }, { "-", NO }, { "pas d'accord", NO },
	{ NULL, 0 },
};

static int
cls(struct vocab *v, const char *s)
{
	return vocab_class(v, s, strlen(s));
}

int
main(void)
{
	struct vocab v;
	char many[32];

	ess_init("test_vocab");
	vocab_init(&v, words, UNKNOWN);
	T_EQ(cls(&v, "oui"), YES);
	T_EQ(cls(&v, "OUI"), YES);
	T_EQ(cls(&v, " Oui "), YES);
	T_EQ(cls(&v, "\tnon"), NO);
	T_EQ(cls(&v, "+"), YES);
	T_EQ(cls(&v, "-"), NO);
	T_EQ(cls(&v, "D’accord"), YES);		/* typographic apostrophe */
	T_EQ(cls(&v, "Pas d'Accord"), NO);
	T_EQ(cls(&v, "peut-être"), UNKNOWN);
	T_EQ(cls(&v, ""), UNKNOWN);
	T_EQ(cls(&v, "ou"), UNKNOWN);		/* a prefix is no word */
	T_EQ(cls(&v, "ouii"), UNKNOWN);
	/* Asked again, from the recent values or the map: the same answers. */
	for (int round = 0; round < 3; round++) {
		T_EQ(cls(&v, "OUI"), YES);
		T_EQ(cls(&v, "peut-être"), UNKNOWN);
		T_EQ(cls(&v, "Pas d'Accord"), NO);
	}
	/* Many distinct values, past the recent ones. */
	for (int i = 0; i < 200; i++) {
		snprintf(many, sizeof many, "%s%*s", i % 2 ? "non" : "oui", i % 40, "");
		if (cls(&v, many) != (i % 2 ? NO : YES))
			break;
		if (i == 199)
			T_OK(1);
	}
	/* A long value, longer than a recent slot. */
	T_EQ(cls(&v, "oui                                              "), YES);
	/* Bytes that are not UTF-8 are unknown, not a crash. */
	T_EQ(cls(&v, "\xff\xfe"), UNKNOWN);
	vocab_release(&v);
	return t_end();
}
