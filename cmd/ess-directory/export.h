/*
 * export.h: what the export command's formats share (export.c parses the
 * options and checks the values the formats have in common; export-vcard.c,
 * export-json.c and export-page.c write them).
 */
#ifndef EXPORT_H
#define EXPORT_H

#include <stdio.h>

#include "buf.h"
#include "dir.h"

enum xformat { X_NONE, X_VCARD, X_GEOJSON, X_JSONLD, X_HTML, X_MD };
enum xgroup { G_COMMUNE, G_FAMILY };

struct export_opts {
	enum xformat format;
	enum xgroup group;
	const char *title;	/* NULL: the default */
};
extern struct export_opts xo;

/* The page's title when --title is not given. */
#define EXPORT_TITLE "Annuaire des acteurs de l'ESS"


/* Whether the record has a name; rejects it when it has none (fmt names
 * the format in the message).  Returns 1 or 0. */
int export_named(struct dir_reader *d, const char *fmt);

/* Dies (65) when a file has no such column, saying what needs it. */
void export_need_column(struct dir_reader *d, enum dcol c, const char *fmt);

/* "urn:uuid:" and a name-based (version 5, SHA-1) UUID of the record's
 * id, else its SIRET, else its RNA number, else its folded name and
 * postcode, so that every export of a record gives it the same UID.  out
 * holds at least EXPORT_UIDLEN bytes; scratch is a buffer to reuse. */
#define EXPORT_UIDLEN 48
void export_uid(const struct dir_reader *d, struct buf *scratch, char *out);

/* A French or international phone number as +CC digits ("05 53 60 41 27"
 * gives "+33553604127") into out (at least 24 bytes); -1 when it is not
 * one (letters, an extension, too few digits). */
int export_phone(const char *s, size_t len, char *out);

/* Appends the website as an http or https address ("www.x.fr" gets
 * "https://"); -1, with out unchanged, when it is not one (another scheme,
 * spaces, control characters). */
int export_web(struct buf *out, const char *s, size_t len);

/* Whether s looks enough like an e-mail address to make a mailto link of
 * it: one '@', something on each side, a dot in the domain, no spaces,
 * quotes, angle brackets or control characters. */
int export_email_ok(const char *s, size_t len);

/* Writes b to fp and empties it; dies with 74 on a write error. */
void export_flush(struct buf *b, FILE *fp);

void export_vcard(struct dir_reader *d, FILE *fp);
void export_geojson(struct dir_reader *d, FILE *fp);
void export_jsonld(struct dir_reader *d, FILE *fp);
void export_page(struct dir_reader *d, FILE *fp);

#endif
