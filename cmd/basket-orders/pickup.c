/*
 * pickup.c: the pick-up sheet of one distribution: a line per member and
 * product, members sorted by name.
 */
#include <stdlib.h>
#include <string.h>

#include "basket.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "page.h"
#include "text.h"
#include "write.h"

int pickup(const struct basket *b, ess_day d, int next);

static const struct basket *sort_b;

static int
by_name(const void *x, const void *y)
{
	const struct line *a = x, *c = y;
	int r = strcmp(sort_b->members[a->member].sort_key, sort_b->members[c->member].sort_key);

	if (r)
		return r;
	if (a->member != c->member)
		return a->member < c->member ? -1 : 1;
	return (a->product > c->product) - (a->product < c->product);
}

static void
html_text(struct buf *o, const char *s)
{
	xml_escape(o, s, strlen(s));
}

/* A date as the sheet's language writes it. */
static const char *
sheet_date(ess_day d, char *out, size_t size)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	/* TRANSLATORS: a date on the printed sheet: %1$ the year, %2$ the
	 * month, %3$ the day (French: "%3$02d/%2$02d/%1$04d"). */
	snprintf(out, size, _("%1$04d-%2$02d-%3$02d"), y, m, dd);
	return out;
}

/* Cents or thousandths as the sheet's language writes them. */
static const char *
sheet_num(int64_t v, int decimals, char *out)
{
	/* TRANSLATORS: the decimal separator of amounts and weights on the
	 * printed sheet (French: ","). */
	const char *sep = _(".");

	return num_format_fixed(v, decimals, *sep ? *sep : '.', out);
}

/* What the remark column says of a line that is not handed out. */
static const char *
remark(const struct basket *b, const struct line *l)
{
	switch (l->status) {
	case ST_ABSENT:
		switch (b->set.absence) {
		case ABS_LOST:
			return _("absent: prepared and billed");
		case ABS_DONATE:
			return _("absent: to give away");
		default:
			return _("absent: not prepared");
		}
	case ST_CANCELLED:
		return _("cancelled");
	case ST_SHARED_TURN:
		return _("the other household's turn");
	default:
		return "";
	}
}

/* Beyond lib/page's base style: small type and narrow margins, so that a
 * Monday's list takes few pages. */
static const char sheet_css[] =
	"@page { margin: 12mm 10mm; }\n"
	"html { font: 10pt/1.25 \"DejaVu Sans\", Arial, sans-serif; }\n"
	"body { max-width: none; margin: 0; padding: 0; }\n"
	"h1 { font-size: 14pt; margin: 0 0 2mm; }\n"
	"p { margin: 0 0 2mm; }\n"
	"table { width: 100%; margin: 0; }\n"
	"th, td { padding: 0.8mm 1.5mm; }\n"
	"td.sign { width: 28mm; }\n"
	"tr.off td { color: #777; }\n"
	"tfoot td { font-weight: bold; }\n";

/* The printable A4 sheet: the association, the date and hours, the
 * volunteers on duty, one row per member and product with a column to
 * sign, and the totals; small type and no margins wasted, so that a
 * Monday's list fits on as few pages as it can.  Its words are the
 * catalogue's (LANG=fr_FR.UTF-8 prints it in French). */
static void
write_html(FILE *fp, const struct basket *b, ess_day d, const struct line *lines, size_t n)
{
	struct buf o;
	char num[32], date[32];
	int64_t total = 0;
	long handed = 0, absent = 0;

	sheet_date(d, date, sizeof date);
	buf_init(&o);
	buf_adds(&o, b->set.name);
	buf_adds(&o, " — ");
	buf_printf(&o, _("distribution of %s"), date);
	{
		char *title = buf_detach(&o);

		buf_init(&o);
		/* TRANSLATORS: the language of the printed sheet, for <html lang>. */
		html_page_open(&o, _("en"), title, "basket-orders", sheet_css);
		free(title);
	}
	buf_adds(&o, "<h1>");
	html_text(&o, b->set.name);
	buf_adds(&o, " — ");
	buf_printf(&o, _("distribution of %s"), date);
	buf_adds(&o, "</h1>\n<p>");
	/* TRANSLATORS: opening hours on the sheet (French: "De %02d h %02d à %02d h %02d"). */
	buf_printf(&o, _("From %02d:%02d to %02d:%02d"), b->set.open_min / 60, b->set.open_min % 60,
		b->set.close_min / 60, b->set.close_min % 60);
	if (*b->set.place) {
		buf_adds(&o, ", ");
		html_text(&o, b->set.place);
	}
	buf_adds(&o, ".</p>\n<p>");
	html_text(&o, _("Volunteers on duty: "));
	{
		int any = 0;

		for (size_t i = 0; i < b->nroster; i++) {
			if (b->roster[i].date != d)
				continue;
			if (any++)
				buf_adds(&o, ", ");
			html_text(&o, b->members[b->roster[i].member].name);
			if (*b->roster[i].role) {
				buf_adds(&o, " (");
				html_text(&o, b->roster[i].role);
				buf_adds(&o, ")");
			}
		}
		if (!any)
			html_text(&o, _("nobody signed up"));
	}
	buf_adds(&o, ".</p>\n<table>\n<thead><tr>");
	{
		const char *const head[] = {
			_("Member"), _("Product"), _("Qty"), _("Price"), _("Amount"), _("Note"), _("Signature"),
		};

		for (size_t i = 0; i < sizeof head / sizeof *head; i++) {
			buf_adds(&o, "<th>");
			html_text(&o, head[i]);
			buf_adds(&o, "</th>");
		}
	}
	buf_adds(&o, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		const struct product *p = &b->products[l->product];
		const char *r = remark(b, l);

		buf_adds(&o, l->status == ST_OK ? "<tr><td>" : "<tr class=\"off\"><td>");
		html_text(&o, b->members[l->member].name);
		buf_adds(&o, "</td><td>");
		html_text(&o, *p->label ? p->label : p->id);
		if (p->pricing == PRICE_KG)
			sheet_num(l->qty, 3, num);
		else
			snprintf(num, sizeof num, "%lld", (long long)(l->qty / QTY_ONE));
		buf_printf(&o, "</td><td class=\"n\">%s</td>", num);
		buf_printf(&o, "<td class=\"n\">%s</td>", sheet_num(l->unit_price, 2, num));
		buf_printf(&o, "<td class=\"n\">%s</td><td>", sheet_num(l->amount, 2, num));
		html_text(&o, r);
		if (!l->membership || l->visit) {
			if (*r)
				buf_adds(&o, "; ");
			html_text(&o, !l->membership ? _("membership to renew") : _("single visit"));
		}
		buf_adds(&o, "</td><td class=\"sign\"></td></tr>\n");
		total += l->amount;
		handed += l->status == ST_OK;
		absent += l->status == ST_ABSENT;
	}
	buf_adds(&o, "</tbody>\n<tfoot><tr><td colspan=\"4\">");
	buf_printf(&o, ngettext("%ld line to hand out", "%ld lines to hand out", handed), handed);
	buf_printf(&o, "</td><td class=\"n\">%s</td><td colspan=\"2\"></td></tr></tfoot>\n</table>\n",
		sheet_num(total, 2, num));
	if (absent && b->set.absence == ABS_DONATE) {
		buf_adds(&o, "<p>");
		buf_printf(&o, ngettext("%ld line of absent members to give away (absence policy donate).",
			"%ld lines of absent members to give away (absence policy donate).", absent), absent);
		buf_adds(&o, "</p>\n");
	}
	html_page_close(&o);
	if (fwrite(o.data, 1, o.len, fp) != o.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_release(&o);
}

int
pickup(const struct basket *b, ess_day d, int next)
{
	static const char *const status[] = { "ok", "absent", "cancelled", "shared-turn" };
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "product", WT_TEXT },
		{ "label", WT_TEXT }, { "quantity", WT_DEC }, { "unit_price", WT_DEC },
		{ "amount", WT_DEC }, { "status", WT_TEXT }, { "membership", WT_TEXT },
	};
	struct line *lines;
	const char *why;
	ess_day nominal;
	size_t n;
	struct writer w;
	char date[16];

	if (next) {
		d = b->today;
		for (int i = 0; i < 400 && !distribution_on(b, d, &why); i++)
			d++;
		if (!distribution_on(b, d, &why)) {
			char today[16];

			if (b->set.season_to && b->set.season_to < d)
				ess_die(EX_DATAERR, _("no distribution after %s: the season ended on %s "
					"(season_to in settings.csv)"), date_format(b->today, today),
					date_format(b->set.season_to, date));
			ess_die(EX_DATAERR, _("no distribution in the year after %s"),
				date_format(b->today, today));
		}
	}
	nominal = distribution_on(b, d, &why);
	if (!nominal)
		ess_die(EX_DATAERR, _("no distribution on %s: %s"), date_format(d, date), _(why));
	for (size_t i = 0; i < b->norders; i++)
		if (b->orders[i].date == d && b->orders[i].late) {
			char s1[20], s2[20];

			ess_warn(_("%s:%ld: ordered at %s, after the deadline of %s: not applied"),
				b->orders[i].at.file, b->orders[i].at.line,
				stamp_format(b->orders[i].placed, s1), stamp_format(order_deadline(b, d), s2));
		}
	n = distribution_lines(b, d, nominal, &lines);
	sort_b = b;
	if (n)
		qsort(lines, n, sizeof *lines, by_name);
	writer_open(&w, &cli.out);
	if (w.format == OF_HTML) {
		write_html(writer_file(&w), b, d, lines, n);
		writer_close(&w);
		free(lines);
		return 0;
	}
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		const struct product *p = &b->products[l->product];
		char q[32], up[32], am[32];
		const char *v[9];

		if (p->pricing == PRICE_KG)
			num_format_fixed(l->qty, 3, '.', q);
		else
			snprintf(q, sizeof q, "%lld", (long long)(l->qty / QTY_ONE));
		num_format_fixed(l->unit_price, 2, '.', up);
		num_format_fixed(l->amount, 2, '.', am);
		v[0] = b->members[l->member].id;
		v[1] = b->members[l->member].name;
		v[2] = p->id;
		v[3] = p->label;
		v[4] = q;
		v[5] = up;
		v[6] = am;
		v[7] = status[l->status];
		v[8] = l->visit ? "visit" : l->membership ? "valid" : "lapsed";
		writer_row(&w, v);
	}
	writer_note(&w, _("distribution of %s"), date_format(d, date));
	{
		long absent = 0;

		for (size_t i = 0; i < n; i++)
			absent += lines[i].status == ST_ABSENT;
		if (absent)
			writer_note(&w, b->set.absence == ABS_DONATE
				? ngettext("%ld absent line: prepared, billed, to give away (absence policy donate)",
					"%ld absent lines: prepared, billed, to give away (absence policy donate)", absent)
				: b->set.absence == ABS_LOST
				? ngettext("%ld absent line: prepared and billed (absence policy lost)",
					"%ld absent lines: prepared and billed (absence policy lost)", absent)
				: ngettext("%ld absent line: not prepared, not billed (absence policy skip)",
					"%ld absent lines: not prepared, not billed (absence policy skip)", absent),
				absent);
	}
	writer_close(&w);
	free(lines);
	return 0;
}
