"""bench/py-tally.py FILE: count stickers per (item, vote) with the csv module."""
import collections, csv, sys

counts = collections.Counter()
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        counts[row['item'], row['vote']] += 1
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['item', 'vote', 'count'])
for (item, vote), n in sorted(counts.items()):
    out.writerow([item, vote, n])
