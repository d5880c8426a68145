/*
 * map.c: the open-addressing hash map.  The index is a power-of-two table
 * of slot+1 probed linearly and kept at most half full; each slot's key
 * records its hash, so growing never hashes again.  Keys live in chunks
 * that are never moved, so the pointers map_key returns stay valid until
 * map_release.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "map.h"

#define CHUNK_SIZE (64 * 1024 - 64)
#define INDEX_MIN 16
#define KEYS_MIN 16
/* Slots must fit the index's uint32_t and map_find's long. */
#define SLOTS_MAX 0x7fffffffu

struct map_chunk {
	struct map_chunk *next;
	size_t used, size;
	char data[];
};

/* The index of an empty map: one empty entry that is never written. */
static uint32_t map_empty_index[1];

void
map_init(struct map *m)
{
	m->index = map_empty_index;
	m->mask = 0;
	m->keys = NULL;
	m->n = 0;
	m->cap = 0;
	m->arena = NULL;
}

void
map_release(struct map *m)
{
	struct map_chunk *c, *next;

	for (c = m->arena; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	if (m->index != map_empty_index)
		free(m->index);
	free(m->keys);
	map_init(m);
}

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/*
 * Eight bytes at a time: each word is mixed in with a multiply, and the
 * end is MurmurHash3's finalizer so that the low bits the index uses
 * depend on every input bit.
 */
static inline uint64_t
load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);	/* a fixed size: one load, no call */
	return w;
}

static inline uint64_t
load32(const char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

/* The last 1 to 8 bytes of a key, read with loads of fixed size (two
 * that overlap when needed) rather than byte by byte. */
static inline uint64_t
tail64(const char *s, size_t len)
{
	if (len >= 8)
		return load64(s + len - 8);
	if (len >= 4)
		return load32(s) | (load32(s + len - 4) << 32);
	return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
		(uint64_t)(unsigned char)s[len - 1] << 16;
}

/*
 * Eight bytes at a time: each word is mixed in with a multiply, and the
 * end is MurmurHash3's finalizer so that the low bits the index uses
 * depend on every input bit.
 */
uint64_t
map_hash(const char *s, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15u;
	uint64_t h = (uint64_t)len * k;

	for (; len > 8; s += 8, len -= 8)
		h = (rotl(h, 23) ^ load64(s)) * k;
	if (len > 0)
		h = (rotl(h, 23) ^ tail64(s, len)) * k;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

/* Short keys are compared inline: memcmp is a call. */
static inline int
same_key(const char *a, const char *b, size_t len)
{
	size_t i;

	if (len == 0)
		return 1;
	if (len > 32)
		return memcmp(a, b, len) == 0;
	for (i = 0; i + 8 < len; i += 8)
		if (load64(a + i) != load64(b + i))
			return 0;
	return tail64(a + i, len - i) == tail64(b + i, len - i);
}

/* The index position holding key, or the empty one where it would go. */
static size_t
probe(const struct map *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & m->mask;
	const struct map_key *k;
	uint32_t e;

	while ((e = m->index[i]) != 0) {
		k = &m->keys[e - 1];
		if (k->hash == h && k->len == len && same_key(k->s, key, len))
			break;
		i = (i + 1) & m->mask;
	}
	return i;
}

long
map_find(const struct map *m, const char *key, size_t len)
{
	uint32_t e = m->index[probe(m, key, len, map_hash(key, len))];

	return e ? (long)e - 1 : -1;
}

static void
grow_index(struct map *m)
{
	size_t size = m->mask ? (m->mask + 1) * 2 : INDEX_MIN, i, s;

	if (m->index != map_empty_index)
		free(m->index);
	m->index = xcalloc(size, sizeof m->index[0]);
	m->mask = size - 1;
	for (s = 0; s < m->n; s++) {
		i = (size_t)m->keys[s].hash & m->mask;
		while (m->index[i] != 0)
			i = (i + 1) & m->mask;
		m->index[i] = (uint32_t)s + 1;
	}
}

/*
 * Room for n bytes in the arena.  A long key gets a chunk of its own,
 * linked behind the current one so that the space left there is not lost.
 */
static char *
arena_alloc(struct map *m, size_t n)
{
	struct map_chunk *c = m->arena;
	size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
	char *p;

	if (c == NULL || c->size - c->used < n) {
		if (size > SIZE_MAX - sizeof *c)
			ess_die(EX_SOFTWARE, "%s", _("out of memory"));
		c = xmalloc(sizeof *c + size);
		c->used = 0;
		c->size = size;
		if (m->arena != NULL && n > CHUNK_SIZE / 4) {
			c->next = m->arena->next;
			m->arena->next = c;
		} else {
			c->next = m->arena;
			m->arena = c;
		}
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

static void
add_key(struct map *m, const char *key, size_t len, uint64_t h)
{
	struct map_key *k;
	char *s;

	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : KEYS_MIN;
		m->keys = xreallocarray(m->keys, m->cap, sizeof m->keys[0]);
	}
	s = arena_alloc(m, len + 1);
	if (len > 0)
		memcpy(s, key, len);
	s[len] = '\0';
	k = &m->keys[m->n++];
	k->s = s;
	k->len = len;
	k->hash = h;
}

size_t
map_put(struct map *m, const char *key, size_t len, int *added)
{
	uint64_t h = map_hash(key, len);
	size_t i = probe(m, key, len, h), slot;

	if (m->index[i] != 0) {
		if (added)
			*added = 0;
		return m->index[i] - 1;
	}
	if (m->n >= SLOTS_MAX)
		ess_die(EX_SOFTWARE, "%s", _("too many distinct keys"));
	if (2 * (m->n + 1) > m->mask + 1) {
		grow_index(m);
		i = probe(m, key, len, h);
	}
	slot = m->n;
	add_key(m, key, len, h);
	m->index[i] = (uint32_t)slot + 1;
	if (added)
		*added = 1;
	return slot;
}

const char *
map_key(const struct map *m, size_t slot, size_t *len)
{
	if (len)
		*len = m->keys[slot].len;
	return m->keys[slot].s;
}
