/*
 * map.h: a small open-addressing hash map from byte strings to a slot
 * number.  Keys are copied into the map's own arena; slots are numbered
 * 0, 1, 2... in insertion order, so the caller keeps its values in an array
 * indexed by slot.  Nothing is ever removed.
 */
#ifndef ESS_MAP_H
#define ESS_MAP_H

#include <stddef.h>
#include <stdint.h>

struct map {
	uint32_t *index;	/* hash table of slot+1, 0 = empty */
	size_t mask;
	struct map_key { const char *s; size_t len; uint64_t hash; } *keys;
	size_t n, cap;
	struct map_chunk *arena;
};

void map_init(struct map *m);
void map_release(struct map *m);
/* The slot of key, or -1 when absent. */
long map_find(const struct map *m, const char *key, size_t len);
/* The slot of key, adding it when absent (*added set to 1 then, else 0;
 * added may be NULL). */
size_t map_put(struct map *m, const char *key, size_t len, int *added);
/* The key stored for slot (NUL-terminated). */
const char *map_key(const struct map *m, size_t slot, size_t *len);
uint64_t map_hash(const char *s, size_t len);

#endif
