/*
 * basket-orders: the Monday basket distribution from a folder of CSV
 * files (-C DIR): pick-up sheets, producer totals, invoices, balances,
 * cheques, memberships, the calendar and the volunteers' roster.
 *
 * main reads the command and its options (one table: each command says
 * which it takes), loads the folder, and hands over.
 */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basket.h"
#include "cli.h"
#include "date.h"
#include "err.h"
#include "money.h"
#include "people.h"

int pickup(const struct basket *b, ess_day d, int next);

/* What the options say, for every command. */
static struct {
	const char *dir;
	ess_day date, from, to, on, today;
	int next, gaps, by_product, min;
	int year, month;	/* --month */
} o = { .dir = ".", .min = 2 };

enum cmd { C_CHECK, C_PICKUP, C_TOTALS, C_INVOICE, C_BALANCE, C_CHEQUES, C_MEMBERS, C_CALENDAR, C_ROSTER, C_NCMDS };

static const char *const cmd_names[C_NCMDS] = {
	"check", "pickup", "totals", "invoice", "balance", "cheques", "members", "calendar", "roster",
};
static int cmd = -1;

enum {
	OPT_DATE = 0x200, OPT_TODAY, OPT_NEXT, OPT_FROM, OPT_TO, OPT_ON, OPT_MONTH, OPT_BY, OPT_GAPS, OPT_MIN,
	OPT_FILE = 0x300,
};

static const struct argp_option options[] = {
	{ "directory", 'C', N_("DIR"), 0, N_("the data folder (default: the current folder)"), 0 },
	{ "date", OPT_DATE, N_("DATE"), 0, N_("pickup, totals: the distribution of DATE"), 0 },
	{ "next", OPT_NEXT, NULL, 0, N_("pickup: the next distribution, today's included"), 0 },
	{ "today", OPT_TODAY, N_("DATE"), 0, N_("take DATE for today (--next, and the default of --on and --from)"), 0 },
	{ "from", OPT_FROM, N_("DATE"), 0, N_("totals, calendar, roster: from DATE"), 0 },
	{ "to", OPT_TO, N_("DATE"), 0, N_("totals, calendar, roster: to DATE"), 0 },
	{ "on", OPT_ON, N_("DATE"), 0, N_("balance, members: on DATE (default: today)"), 0 },
	{ "month", OPT_MONTH, N_("YYYY-MM"), 0, N_("invoice, cheques: the month"), 0 },
	{ "by", OPT_BY, N_("KEY"), 0, N_("totals: producer (default) or product"), 0 },
	{ "gaps", OPT_GAPS, NULL, 0, N_("roster: only the dates short of volunteers"), 0 },
	{ "min", OPT_MIN, N_("N"), 0, N_("roster --gaps: the volunteers a distribution needs (default 2)"), 0 },
	{ NULL, 0, NULL, 0, N_("Files, when not DIR/NAME.csv:"), 1 },
	{ "settings", OPT_FILE + BF_SETTINGS, N_("FILE"), 0, N_("settings.csv"), 1 },
	{ "producers", OPT_FILE + BF_PRODUCERS, N_("FILE"), 0, N_("producers.csv"), 1 },
	{ "products", OPT_FILE + BF_PRODUCTS, N_("FILE"), 0, N_("products.csv"), 1 },
	{ "members", OPT_FILE + BF_MEMBERS, N_("FILE"), 0, N_("members.csv"), 1 },
	{ "memberships", OPT_FILE + BF_MEMBERSHIPS, N_("FILE"), 0, N_("memberships.csv"), 1 },
	{ "subscriptions", OPT_FILE + BF_SUBSCRIPTIONS, N_("FILE"), 0, N_("subscriptions.csv"), 1 },
	{ "orders", OPT_FILE + BF_ORDERS, N_("FILE"), 0, N_("orders.csv"), 1 },
	{ "absences", OPT_FILE + BF_ABSENCES, N_("FILE"), 0, N_("absences.csv"), 1 },
	{ "closures", OPT_FILE + BF_CLOSURES, N_("FILE"), 0, N_("closures.csv"), 1 },
	{ "payments", OPT_FILE + BF_PAYMENTS, N_("FILE"), 0, N_("payments.csv"), 1 },
	{ "roster", OPT_FILE + BF_ROSTER, N_("FILE"), 0, N_("roster.csv"), 1 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static ess_day
parse_date(struct argp_state *state, const char *opt, const char *arg)
{
	ess_day d;

	if (date_parse(arg, &d) != 0)
		argp_error(state, _("%s: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), opt, arg);
	return d;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case 'C':
		o.dir = arg;
		break;
	case OPT_DATE:
		o.date = parse_date(state, "--date", arg);
		break;
	case OPT_TODAY:
		o.today = parse_date(state, "--today", arg);
		break;
	case OPT_NEXT:
		o.next = 1;
		break;
	case OPT_FROM:
		o.from = parse_date(state, "--from", arg);
		break;
	case OPT_TO:
		o.to = parse_date(state, "--to", arg);
		break;
	case OPT_ON:
		o.on = parse_date(state, "--on", arg);
		break;
	case OPT_MONTH:
		if (sscanf(arg, "%4d-%2d", &o.year, &o.month) != 2 || strlen(arg) != 7 ||
		    !date_valid_ymd(o.year, o.month, 1))
			argp_error(state, _("--month: '%s' is not YYYY-MM"), arg);
		break;
	case OPT_BY:
		if (strcmp(arg, "product") == 0 || strcmp(arg, "produit") == 0)
			o.by_product = 1;
		else if (strcmp(arg, "producer") != 0 && strcmp(arg, "producteur") != 0)
			argp_error(state, _("--by: '%s' is neither producer nor product"), arg);
		break;
	case OPT_GAPS:
		o.gaps = 1;
		break;
	case OPT_FILE + BF_SETTINGS: case OPT_FILE + BF_PRODUCERS: case OPT_FILE + BF_PRODUCTS:
	case OPT_FILE + BF_MEMBERS: case OPT_FILE + BF_MEMBERSHIPS: case OPT_FILE + BF_SUBSCRIPTIONS:
	case OPT_FILE + BF_ORDERS: case OPT_FILE + BF_ABSENCES: case OPT_FILE + BF_CLOSURES:
	case OPT_FILE + BF_PAYMENTS: case OPT_FILE + BF_ROSTER:
		basket_files[key - OPT_FILE] = arg;
		break;
	case OPT_MIN: {
		char *end;
		long n = strtol(arg, &end, 10);

		if (end == arg || *end || n < 1 || n > 1000)
			argp_error(state, _("--min: '%s' is not a number from 1 to 1000"), arg);
		o.min = (int)n;
		break;
	}
	case ARGP_KEY_ARG:
		if (cmd >= 0)
			argp_error(state, _("unexpected argument '%s'"), arg);
		for (int i = 0; i < C_NCMDS; i++)
			if (strcmp(arg, cmd_names[i]) == 0)
				cmd = i;
		if (cmd < 0)
			argp_error(state, _("unknown command '%s'"), arg);
		break;
	case ARGP_KEY_END:
		if (cmd < 0)
			argp_error(state, "%s", _("missing command"));
		if (cmd == C_PICKUP && !o.date == !o.next)
			argp_error(state, "%s", _("pickup needs --date=DATE or --next"));
		if (cmd == C_TOTALS && !o.date == !(o.from || o.to))
			argp_error(state, "%s", _("totals needs --date=DATE, or --from=DATE and --to=DATE"));
		if (cmd == C_TOTALS && !o.date && (!o.from || !o.to))
			argp_error(state, "%s", _("totals needs both --from=DATE and --to=DATE"));
		if ((cmd == C_INVOICE || cmd == C_CHEQUES) && !o.month)
			argp_error(state, _("%s needs --month=YYYY-MM"), cmd_names[cmd]);
		if (cmd == C_CALENDAR && (!o.from || !o.to))
			argp_error(state, "%s", _("calendar needs --from=DATE and --to=DATE"));
		if (o.from && o.to && o.to < o.from)
			argp_error(state, "%s", _("--to is before --from"));
		if (cli.out.format == OF_HTML && cmd != C_PICKUP)
			argp_error(state, "%s", _("-o html is for the pickup command"));
		if (cli.out.format == OF_ICS && cmd != C_CALENDAR)
			argp_error(state, "%s", _("-o ics is for the calendar command"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char doc[] = N_(
	"The Monday organic-basket distribution: members and their fees, "
	"subscriptions, orders, absences, closures, pick-up lists, producer "
	"totals, invoices and balances."
	"\vCommands:\n"
	"  check      read every file of the folder and cross-check them\n"
	"  pickup     the pick-up sheet of one distribution\n"
	"  totals     what to order from each producer\n"
	"  invoice    each member's lines and total for a month\n"
	"  balance    delivered, paid and owed, per member\n"
	"  cheques    the cheques to cash in a month\n"
	"  members    memberships and the members entitled to vote\n"
	"  calendar   the distribution dates (-o ics for calendars)\n"
	"  roster     the volunteers on duty (--gaps)\n"
	"\nExit status: 0 success, 64 usage, 65 bad data, 66 an input cannot be "
	"opened, 73 an output cannot be created, 74 read or write error.");

static const struct argp argp = {
	options, parse_opt, N_("COMMAND"), doc, cli_children, NULL, ESS_PACKAGE,
};

const char *argp_program_version = "basket-orders (ess-tools) " ESS_VERSION;

int
main(int argc, char **argv)
{
	static struct basket b;	/* static: what it points to stays reachable (LeakSanitizer) */
	int status = 0;

	ess_init("basket-orders");
	cli.formats |= (1u << OF_HTML) | (1u << OF_ICS);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	cli_start();
	basket_load(&b, o.dir);
	b.today = o.today ? o.today : date_today();
	switch (cmd) {
	case C_CHECK:
		status = basket_check(&b);
		break;
	case C_PICKUP:
		status = pickup(&b, o.date, o.next);
		break;
	case C_TOTALS:
		status = o.date ? cmd_totals(&b, o.date, o.date, o.by_product)
			: cmd_totals(&b, o.from, o.to, o.by_product);
		break;
	case C_INVOICE:
		status = cmd_invoice(&b, o.year, o.month);
		break;
	case C_BALANCE:
		status = cmd_balance(&b, o.on);
		break;
	case C_CHEQUES:
		status = cmd_cheques(&b, o.year, o.month);
		break;
	case C_MEMBERS:
		status = cmd_members(&b, o.on ? o.on : b.today);
		break;
	case C_CALENDAR:
		status = cmd_calendar(&b, o.from, o.to, cli.out.format == OF_ICS);
		break;
	case C_ROSTER:
		status = cmd_roster(&b, o.from, o.to, o.gaps, o.min);
		break;
	default:
		break;
	}
	cli_finish();
	return status ? status : ess_exit_status;
}
