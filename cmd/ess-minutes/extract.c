/*
 * extract.c: decisions, actions or votes back out of one or many minutes
 * files as rows date,item,title,kind,text,owner,due,for,against,abstain,
 * the files in the order given and each one's rows in document order.
 *
 * votes are the entries that carry a count (any kind) and the rows of the
 * tally blocks whose document is an ess-tally motion (kind "motion", text
 * the motion's label).  --open keeps the actions due on or after --on
 * (today by default) and those with no due date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "err.h"
#include "minutes.h"
#include "write.h"

enum what { W_DECISIONS, W_ACTIONS, W_VOTES };

static enum what what = W_DECISIONS;
static int open_only;
static ess_day on_day;
static int on_set;

enum { OPT_WHAT = 0x200, OPT_OPEN, OPT_ON };

static const struct argp_option options[] = {
	{ "what", OPT_WHAT, N_("KIND"), 0, N_("decisions (the default), actions or votes"), 0 },
	{ "open", OPT_OPEN, NULL, 0, N_("actions only, those not yet due (due on or after --on, or with no due date)"), 0 },
	{ "on", OPT_ON, N_("DATE"), 0, N_("the day --open compares with (default: today)"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static const char doc[] = N_(
	"Decisions, actions or votes out of minutes files (FILE..., or standard "
	"input), as rows: date,item,title,kind,text,owner,due,for,against,abstain."
	"\vdate is the meeting's, item and title the agenda item's (0 and empty "
	"before the first '##').  votes are the entries with a count ({pour: N; "
	"contre: N; abstention: N}) and the motions of ess-tally documents in "
	"tally blocks.  The files' rows follow one another in the order given.");

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_WHAT:
		if (strcmp(arg, "decisions") == 0 || strcmp(arg, "decision") == 0)
			what = W_DECISIONS;
		else if (strcmp(arg, "actions") == 0 || strcmp(arg, "action") == 0)
			what = W_ACTIONS;
		else if (strcmp(arg, "votes") == 0 || strcmp(arg, "vote") == 0)
			what = W_VOTES;
		else
			argp_error(state, _("--what: '%s' is not decisions, actions or votes"), arg);
		break;
	case OPT_OPEN:
		open_only = 1;
		break;
	case OPT_ON:
		if (date_parse(arg, &on_day) != 0)
			argp_error(state, _("--on: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), arg);
		on_set = 1;
		break;
	case ARGP_KEY_END:
		if (open_only && what != W_ACTIONS) {
			if (what == W_VOTES)
				argp_error(state, "%s", _("--open keeps actions: it cannot be used with --what=votes"));
			what = W_ACTIONS;
		}
		break;
	default:
		return minutes_parse_arg(key, arg, state);
	}
	return 0;
}

const struct argp extract_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

static const struct wcol cols[] = {
	{ "date", WT_TEXT }, { "item", WT_INT }, { "title", WT_TEXT }, { "kind", WT_TEXT },
	{ "text", WT_TEXT }, { "owner", WT_TEXT }, { "due", WT_TEXT }, { "for", WT_INT },
	{ "against", WT_INT }, { "abstain", WT_INT },
};
enum { NCOLS = sizeof cols / sizeof *cols };

static ess_day
today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
count_text(char *out, long n)
{
	if (n >= 0)
		snprintf(out, 24, "%ld", n);
	else
		out[0] = '\0';
}

static void
put_row(struct writer *w, const struct minutes *m, size_t item, const char *kind,
	const char *text, const char *owner, ess_day due, const char *f, const char *a, const char *ab)
{
	char date[16] = "", dues[16] = "", num[24];
	const char *row[NCOLS];

	if (m->date)
		date_format(m->date, date);
	if (due)
		date_format(due, dues);
	snprintf(num, sizeof num, "%zu", m->items[item].number);
	row[0] = date;
	row[1] = num;
	row[2] = m->items[item].title;
	row[3] = kind;
	row[4] = text;
	row[5] = owner;
	row[6] = dues;
	row[7] = f;
	row[8] = a;
	row[9] = ab;
	writer_row(w, row);
}

static void
put_entry(struct writer *w, const struct minutes *m, const struct mentry *e)
{
	char f[24], a[24], ab[24];

	count_text(f, e->votes_for);
	count_text(a, e->votes_against);
	count_text(ab, e->votes_abstain);
	put_row(w, m, e->item, mkind_name(e->kind), e->text, e->owner, e->due, f, a, ab);
}

static int
col_index(const struct mtable *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], name) == 0)
			return (int)c;
	return -1;
}

/* The motions of an ess-tally document in a tally block. */
static void
put_motions(struct writer *w, const struct minutes *m, const struct mblock *b)
{
	const struct mtable *t = &b->table;
	const json_t *method = t->json ? json_object_get(t->json, "method") : NULL;
	int label = col_index(t, "label"), f = col_index(t, "for"), a = col_index(t, "against"),
		ab = col_index(t, "abstain");

	if (b->tag != MB_TALLY || label < 0 || f < 0 || a < 0)
		return;
	if (method && !(json_is_string(method) && strcmp(json_string_value(method), "motion") == 0))
		return;
	for (size_t r = 0; r < t->nrows; r++)
		put_row(w, m, b->item, "motion", t->cells[r][label], "", 0, t->cells[r][f],
			t->cells[r][a], ab >= 0 ? t->cells[r][ab] : "");
}

static void
extract_one(struct writer *w, const struct minutes *m, ess_day on)
{
	size_t e = 0, b = 0;

	/* Entries and blocks merged by line: document order. */
	while (e < m->nentries || b < m->nblocks) {
		if (b < m->nblocks && (e == m->nentries || m->blocks[b].line < m->entries[e].line)) {
			if (what == W_VOTES)
				put_motions(w, m, &m->blocks[b]);
			b++;
			continue;
		}
		{
			const struct mentry *x = &m->entries[e++];

			switch (what) {
			case W_DECISIONS:
				if (x->kind == MK_DECISION)
					put_entry(w, m, x);
				break;
			case W_ACTIONS:
				if (x->kind == MK_ACTION && (!open_only || !x->due || x->due >= on))
					put_entry(w, m, x);
				break;
			case W_VOTES:
				if (x->votes_for >= 0 || x->votes_against >= 0 || x->votes_abstain >= 0)
					put_entry(w, m, x);
				break;
			}
		}
	}
}

int
extract_run(char **files)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash, NULL };
	struct writer w;
	ess_day on = on_set ? on_day : today();

	if (!files || !files[0])
		files = stdin_only;
	/* Every file is read before anything is written: a bad one leaves
	 * no half list behind. */
	{
		size_t n = 0;
		struct minutes *ms;

		while (files[n])
			n++;
		ms = xcalloc(n, sizeof *ms);
		for (size_t i = 0; i < n; i++)
			minutes_read(&ms[i], files[i]);
		writer_open(&w, &cli.out);
		writer_columns(&w, cols, NCOLS);
		for (size_t i = 0; i < n; i++) {
			extract_one(&w, &ms[i], on);
			minutes_free(&ms[i]);
		}
		free(ms);
	}
	writer_close(&w);
	return ess_exit_status;
}
