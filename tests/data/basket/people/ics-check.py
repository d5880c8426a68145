# ics-check.py: reads an iCalendar document back as RFC 5545 says and
# checks what basket-orders calendar -o ics promises.  Used by
# tests/cli/pending-basket-people.sh through t_py: check_ics(path, want)
# where want maps each VEVENT's UID to its (DTSTART, DTEND) local times.
import datetime, re, zoneinfo


def unescape(v):
    out, i = [], 0
    while i < len(v):
        c = v[i]
        if c == "\\":
            n = v[i + 1]
            out.append("\n" if n in "nN" else n)
            i += 2
            continue
        assert c not in ",;", "unescaped %r in %r" % (c, v)
        out.append(c)
        i += 1
    return "".join(out)


def parse(path):
    raw = open(path, "rb").read()
    assert raw.endswith(b"\r\n"), "no CRLF at the end"
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
    phys = raw[:-2].split(b"\r\n")
    for l in phys:
        assert len(l) <= 75, "line of %d octets: %r" % (len(l), l)
        l.decode("utf-8")    # each physical line is whole UTF-8
    lines = []
    for l in phys:
        if l[:1] in (b" ", b"\t"):
            lines[-1] += l[1:]
        else:
            lines.append(l)
    props = []
    for l in lines:
        l = l.decode("utf-8")
        m = re.match(r"([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", l)
        assert m, "not a content line: %r" % l
        props.append((m.group(1).upper(), m.group(2), m.group(3)))
    return props


def components(props):
    stack, top = [], None
    for name, params, value in props:
        if name == "BEGIN":
            c = {"name": value, "props": [], "subs": []}
            if stack:
                stack[-1]["subs"].append(c)
            else:
                assert top is None, "two top-level components"
                top = c
            stack.append(c)
        elif name == "END":
            assert stack and stack[-1]["name"] == value, "END:%s unmatched" % value
            stack.pop()
        else:
            assert stack, "property outside a component"
            stack[-1]["props"].append((name, params, value))
    assert not stack, "unclosed component"
    return top


def one(c, name):
    v = [p for p in c["props"] if p[0] == name]
    assert len(v) == 1, "%s: %d %s" % (c["name"], len(v), name)
    return v[0]


def check_ics(path, want, name=None, place=None):
    cal = components(parse(path))
    assert cal["name"] == "VCALENDAR"
    assert one(cal, "VERSION")[2] == "2.0"
    assert one(cal, "PRODID")[2]
    tzs = [s for s in cal["subs"] if s["name"] == "VTIMEZONE"]
    assert len(tzs) == 1 and one(tzs[0], "TZID")[2] == "Europe/Paris"
    kinds = sorted(s["name"] for s in tzs[0]["subs"])
    assert kinds == ["DAYLIGHT", "STANDARD"], kinds
    # The rules give the same changes as the tz database, 1996 to 2040.
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    for y in range(1996, 2041):
        for month, frm in ((3, "+0100"), (10, "+0200")):
            d = datetime.date(y, month, 31)
            d -= datetime.timedelta(days=(d.weekday() + 1) % 7)
            sub = [s for s in tzs[0]["subs"] if one(s, "TZOFFSETFROM")[2] == frm][0]
            rule = one(sub, "RRULE")[2]
            assert "BYMONTH=%d" % month in rule and "BYDAY=-1SU" in rule, rule
            hh = int(one(sub, "DTSTART")[2][9:11])
            before = datetime.datetime(y, month, d.day, hh, 0) - datetime.timedelta(minutes=1)
            off = before.replace(tzinfo=paris).utcoffset().total_seconds() / 3600
            assert off == int(frm[:3]), (y, month, off)
    events = [s for s in cal["subs"] if s["name"] == "VEVENT"]
    uids = [one(e, "UID")[2] for e in events]
    assert len(set(uids)) == len(uids), "UIDs repeat"
    got = {}
    for e in events:
        assert re.fullmatch(r"\d{8}T\d{6}Z", one(e, "DTSTAMP")[2])
        s, en = one(e, "DTSTART"), one(e, "DTEND")
        assert s[1] == ";TZID=Europe/Paris" and en[1] == ";TZID=Europe/Paris", (s, en)
        a = datetime.datetime.strptime(s[2], "%Y%m%dT%H%M%S").replace(tzinfo=paris)
        b = datetime.datetime.strptime(en[2], "%Y%m%dT%H%M%S").replace(tzinfo=paris)
        assert b > a
        summary = unescape(one(e, "SUMMARY")[2])
        if name:
            assert name in summary, summary
        if place:
            assert unescape(one(e, "LOCATION")[2]) == place
        got[one(e, "UID")[2]] = (s[2], en[2])
    assert got == want, "events: %r" % got
