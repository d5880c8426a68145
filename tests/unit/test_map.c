/*
 * test_map.c: the hash map from byte strings to slots.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "t.h"

#define MANY 100000

static size_t
put(struct map *m, const char *s, int *added)
{
	return map_put(m, s, strlen(s), added);
}

static long
find(const struct map *m, const char *s)
{
	return map_find(m, s, strlen(s));
}

static void
test_empty(void)
{
	struct map m;

	map_init(&m);
	T_EQ(find(&m, "a"), -1);
	T_EQ(find(&m, ""), -1);
	T_EQ(m.n, 0);
	map_release(&m);
	map_release(&m);
	T_EQ(find(&m, "a"), -1);
}

static void
test_basic(void)
{
	struct map m;
	size_t len = 99;
	int added = -1;

	map_init(&m);
	T_EQ(put(&m, "vert", &added), 0);
	T_EQ(added, 1);
	T_EQ(put(&m, "rouge", &added), 1);
	T_EQ(added, 1);
	T_EQ(put(&m, "vert", &added), 0);
	T_EQ(added, 0);
	T_EQ(put(&m, "blanc", NULL), 2);
	T_EQ(put(&m, "rouge", NULL), 1);
	T_EQ(m.n, 3);
	T_EQ(find(&m, "vert"), 0);
	T_EQ(find(&m, "rouge"), 1);
	T_EQ(find(&m, "blanc"), 2);
	T_EQ(find(&m, "Vert"), -1);
	T_EQ(find(&m, "ver"), -1);
	T_EQ(find(&m, "verte"), -1);
	T_STREQ(map_key(&m, 1, &len), "rouge");
	T_EQ(len, 5);
	T_STREQ(map_key(&m, 2, NULL), "blanc");

	/* The key is copied: changing the caller's string changes nothing. */
	{
		char s[] = "jaune";

		T_EQ(put(&m, s, NULL), 3);
		s[0] = 'J';
		T_EQ(find(&m, "jaune"), 3);
		T_EQ(find(&m, s), -1);
		T_OK(map_key(&m, 3, NULL) != s);
	}
	map_release(&m);
	T_EQ(m.n, 0);
	T_EQ(find(&m, "vert"), -1);
}

static void
test_odd_keys(void)
{
	static const char nul1[] = "a\0b", nul2[] = "a\0c", nul3[] = "\0\0\0\0\0\0\0\0\0";
	struct map m;
	size_t len = 99;
	int added = -1;
	const char *k;

	map_init(&m);
	T_EQ(map_put(&m, "", 0, &added), 0);
	T_EQ(added, 1);
	T_EQ(map_put(&m, "", 0, &added), 0);
	T_EQ(added, 0);
	T_EQ(map_find(&m, "", 0), 0);
	T_EQ(map_find(&m, "x", 0), 0);
	T_EQ(map_find(&m, NULL, 0), 0);
	k = map_key(&m, 0, &len);
	T_STREQ(k, "");
	T_EQ(len, 0);

	/* Keys with NUL bytes inside are whole keys, not C strings. */
	T_EQ(map_put(&m, nul1, 3, NULL), 1);
	T_EQ(map_put(&m, nul2, 3, NULL), 2);
	T_EQ(map_put(&m, nul1, 1, NULL), 3);
	T_EQ(map_put(&m, nul1, 2, NULL), 4);
	T_EQ(map_find(&m, nul1, 3), 1);
	T_EQ(map_find(&m, nul2, 3), 2);
	T_EQ(map_find(&m, "a", 1), 3);
	T_EQ(map_find(&m, "a\0x", 2), 4);
	k = map_key(&m, 1, &len);
	T_EQ(len, 3);
	T_OK(memcmp(k, nul1, 4) == 0);

	/* Runs of NUL bytes of every length are different keys. */
	T_EQ(map_put(&m, nul3, 8, NULL), 5);
	T_EQ(map_put(&m, nul3, 9, NULL), 6);
	T_EQ(map_put(&m, nul3, 7, NULL), 7);
	T_EQ(map_put(&m, nul3, 1, NULL), 8);
	T_EQ(map_find(&m, nul3, 8), 5);
	T_EQ(map_find(&m, nul3, 9), 6);
	T_EQ(map_find(&m, nul3, 2), -1);
	T_EQ(map_find(&m, "", 0), 0);

	/* Bytes past 0x7f and a key longer than the arena's chunks. */
	T_EQ(put(&m, "\xc3\xa9t\xc3\xa9", NULL), 9);
	T_EQ(find(&m, "\xc3\xa9t\xc3\xa9"), 9);
	{
		size_t big = 200000;
		char *s = malloc(big);

		memset(s, 'z', big);
		T_EQ(map_put(&m, s, big, NULL), 10);
		T_EQ(put(&m, "after", NULL), 11);
		s[big - 1] = 'y';
		T_EQ(map_find(&m, s, big), -1);
		T_EQ(map_put(&m, s, big, NULL), 12);
		s[big - 1] = 'z';
		T_EQ(map_find(&m, s, big), 10);
		T_EQ(map_find(&m, s, big - 1), -1);
		k = map_key(&m, 10, &len);
		T_EQ(len, big);
		T_OK(memcmp(k, s, big) == 0 && k[big] == '\0');
		free(s);
	}
	T_STREQ(map_key(&m, 11, NULL), "after");
	map_release(&m);
}

static void
test_many(void)
{
	struct map m;
	const char *first;
	char s[32];
	size_t i, len;
	int n, bad = 0, added;

	map_init(&m);
	first = NULL;
	for (i = 0; i < MANY; i++) {
		n = snprintf(s, sizeof s, "key-%zu", i * 7919);
		if (map_put(&m, s, (size_t)n, &added) != i || !added)
			bad++;
		if (i == 0)
			first = map_key(&m, 0, NULL);
	}
	T_EQ(bad, 0);
	T_EQ(m.n, MANY);
	/* The table stays at most half full. */
	T_OK(m.n * 2 <= m.mask + 1);

	/* Every key is found again, in the slot of its insertion. */
	for (i = 0, bad = 0; i < MANY; i++) {
		n = snprintf(s, sizeof s, "key-%zu", i * 7919);
		if (map_find(&m, s, (size_t)n) != (long)i)
			bad++;
		if (map_put(&m, s, (size_t)n, &added) != i || added)
			bad++;
		if (strcmp(map_key(&m, i, &len), s) != 0 || len != (size_t)n)
			bad++;
	}
	T_EQ(bad, 0);
	T_EQ(m.n, MANY);

	/* Keys never added are not found. */
	for (i = 0, bad = 0; i < MANY; i++) {
		n = snprintf(s, sizeof s, "key-%zu", i * 7919 + 1);
		if (map_find(&m, s, (size_t)n) != -1)
			bad++;
	}
	T_EQ(bad, 0);

	/* Stored keys do not move when the map grows. */
	T_OK(first == map_key(&m, 0, NULL));
	T_STREQ(first, "key-0");
	map_release(&m);
}

static void
test_hash(void)
{
	T_OK(map_hash("a", 1) == map_hash("a", 1));
	T_OK(map_hash("a", 1) != map_hash("b", 1));
	T_OK(map_hash("", 0) != map_hash("\0", 1));
	T_OK(map_hash("\0", 1) != map_hash("\0\0", 2));
	T_OK(map_hash("abcdefgh", 8) != map_hash("abcdefgh\0", 9));
	T_OK(map_hash("abcdefghi", 9) != map_hash("abcdefghj", 9));
	T_OK(map_hash("ab", 2) != map_hash("ba", 2));
	T_OK(map_hash("abcdefgh12345678", 16) != map_hash("12345678abcdefgh", 16));
	/* Only the len bytes count. */
	T_OK(map_hash("abcX", 3) == map_hash("abcY", 3));
}

int
main(void)
{
	test_empty();
	test_basic();
	test_odd_keys();
	test_hash();
	test_many();
	return t_end();
}
