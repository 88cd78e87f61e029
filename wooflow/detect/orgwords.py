"""Case-wide organisation evidence: the capitalised words a case writes after an organisation
head ('Directie Consulaire Zaken en Visumbeleid'; heads in data/cues/organisation_heads.txt).
A person mention made only of such words, without given name or initials, is dropped: the
case itself says they name an organisation ('de directeur Consulaire Zaken' is a role)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.recognizers.person import Mention


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    heads = sorted(sorted(lexicon.cue_words("organisation_heads.txt")), key=len, reverse=True)
    alts = "|".join(re.escape(h).replace(r"\ ", r"[ \t]+") for h in heads)
    cap = r"(?:IJ|[A-ZÀ-ÖØ-Þ])[\wÀ-ÿ'’-]+"
    # (the words of the name never cross a tab: 'naar team Wmo<tab>MB' ends at the table cell)
    return re.compile(rf"(?i:(?<![\w-])(?:{alts}))[ \t]+((?:{cap})(?:[ ]+(?:en|van|voor|de|het|der|&)?[ ]*{cap}"
        rf"){{0,4}})")


HeadNames = list[tuple[int, int, str]]


def head_names(text: str) -> HeadNames:
    """(start, end, words) of every name ``text`` writes after an organisation head. The case
    step reads them twice (organisation words, firm spans): one scan per text serves both."""
    return [(m.start(1), m.end(1), m.group(1)) for m in _heads().finditer(text)]


def case_organisation_words(texts: Iterable[str], heads: Iterable[HeadNames] | None = None) -> set[str]:
    """The capitalised words of the names after organisation heads in ``texts`` (``heads``: their
    ``head_names``, when the caller has them already)."""
    out: set[str] = set()
    for names in (heads if heads is not None else map(head_names, texts)):
        for _, _, name in names:
            out.update(w for w in re.split(r"[ \t]+", name) if w[:1].isupper())
    return out


def drop_organisation_mentions(mentions: dict[object, list[Mention]], words: set[str]) -> dict[object, list[Mention]]:
    if not words:
        return mentions
    def is_org(m: Mention) -> bool:
        if m.public is not None or m.parts.initials or (m.parts.first and m.parts.surname
                                                         and m.parts.first != m.parts.surname):
            return False  # (a given name alone may name the body: 'Radio Roxy' ... 'Roxy')
        toks = m.text.split()
        return bool(toks) and all(t in words for t in toks)
    return {k: [m for m in ms if not is_org(m)] for k, ms in mentions.items()}


# A firm the case writes with its legal form: one to four capitalised words before 'B.V.' and
# the like ('Zwiers Kunststoffen B.V.', 'Sjeng Brouwers Horeca B.V.'), words apart by one space (a
# tab or a wide gap is a table's cell boundary).
_FIRM = re.compile(r"(?<![\w&'’-])((?:(?:IJ|[A-ZÀ-ÖØ-Þ])[\wÀ-ÿ'’&-]* ){2,4})"
                   r"(?:B\.V\.|N\.V\.|V\.O\.F\.|C\.V\.|BV|NV|VOF)(?![\w])")
_LEADING = {"De", "Het", "Een", "Bij", "Van", "Voor", "Aan", "Met", "Namens", "Firma", "Fa.", "Bedrijf"}


def case_firms(texts: Iterable[str]) -> set[str]:
    """Names of firms the case writes with a legal form, whose last word is no name: the case
    says the words before it name a firm ('Zwiers Kunststoffen' wherever it stands), even where
    the firm is named after a person ('H.J. Zwiers' stays a candidate of its own)."""
    out: set[str] = set()
    for text in texts:
        if "V." not in text and "BV" not in text and "NV" not in text and "VOF" not in text:
            continue
        for m in _FIRM.finditer(text):
            words = m.group(1).split()
            while words and words[0] in _LEADING:
                words.pop(0)
            last = words[-1] if words else ""
            if len(words) >= 2 and not lexicon.is_surname(last) and not lexicon.is_first_name(last):
                out.add(" ".join(words))
    return out


def firm_spans(texts: dict[object, str], firms: set[str],
               heads: dict[object, HeadNames] | None = None) -> dict[object, list[tuple[int, int]]]:
    """Where each text writes a case firm's name, or a name after an organisation head
    (``heads``: each text's ``head_names``, when the caller has them already)."""
    # and every name the case writes after an organisation head ('Vereniging Hendrick de Keyser')
    named = {k: [(s, e) for s, e, _ in (heads[k] if heads is not None else head_names(t))]
             for k, t in texts.items()}
    if not firms:
        return named
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"[ ]{1,2}")
                                                     for f in sorted(firms, key=len, reverse=True)) + r")(?![\w-])")
    return {k: [(m.start(), m.end()) for m in pattern.finditer(t)] + named[k] for k, t in texts.items()}


def drop_firm_mentions(mentions: dict[object, list[Mention]],
                       spans: dict[object, list[tuple[int, int]]]) -> dict[object, list[Mention]]:
    """Person mentions that lie inside a case firm's name, wherever the case writes it (the
    spans also keep case-wide propagation out of them: detector.detect_case)."""
    return {k: [m for m in ms if m.public is not None
                or not any(s <= m.start and m.end <= e for s, e in spans.get(k, ()))]
            for k, ms in mentions.items()}
