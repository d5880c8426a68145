/*
 * ess-tally: counts sticker votes and general-assembly motions.
 *
 * main parses the options and hands over to the method; the methods read
 * rows through lib/table and write through lib/write.
 */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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

enum method { M_DOTS, M_MOTION };
static enum method method = M_DOTS;

enum {
	OPT_ITEMS = 0x200, OPT_SORT, OPT_GROUP_BY, OPT_TOP, OPT_MAX_PER_VOTER,
	OPT_STRICT_VOTERS, OPT_ELIGIBLE, OPT_PRESENT, OPT_REPRESENTED, OPT_QUORUM,
	OPT_MAX_PROXIES, OPT_MAJORITY, OPT_BASE,
};

static const struct argp_option options[] = {
	{ "method", 'm', N_("METHOD"), 0, N_("dots (sticker votes, the default) or motion"), 0 },
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

	if (key == 'm' || key == OPT_SORT || key == OPT_MAJORITY || key == OPT_BASE)
		arg = fold_arg(arg);	/* these options always have a value */

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &cli;
		break;
	case 'm':
		if (strcmp(arg, "dots") == 0 || strcmp(arg, "stickers") == 0 || strcmp(arg, "gommettes") == 0)
			method = M_DOTS;
		else if (strcmp(arg, "motion") == 0 || strcmp(arg, "motions") == 0)
			method = M_MOTION;
		else
			argp_error(state, _("unknown method '%s' (dots, motion)"), arg);
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
		if (cli.out.format == OF_SVG && method != M_DOTS)
			argp_error(state, "%s", _("-o svg draws sticker votes only"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char doc[] = N_(
	"Count sticker votes (green agrees, red disagrees) and general-assembly motions."
	"\vWith no FILE, or when FILE is -, read standard input.  Input is CSV "
	"(delimiter sniffed), TSV, a JSON array or JSON Lines; French headers are "
	"understood (see ess-formats(5)).  Exit status: 0 success, 64 usage, 65 bad "
	"data, 66 an input cannot be opened, 73 an output cannot be created, 74 read "
	"or write error.  ess-tally also writes -o svg: the sticker votes as a bar "
	"chart.");

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
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	cli_start();
	sha256_init(&topt.hash);
	/* Only JSON output prints the digest: do not pay for it otherwise. */
	if (cli.out.format == OF_JSON)
		cli.in.hash = &topt.hash;
	status = method == M_MOTION ? tally_motions() : tally_dots();
	cli_finish();
	return status ? status : ess_exit_status;
}
