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
    heads = sorted(lexicon.cue_words("organisation_heads.txt"), key=len, reverse=True)
    alts = "|".join(re.escape(h).replace(r"\ ", r"[ \t]+") for h in heads)
    cap = r"(?:IJ|[A-ZÀ-ÖØ-Þ])[\wÀ-ÿ'’-]+"
    return re.compile(rf"(?i:(?<![\w-])(?:{alts}))[ \t]+((?:{cap})(?:[ \t]+(?:en|van|voor|de|het|der|&)?[ \t]*{cap}"
        rf"){{0,4}})")


def case_organisation_words(texts: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for text in texts:
        for m in _heads().finditer(text):
            out.update(w for w in re.split(r"[ \t]+", m.group(1)) if w[:1].isupper())
    return out


def drop_organisation_mentions(mentions: dict[object, list[Mention]], words: set[str]) -> dict[object, list[Mention]]:
    if not words:
        return mentions
    def is_org(m: Mention) -> bool:
        if m.public is not None or m.parts.initials or (m.parts.first and m.parts.surname):
            return False  # (a given name alone may name the body: 'Radio Roxy' ... 'Roxy')
        toks = m.text.split()
        return bool(toks) and all(t in words for t in toks)
    return {k: [m for m in ms if not is_org(m)] for k, ms in mentions.items()}
