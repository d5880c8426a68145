/*
 * motion.c: general-assembly motions: for, against, abstain, blank or
 * spoiled, in person or by proxy, against a majority rule on a base and a
 * quorum.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "map.h"
#include "num.h"
#include "tally.h"
#include "text.h"
#include "vocab.h"

enum { M_MOTION, M_LABEL, M_VOTE, M_VOTER, M_PROXY, M_WEIGHT, M_FOR, M_AGAINST, M_ABSTAIN, M_BLANK, M_N };

static const struct colspec cols[M_N] = {
	[M_MOTION] = { "motion", "resolution|question|point|objet|item|n°|no|numero", 0 },
	[M_LABEL] = { "label", "libelle|intitule|titre|title|texte|text", 0 },
	[M_VOTE] = { "vote", "choix|choice|avis|reponse|bulletin", 0 },
	[M_VOTER] = { "voter", "votant|votante|membre|member|adherent|nom|name", 0 },
	[M_PROXY] = { "proxy_for", "pour le compte de|mandant|pouvoir de|procuration de|on behalf of|represente", 0 },
	[M_WEIGHT] = { "weight", "poids|voix|nombre de voix|nb voix", 0 },
	[M_FOR] = { "for", "pour|oui|yes", 0 },
	[M_AGAINST] = { "against", "contre|non", 0 },
	[M_ABSTAIN] = { "abstain", "abstention|abstentions", 0 },
	[M_BLANK] = { "blank", "blanc|blancs|nul|nuls|blancs et nuls|spoiled|blank or spoiled", 0 },
};

enum ballot { B_FOR, B_AGAINST, B_ABSTAIN, B_BLANK, B_BAD };

/* Ballot values, folded (see vocab.h). */
static const struct vocab_word ballot_words[] = {
	{ "for", B_FOR }, { "pour", B_FOR }, { "oui", B_FOR }, { "yes", B_FOR }, { "+", B_FOR },
	{ "against", B_AGAINST }, { "contre", B_AGAINST }, { "non", B_AGAINST },
	{ "no", B_AGAINST }, { "-", B_AGAINST },
	{ "abstain", B_ABSTAIN }, { "abstention", B_ABSTAIN }, { "abstentions", B_ABSTAIN },
	{ "blank", B_BLANK }, { "blanc", B_BLANK }, { "vide", B_BLANK },
	{ "spoiled", B_BLANK }, { "nul", B_BLANK }, { "nulle", B_BLANK }, { "invalid", B_BLANK },
	{ NULL, 0 },
};

struct motion {
	char *id;
	char *label;
	int64_t n[4];		/* for, against, abstain, blank and spoiled */
};

struct motions {
	struct map by_id;
	struct vocab ballots_vocab;	/* ballot values -> for, against... */
	struct motion *m;
	size_t nm;
	struct map ballots;	/* "motion\x1Fmember": one ballot each */
	struct map present;	/* voters seen */
	struct map represented;	/* proxy_for seen */
	struct map holders;	/* holder -> proxies */
	long *held;
	size_t heldcap;
	struct map proxies;	/* "holder\x1Fmandant" */
	unsigned char *refused;	/* by proxy */
	size_t paircap;
	int saw_voters;
	int64_t ballots_total;
	long rows, rejected;
	struct buf key;
};

static struct motion *
motion_of(struct motions *ms, const char *id, const char *label)
{
	int added;
	size_t i = map_put(&ms->by_id, id, strlen(id), &added);

	if (added) {
		ms->m = xreallocarray(ms->m, i + 1, sizeof *ms->m);
		memset(&ms->m[i], 0, sizeof ms->m[i]);
		ms->m[i].id = xstrdup(id);
		ms->m[i].label = xstrdup(label);
		ms->nm = i + 1;
	} else if (*label && !*ms->m[i].label) {
		free(ms->m[i].label);
		ms->m[i].label = xstrdup(label);
	}
	return &ms->m[i];
}

/* A proxy's holder and mandant: accepted, or refused over --max-proxies
 * (then every ballot cast with it is refused, on every motion). */
static int
check_proxy(struct motions *ms, struct table *t, const struct row *r, const int *idx,
	const char *voter, const char *mandant)
{
	int added;
	size_t pair, h;

	buf_reset(&ms->key);
	buf_printf(&ms->key, "%s\x1F%s", voter, mandant);
	pair = map_put(&ms->proxies, ms->key.data, ms->key.len, &added);
	if (added) {
		if (pair >= ms->paircap) {
			ms->paircap = ms->paircap ? ms->paircap * 2 : 32;
			ms->refused = xreallocarray(ms->refused, ms->paircap, 1);
		}
		h = map_put(&ms->holders, voter, strlen(voter), &added);
		if (h >= ms->heldcap) {
			ms->heldcap = ms->heldcap ? ms->heldcap * 2 : 32;
			ms->held = xreallocarray(ms->held, ms->heldcap, sizeof *ms->held);
		}
		if (added)
			ms->held[h] = 0;
		ms->refused[pair] = topt.max_proxies >= 0 && ms->held[h] >= topt.max_proxies;
		if (!ms->refused[pair])
			ms->held[h]++;
	}
	if (ms->refused[pair]) {
		table_reject(t, r, idx[M_PROXY],
			_("'%s' already holds the most proxies allowed (--max-proxies=%ld): the proxy of '%s' is refused"),
			voter, topt.max_proxies, mandant);
		return -1;
	}
	return 0;
}

/* Records who votes for whom; -1 when the row is rejected. */
static int
check_ballot(struct motions *ms, struct table *t, const struct row *r, const int *idx,
	const char *motion, const char *voter, const char *mandant)
{
	const char *owner = *mandant ? mandant : voter;
	int added;

	if (*mandant && strcmp(mandant, voter) == 0) {
		table_reject(t, r, idx[M_PROXY], _("'%s' holds their own proxy"), voter);
		return -1;
	}
	if (*mandant && check_proxy(ms, t, r, idx, voter, mandant) != 0)
		return -1;
	buf_reset(&ms->key);
	buf_printf(&ms->key, "%s\x1F%s", motion, owner);
	map_put(&ms->ballots, ms->key.data, ms->key.len, &added);
	if (!added) {
		table_reject(t, r, *mandant ? idx[M_PROXY] : idx[M_VOTER],
			_("'%s' votes twice on motion '%s'"), owner, motion);
		return -1;
	}
	map_put(&ms->present, voter, strlen(voter), NULL);
	if (*mandant)
		map_put(&ms->represented, mandant, strlen(mandant), NULL);
	return 0;
}

/* The motion a row is about (its label when it has no number), and its
 * label; NULL when it names none (the row is rejected). */
static char *
motion_id(struct table *t, const struct row *r, const int *idx, char **label)
{
	size_t len;
	char *id = row_field(r, idx[M_MOTION], &len);

	*label = row_field(r, idx[M_LABEL], &len);
	if (!*id)
		id = *label;
	if (!*id) {
		table_reject(t, r, idx[M_MOTION] >= 0 ? idx[M_MOTION] : idx[M_LABEL], "%s", _("no motion"));
		return NULL;
	}
	return id;
}

static void
read_long(struct motions *ms, struct table *t, const int *idx)
{
	struct row *r;

	ms->saw_voters |= idx[M_VOTER] >= 0;
	while ((r = table_next(t))) {
		size_t len;
		char *label, *id = motion_id(t, r, idx, &label);
		char *voter = row_field(r, idx[M_VOTER], &len);
		char *mandant = row_field(r, idx[M_PROXY], &len);
		char *ws = row_field(r, idx[M_WEIGHT], &len);
		enum ballot b = (enum ballot)vocab_class(&ms->ballots_vocab, r->f[idx[M_VOTE]],
			r->len[idx[M_VOTE]]);
		int64_t weight = 1;
		struct motion *m;

		if (!id)
			continue;
		if (b == B_BAD) {
			table_reject(t, r, idx[M_VOTE],
				_("vote '%s' is neither for, against, abstain, blank nor spoiled"), r->f[idx[M_VOTE]]);
			continue;
		}
		if (*ws && (num_parse_int(ws, &weight) != 0 || weight <= 0)) {
			table_reject(t, r, idx[M_WEIGHT], _("weight '%s' is not a whole number above 0"), ws);
			continue;
		}
		if (*mandant && !*voter) {
			table_reject(t, r, idx[M_VOTER], _("a proxy vote for '%s' without the voter who holds it"),
				mandant);
			continue;
		}
		if (*voter && check_ballot(ms, t, r, idx, id, voter, mandant) != 0)
			continue;
		m = motion_of(ms, id, label);
		if (num_add(m->n[b], weight, &m->n[b]) != 0 ||
		    num_add(ms->ballots_total, weight, &ms->ballots_total) != 0) {
			table_reject(t, r, idx[M_WEIGHT], "%s", _("the count overflows"));
			continue;
		}
	}
}

static void
read_wide(struct motions *ms, struct table *t, const int *idx)
{
	static const int which[4] = { M_FOR, M_AGAINST, M_ABSTAIN, M_BLANK };
	struct row *r;

	while ((r = table_next(t))) {
		size_t len;
		char *label, *id = motion_id(t, r, idx, &label);
		int64_t n[4] = { 0, 0, 0, 0 }, sum = 0;
		int ok = 1;
		struct motion *m;

		if (!id)
			continue;
		for (int k = 0; k < 4 && ok; k++) {
			char *s;

			if (idx[which[k]] < 0)
				continue;
			s = row_field(r, idx[which[k]], &len);
			if (*s && (num_parse_int(s, &n[k]) != 0 || n[k] < 0)) {
				table_reject(t, r, idx[which[k]],
					_("%s count '%s' is not a whole number of at least 0"), cols[which[k]].name, s);
				ok = 0;
			}
		}
		if (!ok)
			continue;
		m = motion_of(ms, id, label);
		for (int k = 0; k < 4 && ok; k++)
			if (num_add(m->n[k], n[k], &m->n[k]) != 0 || num_add(sum, n[k], &sum) != 0)
				ok = 0;
		if (!ok || num_add(ms->ballots_total, sum, &ms->ballots_total) != 0)
			table_reject(t, r, -1, "%s", _("the count overflows"));
	}
}

static void
read_file(struct motions *ms, const char *path)
{
	struct table *t = table_open(path, &cli.in);
	int idx[M_N];

	table_resolve(t, cols, M_N, idx);
	if (idx[M_MOTION] < 0 && idx[M_LABEL] < 0 && t->ncols)
		table_die_header(t, _("no 'motion' column (also read as resolution, question, point) and no 'label' column"));
	if (idx[M_VOTE] >= 0 && (idx[M_FOR] >= 0 || idx[M_AGAINST] >= 0))
		table_die_header(t, _("both a 'vote' column and 'for'/'against' count columns: use one form or the other"));
	if (idx[M_VOTE] >= 0)
		read_long(ms, t, idx);
	else if (idx[M_FOR] >= 0 || idx[M_AGAINST] >= 0)
		read_wide(ms, t, idx);
	else if (t->ncols)
		table_die_header(t, _("no 'vote' column (also read as choix, avis) and no 'for'/'against' columns (pour, contre)"));
	ms->rows += t->rows;
	ms->rejected += t->rejected;
	table_close(t);
}

static const char *
base_name(void)
{
	static const char *const names[] = { "expressed", "cast", "present", "eligible" };

	return names[topt.base];
}

/* The majority rule, in English for JSON (stable) or translated for the notes. */
static void
majority_rule(struct buf *b, int translate)
{
#define TR(s) (translate ? _(s) : (s))
	switch (topt.majority) {
	case MAJ_SIMPLE:
		buf_adds(b, TR(N_("simple majority: more for than against")));
		break;
	case MAJ_ABSOLUTE:
		buf_printf(b, TR(N_("absolute majority: more than half of the votes (base: %s)")), base_name());
		break;
	case MAJ_FRACTION:
		if (topt.maj_den == 1000)
			buf_printf(b, TR(N_("for >= %s of the votes (base: %s); exactly reaching it adopts")),
				topt.majority_text, base_name());
		else
			buf_printf(b, TR(N_("for >= %" PRId64 "/%" PRId64 " of the votes (base: %s); exactly reaching it adopts")),
				topt.maj_num, topt.maj_den, base_name());
		break;
	}
#undef TR
}


int
tally_motions(void)
{
	struct motions ms;
	static char dash[] = "-";
	char *stdin_only[] = { dash, NULL };
	char **files = topt.files && *topt.files ? topt.files : stdin_only;
	long present, represented, attendance = -1, quorum_needed = -1;
	int quorum_met = 1;
	struct writer w;
	struct buf rule = BUF_INIT, rule_tr = BUF_INIT;
	json_t *inputs = json_array();
	char hex[SHA256_DIGEST_SIZE * 2 + 1];
	static const struct wcol wc[] = {
		{ "motion", WT_TEXT }, { "label", WT_TEXT }, { "for", WT_INT }, { "against", WT_INT },
		{ "abstain", WT_INT }, { "blank", WT_INT }, { "cast", WT_INT }, { "base", WT_INT },
		{ "threshold", WT_TEXT }, { "needed", WT_INT }, { "result", WT_TEXT },
	};

	memset(&ms, 0, sizeof ms);
	map_init(&ms.by_id);
	vocab_init(&ms.ballots_vocab, ballot_words, B_BAD);
	map_init(&ms.ballots);
	map_init(&ms.present);
	map_init(&ms.represented);
	map_init(&ms.holders);
	map_init(&ms.proxies);
	buf_init(&ms.key);
	for (char **f = files; *f; f++) {
		json_array_append_new(inputs, json_string(*f));
		read_file(&ms, *f);
	}
	tally_digest(hex);

	/* Attendance: given, or counted from the voters and proxies seen. */
	present = topt.present >= 0 ? topt.present : ms.saw_voters ? (long)ms.present.n : -1;
	represented = topt.represented >= 0 ? topt.represented : ms.saw_voters ? (long)ms.represented.n : -1;
	if (present >= 0)
		attendance = present + (represented > 0 ? represented : 0);
	if (topt.eligible >= 0 && attendance > topt.eligible)
		ess_warn(_("%ld members present or represented, more than the %ld eligible"),
			attendance, topt.eligible);
	if (topt.quorum >= 0 || topt.quorum_pct10 >= 0) {
		quorum_needed = topt.quorum >= 0 ? topt.quorum
			: (long)(((int64_t)topt.quorum_pct10 * topt.eligible + 999) / 1000);
		if (attendance < 0)
			ess_die(EX_USAGE, "%s", _("--quorum needs --present (there is no voter column to count them)"));
		quorum_met = attendance >= quorum_needed;
	}
	if (topt.base == BASE_PRESENT && attendance < 0)
		ess_die(EX_USAGE, "%s", _("--base=present needs --present (there is no voter column to count them)"));

	majority_rule(&rule, 0);
	majority_rule(&rule_tr, 1);

	writer_open(&w, &cli.out);
	if (w.format == OF_JSON) {
		json_t *doc = json_object();

		json_object_set_new(doc, "method", json_string("motion"));
		json_object_set_new(doc, "rule", json_string(rule.data));
		json_object_set_new(doc, "majority", json_string(topt.majority_text));
		json_object_set_new(doc, "base", json_string(base_name()));
		json_object_set_new(doc, "eligible", topt.eligible >= 0 ? json_integer(topt.eligible) : json_null());
		json_object_set_new(doc, "present", present >= 0 ? json_integer(present) : json_null());
		json_object_set_new(doc, "represented", represented >= 0 ? json_integer(represented) : json_null());
		json_object_set_new(doc, "quorum", quorum_needed >= 0 ? json_integer(quorum_needed) : json_null());
		json_object_set_new(doc, "quorum_met", json_boolean(quorum_met));
		json_object_set_new(doc, "ballots", json_integer(ms.ballots_total));
		json_object_set_new(doc, "rows_read", json_integer(ms.rows));
		json_object_set_new(doc, "rows_rejected", json_integer(ms.rejected));
		json_object_set_new(doc, "inputs", inputs);
		inputs = NULL;
		json_object_set_new(doc, "sha256", json_string(hex));
		writer_doc(&w, doc, "rows");
	}
	writer_columns(&w, wc, sizeof wc / sizeof wc[0]);
	for (size_t i = 0; i < ms.nm; i++) {
		struct motion *m = &ms.m[i];
		int64_t cast = m->n[0] + m->n[1] + m->n[2] + m->n[3], base = 0, needed = 0;
		char num[8][32], thr[64];
		const char *result;

		switch (topt.base) {
		case BASE_EXPRESSED: base = m->n[0] + m->n[1]; break;
		case BASE_CAST: base = cast; break;
		case BASE_PRESENT: base = attendance; break;
		case BASE_ELIGIBLE: base = topt.eligible; break;
		}
		switch (topt.majority) {
		case MAJ_SIMPLE:
			needed = m->n[1] + 1;
			snprintf(thr, sizeof thr, "for > against");
			break;
		case MAJ_ABSOLUTE:
			needed = base / 2 + 1;
			snprintf(thr, sizeof thr, "> 1/2");
			break;
		case MAJ_FRACTION:
			needed = (int64_t)(((__int128)topt.maj_num * base + topt.maj_den - 1) / topt.maj_den);
			if (needed < 1)
				needed = 1;
			if (topt.maj_den == 1000)
				snprintf(thr, sizeof thr, ">= %s", topt.majority_text);
			else
				snprintf(thr, sizeof thr, ">= %" PRId64 "/%" PRId64, topt.maj_num, topt.maj_den);
			break;
		}
		result = !quorum_met ? "no-quorum" : m->n[0] >= needed ? "adopted" : "rejected";
		for (int k = 0; k < 4; k++)
			snprintf(num[k], 32, "%" PRId64, m->n[k]);
		snprintf(num[4], 32, "%" PRId64, cast);
		snprintf(num[5], 32, "%" PRId64, base);
		snprintf(num[6], 32, "%" PRId64, needed);
		const char *v[] = { m->id, m->label, num[0], num[1], num[2], num[3], num[4], num[5],
			thr, num[6], result };
		writer_row(&w, v);
	}
	writer_note(&w, _("method: motion; %s"), rule_tr.data);
	if (attendance >= 0)
		writer_note(&w, _("present: %ld, represented: %ld"), present, represented > 0 ? represented : 0);
	if (topt.eligible >= 0)
		writer_note(&w, _("eligible: %ld"), topt.eligible);
	if (quorum_needed >= 0)
		writer_note(&w, _("quorum: %ld needed, %ld present or represented: %s"), quorum_needed, attendance,
			quorum_met ? _("met") : _("not met"));
	writer_note(&w, _("ballots: %" PRId64 " in %ld rows; %ld rows rejected"), ms.ballots_total, ms.rows, ms.rejected);
	writer_close(&w);

	for (size_t i = 0; i < ms.nm; i++) {
		free(ms.m[i].id);
		free(ms.m[i].label);
	}
	free(ms.m);
	free(ms.held);
	free(ms.refused);
	map_release(&ms.by_id);
	vocab_release(&ms.ballots_vocab);
	map_release(&ms.ballots);
	map_release(&ms.present);
	map_release(&ms.represented);
	map_release(&ms.holders);
	map_release(&ms.proxies);
	buf_release(&ms.key);
	buf_release(&rule);
	buf_release(&rule_tr);
	json_decref(inputs);
	return 0;
}
