/*
 * elect-stv.c: the single transferable vote, with the weighted inclusive
 * Gregory method, in exact fixed-point arithmetic.
 *
 * Votes are integers in units of 10^-5 (five decimals, as the Scottish
 * local government STV rules count), every division truncated; products
 * are taken in 128 bits, so nothing is ever rounded but by truncation to
 * five decimals, which is what the rules say.  The quota (--quota):
 *   droop                floor(V / (seats + 1)) + 1, reached when equalled
 *   droop-exact          V / (seats + 1) exactly, reached when exceeded
 *   hagenbach-bischoff   the same as droop-exact (the same number, exceeded)
 *   hare                 V / seats exactly, reached when equalled
 * for V the valid votes.  Each stage, every continuing candidate who
 * reaches the quota is elected (highest first).  Then, while seats remain:
 * when the continuing candidates are no more than the seats left, they
 * are all elected; otherwise the largest surplus not yet transferred is
 * transferred: every ballot the elected candidate holds (inclusive) goes
 * on to its next continuing preference at value x surplus / total,
 * truncated; the candidate keeps the quota.  With no surplus to transfer,
 * the continuing candidate with the fewest votes is excluded and every
 * ballot it holds goes on at its current value.  A ballot whose next
 * level ranks several continuing candidates is split equally between
 * them; when one of them leaves, its share goes first to the others still
 * continuing at that level (so one seat gives the IRV result).  A ballot with no continuing preference left is non-transferable.
 * Ties for exclusion are settled as in IRV (elect-irv.c): excluded
 * together when that cannot matter, else --tie-break, else the count
 * stops and reports the tie.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "num.h"
#include "election.h"

#define SCALE 100000	/* five decimals */
#define DECIMALS 5

enum { CONT, ELECTED, EXCLUDED, WITHDRAWN };

/* Part of the ballots of one ranking, held by one candidate. */
struct piece {
	uint32_t rk;		/* the ranking */
	uint32_t lvl;		/* the level of its holder on that ranking */
	uint32_t holder;	/* UINT32_MAX: gone */
	int64_t value;		/* per ballot, in 10^-5 */
};

struct stv {
	struct election *e;
	struct eresult *r;
	struct ranking *rk;
	size_t nr, nc;
	unsigned char *state;
	struct piece *p;
	size_t np, pcap;
	int64_t *kept;		/* >= 0: the votes an elected candidate keeps after its surplus went */
};

static void
fixed_text(char *out, int64_t v)
{
	num_format_fixed(v, DECIMALS, '.', out);
}

/* Hands the ballots of ranking k, at value v per ballot, to the
 * continuing candidates of the first level from lvl on that has any (the
 * holder is no longer continuing: a candidate tied with it comes next). */
static void
place(struct stv *s, uint32_t k, uint32_t lvl, int64_t v)
{
	const struct ranking *rk = &s->rk[k];
	size_t i, j;

	for (i = 0; i < rk->n; i = j) {
		size_t m = 0;

		for (j = i; j < rk->n && rk->level[j] == rk->level[i]; j++)
			if (s->state[rk->cand[j]] == CONT)
				m++;
		if (rk->level[i] < lvl || m == 0)
			continue;
		for (j = i; j < rk->n && rk->level[j] == rk->level[i]; j++) {
			struct piece *q;

			if (s->state[rk->cand[j]] != CONT)
				continue;
			if (s->np == s->pcap) {
				s->pcap = s->pcap ? s->pcap * 2 : 1024;
				s->p = xreallocarray(s->p, s->pcap, sizeof *s->p);
			}
			q = &s->p[s->np++];
			q->rk = k;
			q->lvl = rk->level[i];
			q->holder = rk->cand[j];
			q->value = v / (int64_t)m;
		}
		return;
	}
	/* No continuing preference: non-transferable. */
}

/* Moves every ballot held by c on, at value * num / den. */
static void
move_on(struct stv *s, uint32_t c, int64_t num, int64_t den)
{
	size_t i, n = s->np, live = 0;

	for (i = 0; i < n; i++) {
		struct piece q = s->p[i];

		if (q.holder != c)
			continue;
		s->p[i].holder = UINT32_MAX;
		place(s, q.rk, q.lvl, (int64_t)((__int128)q.value * num / den));
	}
	/* Drop the gone pieces. */
	for (i = 0; i < s->np; i++)
		if (s->p[i].holder != UINT32_MAX)
			s->p[live++] = s->p[i];
	s->np = live;
}

static void
totals(struct stv *s, int64_t *tot)
{
	size_t i;

	memset(tot, 0, s->nc * sizeof *tot);
	for (i = 0; i < s->np; i++)
		tot[s->p[i].holder] += s->rk[s->p[i].rk].weight * s->p[i].value;
	for (i = 0; i < s->nc; i++)
		if (s->kept[i] >= 0)
			tot[i] = s->kept[i];
}

/* Sorts cands by votes, highest first (stable: candidate order). */
static void
sort_desc(uint32_t *cands, size_t n, const int64_t *tot)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		uint32_t c = cands[i];

		for (j = i; j > 0 && tot[cands[j - 1]] < tot[c]; j--)
			cands[j] = cands[j - 1];
		cands[j] = c;
	}
}

static const char *
quota_name(enum quota q)
{
	switch (q) {
	case QUOTA_DROOP_EXACT: return "droop-exact";
	case QUOTA_HARE: return "hare";
	case QUOTA_HB: return "hagenbach-bischoff";
	default: return "droop";
	}
}

void
stv_run(struct election *e, struct eresult *r)
{
	struct stv s = { 0 };
	size_t i, k, nc = e->nc, ncont = 0, nelected = 0, nout = 0, nnew, nprev = 0, nstop = 0;
	long seats = eopt.seats > 0 ? eopt.seats : e->seats > 0 ? e->seats : 1, stage = 0;
	int64_t V = 0, t, qnum, qden, qfix, **hist = NULL;
	int strict, done = 0, stopped = 0, prevsurplus = 0;
	uint32_t *elected, *out, *newly, *tied, *prevfrom;
	long *when, *group, ngroup = 0;
	int64_t *atv;
	struct buf b = BUF_INIT, tr = BUF_INIT;
	char num[64], rnd[32];

	s.e = e;
	s.r = r;
	s.nc = nc;
	s.nr = rankings_get(e, &s.rk);
	s.state = xcalloc(nc + 1, 1);
	s.kept = xmalloc((nc + 1) * sizeof *s.kept);
	elected = xcalloc(nc + 1, sizeof *elected);
	out = xcalloc(nc + 1, sizeof *out);
	newly = xcalloc(nc + 1, sizeof *newly);
	tied = xcalloc(nc + 1, sizeof *tied);
	prevfrom = xcalloc(nc + 1, sizeof *prevfrom);
	when = xcalloc(nc + 1, sizeof *when);
	group = xcalloc(nc + 1, sizeof *group);
	atv = xcalloc(nc + 1, sizeof *atv);
	for (i = 0; i < s.nr; i++)
		if (num_add(V, s.rk[i].weight, &V) < 0 || num_mul(V, (int64_t)2 * SCALE, &t) < 0)
			ess_die(EX_DATAERR, "%s", _("too many votes: the count overflows"));
	for (i = 0; i < nc; i++) {
		s.kept[i] = -1;
		s.state[i] = e->withdrawn && e->withdrawn[i] ? WITHDRAWN : CONT;
		ncont += s.state[i] == CONT;
		if (s.state[i] == WITHDRAWN)
			eresult_note(r, _("%s withdrawn: excluded before the count"), e->names[i]);
	}
	switch (eopt.quota) {
	case QUOTA_DROOP_EXACT:
	case QUOTA_HB:
		qnum = V * SCALE, qden = seats + 1, strict = 1;
		break;
	case QUOTA_HARE:
		qnum = V * SCALE, qden = seats, strict = 0;
		break;
	default:
		qnum = (V / (seats + 1) + 1) * SCALE, qden = 1, strict = 0;
		break;
	}
	qfix = qnum / qden;
	for (i = 0; i < s.nr; i++)
		place(&s, (uint32_t)i, 0, SCALE);

	while (!done && !stopped) {
		int64_t *tot = xcalloc(nc + 1, sizeof *tot), sum = 0;
		size_t ngone = 0, nsurplus = 0;
		long surplus_of = -1;

		stage++;
		totals(&s, tot);
		hist = xreallocarray(hist, (size_t)stage, sizeof *hist);
		hist[stage - 1] = tot;
		/* Who reaches the quota. */
		nnew = 0;
		for (i = 0; i < nc; i++) {
			__int128 lhs = (__int128)tot[i] * qden;

			if (s.state[i] == CONT && (strict ? lhs > qnum : lhs >= qnum))
				newly[nnew++] = (uint32_t)i;
		}
		sort_desc(newly, nnew, tot);
		if (nnew > (size_t)seats - nelected) {
			/* More reach the quota than seats are left (possible with
			 * hare): the highest win; a tie at the edge is a tie. */
			size_t left = (size_t)seats - nelected, lo = left, hi = left;
			int64_t edge = tot[newly[left - 1]];

			while (lo > 0 && tot[newly[lo - 1]] == edge)
				lo--;
			while (hi < nnew && tot[newly[hi]] == edge)
				hi++;
			while (lo < left) {
				long pick;

				buf_reset(&b);
				buf_printf(&b, _("stage %ld: election among "), stage);
				names_text(&b, e, newly + lo, hi - lo);
				pick = tie_break(r, newly + lo, hi - lo, b.data, NULL, 0, 1);
				if (pick < 0) {
					memcpy(tied, newly + lo, (hi - lo) * sizeof *tied);
					nstop = hi - lo;
					stopped = 1;
					break;
				}
				for (k = lo; k < hi; k++)
					if (newly[k] == (uint32_t)pick) {
						newly[k] = newly[lo];
						newly[lo] = (uint32_t)pick;
					}
				lo++;
			}
			nnew = stopped ? lo : left;
		}
		for (i = 0; i < nnew; i++) {
			s.state[newly[i]] = ELECTED;
			when[newly[i]] = stage;
			atv[newly[i]] = tot[newly[i]];
			elected[nelected++] = newly[i];
			ncont--;
		}
		if (stopped) {
			/* reported below */
		} else if ((long)nelected == seats)
			done = 1;
		else if (ncont <= (size_t)seats - nelected) {
			size_t start = nelected;

			for (i = 0; i < nc; i++)
				if (s.state[i] == CONT) {
					s.state[i] = ELECTED;
					when[i] = stage;
					atv[i] = tot[i];
					elected[nelected++] = (uint32_t)i;
				}
			sort_desc(elected + start, nelected - start, tot);
			ncont = 0;
			if ((long)nelected < seats)
				eresult_note(r, _("only %zu candidates for %ld seats"), nelected, seats);
			done = 1;
		} else {
			/* The largest surplus not yet transferred (none: nothing
			 * to transfer, no stage for it). */
			for (i = 0; i < nelected; i++) {
				uint32_t c = elected[i];

				if (s.kept[c] < 0 && tot[c] <= qfix)
					s.kept[c] = tot[c];
				if (s.kept[c] >= 0)
					continue;
				if (surplus_of < 0 || tot[c] > tot[surplus_of]) {
					surplus_of = c;
					nsurplus = 1;
				} else if (tot[c] == tot[surplus_of])
					nsurplus++;
			}
			if (surplus_of >= 0 && nsurplus > 1) {
				size_t n = 0;
				long pick;

				for (i = 0; i < nelected; i++)
					if (s.kept[elected[i]] < 0 && tot[elected[i]] == tot[surplus_of])
						tied[n++] = elected[i];
				buf_reset(&b);
				buf_printf(&b, _("stage %ld: which equal surplus goes first among "), stage);
				names_text(&b, e, tied, n);
				pick = tie_break(r, tied, n, b.data, NULL, 0, 1);
				if (pick >= 0)
					surplus_of = pick;
				else
					eresult_note(r, _("%s: the first elected goes first"), b.data);
			}
			if (surplus_of < 0) {
				/* Exclusion of the fewest; at once only when enough
				 * candidates stay for the seats left.  The previous
				 * stages' counts, oldest first. */
				size_t ntied = 0;

				buf_reset(&b);
				buf_printf(&b, _("stage %ld: exclusion among "), stage);
				ngone = exclusion_pick(r, e, tot, s.state, CONT, (size_t)seats - nelected, &b,
					(const int64_t *const *)hist, (size_t)stage - 1, tied, &ntied, out + nout);
				if (!ngone) {
					stopped = 1;
					nstop = ntied;
				}
			}
		}
		/* This stage's rows: the counts it started with. */
		for (i = 0; i < nc; i++) {
			const char *st = "continuing";

			if (s.state[i] == WITHDRAWN || (s.state[i] == EXCLUDED))
				continue;
			if (s.state[i] == ELECTED)
				st = "elected";
			for (k = 0; k < ngone; k++)
				if (out[nout + k] == i)
					st = "excluded";
			buf_reset(&tr);
			if (stage > 1 && tot[i] != hist[stage - 2][i]) {
				int64_t dv = tot[i] - hist[stage - 2][i];

				fixed_text(num, dv < 0 ? -dv : dv);
				if (dv > 0) {
					buf_printf(&tr, "+%s from ", num);
					names_text(&tr, e, prevfrom, nprev);
					if (prevsurplus)
						buf_adds(&tr, " (surplus)");
				} else
					buf_printf(&tr, "-%s surplus transferred", num);
			}
			fixed_text(num, tot[i]);
			eresult_round(r, stage, (uint32_t)i, num, st, tr.data);
		}
		for (i = 0; i < nc; i++)
			sum += tot[i];
		if (sum < V * SCALE) {
			fixed_text(num, V * SCALE - sum);
			eresult_note(r, _("stage %ld: %s non-transferable (exhausted ballots and truncation)"),
				stage, num);
		}
		/* The transfer, shown at the next stage. */
		nprev = 0;
		prevsurplus = 0;
		if (surplus_of >= 0 && !done && !stopped) {
			int64_t sp = tot[surplus_of] - qfix;

			if (sp > 0)
				move_on(&s, (uint32_t)surplus_of, sp, tot[surplus_of]);
			else
				move_on(&s, (uint32_t)surplus_of, 0, 1);
			s.kept[surplus_of] = sp > 0 ? qfix : tot[surplus_of];
			prevfrom[0] = (uint32_t)surplus_of;
			nprev = 1;
			prevsurplus = 1;
		}
		for (k = 0; k < ngone; k++) {
			uint32_t c = out[nout + k];

			s.state[c] = EXCLUDED;
			when[c] = stage;
			atv[c] = tot[c];
			group[nout + k] = ngroup;
		}
		for (k = 0; k < ngone; k++)
			move_on(&s, out[nout + k], 1, 1);
		if (ngone) {
			memcpy(prevfrom, out + nout, ngone * sizeof *out);
			nprev = ngone;
			ngroup++;
		}
		nout += ngone;
		ncont -= ngone;
	}

	/* The ranking: the elected in order of election, then the others. */
	{
		static const struct ecol cols[] = { { "votes", WT_DEC }, { "round", WT_INT } };
		const char *vals[2] = { num, rnd };
		int64_t *last = hist[stage - 1];
		long rank = 1;
		size_t j, n;

		eresult_columns(r, cols, 2);
		for (i = 0; i < nelected; i = j) {
			for (j = i + 1; j < nelected && when[elected[j]] == when[elected[i]] &&
			    atv[elected[j]] == atv[elected[i]]; j++)
				;
			for (k = i; k < j; k++) {
				fixed_text(num, atv[elected[k]]);
				snprintf(rnd, sizeof rnd, "%ld", when[elected[k]]);
				eresult_rank(r, elected[k], rank, j - i > 1, "elected", vals);
			}
			rank += (long)(j - i);
		}
		/* Still continuing: stopped on a tie, or the seats were filled. */
		for (i = 0, n = 0; i < nc; i++)
			if (s.state[i] == CONT)
				newly[n++] = (uint32_t)i;
		sort_desc(newly, n, last);
		for (i = 0; i < n; i = j) {
			for (j = i + 1; j < n && last[newly[j]] == last[newly[i]]; j++)
				;
			for (k = i; k < j; k++) {
				fixed_text(num, last[newly[k]]);
				snprintf(rnd, sizeof rnd, "%ld", stage);
				eresult_rank(r, newly[k], rank, stopped ? n > 1 : j - i > 1,
					stopped ? "continuing" : "not elected", vals);
			}
			if (!stopped)
				rank += (long)(j - i);
		}
		if (stopped) {
			rank += (long)n;
			r->tied_winners = 1;
			buf_reset(&b);
			buf_printf(&b, _("%ld of %ld seats filled: the count stopped at stage %ld on a tie among "),
				(long)nelected, seats, stage);
			names_text(&b, e, tied, nstop);
			buf_adds(&b, _("; --tie-break chooses a rule"));
			r->winner_note = buf_detach(&b);
		}
		for (k = nout; k > 0;) {
			size_t start = k - 1;

			while (start > 0 && group[start - 1] == group[k - 1])
				start--;
			for (j = start; j < k; j++) {
				fixed_text(num, atv[out[j]]);
				snprintf(rnd, sizeof rnd, "%ld", when[out[j]]);
				eresult_rank(r, out[j], rank, k - start > 1, "excluded", vals);
			}
			rank += (long)(k - start);
			k = start;
		}
		for (i = 0, n = 0; i < nc; i++)
			n += s.state[i] == WITHDRAWN;
		for (i = 0; i < nc; i++)
			if (s.state[i] == WITHDRAWN) {
				fixed_text(num, 0);
				rnd[0] = '\0';
				eresult_rank(r, (uint32_t)i, rank, n > 1, "withdrawn", vals);
			}
	}
	fixed_text(num, qfix);
	buf_reset(&b);
	buf_printf(&b, _("single transferable vote, %ld seats, quota %s = %s (%s); surpluses "
		"transferred by the weighted inclusive Gregory method, largest first, in fixed point "
		"with %d decimals truncated; a ballot tying continuing candidates is split equally"),
		seats, quota_name(eopt.quota), num,
		strict ? _("to be exceeded") : _("reached when equalled"), DECIMALS);
	free(r->rule);
	r->rule = buf_detach(&b);
	for (i = 0; i < (size_t)stage; i++)
		free(hist[i]);
	free(hist);
	free(s.state);
	free(s.kept);
	free(s.p);
	free(elected);
	free(out);
	free(newly);
	free(tied);
	free(prevfrom);
	free(when);
	free(group);
	free(atv);
	buf_release(&b);
	buf_release(&tr);
}
