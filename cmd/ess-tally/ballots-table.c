/*
 * ballots-table.c: ballots as rows of a table (CSV, TSV, JSON, JSON
 * Lines, through lib/table): the kind of table is told from its header
 * (see table_kind), then each row becomes a ballot.
 *
 *   long            voter,ranking        1,A>B=C>D        (ranking: classement)
 *   approval        voter,approved       1,A;C            (approved: approuvés)
 *   ranks           rank1,rank2,...      A,B=C,D          (rang1, choice1, choix1)
 *   candidates      A,B,C[,count]        1,3,2            (rank numbers; empty: unranked)
 *   approval        A,B,C                1,0,x            (1 x oui yes true / 0 non no false, empty)
 *   grades          A,B,C                bien,passable,5  (grade words or numbers)
 *   scores          A,B,C                7,3,10           (whole numbers)
 *   grade-counts    candidate,reject,poor,...,excellent   (counts per grade, worst first)
 *   matrix          ,A,B,C  then  A,-,5,3                (voters preferring row to column)
 */
#include <stdlib.h>
#include <string.h>

#include "ballots.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "text.h"

/* Columns that are never candidates. */
static const struct colspec specs[] = {
	{ "voter", "votant|electeur|elector|voter_id|id|ballot_id|bulletin_id", 0 },
	{ "count", "nombre|weight|poids|quantity|quantite", 0 },
	{ "ranking", "classement|preferences|ordre|order|ballot|bulletin", 0 },
	{ "approved", "approuve|approbations|approvals|approuves", 0 },
	/* What a form export adds beside the ballot: read, never counted. */
	{ "timestamp", "horodatage|submitted_at|date_de_soumission", 0 },
	{ "comment", "commentaire|remarque|remarques|comments|commentaires", 0 },
};
enum { C_VOTER, C_COUNT, C_RANKING, C_APPROVED, C_TIMESTAMP, C_COMMENT, NSPECS };

struct cell {
	uint32_t cand;
	int64_t rank;
	int field;
};

struct treader {
	struct breader r;
	struct table *t;
	enum bformat kind;
	int idx[NSPECS];
	long *colcand;		/* per field: the candidate, or -1 */
	int *rankcol;		/* ranks: the field of rank k + 1, or -1 */
	size_t nranks;
	struct cell *cells;
	size_t ncells, capcells;
	int scale;		/* grades: 'f', 'e', 'n' or 0 */
	unsigned char *done;	/* matrix: the rows read */
};

/* The rank number of a column "rank3", "Rang 3", "choice_3"..., or 0. */
static long
rank_column(const char *name)
{
	static const char *const prefixes[] = { "rank", "rang", "choice", "choix", "preference", "pref" };
	static struct buf k = BUF_INIT;

	buf_reset(&k);
	text_fold_key(&k, name, strlen(name));
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t m = strlen(prefixes[i]);

		if (strncmp(k.data, prefixes[i], m) == 0 && k.len > m && k.len - m < 6 &&
		    strspn(k.data + m, "0123456789") == k.len - m && k.data[m] != '0')
			return atol(k.data + m);
	}
	return 0;
}

/* A first column that names candidates (grade counts, a matrix). */
static int
is_candidate_column(const char *name)
{
	static const char *const names[] = { "", "candidate", "candidat", "option", "choice", "choix" };
	static struct buf k = BUF_INIT;

	buf_reset(&k);
	text_fold_key(&k, name, strlen(name));
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(k.data, names[i]) == 0)
			return 1;
	return 0;
}

/* Every column after the first a grade word or a number: grade counts. */
static int
grade_header(const struct table *t)
{
	int g, sc;

	if (t->ncols < 2)
		return 0;
	for (size_t i = 1; i < t->ncols; i++) {
		const char *s = t->cols[i];
		size_t n = strlen(s);

		if (!(n > 0 && strspn(s, "0123456789") == n) && !grade_word(s, n, &g, &sc))
			return 0;
	}
	return 1;
}

/* The candidate columns' kind when the header does not say it: from
 * the method. */
static enum bformat
columns_kind(void)
{
	switch (eopt.method) {
	case EM_APPROVAL:
		return BF_APPROVAL;
	case EM_SCORE:
		return BF_SCORES;
	case EM_MJ:
		return BF_GRADES;
	default:
		return BF_CANDIDATES;
	}
}

/*
 * The kind of table, in this order: a "ranking" column: long rankings;
 * an "approved" column: approval lists; columns "rank1", "rank2"...:
 * rank columns; a first column named "candidate" (or unnamed) and every
 * other a grade word or a number: grade counts; a first column so named
 * otherwise: a pairwise matrix; else one column per candidate, whose
 * cells are rank numbers, approvals, scores or grades as the method
 * wants (approval, score, majority-judgment; ranks for the others).
 * -i forces the kind; "-i approval" and "-i grades" then read candidate
 * columns unless an "approved" column is there.
 */
static enum bformat
table_kind(struct treader *tr, enum bformat forced)
{
	struct table *t = tr->t;
	int has_rank = 0;

	for (size_t i = 0; i < t->ncols; i++)
		if (rank_column(t->cols[i]) > 0)
			has_rank = 1;
	switch (forced) {
	case BF_LONG:
		if (tr->idx[C_RANKING] < 0)
			table_die_header(t, _("long ballots need a 'ranking' column (classement)"));
		return BF_LONG;
	case BF_RANKS:
		if (!has_rank)
			table_die_header(t, _("rank columns are named rank1, rank2... (rang1, rang2...)"));
		return BF_RANKS;
	case BF_APPROVAL:
		return BF_APPROVAL;
	case BF_CANDIDATES: case BF_GRADES: case BF_SCORES: case BF_GRADE_COUNTS: case BF_MATRIX:
		return forced;
	default:
		break;
	}
	if (tr->idx[C_RANKING] >= 0)
		return BF_LONG;
	if (tr->idx[C_APPROVED] >= 0)
		return BF_APPROVAL;
	if (has_rank)
		return BF_RANKS;
	if (t->ncols >= 2 && is_candidate_column(t->cols[0]))
		return grade_header(t) ? BF_GRADE_COUNTS : BF_MATRIX;
	return columns_kind();
}

/* Every column that is not voter, count, timestamp or comment is a
 * candidate, declared. */
static void
candidate_columns(struct treader *tr)
{
	struct table *t = tr->t;
	struct election *e = tr->r.e;

	tr->colcand = xreallocarray(NULL, t->ncols, sizeof *tr->colcand);
	for (size_t i = 0; i < t->ncols; i++) {
		tr->colcand[i] = -1;
		if ((int)i == tr->idx[C_VOTER] || (int)i == tr->idx[C_COUNT] ||
		    (int)i == tr->idx[C_TIMESTAMP] || (int)i == tr->idx[C_COMMENT])
			continue;
		tr->colcand[i] = election_candidate(e, t->cols[i], strlen(t->cols[i]));
		if (tr->colcand[i] < 0) {
			static struct buf msg = BUF_INIT;	/* static: see ballots_abort */

			buf_reset(&msg);
			buf_printf(&msg, _("column '%s' is not one of the candidates of --candidates"),
				t->cols[i]);
			table_die_header(t, msg.data);
		}
	}
	e->declared = 1;
}

/* The weight of a row: its count column, or 1.  0 when it is wrong
 * (reported). */
static int64_t
row_weight(struct treader *tr, const struct row *row)
{
	size_t len;
	char *s;
	int64_t w;

	if (tr->idx[C_COUNT] < 0)
		return 1;
	s = row_field(row, tr->idx[C_COUNT], &len);
	if (len == 0)
		return 1;
	if (num_parse_int(s, &w) != 0 || w < 1) {
		tr->r.b.field = tr->idx[C_COUNT];
		tr->r.b.weight = 0;
		ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX, _("count '%s' is not a positive whole number"), s);
		return 0;
	}
	return w;
}

static void
start_row(struct treader *tr, enum bkind kind, const struct row *row)
{
	breader_start(&tr->r, kind, row->line, 0);
	tr->r.b.t = tr->t;
	tr->r.b.row = row;
}

/* A candidate's name at s (len bytes) in field: its number, or -1
 * (reported, the ballot counted invalid). */
static long
lookup(struct treader *tr, const char *s, size_t len, int field)
{
	long c = election_candidate(tr->r.e, s, len);

	if (c < 0) {
		tr->r.b.field = field;
		ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX, _("unknown candidate '%.*s'"), (int)len, s);
	}
	return c;
}

/* Trims spaces and tabs around [*s, *e). */
static void
trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/*
 * "A>B=C>D" into the ballot at level (the next level for the first
 * name), each name with field; returns the last level used, or 0 after
 * reporting a problem.  An empty text adds nothing.
 */
static uint32_t
parse_ranking(struct treader *tr, const char *s, size_t len, uint32_t level, int field)
{
	const char *p = s, *end = s + len;

	if (len == 0)
		return level - 1;
	for (;;) {
		const char *q = p, *ns, *ne;
		long c;

		while (q < end && *q != '>' && *q != '=')
			q++;
		ns = p;
		ne = q;
		trim(&ns, &ne);
		if (ns == ne) {
			tr->r.b.field = field;
			ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
				_("empty name in ranking '%.*s' (names are separated by '>' or '=')"),
				(int)len, s);
			return 0;
		}
		c = lookup(tr, ns, (size_t)(ne - ns), field);
		if (c < 0)
			return 0;
		breader_push(&tr->r, (uint32_t)c, level, 0, 0, field);
		if (q == end)
			return level;
		if (*q == '>')
			level++;
		p = q + 1;
	}
}

static void
row_long(struct treader *tr, const struct row *row)
{
	size_t len;
	char *s;

	start_row(tr, BK_RANKED, row);
	if (!(tr->r.b.weight = row_weight(tr, row)))
		return;
	tr->r.b.field = tr->idx[C_RANKING];
	s = row_field(row, tr->idx[C_RANKING], &len);
	if (parse_ranking(tr, s, len, 1, tr->idx[C_RANKING]) == 0 && len > 0)
		return;
	tr->r.b.field = tr->idx[C_RANKING];
	election_add(tr->r.e, &tr->r.b);
}

static void
row_approved(struct treader *tr, const struct row *row)
{
	int f = tr->idx[C_APPROVED];
	const char *p, *end;
	size_t len;

	start_row(tr, BK_APPROVAL, row);
	if (!(tr->r.b.weight = row_weight(tr, row)))
		return;
	p = row_field(row, f, &len);
	end = p + len;
	while (p < end) {
		const char *q = memchr(p, ';', (size_t)(end - p)), *ns = p, *ne;
		long c;

		if (!q)
			q = end;
		ne = q;
		trim(&ns, &ne);
		if (ns < ne) {
			if ((c = lookup(tr, ns, (size_t)(ne - ns), f)) < 0)
				return;
			breader_push(&tr->r, (uint32_t)c, 1, 1, 0, f);
		}
		p = q + (q < end);
	}
	tr->r.b.field = f;
	election_add(tr->r.e, &tr->r.b);
}

static void
row_ranks(struct treader *tr, const struct row *row)
{
	uint32_t level = 0;
	int gap_at = -1;	/* the first empty rank */

	start_row(tr, BK_RANKED, row);
	if (!(tr->r.b.weight = row_weight(tr, row)))
		return;
	for (size_t k = 0; k < tr->nranks; k++) {
		int f = tr->rankcol[k];
		size_t len;
		char *s = f < 0 ? row_empty : row_field(row, f, &len);

		if (f < 0 || len == 0) {
			if (gap_at < 0)
				gap_at = (int)k;
			continue;
		}
		if (gap_at >= 0) {
			tr->r.b.field = f;
			ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
				_("rank %zu is filled but rank %d is empty: the ranks leave a gap"),
				k + 1, gap_at + 1);
			return;
		}
		if ((level = parse_ranking(tr, s, len, level + 1, f)) == 0)
			return;
	}
	election_add(tr->r.e, &tr->r.b);
}

static int
cell_cmp(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->field < y->field ? -1 : x->field > y->field;
}

/* An approval cell: 1 approved, 0 not, -1 neither. */
static int
approval_value(const char *s, size_t len)
{
	static const char *const yes[] = { "1", "x", "oui", "o", "yes", "y", "true", "vrai" };
	static const char *const no[] = { "0", "non", "n", "no", "false", "faux", "-" };
	static struct buf f = BUF_INIT;

	if (len == 0)
		return 0;
	buf_reset(&f);
	text_fold(&f, s, len);
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(f.data, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcmp(f.data, no[i]) == 0)
			return 0;
	return -1;
}

/* Rank numbers into levels: 1,2,2,3 (dense) and 1,2,2,4 (competition,
 * as spreadsheets rank) both give levels 1,2,2,3; a rank that is
 * neither leaves a gap. */
static int
cells_to_ballot(struct treader *tr)
{
	uint32_t level = 0;
	int64_t prev = 0;

	if (tr->ncells > 1)
		qsort(tr->cells, tr->ncells, sizeof *tr->cells, cell_cmp);
	for (size_t i = 0; i < tr->ncells; i++) {
		struct cell *c = &tr->cells[i];

		if (c->rank != prev) {
			if (c->rank != prev + 1 && c->rank != (int64_t)i + 1) {
				tr->r.b.field = c->field;
				ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
					_("'%s' is ranked %lld but no candidate is ranked %lld: the ranks leave a gap"),
					tr->r.e->names[c->cand], (long long)c->rank, (long long)prev + 1);
				return -1;
			}
			level++;
			prev = c->rank;
		}
		breader_push(&tr->r, c->cand, level, 0, 0, c->field);
	}
	return 0;
}

static void
row_columns(struct treader *tr, const struct row *row)
{
	struct table *t = tr->t;
	enum bkind kind = tr->kind == BF_APPROVAL ? BK_APPROVAL : tr->kind == BF_GRADES ? BK_GRADE
		: tr->kind == BF_SCORES ? BK_SCORE : BK_RANKED;

	start_row(tr, kind, row);
	if (!(tr->r.b.weight = row_weight(tr, row)))
		return;
	tr->ncells = 0;
	if (kind == BK_GRADE && !tr->scale) {
		/* the scale from a word only one of them has */
		for (size_t i = 0; i < t->ncols && !tr->scale; i++) {
			size_t len;
			const char *s;
			int g, sc;

			if (tr->colcand[i] < 0)
				continue;
			s = row_field(row, (int)i, &len);
			if (grade_word(s, len, &g, &sc) && sc)
				tr->scale = sc;
		}
	}
	for (size_t i = 0; i < t->ncols; i++) {
		long c = tr->colcand[i];
		size_t len;
		const char *s;
		int64_t v;
		int a;

		if (c < 0)
			continue;
		s = row_field(row, (int)i, &len);
		if (len == 0)
			continue;
		tr->r.b.field = (int)i;
		switch (kind) {
		case BK_APPROVAL:
			if ((a = approval_value(s, len)) < 0) {
				ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
					_("'%s' is neither 1 (approved: x, oui, yes) nor 0 (non, no)"), s);
				return;
			}
			if (a)
				breader_push(&tr->r, (uint32_t)c, 1, 1, 0, (int)i);
			break;
		case BK_GRADE:
			if ((a = grade_parse(tr->r.e, s, len, &tr->scale)) < 0) {
				ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
					_("'%s' is not a grade (%s, or a number from 0)"), s,
					tr->scale == 'e' ? "reject, poor, fair, good, very good, excellent"
					: "à rejeter, insuffisant, passable, assez bien, bien, très bien, excellent");
				return;
			}
			breader_push(&tr->r, (uint32_t)c, 1, a, 0, (int)i);
			break;
		case BK_SCORE:
			if (num_parse_int(s, &v) != 0 || v < -1000000000 || v > 1000000000) {
				ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX, _("score '%s' is not a whole number"), s);
				return;
			}
			breader_push(&tr->r, (uint32_t)c, 1, (int32_t)v, 0, (int)i);
			break;
		case BK_RANKED:
			if (num_parse_int(s, &v) != 0 || v < 1 || v > 1000000) {
				ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
					_("rank '%s' is not a whole number of at least 1 (approvals, scores and grades need --method=approval, score or majority-judgment)"),
					s);
				return;
			}
			if (tr->ncells == tr->capcells) {
				tr->capcells = tr->capcells ? 2 * tr->capcells : 16;
				tr->cells = xreallocarray(tr->cells, tr->capcells, sizeof *tr->cells);
			}
			tr->cells[tr->ncells++] = (struct cell){ (uint32_t)c, v, (int)i };
			break;
		}
	}
	if (kind == BK_RANKED && cells_to_ballot(tr) < 0)
		return;
	tr->r.b.field = -1;
	election_add(tr->r.e, &tr->r.b);
}

/* ------------------------------------------------------------ grade counts */

static void
grade_count_header(struct treader *tr)
{
	struct table *t = tr->t;
	struct election *e = tr->r.e;
	size_t n = t->ncols - 1;
	int prev = -1, known = 1, g, sc;

	if (n < 1)
		table_die_header(t, _("grade counts need a column per grade after the candidates"));
	for (size_t i = 1; i < t->ncols; i++) {
		const char *s = t->cols[i];
		size_t len = strlen(s);

		if (strspn(s, "0123456789") == len && len > 0)
			g = atoi(s);
		else if (!grade_word(s, len, &g, &sc))
			known = 0;
		else if (g < 0)
			g = 99;	/* excellent: the best */
		if (known && g <= prev)
			table_die_header(t, _("the grade columns must go from the worst grade to the best"));
		prev = g;
	}
	if (e->ngrades) {
		int same = e->ngrades == n;

		for (size_t i = 0; same && i < n; i++)
			same = strcmp(e->grades[i], t->cols[i + 1]) == 0;
		if (!same)
			table_die_header(t, _("these grades differ from those of the files before"));
		return;
	}
	e->grades = xreallocarray(NULL, n, sizeof *e->grades);
	for (size_t i = 0; i < n; i++)
		e->grades[i] = xstrdup(t->cols[i + 1]);
	e->ngrades = n;
}

/* One candidate's counts: one ballot per grade, weighted by its count,
 * naming that candidate alone.  Returns the candidate's total. */
static int64_t
row_grade_counts(struct treader *tr, const struct row *row)
{
	struct table *t = tr->t;
	size_t len;
	const char *s = row_field(row, 0, &len);
	int64_t total = 0, v;
	long c;

	start_row(tr, BK_GRADE, row);
	if ((c = lookup(tr, s, len, 0)) < 0)
		return 0;
	for (size_t i = 1; i < t->ncols; i++) {
		s = row_field(row, (int)i, &len);
		if (len == 0)
			continue;
		if (num_parse_int(s, &v) != 0 || v < 0) {
			tr->r.b.field = (int)i;
			ballot_fail(tr->r.e, &tr->r.b, SIZE_MAX,
				_("count '%s' is not a whole number of at least 0"), s);
			return total;
		}
		if (v == 0)
			continue;
		start_row(tr, BK_GRADE, row);
		tr->r.b.weight = v;
		tr->r.b.field = (int)i;
		breader_push(&tr->r, (uint32_t)c, 1, (int32_t)(i - 1), 0, (int)i);
		if (election_add(tr->r.e, &tr->r.b) == 0 && total <= INT64_MAX - v)
			total += v;
	}
	return total;
}

/* ------------------------------------------------------------ matrix */

static void
read_matrix(struct treader *tr)
{
	struct table *t = tr->t;
	struct election *e = tr->r.e;
	size_t nc;
	unsigned char *done;
	struct row *row;
	int64_t most = 0;

	for (size_t i = 1; i < t->ncols; i++)
		if (election_candidate(e, t->cols[i], strlen(t->cols[i])) < 0) {
			static struct buf msg = BUF_INIT;	/* static: see ballots_abort */

			buf_reset(&msg);
			buf_printf(&msg, _("column '%s' is not one of the candidates of --candidates"),
				t->cols[i]);
			table_die_header(t, msg.data);
		}
	nc = e->nc;
	if (e->given)
		table_die_header(t, _("only one pairwise matrix can be read"));
	e->given = xcalloc(nc * nc, sizeof *e->given);
	done = tr->done = xcalloc(nc, 1);
	tr->colcand = xreallocarray(NULL, t->ncols, sizeof *tr->colcand);
	for (size_t i = 1; i < t->ncols; i++)
		tr->colcand[i] = election_candidate(e, t->cols[i], strlen(t->cols[i]));
	while ((row = table_next(t))) {
		size_t len;
		const char *s = row_field(row, 0, &len);
		long a = map_find(&e->index, s, len);

		int found = 0;

		for (size_t j = 1; j < t->ncols && a >= 0; j++)
			found |= tr->colcand[j] == a;
		if (!found) {
			table_reject(t, row, 0, _("'%s' is not a column of the matrix"), s);
			continue;
		}
		if (done[a]) {
			table_reject(t, row, 0, _("'%s' has a row already"), s);
			continue;
		}
		done[a] = 1;
		for (size_t j = 1; j < t->ncols; j++) {
			long b = tr->colcand[j];
			int64_t v;

			s = row_field(row, (int)j, &len);
			if (b == a) {
				if (len && strcmp(s, "-") != 0 && strcmp(s, "0") != 0) {
					table_reject(t, row, (int)j,
						_("'%s' against itself must be empty or '-', not '%s'"),
						e->names[a], s);
					break;
				}
				continue;
			}
			if (num_parse_int(s, &v) != 0 || v < 0) {
				table_reject(t, row, (int)j,
					_("'%s' is not a number of voters (a whole number of at least 0)"), s);
				break;
			}
			e->given[(size_t)a * nc + (size_t)b] = v;
		}
	}
	for (size_t a = 0; a < nc; a++) {
		for (size_t b = a + 1; b < nc; b++) {
			int64_t s = e->given[a * nc + b] + e->given[b * nc + a];

			if (s > most)
				most = s;
		}
		if (!done[a])
			ess_die_at(EX_DATAERR, t->name, 0, 0, _("candidate '%s' has no row in the matrix"),
				e->names[a]);
	}
	e->valid += most;
}

/* ------------------------------------------------------------ the table */

/* Frees the table reader's state (also after a fatal error caught). */
static void
table_reader_free(void *arg)
{
	struct treader *tr = arg;

	table_close(tr->t);
	free(tr->colcand);
	free(tr->rankcol);
	free(tr->cells);
	free(tr->done);
	breader_release(&tr->r);
	memset(tr, 0, sizeof *tr);
}

void
read_table(struct election *e, struct input *in, enum bformat forced)
{
	static struct treader tr;
	struct table_opts o = cli.in;
	struct row *row;
	int64_t most = 0, before = e->valid;

	memset(&tr, 0, sizeof tr);
	breader_init(&tr.r, e, in->name);
	ballots_guard(table_reader_free, &tr);
	o.keep_going = ballots_keep_going();
	table_open_input(in, &o, &tr.t);
	tr.r.name = tr.t->name;
	table_resolve(tr.t, specs, NSPECS, tr.idx);
	tr.kind = table_kind(&tr, forced);
	e->format = bformat_names[tr.kind];
	switch (tr.kind) {
	case BF_LONG:
		while ((row = table_next(tr.t)))
			row_long(&tr, row);
		break;
	case BF_APPROVAL:	/* a list, or one column per candidate */
		if (tr.idx[C_APPROVED] >= 0) {
			while ((row = table_next(tr.t)))
				row_approved(&tr, row);
			break;
		}
		/* FALLTHROUGH */
	case BF_CANDIDATES: case BF_GRADES: case BF_SCORES:
		candidate_columns(&tr);
		while ((row = table_next(tr.t)))
			row_columns(&tr, row);
		break;
	case BF_RANKS:
		for (size_t i = 0; i < tr.t->ncols; i++) {
			long k = rank_column(tr.t->cols[i]);

			if (k <= 0)
				continue;
			if ((size_t)k > tr.nranks) {
				tr.rankcol = xreallocarray(tr.rankcol, (size_t)k, sizeof *tr.rankcol);
				while (tr.nranks < (size_t)k)
					tr.rankcol[tr.nranks++] = -1;
			}
			if (tr.rankcol[k - 1] >= 0) {
				static struct buf msg = BUF_INIT;	/* static: see ballots_abort */

				buf_reset(&msg);
				buf_printf(&msg, _("two columns are rank %ld"), k);
				table_die_header(tr.t, msg.data);
			}
			tr.rankcol[k - 1] = (int)i;
		}
		while ((row = table_next(tr.t)))
			row_ranks(&tr, row);
		break;
	case BF_GRADE_COUNTS:
		grade_count_header(&tr);
		while ((row = table_next(tr.t))) {
			int64_t total = row_grade_counts(&tr, row);

			if (total > most)
				most = total;
		}
		/* the voters: the most judgments a candidate had */
		e->valid = before + most;
		break;
	case BF_MATRIX:
		read_matrix(&tr);
		break;
	default:
		ess_die(EX_SOFTWARE, "ballot format %d is not a table", (int)tr.kind);
	}
	ballots_guard(NULL, NULL);
	table_reader_free(&tr);
}
