/*
 * check.c: what French practice expects a procès-verbal (type pv-ag or
 * pv-ca) to state, each missing item one line "FILE:LINE: missing ..." on
 * standard output, at the line where it belongs (the header's first line
 * for a header key, the resolution's line for its counts); exit 65 when
 * anything is missing.  Other documents (compte-rendu, or no type) are not
 * procès-verbaux: a note says so on stderr and they pass.
 *
 * The items: the body that met (organiser or association), date, place,
 * how members were convened, an agenda (a '##' item), present and
 * represented members (an attendance file or block, or header keys present
 * and represented), the quorum (eligible, with the attendance), chair,
 * secretary, at least one resolution and each DÉCISION's for, against and
 * abstention counts (ess-tally motions in tally blocks carry theirs),
 * closing time (end), and the signatures: a '##' item whose title holds
 * "signature".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "minutes.h"
#include "text.h"

static const char doc[] = N_(
	"Check that procès-verbaux (FILE..., or standard input) state what "
	"French practice expects: body, date, place, convening, agenda, present "
	"and represented members, quorum, chair, secretary, every resolution "
	"with for/against/abstention counts, closing time and signatures."
	"\vEach missing item is a line FILE:LINE: missing ... on standard "
	"output; the exit status is then 65.  Only documents of type pv-ag or "
	"pv-ca are checked; others are named on standard error and pass.  The "
	"signatures are a '## Signatures' section.");

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	return minutes_parse_arg(key, arg, state);
}

const struct argp check_argp = {
	NULL, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

struct report {
	const struct minutes *m;
	long missing;
};

static void
missing(struct report *r, long line, const char *what)
{
	printf("%s:%ld: %s %s\n", r->m->path, line, _("missing"), what);
	r->missing++;
}

static int
given(const char *v)
{
	return v && *v;
}

static int
has_signatures(const struct minutes *m)
{
	struct buf f = BUF_INIT;
	int found = 0;

	for (size_t i = 1; i < m->nitems && !found; i++) {
		buf_reset(&f);
		text_fold(&f, m->items[i].title, strlen(m->items[i].title));
		found = strstr(f.data, "signature") != NULL;
	}
	buf_release(&f);
	return found;
}

static int
motions(const struct minutes *m)
{
	for (size_t i = 0; i < m->nblocks; i++) {
		const json_t *meth = m->blocks[i].table.json
			? json_object_get(m->blocks[i].table.json, "method") : NULL;

		if (m->blocks[i].tag == MB_TALLY && json_is_string(meth) &&
		    strcmp(json_string_value(meth), "motion") == 0 && m->blocks[i].table.nrows)
			return 1;
	}
	return 0;
}

static long
check_one(const struct minutes *m)
{
	struct report r = { m, 0 };
	long hl = 1, end_line;	/* header keys: where the header starts */
	int att = m->has_att, resolutions = 0;

	if (!m->type || strncmp(m->type, "pv-", 3) != 0) {
		ess_warn(_("%s: not a procès-verbal (type %s): not checked"), m->path,
			m->type ? m->type : _("none"));
		return 0;
	}
	for (size_t i = 0; i < m->nblocks; i++)
		att |= m->blocks[i].tag == MB_ATTENDANCE;
	if (!given(m->organiser) && !given(minutes_field(m, "association")))
		missing(&r, hl, _("the body that met (header key organiser or association)"));
	if (!m->date)
		missing(&r, hl, _("the date (header key date)"));
	if (!given(m->place))
		missing(&r, hl, _("the place (header key place)"));
	if (!given(m->convened))
		missing(&r, hl, _("how and when members were convened (header key convened)"));
	if (m->nitems < 2)
		missing(&r, m->body_line, _("the agenda (a '##' heading for each item)"));
	if (!att && !(given(minutes_field(m, "present")) && given(minutes_field(m, "represented"))))
		missing(&r, hl, _("present and represented members (header key attendance, an attendance block, or keys present and represented)"));
	if (m->eligible < 0)
		missing(&r, hl, _("the quorum (header key eligible: members who may vote)"));
	if (!given(m->chair))
		missing(&r, hl, _("the chair (header key chair)"));
	if (!given(m->secretary))
		missing(&r, hl, _("the secretary (header key secretary)"));
	for (size_t i = 0; i < m->nentries; i++) {
		const struct mentry *e = &m->entries[i];

		if (e->kind != MK_DECISION)
			continue;
		resolutions++;
		if (e->votes_for < 0 || e->votes_against < 0 || e->votes_abstain < 0)
			missing(&r, e->line, _("the resolution's counts ({pour: N; contre: N; abstention: N})"));
	}
	if (!resolutions && !motions(m))
		missing(&r, m->body_line, _("the resolutions (DÉCISION lines or a tally block of motions)"));
	if (!m->end[0])
		missing(&r, hl, _("the closing time (header key end)"));
	/* The signatures belong at the end. */
	end_line = m->body_line;
	for (const char *s = m->body; *s; s++)
		end_line += *s == '\n';
	if (m->body_len && m->body[m->body_len - 1] == '\n')
		end_line--;
	if (!has_signatures(m))
		missing(&r, end_line, _("the signatures (a '## Signatures' section: chair and secretary)"));
	return r.missing;
}

int
check_run(char **files)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };
	long total = 0;
	size_t n = 0;

	if (!files || !files[0])
		files = stdin_only;
	for (; files[n]; n++) {
		struct minutes m;
		long k;

		minutes_read(&m, files[n]);
		k = check_one(&m);
		total += k;
		minutes_free(&m);
	}
	if (total) {
		ess_warn(ngettext("%ld item missing", "%ld items missing", (unsigned long)total), total);
		return EX_DATAERR;
	}
	return ess_exit_status;
}
