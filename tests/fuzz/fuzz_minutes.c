/*
 * fuzz_minutes.c: libFuzzer target for ess-minutes' parser
 * (cmd/ess-minutes/parse.c, with attendance.c for attendance blocks).
 *
 * The input is a minutes file.  It is parsed with MINUTES_NO_FILES (no
 * header attendance file or "< FILE" is read) and keep_going for the
 * inline tables, with ess_catcher set so that a data error longjmps back
 * here instead of exiting.  Properties (abort() when violated):
 *
 *  - no crash, no leak: minutes_free frees a whole or a half-parsed m;
 *  - on success: at least one item, items[0] the preamble numbered 0 and
 *    the others 1, 2... in order; every entry and block belongs to an
 *    existing item, items never go back; entries' and blocks' lines are
 *    within the file and increase; counts are -1 or more; every table
 *    row has ncols cells, none NULL;
 *  - on an error: a message and status 65 or 66.
 *
 * parse.c and attendance.c are compiled in by a relative #include.  Built
 * with clang -fsanitize=fuzzer by tests/fuzz/run, and with gcc and
 * tests/fuzz/replay.c by the Makefile.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#include "../../cmd/ess-minutes/parse.c"
#include "../../cmd/ess-minutes/attendance.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_doc(const struct minutes *m, size_t size)
{
	long nlines = 1;
	long last = 0;

	(void)size;
	CHECK(m->nitems >= 1 && m->items[0].number == 0);
	for (size_t i = 1; i < m->nitems; i++) {
		CHECK(m->items[i].number == i);
		CHECK(m->items[i].line > m->items[i - 1].line || i == 1);
		CHECK(m->items[i].title != NULL);
	}
	nlines = m->body_line;
	for (size_t i = 0; i < m->body_len; i++)
		nlines += m->body[i] == '\n';
	for (size_t i = 0; i < m->nentries; i++) {
		const struct mentry *e = &m->entries[i];

		CHECK(e->item < m->nitems);
		CHECK(e->line > last && e->line <= nlines);
		last = e->line;
		CHECK(e->text && e->owner);
		CHECK(e->votes_for >= -1 && e->votes_against >= -1 && e->votes_abstain >= -1);
	}
	last = 0;
	for (size_t i = 0; i < m->nblocks; i++) {
		const struct mblock *b = &m->blocks[i];

		CHECK(b->item < m->nitems);
		CHECK(b->line > last && b->line <= nlines);
		last = b->line;
		for (size_t r = 0; r < b->table.nrows; r++)
			for (size_t c = 0; c < b->table.ncols; c++)
				CHECK(b->table.cells[r][c] != NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct minutes m;
	struct ess_catch c;

	if (setjmp(c.jb) == 0) {
		ess_catcher = &c;
		minutes_parse_mem(&m, "fuzz.md", (const char *)data, size, MINUTES_NO_FILES);
		ess_catcher = NULL;
		check_doc(&m, size);
	} else {
		CHECK(c.status == EX_DATAERR || c.status == EX_NOINPUT);
		CHECK(c.msg[0] != '\0');
	}
	minutes_free(&m);
	return 0;
}
