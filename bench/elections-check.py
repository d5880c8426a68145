#!/usr/bin/env python3
"""bench/elections-check.py: independent checks of ess-tally's election
results for bench/elections.sh, written from the methods' definitions,
sharing no code with ess-tally.  Each prints "ok" or "DIFFERS: why" and
exits 0 or 1.

  elections-check.py plurality EXPECTED FILE N OUT.json
      first choices, tied first places and valid ballots against
      gen-ballots' truth (EXPECTED: expected-N.txt, FILE ranked or distinct)
  elections-check.py grades EXPECTED OUT.csv
      majority judgment's median (the lower middle judgment), above and
      below per candidate against gen-ballots' counts
  elections-check.py schulze BALLOTS.csv MATRIX.csv RANKING.csv
      the pairwise matrix (unranked candidates tied below the ranked ones),
      the strongest paths (winning strength) and each candidate's wins,
      against ess-tally --matrix and its ranking
  elections-check.py irv BALLOTS.csv ROUNDS.csv
      every instant-runoff round (votes as exact fractions, a ballot split
      equally between tied candidates) against ess-tally --rounds
"""
import csv
import json
import sys
from collections import Counter
from fractions import Fraction

GRADES = ["à rejeter", "insuffisant", "passable", "assez bien", "bien",
          "très bien", "excellent"]


def differs(why):
    print("DIFFERS: " + why)
    sys.exit(1)


def expected(path):
    with open(path, encoding="utf-8") as f:
        return [line.split() for line in f if line.strip()]


def rankings(path):
    """The distinct rankings of a voter,ranking file: a Counter of tuples of
    tied groups (tuples of names)."""
    raw = Counter()
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            raw[row[1]] += 1
    out = Counter()
    for s, n in raw.items():
        out[tuple(tuple(g.split("=")) for g in s.split(">"))] += n
    return out


def plurality(exp, key, n, out):
    with open(out, encoding="utf-8") as f:
        j = json.load(f)
    got = {r["candidate"]: r["votes"] for r in j["ranking"]}
    want = {f[2]: int(f[3]) for f in expected(exp) if f[0] == "first" and f[1] == key}
    tied = [int(f[2]) for f in expected(exp) if f[0] == "tiedfirst" and f[1] == key][0]
    if got != want:
        bad = [c for c in want if got.get(c) != want[c]]
        differs("first choices of %s: ess-tally %s, true %s" %
                (bad[0] if bad else "?", got.get(bad[0]) if bad else got, want.get(bad[0]) if bad else want))
    if j["ballots"]["valid"] != int(n):
        differs("valid ballots: %s, not %s" % (j["ballots"]["valid"], n))
    note = [x for x in j.get("notes", []) if "tied first" in x]
    ntied = int(note[0].rsplit(" ", 1)[1]) if note else 0
    if ntied != tied:
        differs("tied first places: ess-tally %d, true %d" % (ntied, tied))
    print("ok")


def grades(exp, out):
    want = {f[1]: (GRADES[int(f[2])], int(f[3]), int(f[4]))
            for f in expected(exp) if f[0] == "grade"}
    got = {}
    with open(out, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            got[row["candidate"]] = (row["median"], int(row["above"]), int(row["below"]))
    for c in want:
        if got.get(c) != want[c]:
            differs("%s: ess-tally %s, true %s" % (c, got.get(c), want[c]))
    if len(got) != len(want):
        differs("%d candidates, not %d" % (len(got), len(want)))
    print("ok")


def read_matrix(path):
    """{'pairwise': {a: {b: n}}, 'paths': ...} and the candidates' order."""
    m = {"pairwise": {}, "paths": {}}
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        head = next(r)
        names = head[2:]
        for row in r:
            m[row[0]][row[1]] = {b: int(v) for b, v in zip(names, row[2:]) if v != ""}
    return m, names


def schulze(ballots, matrix, ranking):
    got, names = read_matrix(matrix)
    d = {a: {b: 0 for b in names if b != a} for a in names}
    for rk, n in rankings(ballots).items():
        level = {}
        for i, g in enumerate(rk):
            for c in g:
                level[c] = i
        last = len(rk)
        for a in names:
            la = level.get(a, last)
            if la == last:
                continue
            for b in names:
                if b != a and la < level.get(b, last):
                    d[a][b] += n
    if d != got["pairwise"]:
        bad = [(a, b) for a in names for b in names
               if a != b and d[a][b] != got["pairwise"].get(a, {}).get(b)]
        differs("pairwise %s over %s: ess-tally %s, computed %d" %
                (bad[0][0], bad[0][1], got["pairwise"].get(bad[0][0], {}).get(bad[0][1]),
                 d[bad[0][0]][bad[0][1]]))
    # Winning strength, then the widest paths (Floyd-Warshall).
    p = {a: {b: (d[a][b] if d[a][b] > d[b][a] else 0) for b in d[a]} for a in names}
    for k in names:
        for a in names:
            if a == k:
                continue
            for b in names:
                if b != a and b != k:
                    p[a][b] = max(p[a][b], min(p[a][k], p[k][b]))
    if p != got["paths"]:
        differs("strongest paths differ")
    wins = {a: sum(1 for b in p[a] if p[a][b] > p[b][a]) for a in names}
    with open(ranking, encoding="utf-8", newline="") as f:
        gw = {row["candidate"]: int(row["wins"]) for row in csv.DictReader(f)}
    if gw != wins:
        differs("wins: ess-tally %s, computed %s" % (gw, wins))
    print("ok")


def irv(ballots, rounds):
    rk = rankings(ballots)
    got = []
    with open(rounds, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            got.append((int(row["round"]), row["candidate"], row["votes"], row["status"]))
    cont = {c for g in set(g for r in rk for g in r) for c in g}
    want = []
    rnd = 1
    while cont:
        votes = {c: Fraction(0) for c in cont}
        for r, n in rk.items():
            for g in r:
                live = [c for c in g if c in cont]
                if live:
                    for c in live:
                        votes[c] += Fraction(n, len(live))
                    break
        total = sum(votes.values())
        top = max(votes, key=votes.get)
        if 2 * votes[top] > total or len(cont) == 1:
            want += [(rnd, c, str(v), "elected" if c == top else "continuing")
                     for c, v in votes.items()]
            break
        low = min(votes.values())
        out = {c for c in cont if votes[c] == low}
        if len(out) > 1 and not all(sum(votes[c] for c in out) < votes[c]
                                    for c in cont - out):
            differs("a tie for exclusion in round %d: not checked" % rnd)
        want += [(rnd, c, str(v), "excluded" if c in out else "continuing")
                 for c, v in votes.items()]
        cont -= out
        rnd += 1
    # Candidates no ballot names are not in the computation.
    got = [g for g in got if g[1] in {w[1] for w in want}]
    if sorted(got) != sorted(want):
        bad = sorted(set(want) ^ set(got))
        differs("%d round rows differ, first %s" % (len(bad), bad[0]))
    print("ok")


def main():
    try:
        run(sys.argv[1:])
    except (KeyError, ValueError, IndexError, StopIteration, OSError) as e:
        differs("unexpected output from ess-tally (%s: %s)" % (type(e).__name__, e))


def run(a):
    if a[:1] == ["plurality"] and len(a) == 5:
        plurality(*a[1:])
    elif a[:1] == ["grades"] and len(a) == 3:
        grades(*a[1:])
    elif a[:1] == ["schulze"] and len(a) == 4:
        schulze(*a[1:])
    elif a[:1] == ["irv"] and len(a) == 3:
        irv(*a[1:])
    else:
        sys.stderr.write(__doc__)
        sys.exit(64)


if __name__ == "__main__":
    main()
