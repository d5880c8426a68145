/*
 * export-json.c: GeoJSON (RFC 7946) for maps, and schema.org JSON-LD for
 * web pages and search engines.
 *
 * GeoJSON streams: one Feature a line, written with the writer's JSON
 * quoting into a reused buffer.  JSON-LD is one document built with
 * jansson and written by json_write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dir.h"
#include "err.h"
#include "export.h"
#include "geo.h"
#include "write.h"

/* ------------------------------------------------------------ GeoJSON */

/* Whether v is a whole number JSON can carry as it is. */
static int
is_integer(const char *v, size_t len)
{
	size_t i = v[0] == '-';

	if (i == len || len - i > 15 || (v[i] == '0' && len - i > 1))
		return 0;
	for (; i < len; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

/* Appends the JSON value of output column i: lists as arrays, the
 * coordinates and whole headcounts as numbers, "" as null. */
static void
geo_value(struct buf *b, const struct dir_reader *d, size_t i, const char *lat, const char *lon)
{
	const char *v = d->v[i], *p;
	size_t len = strlen(v);

	if (d->cols[i].type == WT_LIST) {
		int n = 0;

		buf_addc(b, '[');
		p = v;
		while ((v = list_next(&p, &len))) {
			if (n++)
				buf_addc(b, ',');
			json_quote(b, v, len);
		}
		buf_addc(b, ']');
		return;
	}
	while (len && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (!len)
		buf_adds(b, "null");
	else if ((int)i == d->col[D_LAT])
		buf_adds(b, lat);
	else if ((int)i == d->col[D_LON])
		buf_adds(b, lon);
	else if (d->cols[i].type == WT_INT && is_integer(v, len))
		buf_add(b, v, len);
	else
		json_quote(b, d->v[i], strlen(d->v[i]));
}

/* One Feature, into b. */
static void
feature(struct buf *b, const struct dir_reader *d, double lat, double lon)
{
	char la[32], lo[32];
	const char *id;
	size_t idlen;

	geo_format_coord(lat, la);
	geo_format_coord(lon, lo);
	buf_adds(b, "{\"type\":\"Feature\",");
	id = dir_getn(d, D_ID, &idlen);
	if (idlen) {
		buf_adds(b, "\"id\":");
		json_quote(b, id, idlen);
		buf_addc(b, ',');
	}
	buf_printf(b, "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},", lo, la);
	buf_adds(b, "\"properties\":{");
	for (size_t i = 0; i < d->ncols; i++) {
		if (i)
			buf_addc(b, ',');
		json_quote(b, d->cols[i].name, strlen(d->cols[i].name));
		buf_addc(b, ':');
		geo_value(b, d, i, la, lo);
	}
	buf_adds(b, "}}");
}

void
export_geojson(struct dir_reader *d, FILE *fp)
{
	struct buf b;
	long features = 0, unlocated = 0;
	double lat, lon;

	for (size_t i = 0; i < d->nsrc; i++)
		if (d->src[i].idx[D_LAT] < 0 || d->src[i].idx[D_LON] < 0)
			export_need_column(d, d->src[i].idx[D_LAT] < 0 ? D_LAT : D_LON, "GeoJSON");
	buf_init(&b);
	buf_adds(&b, "{\"type\":\"FeatureCollection\",\"features\":[");
	while (dir_next(d)) {
		size_t nlen, idlen;
		const char *name = dir_getn(d, D_NAME, &nlen), *id = dir_getn(d, D_ID, &idlen);

		switch (dir_coords(d, &lat, &lon)) {
		case 0:
			unlocated++;
			if (idlen)
				table_warn(d->t, d->row, -1, _("record '%.*s', '%.*s', has no coordinates: not on the map"),
					(int)idlen, id, (int)nlen, name);
			else
				table_warn(d->t, d->row, -1, _("record '%.*s' has no coordinates: not on the map"),
					(int)nlen, name);
			break;
		case 1:
			buf_adds(&b, features++ ? ",\n" : "\n");
			feature(&b, d, lat, lon);
			if (b.len >= (size_t)64 * 1024)
				export_flush(&b, fp);
			break;
		}
	}
	buf_adds(&b, features ? "\n]}\n" : "]}\n");
	export_flush(&b, fp);
	buf_release(&b);
	if (unlocated)
		ess_warn(ngettext("%ld record without coordinates is not on the map",
			"%ld records without coordinates are not on the map", unlocated), unlocated);
}

/* ------------------------------------------------------------ JSON-LD */

/* A JSON string of s, or death: the reader lets only UTF-8 through. */
static json_t *
jstr(const char *s, size_t len)
{
	json_t *j = json_stringn(s, len);

	if (!j)
		ess_die(EX_SOFTWARE, _("cannot make a JSON string of '%.*s'"), (int)len, s);
	return j;
}

/* Sets key to the record column's value, trimmed, when it has one. */
static void
set_col(json_t *o, const char *key, const struct dir_reader *d, enum dcol c)
{
	size_t len;
	const char *v = dir_getn(d, c, &len);

	if (len)
		json_object_set_new(o, key, jstr(v, len));
}

/* A node {"@type": type, key: value}. */
static json_t *
typed(const char *type)
{
	json_t *o = json_object();

	json_object_set_new(o, "@type", json_string(type));
	return o;
}

/* The schema.org type of a family: associations and foundations are
 * NGOs, public bodies GovernmentOrganization, the others Organization. */
static const char *
schema_type(const struct dir_reader *d)
{
	size_t len;
	const char *v = dir_getn(d, D_FAMILY, &len);
	int f = len ? family_parse(v, len) : -1;

	switch (f) {
	case F_ASSOCIATION:
	case F_FOUNDATION:
		return "NGO";
	case F_PUBLIC:
		return "GovernmentOrganization";
	default:
		return "Organization";
	}
}

/* identifier: the SIRET, SIREN and RNA numbers as PropertyValues. */
static void
set_identifiers(json_t *o, const struct dir_reader *d)
{
	static const struct { enum dcol c; const char *id; } ids[] = {
		{ D_SIRET, "SIRET" }, { D_SIREN, "SIREN" }, { D_RNA, "RNA" },
	};
	json_t *a = json_array();

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		size_t len;
		const char *v = dir_getn(d, ids[i].c, &len);
		json_t *pv;

		if (!len)
			continue;
		pv = typed("PropertyValue");
		json_object_set_new(pv, "propertyID", json_string(ids[i].id));
		json_object_set_new(pv, "value", jstr(v, len));
		json_array_append_new(a, pv);
	}
	if (json_array_size(a))
		json_object_set_new(o, "identifier", a);
	else
		json_decref(a);
}

static void
set_address(json_t *o, const struct dir_reader *d)
{
	size_t a, p, c;
	json_t *adr;

	dir_getn(d, D_ADDRESS, &a);
	dir_getn(d, D_POSTCODE, &p);
	dir_getn(d, D_COMMUNE, &c);
	if (!a && !p && !c)
		return;
	adr = typed("PostalAddress");
	set_col(adr, "streetAddress", d, D_ADDRESS);
	set_col(adr, "postalCode", d, D_POSTCODE);
	set_col(adr, "addressLocality", d, D_COMMUNE);
	json_object_set_new(adr, "addressCountry", json_string("FR"));
	json_object_set_new(o, "address", adr);
}

/* makesOffer (Offer) or seeks (Demand): each value of the list as the
 * name of the Service offered or sought. */
static void
set_services(json_t *o, const char *key, const char *type, const struct dir_reader *d, enum dcol c)
{
	const char *p = dir_get(d, c), *v;
	json_t *a = json_array();
	size_t len;

	while ((v = list_next(&p, &len))) {
		json_t *item = typed(type), *svc = typed("Service");

		json_object_set_new(svc, "name", jstr(v, len));
		json_object_set_new(item, "itemOffered", svc);
		json_array_append_new(a, item);
	}
	if (json_array_size(a))
		json_object_set_new(o, key, a);
	else
		json_decref(a);
}

static void
set_keywords(json_t *o, const struct dir_reader *d)
{
	const char *p = dir_get(d, D_TAGS), *v;
	json_t *a = json_array();
	size_t len;

	while ((v = list_next(&p, &len)))
		json_array_append_new(a, jstr(v, len));
	if (json_array_size(a))
		json_object_set_new(o, "keywords", a);
	else
		json_decref(a);
}

/* openingHours: OpenStreetMap's rules are separated by ';' ("We,Fr
 * 14:00-18:00; Sa 10:00-17:00"); schema.org takes one string per rule. */
static void
set_hours(json_t *o, const struct dir_reader *d)
{
	size_t len;
	const char *v = dir_getn(d, D_OPENING_HOURS, &len), *end = v + len;
	json_t *a;

	if (!len)
		return;
	if (!memchr(v, ';', len)) {
		json_object_set_new(o, "openingHours", jstr(v, len));
		return;
	}
	a = json_array();
	while (v < end) {
		const char *e = memchr(v, ';', (size_t)(end - v)), *s = v;
		size_t n;

		if (!e)
			e = end;
		v = e < end ? e + 1 : end;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		n = (size_t)(e - s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n)
			json_array_append_new(a, jstr(s, n));
	}
	json_object_set_new(o, "openingHours", a);
}

/* Contacts: the phone as +33... when it reads as one, the site as an
 * http(s) address (another scheme is said and left out). */
static void
set_contacts(json_t *o, const struct dir_reader *d, struct buf *tmp)
{
	char tel[24];
	size_t len;
	const char *v = dir_getn(d, D_PHONE, &len);

	if (len)
		json_object_set_new(o, "telephone",
			export_phone(v, len, tel) == 0 ? json_string(tel) : jstr(v, len));
	set_col(o, "email", d, D_EMAIL);
	v = dir_getn(d, D_WEBSITE, &len);
	buf_reset(tmp);
	if (len && export_web(tmp, v, len) == 0)
		json_object_set_new(o, "url", jstr(tmp->data, tmp->len));
	else if (len)
		table_warn(d->t, d->row, dir_field(d, D_WEBSITE),
			_("website '%.*s' is not an http or https address: left out of the JSON-LD"),
			(int)len, v);
}

/* One Organization node, or NULL when the record is rejected. */
static json_t *
organization(struct dir_reader *d, struct buf *tmp)
{
	char uid[EXPORT_UIDLEN], num[32];
	double lat, lon;
	int located;
	json_t *o;
	size_t len;
	const char *v;

	if (!export_named(d, "JSON-LD") || (located = dir_coords(d, &lat, &lon)) < 0)
		return NULL;
	o = typed(schema_type(d));
	export_uid(d, tmp, uid);
	json_object_set_new(o, "@id", json_string(uid));
	set_col(o, "name", d, D_NAME);
	set_identifiers(o, d);
	set_col(o, "description", d, D_DESCRIPTION);
	set_address(o, d);
	if (located) {
		json_t *g = typed("GeoCoordinates");

		json_object_set_new(g, "latitude", json_real(strtod(geo_format_coord(lat, num), NULL)));
		json_object_set_new(g, "longitude", json_real(strtod(geo_format_coord(lon, num), NULL)));
		json_object_set_new(o, "geo", g);
	}
	set_contacts(o, d, tmp);
	set_hours(o, d);
	v = dir_getn(d, D_EMPLOYEES, &len);
	if (len && is_integer(v, len) && v[0] != '-') {
		json_t *q = typed("QuantitativeValue");

		json_object_set_new(q, "value", json_integer(strtoll(v, NULL, 10)));
		json_object_set_new(o, "numberOfEmployees", q);
	}
	set_keywords(o, d);
	set_services(o, "makesOffer", "Offer", d, D_OFFERS);
	set_services(o, "seeks", "Demand", d, D_NEEDS);
	return o;
}

void
export_jsonld(struct dir_reader *d, FILE *fp)
{
	json_t *doc = json_object(), *graph = json_array();
	struct buf tmp;

	export_need_column(d, D_NAME, "JSON-LD");
	buf_init(&tmp);
	json_object_set_new(doc, "@context", json_string("https://schema.org"));
	json_object_set_new(doc, "@graph", graph);
	while (dir_next(d)) {
		json_t *o = organization(d, &tmp);

		if (o)
			json_array_append_new(graph, o);
	}
	json_write(fp, doc);
	json_decref(doc);
	buf_release(&tmp);
}
