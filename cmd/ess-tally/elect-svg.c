/*
 * elect-svg.c: an election's result as a standalone SVG picture.
 *
 * IRV and STV: one horizontal bar per round, one segment per candidate
 * still in the count (its votes that round), the elected outlined in
 * black with a check mark, the one excluded that round faded and struck.
 * Majority judgment: the merit profile, one bar per candidate in the
 * order of the ranking, its judgments as segments from the worst grade to
 * the best, and a line at 50% where the median falls.  Other methods: the
 * ranking's first score column as bars (lib/chart.h).  Pixel positions
 * are the only floating point; every number written is the result's own
 * text.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "err.h"
#include "text.h"
#include "write.h"
#include "election.h"

#define LABEL_W 200
#define BAR_W 520
#define ROW_H 34
#define FONT 13

static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
};

/* Grades worst to best: red to green. */
static const char *
grade_colour(size_t g, size_t ng)
{
	static const char *const scale[] = {
		"#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b",
		"#d9ef8b", "#a6d96a", "#66bd63", "#1a9850", "#006837",
	};
	size_t i = ng > 1 ? g * 9 / (ng - 1) : 9;

	return scale[i > 9 ? 9 : i];
}

/* A votes text ("12", "12.50000", "25/2") as a number, for drawing. */
static double
votes_value(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (*end == '/') {
		double d = strtod(end + 1, NULL);

		if (d > 0)
			v /= d;
	}
	return v > 0 ? v : 0;
}

static void
head(struct buf *b, int width, int height, const char *title, const char *sub)
{
	buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"%d\">\n",
		width, height, width, height, FONT);
	buf_adds(b, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
	buf_adds(b, "<text x=\"10\" y=\"24\" font-size=\"17\" font-weight=\"bold\">");
	xml_escape(b, title, strlen(title));
	buf_adds(b, "</text>\n");
	if (sub) {
		buf_adds(b, "<text x=\"10\" y=\"44\" fill=\"#444\">");
		xml_escape(b, sub, strlen(sub));
		buf_adds(b, "</text>\n");
	}
}

static void
text_at(struct buf *b, double x, double y, const char *attrs, const char *s)
{
	buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\"%s%s>", x, y, *attrs ? " " : "", attrs);
	xml_escape(b, s, strlen(s));
	buf_adds(b, "</text>\n");
}

static void
rounds_svg(struct buf *b, const struct election *e, const struct eresult *r, const char *title)
{
	long nround = r->rounds[r->nrounds - 1].round, k;
	double max = 0;
	size_t i, c;
	int top = 64, height, width = LABEL_W + BAR_W + 80;
	char lab[64];

	for (k = 1; k <= nround; k++) {
		double sum = 0;

		for (i = 0; i < r->nrounds; i++)
			if (r->rounds[i].round == k)
				sum += votes_value(r->rounds[i].votes);
		if (sum > max)
			max = sum;
	}
	if (max <= 0)
		max = 1;
	height = top + (int)nround * ROW_H + 40 + 22 * (int)((e->nc + 3) / 4);
	head(b, width, height, title, _("one bar per round; outlined: elected; faded: excluded"));
	for (k = 1; k <= nround; k++) {
		int y = top + (int)(k - 1) * ROW_H;
		double x = LABEL_W;

		snprintf(lab, sizeof lab, _("round %ld"), k);
		text_at(b, 10, y + 21, "", lab);
		for (i = 0; i < r->nrounds; i++) {
			const struct eround *ro = &r->rounds[i];
			double w;
			int el, ex;

			if (ro->round != k)
				continue;
			w = votes_value(ro->votes) * BAR_W / max;
			el = strcmp(ro->status, "elected") == 0;
			ex = strcmp(ro->status, "excluded") == 0;
			buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\" "
				"fill-opacity=\"%s\" stroke=\"black\" stroke-width=\"%s\"><title>",
				x, y + 5, w, palette[ro->cand % 10], ex ? "0.35" : "1", el ? "2.5" : "0.5");
			xml_escape(b, e->names[ro->cand], strlen(e->names[ro->cand]));
			buf_printf(b, ": %s (%s)", ro->votes, ro->status);
			if (ro->transfer && *ro->transfer) {
				buf_adds(b, ", ");
				xml_escape(b, ro->transfer, strlen(ro->transfer));
			}
			buf_adds(b, "</title></rect>\n");
			if (ex)
				buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n",
					x, y + 17, x + w, y + 17);
			if (w >= 30) {
				snprintf(lab, sizeof lab, "%s%s", el ? "✓ " : "", ro->votes);
				buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">",
					x + w / 2, y + 21);
				xml_escape(b, lab, strlen(lab));
				buf_adds(b, "</text>\n");
			}
			x += w;
		}
	}
	/* The legend: the candidates' colours. */
	for (c = 0; c < e->nc; c++) {
		int y = top + (int)nround * ROW_H + 20 + 22 * (int)(c / 4);
		int x = 10 + (int)(c % 4) * ((width - 20) / 4);

		buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" "
			"stroke=\"black\" stroke-width=\"0.5\"/>\n", x, y - 11, palette[c % 10]);
		text_at(b, x + 20, y, "", e->names[c]);
	}
}

static void
profile_svg(struct buf *b, const struct election *e, const struct eresult *r, const char *title)
{
	size_t i, g, ng = r->nprofile;
	int top = 64, width = LABEL_W + BAR_W + 80, height;
	double mid = LABEL_W + BAR_W / 2.0;
	char lab[64];

	height = top + (int)r->nranking * ROW_H + 40 + 22 * (int)((ng + 3) / 4);
	head(b, width, height, title, _("merit profile: judgments from the worst grade (left) to the best; "
		"the line marks 50%"));
	for (i = 0; i < r->nranking; i++) {
		const int64_t *c = r->profile + i * ng;
		const struct erank *rk = &r->ranking[i];
		int y = top + (int)i * ROW_H;
		double x = LABEL_W, n = 0;

		for (g = 0; g < ng; g++)
			n += (double)c[g];
		snprintf(lab, sizeof lab, "%ld%s ", rk->rank, rk->tied ? "=" : "");
		buf_printf(b, "<text x=\"10\" y=\"%d\">", y + 21);
		xml_escape(b, lab, strlen(lab));
		xml_escape(b, e->names[rk->cand], strlen(e->names[rk->cand]));
		if (r->ncols > 0 && rk->values[0][0]) {
			buf_adds(b, " (");
			xml_escape(b, rk->values[0], strlen(rk->values[0]));
			buf_adds(b, ")");
		}
		buf_adds(b, "</text>\n");
		for (g = 0; g < ng && n > 0; g++) {
			double w = (double)c[g] * BAR_W / n;
			const char *gn = g < e->ngrades ? e->grades[g] : NULL;

			if (c[g] <= 0)
				continue;
			buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\" "
				"stroke=\"white\" stroke-width=\"0.5\"><title>", x, y + 5, w, grade_colour(g, ng));
			if (gn)
				xml_escape(b, gn, strlen(gn));
			else
				buf_printf(b, "%zu", g);
			buf_printf(b, ": %" PRId64 "</title></rect>\n", c[g]);
			if (w >= 26)
				buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">"
					"%" PRId64 "</text>\n", x + w / 2, y + 21, c[g]);
			x += w;
		}
	}
	buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" "
		"stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n", mid, top, mid, top + (int)r->nranking * ROW_H + 6);
	text_at(b, mid, top - 4, "text-anchor=\"middle\" font-size=\"11\"", "50%");
	for (g = 0; g < ng; g++) {
		int y = top + (int)r->nranking * ROW_H + 26 + 22 * (int)(g / 4);
		int x = 10 + (int)(g % 4) * ((width - 20) / 4);
		char num[32];

		buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n",
			x, y - 11, grade_colour(g, ng));
		snprintf(num, sizeof num, "%zu", g);
		text_at(b, x + 20, y, "", g < e->ngrades ? e->grades[g] : num);
	}
}

/* Other methods: the first score column as bars. */
static void
ranking_chart(FILE *fp, const struct election *e, const struct eresult *r, const char *title)
{
	struct chart_series one = { r->ncols ? r->cols[0].name : "", "#4e79a7" };
	struct chart_bar *bars = xcalloc(r->nranking + 1, sizeof *bars);
	int64_t *v = xcalloc(r->nranking + 1, sizeof *v);
	char **labels = xcalloc(r->nranking + 1, sizeof *labels);
	struct chart c = { title, r->rule, &one, 1, bars, r->nranking };
	size_t i;

	for (i = 0; i < r->nranking; i++) {
		struct buf l = BUF_INIT;

		buf_printf(&l, "%ld%s %s", r->ranking[i].rank, r->ranking[i].tied ? "=" : "",
			e->names[r->ranking[i].cand]);
		labels[i] = buf_detach(&l);
		v[i] = r->ncols ? (int64_t)votes_value(r->ranking[i].values[0]) : 0;
		bars[i].label = labels[i];
		bars[i].values = &v[i];
	}
	chart_hbar_svg(fp, &c);
	for (i = 0; i < r->nranking; i++)
		free(labels[i]);
	free(labels);
	free(bars);
	free(v);
}

void
eresult_svg(FILE *fp, const struct election *e, const struct eresult *r)
{
	struct buf b = BUF_INIT, t = BUF_INIT;

	if (e->title && *e->title)
		buf_printf(&t, "%s: %s", e->title, r->method);
	else
		buf_adds(&t, r->method);
	if (r->profile && r->nprofile)
		profile_svg(&b, e, r, t.data);
	else if (r->nrounds)
		rounds_svg(&b, e, r, t.data);
	else {
		ranking_chart(fp, e, r, t.data);
		buf_release(&t);
		return;
	}
	buf_adds(&b, "</svg>\n");
	if (fwrite(b.data, 1, b.len, fp) != b.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_release(&b);
	buf_release(&t);
}
