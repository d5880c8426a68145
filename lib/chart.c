/*
 * chart.c: stacked horizontal bars in SVG.
 */
#include <inttypes.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "err.h"
#include "text.h"
#include "write.h"

#define LABEL_W 360	/* room for labels, in px */
#define BAR_W 380	/* the longest bar */
#define ROW_H 34
#define FONT 13

/* Splits label into at most two lines of about 44 characters. */
static void
label_lines(const char *s, struct buf *l1, struct buf *l2)
{
	size_t len = strlen(s), cut = len;
	const size_t max = 44;

	if (utf8_count(s, len) > max) {
		size_t bytes = text_prefix_for_width(s, len, max);

		cut = bytes;
		while (cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = bytes;
	}
	xml_escape(l1, s, cut);
	if (cut < len) {
		const char *rest = s + cut + (s[cut] == ' ');
		size_t rl = strlen(rest);
		size_t keep = text_prefix_for_width(rest, rl, max);

		xml_escape(l2, rest, keep);
		if (keep < rl)
			buf_adds(l2, "…");
	}
}

void
chart_hbar_svg(FILE *fp, const struct chart *c)
{
	struct buf b = BUF_INIT, l1 = BUF_INIT, l2 = BUF_INIT;
	int64_t max = 1;
	size_t i, k;
	int top = c->subtitle ? 64 : 44;
	int height = top + (int)c->nbars * ROW_H + 40;
	int width = LABEL_W + BAR_W + 60;

	for (i = 0; i < c->nbars; i++) {
		int64_t sum = 0;

		for (k = 0; k < c->nseries; k++)
			sum += c->bars[i].values[k];
		if (sum > max)
			max = sum;
	}
	buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"%d\">\n",
		width, height, width, height, FONT);
	buf_printf(&b, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
	buf_adds(&b, "<text x=\"10\" y=\"24\" font-size=\"17\" font-weight=\"bold\">");
	xml_escape(&b, c->title, strlen(c->title));
	buf_adds(&b, "</text>\n");
	if (c->subtitle) {
		buf_adds(&b, "<text x=\"10\" y=\"44\" fill=\"#444\">");
		xml_escape(&b, c->subtitle, strlen(c->subtitle));
		buf_adds(&b, "</text>\n");
	}
	for (i = 0; i < c->nbars; i++) {
		int y = top + (int)i * ROW_H;
		double x = LABEL_W;

		buf_reset(&l1);
		buf_reset(&l2);
		label_lines(c->bars[i].label, &l1, &l2);
		if (l2.len)
			buf_printf(&b, "<text x=\"10\" y=\"%d\">%s</text>\n<text x=\"10\" y=\"%d\">%s</text>\n",
				y + 13, l1.data, y + 28, l2.data);
		else
			buf_printf(&b, "<text x=\"10\" y=\"%d\">%s</text>\n", y + 21, l1.data);
		for (k = 0; k < c->nseries; k++) {
			int64_t v = c->bars[i].values[k];
			double w = (double)v * BAR_W / (double)max;

			if (v <= 0)
				continue;
			buf_printf(&b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\" "
				"stroke=\"black\" stroke-width=\"0.5\"><title>", x, y + 5, w, c->series[k].colour);
			xml_escape(&b, c->series[k].name, strlen(c->series[k].name));
			buf_printf(&b, ": %" PRId64 "</title></rect>\n", v);
			if (w >= 18)
				buf_printf(&b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"white\" "
					"font-weight=\"bold\">%" PRId64 "</text>\n", x + w / 2, y + 22, v);
			else
				buf_printf(&b, "<text x=\"%.1f\" y=\"%d\">%" PRId64 "</text>\n",
					x + w + 3, y + 22, v);
			x += w;
		}
		if (x == LABEL_W)	/* nothing on this row: say so */
			buf_printf(&b, "<text x=\"%d\" y=\"%d\" fill=\"#444\">0</text>\n", LABEL_W + 3, y + 22);
	}
	/* The legend. */
	{
		int y = top + (int)c->nbars * ROW_H + 20, x = LABEL_W;

		for (k = 0; k < c->nseries; k++) {
			buf_printf(&b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" "
				"stroke=\"black\" stroke-width=\"0.5\"/>\n<text x=\"%d\" y=\"%d\">",
				x, y - 11, c->series[k].colour, x + 20, y);
			xml_escape(&b, c->series[k].name, strlen(c->series[k].name));
			buf_adds(&b, "</text>\n");
			x += 40 + 8 * (int)utf8_count(c->series[k].name, strlen(c->series[k].name));
		}
	}
	buf_adds(&b, "</svg>\n");
	if (fwrite(b.data, 1, b.len, fp) != b.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_release(&b);
	buf_release(&l1);
	buf_release(&l2);
}
