"""bench/py-query.py [--postcode=PREFIX] [--search='WORDS'] [--count] FILE

The directory query of `ess-directory query`, with Python's csv module, as a
user would write it: keep the rows whose postcode (spaces trimmed) starts with
PREFIX and where, for each search term, some word of name, description,
offers, needs or tags matches it after folding (lower case, accents removed,
oe and ae ligatures spelt out). A word is a run of letters and digits; a term
ending in '*' matches the words it starts, any other term only an equal word.
Prints the header and the matching rows as CSV, or with --count their number.
"""
import csv
import re
import sys
import unicodedata

SEARCHED = ('name', 'description', 'offers', 'needs', 'tags')
WORD = re.compile(r'[^\W_]+')


def fold(text):
    text = text.lower().replace('œ', 'oe').replace('æ', 'ae')
    text = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in text if not unicodedata.combining(c))


def main(argv):
    postcode, terms, count, files = '', [], False, []
    for a in argv:
        if a.startswith('--postcode='):
            postcode = a.split('=', 1)[1].strip()
        elif a.startswith('--search='):
            for t in a.split('=', 1)[1].split():
                prefix = t.endswith('*')
                t = fold(t.rstrip('*'))
                if t:
                    terms.append((t, prefix))
        elif a == '--count':
            count = True
        else:
            files.append(a)
    if len(files) != 1:
        sys.exit('usage: py-query.py [--postcode=P] [--search=WORDS] [--count] FILE')

    def matches(words):
        for t, prefix in terms:
            if not any(w.startswith(t) if prefix else w == t for w in words):
                return False
        return True

    n = 0
    with open(files[0], newline='', encoding='utf-8') as f:
        rows = csv.reader(f)
        header = next(rows)
        pc = header.index('postcode')
        cols = [header.index(c) for c in SEARCHED]
        out = csv.writer(sys.stdout, lineterminator='\n')
        if not count:
            out.writerow(header)
        for row in rows:
            if postcode and not row[pc].strip().startswith(postcode):
                continue
            if terms and not matches(WORD.findall(fold(' '.join(row[i] for i in cols)))):
                continue
            n += 1
            if not count:
                out.writerow(row)
    if count:
        print(n)


if __name__ == '__main__':
    main(sys.argv[1:])
