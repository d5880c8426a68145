/*
 * ess-directory: the directory of the social and solidarity economy's
 * actors, as a filter: import, validate, dedupe, query, match, stats,
 * export.
 *
 * main hands the arguments to cli_run_command (lib/cli.h), which finds
 * the command (the first argument, as git does) and hands the rest to its
 * argp; the commands read records through dir.h and write through
 * lib/write.
 */
#include <argp.h>

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

const char *argp_program_version = "ess-directory (ess-tools) " ESS_VERSION;

static const struct cli_tool tool = {
	"ess-directory", commands, NCOMMANDS, doc,
	N_("missing command (import, validate, dedupe, query, match, stats or export)"),
};

int
main(int argc, char **argv)
{
	ess_init("ess-directory");
	return cli_run_command(&tool, argc, argv, &dir_files);
}
