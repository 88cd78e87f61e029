"""Verify the gold files of a blind batch written in the woo-real-dev format (heldout8,
heldout9, ...) and print counts per kind and category.

Checks: list of dicts with exactly the keys start/end/text/kind/category; int offsets within the
document; text == doc[start:end]; kind in P/K/O; non-empty category; no leading/trailing
whitespace in a span; sorted by start; no overlaps; every .txt has a .gold.json and vice versa.
Usage: python3 evaluation/gold_check.py DOCS_DIR [-v]   (-v: counts per document too)
"""
import collections, json, pathlib, sys

KEYS = {'start', 'end', 'text', 'kind', 'category'}
DOCS = pathlib.Path('.')


def main(docs=None):
    global DOCS
    if docs is not None:
        DOCS = pathlib.Path(docs)
    verbose = '-v' in sys.argv
    problems = []
    total = collections.Counter()
    per_cat = collections.Counter()
    txts = {p.name[:-4] for p in DOCS.glob('*.txt')}
    golds = {p.name[:-10] for p in DOCS.glob('*.gold.json')}
    for s in sorted(txts ^ golds):
        problems.append(f'{s}: missing .txt or .gold.json')
    for stem in sorted(txts & golds):
        doc = (DOCS / f'{stem}.txt').read_text(encoding='utf-8')
        try:
            gold = json.loads((DOCS / f'{stem}.gold.json').read_text(encoding='utf-8'))
        except Exception as e:  # noqa
            problems.append(f'{stem}: bad JSON: {e}')
            continue
        if not isinstance(gold, list):
            problems.append(f'{stem}: gold is not a list')
            continue
        prev_end, prev_start = -1, -1
        c = collections.Counter()
        for i, s in enumerate(gold):
            where = f'{stem}[{i}]'
            if not isinstance(s, dict) or set(s) != KEYS:
                problems.append(f'{where}: keys {sorted(s) if isinstance(s, dict) else type(s)}')
                continue
            st, en = s['start'], s['end']
            if not (type(st) is int and type(en) is int and 0 <= st < en <= len(doc)):
                problems.append(f'{where}: bad offsets {st}-{en}')
                continue
            if doc[st:en] != s['text']:
                problems.append(f'{where}: text {s["text"]!r} != doc {doc[st:en]!r}')
            if s['text'] != s['text'].strip():
                problems.append(f'{where}: surrounding whitespace in {s["text"]!r}')
            if s['kind'] not in ('P', 'K', 'O'):
                problems.append(f'{where}: kind {s["kind"]!r}')
            if not isinstance(s['category'], str) or not s['category']:
                problems.append(f'{where}: empty category')
            if st < prev_start:
                problems.append(f'{where}: not sorted')
            if st < prev_end:
                problems.append(f'{where}: overlaps previous span')
            prev_start, prev_end = st, max(prev_end, en)
            c[s['kind']] += 1
            total[s['kind']] += 1
            per_cat[(s['kind'], s['category'])] += 1
        if verbose:
            print(f'{stem:50s} chars {len(doc):5d}  P {c["P"]:3d}  K {c["K"]:3d}  O {c["O"]:3d}')
    print(f'documents: {len(txts & golds)}')
    print(f'totals: P {total["P"]}, K {total["K"]}, O {total["O"]}')
    for (k, cat), n in sorted(per_cat.items()):
        print(f'  {k} {cat:32s} {n}')
    print(f'{len(problems)} problems')
    for p in problems:
        print('  ' + p)
    return 1 if problems else 0

if __name__ == '__main__':
    if len(sys.argv) > 1 and not sys.argv[1].startswith('-'):
        DOCS = pathlib.Path(sys.argv[1])
    sys.exit(main())
