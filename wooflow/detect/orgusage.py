"""Propagate persons, not strings: how the case itself uses a name word.

A one-word "name" ('Logius', 'Vitens') that a context rule or the name model read as a person
is, in many Woo documents, an organisation the case names again and again. Carried case-wide,
that one misreading blacks out the organisation everywhere. This module collects, once per
case, the evidence the case's own text gives about each capitalised word:

- **organisation use**
  - the word is a label of an e-mail or web domain written in the case
    (``sietske.brandsma@logius.nl``, ``www.vitens.nl``);
  - it is the affiliation in brackets right after a person's name, alone or after a comma
    (``Ruud Egberink (calamiteitencoördinator, Vitens)``, ``Egberink (Vitens):``);
  - it follows the neuter article in running text (``bij het Zuyderland``): no surname takes
    'het' (a tussenvoegsel is 'de', 'den', 'der', ''t'); not for a listed given name ('het Rijk'
    is the state, but 'Rijk' may be a chat's given name). 'de' + name is no evidence: 'de' is
    the commonest tussenvoegsel ('mevrouw de Boer');
- **person use**
  - the word is part of a full name somewhere in the case (with a given name or initials:
    ``Ruud Egberink``), stands after a title or salutation (``de heer Vitens``), or is in the
    local part of an e-mail address (``r.egberink@...``).

A mention made only of words with organisation use and no person use anywhere in the case, and
without a given name, initials, a title or a public role of its own, is no person: it is
dropped before the case registry is built, so it is neither redacted itself nor propagated.
A surname that is also a firm's name (``Jansen`` of ``Piet Jansen`` and ``www.jansen.nl``)
keeps its person reading because the case uses it in a full name. No vocabulary: the evidence
is the case's own structure (domains, brackets after a name, the article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from wooflow.detect import lexicon
from wooflow.detect.consistency import title_before
from wooflow.detect.recognizers.person import Mention

K = TypeVar("K")

_CAP_WORD = r"(?:IJ|[A-ZÀ-ÖØ-Þ])[a-zß-ÿ][\wÀ-ÿ'’&-]*"
# e-mail addresses (local part, domain) and web addresses (domain)
_EMAIL = re.compile(r"(?<![\w.+'’-])([\w.+'’-]+)@([\w-]+(?:\.[\w-]+)+)")  # from a token's start: linear
_WEB = re.compile(r"(?i)(?:https?://|www\.)([\w-]+(?:\.[\w-]+)+)")
_BRACKET = re.compile(r"[ \t]?\(([^()\n]{1,100})\)")
_AFFILIATION = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}")
# 'het' + one capitalised word inside a sentence (not 'Het', not before another capitalised
# word: 'het Jan van Egmond Lyceum' names the school by its whole name)
_NEUTER = re.compile(rf"(?<![\w])het[ \t]+({_CAP_WORD})(?![\w'’-])(?![ \t]+(?:IJ|[A-ZÀ-Þ]))")


def _domain_labels(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Lower-case domain labels (without top-level domain and 'www') and e-mail local parts."""
    labels: set[str] = set()
    locals_: set[str] = set()
    for text in texts:
        if "@" not in text and "www." not in text.lower() and "://" not in text:
            continue
        for m in _EMAIL.finditer(text):
            locals_.add(m.group(1).lower())
            labels.update(_labels(m.group(2)))
        for m in _WEB.finditer(text):
            labels.update(_labels(m.group(1)))
    return labels, locals_


def _labels(domain: str) -> list[str]:
    parts = domain.lower().split(".")[:-1]
    return [p for p in parts if p != "www" and len(p) >= 3]


def _affiliations(text: str, mentions: list[Mention]) -> set[str]:
    """Words in brackets right after a person's full name that name their organisation: the
    bracket's last comma item (after a role) or its only item, made of capitalised words."""
    out: set[str] = set()
    for m in mentions:
        if not m.parts.surname:
            continue
        b = _BRACKET.match(text, m.end)
        if b is None:
            continue
        items = [i.strip() for i in b.group(1).split(",")]
        last = items[-1]
        if not _AFFILIATION.fullmatch(last):
            continue  # 'voorzitter', 'gemeente Hengelo', 'DO', '1972'
        if len(items) == 1 and " " not in last and (m.parts.initials and not m.parts.first
                                                     or lexicon.is_first_name(last)):
            continue  # 'A.C.M. (Ad) Verhoeven', 'Jansen (Jan)': a called name, not a body
        out.update(last.split())
    return out


def _person_words(texts: Mapping[Any, str], mentions: Mapping[Any, list[Mention]]) -> set[str]:
    """Words the case uses as part of a person's name: in a full name, or after a title."""
    out: set[str] = set()
    for k, ms in mentions.items():
        text = texts[k]
        for m in ms:
            words = [w.strip(".,;:()'\"") for w in m.text.split()]
            if (m.parts.first or m.parts.initials) and m.parts.surname and len(words) >= 2:
                out.update(w for w in words if w)
            elif title_before(text, m.start):
                out.update(w for w in words if w)
    return out


def organisation_words(texts: Mapping[Any, str], mentions: Mapping[Any, list[Mention]]) -> set[str]:
    """The capitalised words the case uses as an organisation and never as part of a person's
    name (see the module docstring)."""
    labels, locals_ = _domain_labels(texts.values())
    candidates: set[str] = set()
    for k, ms in mentions.items():
        text = texts[k]
        candidates |= _affiliations(text, ms)
        # ('het Rijk' is the state, but 'Rijk' may be someone's given name in a chat)
        candidates |= {m.group(1) for m in _NEUTER.finditer(text) if not lexicon.is_first_name(m.group(1))}
        for m in ms:
            for w in m.text.split():
                w = w.strip(".,;:()'\"")
                if w.lower() in labels:
                    candidates.add(w)
    if not candidates:
        return set()
    person = _person_words(texts, mentions)
    return {w for w in candidates if w not in person and not any(w.lower() in loc for loc in locals_)}


def drop_organisations(texts: Mapping[K, str], mentions: Mapping[K, list[Mention]]) -> dict[K, list[Mention]]:
    """The mentions without those made only of the case's organisation words (no given name,
    initials, title or public role of their own)."""
    words = organisation_words(texts, mentions)
    if not words:
        return dict(mentions)

    def is_org(m: Mention) -> bool:
        if m.public is not None or m.parts.initials or (m.parts.first and m.parts.surname):
            return False
        toks = [w.strip(".,;:()'\"") for w in m.text.split()]
        return bool(toks) and all(t in words for t in toks)

    return {k: [m for m in ms if not is_org(m)] for k, ms in mentions.items()}
