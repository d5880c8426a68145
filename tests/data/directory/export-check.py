# export-check.py: checks ess-directory export's outputs with real parsers
# against the CSV they were made from (tests/cli/directory-export.sh runs
# these through t_py).  Each check_* raises AssertionError on a mismatch.
import csv, html.parser, io, json, re, unicodedata, uuid

CANON = ["id", "name", "family", "legal_form", "siren", "siret", "rna", "naf",
         "sector", "description", "address", "postcode", "commune", "insee_code",
         "lat", "lon", "phone", "email", "website", "offers", "needs", "tags",
         "opening_hours", "employees", "source", "updated"]


def rows(src, skip=()):
    """The records of a CSV with canonical headers, minus the ids in skip."""
    text = open(src, encoding="utf-8", newline="").read().lstrip("\ufeff")
    head = text.split("\n", 1)[0]
    delim = ";" if head.count(";") > head.count(",") else ","
    rs = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delim))
    return [r for r in rs if r.get("id") not in skip]


def g(r, k):
    return (r.get(k) or "").strip()


def lst(v):
    return [x.strip() for x in (v or "").split("|") if x.strip()]


def nl(v):
    return v.replace("\r\n", "\n").replace("\r", "\n")


def coord(v):
    return round(float(v.strip().replace(",", ".")), 6)


def located(r):
    return bool(g(r, "lat") and g(r, "lon"))


def fold(s):
    """Close enough to lib/text.c's text_fold for the test data."""
    s = s.replace("’", "'").replace("œ", "oe").replace("Œ", "oe")
    s = s.replace("æ", "ae").replace("Æ", "ae").replace("«", '"').replace("»", '"')
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def uid(r):
    for k in ("id", "siret", "rna"):
        if g(r, k):
            key = k + ":" + g(r, k)
            break
    else:
        key = "name:" + fold(g(r, "name")) + ":" + g(r, "postcode")
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:ess-directory:" + key))


def web(v):
    if re.match(r"(?i)https?://\S+$", v):
        return v
    if re.match(r"^[^:/\s]+\.[^\s]*$", v) and not v.startswith("."):
        return "https://" + v
    return None


# ---------------------------------------------------------------- vCard

def vc_split(s, sep):
    """Splits s on the separators no backslash escapes."""
    out, cur, i = [], "", 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            cur += s[i:i + 2]
            i += 2
        elif s[i] == sep:
            out.append(cur)
            cur = ""
            i += 1
        else:
            cur += s[i]
            i += 1
    return out + [cur]


def vc_unescape(s):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), s)


def vc_cards(path):
    raw = open(path, "rb").read()
    assert raw == b"" or raw.endswith(b"\r\n"), "does not end with CRLF"
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r"), "a line end is not CRLF"
    lines = []
    for n, phys in enumerate(raw.split(b"\r\n")[:-1], 1):
        assert len(phys) <= 75, "line %d has %d octets" % (n, len(phys))
        try:
            phys.decode("utf-8")
        except UnicodeDecodeError as e:
            raise AssertionError("line %d splits a UTF-8 character: %r" % (n, phys)) from e
        if phys.startswith(b" "):
            assert lines, "a continuation line comes first"
            lines[-1] += phys[1:]
        else:
            lines.append(phys)
    cards, card = [], None
    for l in lines:
        l = l.decode("utf-8")
        head, sep, value = l.partition(":")
        assert sep, "no ':' in %r" % l
        name, *params = head.split(";")
        params = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            assert card is None and value == "VCARD"
            card = []
        elif name == "END":
            assert value == "VCARD"
            cards.append(card)
            card = None
        else:
            card.append((name, params, value))
    assert card is None, "the last card is not ended"
    return cards


def check_vcard(path, src, skip=()):
    cards, rs = vc_cards(path), rows(src, skip)
    assert len(cards) == len(rs), "%d cards for %d records" % (len(cards), len(rs))
    for c, r in zip(cards, rs):
        assert c[0] == ("VERSION", {}, "4.0") and c[1] == ("KIND", {}, "org"), c[:2]
        p = {}
        for name, params, value in c:
            p.setdefault(name, []).append((params, value))
        one = lambda k: vc_unescape(p[k][0][1]) if k in p else None
        assert one("FN") == nl(g(r, "name")), (one("FN"), r["name"])
        assert [vc_unescape(x) for x in vc_split(p["ORG"][0][1], ";")] == [nl(g(r, "name"))]
        assert one("UID") == uid(r), (one("UID"), uid(r))
        if g(r, "address") or g(r, "commune") or g(r, "postcode"):
            adr = [vc_unescape(x) for x in vc_split(p["ADR"][0][1], ";")]
            assert adr == ["", "", nl(g(r, "address")), g(r, "commune"), "", g(r, "postcode"), "France"], adr
        else:
            assert "ADR" not in p
        if located(r):
            geo = one("GEO")
            assert p["GEO"][0][1].count("\\,") == 1, "the geo URI's comma is not escaped"
            m = re.fullmatch(r"geo:(-?[0-9.]+),(-?[0-9.]+)", geo)
            assert m, geo
            assert (float(m.group(1)), float(m.group(2))) == (coord(r["lat"]), coord(r["lon"])), geo
        else:
            assert "GEO" not in p
        if g(r, "phone"):
            params, value = p["TEL"][0]
            digits = re.sub(r"\D", "", g(r, "phone"))
            if params.get("VALUE") == "uri":
                assert re.fullmatch(r"tel:\+[0-9]+", value), value
                assert value.endswith(digits.lstrip("0")), (value, digits)
            else:
                assert vc_unescape(value) == g(r, "phone")
        for k, col in (("EMAIL", "email"), ("NOTE", "description")):
            assert one(k) == (nl(g(r, col)) or None), (k, one(k), r[col])
        url = web(g(r, "website")) if g(r, "website") else None
        assert one("URL") == url, (one("URL"), url)
        cats = {params.get("X-ESS-LIST"): [vc_unescape(x) for x in vc_split(v, ",")]
                for params, v in p.get("CATEGORIES", [])}
        for col in ("offers", "needs", "tags"):
            assert cats.get(col, []) == lst(r.get(col)), (col, cats.get(col), r.get(col))
        assert ("REV" in p) == bool(g(r, "updated"))
        if "REV" in p:
            assert re.fullmatch(r"\d{8}T\d{6}(Z|[+-]\d{4})?", one("REV")), one("REV")


# ---------------------------------------------------------------- GeoJSON

def check_geojson(path, src, skip=(), extra=()):
    d = json.load(open(path, encoding="utf-8"))
    rs = [r for r in rows(src, skip) if located(r)]
    assert d["type"] == "FeatureCollection" and isinstance(d["features"], list)
    assert len(d["features"]) == len(rs), "%d features for %d located records" % (len(d["features"]), len(rs))
    for f, r in zip(d["features"], rs):
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert all(isinstance(x, (int, float)) for x in (lon, lat))
        assert (lon, lat) == (coord(r["lon"]), coord(r["lat"])), ((lon, lat), r["lat"], r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        for x in (lon, lat):
            assert len(repr(float(x)).split(".")[1]) <= 6 if "." in repr(float(x)) else True
        pr = f["properties"]
        assert list(pr) == CANON + list(extra), list(pr)
        if g(r, "id"):
            assert f["id"] == g(r, "id")
        else:
            assert "id" not in f
        for k in CANON + list(extra):
            v = r.get(k)
            if k in ("offers", "needs", "tags"):
                assert pr[k] == lst(v), (k, pr[k])
            elif not (v or "").strip():
                assert pr[k] is None, (k, pr[k])
            elif k in ("lat", "lon"):
                assert pr[k] == coord(v)
            elif k == "employees" and re.fullmatch(r"[0-9]+", v):
                assert pr[k] == int(v)
            else:
                assert pr[k] == v, (k, pr[k], v)


# ---------------------------------------------------------------- JSON-LD

def check_jsonld(path, src, skip=()):
    d = json.load(open(path, encoding="utf-8"))
    rs = rows(src, skip)
    assert d["@context"] == "https://schema.org"
    assert len(d["@graph"]) == len(rs), "%d nodes for %d records" % (len(d["@graph"]), len(rs))
    types = {"association": "NGO", "fondation": "NGO", "foundation": "NGO", "public": "GovernmentOrganization"}
    for o, r in zip(d["@graph"], rs):
        assert o["@type"] == types.get(fold(g(r, "family")), "Organization"), (o["@type"], r["family"])
        assert o["@id"] == uid(r)
        assert o["name"] == g(r, "name")
        assert o.get("description") == (g(r, "description") or None)
        ids = {p["propertyID"]: p["value"] for p in o.get("identifier", [])}
        assert all(p["@type"] == "PropertyValue" for p in o.get("identifier", []))
        for k, col in (("SIRET", "siret"), ("SIREN", "siren"), ("RNA", "rna")):
            assert ids.get(k) == (g(r, col) or None), (k, ids)
        if located(r):
            assert o["geo"]["@type"] == "GeoCoordinates"
            assert (o["geo"]["latitude"], o["geo"]["longitude"]) == (coord(r["lat"]), coord(r["lon"]))
        else:
            assert "geo" not in o
        a = o.get("address")
        if g(r, "address") or g(r, "postcode") or g(r, "commune"):
            assert a["@type"] == "PostalAddress" and a["addressCountry"] == "FR"
            assert a.get("streetAddress") == (g(r, "address") or None)
            assert a.get("postalCode") == (g(r, "postcode") or None)
            assert a.get("addressLocality") == (g(r, "commune") or None)
        else:
            assert a is None
        offers = [x["itemOffered"]["name"] for x in o.get("makesOffer", [])]
        assert all(x["@type"] == "Offer" and x["itemOffered"]["@type"] == "Service" for x in o.get("makesOffer", []))
        assert offers == lst(r.get("offers")), offers
        seeks = [x["itemOffered"]["name"] for x in o.get("seeks", [])]
        assert all(x["@type"] == "Demand" for x in o.get("seeks", []))
        assert seeks == lst(r.get("needs")), seeks
        assert o.get("keywords", []) == lst(r.get("tags"))
        if "url" in o:
            assert o["url"] == web(g(r, "website"))
        assert o.get("email") == (g(r, "email") or None)


# ---------------------------------------------------------------- HTML

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    """Checks that tags balance; keeps the headings, ids, links and indexes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.hrefs, self.tags = [], [], [], set()
        self.text = None
        self.h2, self.h3 = [], []     # h3: (group number, text)
        self.index, self.section, self.dt = {}, None, None
        self.attrs_seen = []
        self.all = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        self.attrs_seen += [k for k, _ in attrs]
        if tag not in VOID:
            self.stack.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "section":
            self.section = a.get("id")
        if tag == "a":
            self.hrefs.append(a.get("href", ""))
        if tag in ("h2", "h3", "dt", "a", "title", "h1"):
            self.text = ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, "</%s> closes %s" % (tag, self.stack[-1:])
        self.stack.pop()
        t = self.text
        if tag == "h2":
            self.h2.append(t)
        elif tag == "h3":
            self.h3.append((len(self.h2), t))
        elif tag == "dt":
            self.dt = t
            self.index.setdefault(self.section, {})[t] = []
        elif tag == "a" and self.dt is not None and self.section in ("offres", "besoins"):
            self.index[self.section][self.dt].append(t)
        elif tag == "h1":
            self.h1 = t
        if tag in ("h2", "h3", "dt", "a", "title", "h1"):
            self.text = None

    def handle_data(self, data):
        self.all.append(data)
        if self.text is not None:
            self.text += data


def index_of(rs, col):
    idx = {}
    for r in rs:
        for v in lst(r.get(col)):
            idx.setdefault(fold(v), (v, set()))[1].add(g(r, "name").replace("\n", " "))
    return idx


def check_page_tree(p, rs, group="commune"):
    names = [g(r, "name").replace("\n", " ") for r in rs]
    assert sorted(t for _, t in p.h3) == sorted(names), [t for _, t in p.h3]
    # Sorted by name within each group.
    for grp in set(n for n, _ in p.h3):
        ns = [t for n, t in p.h3 if n == grp]
        assert ns == sorted(ns, key=fold), ns
    if group == "commune":
        communes = {fold(re.sub(r"[-\s]+", " ", g(r, "commune"))) for r in rs if g(r, "commune")}
        heads = [h for h in p.h2 if not h.startswith("Index des ")]
        got = [fold(re.sub(r"[-\s]+", " ", h)) for h in heads if h != "Commune non précisée"]
        assert sorted(got) == sorted(communes) and got == sorted(got), heads
        if any(not g(r, "commune") for r in rs):
            assert heads[-1] == "Commune non précisée", heads


def check_html(path, src, skip=(), group="commune", title="Annuaire des acteurs de l'ESS"):
    text = open(path, encoding="utf-8").read()
    assert "<script" not in text.lower(), "a raw <script"
    assert 'href="javascript' not in text.lower(), "a javascript: link"
    p = Page()
    p.feed(text)
    p.close()
    assert p.stack == [], "unclosed: %s" % p.stack
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"fr\">")
    assert '<meta charset="utf-8">' in text
    assert not ({"script", "link", "img", "iframe", "object", "embed"} & p.tags), p.tags
    assert "src" not in p.attrs_seen and "style" not in p.attrs_seen
    style = text[text.index("<style>"):text.index("</style>")]
    assert "@page" in style and "size: A4" in style and "page-break-inside: avoid" in style
    assert "url(" not in style and "@import" not in style
    assert len(p.ids) == len(set(p.ids)), "an id twice"
    for h in p.hrefs:
        assert re.match(r"(https?://|mailto:|#)", h), "link %r" % h
        if h.startswith("#"):
            assert h[1:] in p.ids, "no target for %s" % h
    assert p.h1 == title, p.h1
    rs = rows(src, skip)
    check_page_tree(p, rs, group)
    for sec, col in (("offres", "offers"), ("besoins", "needs")):
        want = index_of(rs, col)
        got = p.index.get(sec, {})
        assert sorted(fold(k) for k in got) == sorted(want), (sorted(got), sorted(want))
        assert list(got) == sorted(got, key=fold), list(got)
        for k, actors in got.items():
            assert set(actors) == want[fold(k)][1], (k, actors)
            assert actors == sorted(actors, key=fold), actors
    return p


# ---------------------------------------------------------------- Markdown

def check_md(path, src, skip=(), rendered=None):
    """The Markdown as written; with rendered (cmark-gfm's HTML of it, raw
    HTML let through), what a reader sees."""
    text = open(path, encoding="utf-8").read()
    rs = rows(src, skip)
    assert "<script" not in text.lower(), "a raw <script"
    assert text.startswith("# ") and text.endswith("\n") and not text.endswith("\n\n")
    assert text.count("\n### ") == len(rs), text.count("\n### ")
    assert "\n## Index des offres\n" in text and "\n## Index des besoins\n" in text
    if rendered:
        h = open(rendered, encoding="utf-8").read()
        assert "<script" not in h.lower(), "cmark-gfm renders a <script"
        assert 'href="javascript' not in h.lower(), "a javascript: link"
        for tag in ("<img", "<code>", "<ol", "<blockquote", "<pre", "<del>", "<table"):
            assert tag not in h.lower(), tag
        assert h.count("<h1>") == 1
        p = Page()
        p.feed("<div>" + h + "</div>")
        p.close()
        assert p.stack == [], "unclosed: %s" % p.stack
        for href in p.hrefs:
            assert re.match(r"(https?://|mailto:)", href), href
        names = [g(r, "name").replace("\n", " ") for r in rs]
        assert sorted(t for _, t in p.h3) == sorted(names), [t for _, t in p.h3]
        seen = " ".join("".join(p.all).split())
        for r in rs:
            for line in nl(g(r, "description")).split("\n"):
                line = " ".join(line.split())
                assert line in seen, line
