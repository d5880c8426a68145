/*
 * basket-orders: the Monday basket distribution from a folder of CSV
 * files.  Work in progress (branch wip/basket-orders): the data folder is
 * read and checked; the commands of issue 4 come next.
 */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basket.h"
#include "cli.h"
#include "date.h"
#include "err.h"

int pickup(const struct basket *b, ess_day d, int next);


static const char *dir = ".";
static const char *command;
static ess_day date_opt;
static int next_opt;

enum { OPT_DATE = 0x200, OPT_NEXT };

static const struct argp_option options[] = {
	{ "directory", 'C', N_("DIR"), 0, N_("the data folder (default: the current folder)"), 0 },
	{ "date", OPT_DATE, N_("DATE"), 0, N_("pickup: the distribution of DATE"), 0 },
	{ "next", OPT_NEXT, NULL, 0, N_("pickup: the next distribution, today's included"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case 'C':
		dir = arg;
		break;
	case OPT_DATE:
		if (date_parse(arg, &date_opt) != 0)
			argp_error(state, _("--date: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), arg);
		break;
	case OPT_NEXT:
		next_opt = 1;
		break;
	case ARGP_KEY_ARG:
		if (command)
			argp_error(state, _("unexpected argument '%s'"), arg);
		if (strcmp(arg, "check") != 0 && strcmp(arg, "pickup") != 0)
			argp_error(state, _("unknown command '%s'"), arg);
		command = arg;
		break;
	case ARGP_KEY_END:
		if (!command)
			argp_error(state, "%s", _("missing command (check or pickup)"));
		if (strcmp(command, "pickup") == 0 && !date_opt == !next_opt)
			argp_error(state, "%s", _("pickup needs --date=DATE or --next"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp_child children[] = {
	{ &cli_argp, 0, NULL, 0 },
	{ NULL, 0, NULL, 0 },
};

static const char doc[] = N_(
	"The Monday organic-basket distribution: members and their fees, "
	"subscriptions, orders, absences, closures, pick-up lists, producer "
	"totals, invoices and balances."
	"\vCommands:\n"
	"  check      read every file of the folder and cross-check them\n"
	"  pickup     the pick-up sheet of one distribution\n"
	"\nExit status: 0 success, 64 usage, 65 bad data, 66 an input cannot be "
	"opened, 73 an output cannot be created, 74 read or write error.");

static const struct argp argp = {
	options, parse_opt, N_("COMMAND"), doc, children, NULL, ESS_PACKAGE,
};

const char *argp_program_version = "basket-orders (ess-tools) " ESS_VERSION;

int
main(int argc, char **argv)
{
	struct basket b;
	int status;

	ess_init("basket-orders");
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	cli_start();
	basket_load(&b, dir);
	if (strcmp(command, "pickup") == 0)
		status = pickup(&b, date_opt, next_opt);
	else
		status = basket_check(&b);
	cli_finish();
	return status ? status : ess_exit_status;
}
