/*
 * people.c: members, calendar and roster.
 *
 * members: one row per member, sorted by name, with the membership that
 * covers the member on the day asked: a membership of its own (adult or
 * family), or a family membership paid by another member of its household
 * (members.csv's household column), which covers the whole household.  A
 * calendar membership is valid until December 31 of the year it was paid,
 * a rolling one for twelve months (the day before the same date a year
 * later).  A visit is valid on the day it was paid only.  Entitled to vote
 * is every member whose status is valid: one vote for an adult membership,
 * one for each member of the household for a family one, none for a
 * visit; a person is counted once, however many memberships cover it.
 *
 * calendar: each distribution weekday of the span, held, closed or moved
 * (the nominal date is the row; a moved distribution is held on the day
 * it moved to).  With -o ics, an iCalendar document: one event per
 * distribution held, at the folder's hours in Europe/Paris; its UID is the
 * nominal date at the association's name, so a move updates the event
 * that a calendar application already has.
 *
 * roster: the volunteers on duty at each distribution held in the span,
 * by the day it is held on; --gaps, the dates with fewer than --min.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "basket.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "people.h"
#include "text.h"

static const char *const weekday_names[] = {
	"", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* The last day membership ms is valid on. */
static ess_day
valid_until(const struct basket *b, const struct membership *ms)
{
	int y, m, d;

	if (ms->kind == KIND_VISIT)
		return ms->paid_on;
	if (b->set.year == YEAR_ROLLING)
		return date_add_months(ms->paid_on, 12) - 1;
	date_to_ymd(ms->paid_on, &y, &m, &d);
	return date_from_ymd(y, 12, 31);
}

/* ------------------------------------------------------------ members */

enum mstatus { MS_NONE, MS_LAPSED, MS_VISIT, MS_VALID };

struct mrow {
	size_t member;
	const struct membership *ms;	/* NULL: never a member */
	ess_day until;
	enum mstatus status;
	int own;		/* ms was paid by the member itself */
};

static const struct basket *sort_b;

static int
by_name(const void *x, const void *y)
{
	const struct mrow *a = x, *c = y;
	int r = strcmp(sort_b->members[a->member].sort_key, sort_b->members[c->member].sort_key);

	if (r)
		return r;
	return strcmp(sort_b->members[a->member].id, sort_b->members[c->member].id);
}

/* Whether candidate (status s, until u, own o, paid p) is better to show
 * than what r holds: a valid membership first, then a visit of the day,
 * then the one valid the latest; the member's own before its household's. */
static int
better(const struct mrow *r, enum mstatus s, ess_day u, int o, ess_day p)
{
	if (s != r->status)
		return s > r->status;
	if (u != r->until)
		return u > r->until;
	if (o != r->own)
		return o > r->own;
	return p > r->ms->paid_on;
}

/* The membership that covers member m on day on, into r. */
static void
member_row(const struct basket *b, size_t m, ess_day on, struct mrow *r)
{
	*r = (struct mrow){ .member = m, .status = MS_NONE };
	for (size_t i = 0; i < b->nmemberships; i++) {
		const struct membership *ms = &b->memberships[i];
		int own = ms->member == m;
		ess_day u;
		enum mstatus s;

		if (ms->paid_on > on)
			continue;
		if (!own && (ms->kind != KIND_FAMILY ||
		    b->members[ms->member].hh != b->members[m].hh))
			continue;
		u = valid_until(b, ms);
		if (on > u)
			s = MS_LAPSED;
		else
			s = ms->kind == KIND_VISIT ? MS_VISIT : MS_VALID;
		if (!r->ms || better(r, s, u, own, ms->paid_on)) {
			r->ms = ms;
			r->until = u;
			r->status = s;
			r->own = own;
		}
	}
}

int
cmd_members(const struct basket *b, ess_day on)
{
	static const char *const kinds[] = { "adult", "family", "visit" };
	static const char *const statuses[] = { "lapsed", "lapsed", "visit", "valid" };
	static const struct wcol cols[] = {
		{ "member", WT_TEXT }, { "name", WT_TEXT }, { "kind", WT_TEXT },
		{ "paid_on", WT_TEXT }, { "valid_until", WT_TEXT }, { "status", WT_TEXT },
		{ "fee", WT_DEC },
	};
	struct mrow *rows = xreallocarray(NULL, b->nmembers ? b->nmembers : 1, sizeof *rows);
	long voters = 0, lapsed = 0, visits = 0;
	struct writer w;
	char day[16];

	for (size_t i = 0; i < b->nmembers; i++) {
		member_row(b, i, on, &rows[i]);
		voters += rows[i].status == MS_VALID;
		visits += rows[i].status == MS_VISIT;
		lapsed += rows[i].status <= MS_LAPSED;
	}
	sort_b = b;
	if (b->nmembers)
		qsort(rows, b->nmembers, sizeof *rows, by_name);
	writer_open(&w, &cli.out);
	if (w.format == OF_JSON) {
		json_t *doc = json_object();

		json_object_set_new(doc, "on", json_string(date_format(on, day)));
		json_object_set_new(doc, "membership_year",
			json_string(b->set.year == YEAR_ROLLING ? "rolling" : "calendar"));
		json_object_set_new(doc, "eligible", json_integer(voters));
		json_object_set_new(doc, "lapsed", json_integer(lapsed));
		json_object_set_new(doc, "visits", json_integer(visits));
		writer_doc(&w, doc, "rows");
	}
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; i < b->nmembers; i++) {
		const struct mrow *r = &rows[i];
		char paid[16] = "", until[16] = "", fee[32] = "";
		const char *v[7];

		if (r->ms) {
			date_format(r->ms->paid_on, paid);
			date_format(r->until, until);
			if (r->own)
				num_format_fixed(r->ms->cents, 2, '.', fee);
		}
		v[0] = b->members[r->member].id;
		v[1] = b->members[r->member].name;
		v[2] = r->ms ? kinds[r->ms->kind] : "";
		v[3] = paid;
		v[4] = until;
		v[5] = statuses[r->status];
		v[6] = fee;
		writer_row(&w, v);
	}
	writer_note(&w, ngettext("%ld entitled to vote on %s (an adult membership: its member; a family "
		"membership: each member of the household; a visit: none); %ld lapsed, %ld on a visit",
		"%ld entitled to vote on %s (an adult membership: its member; a family "
		"membership: each member of the household; a visit: none); %ld lapsed, %ld on a visit",
		(unsigned long)voters),
		voters, date_format(on, day), lapsed, visits);
	writer_note(&w, b->set.year == YEAR_ROLLING ?
		_("memberships run twelve months from the day they are paid") :
		_("memberships run until December 31 of the year they are paid"));
	writer_close(&w);
	free(rows);
	return 0;
}

/* ------------------------------------------------------------ calendar */

enum cstatus { CS_HELD, CS_CLOSED, CS_MOVED };

struct cday {
	ess_day date, held_on;	/* held_on: 0 when closed */
	enum cstatus status;
	const char *reason;
};

/* The distribution of nominal date d (the folder's weekday). */
static struct cday
calendar_day(const struct basket *b, ess_day d)
{
	struct cday c = { d, d, CS_HELD, "" };
	const struct span *cl;

	for (size_t i = 0; i < b->nmoves; i++)
		if (b->moves[i].date == d) {
			c.status = CS_MOVED;
			c.held_on = b->moves[i].moved_to;
			c.reason = b->moves[i].reason ? b->moves[i].reason : "";
			return c;
		}
	if ((cl = closure_on(b, d)) != NULL) {
		c.status = CS_CLOSED;
		c.held_on = 0;
		c.reason = cl->reason ? cl->reason : "";
	}
	return c;
}

/* The first distribution weekday on or after d. */
static ess_day
first_weekday(const struct basket *b, ess_day d)
{
	return d + (b->set.weekday - date_weekday(d) + 7) % 7;
}

/* Appends to line the iCalendar TEXT value s: backslash, semicolon, comma
 * and new line escaped, carriage returns dropped. */
static void
ics_text(struct buf *line, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': buf_adds(line, "\\\\"); break;
		case ';': buf_adds(line, "\\;"); break;
		case ',': buf_adds(line, "\\,"); break;
		case '\n': buf_adds(line, "\\n"); break;
		case '\r': break;
		default: buf_addc(line, *s);
		}
	}
}

/* Writes line as a content line to out: folded so that no line is longer
 * than 75 octets (CRLF excluded), never inside a UTF-8 character; the
 * continuation lines start with a space.  line is reset. */
static void
ics_line(struct buf *out, struct buf *line)
{
	size_t n = 0;

	for (size_t i = 0; i < line->len; ) {
		size_t len = 1;

		while (i + len < line->len && ((unsigned char)line->data[i + len] & 0xC0) == 0x80)
			len++;
		if (n + len > 75) {
			buf_adds(out, "\r\n ");
			n = 1;
		}
		buf_add(out, line->data + i, len);
		n += len;
		i += len;
	}
	buf_adds(out, "\r\n");
	buf_reset(line);
}

/* The association's name as a UID's domain: folded, letters and digits,
 * other runs as one '-'. */
static void
ics_domain(struct buf *out, const char *name)
{
	struct buf f;
	size_t start = out->len;

	buf_init(&f);
	text_fold(&f, name, strlen(name));
	for (size_t i = 0; i < f.len; i++) {
		char c = f.data[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_addc(out, c);
		else if (out->len > start && out->data[out->len - 1] != '-')
			buf_addc(out, '-');
	}
	while (out->len > start && out->data[out->len - 1] == '-')
		buf_setlen(out, out->len - 1);
	if (out->len == start)
		buf_adds(out, "basket-orders");
	buf_release(&f);
}

/* Now in UTC as 20261128T192300Z; SOURCE_DATE_EPOCH, when set, stands for
 * now so that a build or a test gives the same bytes. */
static void
ics_stamp(char *out, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t now = time(NULL);
	struct tm tm;

	if (sde && *sde)
		now = (time_t)strtoll(sde, NULL, 10);
	gmtime_r(&now, &tm);
	strftime(out, size, "%Y%m%dT%H%M%SZ", &tm);
}

/* Europe/Paris since 1996: CET, CEST from the last Sunday of March at
 * 02:00 to the last Sunday of October at 03:00. */
static const char ics_paris[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Europe/Paris\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19810329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19961027T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

/* One VEVENT for the distribution c, held on c->held_on. */
static void
ics_event(struct buf *out, struct buf *line, const struct basket *b, const struct cday *c,
	const char *domain, const char *stamp)
{
	const struct settings *s = &b->set;
	int y, m, d;
	char nominal[16];

	date_to_ymd(c->held_on, &y, &m, &d);
	buf_adds(out, "BEGIN:VEVENT\r\n");
	buf_printf(line, "UID:%s@%s", date_format(c->date, nominal), domain);
	ics_line(out, line);
	buf_printf(line, "DTSTAMP:%s", stamp);
	ics_line(out, line);
	buf_printf(line, "DTSTART;TZID=Europe/Paris:%04d%02d%02dT%02d%02d00", y, m, d,
		s->open_min / 60, s->open_min % 60);
	ics_line(out, line);
	buf_printf(line, "DTEND;TZID=Europe/Paris:%04d%02d%02dT%02d%02d00", y, m, d,
		s->close_min / 60, s->close_min % 60);
	ics_line(out, line);
	buf_adds(line, "SUMMARY:");
	ics_text(line, _("Basket distribution"));
	if (*s->name) {
		buf_adds(line, " \u2014 ");
		ics_text(line, s->name);
	}
	ics_line(out, line);
	if (*s->place) {
		buf_adds(line, "LOCATION:");
		ics_text(line, s->place);
		ics_line(out, line);
	}
	if (c->status == CS_MOVED) {
		char tmp[256];

		snprintf(tmp, sizeof tmp, _("moved from %s"), nominal);
		buf_adds(line, "DESCRIPTION:");
		ics_text(line, tmp);
		ics_line(out, line);
	}
	buf_adds(out, "END:VEVENT\r\n");
}

/* The calendar of from..to as an iCalendar document on w's stream. */
static void
calendar_ics(struct writer *w, const struct basket *b, ess_day from, ess_day to)
{
	struct buf out, line, domain;
	char stamp[32];

	buf_init(&out);
	buf_init(&line);
	buf_init(&domain);
	ics_domain(&domain, b->set.name);
	ics_stamp(stamp, sizeof stamp);
	buf_adds(&out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	buf_printf(&line, "PRODID:-//ess-tools//basket-orders %s//EN", ESS_VERSION);
	ics_line(&out, &line);
	buf_adds(&out, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	if (*b->set.name) {
		buf_adds(&line, "X-WR-CALNAME:");
		ics_text(&line, b->set.name);
		ics_line(&out, &line);
	}
	buf_adds(&out, "X-WR-TIMEZONE:Europe/Paris\r\n");
	buf_adds(&out, ics_paris);
	for (ess_day d = first_weekday(b, from); d <= to; d += 7) {
		struct cday c = calendar_day(b, d);

		if (c.held_on)
			ics_event(&out, &line, b, &c, domain.data, stamp);
	}
	buf_adds(&out, "END:VCALENDAR\r\n");
	if (fwrite(out.data, 1, out.len, writer_file(w)) != out.len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_release(&out);
	buf_release(&line);
	buf_release(&domain);
}

int
cmd_calendar(const struct basket *b, ess_day from, ess_day to, int ics)
{
	static const char *const statuses[] = { "held", "closed", "moved" };
	static const struct wcol cols[] = {
		{ "date", WT_TEXT }, { "weekday", WT_TEXT }, { "status", WT_TEXT },
		{ "moved_to", WT_TEXT }, { "reason", WT_TEXT },
	};
	long held = 0, closed = 0, moved = 0;
	struct writer w;
	char f[16], t[16];

	if (!from)
		from = b->today;
	if (!to)
		to = date_add_months(from, 12) - 1;
	if (to < from)
		ess_die(EX_USAGE, _("--to (%s) is before --from (%s)"), date_format(to, t), date_format(from, f));
	writer_open(&w, &cli.out);
	if (ics) {
		calendar_ics(&w, b, from, to);
		writer_close(&w);
		return 0;
	}
	writer_columns(&w, cols, sizeof cols / sizeof *cols);
	for (ess_day d = first_weekday(b, from); d <= to; d += 7) {
		struct cday c = calendar_day(b, d);
		char date[16], mt[16] = "";
		const char *v[5];

		if (c.status == CS_MOVED)
			date_format(c.held_on, mt);
		v[0] = date_format(d, date);
		v[1] = weekday_names[date_weekday(d)];
		v[2] = statuses[c.status];
		v[3] = mt;
		v[4] = c.reason;
		writer_row(&w, v);
		held += c.status == CS_HELD;
		closed += c.status == CS_CLOSED;
		moved += c.status == CS_MOVED;
	}
	writer_note(&w, _("%s to %s: %ld held, %ld moved, %ld closed"),
		date_format(from, f), date_format(to, t), held, moved, closed);
	writer_close(&w);
	return 0;
}

/* ------------------------------------------------------------ roster */

/* Warns about the roster's lines in from..to on a day without a
 * distribution held (a closure, a move, a wrong day). */
static void
roster_strays(const struct basket *b, ess_day from, ess_day to)
{
	for (size_t i = 0; i < b->nroster; i++) {
		const struct duty *du = &b->roster[i];
		const char *why;
		char day[16];

		if (du->date < from || du->date > to || distribution_on(b, du->date, &why))
			continue;
		ess_warn_at(du->at.file, du->at.line, 0, _("no distribution on %s: %s"),
			date_format(du->date, day), _(why));
	}
}

int
cmd_roster(const struct basket *b, ess_day from, ess_day to, int gaps, int min)
{
	static const struct wcol cols[] = {
		{ "date", WT_TEXT }, { "role", WT_TEXT }, { "member", WT_TEXT }, { "name", WT_TEXT },
	};
	static const struct wcol gap_cols[] = { { "date", WT_TEXT }, { "volunteers", WT_INT } };
	long dates = 0, short_of = 0;
	struct writer w;
	char f[16], t[16];

	if (!from)
		from = b->today;
	if (!to)
		to = from + 8 * 7 - 1;
	if (to < from)
		ess_die(EX_USAGE, _("--to (%s) is before --from (%s)"), date_format(to, t), date_format(from, f));
	roster_strays(b, from, to);
	writer_open(&w, &cli.out);
	writer_columns(&w, gaps ? gap_cols : cols, gaps ? 2 : 4);
	for (ess_day d = first_weekday(b, from); d <= to; d += 7) {
		struct cday c = calendar_day(b, d);
		char date[16], count[32];
		long n = 0;

		if (!c.held_on)
			continue;
		date_format(c.held_on, date);
		for (size_t i = 0; i < b->nroster; i++) {
			const struct duty *du = &b->roster[i];
			int again = 0;

			if (du->date != c.held_on)
				continue;
			for (size_t j = 0; j < i && !again; j++)
				again = b->roster[j].date == du->date && b->roster[j].member == du->member;
			n += !again;
			if (!gaps) {
				const char *v[4] = { date, du->role, b->members[du->member].id,
					b->members[du->member].name };

				writer_row(&w, v);
			}
		}
		if (!gaps && n == 0) {
			const char *v[4] = { date, "", "", "" };

			writer_row(&w, v);
		}
		dates++;
		if (n < min) {
			short_of++;
			if (gaps) {
				const char *v[2] = { date, count };

				snprintf(count, sizeof count, "%ld", n);
				writer_row(&w, v);
			}
		}
	}
	writer_note(&w, ngettext("%s to %s: %ld distribution held, %ld with fewer than %d volunteers",
		"%s to %s: %ld distributions held, %ld with fewer than %d volunteers", (unsigned long)dates),
		date_format(from, f), date_format(to, t), dates, short_of, min);
	writer_close(&w);
	return 0;
}
