/*
 * tally.h: what ess-tally's parts share: the options and the input loop.
 */
#ifndef TALLY_H
#define TALLY_H

#include <stdint.h>
#include <nettle/sha2.h>

#include "table.h"
#include "write.h"

enum sort_key { SORT_NET, SORT_GREEN, SORT_APPROVAL, SORT_INPUT };
enum majority { MAJ_SIMPLE, MAJ_ABSOLUTE, MAJ_FRACTION };
enum base { BASE_EXPRESSED, BASE_CAST, BASE_PRESENT, BASE_ELIGIBLE };

struct tally_opts {
	char **files;		/* NULL-terminated; empty means stdin */
	/* dots */
	const char *items_file;
	enum sort_key sort;
	const char *group_by;
	long top;		/* 0: all */
	long max_per_voter;	/* 0: no limit */
	int strict_voters;
	/* motions */
	long eligible, present, represented;	/* -1: not given */
	long quorum;		/* members, or -1 */
	long quorum_pct10;	/* tenths of a percent of eligible, or -1 */
	long max_proxies;	/* -1: no limit */
	enum majority majority;
	int64_t maj_num, maj_den;	/* for MAJ_FRACTION: for >= num/den of base */
	const char *majority_text;
	enum base base;
	/* shared */
	struct sha256_ctx hash;
};

extern struct tally_opts topt;

int tally_dots(void);
int tally_motions(void);

/* The SHA-256 of every input byte, in hex (65 bytes). */
void tally_digest(char *hex);

#endif
