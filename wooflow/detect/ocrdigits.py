"""OCR's letter-for-digit confusions read back as digits ('06-2O118735', '17-O4-1971',
'06 3l 52 77 08'): a shadow text of the same length in which an O/o is 0 and an l/I is 1 where
they stand next to a digit inside a run of at least five digits. Like capitals.decap, detection
runs on the shadow, findings keep their offsets and take their text from the original. No OCR
post-correction library fits a same-length, offset-preserving shadow, hence these few lines."""

from __future__ import annotations

import re

_RUN = re.compile(r"(?<![A-Za-z])[\dOolI][\dOolI \-./()+]{3,}[\dOolI](?![A-Za-z])")
_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


# Single confusions outside long runs: a letter between two digits ('XK-3l8-V'), an l/I before
# a house number or year ('Snipperlingsdijk l14', 'sinds l968'), an 'l' opening a word before a
# consonant (no Dutch word starts so: 'lngrid' is 'Ingrid'), a '0' opening a lower-case word
# ('0lde Heuvel', '0ns bedrijf').
_SINGLE = re.compile(r"(?<=\d)[OolI](?=\d)|(?<![\w.,-])[lI](?=\d{1,3}\b)|(?<![\w'’-])(l)(?=[bcdfghjkmnpqrstvwxz])"
                     r"|(?<![\w.,])(0)(?=[a-z]{2})")


# A postcode's digits with a letter among them before its two letters ('464l RE', '8O23 BN'):
# at least two real digits, the letters after one or two blanks.
OCR_POSTCODE = r"[1-9OlI][\dOlI]{3}[ \u00a0]{1,2}[A-Z]{2}"  # (also capitals.address_cells)
_POSTCODE = re.compile(r"(?<![\w.,])(?=" + OCR_POSTCODE + r"(?![\w]))[1-9OlI][\dOlI]{3}")


def fix(text: str) -> str:
    """The text with digit-confusable letters inside digit runs read as digits (same length)."""
    if not any(c in text for c in "OolI0"):
        return text
    out = list(text)
    changed = False
    for m in _SINGLE.finditer(text):
        c = m.group(0)
        out[m.start()] = "I" if m.group(1) else "O" if m.group(2) else c.translate(_MAP)
        changed = True
    for m in _POSTCODE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 2 and not m.group(0).isdigit():
            out[m.start() : m.end()] = list(m.group(0).translate(_MAP))
            changed = True
    for m in _RUN.finditer(text):
        run = m.group(0)
        if sum(c.isdigit() for c in run) < 5:
            continue
        for i, c in enumerate(run):
            if c in "OolI" and ((i > 0 and run[i - 1].isdigit()) or (i + 1 < len(run) and run[i + 1].isdigit())):
                out[m.start() + i] = c.translate(_MAP)
                changed = True
    return "".join(out) if changed else text
