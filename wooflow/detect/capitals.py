"""Lines written in capitals (CAK/DUO/Belastingdienst address blocks: 'DE HEER J.P.M. VAN DER
LAAN', 'KERKSTRAAT 8 B', '5261 CL VUGHT') read as ordinary Dutch capitalisation.

Every cue of the recognizers (a capital letter opens a name, a tussenvoegsel is lower case, a
street ends in -straat) assumes mixed case; in capitals a name looks like an acronym. Rather than
doubling every pattern, detection runs on a shadow text of the same length in which each
all-capitals line is re-cased; findings keep their offsets and take their text from the original.
No library re-cases Dutch names (str.title() capitalises 'van der' and breaks 'J.P.M.'), hence
this small hand-written rule set.
"""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.ocrdigits import OCR_POSTCODE
from wooflow.detect.personcues import ORG_SUFFIX, firm_after

# Whole words only: letters inside a code ('NL91ABNA0417164300', 'CAK-BEW-2024') stay as written.
_WORD = re.compile(r"(?<![\w])[^\W\d_]+(?:['’][^\W\d_]+)*(?:\.|(?!\w))")
_TITLES = frozenset("heer mevrouw mevr dhr mw de heer".split())
# Lower case inside a line: particles of Dutch names and the small words of organisation names.
_ALWAYS_LOW = frozenset("van der het ter ten te en of op in voor aan bij 't".split())
# 'DE'/'DEN' start a place ('DEN HAAG', 'DE BILT') unless they follow initials or a title.
_NAME_LOW = frozenset("de den la le du da di el al".split())
_IBAN_HEAD = re.compile(r"(?:^|\s)[A-Z]{2}\d{2}$")


def decap(text: str) -> str:
    """The text with every all-capitals line re-cased (same length), and every address value in
    capitals inside a mixed line (``address_cells``); ``text`` itself when none."""
    lines = text.split("\n")
    if not any(line.isupper() for line in lines):
        return address_cells(text)
    out = []
    for line in lines:
        if line.isupper() and sum(c.isalpha() for c in line) >= 4 and not _organisation(line):
            fixed = _recase(line)
            out.append(fixed if len(fixed) == len(line) else line)
        else:
            out.append(address_cells(line))
    return "\n".join(out)


# An address written in capitals inside a mixed line, as forms and scanned letters write the
# value after a label ('Adres gehuurde    VAN LENNEPSTRAAT 83, 8023 BN ZWOLLE', 'Adres
# ZANDVLIETSEDIJK 7, 4641 RE OSSENDRECHT'): a capitals street (its last word ends in a street
# suffix, data/cues/street_suffixes.txt) before a house number, and a capitals place after a
# postcode (OCR's l/I/O in the postcode's digits and a 0 opening the place are allowed: the
# shadow reads that 0 as O; ocrdigits repairs the digits). Unlike a name in capitals, neither is
# written so on purpose to stand out, so clean text is re-cased too.
_CAP_STREET = re.compile(r"(?<![\w.])(?:[A-Z][A-Z'’-]*[ \u00a0]){0,3}[A-Z][A-Z'’-]*[A-Z]"
                         r"(?=[ \u00a0]{1,2}[\dlI]\d{0,4}(?!\w)|[ \u00a0]{1,2}\d{1,5}[-/]?[A-Za-z]{1,2}(?!\w))")
_CAP_PLACE = re.compile(r"(?<![\w.])" + OCR_POSTCODE + r"[ \u00a0,]{1,2}"
                        r"([A-Z0][A-Z'’]+(?:[- \u00a0][A-Z][A-Z'’]+){0,2})(?![\w.])")
_STREET_ENDS = tuple(s.upper() for s in lexicon.cue_lines("street_suffixes.txt"))


def address_cells(line: str) -> str:
    """``line`` with a capitals street before its house number and a capitals place after its
    postcode re-cased (same length); ``line`` itself when it holds neither."""
    if not any(c.isupper() for c in line) or not any(c.isdigit() for c in line):
        return line
    spans: list[tuple[int, int]] = []
    for m in _CAP_STREET.finditer(line):
        if m.group(0).endswith(_STREET_ENDS) and len(m.group(0)) >= 5:
            spans.append((m.start(), m.end()))
    for m in _CAP_PLACE.finditer(line):
        digits = sum(c.isdigit() for c in m.group(0)[:4])
        if digits >= 2:
            spans.append((m.start(1), m.end(1)))
    if not spans:
        return line
    out = list(line)
    for a, b in spans:
        value = line[a:b]
        if value[0] == "0":  # OCR: '0SSENDRECHT'
            value = "O" + value[1:]
        fixed = _recase(value)
        if len(fixed) == b - a:
            out[a:b] = list(fixed)
    return "".join(out)


def _recase(line: str) -> str:
    parts: list[str] = []
    pos = 0
    prev = ""  # previous word as re-cased
    first = True
    for m in _WORD.finditer(line):
        w = m.group(0)
        gap = line[pos : m.start()]
        parts.append(gap)
        pos = m.end()
        core = w.rstrip(".")
        low = core.lower()
        initials = w.endswith(".") and len(core) == 1
        if initials or (len(core) <= 2 and low not in _NAME_LOW and low not in _ALWAYS_LOW) \
                or _IBAN_HEAD.search(line, 0, m.start() - 1 if m.start() else 0):
            new = w  # initials 'J.', postcode letters 'CL', a bank code after 'NL91'
        elif not first and (low in _ALWAYS_LOW or low in _TITLES
                            or low in _NAME_LOW and (prev.endswith(".") or prev.lower() in _TITLES
                                                     or prev in _ALWAYS_LOW or prev in _NAME_LOW)):
            new = w.lower()
        else:
            new = core[0] + core[1:].lower() + w[len(core) :]
        parts.append(new)
        prev = new.rstrip(".") if not new.endswith(".") or len(core) > 1 else new
        first = False
    parts.append(line[pos:])
    return "".join(parts)


def _organisation(line: str) -> bool:
    """A letterhead in capitals ('ADVOCATENKANTOOR DE HAAN & EL MOUSSAOUI') names a firm, not
    a person: it stays as written, so its partners' names are not read as people."""
    if "&" in line:
        return True
    for m in _WORD.finditer(line):
        w = m.group(0).rstrip(".")
        if len(w) < 3:
            continue
        cap = w[0] + w[1:].lower()
        if w in lexicon.organisation_words() or cap in lexicon.organisation_words():
            return True
        if ORG_SUFFIX.search(w) and not (lexicon.is_first_name(cap) or lexicon.is_surname(cap)):
            return True
    return False


# A value in capitals inside a mixed line, as a scanned form writes it ('Aanvrager
# WOLTERINK, RICK JOHANNES', 'Adres  KERKSTRAAT 120, 7131 CW LICHTENVOORDE'): capitals words,
# initials and house numbers joined by a space or a comma.
_CAP_WORD = r"[A-Z][A-Z'’-]*[A-Z]"
_CELL_PART = rf"(?:{_CAP_WORD}|(?:[A-Z]\.)+|\d+[A-Z]?)(?![\w.])"
_CELL = re.compile(rf"(?<![\w.]){_CELL_PART}(?:,? {_CELL_PART})+")
_LONG_WORD = re.compile(r"[A-Z][A-Z'’-]+[A-Z]\b(?!\.)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def recase_cells(text: str) -> str:
    """``text`` with every capitals value inside a mixed line re-cased like a capitals line
    (same length): a run of two capitals words of three letters or more, or one with initials
    ('HAILE, T.G.'); a firm's name ('HALLO LOGISTIEK B.V.') stays as written. Only for text
    that shows OCR evidence (ocrtext.repair): a clean text writes names in capitals on purpose."""
    out: list[str] | None = None
    for m in _CELL.finditer(text):
        run = m.group(0)
        words = _LONG_WORD.findall(run)
        if not (len(words) >= 2 or (words and _INITIALS.search(run))) or _organisation(run):
            continue
        fixed = _recase(run)
        if len(fixed) != len(run) or fixed == run or firm_after().search(fixed):
            continue
        if out is None:
            out = list(text)
        out[m.start() : m.end()] = list(fixed)
    return text if out is None else "".join(out)
