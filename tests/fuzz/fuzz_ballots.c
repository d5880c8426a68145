/*
 * fuzz_ballots.c: libFuzzer target for ess-tally's ballot readers
 * (cmd/ess-tally/ballots*.c: CSV/TSV/JSON tables of every kind, CEF,
 * PrefLib, BLT, the pairwise matrix).
 *
 * The first byte chooses: bits 0-3 the format of -i (0 sniffed, then
 * long, ranks, candidates, approval, grades, scores, grade-counts,
 * matrix, cef, preflib, blt; larger values sniffed), bits 4-5 the method
 * (plurality, approval, score, majority judgment: it decides what
 * candidate columns hold), bit 6 --candidates=A,B,C, bit 7 a 16-byte
 * first read (the input cut at many places).  The rest is the file.
 * Invalid ballots are kept going (counted); a fatal error is caught
 * (ess_catcher) and the reader's state freed by ballots_abort.
 *
 * Properties (abort() when violated), on any bytes:
 *  - every ballot handed to the sink has a weight >= 1, at least one
 *    candidate, candidate numbers below nc and none twice; a ranked one
 *    has levels 1, then each equal to the one before or one more; a
 *    grade is below ngrades;
 *  - the sink's total weight is e->valid (except for grade counts, whose
 *    valid count is the most judgments of a candidate, and a matrix);
 *  - the counts are never negative; every candidate has a name, and the
 *    index finds each name at its number;
 *  - no crash, no leak, no undefined behaviour.
 *
 * The readers are compiled in by a relative #include: they are not in
 * libess.a.  Built with clang -fsanitize=fuzzer by tests/fuzz/run, and
 * with gcc and tests/fuzz/replay.c by the Makefile.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cmd/ess-tally/ballots.c"
#include "../../cmd/ess-tally/ballots-table.c"
#include "../../cmd/ess-tally/ballots-cef.c"
#include "../../cmd/ess-tally/ballots-preflib.c"
#include "../../cmd/ess-tally/ballots-blt.c"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct eopts eopt;

static int64_t total;
static unsigned char *mark;
static size_t nmark;

static void
check_add(struct election *e, const struct ballot *b)
{
	CHECK(b->weight >= 1);
	CHECK(b->n >= 1);
	if (nmark < e->nc) {
		mark = xrealloc(mark, e->nc);
		nmark = e->nc;
	}
	memset(mark, 0, e->nc);
	for (size_t i = 0; i < b->n; i++) {
		CHECK(b->cand[i] < e->nc);
		CHECK(!mark[b->cand[i]]);
		mark[b->cand[i]] = 1;
		if (b->kind == BK_RANKED)
			CHECK(i == 0 ? b->level[i] == 1
				: b->level[i] == b->level[i - 1] || b->level[i] == b->level[i - 1] + 1);
		if (b->kind == BK_GRADE)
			CHECK(b->value[i] >= 0 && (size_t)b->value[i] < e->ngrades);
	}
	CHECK(total <= INT64_MAX - b->weight);
	total += b->weight;
}

static void
check_grow(struct election *e, size_t nc)
{
	CHECK(nc == e->nc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum emethod methods[] = { EM_PLURALITY, EM_APPROVAL, EM_SCORE, EM_MJ };
	static int ready;
	struct ess_catch c;
	struct election e;
	struct input in;
	unsigned f;

	if (size < 1)
		return 0;
	if (!ready) {
		ess_init("fuzz_ballots");
		ready = 1;
	}
	f = data[0] & 15;
	memset(&eopt, 0, sizeof eopt);
	eopt.keep_going = 1;
	eopt.method = methods[(data[0] >> 4) & 3];
	eopt.ballot_format = f >= 1 && f <= BF_BLT ? bformat_names[f] : NULL;
	eopt.candidates = data[0] & 64 ? "A,B,C" : NULL;
	cli.in.threads = 1;
	cli.in.keep_going = 1;
	total = 0;
	election_init(&e);
	e.sink.add = check_add;
	e.sink.grow = check_grow;
	fuzz_open_mem(&in, data + 1, size - 1, data[0] & 128 ? 16 : size + 1);
	ess_catcher = &c;
	if (setjmp(c.jb)) {
		ballots_abort();
	} else {
		if (eopt.candidates)
			declare_option(&e, eopt.candidates);
		read_input(&e, &in, NULL, format_by_name(eopt.ballot_format));
		ess_catcher = NULL;
		CHECK(e.valid == total || (e.format && (strcmp(e.format, "grade-counts") == 0
			|| strcmp(e.format, "matrix") == 0)));
	}
	ess_catcher = NULL;
	CHECK(e.valid >= 0 && e.blank >= 0 && e.invalid >= 0);
	for (size_t i = 0; i < e.nc; i++) {
		CHECK(e.names[i] != NULL);
		CHECK(map_find(&e.index, e.names[i], strlen(e.names[i])) == (long)i);
	}
	input_close(&in);
	election_release(&e);
	return 0;
}
