/*
 * ident.c: SIREN, SIRET and RNA numbers, postcodes and INSEE codes,
 * phones, e-mail and web addresses: their checks and normal forms.
 */
#include <string.h>
#include <strings.h>

#include "ident.h"

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int
ident_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
luhn_ok(const char *s, size_t n)
{
	unsigned sum = 0;

	if (!ident_digits(s, n))
		return 0;
	/* From the right: the check digit as is, every second one doubled. */
	for (size_t i = 0; i < n; i++) {
		unsigned v = (unsigned)(s[n - 1 - i] - '0');

		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

int
siren_ok(const char *s, size_t n)
{
	return n == 9 && luhn_ok(s, n);
}

int
siret_ok(const char *s, size_t n)
{
	unsigned sum = 0;

	if (n != 14 || !ident_digits(s, n))
		return 0;
	if (luhn_ok(s, n))
		return 1;
	if (memcmp(s, "356000000", 9) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		sum += (unsigned)(s[i] - '0');
	return sum % 5 == 0;
}

int
ident_scientific(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	/* D[.,]D+E[+]D+ */
	if (i < n && is_digit((unsigned char)s[i]))
		i++, digits++;
	else
		return 0;
	if (i < n && (s[i] == ',' || s[i] == '.'))
		i++;
	while (i < n && is_digit((unsigned char)s[i]))
		i++, digits++;
	if (i == n || (s[i] != 'E' && s[i] != 'e'))
		return 0;
	i++;
	if (i < n && s[i] == '+')
		i++;
	if (i == n)
		return 0;
	while (i < n && is_digit((unsigned char)s[i]))
		i++;
	return i == n && digits > 0;
}

/* The length of the separator at s (space, tab, dot, hyphen, no-break
 * space, narrow no-break space), or 0. */
static size_t
separator(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t' || *u == '.' || *u == '-')
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
		return 3;
	return 0;
}

int
ident_squeeze(struct buf *out, const char *s, size_t n)
{
	int dropped = 0;

	for (size_t i = 0; i < n;) {
		size_t k = separator(s + i, n - i);

		if (k) {
			dropped = 1;
			i += k;
		} else
			buf_addc(out, s[i++]);
	}
	return dropped;
}

int
rna_ok(const char *s, size_t n)
{
	if (n != 10)
		return 0;
	/* W and nine characters, or the older number: one more digit in
	 * front. */
	if (s[0] != 'W' && !is_digit((unsigned char)s[0]))
		return 0;
	s++;
	if (!is_digit((unsigned char)s[0]) ||
	    !(is_digit((unsigned char)s[1]) || (s[1] >= 'A' && s[1] <= 'Z')))
		return 0;
	return ident_digits(s + 2, 7);
}

int
postcode_valid(const char *s, size_t n)
{
	if (n != 5 || !ident_digits(s, n))
		return 0;
	if (s[0] == '0' && s[1] == '0')
		return 0;
	if (s[0] == '9' && (s[1] == '6' || s[1] == '9'))
		return 0;
	return 1;
}

int
insee_valid(const char *s, size_t n)
{
	if (n != 5 || !ident_digits(s + 2, 3))
		return 0;
	if (s[0] == '2')
		return s[1] == 'A' || s[1] == 'B' || (s[1] >= '1' && s[1] <= '9');
	return is_digit((unsigned char)s[0]) && is_digit((unsigned char)s[1]);
}

/* Two characters, three for 97x and 98x. */
static void
department(const char *s, char dep[4])
{
	size_t n = s[0] == '9' && (s[1] == '7' || s[1] == '8') ? 3 : 2;

	memcpy(dep, s, n);
	dep[n] = '\0';
}

void
postcode_department(const char *pc, char dep[4])
{
	department(pc, dep);
}

void
insee_department(const char *code, char dep[4])
{
	department(code, dep);
}

int
departments_agree(const char *pc, const char *code)
{
	char a[4], b[4];

	postcode_department(pc, a);
	insee_department(code, b);
	if (strcmp(a, "20") == 0)
		return strcmp(b, "2A") == 0 || strcmp(b, "2B") == 0;
	if (strcmp(a, b) == 0)
		return 1;
	return (strncmp(pc, "97133", 5) == 0 && strcmp(b, "977") == 0) ||
		(strncmp(pc, "97150", 5) == 0 && strcmp(b, "978") == 0);
}

/* ------------------------------------------------------------ phones */

/* The overseas departments' prefixes (the three digits after the 0) and
 * their country codes. */
static const struct {
	char prefix[4];
	char cc[4];
} overseas[] = {
	{ "262", "262" }, { "263", "262" }, { "692", "262" }, { "693", "262" },	/* La Réunion */
	{ "269", "262" }, { "639", "262" },					/* Mayotte */
	{ "590", "590" }, { "690", "590" }, { "691", "590" },			/* Guadeloupe, Saint-Martin, Saint-Barthélemy */
	{ "594", "594" }, { "694", "594" },					/* Guyane */
	{ "596", "596" }, { "696", "596" }, { "697", "596" },			/* Martinique */
};

/* Appends the E.164 form of a French national number: nine digits, the
 * leading zero left out. */
static void
french(struct buf *out, const char *nat)
{
	const char *cc = "33";

	for (size_t i = 0; i < sizeof overseas / sizeof *overseas; i++)
		if (memcmp(nat, overseas[i].prefix, 3) == 0)
			cc = overseas[i].cc;
	buf_addc(out, '+');
	buf_adds(out, cc);
	buf_add(out, nat, 9);
}

/* Collects the digits of a phone number into d (at most cap); sets *plus
 * when it starts with '+' and *split when a ',' ';' '|' or '/' separates
 * two parts.  "(0)" after a country code is left out. */
static enum phone_status
phone_digits(const char *s, size_t n, char *d, size_t cap, size_t *nd, int *plus, int *split)
{
	size_t i = 0, k;

	*nd = 0;
	*plus = *split = 0;
	if (n && s[0] == '+')
		*plus = i = 1;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (is_digit(c)) {
			if (*nd == cap)
				return PHONE_LENGTH;
			d[(*nd)++] = (char)c;
			i++;
		} else if (c == '(' && i + 2 < n && s[i + 1] == '0' && s[i + 2] == ')' &&
		    (*plus || (*nd >= 2 && d[0] == '0' && d[1] == '0'))) {
			i += 3;
		} else if (c == '(' || c == ')') {
			i++;
		} else if (c == ',' || c == ';' || c == '|' || c == '/') {
			*split = 1;
			i++;
		} else if ((k = separator(s + i, n - i)) != 0) {
			i += k;
		} else
			return PHONE_NOT_NUMBER;
	}
	return PHONE_OK;
}

enum phone_status
phone_norm(struct buf *out, const char *s, size_t n)
{
	char d[32];
	const char *p = d;
	size_t m;
	int plus, split;
	enum phone_status st = phone_digits(s, n, d, sizeof d, &m, &plus, &split);

	if (st != PHONE_OK)
		return st;
	if (split)
		return m >= 14 ? PHONE_SEVERAL : PHONE_NOT_NUMBER;
	if (!plus && m >= 2 && d[0] == '0' && d[1] == '0') {
		plus = 1;
		p += 2;
		m -= 2;
	}
	if (plus) {
		if (m >= 2 && p[0] == '3' && p[1] == '3') {
			p += 2;
			m -= 2;
			if (m == 10 && p[0] == '0')	/* "+33 05..." */
				p++, m--;
			if (m != 9 || p[0] == '0')
				return PHONE_LENGTH;
			french(out, p);
			return PHONE_OK;
		}
		/* "+262 0262...": the national 0 kept by mistake. */
		if (m == 13 && p[3] == '0')
			for (size_t i = 0; i < sizeof overseas / sizeof *overseas; i++)
				if (memcmp(p, overseas[i].cc, 3) == 0) {
					buf_addc(out, '+');
					buf_add(out, p, 3);
					buf_add(out, p + 4, 9);
					return PHONE_OK;
				}
		if (m < 7 || m > 15 || p[0] == '0')
			return PHONE_LENGTH;
		buf_addc(out, '+');
		buf_add(out, p, m);
		return PHONE_OK;
	}
	if (m == 10 && p[0] == '0' && p[1] != '0') {
		french(out, p + 1);
		return PHONE_OK;
	}
	if (m == 9 && p[0] != '0') {	/* a spreadsheet dropped the 0 */
		french(out, p);
		return PHONE_ZERO;
	}
	if (m == 20 && p[0] == '0' && p[10] == '0')
		return PHONE_SEVERAL;
	return PHONE_LENGTH;
}

/* ------------------------------------------------------------ e-mail */

/* A character allowed in the local part of an address (RFC 5322 atext,
 * dots, and any non-ASCII byte as RFC 6531 allows). */
static int
local_char(unsigned char c)
{
	return is_alnum(c) || c >= 0x80 || strchr("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

/* Whether s is a host name: labels of letters, digits, hyphens or
 * non-ASCII bytes, not starting or ending with a hyphen, separated by
 * single dots, at least two, the last not all digits unless all are (an
 * IPv4 address). */
static int
host_ok(const char *s, size_t n)
{
	size_t labels = 0, start = 0, alldigits = 1, last_digits = 0;

	if (n == 0 || n > 253)
		return 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			size_t len = i - start;

			if (len == 0 || len > 63 || s[start] == '-' || s[i - 1] == '-')
				return 0;
			last_digits = ident_digits(s + start, len);
			alldigits &= last_digits;
			labels++;
			start = i + 1;
			continue;
		}
		if (!is_alnum((unsigned char)s[i]) && s[i] != '-' && (unsigned char)s[i] < 0x80)
			return 0;
	}
	return labels >= 2 && (!last_digits || (alldigits && labels == 4));
}

enum email_status
email_norm(struct buf *out, const char *s, size_t n)
{
	size_t ats = 0, at = 0;
	int space = 0, sep = 0;

	if (n >= 7 && strncasecmp(s, "mailto:", 7) == 0)
		s += 7, n -= 7;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '@')
			ats++, at = i;
		else if (s[i] == ' ' || s[i] == '\t')
			space = 1;
		else if (s[i] == ',' || s[i] == ';')
			sep = 1;
	}
	if (ats == 0)
		return EMAIL_NO_AT;
	if (ats > 1)
		return space || sep ? EMAIL_SEVERAL : EMAIL_TWO_AT;
	if (space)
		return EMAIL_SPACE;
	if (at == 0 || at > 64 || s[0] == '.' || s[at - 1] == '.')
		return EMAIL_LOCAL;
	for (size_t i = 0; i < at; i++)
		if (!local_char((unsigned char)s[i]) || (s[i] == '.' && s[i + 1] == '.'))
			return EMAIL_LOCAL;
	if (!host_ok(s + at + 1, n - at - 1))
		return EMAIL_DOMAIN;
	buf_add(out, s, at + 1);
	for (size_t i = at + 1; i < n; i++)
		buf_addc(out, lower(s[i]));
	return EMAIL_OK;
}

/* ------------------------------------------------------------ web */

enum url_status
url_norm(struct buf *out, const char *s, size_t n)
{
	const char *scheme = "https";
	size_t i, h, hend, port;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7F)
			return URL_SPACE;
	/* The scheme: letters before "://", or before a ':' not followed by
	 * a port number ("mailto:", "tel:"). */
	for (i = 0; i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')); i++)
		continue;
	h = 0;
	if (i > 0 && i + 3 <= n && memcmp(s + i, "://", 3) == 0) {
		if (i == 4 && strncasecmp(s, "http", 4) == 0)
			scheme = "http";
		else if (!(i == 5 && strncasecmp(s, "https", 5) == 0))
			return URL_SCHEME;
		h = i + 3;
	} else if (i > 0 && i < n && s[i] == ':' && !(i + 1 < n && is_digit((unsigned char)s[i + 1])))
		return URL_SCHEME;
	else if (n >= 2 && s[0] == '/' && s[1] == '/')
		h = 2;
	/* The host, and a port. */
	for (hend = h; hend < n && s[hend] != '/' && s[hend] != '?' && s[hend] != '#'; hend++)
		continue;
	for (port = h; port < hend && s[port] != ':'; port++)
		continue;
	if (port < hend && (port + 1 == hend || !ident_digits(s + port + 1, hend - port - 1)))
		return URL_HOST;
	if (!host_ok(s + h, port - h))
		return URL_HOST;
	buf_adds(out, scheme);
	buf_adds(out, "://");
	for (i = h; i < port; i++)
		buf_addc(out, lower(s[i]));
	buf_add(out, s + port, n - port);
	return URL_OK;
}
