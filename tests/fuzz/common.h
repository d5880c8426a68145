/*
 * common.h: what the fuzz targets share.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"

/* A violated property: abort, so that libFuzzer keeps the input and the
 * replay names it. */
#define CHECK(cond) do { if (!(cond)) fuzz_fail(__FILE__, __LINE__, #cond); } while (0)

static inline void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property violated: %s\n", file, line, what);
	abort();
}

/*
 * input_open_mem with a buffer of cap bytes (then doubled by input_fill at
 * each read): a small cap cuts the input at many places, a cap >= size
 * reads it in one go.  input_open_mem itself allocates and clears a 128 KiB
 * buffer, which under ASan costs an mmap and 33 page faults: 80% of the
 * time.  So it is called once, and each input starts from a copy of that
 * pristine struct with its own buffer and bytes; input_close frees both.
 */
static inline void
fuzz_open_mem(struct input *in, const void *data, size_t size, size_t cap)
{
	static struct input proto;
	static int ready;

	if (!ready) {
		input_open_mem(&proto, "fuzz", "", 0, NULL);
		ready = 1;
	}
	*in = proto;
	in->cap = cap ? cap : 1;
	in->buf = xmalloc(in->cap + INPUT_PAD);
	memset(in->buf, 0, in->cap + INPUT_PAD);
	in->mem = xmalloc(size ? size : 1);
	if (size)
		memcpy(in->mem, data, size);
	in->memlen = size;
}

#endif
