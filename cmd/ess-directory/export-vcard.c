/*
 * export-vcard.c: one vCard 4.0 (RFC 6350) per record, for address books.
 *
 * Every value is escaped as section 3.4 asks (backslash, comma, semicolon
 * and line breaks), URIs included: the geo URI's comma is written "\,", as
 * the verified erratum 3846 corrects the RFC's own GEO example.  Lines end
 * with CRLF and are folded before 75 octets with CRLF and a space, never
 * inside a UTF-8 character nor inside a backslash escape.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "dir.h"
#include "err.h"
#include "export.h"
#include "geo.h"

#define FOLD_AT 75	/* octets a line may hold, CRLF aside */

/* Appends s escaped for a vCard value: \\ \, \; and \n for any line
 * break; other control characters (a tab aside) become spaces. */
static void
vc_escape(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '\\': buf_add(b, "\\\\", 2); break;
		case ',': buf_add(b, "\\,", 2); break;
		case ';': buf_add(b, "\\;", 2); break;
		case '\r':
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			/* FALLTHROUGH */
		case '\n': buf_add(b, "\\n", 2); break;
		default:
			buf_addc(b, (c < 0x20 && c != '\t') || c == 0x7f ? ' ' : c);
		}
	}
}

/* The octets of what starts at s[i]: a whole UTF-8 character, or a
 * backslash escape (every backslash in a built line starts one). */
static size_t
chunk_len(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];
	size_t n = c == '\\' ? 2 : c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

	return i + n <= len ? n : len - i;
}

/* Appends the logical line to out, folded, with CRLF. */
static void
vc_fold(struct buf *out, const char *s, size_t len)
{
	size_t col = 0;

	for (size_t i = 0; i < len; ) {
		size_t n = chunk_len(s, i, len);

		if (col + n > FOLD_AT) {
			buf_add(out, "\r\n ", 3);
			col = 1;
		}
		buf_add(out, s + i, n);
		col += n;
		i += n;
	}
	buf_add(out, "\r\n", 2);
}

/* A property NAME[;PARAMS]:VALUE with the value escaped; nothing when the
 * value is empty. */
static void
vc_prop(struct buf *out, struct buf *line, const char *name, const char *v, size_t len)
{
	if (!len)
		return;
	buf_reset(line);
	buf_adds(line, name);
	buf_addc(line, ':');
	vc_escape(line, v, len);
	vc_fold(out, line->data, line->len);
}

/* ADR: PO box; extended; street; locality; region; postal code; country. */
static void
vc_adr(struct buf *out, struct buf *line, const struct dir_reader *d)
{
	const char *street, *town, *pc;
	size_t slen, tlen, plen;

	street = dir_getn(d, D_ADDRESS, &slen);
	town = dir_getn(d, D_COMMUNE, &tlen);
	pc = dir_getn(d, D_POSTCODE, &plen);
	if (!slen && !tlen && !plen)
		return;
	buf_reset(line);
	buf_adds(line, "ADR:;;");
	vc_escape(line, street, slen);
	buf_addc(line, ';');
	vc_escape(line, town, tlen);
	buf_add(line, ";;", 2);
	vc_escape(line, pc, plen);
	buf_adds(line, ";France");
	vc_fold(out, line->data, line->len);
}

/* CATEGORIES with the values of a '|' list, each escaped, commas between;
 * the X-ESS-LIST parameter says which list (offers, needs, tags). */
static void
vc_categories(struct buf *out, struct buf *line, const struct dir_reader *d, enum dcol c)
{
	const char *p = dir_get(d, c), *v;
	size_t len;
	int n = 0;

	buf_reset(line);
	buf_adds(line, "CATEGORIES;X-ESS-LIST=");
	buf_adds(line, dir_spec[c].name);
	buf_addc(line, ':');
	while ((v = list_next(&p, &len))) {
		if (n++)
			buf_addc(line, ',');
		vc_escape(line, v, len);
	}
	if (n)
		vc_fold(out, line->data, line->len);
}

/* Reads "HH:MM[:SS][.fff][Z|+HH[:MM]|-HH[:MM]]" into "HHMMSS" and a zone
 * ("Z", "+HHMM" or "" for local time); -1 when it is not that. */
static int
parse_time(const char *s, size_t len, char *hms, char *zone)
{
	size_t i = 0;
	int h, m, sec = 0;

#define DIG2(p) ((p)[0] >= '0' && (p)[0] <= '9' && (p)[1] >= '0' && (p)[1] <= '9')
	if (len < 5 || !DIG2(s) || s[2] != ':' || !DIG2(s + 3))
		return -1;
	h = (s[0] - '0') * 10 + s[1] - '0';
	m = (s[3] - '0') * 10 + s[4] - '0';
	i = 5;
	if (i + 3 <= len && s[i] == ':' && DIG2(s + i + 1)) {
		sec = (s[i + 1] - '0') * 10 + s[i + 2] - '0';
		i += 3;
		if (i < len && s[i] == '.')
			for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
				;
	}
	if (h > 23 || m > 59 || sec > 60)
		return -1;
	sprintf(hms, "%02d%02d%02d", h, m, sec);
	zone[0] = '\0';
	if (i < len && (s[i] == 'Z' || s[i] == 'z') && i + 1 == len)
		memcpy(zone, "Z", 2);
	else if (i < len && (s[i] == '+' || s[i] == '-') && len - i >= 3 && DIG2(s + i + 1)) {
		const char *mm = s + i + 3;
		size_t rest = len - i - 3;

		if (rest == 3 && mm[0] == ':' && DIG2(mm + 1))
			mm++, rest--;
		if (rest != 0 && !(rest == 2 && DIG2(mm)))
			return -1;
		sprintf(zone, "%c%.2s%.2s", s[i], s + i + 1, rest ? mm : "00");
	} else if (i != len)
		return -1;
#undef DIG2
	return 0;
}

/* REV from updated, into rev (at least 32 bytes; "" when there is none):
 * a date alone is taken as midnight UTC.  -1 when it is not a date (the
 * row is rejected). */
static int
vc_rev(char *rev, struct dir_reader *d)
{
	size_t len, dlen;
	const char *v = dir_getn(d, D_UPDATED, &len);
	char date[16], hms[8] = "000000", zone[8] = "Z";
	ess_day day;
	int y, m, dd;

	rev[0] = '\0';
	if (!len)
		return 0;
	dlen = len > 10 && (v[10] == 'T' || v[10] == ' ') ? 10 : len;
	if (dlen >= sizeof date)
		goto bad;
	memcpy(date, v, dlen);
	date[dlen] = '\0';
	if (date_parse(date, &day) != 0)
		goto bad;
	if (dlen < len && parse_time(v + 11, len - 11, hms, zone) != 0)
		goto bad;
	date_to_ymd(day, &y, &m, &dd);
	snprintf(rev, 32, "REV:%04d%02d%02dT%s%s", y, m, dd, hms, zone);
	return 0;
bad:
	table_reject(d->t, d->row, dir_field(d, D_UPDATED),
		_("updated '%.*s' is not a date (YYYY-MM-DD, DD/MM/YYYY, or a date and a time)"),
		(int)len, v);
	return -1;
}

/* The buffers a run reuses: the output, a logical line, a scratch one. */
struct vc {
	struct buf out, line, tmp;
};

/* One record's vCard, into vc->out; -1 when the record is rejected (and
 * nothing is written). */
static int
vcard(struct vc *vc, struct dir_reader *d)
{
	struct buf *out = &vc->out, *line = &vc->line;
	size_t len;
	const char *v;
	double lat, lon;
	int located;
	char uid[EXPORT_UIDLEN], tel[24], rev[32], a[32], b[32];

	if (!export_named(d, "vCard") || (located = dir_coords(d, &lat, &lon)) < 0 ||
	    vc_rev(rev, d) != 0)
		return -1;
	buf_adds(out, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n");
	export_uid(d, &vc->tmp, uid);
	vc_prop(out, line, "UID", uid, strlen(uid));
	v = dir_getn(d, D_NAME, &len);
	vc_prop(out, line, "FN", v, len);
	vc_prop(out, line, "ORG", v, len);
	vc_adr(out, line, d);
	if (located) {
		buf_reset(line);
		buf_printf(line, "GEO:geo:%s\\,%s", geo_format_coord(lat, a), geo_format_coord(lon, b));
		vc_fold(out, line->data, line->len);
	}
	v = dir_getn(d, D_PHONE, &len);
	if (len && export_phone(v, len, tel) == 0) {
		buf_reset(line);
		buf_printf(line, "TEL;VALUE=uri:tel:%s", tel);
		vc_fold(out, line->data, line->len);
	} else
		vc_prop(out, line, "TEL", v, len);
	v = dir_getn(d, D_EMAIL, &len);
	vc_prop(out, line, "EMAIL", v, len);
	v = dir_getn(d, D_WEBSITE, &len);
	buf_reset(&vc->tmp);
	if (len && export_web(&vc->tmp, v, len) == 0)
		vc_prop(out, line, "URL", vc->tmp.data, vc->tmp.len);
	else if (len)
		table_warn(d->t, d->row, dir_field(d, D_WEBSITE),
			_("website '%.*s' is not an http or https address: left out of the vCard"),
			(int)len, v);
	v = dir_getn(d, D_DESCRIPTION, &len);
	vc_prop(out, line, "NOTE", v, len);
	vc_categories(out, line, d, D_OFFERS);
	vc_categories(out, line, d, D_NEEDS);
	vc_categories(out, line, d, D_TAGS);
	if (rev[0])
		vc_fold(out, rev, strlen(rev));
	buf_adds(out, "END:VCARD\r\n");
	return 0;
}

void
export_vcard(struct dir_reader *d, FILE *fp)
{
	struct vc vc;

	export_need_column(d, D_NAME, "vCard");
	buf_init(&vc.out);
	buf_init(&vc.line);
	buf_init(&vc.tmp);
	while (dir_next(d)) {
		vcard(&vc, d);
		if (vc.out.len >= (size_t)64 * 1024)
			export_flush(&vc.out, fp);
	}
	export_flush(&vc.out, fp);
	buf_release(&vc.out);
	buf_release(&vc.line);
	buf_release(&vc.tmp);
}
