/*
 * ess-tally: counts sticker votes, general-assembly motions and elections.
 *
 * main parses the options and hands over to the method; the methods read
 * rows through lib/table and write through lib/write.  The election
 * options go into eopt (election.h); each one is checked against the
 * method, so an option that would be silently ignored is a usage error.
 */
#include <argp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "election.h"
#include "err.h"
#include "num.h"
#include "tally.h"
#include "text.h"

struct tally_opts topt = {
	.sort = SORT_NET,
	.eligible = -1, .present = -1, .represented = -1,
	.quorum = -1, .quorum_pct10 = -1, .max_proxies = -1,
	.majority = MAJ_SIMPLE, .majority_text = "simple",
	.base = BASE_EXPRESSED,
};

struct eopts eopt = {
	.unranked = UNRANKED_LAST,
	.quota = QUOTA_DROOP,
	.range_lo = 0, .range_hi = 10,
};

enum method { M_DOTS, M_MOTION, M_ELECTION };
static enum method method = M_DOTS;
static const char *method_arg = "dots";	/* as written, for messages */

enum {
	OPT_ITEMS = 0x200, OPT_SORT, OPT_GROUP_BY, OPT_TOP, OPT_MAX_PER_VOTER,
	OPT_STRICT_VOTERS, OPT_ELIGIBLE, OPT_PRESENT, OPT_REPRESENTED, OPT_QUORUM,
	OPT_MAX_PROXIES, OPT_MAJORITY, OPT_BASE,
	/* elections */
	OPT_RANGE, OPT_BORDA_START, OPT_STRENGTH, OPT_SEATS, OPT_QUOTA,
	OPT_DEFAULT_GRADE, OPT_UNRANKED, OPT_TIE_BREAK, OPT_SUPERMAJORITY,
	OPT_DEFAULT_OPTION, OPT_CANDIDATES, OPT_ROUNDS, OPT_MATRIX,
	OPT_END
};

/* The options given, to check them against the method at the end. */
static unsigned char given[OPT_END - OPT_ITEMS];
#define GIVEN(k) given[(k) - OPT_ITEMS]

/* Method families, for the options each method takes. */
#define F_PLURALITY	(1u << EM_PLURALITY)
#define F_TWO_ROUND	(1u << EM_TWO_ROUND)
#define F_APPROVAL	(1u << EM_APPROVAL)
#define F_SCORE		(1u << EM_SCORE)
#define F_BORDA		(1u << EM_BORDA)
#define F_COPELAND	(1u << EM_COPELAND)
#define F_CONDORCET	(1u << EM_CONDORCET)
#define F_SCHULZE	(1u << EM_SCHULZE)
#define F_RP		(1u << EM_RANKED_PAIRS)
#define F_IRV		(1u << EM_IRV)
#define F_STV		(1u << EM_STV)
#define F_MJ		(1u << EM_MJ)
#define F_ALL		0xfffu
#define F_PAIRWISE	(F_COPELAND | F_CONDORCET | F_SCHULZE | F_RP)

/* --method names: the canonical one first; folded (lowercase, no accents). */
static const struct { const char *name; enum emethod m; } emethods[] = {
	{ "plurality", EM_PLURALITY }, { "fptp", EM_PLURALITY },
	{ "first-past-the-post", EM_PLURALITY }, { "uninominal", EM_PLURALITY },
	{ "two-round", EM_TWO_ROUND }, { "two-rounds", EM_TWO_ROUND },
	{ "runoff", EM_TWO_ROUND }, { "deux-tours", EM_TWO_ROUND },
	{ "approval", EM_APPROVAL }, { "approbation", EM_APPROVAL },
	{ "score", EM_SCORE }, { "range", EM_SCORE }, { "notes", EM_SCORE },
	{ "borda", EM_BORDA },
	{ "copeland", EM_COPELAND },
	{ "condorcet", EM_CONDORCET },
	{ "schulze", EM_SCHULZE },
	{ "ranked-pairs", EM_RANKED_PAIRS }, { "tideman", EM_RANKED_PAIRS },
	{ "paires-classees", EM_RANKED_PAIRS },
	{ "irv", EM_IRV }, { "instant-runoff", EM_IRV },
	{ "alternative-vote", EM_IRV }, { "vote-alternatif", EM_IRV },
	{ "stv", EM_STV }, { "single-transferable-vote", EM_STV },
	{ "vote-unique-transferable", EM_STV },
	{ "majority-judgment", EM_MJ }, { "majority-judgement", EM_MJ },
	{ "mj", EM_MJ }, { "jugement-majoritaire", EM_MJ }, { "jm", EM_MJ },
};

/* The ballot formats -i names (ballots.c reads them). */
static const char *const ballot_inputs[] = {
	"long", "ranks", "candidates", "approval", "grades", "scores",
	"grade-counts", "matrix", "cef", "preflib", "blt", NULL,
};

/* Which methods each election option makes sense for. */
static const struct { int key; const char *opt; unsigned methods; const char *which; } eoptions[] = {
	{ OPT_RANGE, "--range", F_SCORE, "score" },
	{ OPT_BORDA_START, "--borda-start", F_BORDA, "borda" },
	{ OPT_STRENGTH, "--strength", F_SCHULZE | F_RP, "schulze, ranked-pairs" },
	{ OPT_SEATS, "--seats", F_STV, "stv" },
	{ OPT_QUOTA, "--quota", F_STV, "stv" },
	{ OPT_DEFAULT_GRADE, "--default-grade", F_MJ, "majority-judgment" },
	{ OPT_UNRANKED, "--unranked", F_TWO_ROUND | F_BORDA | F_PAIRWISE,
	  "two-round, borda, copeland, condorcet, schulze, ranked-pairs" },
	{ OPT_TIE_BREAK, "--tie-break", F_ALL, "" },
	{ OPT_SUPERMAJORITY, "--supermajority", F_PAIRWISE, "copeland, condorcet, schulze, ranked-pairs" },
	{ OPT_DEFAULT_OPTION, "--default-option", F_PAIRWISE, "copeland, condorcet, schulze, ranked-pairs" },
	{ OPT_CANDIDATES, "--candidates", F_ALL, "" },
	{ OPT_ROUNDS, "--rounds", F_TWO_ROUND | F_IRV | F_STV, "two-round, irv, stv" },
	{ OPT_MATRIX, "--matrix", F_TWO_ROUND | F_BORDA | F_PAIRWISE,
	  "two-round, borda, copeland, condorcet, schulze, ranked-pairs" },
};

static const struct argp_option options[] = {
	{ "method", 'm', N_("METHOD"), 0, N_("dots (sticker votes, the default), motion, or an election: plurality, two-round, approval, score, borda, copeland, condorcet, schulze, ranked-pairs, irv, stv, majority-judgment"), 0 },
	{ NULL, 0, NULL, 0, N_("Sticker votes (--method=dots):"), 1 },
	{ "items", OPT_ITEMS, N_("FILE"), 0, N_("the items (item,label[,parent]): their order, labels, and items without stickers"), 1 },
	{ "sort", OPT_SORT, N_("KEY"), 0, N_("net (default), green, approval or input"), 1 },
	{ "group-by", OPT_GROUP_BY, N_("COLUMN"), 0, N_("tally each value of COLUMN separately"), 1 },
	{ "top", OPT_TOP, N_("N"), 0, N_("keep the rows ranked N or better"), 1 },
	{ "max-per-voter", OPT_MAX_PER_VOTER, N_("N"), 0, N_("report voters who stuck more than N stickers"), 1 },
	{ "strict-voters", OPT_STRICT_VOTERS, NULL, 0, N_("make voter problems errors (exit 65)"), 1 },
	{ NULL, 0, NULL, 0, N_("Motions (--method=motion):"), 2 },
	{ "eligible", OPT_ELIGIBLE, N_("N"), 0, N_("members entitled to vote"), 2 },
	{ "present", OPT_PRESENT, N_("N"), 0, N_("members present (default: the voters seen)"), 2 },
	{ "represented", OPT_REPRESENTED, N_("N"), 0, N_("members represented by proxy (default: the proxies seen)"), 2 },
	/* xgettext:no-c-format */
	{ "quorum", OPT_QUORUM, N_("N|P%"), 0, N_("members, or percent of eligible, needed present or represented"), 2 },
	{ "max-proxies", OPT_MAX_PROXIES, N_("N"), 0, N_("most proxies one member may hold"), 2 },
	/* xgettext:no-c-format */
	{ "majority", OPT_MAJORITY, N_("RULE"), 0, N_("simple (default), absolute, two-thirds, three-quarters, P% or N/M"), 2 },
	{ "base", OPT_BASE, N_("BASE"), 0, N_("expressed (default: for + against), cast, present or eligible"), 2 },
	{ NULL, 0, NULL, 0, N_("Every election method:"), 3 },
	{ "candidates", OPT_CANDIDATES, N_("A,B,C"), 0, N_("the candidates, in order (for ties and output); other names are errors"), 3 },
	{ "tie-break", OPT_TIE_BREAK, N_("RULE"), 0, N_("random:SEED, order or previous-round (irv, stv, two-round); default: ties reported as ties"), 3 },
	{ NULL, 0, NULL, 0, N_("Ranked ballots (two-round, borda, copeland, condorcet, schulze, ranked-pairs):"), 4 },
	{ "unranked", OPT_UNRANKED, N_("RULE"), 0, N_("last (default: unranked candidates tie below the ranked ones) or ignore"), 4 },
	{ "matrix", OPT_MATRIX, NULL, 0, N_("print the pairwise matrix (and Schulze's strongest paths)"), 4 },
	{ "borda-start", OPT_BORDA_START, N_("0|1"), 0, N_("borda: points of the last place (default 0)"), 4 },
	{ "strength", OPT_STRENGTH, N_("KIND"), 0, N_("schulze, ranked-pairs: winning (votes for the winner; schulze's default) or margin (ranked-pairs' default)"), 4 },
	{ "default-option", OPT_DEFAULT_OPTION, N_("NAME"), 0, N_("the default option (\"none of the above\"): options that do not beat it are dropped"), 4 },
	{ "supermajority", OPT_SUPERMAJORITY, N_("OPTION:N/M"), 0, N_("OPTION must beat the default option by N:M (Debian's 3:1) or is dropped; repeatable"), 4 },
	{ NULL, 0, NULL, 0, N_("Rounds (two-round, irv, stv):"), 5 },
	{ "rounds", OPT_ROUNDS, NULL, 0, N_("print every round instead of the ranking"), 5 },
	{ "seats", OPT_SEATS, N_("N"), 0, N_("stv: seats to fill (default: the file's, else 1)"), 5 },
	{ "quota", OPT_QUOTA, N_("QUOTA"), 0, N_("stv: droop (default), droop-exact, hare or hagenbach-bischoff"), 5 },
	{ NULL, 0, NULL, 0, N_("Scores and grades (score, majority-judgment):"), 6 },
	{ "range", OPT_RANGE, N_("LO-HI"), 0, N_("score: the scores allowed (default 0-10)"), 6 },
	{ "default-grade", OPT_DEFAULT_GRADE, N_("GRADE"), 0, N_("majority-judgment: the grade of a candidate a ballot does not grade"), 6 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static long
parse_count(struct argp_state *state, const char *opt, const char *arg)
{
	int64_t v;

	if (num_parse_int(arg, &v) != 0 || v < 0 || v > 1000000000)
		argp_error(state, _("%s: '%s' is not a whole number of at least 0"), opt, arg);
	return (long)v;
}

static void
parse_majority(struct argp_state *state, const char *arg)
{
	static const struct { const char *name; enum majority m; int64_t num, den; } rules[] = {
		{ "simple", MAJ_SIMPLE, 0, 0 }, { "relative", MAJ_SIMPLE, 0, 0 },
		{ "absolute", MAJ_ABSOLUTE, 0, 0 }, { "absolue", MAJ_ABSOLUTE, 0, 0 },
		{ "two-thirds", MAJ_FRACTION, 2, 3 }, { "deux-tiers", MAJ_FRACTION, 2, 3 },
		{ "three-quarters", MAJ_FRACTION, 3, 4 }, { "trois-quarts", MAJ_FRACTION, 3, 4 },
	};
	const char *slash = strchr(arg, '/');
	size_t len = strlen(arg);
	int64_t a, b;

	topt.majority_text = arg;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		if (strcmp(arg, rules[i].name) == 0) {
			topt.majority = rules[i].m;
			topt.maj_num = rules[i].num;
			topt.maj_den = rules[i].den;
			return;
		}
	}
	if (len > 1 && arg[len - 1] == '%') {
		if (num_parse_percent(arg, &a) != 0 || a <= 0 || a > 1000)
			argp_error(state, _("--majority: '%s' is not a percentage between 0 and 100"), arg);
		topt.majority = MAJ_FRACTION;
		topt.maj_num = a;
		topt.maj_den = 1000;
		return;
	}
	if (slash) {
		char num[32];
		size_t n = (size_t)(slash - arg);

		if (n < sizeof num) {
			memcpy(num, arg, n);
			num[n] = '\0';
			if (num_parse_int(num, &a) == 0 && num_parse_int(slash + 1, &b) == 0 &&
			    a > 0 && b > 0 && a <= b && b <= 1000000) {
				topt.majority = MAJ_FRACTION;
				topt.maj_num = a;
				topt.maj_den = b;
				return;
			}
		}
	}
	argp_error(state, _("--majority: '%s' is not simple, absolute, two-thirds, three-quarters, P%% or N/M"), arg);
}

/* --range=LO-HI: LO may be negative ("-5-5"). */
static void
parse_range(struct argp_state *state, const char *arg)
{
	const char *dash = *arg ? strchr(arg + 1, '-') : NULL;
	char lo[32];
	int64_t a, b;

	if (dash && (size_t)(dash - arg) < sizeof lo) {
		memcpy(lo, arg, (size_t)(dash - arg));
		lo[dash - arg] = '\0';
		if (num_parse_int(lo, &a) == 0 && num_parse_int(dash + 1, &b) == 0 &&
		    a >= -1000000 && b <= 1000000 && a < b) {
			eopt.range_lo = (int)a;
			eopt.range_hi = (int)b;
			return;
		}
	}
	argp_error(state, _("--range: '%s' is not LO-HI with LO below HI (e.g. 0-10)"), arg);
}

/* --tie-break=random:SEED|order|previous-round */
static void
parse_tie_break(struct argp_state *state, const char *arg)
{
	const char *colon = strchr(arg, ':');

	if (strcmp(arg, "order") == 0 || strcmp(arg, "ordre") == 0) {
		eopt.tie = TIE_ORDER;
		return;
	}
	if (strcmp(arg, "previous-round") == 0 || strcmp(arg, "tour-precedent") == 0) {
		eopt.tie = TIE_PREVIOUS_ROUND;
		return;
	}
	if (colon && ((colon - arg == 6 && strncmp(arg, "random", 6) == 0) ||
	    (colon - arg == 7 && strncmp(arg, "hasard", 6) == 0) ||
	    (colon - arg == 6 && strncmp(arg, "hasard", 6) == 0))) {
		char *end;
		const char *p = colon + 1;

		errno = 0;
		unsigned long long seed = strtoull(p, &end, 10);
		if (*p >= '0' && *p <= '9' && *end == '\0' && errno == 0) {
			eopt.tie = TIE_RANDOM;
			eopt.tie_seed = (uint64_t)seed;
			return;
		}
		argp_error(state, _("--tie-break: seed '%s' is not a whole number from 0 to 18446744073709551615"), p);
	}
	argp_error(state, _("--tie-break: '%s' is not random:SEED, order or previous-round"), arg);
}

/* --supermajority=OPTION:N/M (or OPTION:N:M, Debian's way): the option
 * must beat the default option with V(A,D) >= N/M * V(D,A).  The option's
 * name is what comes before the last ':' of the ratio. */
static void
parse_supermajority(struct argp_state *state, const char *arg)
{
	const char *slash = strrchr(arg, '/');
	const char *colon, *den;
	int64_t n, m;
	char num[32];
	size_t len = 0;

	if (slash) {
		/* OPTION:N/M */
		colon = slash;
		while (colon > arg && colon[-1] != ':')
			colon--;
		colon = colon > arg ? colon - 1 : NULL;
		den = slash + 1;
	} else {
		/* OPTION:N:M */
		const char *last = strrchr(arg, ':');

		colon = NULL;
		if (last && last > arg) {
			colon = last - 1;
			while (colon > arg && *colon != ':')
				colon--;
			if (*colon != ':')
				colon = NULL;
		}
		slash = last;
		den = last ? last + 1 : NULL;
	}
	if (!colon || colon == arg || !den || (len = (size_t)(slash - colon - 1)) == 0 || len >= sizeof num)
		argp_error(state, _("--supermajority: '%s' is not OPTION:N/M (e.g. 'Amend the constitution:3/1')"), arg);
	memcpy(num, colon + 1, len);
	num[len] = '\0';
	if (num_parse_int(num, &n) != 0 || num_parse_int(den, &m) != 0 || n <= 0 || m <= 0 ||
	    n > 1000000 || m > 1000000)
		argp_error(state, _("--supermajority: '%s' is not OPTION:N/M with N and M whole numbers above 0"), arg);
	if (n < m)
		argp_error(state, _("--supermajority: %s is below 1: N/M is the ratio of the votes for the option to "
			"those for the default option (3/1: three quarters; a two-thirds majority is 2/1)"), arg + (colon - arg) + 1);
	for (size_t i = 0; i < eopt.nsupermajorities; i++)
		if (strlen(eopt.supermajorities[i].option) == (size_t)(colon - arg) &&
		    strncmp(eopt.supermajorities[i].option, arg, (size_t)(colon - arg)) == 0)
			argp_error(state, _("--supermajority: option '%.*s' is given twice"), (int)(colon - arg), arg);
	eopt.supermajorities = xreallocarray(eopt.supermajorities, eopt.nsupermajorities + 1,
		sizeof *eopt.supermajorities);
	eopt.supermajorities[eopt.nsupermajorities++] = (struct supermajority){
		xstrndup(arg, (size_t)(colon - arg)), n, m,
	};
}

static int
parse_method(const char *arg)
{
	if (strcmp(arg, "dots") == 0 || strcmp(arg, "stickers") == 0 || strcmp(arg, "gommettes") == 0) {
		method = M_DOTS;
		return 0;
	}
	if (strcmp(arg, "motion") == 0 || strcmp(arg, "motions") == 0) {
		method = M_MOTION;
		return 0;
	}
	for (size_t i = 0; i < sizeof emethods / sizeof emethods[0]; i++) {
		if (strcmp(arg, emethods[i].name) == 0) {
			method = M_ELECTION;
			eopt.method = emethods[i].m;
			return 0;
		}
	}
	return -1;
}

/* The canonical name of the election method. */
static const char *
emethod_name(enum emethod m)
{
	for (size_t i = 0; i < sizeof emethods / sizeof emethods[0]; i++)
		if (emethods[i].m == m)
			return emethods[i].name;
	return "?";
}

/* At the end: each option given must make sense for the method. */
static void
check_options(struct argp_state *state)
{
	static const struct { int key; const char *opt; } tally_only[] = {
		{ OPT_ITEMS, "--items" }, { OPT_SORT, "--sort" }, { OPT_GROUP_BY, "--group-by" },
		{ OPT_TOP, "--top" }, { OPT_MAX_PER_VOTER, "--max-per-voter" },
		{ OPT_STRICT_VOTERS, "--strict-voters" }, { OPT_ELIGIBLE, "--eligible" },
		{ OPT_PRESENT, "--present" }, { OPT_REPRESENTED, "--represented" },
		{ OPT_QUORUM, "--quorum" }, { OPT_MAX_PROXIES, "--max-proxies" },
		{ OPT_MAJORITY, "--majority" }, { OPT_BASE, "--base" },
	};
	unsigned bit;

	if (method != M_ELECTION) {
		if (cli.in_name)
			for (const char *const *p = ballot_inputs; *p; p++)
				if (strcmp(cli.in_name, *p) == 0)
					argp_error(state, _("-i %s is a ballot format: it makes no sense with --method=%s"),
						*p, method_arg);
		for (size_t i = 0; i < sizeof eoptions / sizeof eoptions[0]; i++)
			if (GIVEN(eoptions[i].key))
				argp_error(state, _("%s is an election option: it makes no sense with --method=%s"),
					eoptions[i].opt, method_arg);
		return;
	}
	for (size_t i = 0; i < sizeof tally_only / sizeof tally_only[0]; i++)
		if (GIVEN(tally_only[i].key))
			argp_error(state, _("%s is for sticker votes and motions: it makes no sense with --method=%s"),
				tally_only[i].opt, emethod_name(eopt.method));
	bit = 1u << eopt.method;
	eopt.ballot_format = cli.in_name;
	eopt.unranked_given = GIVEN(OPT_UNRANKED);
	for (size_t i = 0; i < sizeof eoptions / sizeof eoptions[0]; i++)
		if (GIVEN(eoptions[i].key) && !(eoptions[i].methods & bit))
			argp_error(state, _("%s makes no sense with --method=%s (only with %s)"),
				eoptions[i].opt, emethod_name(eopt.method), eoptions[i].which);
	if (eopt.tie == TIE_PREVIOUS_ROUND && !(bit & (F_TWO_ROUND | F_IRV | F_STV)))
		argp_error(state, _("--tie-break=previous-round makes no sense with --method=%s: it has no rounds "
			"(use random:SEED or order)"), emethod_name(eopt.method));
	if (eopt.nsupermajorities && !eopt.default_option)
		argp_error(state, "%s", _("--supermajority needs --default-option: the option it must beat"));
	for (size_t i = 0; i < eopt.nsupermajorities; i++)
		if (eopt.default_option && strcmp(eopt.supermajorities[i].option, eopt.default_option) == 0)
			argp_error(state, _("--supermajority: '%s' is the default option: it cannot need a majority against itself"),
				eopt.default_option);
	if (eopt.rounds && eopt.matrix && cli.out.format != OF_JSON)
		argp_error(state, "%s", _("--rounds and --matrix each replace the ranking: give one, or both with -o json"));
	if (cli.out.format == OF_SVG && !(bit & (F_IRV | F_STV | F_MJ)))
		argp_error(state, _("-o svg draws sticker votes, irv and stv rounds and majority judgment only, "
			"not --method=%s"), emethod_name(eopt.method));
	if (eopt.strength == STRENGTH_DEFAULT)
		eopt.strength = eopt.method == EM_RANKED_PAIRS ? STRENGTH_MARGIN : STRENGTH_WINNING;
}

/* An option's value folded (case, accents): "Exprimés" reads "exprimes". */
static char *
fold_arg(const char *arg)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	text_fold(&b, arg, strlen(arg));
	return b.data;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	int64_t v;
	const char *raw = arg;

	if (key == 'm' || key == OPT_SORT || key == OPT_MAJORITY || key == OPT_BASE ||
	    key == OPT_STRENGTH || key == OPT_QUOTA || key == OPT_UNRANKED || key == OPT_TIE_BREAK)
		arg = fold_arg(arg);	/* these options always have a value */
	if (key >= OPT_ITEMS && key < OPT_END)
		GIVEN(key) = 1;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &cli;
		break;
	case 'm':
		if (parse_method(arg) != 0)
			argp_error(state, _("unknown method '%s' (dots, motion, plurality, two-round, approval, score, "
				"borda, copeland, condorcet, schulze, ranked-pairs, irv, stv, majority-judgment)"), raw);
		method_arg = raw;
		break;
	case OPT_RANGE:
		parse_range(state, arg);
		break;
	case OPT_BORDA_START:
		if (strcmp(arg, "0") == 0 || strcmp(arg, "1") == 0)
			eopt.borda_start = arg[0] - '0';
		else
			argp_error(state, _("--borda-start: '%s' is not 0 or 1"), arg);
		break;
	case OPT_STRENGTH:
		if (strcmp(arg, "margin") == 0 || strcmp(arg, "margins") == 0 || strcmp(arg, "marge") == 0)
			eopt.strength = STRENGTH_MARGIN;
		else if (strcmp(arg, "winning") == 0 || strcmp(arg, "winning-votes") == 0)
			eopt.strength = STRENGTH_WINNING;
		else
			argp_error(state, _("--strength: '%s' is not margin or winning"), raw);
		break;
	case OPT_SEATS:
		eopt.seats = parse_count(state, "--seats", arg);
		if (eopt.seats == 0)
			argp_error(state, "%s", _("--seats: N must be at least 1"));
		break;
	case OPT_QUOTA:
		if (strcmp(arg, "droop") == 0)
			eopt.quota = QUOTA_DROOP;
		else if (strcmp(arg, "droop-exact") == 0)
			eopt.quota = QUOTA_DROOP_EXACT;
		else if (strcmp(arg, "hare") == 0)
			eopt.quota = QUOTA_HARE;
		else if (strcmp(arg, "hagenbach-bischoff") == 0 || strcmp(arg, "hb") == 0)
			eopt.quota = QUOTA_HB;
		else
			argp_error(state, _("--quota: '%s' is not droop, droop-exact, hare or hagenbach-bischoff"), raw);
		break;
	case OPT_DEFAULT_GRADE:
		if (!*arg)
			argp_error(state, "%s", _("--default-grade: the grade is empty"));
		eopt.default_grade = arg;
		break;
	case OPT_UNRANKED:
		if (strcmp(arg, "last") == 0 || strcmp(arg, "dernier") == 0 || strcmp(arg, "derniers") == 0)
			eopt.unranked = UNRANKED_LAST;
		else if (strcmp(arg, "ignore") == 0 || strcmp(arg, "ignores") == 0 || strcmp(arg, "ignorer") == 0)
			eopt.unranked = UNRANKED_IGNORE;
		else
			argp_error(state, _("--unranked: '%s' is not last or ignore"), raw);
		break;
	case OPT_TIE_BREAK:
		parse_tie_break(state, arg);
		break;
	case OPT_SUPERMAJORITY:
		parse_supermajority(state, arg);
		break;
	case OPT_DEFAULT_OPTION:
		if (!*arg)
			argp_error(state, "%s", _("--default-option: the name is empty"));
		eopt.default_option = arg;
		break;
	case OPT_CANDIDATES:
		if (!*arg)
			argp_error(state, "%s", _("--candidates: the list is empty"));
		eopt.candidates = arg;
		break;
	case OPT_ROUNDS:
		eopt.rounds = 1;
		break;
	case OPT_MATRIX:
		eopt.matrix = 1;
		break;
	case OPT_ITEMS:
		topt.items_file = arg;
		break;
	case OPT_SORT:
		if (strcmp(arg, "net") == 0)
			topt.sort = SORT_NET;
		else if (strcmp(arg, "green") == 0 || strcmp(arg, "vert") == 0)
			topt.sort = SORT_GREEN;
		else if (strcmp(arg, "approval") == 0)
			topt.sort = SORT_APPROVAL;
		else if (strcmp(arg, "input") == 0)
			topt.sort = SORT_INPUT;
		else
			argp_error(state, _("--sort: '%s' is not net, green, approval or input"), arg);
		break;
	case OPT_GROUP_BY:
		topt.group_by = arg;
		break;
	case OPT_TOP:
		topt.top = parse_count(state, "--top", arg);
		if (topt.top == 0)
			argp_error(state, "%s", _("--top: N must be at least 1"));
		break;
	case OPT_MAX_PER_VOTER:
		topt.max_per_voter = parse_count(state, "--max-per-voter", arg);
		if (topt.max_per_voter == 0)
			argp_error(state, "%s", _("--max-per-voter: N must be at least 1"));
		break;
	case OPT_STRICT_VOTERS:
		topt.strict_voters = 1;
		break;
	case OPT_ELIGIBLE:
		topt.eligible = parse_count(state, "--eligible", arg);
		break;
	case OPT_PRESENT:
		topt.present = parse_count(state, "--present", arg);
		break;
	case OPT_REPRESENTED:
		topt.represented = parse_count(state, "--represented", arg);
		break;
	case OPT_QUORUM:
		if (strchr(arg, '%')) {
			if (num_parse_percent(arg, &v) != 0 || v < 0 || v > 1000)
				argp_error(state, _("--quorum: '%s' is not a percentage between 0 and 100"), arg);
			topt.quorum_pct10 = (long)v;
		} else {
			topt.quorum = parse_count(state, "--quorum", arg);
		}
		break;
	case OPT_MAX_PROXIES:
		topt.max_proxies = parse_count(state, "--max-proxies", arg);
		break;
	case OPT_MAJORITY:
		parse_majority(state, arg);
		topt.majority_text = raw;	/* argv outlives the run */
		break;
	case OPT_BASE:
		if (strcmp(arg, "expressed") == 0 || strcmp(arg, "exprimes") == 0)
			topt.base = BASE_EXPRESSED;
		else if (strcmp(arg, "cast") == 0 || strcmp(arg, "votants") == 0)
			topt.base = BASE_CAST;
		else if (strcmp(arg, "present") == 0 || strcmp(arg, "presents") == 0)
			topt.base = BASE_PRESENT;
		else if (strcmp(arg, "eligible") == 0 || strcmp(arg, "inscrits") == 0)
			topt.base = BASE_ELIGIBLE;
		else
			argp_error(state, _("--base: '%s' is not expressed, cast, present or eligible"), arg);
		break;
	case ARGP_KEY_ARGS:
		topt.files = state->argv + state->next;
		break;
	case ARGP_KEY_END:
		if (method == M_MOTION && topt.quorum_pct10 >= 0 && topt.eligible < 0)
			/* xgettext:no-c-format */
			argp_error(state, "%s", _("--quorum=P% needs --eligible"));
		if (method == M_MOTION && topt.base == BASE_ELIGIBLE && topt.eligible < 0)
			argp_error(state, "%s", _("--base=eligible needs --eligible"));
		if (cli.out.format == OF_SVG && method == M_MOTION)
			argp_error(state, "%s", _("-o svg draws sticker votes only"));
		check_options(state);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char doc[] = N_(
	"Count sticker votes (green agrees, red disagrees), general-assembly motions "
	"and elections (ranked, approval, score and majority-judgment ballots)."
	"\vWith no FILE, or when FILE is -, read standard input.  Input is CSV "
	"(delimiter sniffed), TSV, a JSON array or JSON Lines; French headers are "
	"understood (see ess-formats(5)).  Exit status: 0 success, 64 usage, 65 bad "
	"data, 66 an input cannot be opened, 73 an output cannot be created, 74 read "
	"or write error.  ess-tally also writes -o svg: the sticker votes as a bar "
	"chart, irv and stv rounds as stacked bars, majority judgment's merit "
	"profile.");

static const struct argp argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

void
tally_digest(char *hex)
{
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_digest(&topt.hash, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
}

const char *argp_program_version = "ess-tally (ess-tools) " ESS_VERSION;

int
main(int argc, char **argv)
{
	int status;

	ess_init("ess-tally");
	cli.formats |= 1u << OF_SVG;
	cli.extra_inputs = ballot_inputs;
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	cli_start();
	sha256_init(&topt.hash);
	/* Only JSON output prints the digest: do not pay for it otherwise. */
	if (cli.out.format == OF_JSON)
		cli.in.hash = &topt.hash;
	eopt.keep_going = cli.in.keep_going;
	switch (method) {
	case M_MOTION:
		status = tally_motions();
		break;
	case M_ELECTION:
		status = tally_election();
		break;
	default:
		status = tally_dots();
		break;
	}
	cli_finish();
	return status ? status : ess_exit_status;
}
