/*
 * cli.c: the shared options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "err.h"

struct cli cli = { .formats = CLI_FORMATS };

enum {
	OPT_ENCODING = 0x100, OPT_EXCEL, OPT_KEEP_GOING, OPT_REJECTS,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, N_("Input and output:"), -1 },
	{ "input", 'i', N_("FORMAT"), 0, N_("read csv, tsv, json or jsonl (default: sniffed)"), -1 },
	{ "delimiter", 'd', N_("CHAR"), 0, N_("CSV field delimiter: , ; | or tab (default: sniffed)"), -1 },
	{ "encoding", OPT_ENCODING, N_("NAME"), 0, N_("convert input from NAME (windows-1252, latin1...) to UTF-8"), -1 },
	{ "output", 'o', N_("FORMAT"), 0, N_("write csv, tsv, json, jsonl, table or md (default: table on a terminal, else csv)"), -1 },
	{ "output-file", 'O', N_("FILE"), 0, N_("write to FILE atomically (replaced only on success)"), -1 },
	{ "excel", OPT_EXCEL, NULL, 0, N_("CSV for French spreadsheets: ';', decimal comma, BOM, CRLF"), -1 },
	{ "keep-going", 'k', NULL, 0, N_("report every bad row and go on (the exit status is still 65)"), -1 },
	{ "rejects", OPT_REJECTS, N_("FILE"), 0, N_("write rejected rows to FILE, as read, each with its reason (implies --keep-going)"), -1 },
	{ "verbose", 'v', NULL, 0, N_("say more: unused columns, skipped blank lines"), -1 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

/* -i NAME where NAME is one of the tool's own input formats. */
static void
extra_input(struct argp_state *state, const char *arg)
{
	struct buf list = BUF_INIT;

	for (const char *const *p = cli.extra_inputs; *p; p++)
		if (strcmp(arg, *p) == 0)
			return;
	buf_adds(&list, "csv, tsv, json, jsonl");
	for (const char *const *p = cli.extra_inputs; *p; p++)
		buf_printf(&list, ", %s", *p);
	argp_error(state, _("unknown input format '%s' (%s)"), arg, list.data);
	buf_release(&list);
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	int f;

	switch (key) {
	case 'i':
		if (strcmp(arg, "csv") == 0)
			cli.in.format = TF_CSV;
		else if (strcmp(arg, "tsv") == 0)
			cli.in.format = TF_TSV;
		else if (strcmp(arg, "json") == 0)
			cli.in.format = TF_JSON;
		else if (strcmp(arg, "jsonl") == 0 || strcmp(arg, "ndjson") == 0)
			cli.in.format = TF_JSONL;
		else if (cli.extra_inputs)
			extra_input(state, arg);
		else
			argp_error(state, _("unknown input format '%s' (csv, tsv, json, jsonl)"), arg);
		cli.in_name = arg;
		break;
	case 'd':
		if (strcasecmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			cli.in.delim = '\t';
		else if (strlen(arg) == 1 && strchr(",;|\t", arg[0]))
			cli.in.delim = arg[0];
		else
			argp_error(state, _("delimiter '%s' is not one of , ; | : or tab"), arg);
		break;
	case OPT_ENCODING:
		cli.in.encoding = arg;
		break;
	case 'o':
		f = out_format_parse(arg);
		/* txt is the aligned table, unless the tool writes text of its own. */
		if (f == OF_TXT && !(cli.formats & (1u << OF_TXT)))
			f = OF_TABLE;
		if (f < 0 || !(cli.formats & (1u << f)))
			argp_error(state, _("unknown output format '%s'"), arg);
		cli.out.format = (enum out_format)f;
		break;
	case 'O':
		cli.out.path = arg;
		break;
	case OPT_EXCEL:
		cli.out.excel = 1;
		break;
	case 'k':
		cli.in.keep_going = 1;
		break;
	case OPT_REJECTS:
		cli.rejects_path = arg;
		cli.in.keep_going = 1;
		break;
	case 'v':
		cli.in.verbose = 1;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/*
 * glibc's argp looks its own words up in the program's text domain: they
 * are listed here, never used, so that xgettext puts them in the catalogue
 * and --help is wholly French with LANGUAGE=fr.
 */
static const char *const argp_words[] __attribute__((unused)) = {
	N_("Give this help list"), N_("Give a short usage message"),
	N_("Print program version"), N_("Set the program name"),
	N_("Hang for SECS seconds (default 3600)"), N_("Usage:"), N_("  or: "),
	N_(" [OPTION...]"),
	N_("Mandatory or optional arguments to long options are also mandatory or "
	   "optional for any corresponding short options."),
	N_("Try `%s --help' or `%s --usage' for more information.\n"),
	N_("%s: Too many arguments\n"),
};

const struct argp cli_argp = { options, parse_opt, NULL, NULL, NULL, NULL, ESS_PACKAGE };

const struct argp_child cli_children[] = {
	{ &cli_argp, 0, NULL, 0 },
	{ NULL, 0, NULL, 0 },
};

void
cli_start(void)
{
	if (cli.out.excel && cli.out.format != OF_AUTO && cli.out.format != OF_CSV)
		ess_die(EX_USAGE, _("--excel writes CSV: it cannot be used with -o %s"),
			out_format_name(cli.out.format));
	if (cli.rejects_path)
		cli.in.rejects = rejects_open(cli.rejects_path);
}

void
cli_finish(void)
{
	rejects_close(cli.in.rejects);
	cli.in.rejects = NULL;
}

/* ------------------------------------------------------------ commands */

static const struct cli_tool *tool;
static const struct command *cmd;
static int cmd_at;	/* argv index of the command */

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < tool->ncmds; i++)
		if (strcmp(name, tool->cmds[i].name) == 0)
			return &tool->cmds[i];
	return NULL;
}

/* The options before the command; the command ends this parse. */
static error_t
top_parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case ARGP_KEY_ARG:
		cmd = find_command(arg);
		if (!cmd)
			argp_error(state, _("unknown command '%s'"), arg);
		cmd_at = state->next - 1;
		state->next = state->argc;
		break;
	case ARGP_KEY_NO_ARGS:
		argp_error(state, "%s", _(tool->missing));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
cli_run_command(const struct cli_tool *t, int argc, char **argv, char ***files)
{
	struct argp top = {
		NULL, top_parse, N_("COMMAND [OPTION]... [FILE]..."), t->doc, cli_children, NULL,
		ESS_PACKAGE,
	};
	char name[64];
	int status;

	tool = t;
	/* The command's own output formats are known before -o is read. */
	for (int i = 1; i < argc; i++)
		if (find_command(argv[i])) {
			cli.formats |= find_command(argv[i])->formats;
			break;
		}
	argp_parse(&top, argc, argv, ARGP_IN_ORDER, NULL, NULL);
	if (!cmd)
		return EX_USAGE;	/* argp said why */
	snprintf(name, sizeof name, "%s %s", t->prog, cmd->name);
	argv[cmd_at] = name;
	argp_parse(cmd->argp, argc - cmd_at, argv + cmd_at, 0, NULL, NULL);
	cli_start();
	status = cmd->run(*files);
	cli_finish();
	return status ? status : ess_exit_status;
}
