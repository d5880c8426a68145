/*
 * ess-directory: the directory of the social and solidarity economy's
 * actors, as a filter: import, validate, dedupe, query, match, stats,
 * export.
 *
 * main finds the command (the first argument, as git does) and hands the
 * rest of the arguments to its argp; the commands read records through
 * dir.h and write through lib/write.
 */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dir.h"
#include "err.h"

static const struct command commands[] = {
	{ "import", &import_argp, import_run, 0 },
	{ "validate", &validate_argp, validate_run, 0 },
	{ "dedupe", &dedupe_argp, dedupe_run, 0 },
	{ "query", &query_argp, query_run, 0 },
	{ "match", &match_argp, match_run, 0 },
	{ "stats", &stats_argp, stats_run, 1u << OF_SVG },
	{ "export", &export_argp, export_run, 0 },
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static const char doc[] = N_(
	"The directory of the social and solidarity economy's actors "
	"(associations, cooperatives, mutuals, foundations): import, validate, "
	"dedupe, query, match needs to offers, statistics, exports."
	"\vCommands:\n"
	"  import     map a SIRENE, RNA, GoGoCarto or other file onto the record\n"
	"  validate   check identifiers, postcodes, e-mails, sites and phones\n"
	"  dedupe     merge the records of one actor, field by field\n"
	"  query      keep the records that match every condition\n"
	"  match      pair needs with other actors' offers\n"
	"  stats      count records by family or another column\n"
	"  export     write vCard, GeoJSON, JSON-LD, HTML or Markdown\n"
	"\n'ess-directory COMMAND --help' lists a command's options.  A directory "
	"is CSV (delimiter sniffed), TSV, a JSON array or JSON Lines; its columns "
	"and their French aliases are in ess-formats(5).  With no FILE, or when "
	"FILE is -, commands read standard input.  Exit status: 0 success, 64 "
	"usage, 65 bad data, 66 an input cannot be opened, 73 an output cannot "
	"be created, 74 read or write error.");

static const struct command *cmd;
static int cmd_at;	/* argv index of the command */

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* Options common to every command may come before it: "ess-directory
 * -i json query ...".  The command ends this parse. */
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
		argp_error(state, "%s", _("missing command (import, validate, dedupe, query, match, stats or export)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp top_argp = {
	NULL, top_parse, N_("COMMAND [OPTION]... [FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

const char *argp_program_version = "ess-directory (ess-tools) " ESS_VERSION;

int
main(int argc, char **argv)
{
	char name[64];
	int status;

	ess_init("ess-directory");
	/* The command's own output formats are known before -o is read. */
	for (int i = 1; i < argc; i++)
		if (find_command(argv[i])) {
			cli.formats |= find_command(argv[i])->formats;
			break;
		}
	argp_parse(&top_argp, argc, argv, ARGP_IN_ORDER, NULL, NULL);
	if (!cmd)
		return EX_USAGE;	/* argp said why */
	snprintf(name, sizeof name, "ess-directory %s", cmd->name);
	argv[cmd_at] = name;
	argp_parse(cmd->argp, argc - cmd_at, argv + cmd_at, 0, NULL, NULL);
	cli_start();
	status = cmd->run(dir_files);
	cli_finish();
	return status ? status : ess_exit_status;
}
