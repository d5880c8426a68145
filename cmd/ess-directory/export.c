/*
 * export.c: writes the directory in the formats other programs read:
 * vCard for address books, GeoJSON for maps, schema.org JSON-LD for the
 * web, and a printable directory in HTML or Markdown.
 *
 * This file parses the options and checks what the formats share
 * (coordinates, names, phones, addresses, UIDs); the formats are written
 * by export-vcard.c, export-json.c and export-page.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <nettle/sha1.h>

#include "cli.h"
#include "dir.h"
#include "err.h"
#include "export.h"
#include "geo.h"
#include "text.h"

struct export_opts xo;
static int group_given;

enum { OPT_GROUP_BY = 0x200, OPT_TITLE };

static const struct argp_option options[] = {
	{ "format", 'f', N_("FORMAT"), 0, N_("vcard, geojson, jsonld, html or md (default: from -O's extension)"), 0 },
	{ "group-by", OPT_GROUP_BY, N_("commune|family"), 0, N_("html and md: group the actors by commune (the default) or by family"), 0 },
	{ "title", OPT_TITLE, N_("TEXT"), 0, N_("html and md: the page's title (default: \"Annuaire des acteurs de l'ESS\")"), 0 },
	/* Found before cli_argp's -o, to say what to use instead. */
	{ "output", 'o', N_("FORMAT"), OPTION_HIDDEN, NULL, 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

static const struct {
	const char *name;
	enum xformat f;
} format_names[] = {
	{ "vcard", X_VCARD }, { "vcf", X_VCARD },
	{ "geojson", X_GEOJSON },
	{ "jsonld", X_JSONLD }, { "json-ld", X_JSONLD },
	{ "html", X_HTML }, { "htm", X_HTML },
	{ "md", X_MD }, { "markdown", X_MD },
};

/* The format a name (or a file's extension, without its dot) names, or
 * X_NONE. */
static enum xformat
format_parse(const char *s)
{
	for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (strcasecmp(s, format_names[i].name) == 0)
			return format_names[i].f;
	return X_NONE;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case 'f':
		xo.format = format_parse(arg);
		if (xo.format == X_NONE)
			argp_error(state, _("--format: '%s' is not vcard, geojson, jsonld, html or md"), arg);
		break;
	case 'o':
		argp_error(state, _("-o %s: export takes --format (vcard, geojson, jsonld, html or md), not -o"), arg);
		break;
	case OPT_GROUP_BY:
		group_given = 1;
		if (strcmp(arg, "commune") == 0)
			xo.group = G_COMMUNE;
		else if (strcmp(arg, "family") == 0 || strcmp(arg, "famille") == 0)
			xo.group = G_FAMILY;
		else
			argp_error(state, _("--group-by: '%s' is not commune or family"), arg);
		break;
	case OPT_TITLE:
		if (!*arg || utf8_check(arg, strlen(arg)) != strlen(arg))
			argp_error(state, "%s", _("--title: the title is empty or not UTF-8"));
		xo.title = arg;
		break;
	case ARGP_KEY_END: {
		const char *dot = cli.out.path ? strrchr(cli.out.path, '.') : NULL;

		if (xo.format == X_NONE && dot && !strchr(dot, '/'))
			xo.format = format_parse(dot + 1);
		if (xo.format == X_NONE)
			argp_error(state, "%s", _("no --format given (vcard, geojson, jsonld, html or md)"));
		if (cli.out.excel)
			argp_error(state, "%s", _("--excel is for CSV; export writes the format --format names"));
		if (xo.format != X_HTML && xo.format != X_MD) {
			const char *opt = xo.title ? "--title" : "--group-by";

			if (xo.title || group_given)
				argp_error(state, _("%s is for --format=html or md"), opt);
		}
		break;
	}
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Write the directory as vCard 4.0 (address books), GeoJSON (maps), "
	"schema.org JSON-LD (web pages), or a printable directory in HTML or "
	"Markdown, grouped by commune or family, with an index of the offers "
	"and one of the needs."
	"\vvCard and GeoJSON stream; JSON-LD, HTML and Markdown read every "
	"record first.  GeoJSON has a point for each located record; those "
	"without coordinates are named on standard error, not dropped "
	"silently.  Coordinates that cannot be read are bad data (status 65, "
	"or the record is skipped with --keep-going).  -O FILE is written "
	"atomically; its extension (.vcf, .geojson, .jsonld, .html, .md) "
	"gives the format when --format is not given.");

const struct argp export_argp = {
	options, parse_opt, N_("[FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

/* ------------------------------------------------------------ shared checks */

int
export_named(struct dir_reader *d, const char *fmt)
{
	size_t len;

	dir_getn(d, D_NAME, &len);
	if (len)
		return 1;
	table_reject(d->t, d->row, dir_field(d, D_NAME), _("no name: %s needs one for every record"), fmt);
	return 0;
}

void
export_need_column(struct dir_reader *d, enum dcol c, const char *fmt)
{
	for (size_t i = 0; i < d->nsrc; i++)
		if (d->src[i].idx[c] < 0) {
			char msg[200];

			snprintf(msg, sizeof msg, _("no '%s' column: %s needs it"), dir_spec[c].name, fmt);
			table_die_header(d->src[i].t, msg);
		}
}

/* The name export_uid hashes: "urn:ess-directory:" and the key. */
static void
uid_name(const struct dir_reader *d, struct buf *b)
{
	static const struct { enum dcol c; const char *key; } keys[] = {
		{ D_ID, "id:" }, { D_SIRET, "siret:" }, { D_RNA, "rna:" },
	};
	const char *v;
	size_t len;

	buf_adds(b, "urn:ess-directory:");
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		v = dir_getn(d, keys[i].c, &len);
		if (len) {
			buf_adds(b, keys[i].key);
			buf_add(b, v, len);
			return;
		}
	}
	buf_adds(b, "name:");
	v = dir_getn(d, D_NAME, &len);
	text_fold(b, v, len);
	buf_addc(b, ':');
	v = dir_getn(d, D_POSTCODE, &len);
	buf_add(b, v, len);
}

void
export_uid(const struct dir_reader *d, struct buf *scratch, char *out)
{
	/* RFC 4122's namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8. */
	static const unsigned char ns[16] = {
		0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
	};
	unsigned char h[SHA1_DIGEST_SIZE];
	struct sha1_ctx ctx;
	char *p;

	buf_reset(scratch);
	uid_name(d, scratch);
	sha1_init(&ctx);
	sha1_update(&ctx, sizeof ns, ns);
	sha1_update(&ctx, scratch->len, (const uint8_t *)scratch->data);
	sha1_digest(&ctx, sizeof h, h);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x50);	/* version 5 */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	p = out + sprintf(out, "urn:uuid:");
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		p += sprintf(p, "%02x", h[i]);
	}
}

int
export_phone(const char *s, size_t len, char *out)
{
	char dig[24];
	size_t n = 0, i = 0;
	int plus = 0;

	while (i < len && s[i] == ' ')
		i++;
	if (i < len && s[i] == '+')
		plus = 1, i++;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(' && i + 2 < len && s[i + 1] == '0' && s[i + 2] == ')' && plus)
			i += 2;	/* "+33 (0)5 53...": the trunk 0 is not dialled */
		else if (c >= '0' && c <= '9') {
			if (n + 1 >= sizeof dig)
				return -1;
			dig[n++] = (char)c;
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0)
			i++;	/* a no-break space */
		else if (!strchr(" .-/()", c))
			return -1;
	}
	dig[n] = '\0';
	if (!plus && n > 2 && dig[0] == '0' && dig[1] == '0') {
		memmove(dig, dig + 2, n - 1);	/* "0044...": an international number */
		n -= 2;
		plus = 1;
	}
	if (plus) {
		if (n < 8 || n > 15 || dig[0] == '0')
			return -1;
		sprintf(out, "+%s", dig);
		return 0;
	}
	if (n != 10 || dig[0] != '0' || dig[1] == '0')
		return -1;
	sprintf(out, "+33%s", dig + 1);
	return 0;
}

/* Whether s has a space, a control character or DEL. */
static int
has_space_or_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return 1;
	return 0;
}

int
export_web(struct buf *out, const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len), *slash = memchr(s, '/', len);

	if (!len || has_space_or_control(s, len) || memchr(s, '"', len) ||
	    memchr(s, '<', len) || memchr(s, '>', len))
		return -1;
	if ((len > 7 && strncasecmp(s, "http://", 7) == 0) ||
	    (len > 8 && strncasecmp(s, "https://", 8) == 0)) {
		buf_add(out, s, len);
		return 0;
	}
	/* "www.example.fr/page": a host without a scheme. */
	if ((colon && (!slash || colon < slash)) || !memchr(s, '.', len) || s[0] == '.' || s[0] == '/')
		return -1;
	buf_adds(out, "https://");
	buf_add(out, s, len);
	return 0;
}

int
export_email_ok(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len), *dot;

	if (!at || at == s || memchr(at + 1, '@', len - (size_t)(at - s) - 1))
		return 0;
	if (has_space_or_control(s, len))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (strchr("\"<>()[]\\,;:", s[i]))
			return 0;
	dot = memchr(at + 1, '.', len - (size_t)(at - s) - 1);
	return dot && dot > at + 1 && dot < s + len - 1;
}

void
export_flush(struct buf *b, FILE *fp)
{
	if (b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		ess_die_errno(EX_IOERR, "%s", _("write error"));
	buf_reset(b);
}

int
export_run(char **files)
{
	struct dir_reader d;
	struct writer w;

	/* GeoJSON's properties are every column, the record's under their
	 * canonical names so that maps read every directory alike. */
	dir_open(&d, files, xo.format == X_GEOJSON ? DIR_CANONICAL : 0);
	writer_open(&w, &cli.out);
	switch (xo.format) {
	case X_VCARD:
		export_vcard(&d, writer_file(&w));
		break;
	case X_GEOJSON:
		export_geojson(&d, writer_file(&w));
		break;
	case X_JSONLD:
		export_jsonld(&d, writer_file(&w));
		break;
	case X_HTML:
	case X_MD:
		export_page(&d, writer_file(&w));
		break;
	case X_NONE:
		break;
	}
	writer_close(&w);
	dir_close(&d);
	return 0;
}
