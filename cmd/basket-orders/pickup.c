/*
 * pickup.c: the pick-up sheet of one distribution: a line per member and
 * product, members sorted by name.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "basket.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
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

/* Today, in the local calendar. */
static ess_day
today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
html_text(struct buf *o, const char *s)
{
	xml_escape(o, s, strlen(s));
}

/* The printable A4 sheet: the association, the date and hours, the
 * volunteers on duty, one row per member and product with a column to
 * sign, and the totals; small type and no margins wasted, so that a
 * Monday's list fits on as few pages as it can. */
static void
write_html(FILE *fp, const struct basket *b, ess_day d, const struct line *lines, size_t n)
{
	static const char *const status_fr[] = { "", "absent", "annulé", "tour de l'autre foyer" };
	struct buf o;
	char num[32];
	int64_t total = 0;
	long baskets = 0;
	int dy, dm, dd;

	date_to_ymd(d, &dy, &dm, &dd);
	buf_init(&o);
	buf_adds(&o, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_text(&o, b->set.name);
	buf_printf(&o, " — distribution du %02d/%02d/%04d</title>\n", dd, dm, dy);
	buf_adds(&o, "<style>\n"
		"@page { size: A4; margin: 12mm 10mm; }\n"
		"body { font: 10pt/1.25 \"DejaVu Sans\", Arial, sans-serif; margin: 0; }\n"
		"h1 { font-size: 14pt; margin: 0 0 2mm; }\n"
		"p { margin: 0 0 2mm; }\n"
		"table { border-collapse: collapse; width: 100%; }\n"
		"thead { display: table-header-group; }\n"
		"tr { page-break-inside: avoid; break-inside: avoid; }\n"
		"th, td { border: 0.3mm solid #999; padding: 0.8mm 1.5mm; vertical-align: top; }\n"
		"th { background: #eee; text-align: left; }\n"
		"td.n { text-align: right; white-space: nowrap; }\n"
		"td.sign { width: 28mm; }\n"
		"tr.off td { color: #777; }\n"
		"tfoot td { font-weight: bold; }\n"
		"</style>\n</head>\n<body>\n<h1>");
	html_text(&o, b->set.name);
	buf_printf(&o, " — distribution du %02d/%02d/%04d</h1>\n<p>", dd, dm, dy);
	buf_printf(&o, "De %02d h %02d à %02d h %02d", b->set.open_min / 60, b->set.open_min % 60,
		b->set.close_min / 60, b->set.close_min % 60);
	if (*b->set.place) {
		buf_adds(&o, ", ");
		html_text(&o, b->set.place);
	}
	buf_adds(&o, ".</p>\n<p>Bénévoles de permanence : ");
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
			buf_adds(&o, "personne d'inscrit");
	}
	buf_adds(&o, ".</p>\n<table>\n<thead><tr><th>Adhérent</th><th>Produit</th><th>Qté</th>"
		"<th>Prix</th><th>Montant</th><th>Remarque</th><th>Signature</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		const struct product *p = &b->products[l->product];

		buf_adds(&o, l->status == ST_OK ? "<tr><td>" : "<tr class=\"off\"><td>");
		html_text(&o, b->members[l->member].name);
		buf_adds(&o, "</td><td>");
		html_text(&o, *p->label ? p->label : p->id);
		if (p->pricing == PRICE_KG)
			num_format_fixed(l->qty, 3, ',', num);
		else
			snprintf(num, sizeof num, "%lld", (long long)(l->qty / QTY_ONE));
		buf_printf(&o, "</td><td class=\"n\">%s</td>", num);
		buf_printf(&o, "<td class=\"n\">%s</td>", num_format_fixed(l->unit_price, 2, ',', num));
		buf_printf(&o, "<td class=\"n\">%s</td><td>", num_format_fixed(l->amount, 2, ',', num));
		buf_adds(&o, status_fr[l->status]);
		if (!l->membership)
			buf_adds(&o, l->status == ST_OK ? "adhésion à renouveler" : " ; adhésion à renouveler");
		else if (l->visit)
			buf_adds(&o, l->status == ST_OK ? "passage" : " ; passage");
		buf_adds(&o, "</td><td class=\"sign\"></td></tr>\n");
		total += l->amount;
		if (l->status == ST_OK)
			baskets++;
	}
	buf_printf(&o, "</tbody>\n<tfoot><tr><td colspan=\"4\">%ld lignes à remettre</td>"
		"<td class=\"n\">%s</td><td colspan=\"2\"></td></tr></tfoot>\n</table>\n</body>\n</html>\n",
		baskets, num_format_fixed(total, 2, ',', num));
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
		d = today();
		for (int i = 0; i < 400 && !distribution_on(b, d, &why); i++)
			d++;
	}
	nominal = distribution_on(b, d, &why);
	if (!nominal)
		ess_die(EX_DATAERR, _("no distribution on %s: %s"), date_format(d, date), _(why));
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
	writer_close(&w);
	free(lines);
	return 0;
}
