/*
 * election.h: elections in ess-tally: ballots in, a ranking out.
 *
 *   reader (ballots.c and its formats)  ->  struct election  ->  method
 *   (elect-*.c)  ->  struct eresult  ->  writer (eresult.c, svg)
 *
 * A reader turns each ballot of a file into a struct ballot and hands it
 * to election_add, which checks it (unknown candidate, a candidate twice,
 * a gap, empty) and passes the valid ones to the method's sink.  The sink
 * keeps what its method needs and no more: the pairwise methods a matrix,
 * majority judgment and score the grade or score counts, plurality and
 * approval a count per candidate, IRV and STV the distinct rankings, each
 * with its weight (identical ballots grouped in a hash map).  So memory
 * does not grow with the number of ballots, except by distinct rankings.
 *
 * The method then fills a struct eresult (ranking, score columns, rounds,
 * ties broken, the rules applied), which eresult_write prints in every
 * output format.
 */
#ifndef ELECTION_H
#define ELECTION_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "map.h"
#include "table.h"
#include "write.h"

/* --method values of the elections (dots and motion are tally.h's). */
enum emethod {
	EM_PLURALITY, EM_TWO_ROUND, EM_APPROVAL, EM_SCORE, EM_BORDA,
	EM_COPELAND, EM_CONDORCET, EM_SCHULZE, EM_RANKED_PAIRS, EM_IRV,
	EM_STV, EM_MJ,
};

enum unranked_rule { UNRANKED_LAST, UNRANKED_IGNORE };
enum strength { STRENGTH_DEFAULT, STRENGTH_MARGIN, STRENGTH_WINNING };
enum quota { QUOTA_DROOP, QUOTA_DROOP_EXACT, QUOTA_HARE, QUOTA_HB };
enum tie_rule { TIE_NONE, TIE_RANDOM, TIE_ORDER, TIE_PREVIOUS_ROUND };

/* A required majority (Debian constitution A.6(3)): option must beat the
 * default option by num:den (e.g. 3:1) or be dropped. */
struct supermajority {
	char *option;
	int64_t num, den;
};

/* Every option of the elections, set by main.c. */
struct eopts {
	enum emethod method;
	enum unranked_rule unranked;	/* default UNRANKED_LAST */
	enum strength strength;		/* default: winning for schulze, margin for ranked-pairs? see the man page */
	enum quota quota;		/* default QUOTA_DROOP */
	long seats;			/* --seats; 0: from the file (CEF, BLT) or 1 */
	int range_lo, range_hi;		/* --range=0-10 for score */
	int borda_start;		/* --borda-start=0|1, default 0? see the man page */
	const char *default_grade;	/* --default-grade=G, or NULL */
	enum tie_rule tie;
	uint64_t tie_seed;		/* --tie-break=random:SEED */
	const char *default_option;	/* --default-option=NAME, or NULL */
	struct supermajority *supermajorities;
	size_t nsupermajorities;
	const char *candidates;		/* --candidates=A,B,C: the list, in order; NULL: learned */
	const char *ballot_format;	/* -i when it names a ballot format, or NULL: sniffed */
	int keep_going;			/* invalid ballots counted, not fatal */
	int rounds;			/* --rounds */
	int matrix;			/* --matrix */
	int unranked_given;		/* --unranked was given (else a CEF file's
					 * "#/Implicit Ranking: false" means ignore) */
};

extern struct eopts eopt;

enum bkind { BK_RANKED, BK_APPROVAL, BK_SCORE, BK_GRADE };

/*
 * One ballot, valid until the next.  cand[0..n) are candidate numbers.
 * Ranked: best first, level[i] the preference level of cand[i] (1 for the
 * first, equal levels tied: "A>B=C>D" is levels 1,2,2,3); candidates not
 * on it are unranked.  Approval: the approved candidates.  Score and
 * grade: each candidate given a value (value[i], a score, or a grade
 * number, 0 the worst); candidates not on it have no value (--default-grade
 * fills grades).  weight: how many voters cast this ballot (CEF's
 * "^weight * count", BLT's count, a CSV "count" column), at least 1.
 */
struct ballot {
	enum bkind kind;
	int64_t weight;
	size_t n;
	uint32_t *cand;
	uint32_t *level;
	int32_t *value;
	/* where it was read, for messages */
	struct table *t;	/* the table it came from, or NULL */
	const struct row *row;	/* its row, or NULL */
	const char *file;
	long line, col;
	/* Finer positions for the checks' messages (ballots*.c), each
	 * optional: the field holding the ballot (table formats; -1 the
	 * whole row), cand[i]'s own field (candidate columns) or column
	 * (text formats). */
	int field;
	const int *cfield;
	const long *ccol;
};

struct election;

/* What a method keeps of the ballots. */
struct esink {
	void (*add)(struct election *e, const struct ballot *b);
	/* A new candidate was learned: grow what is kept per candidate. */
	void (*grow)(struct election *e, size_t nc);
	void *state;
	/* Frees state (H5: tally_election calls it when not NULL). */
	void (*release)(struct election *e);
};

struct election {
	/* Candidates, numbered in the order they were declared or first seen. */
	size_t nc;
	char **names;
	struct map index;	/* name -> number */
	unsigned char *withdrawn;	/* BLT's withdrawn candidates */
	int declared;		/* the list is fixed: an unknown name is an error */
	long seats;		/* from the file (CEF, BLT), 0 if it does not say */
	char *title;		/* BLT's title, or NULL */
	/* Grade names, worst first (grade ballots and grade-count tallies).
	 * With numeric grades (0, 1, 2...) ngrades grows while reading, to
	 * the largest grade seen + 1: a sink must grow its counts when it
	 * sees a value >= the ngrades it sized them for. */
	size_t ngrades;
	char **grades;
	/* Ballots, weighted. */
	int64_t valid, blank, invalid;
	/* A pairwise matrix read as such (the Condorcet methods only):
	 * given[i * nc + j], the voters preferring i to j; NULL otherwise. */
	int64_t *given;
	struct esink sink;
	const char *format;	/* the format that was read, for the result */
	/* CEF's "#/Implicit Ranking:": 1 true (unranked last), 0 false
	 * (unranked ignored), -1 not said (any other format). */
	int implicit_ranking;
	/* BLT's "[tie C1 C2 ...]": the order to break ties by (candidate
	 * numbers, first preferred), or NULL. */
	uint32_t *tie_order;
	size_t ntie_order;
};

/* An empty election (no candidates, counts 0); election_release frees
 * what reading it allocated. */
void election_init(struct election *e);
void election_release(struct election *e);

/* Reads the candidates of --candidates, then every file of files
 * (NULL-terminated; none: stdin), sniffing each one's format (or that of
 * -i), into e through its sink.  Errors at file:line:col, exit 65; with
 * eopt.keep_going an invalid ballot is counted in e->invalid instead. */
void election_read(struct election *e, char **files);

/* The number of candidate name, learned when not declared; -1 when it is
 * unknown (the caller reports it at its position). */
long election_candidate(struct election *e, const char *name, size_t len);

/* Checks b, counts it (valid, blank or invalid) and hands a valid one to
 * the sink.  Returns 0, or -1 when it was invalid (already reported). */
int election_add(struct election *e, const struct ballot *b);

/* ---- The result ---- */

/* A score column of the ranking (e.g. "votes", "borda", "wins",
 * "median"), typed for the writer. */
struct ecol {
	const char *name;
	enum wtype type;
};

struct erank {
	uint32_t cand;
	long rank;		/* 1 for the first; tied candidates share it */
	int tied;		/* written "1=" */
	char *status;		/* STV: elected, excluded; NULL otherwise */
	char **values;		/* one per score column, as text */
};

/* An IRV/STV round row. */
struct eround {
	long round;
	uint32_t cand;
	char *votes;		/* exact, as text (e.g. "12.500000" or "25/2") */
	const char *status;	/* elected, excluded, continuing */
	char *transfer;		/* what moved this round, as text; "" when none */
};

/* A tie broken, and how. */
struct etie {
	char *what;		/* e.g. "round 3: exclusion between B and C" */
	char *chosen;
	const char *rule;	/* random:SEED, order, previous-round */
};

struct eresult {
	const char *method;	/* "schulze", ... */
	char *rule;		/* the exact rule applied, one sentence */
	struct ecol *cols;
	size_t ncols;
	struct erank *ranking;
	size_t nranking;
	struct eround *rounds;
	size_t nrounds;
	struct etie *ties;
	size_t nties;
	int tied_winners;	/* the winners are tied and no rule broke it */
	char *winner_note;	/* e.g. condorcet: "none" and the Smith set */
	/* --matrix: d[i * nc + j] and, for schulze, the strongest paths */
	int64_t *matrix;
	int64_t *paths;
	char **notes;		/* other lines said under the table */
	size_t nnotes;
	/* majority judgment's merit profile, for the SVG (H6, elect-mj.c):
	 * profile[i * nprofile + g], the judgments of grade g (worst first)
	 * given to ranking[i].cand; NULL for other methods.  Owned by the
	 * sink (freed by its release), not by eresult_release */
	int64_t *profile;
	size_t nprofile;
};

/* The methods: each sets e->sink before reading (elect_sink), then
 * computes the result from what its sink kept.  elect.c dispatches on
 * eopt.method to each method's pair: */
void elect_sink(struct election *e);
void elect_run(struct election *e, struct eresult *r);

void plurality_sink(struct election *e);	/* plurality, two-round */
void plurality_run(struct election *e, struct eresult *r);
void two_round_run(struct election *e, struct eresult *r);
void approval_sink(struct election *e);		/* approval, score */
void approval_run(struct election *e, struct eresult *r);
void score_run(struct election *e, struct eresult *r);
void pairwise_sink(struct election *e);		/* borda, copeland, condorcet, schulze, ranked-pairs */
void borda_run(struct election *e, struct eresult *r);
void copeland_run(struct election *e, struct eresult *r);
void condorcet_run(struct election *e, struct eresult *r);
void schulze_run(struct election *e, struct eresult *r);
void ranked_pairs_run(struct election *e, struct eresult *r);
void rankings_sink(struct election *e);		/* irv, stv: distinct rankings grouped */
/* IRV and STV: the distinct rankings rankings_sink kept, each with the
 * total weight of the ballots that cast it; cand and level as in struct
 * ballot, sorted by level then candidate, levels renumbered 1, 2...
 * *out belongs to the sink (H6: elect-irv.c). */
struct ranking {
	int64_t weight;
	size_t n;
	uint32_t *cand, *level;
};
size_t rankings_get(struct election *e, struct ranking **out);
void irv_run(struct election *e, struct eresult *r);
void stv_run(struct election *e, struct eresult *r);
void mj_sink(struct election *e);		/* majority judgment: grade counts */
void mj_run(struct election *e, struct eresult *r);

/*
 * Ties.  Among the n candidates tied[] (at a step described by what, e.g.
 * "round 3: who is excluded"), picks one by eopt.tie: TIE_ORDER the first
 * in candidate order, TIE_RANDOM a seeded draw (the same seed gives the
 * same draw on every machine: a documented PRNG, not rand()),
 * TIE_PREVIOUS_ROUND the one with the most (want_max) or fewest votes in
 * prev[] (the previous round's counts per candidate, by candidate number;
 * still tied there: earlier rounds, then order).  The tie and the rule are
 * listed in r->ties.  With TIE_NONE it returns -1 and lists nothing: the
 * caller reports the candidates as tied.
 * prev[0..nprev) are oldest first: prev[nprev - 1] is the previous round,
 * prev[nprev - 2] the one before it, and so on (H5).
 */
long tie_break(struct eresult *r, const uint32_t *tied, size_t n, const char *what,
	const int64_t *const *prev, size_t nprev, int want_max);

/* IRV and STV (elect-irv.c): appends the names of cands to b,
 * comma-separated. */
void names_text(struct buf *b, const struct election *e, const uint32_t *cands, size_t n);
/*
 * Who is excluded at a round of IRV or STV: among the candidates whose
 * state is cont, those with the fewest votes v[].  They go together when
 * their votes added up are fewer than anyone else's (the order among them
 * cannot matter) and at least keep candidates stay; else one goes, chosen
 * by tie_break (what: the step so far, e.g. "round 3: exclusion among ",
 * to which the names are appended; hist: the earlier rounds' counts,
 * oldest first).  Writes them to out and returns their number; 0 when the
 * tie is not broken.  tied[0..*ntiedp) are the candidates with the fewest.
 */
size_t exclusion_pick(struct eresult *r, const struct election *e, const int64_t *v,
	const unsigned char *state, unsigned char cont, size_t keep, struct buf *what,
	const int64_t *const *hist, size_t nhist, uint32_t *tied, size_t *ntiedp, uint32_t *out);

/* Result building, for the methods. */
void eresult_init(struct eresult *r, const char *method);
void eresult_columns(struct eresult *r, const struct ecol *cols, size_t n);
/* Appends a ranking row: values are copied (ncols of them). */
void eresult_rank(struct eresult *r, uint32_t cand, long rank, int tied,
	const char *status, const char *const *values);
void eresult_round(struct eresult *r, long round, uint32_t cand, const char *votes,
	const char *status, const char *transfer);
void eresult_note(struct eresult *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draws r as SVG on fp: IRV/STV rounds as stacked bars, majority
 * judgment's merit profile (elect-svg.c). */
void eresult_svg(FILE *fp, const struct election *e, const struct eresult *r);

/* Writes r in the output format of -o (csv, tsv, json, jsonl, table, md,
 * svg): the ranking, then with --rounds the rounds and with --matrix the
 * matrix; JSON carries everything plus the rules, the counts (valid,
 * blank, invalid) and the SHA-256 of the input. */
void eresult_write(const struct election *e, const struct eresult *r);

int tally_election(void);

/* ---- Helpers shared by the methods (H5, elect.c) ---- */

/* Sets r->rule, printf-style. */
void eresult_rule(struct eresult *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees what eresult_* allocated. */
void eresult_release(struct eresult *r);
/* The canonical --method name ("schulze"). */
const char *elect_method_name(enum emethod m);
/* The name of candidate c. */
const char *elect_name(const struct election *e, uint32_t c);
/* The seeded draw of --tie-break=random:SEED: uniform in [0, n). */
uint64_t elect_draw(uint64_t n);
/* Appends the ranking of order[0..n) (best first; same(ctx, a, b) when
 * a and b tie), values[c * r->ncols + k] the score columns of candidate c:
 * tied candidates share a rank, a tie for the first place is broken by
 * tie_break or reported in r->tied_winners. */
void elect_rank_sorted(const struct election *e, struct eresult *r, uint32_t *order, size_t n,
	int (*same)(const void *ctx, uint32_t a, uint32_t b), const void *ctx, char **values);
/* Sorts cands[0..n) by key[c] (largest first, then candidate order) and
 * ranks them with elect_rank_sorted (equal keys tie). */
void elect_rank_keys(const struct election *e, struct eresult *r, uint32_t *cands, size_t n,
	const int64_t *key, char **values);
/* The candidates still running (BLT's withdrawn ones left out), in
 * candidate order; *n set to their number.  Freed by the caller. */
uint32_t *elect_candidates(const struct election *e, size_t *n);
/* Dies at b's place: its kind is not one the method counts (need:
 * "ranked", "approval or ranked"...). */
void elect_wrong_kind(const struct election *e, const struct ballot *b, const char *need);
/* The pairwise sink's sums (elect-pairwise.c), for plurality, two-round
 * and borda: d[i * nc + j] under the unranked rule (freed by the caller),
 * the sole first preferences, the ballots whose first place is tied. */
int64_t *pairwise_matrix(const struct election *e);
int64_t pairwise_first(const struct election *e, uint32_t c);
int64_t pairwise_tied_first(const struct election *e);
/* "; unranked candidates rank below..." for the rule sentences. */
const char *unranked_words(void);

#endif
