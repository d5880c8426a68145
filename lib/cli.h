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
};

extern struct cli cli;
extern const struct argp cli_argp;
/* cli_argp as the one child of a tool's argp. */
extern const struct argp_child cli_children[];

/* Default set of output formats: csv, tsv, json, jsonl, table, md. */
#define CLI_FORMATS ((1u << OF_CSV) | (1u << OF_TSV) | (1u << OF_JSON) | \
	(1u << OF_JSONL) | (1u << OF_TABLE) | (1u << OF_MD))

/* Opens the rejects file if asked; call after argp_parse. */
void cli_start(void);
/* Closes the rejects file (renamed into place). */
void cli_finish(void);

#endif
