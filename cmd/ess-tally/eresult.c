/*
 * eresult.c: an election's result in every output format.
 *
 * csv, tsv, jsonl, table and md print one table: the ranking
 * (rank,candidate, the method's columns, status when a candidate has
 * one), or with --rounds the rounds (round,candidate,votes,status,
 * transfer), or with --matrix the pairwise matrix (candidate, then a
 * column per candidate: the voters preferring the row's candidate to the
 * column's; Schulze adds a first column, matrix, "pairwise" or "paths" for
 * the strongest paths).  Tied ranks are written "1=".  table and md say
 * under it the rule, the unranked and tie rules, the ballots counted,
 * the winner or the tied winners, and every tie broken.  JSON is one
 * document with all of it and the SHA-256 of the input.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "election.h"
#include "tally.h"

static int
is_ranked_method(void)
{
	switch (eopt.method) {
	case EM_TWO_ROUND: case EM_BORDA: case EM_COPELAND: case EM_CONDORCET:
	case EM_SCHULZE: case EM_RANKED_PAIRS:
		return 1;
	default:
		return 0;
	}
}

static const char *
unranked_name(const struct election *e)
{
	if (!is_ranked_method() || e->given)
		return NULL;
	return eopt.unranked == UNRANKED_LAST ? "last" : "ignore";
}

static const char *
tie_name(void)
{
	static char s[48];

	switch (eopt.tie) {
	case TIE_RANDOM:
		snprintf(s, sizeof s, "random:%" PRIu64, eopt.tie_seed);
		return s;
	case TIE_ORDER:
		return "order";
	case TIE_PREVIOUS_ROUND:
		return "previous-round";
	default:
		return "none";
	}
}

static const char *
quota_name(void)
{
	static const char *const names[] = {
		[QUOTA_DROOP] = "droop", [QUOTA_DROOP_EXACT] = "droop-exact",
		[QUOTA_HARE] = "hare", [QUOTA_HB] = "hagenbach-bischoff",
	};

	return names[eopt.quota];
}

static void
rank_text(char *s, size_t n, const struct erank *k)
{
	snprintf(s, n, "%ld%s", k->rank, k->tied ? "=" : "");
}

static int
has_status(const struct eresult *r)
{
	for (size_t i = 0; i < r->nranking; i++)
		if (r->ranking[i].status)
			return 1;
	return 0;
}

/* A typed value as JSON: numbers as numbers, "" as null. */
static json_t *
json_value(const char *s, enum wtype t)
{
	char *end;

	if (!*s)
		return json_null();
	if (t == WT_INT || (t == WT_DEC && !strchr(s, '.'))) {
		long long v = strtoll(s, &end, 10);

		if (*end == '\0')
			return json_integer(v);
	} else if (t == WT_DEC) {
		double v = strtod(s, &end);

		if (*end == '\0')
			return json_real(v);
	}
	return json_string(s);
}

static json_t *
json_matrix(const struct election *e, const int64_t *m)
{
	json_t *a = json_array();

	for (size_t i = 0; i < e->nc; i++) {
		json_t *o = json_object();

		if (e->withdrawn && e->withdrawn[i])
			continue;
		json_object_set_new(o, "candidate", json_string(e->names[i]));
		for (size_t j = 0; j < e->nc; j++)
			if (!e->withdrawn || !e->withdrawn[j])
				json_object_set_new(o, e->names[j], i == j ? json_null() : json_integer(m[i * e->nc + j]));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
json_doc(const struct election *e, const struct eresult *r)
{
	json_t *doc = json_object(), *a, *c;
	const char *u = unranked_name(e);
	char hex[2 * SHA256_DIGEST_SIZE + 1];

	json_object_set_new(doc, "method", json_string(r->method));
	json_object_set_new(doc, "rule", json_string(r->rule ? r->rule : ""));
	json_object_set_new(doc, "unranked", u ? json_string(u) : json_null());
	json_object_set_new(doc, "tie_break", json_string(tie_name()));
	if (eopt.method == EM_SCHULZE || eopt.method == EM_RANKED_PAIRS)
		json_object_set_new(doc, "strength", json_string(eopt.strength == STRENGTH_MARGIN ? "margin" : "winning"));
	if (eopt.method == EM_STV) {
		json_object_set_new(doc, "seats", json_integer(eopt.seats ? eopt.seats : e->seats ? e->seats : 1));
		json_object_set_new(doc, "quota", json_string(quota_name()));
	}
	if (eopt.method == EM_BORDA)
		json_object_set_new(doc, "borda_start", json_integer(eopt.borda_start));
	if (eopt.method == EM_SCORE) {
		json_object_set_new(doc, "range_min", json_integer(eopt.range_lo));
		json_object_set_new(doc, "range_max", json_integer(eopt.range_hi));
	}
	if (eopt.default_option)
		json_object_set_new(doc, "default_option", json_string(eopt.default_option));
	if (eopt.nsupermajorities) {
		json_t *s = json_object();

		for (size_t i = 0; i < eopt.nsupermajorities; i++) {
			char t[48];

			snprintf(t, sizeof t, "%" PRId64 ":%" PRId64, eopt.supermajorities[i].num,
				eopt.supermajorities[i].den);
			json_object_set_new(s, eopt.supermajorities[i].option, json_string(t));
		}
		json_object_set_new(doc, "supermajorities", s);
	}
	if (e->title)
		json_object_set_new(doc, "title", json_string(e->title));
	json_object_set_new(doc, "format", e->format ? json_string(e->format) : json_null());
	c = json_object();
	json_object_set_new(c, "valid", json_integer(e->valid));
	json_object_set_new(c, "blank", json_integer(e->blank));
	json_object_set_new(c, "invalid", json_integer(e->invalid));
	json_object_set_new(doc, "ballots", c);
	tally_digest(hex);
	json_object_set_new(doc, "sha256", json_string(hex));
	json_object_set_new(doc, "tied_winners", json_boolean(r->tied_winners));
	json_object_set_new(doc, "winner_note", r->winner_note ? json_string(r->winner_note) : json_null());
	a = json_array();
	for (size_t i = 0; i < r->nranking; i++) {
		const struct erank *k = &r->ranking[i];
		json_t *o = json_object();

		json_object_set_new(o, "rank", json_integer(k->rank));
		json_object_set_new(o, "tied", json_boolean(k->tied));
		json_object_set_new(o, "candidate", json_string(elect_name(e, k->cand)));
		for (size_t j = 0; j < r->ncols; j++)
			json_object_set_new(o, r->cols[j].name, json_value(k->values[j], r->cols[j].type));
		if (k->status)
			json_object_set_new(o, "status", json_string(k->status));
		json_array_append_new(a, o);
	}
	json_object_set_new(doc, "ranking", a);
	if (r->nrounds) {
		a = json_array();
		for (size_t i = 0; i < r->nrounds; i++) {
			const struct eround *d = &r->rounds[i];
			json_t *o = json_object();

			json_object_set_new(o, "round", json_integer(d->round));
			json_object_set_new(o, "candidate", json_string(elect_name(e, d->cand)));
			json_object_set_new(o, "votes", json_value(d->votes, WT_DEC));
			json_object_set_new(o, "status", json_string(d->status ? d->status : ""));
			json_object_set_new(o, "transfer", json_string(d->transfer));
			json_array_append_new(a, o);
		}
		json_object_set_new(doc, "rounds", a);
	}
	if (r->matrix)
		json_object_set_new(doc, "matrix", json_matrix(e, r->matrix));
	if (r->paths)
		json_object_set_new(doc, "paths", json_matrix(e, r->paths));
	a = json_array();
	for (size_t i = 0; i < r->nties; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "what", json_string(r->ties[i].what));
		json_object_set_new(o, "chosen", json_string(r->ties[i].chosen));
		json_object_set_new(o, "rule", json_string(r->ties[i].rule));
		json_array_append_new(a, o);
	}
	json_object_set_new(doc, "ties", a);
	a = json_array();
	for (size_t i = 0; i < r->nnotes; i++)
		json_array_append_new(a, json_string(r->notes[i]));
	json_object_set_new(doc, "notes", a);
	return doc;
}

static void
write_ranking(struct writer *w, const struct election *e, const struct eresult *r)
{
	int status = has_status(r);
	size_t nc = 2 + r->ncols + (size_t)status;
	struct wcol *cols = xreallocarray(NULL, nc, sizeof *cols);
	const char **v = xreallocarray(NULL, nc, sizeof *v);
	char rank[32];

	cols[0] = (struct wcol){ "rank", WT_TEXT };
	cols[1] = (struct wcol){ "candidate", WT_TEXT };
	for (size_t j = 0; j < r->ncols; j++)
		cols[2 + j] = (struct wcol){ r->cols[j].name, r->cols[j].type };
	if (status)
		cols[nc - 1] = (struct wcol){ "status", WT_TEXT };
	writer_columns(w, cols, nc);
	for (size_t i = 0; i < r->nranking; i++) {
		const struct erank *k = &r->ranking[i];

		rank_text(rank, sizeof rank, k);
		v[0] = rank;
		v[1] = elect_name(e, k->cand);
		for (size_t j = 0; j < r->ncols; j++)
			v[2 + j] = k->values[j];
		if (status)
			v[nc - 1] = k->status ? k->status : "";
		writer_row(w, v);
	}
	free(v);
	free(cols);
}

static void
write_rounds(struct writer *w, const struct election *e, const struct eresult *r)
{
	static const struct wcol cols[] = {
		{ "round", WT_INT }, { "candidate", WT_TEXT }, { "votes", WT_DEC },
		{ "status", WT_TEXT }, { "transfer", WT_TEXT },
	};
	char round[32];
	const char *v[5];

	writer_columns(w, cols, 5);
	for (size_t i = 0; i < r->nrounds; i++) {
		const struct eround *d = &r->rounds[i];

		snprintf(round, sizeof round, "%ld", d->round);
		v[0] = round;
		v[1] = elect_name(e, d->cand);
		v[2] = d->votes;
		v[3] = d->status ? d->status : "";
		v[4] = d->transfer;
		writer_row(w, v);
	}
}

static void
matrix_rows(struct writer *w, const struct election *e, const int64_t *m, const char *label,
	size_t off, const char **v, char *cells)
{
	for (size_t i = 0; i < e->nc; i++) {
		size_t k = off;

		if (e->withdrawn && e->withdrawn[i])
			continue;
		if (off)
			v[0] = label;
		v[k++] = e->names[i];
		for (size_t j = 0; j < e->nc; j++) {
			char *s = cells + (k * 32);

			if (e->withdrawn && e->withdrawn[j])
				continue;
			if (i == j)
				s[0] = '\0';
			else
				snprintf(s, 32, "%" PRId64, m[i * e->nc + j]);
			v[k++] = s;
		}
		writer_row(w, v);
	}
}

static void
write_matrix(struct writer *w, const struct election *e, const struct eresult *r)
{
	size_t off = r->paths ? 1 : 0, n = off + 1;
	struct wcol *cols = xreallocarray(NULL, e->nc + 2, sizeof *cols);
	const char **v = xreallocarray(NULL, e->nc + 2, sizeof *v);
	char *cells = xcalloc(e->nc + 2, 32);

	if (off)
		cols[0] = (struct wcol){ "matrix", WT_TEXT };
	cols[off] = (struct wcol){ "candidate", WT_TEXT };
	for (size_t j = 0; j < e->nc; j++)
		if (!e->withdrawn || !e->withdrawn[j])
			cols[n++] = (struct wcol){ e->names[j], WT_INT };
	writer_columns(w, cols, n);
	if (r->matrix)
		matrix_rows(w, e, r->matrix, "pairwise", off, v, cells);
	if (r->paths)
		matrix_rows(w, e, r->paths, "paths", off, v, cells);
	free(cells);
	free(v);
	free(cols);
}

/* The lines said under a table. */
static void
write_notes(struct writer *w, const struct election *e, const struct eresult *r)
{
	const char *u = unranked_name(e);

	if (r->rule)
		writer_note(w, _("method: %s"), r->rule);
	if (u)
		writer_note(w, _("unranked candidates: %s"), u);
	if (e->given)
		writer_note(w, "%s", _("counted from a pairwise matrix"));
	writer_note(w, _("ties: %s"), eopt.tie == TIE_NONE ? _("reported, not broken") : tie_name());
	writer_note(w, _("ballots: %" PRId64 " valid, %" PRId64 " blank, %" PRId64 " invalid"),
		e->valid, e->blank, e->invalid);
	if (r->tied_winners && r->nranking) {
		struct buf b = BUF_INIT;
		long top = r->ranking[0].rank;

		for (size_t i = 0; i < r->nranking && r->ranking[i].rank == top; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", elect_name(e, r->ranking[i].cand));
		writer_note(w, _("tied winners: %s (no --tie-break given)"), b.data);
		buf_release(&b);
	} else if (r->nranking && r->ranking[0].rank == 1 && !r->ranking[0].tied &&
	    eopt.method != EM_STV) {
		writer_note(w, _("winner: %s"), elect_name(e, r->ranking[0].cand));
	}
	if (r->winner_note)
		writer_note(w, "%s", r->winner_note);
	for (size_t i = 0; i < r->nties; i++)
		writer_note(w, _("tie broken (%s): %s: %s"), r->ties[i].rule, r->ties[i].what, r->ties[i].chosen);
	for (size_t i = 0; i < r->nnotes; i++)
		writer_note(w, "%s", r->notes[i]);
}

void
eresult_write(const struct election *e, const struct eresult *r)
{
	struct writer w;

	writer_open(&w, &cli.out);
	if (w.format == OF_SVG) {
		eresult_svg(writer_file(&w), e, r);
	} else if (w.format == OF_JSON) {
		/* One document, built here; the writer prints it at close. */
		w.doc = json_doc(e, r);
	} else {
		if (eopt.rounds)
			write_rounds(&w, e, r);
		else if (eopt.matrix)
			write_matrix(&w, e, r);
		else
			write_ranking(&w, e, r);
		write_notes(&w, e, r);
	}
	writer_close(&w);
}
