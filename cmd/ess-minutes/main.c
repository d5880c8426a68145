/*
 * ess-minutes: minutes from the secretary's Markdown and the other tools'
 * data (ess-tally's JSON, a sign-in sheet); decisions and actions back out
 * as rows.
 *
 * main hands the arguments to cli_run_command (lib/cli.h), which finds the
 * command (the first argument, as git does) and hands the rest to its
 * argp; the commands read minutes through minutes.h (parse.c) and write
 * through lib/write.
 */
#include <argp.h>

#include "cli.h"
#include "err.h"
#include "minutes.h"

static const struct command commands[] = {
	{ "render", &render_argp, render_run, (1u << OF_HTML) | (1u << OF_TXT) },
	{ "attendance", &attendance_argp, attendance_run, 0 },
	{ "extract", &extract_argp, extract_run, 0 },
	{ "check", &check_argp, check_run, 0 },
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static const char doc[] = N_(
	"Meeting minutes from the secretary's Markdown and the other tools' data,\n"
	"as a printable page; decisions and actions back out as rows."
	"\vCommands:\n"
	"  render      the finished minutes as Markdown, HTML, text or JSON\n"
	"  attendance  the counts of a sign-in sheet, and the quorum\n"
	"  extract     decisions, actions or votes as rows, from many minutes\n"
	"  check       what a procès-verbal (pv-ag, pv-ca) must state\n"
	"\n'ess-minutes COMMAND --help' lists a command's options.\n"
	"The Markdown conventions are in ess-formats(5).  With no FILE, or when\n"
	"FILE is -, commands read standard input.\n"
	"Exit status: 0 success, 64 usage, 65 bad data, 66 an input cannot be\n"
	"opened, 73 an output cannot be created, 74 read or write error.");

static const struct cli_tool tool = {
	"ess-minutes", commands, NCOMMANDS, doc,
	N_("missing command (render, attendance, extract or check)"),
};

const char *argp_program_version = "ess-minutes (ess-tools) " ESS_VERSION;

int
main(int argc, char **argv)
{
	ess_init("ess-minutes");
	return cli_run_command(&tool, argc, argv, &minutes_files);
}
