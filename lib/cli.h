/*
 * cli.h: the options every binary shares (input format, delimiter,
 * encoding, output format and file, --excel, --keep-going, --rejects,
 * --verbose), as an argp child parser, and the loop over input files.
 */
#ifndef ESS_CLI_H
#define ESS_CLI_H

#include <argp.h>

#include "table.h"
#include "write.h"

struct cli {
	struct table_opts in;
	struct writer_opts out;
	const char *rejects_path;
	unsigned formats;	/* the output formats this tool offers (1u << OF_x) */
	/* Names -i accepts beyond csv, tsv, json and jsonl (NULL-terminated,
	 * set by the tool before argp_parse; NULL: none).  Such a name leaves
	 * in.format as it was (sniffed); the tool reads it from in_name. */
	const char *const *extra_inputs;
	const char *in_name;	/* the argument of the last -i, or NULL */
};

extern struct cli cli;
extern const struct argp cli_argp;
/* cli_argp as the one child of a tool's argp. */
extern const struct argp_child cli_children[];

/* Default set of output formats: csv, tsv, json, jsonl, table, md. */
#define CLI_FORMATS ((1u << OF_CSV) | (1u << OF_TSV) | (1u << OF_JSON) | \
	(1u << OF_JSONL) | (1u << OF_TABLE) | (1u << OF_MD))

/*
 * Tools with several jobs take a command first, as git does
 * ("ess-directory query ...").  Each command has its argp (with
 * cli_children as its child) and a run function given the FILE arguments,
 * NULL-terminated (NULL when there are none).
 */
struct command {
	const char *name;	/* listed in the tool's doc */
	const struct argp *argp;
	int (*run)(char **files);
	unsigned formats;	/* -o formats beyond the defaults */
};

struct cli_tool {
	const char *prog;	/* "ess-directory" */
	const struct command *cmds;
	size_t ncmds;
	const char *doc;	/* the tool's --help text (N_), commands listed
				 * under "Commands:" */
	const char *missing;	/* N_("missing command (a, b or c)") */
};

/*
 * Runs the command named on the command line: options common to every
 * command may come before it ("ess-directory -i json query ..."); the
 * command's own argp parses what follows it, and its parse_opt collects
 * the FILE arguments into *files.  Then cli_start, the command, and
 * cli_finish.  Returns the exit status (the command's, or
 * ess_exit_status when it returns 0).
 */
int cli_run_command(const struct cli_tool *tool, int argc, char **argv, char ***files);

/* Opens the rejects file if asked; call after argp_parse. */
void cli_start(void);
/* Closes the rejects file (renamed into place). */
void cli_finish(void);

#endif
