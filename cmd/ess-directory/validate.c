/*
 * validate.c: checks every field of every record (identifiers, postcodes,
 * INSEE codes, e-mail and web addresses, phones, coordinates, dates...)
 * and says each problem at its file:line:col; --fix writes the records
 * back with every value that can be repaired put right, and lists every
 * change.
 *
 * A field's check gives one of four verdicts:
 *   V_OK    right as written;
 *   V_NORM  right, written in another accepted way (a phone with spaces,
 *           a date as DD/MM/YYYY): --fix writes the normal form, and it is
 *           no problem;
 *   V_FIX   wrong, and repairable (a postcode that lost its leading zero):
 *           a problem that --fix repairs;
 *   V_BAD   wrong, and not repairable: a problem --fix leaves as it is.
 * Spaces around a value are a warning (the exit status ignores it) that
 * --fix trims, and so is a postcode and an INSEE code in two departments,
 * which --fix cannot settle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "date.h"
#include "dir.h"
#include "err.h"
#include "geo.h"
#include "ident.h"
#include "map.h"
#include "num.h"
#include "text.h"

enum verdict { V_OK, V_NORM, V_FIX, V_BAD };

static struct {
	int fix;
	int quiet;
	unsigned long only;	/* bit per enum dcol; 0: every column */
} opt;

enum { OPT_FIX = 0x200, OPT_ONLY };

static const struct argp_option options[] = {
	{ "fix", OPT_FIX, NULL, 0, N_("write the records with every value that can be repaired put right, and list each change"), 0 },
	{ "only", OPT_ONLY, N_("COLUMN[,COLUMN]..."), 0, N_("check these columns only"), 0 },
	{ "quiet", 'q', NULL, 0, N_("say nothing but fatal errors: the exit status tells"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

/* The record column a name (canonical or alias, folded) means, or -1. */
static int
column_named(const char *name, size_t len)
{
	struct buf want = BUF_INIT, key = BUF_INIT;
	int found = -1;

	text_fold_key(&want, name, len);
	for (int c = 0; c < D_NCOLS && found < 0; c++) {
		const char *p = dir_spec[c].aliases, *e;

		key.len = 0;
		text_fold_key(&key, dir_spec[c].name, strlen(dir_spec[c].name));
		if (key.len == want.len && memcmp(key.data, want.data, key.len) == 0)
			found = c;
		for (; found < 0 && *p; p = *e ? e + 1 : e) {
			e = p + strcspn(p, "|");
			key.len = 0;
			text_fold_key(&key, p, (size_t)(e - p));
			if (key.len == want.len && memcmp(key.data, want.data, key.len) == 0)
				found = c;
		}
	}
	buf_release(&want);
	buf_release(&key);
	return found;
}

static void
parse_only(struct argp_state *state, const char *arg)
{
	const char *p = arg, *e;

	for (; *p; p = *e ? e + 1 : e) {
		size_t len;
		int c;

		e = p + strcspn(p, ",");
		while (p < e && *p == ' ')
			p++;
		len = (size_t)(e - p);
		while (len && p[len - 1] == ' ')
			len--;
		if (!len)
			continue;
		if ((c = column_named(p, len)) < 0)
			argp_error(state, _("--only: '%.*s' is not a column of the record"), (int)len, p);
		opt.only |= 1ul << c;
	}
	if (!opt.only)
		argp_error(state, "%s", _("--only: no column named"));
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_FIX:
		opt.fix = 1;
		break;
	case OPT_ONLY:
		parse_only(state, arg);
		break;
	case 'q':
		opt.quiet = 1;
		break;
	case ARGP_KEY_END:
		if (!opt.fix && (cli.out.format != OF_AUTO || cli.out.path || cli.out.excel))
			argp_error(state, "%s", _("-o, -O and --excel write the fixed records: use them with --fix"));
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Check every record: SIREN and SIRET check digits (La Poste's SIRETs "
	"by their digit sum), RNA numbers, postcodes and INSEE codes and their "
	"departments, e-mail and web addresses, phones, coordinates, family, "
	"dates, headcounts, repeated ids, spaces around values.  Each problem "
	"is one line on standard error, at FILE:LINE:COL with the column's "
	"name; a summary ends them.  Nothing is written on standard output "
	"without --fix."
	"\vWith --fix the records are written (every column, the header as "
	"read) with phones as +33..., postcodes and INSEE codes zero-padded, "
	"addresses given their https://, dates as YYYY-MM-DD, decimal points, "
	"spaces trimmed, and each change is listed on standard error; a value "
	"that cannot be repaired is written as it was, and said.  Exit status: "
	"0 when no problem is left (warnings do not count), 65 otherwise.");

const struct argp validate_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

/* ------------------------------------------------------------ checks */

/*
 * Each check gets a value trimmed and not empty; it writes the repaired
 * or normal form into fix for V_NORM and V_FIX, and what is wrong into
 * why for V_FIX and V_BAD.  They are listed in checks[], by column.
 */

/* V_NORM when fix differs from s, else V_OK. */
static enum verdict
norm_if_changed(const char *s, size_t n, const struct buf *fix)
{
	return fix->len == n && memcmp(fix->data, s, n) == 0 ? V_OK : V_NORM;
}

/* A SIREN or a SIRET: want digits, checked by ok. */
static enum verdict
check_number(const char *s, size_t n, struct buf *fix, struct buf *why,
	const char *what, size_t want, int (*ok)(const char *, size_t))
{
	int squeezed;

	if (ident_scientific(s, n)) {
		buf_adds(why, _("written in scientific notation by a spreadsheet: the last digits are lost"));
		return V_BAD;
	}
	squeezed = ident_squeeze(fix, s, n);
	if (!ident_digits(fix->data, fix->len)) {
		buf_printf(why, _("a %s is %zu digits"), what, want);
		return V_BAD;
	}
	if (fix->len == want - 1) {
		buf_add(fix, "0", 1);
		memmove(fix->data + 1, fix->data, fix->len - 1);
		fix->data[0] = '0';
		if (ok(fix->data, fix->len)) {
			buf_adds(why, _("the leading zero is lost"));
			return V_FIX;
		}
		memmove(fix->data, fix->data + 1, --fix->len);
		fix->data[fix->len] = '\0';
	}
	if (fix->len != want) {
		buf_printf(why, _("a %s is %zu digits, not %zu"), what, want, fix->len);
		return V_BAD;
	}
	if (!ok(fix->data, fix->len)) {
		if (want == 14 && memcmp(fix->data, "356000000", 9) == 0)
			buf_adds(why, _("bad check digit (La Poste's digits must add up to a multiple of 5)"));
		else
			buf_adds(why, _("bad check digit (Luhn)"));
		return V_BAD;
	}
	if (squeezed) {
		buf_adds(why, _("spaces inside the number"));
		return V_FIX;
	}
	return V_OK;
}

static enum verdict
check_siren(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	return check_number(s, n, fix, why, "SIREN", 9, siren_ok);
}

static enum verdict
check_siret(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	return check_number(s, n, fix, why, "SIRET", 14, siret_ok);
}

static enum verdict
check_rna(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	int squeezed = ident_squeeze(fix, s, n), lower = fix->len && fix->data[0] == 'w';

	if (lower)
		fix->data[0] = 'W';
	if (!rna_ok(fix->data, fix->len)) {
		buf_adds(why, _("an RNA number is W and nine characters (W243001234), or ten digits for an older one"));
		return V_BAD;
	}
	if (squeezed)
		buf_adds(why, _("spaces inside the number"));
	else if (lower)
		buf_adds(why, _("the W is written as a capital"));
	return squeezed || lower ? V_FIX : V_OK;
}

static enum verdict
check_postcode(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	int squeezed = ident_squeeze(fix, s, n);

	if (fix->len == 5 && fix->data[0] == '2' && (fix->data[1] == 'A' || fix->data[1] == 'B' ||
	    fix->data[1] == 'a' || fix->data[1] == 'b')) {
		buf_adds(why, _("Corsica's postcodes start with 20 (2A and 2B are in INSEE codes)"));
		return V_BAD;
	}
	if (fix->len == 4 && ident_digits(fix->data, 4) && fix->data[0] != '0') {
		buf_add(fix, "0", 1);
		memmove(fix->data + 1, fix->data, 4);
		fix->data[0] = '0';
		buf_adds(why, _("the leading zero is lost"));
		return V_FIX;
	}
	if (!ident_digits(fix->data, fix->len) || fix->len != 5) {
		buf_adds(why, _("a postcode is five digits"));
		return V_BAD;
	}
	if (!postcode_valid(fix->data, fix->len)) {
		buf_printf(why, _("there is no department %.2s"), fix->data);
		return V_BAD;
	}
	if (squeezed) {
		buf_adds(why, _("spaces inside the postcode"));
		return V_FIX;
	}
	return V_OK;
}

static enum verdict
check_insee(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	buf_add(fix, s, n);
	if (n == 4 && ident_digits(s, n)) {
		buf_reset(fix);
		buf_addc(fix, '0');
		buf_add(fix, s, n);
		if (insee_valid(fix->data, fix->len)) {
			buf_adds(why, _("the leading zero is lost"));
			return V_FIX;
		}
	}
	if (n == 5 && s[0] == '2' && (s[1] == 'a' || s[1] == 'b')) {
		fix->data[1] = (char)(s[1] - 'a' + 'A');
		if (insee_valid(fix->data, fix->len)) {
			buf_adds(why, _("2A and 2B are written in capitals"));
			return V_FIX;
		}
	}
	if (insee_valid(s, n))
		return V_OK;
	if (n == 5 && s[0] == '2' && s[1] == '0')
		buf_adds(why, _("Corsica's INSEE codes start with 2A or 2B, not 20"));
	else
		buf_adds(why, _("an INSEE code is five characters: two digits, or 2A or 2B, then three digits"));
	return V_BAD;
}

static enum verdict
check_phone(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	switch (phone_norm(fix, s, n)) {
	case PHONE_OK:
		return norm_if_changed(s, n, fix);
	case PHONE_ZERO:
		buf_adds(why, _("the leading zero is lost"));
		return V_FIX;
	case PHONE_NOT_NUMBER:
		buf_adds(why, _("not a phone number"));
		break;
	case PHONE_LENGTH:
		buf_adds(why, _("not a French number of 10 digits, nor + and a country code"));
		break;
	case PHONE_SEVERAL:
		buf_adds(why, _("several numbers: keep one"));
		break;
	}
	return V_BAD;
}

static enum verdict
check_email(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	const char *msg = NULL;

	switch (email_norm(fix, s, n)) {
	case EMAIL_OK:
		return norm_if_changed(s, n, fix);
	case EMAIL_NO_AT:
		msg = _("no '@'");
		break;
	case EMAIL_TWO_AT:
		msg = _("more than one '@'");
		break;
	case EMAIL_SEVERAL:
		msg = _("several addresses: keep one");
		break;
	case EMAIL_SPACE:
		msg = _("a space inside the address");
		break;
	case EMAIL_LOCAL:
		msg = _("a character that is not allowed before the '@'");
		break;
	case EMAIL_DOMAIN:
		msg = _("what follows the '@' is not a domain name with a dot");
		break;
	}
	buf_adds(why, msg);
	return V_BAD;
}

static enum verdict
check_website(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	switch (url_norm(fix, s, n)) {
	case URL_OK:
		if (!(n >= 7 && strncasecmp(s, "http://", 7) == 0) &&
		    !(n >= 8 && strncasecmp(s, "https://", 8) == 0)) {
			buf_adds(why, _("no http:// or https://"));
			return V_FIX;
		}
		return norm_if_changed(s, n, fix);
	case URL_SCHEME:
		buf_adds(why, _("not a web address (http:// or https://)"));
		break;
	case URL_HOST:
		buf_adds(why, _("no host name with a dot"));
		break;
	case URL_SPACE:
		buf_adds(why, _("a space inside the address"));
		break;
	}
	return V_BAD;
}

/* lat or lon: degrees within limit, a decimal comma made a point. */
static enum verdict
check_degrees(const char *s, size_t n, struct buf *fix, struct buf *why, double limit)
{
	double v;

	buf_add(fix, s, n);
	if (geo_parse_coord(fix->data, &v) != 0) {
		buf_adds(why, _("not a number of degrees"));
		return V_BAD;
	}
	if (!(v >= -limit && v <= limit)) {
		buf_printf(why, _("out of range: not between -%g and %g"), limit, limit);
		return V_BAD;
	}
	for (size_t i = 0; i < fix->len; i++)
		if (fix->data[i] == ',')
			fix->data[i] = '.';
	return norm_if_changed(s, n, fix);
}

static enum verdict
check_lat(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	return check_degrees(s, n, fix, why, 90);
}

static enum verdict
check_lon(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	return check_degrees(s, n, fix, why, 180);
}

static enum verdict
check_family(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	int f = family_parse(s, n);

	/* family_parse takes the s of "esus" for a plural: the family names
	 * themselves, in any case, come first. */
	for (int i = 0; i < F_NFAMILIES; i++)
		if (strlen(family_names[i]) == n && strncasecmp(s, family_names[i], n) == 0)
			f = i;
	if (f < 0) {
		buf_adds(why, _("not association, cooperative, mutual, foundation, esus, company, public or other"));
		return V_BAD;
	}
	buf_adds(fix, family_names[f]);
	return norm_if_changed(s, n, fix);
}

static enum verdict
check_updated(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	ess_day day;
	char out[16];
	size_t dn = n;

	/* "2026-03-01T10:00:00Z" or "2026-03-01 10:00": its date is checked. */
	if (n > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-')
		dn = 10;
	buf_add(fix, s, dn);
	if (date_parse(fix->data, &day) != 0) {
		buf_adds(why, _("not a date (YYYY-MM-DD)"));
		return V_BAD;
	}
	buf_reset(fix);
	buf_adds(fix, date_format(day, out));
	buf_add(fix, s + dn, n - dn);
	return norm_if_changed(s, n, fix);
}

static enum verdict
check_employees(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	int64_t v;

	buf_add(fix, s, n);
	if (num_parse_int(fix->data, &v) != 0) {
		buf_adds(why, _("not a whole number"));
		return V_BAD;
	}
	if (v < 0) {
		buf_adds(why, _("a negative number"));
		return V_BAD;
	}
	buf_reset(fix);
	buf_printf(fix, "%lld", (long long)v);
	return norm_if_changed(s, n, fix);
}

/* A NAF code: 88.99B; "8899B" and "88.99b" are its other ways. */
static enum verdict
check_naf(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	char d[6];

	ident_squeeze(fix, s, n);	/* the dot goes too */
	if (fix->len != 5 || !ident_digits(fix->data, 4) ||
	    !((fix->data[4] >= 'A' && fix->data[4] <= 'Z') || (fix->data[4] >= 'a' && fix->data[4] <= 'z'))) {
		buf_adds(why, _("a NAF code is two digits, a dot, two digits and a letter (88.99B)"));
		return V_BAD;
	}
	memcpy(d, fix->data, 5);
	buf_reset(fix);
	buf_printf(fix, "%.2s.%.2s%c", d, d + 2, d[4] >= 'a' ? d[4] - 'a' + 'A' : d[4]);
	return norm_if_changed(s, n, fix);
}

/* offers, needs, tags: values trimmed, empty ones dropped.  why serves
 * as the NUL-terminated copy list_next needs. */
static enum verdict
check_list(const char *s, size_t n, struct buf *fix, struct buf *why)
{
	const char *p, *v;
	size_t len;

	buf_add(why, s, n);
	p = why->data;
	while ((v = list_next(&p, &len))) {
		if (fix->len)
			buf_addc(fix, '|');
		buf_add(fix, v, len);
	}
	buf_reset(why);
	return norm_if_changed(s, n, fix);
}

static enum verdict (*const checks[D_NCOLS])(const char *, size_t, struct buf *, struct buf *) = {
	[D_FAMILY] = check_family, [D_SIREN] = check_siren, [D_SIRET] = check_siret,
	[D_RNA] = check_rna, [D_NAF] = check_naf, [D_POSTCODE] = check_postcode,
	[D_INSEE_CODE] = check_insee, [D_LAT] = check_lat, [D_LON] = check_lon,
	[D_PHONE] = check_phone, [D_EMAIL] = check_email, [D_WEBSITE] = check_website,
	[D_OFFERS] = check_list, [D_NEEDS] = check_list, [D_TAGS] = check_list,
	[D_EMPLOYEES] = check_employees, [D_UPDATED] = check_updated,
};

/* ------------------------------------------------------------ the run */

/* Where an id was first seen. */
struct idpos {
	const char *file;
	long line;
};

static struct {
	struct dir_reader d;
	struct buf *fix;	/* per output column, reused row after row */
	const char **vals;	/* the row written with --fix */
	struct buf why, msg, show;
	/* each record column of the current row, after its fix */
	const char *cur[D_NCOLS];
	size_t curlen[D_NCOLS];
	int ok[D_NCOLS];	/* its check passed (maybe after a fix) */
	struct map ids;
	struct idpos *idpos;
	long problems, warnings, changes;
} vs;

/* Appends s as a message shows it: control characters escaped, cut after
 * 80 bytes (at a character's start). */
static void
show(struct buf *b, const char *s, size_t n)
{
	size_t cut = n;

	if (n > 80) {
		cut = 77;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	for (size_t i = 0; i < cut; i++) {
		if (s[i] == '\n')
			buf_adds(b, "\\n");
		else if (s[i] == '\r')
			buf_adds(b, "\\r");
		else if (s[i] == '\t')
			buf_adds(b, "\\t");
		else if ((unsigned char)s[i] < 0x20)
			buf_printf(b, "\\x%02x", (unsigned char)s[i]);
		else
			buf_addc(b, s[i]);
	}
	if (cut < n)
		buf_adds(b, "...");
}

/* Says vs.msg about field of the current row, at its position. */
static void
say(int field)
{
	struct dir_reader *d = &vs.d;

	if (opt.quiet)
		return;
	if (d->t->format == TF_JSON || d->t->format == TF_JSONL)
		ess_warn_at(d->t->name, d->row->line, 0, "%s", vs.msg.data);
	else
		table_warn(d->t, d->row, field, "%s", vs.msg.data);
}

/* A problem or a warning: "[warning: ]COLUMN 'VALUE': WHY[ (--fix writes 'NEW')]". */
static void
report(int field, int warning, const char *why, const struct buf *fix)
{
	const struct row *r = vs.d.row;

	if (warning)
		vs.warnings++;
	else
		vs.problems++;
	buf_reset(&vs.msg);
	buf_reset(&vs.show);
	show(&vs.show, r->f[field], r->len[field]);
	buf_addc(&vs.show, '\0');
	if (fix) {
		size_t at = vs.show.len;

		show(&vs.show, fix->data, fix->len);
		buf_printf(&vs.msg, warning ? _("warning: %s '%s': %s (--fix writes '%s')")
			: _("%s '%s': %s (--fix writes '%s')"),
			vs.d.t->cols[field], vs.show.data, why, vs.show.data + at);
	} else {
		buf_printf(&vs.msg, warning ? _("warning: %s '%s': %s") : _("%s '%s': %s"),
			vs.d.t->cols[field], vs.show.data, why);
	}
	say(field);
}

/* With --fix: "COLUMN: 'OLD' -> 'NEW'". */
static void
report_change(int field, const struct buf *fix)
{
	const struct row *r = vs.d.row;

	vs.changes++;
	buf_reset(&vs.msg);
	buf_printf(&vs.msg, "%s: '", vs.d.t->cols[field]);
	show(&vs.msg, r->f[field], r->len[field]);
	buf_adds(&vs.msg, "' -> '");
	show(&vs.msg, fix->data, fix->len);
	buf_addc(&vs.msg, '\'');
	say(field);
}

/* With -v and no --fix: a value --fix would write in its normal form. */
static void
report_norm(int field, const struct buf *fix)
{
	const struct row *r = vs.d.row;

	buf_reset(&vs.msg);
	buf_reset(&vs.show);
	show(&vs.show, r->f[field], r->len[field]);
	buf_addc(&vs.show, '\0');
	{
		size_t at = vs.show.len;

		show(&vs.show, fix->data, fix->len);
		buf_printf(&vs.msg, _("%s '%s': --fix writes '%s'"), vs.d.t->cols[field],
			vs.show.data, vs.show.data + at);
	}
	say(field);
}

/* The length of the blank at s (space, tab, CR, LF, no-break space), or 0. */
static size_t
blank_at(const char *s, size_t n)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* The value without blanks around it. */
static const char *
trim(const char *s, size_t *n)
{
	size_t k;

	while (*n && (k = blank_at(s, *n)) != 0)
		s += k, *n -= k;
	for (;;) {
		if (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r' || s[*n - 1] == '\n'))
			--*n;
		else if (*n >= 2 && (unsigned char)s[*n - 2] == 0xC2 && (unsigned char)s[*n - 1] == 0xA0)
			*n -= 2;
		else
			return s;
	}
}

/* Checks field (of record column c, or -1 for a column of no record
 * column) and puts the value to write in vs.vals[oc]. */
static void
check_field(int c, int field, int oc)
{
	const struct row *r = vs.d.row;
	size_t n = r->len[field];
	const char *s = trim(r->f[field], &n);
	struct buf *fix = &vs.fix[oc];
	enum verdict v = V_OK;
	int warning = 0;

	buf_reset(fix);
	buf_reset(&vs.why);
	if (c >= 0 && n && checks[c])
		v = checks[c](s, n, fix, &vs.why);
	if (v == V_BAD) {
		report(field, 0, vs.why.data, NULL);
		return;
	}
	if (c >= 0) {
		vs.ok[c] = 1;
		vs.cur[c] = v == V_OK ? s : fix->data;
		vs.curlen[c] = v == V_OK ? n : fix->len;
	}
	if (v == V_OK) {
		if (n == r->len[field])
			return;
		buf_add(fix, s, n);
	}
	if (v != V_FIX && n != r->len[field]) {
		buf_reset(&vs.why);
		buf_adds(&vs.why, _("spaces at the start or end"));
		warning = 1;
	}
	if (opt.fix) {
		report_change(field, fix);
		vs.vals[oc] = fix->data;
	} else if (v == V_FIX || warning)
		report(field, warning, vs.why.data, fix);
	else if (cli.in.verbose)
		report_norm(field, fix);
}

/* The name of record column c in the current file, or its own. */
static const char *
column_name(enum dcol c)
{
	return vs.d.idx[c] >= 0 ? vs.d.t->cols[vs.d.idx[c]] : dir_spec[c].name;
}

static int
wanted(enum dcol c)
{
	return !opt.only || (opt.only & (1ul << c));
}

/* The checks across columns, on the values as fixed. */
static void
check_across(void)
{
	const struct dir_reader *d = &vs.d;
	char a[4], b[4];

	if (wanted(D_SIREN) && wanted(D_SIRET) && vs.ok[D_SIREN] && vs.ok[D_SIRET] &&
	    vs.curlen[D_SIREN] == 9 && vs.curlen[D_SIRET] == 14 &&
	    memcmp(vs.cur[D_SIREN], vs.cur[D_SIRET], 9) != 0) {
		buf_reset(&vs.why);
		buf_printf(&vs.why, _("does not start with the %s %.9s"), column_name(D_SIREN), vs.cur[D_SIREN]);
		report(dir_field(d, D_SIRET), 0, vs.why.data, NULL);
	}
	if (wanted(D_POSTCODE) && wanted(D_INSEE_CODE) && vs.ok[D_POSTCODE] && vs.ok[D_INSEE_CODE] &&
	    vs.curlen[D_POSTCODE] == 5 && vs.curlen[D_INSEE_CODE] == 5 &&
	    !departments_agree(vs.cur[D_POSTCODE], vs.cur[D_INSEE_CODE])) {
		postcode_department(vs.cur[D_POSTCODE], a);
		insee_department(vs.cur[D_INSEE_CODE], b);
		buf_reset(&vs.why);
		buf_printf(&vs.why, _("department %s, but the %s %.5s is in %s"), b,
			column_name(D_POSTCODE), vs.cur[D_POSTCODE], a);
		report(dir_field(d, D_INSEE_CODE), 1, vs.why.data, NULL);
	}
	if (wanted(D_LAT) && wanted(D_LON)) {
		size_t la, lo;

		dir_getn(d, D_LAT, &la);
		dir_getn(d, D_LON, &lo);
		if (!la != !lo) {
			enum dcol has = la ? D_LAT : D_LON;

			buf_reset(&vs.why);
			buf_printf(&vs.why, _("%s is empty: give both coordinates or neither"),
				column_name(la ? D_LON : D_LAT));
			report(dir_field(d, has), 0, vs.why.data, NULL);
		}
	}
	if (wanted(D_ID) && vs.ok[D_ID] && vs.curlen[D_ID]) {
		int added;
		size_t slot = map_put(&vs.ids, vs.cur[D_ID], vs.curlen[D_ID], &added);

		if (added) {
			vs.idpos = xreallocarray(vs.idpos, slot + 1, sizeof *vs.idpos);
			vs.idpos[slot] = (struct idpos){ d->t->name, d->row->line };
		} else {
			const struct idpos *p = &vs.idpos[slot];

			buf_reset(&vs.why);
			if (p->file == d->t->name)
				buf_printf(&vs.why, _("the same id as the record on line %ld"), p->line);
			else
				buf_printf(&vs.why, _("the same id as the record at %s:%ld"), p->file, p->line);
			report(dir_field(d, D_ID), 0, vs.why.data, NULL);
		}
	}
}

/* Checks the current record, field by field, then across fields. */
static void
check_record(void)
{
	const struct dir_reader *d = &vs.d;
	const struct row *r = d->row;
	const int *to = d->src[d->cur].to;

	memcpy(vs.vals, d->v, d->ncols * sizeof *vs.vals);
	memset(vs.ok, 0, sizeof vs.ok);
	memset(vs.curlen, 0, sizeof vs.curlen);
	for (size_t j = 0; j < r->n; j++) {
		int c = -1;

		for (int k = 0; k < D_NCOLS && c < 0; k++)
			if (d->idx[k] == (int)j)
				c = k;
		if (opt.only && (c < 0 || !wanted((enum dcol)c)))
			continue;
		check_field(c, (int)j, to[j]);
	}
	check_across();
}

/* "3 changes, 2 problems, 1 warning in 12 records" on stderr. */
static void
summary(long records)
{
	struct buf b = BUF_INIT;

	if (opt.fix) {
		buf_printf(&b, ngettext("%ld change", "%ld changes", (unsigned long)vs.changes), vs.changes);
		buf_adds(&b, ", ");
	}
	buf_printf(&b, ngettext("%ld problem", "%ld problems", (unsigned long)vs.problems), vs.problems);
	if (vs.warnings) {
		buf_adds(&b, ", ");
		buf_printf(&b, ngettext("%ld warning", "%ld warnings", (unsigned long)vs.warnings), vs.warnings);
	}
	buf_addc(&b, ' ');
	buf_printf(&b, ngettext("in %ld record", "in %ld records", (unsigned long)records), records);
	ess_warn("%s", b.data);
	buf_release(&b);
}

int
validate_run(char **files)
{
	struct writer w;

	dir_open(&vs.d, files, 0);
	vs.fix = xcalloc(vs.d.ncols ? vs.d.ncols : 1, sizeof *vs.fix);
	for (size_t i = 0; i < vs.d.ncols; i++)
		buf_init(&vs.fix[i]);
	vs.vals = xcalloc(vs.d.ncols ? vs.d.ncols : 1, sizeof *vs.vals);
	buf_init(&vs.why);
	buf_init(&vs.msg);
	buf_init(&vs.show);
	map_init(&vs.ids);
	if (opt.fix) {
		writer_open(&w, &cli.out);
		dir_writer_columns(&vs.d, &w);
	}
	while (dir_next(&vs.d)) {
		check_record();
		if (opt.fix)
			writer_row(&w, vs.vals);
	}
	if (opt.fix)
		writer_close(&w);
	if (!opt.quiet)
		summary(vs.d.records);
	for (size_t i = 0; i < vs.d.ncols; i++)
		buf_release(&vs.fix[i]);
	free(vs.fix);
	free(vs.vals);
	free(vs.idpos);
	map_release(&vs.ids);
	buf_release(&vs.why);
	buf_release(&vs.msg);
	buf_release(&vs.show);
	dir_close(&vs.d);
	return vs.problems ? EX_DATAERR : 0;
}
