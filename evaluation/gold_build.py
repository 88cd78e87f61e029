#!/usr/bin/env python3
"""Builds a blind batch's docs/NNN_slug.txt + .gold.json from its src/NNN_slug.src (shared by the
heldout8-10 batches; each batch's build.py calls :func:`main` with its own folder).

Markup in src: ⟦TAG|text⟧ where TAG is a shorthand (see SHORT) or KIND:category.
Everything outside the brackets is copied verbatim.
"""
import json, re, sys, pathlib

SHORT = {
    'p': ('P', 'person'), 'e': ('P', 'email'), 'ph': ('P', 'phone'),
    'ad': ('P', 'address'), 'bd': ('P', 'birthdate'), 'bsn': ('P', 'bsn'),
    'id': ('P', 'id_number'), 'lp': ('P', 'licence_plate'), 'ib': ('P', 'iban'),
    'nat': ('P', 'nationality'),
    'd': ('O', 'email_domain'), 'jt': ('O', 'job_title'),
    'o': ('K', 'organisation'), 'oa': ('K', 'office_address'), 'pl': ('K', 'place'),
    'w': ('K', 'website'), 'sw': ('K', 'switchboard'), 'fe': ('K', 'functional_email'),
    'fm': ('K', 'functional_mailbox'), 'pp': ('K', 'person_public'),
    'oid': ('K', 'organisation_id'), 'oib': ('K', 'organisation_iban'),
    'ba': ('K', 'business_address'), 'mid': ('K', 'meeting_id'),
    'apt': ('K', 'address_in_policy_text'), 'spl': ('K', 'street_person_like'),
    'cw': ('K', 'common_word'), 'ref': ('O', 'reference_number'), 'hl': ('P', 'health'),
    'pa': ('O', 'person_ambiguous'), 'cn': ('O', 'case_number'), 'law': ('K', 'law_reference'),
}
PAT = re.compile(r'⟦([^|⟧]+)\|(.*?)⟧', re.S)

def build(src: pathlib.Path, outdir: pathlib.Path):
    raw = src.read_text(encoding='utf-8')
    out, gold, pos = [], [], 0
    n = 0
    for m in PAT.finditer(raw):
        out.append(raw[pos:m.start()])
        tag, text = m.group(1).strip(), m.group(2)
        if tag in SHORT:
            kind, cat = SHORT[tag]
        elif ':' in tag:
            kind, cat = tag.split(':', 1)
        else:
            raise SystemExit(f'{src.name}: unknown tag {tag!r}')
        start = sum(len(x) for x in out)
        out.append(text)
        gold.append({'start': start, 'end': start + len(text), 'text': text,
                     'kind': kind, 'category': cat})
        pos = m.end()
    out.append(raw[pos:])
    doc = ''.join(out)
    if '⟦' in doc or '⟧' in doc:
        i = doc.find('⟦') if '⟦' in doc else doc.find('⟧')
        raise SystemExit(f'{src.name}: stray bracket near {doc[max(0,i-40):i+40]!r}')
    stem = src.stem
    (outdir / f'{stem}.txt').write_text(doc, encoding='utf-8')
    (outdir / f'{stem}.gold.json').write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    return stem, len(doc), len(gold)

def main(here: pathlib.Path) -> None:
    for src in sorted((here / 'src').glob('*.src')):
        print(*build(src, here / 'docs'))
