/*
 * ident.h: the identifiers and contact fields of a directory record:
 * whether they are well formed, and their normal form.  validate reports
 * and fixes with them; dedupe and import compare and clean with them.
 *
 * Every function takes a value and its length (no NUL needed) as it stands
 * after trimming; none allocates but through the struct buf it is given.
 */
#ifndef IDENT_H
#define IDENT_H

#include <stddef.h>

#include "buf.h"

/* Whether the n digits of s pass the Luhn check (n > 0, digits only). */
int luhn_ok(const char *s, size_t n);
/* Whether s is 9 digits with a good Luhn check digit. */
int siren_ok(const char *s, size_t n);
/* Whether s is 14 digits with a good Luhn check digit; La Poste's
 * (SIREN 356000000) may instead have digits adding up to a multiple of 5. */
int siret_ok(const char *s, size_t n);
/* Whether s is a SIREN or SIRET written by a spreadsheet in scientific
 * notation ("3,56E+13"): the last digits are lost. */
int ident_scientific(const char *s, size_t n);
/*
 * Appends s to out without the separators people put in numbers (spaces,
 * no-break spaces, dots, hyphens).  Returns 1 when something was dropped,
 * 0 when out got s unchanged.
 */
int ident_squeeze(struct buf *out, const char *s, size_t n);
/* Whether s is all ASCII digits (and not empty). */
int ident_digits(const char *s, size_t n);

/*
 * Whether s is an RNA number: 'W' and nine characters (W241000123; the
 * department part may be 2A, 2B or overseas 9R, 9M...: W followed by a
 * digit, a digit or capital letter, then seven digits), or the ten
 * characters of an older number of the same shape without the W
 * (0241001234).
 */
int rna_ok(const char *s, size_t n);

/* Whether s is a postcode: five digits whose department exists (01-95,
 * 97, 98; Corsica's are 20xxx). */
int postcode_valid(const char *s, size_t n);
/* Whether s is an INSEE commune code: ^([013-9]\d|2[AB1-9])\d{3}$. */
int insee_valid(const char *s, size_t n);
/* The department of a valid postcode or INSEE code: two characters, three
 * overseas (97x, 98x); "20" for a Corsican postcode.  dep holds 4 bytes. */
void postcode_department(const char *pc, char dep[4]);
void insee_department(const char *code, char dep[4]);
/* Whether a valid postcode and a valid INSEE code name the same
 * department (20xxx goes with 2A and 2B; Saint-Barthélemy's 97133 with
 * 977, Saint-Martin's 97150 with 978). */
int departments_agree(const char *pc, const char *code);

/*
 * Phone numbers, normalised to E.164 ("+33553561234", no spaces).  French
 * numbers are read in every usual way ("05 53 56 12 34", "05.53.56.12.34",
 * "+33 (0)5 53 56 12 34", "0033 5 53 56 12 34", nine digits whose leading
 * zero a spreadsheet dropped); overseas departments' numbers get their own
 * country code (0262 and 0692 +262, 0590 +590, 0594 +594, 0596 +596...).
 * Other international numbers ("+32 2 123 45 67") keep their country code,
 * separators dropped.  On success (PHONE_OK, PHONE_ZERO) the normal form
 * is appended to out.
 */
enum phone_status {
	PHONE_OK,		/* appended */
	PHONE_ZERO,		/* appended: nine digits, the leading zero added */
	PHONE_NOT_NUMBER,	/* letters or other characters */
	PHONE_LENGTH,		/* not 10 French digits nor +CC and 7 to 15 digits */
	PHONE_SEVERAL,		/* two numbers or more */
};
enum phone_status phone_norm(struct buf *out, const char *s, size_t n);

/*
 * E-mail addresses: one '@', a local part without spaces, a domain of
 * letters, digits and hyphens with a dot.  The normal form drops a
 * "mailto:" and lower-cases the domain.
 */
enum email_status {
	EMAIL_OK,		/* appended */
	EMAIL_NO_AT,
	EMAIL_TWO_AT,		/* one address with two '@' or more */
	EMAIL_SEVERAL,		/* two addresses or more */
	EMAIL_SPACE,		/* a space inside */
	EMAIL_LOCAL,		/* the part before '@' is empty or has a bad character */
	EMAIL_DOMAIN,		/* the domain is not a host name with a dot */
};
enum email_status email_norm(struct buf *out, const char *s, size_t n);

/*
 * Web addresses: http:// or https://, a host with a dot, then a path,
 * query or fragment without spaces.  The normal form lower-cases the
 * scheme and host, and adds https:// to an address written without one
 * ("www.example.fr").
 */
enum url_status {
	URL_OK,			/* appended */
	URL_SCHEME,		/* another scheme (ftp:, mailto:...) */
	URL_HOST,		/* no host, or not a host name with a dot */
	URL_SPACE,		/* a space or control character inside */
};
enum url_status url_norm(struct buf *out, const char *s, size_t n);

#endif
