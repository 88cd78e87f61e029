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
  - it is named by the kind of body somewhere in the case: right after a facility or an
    institution word (``JJI Teylingereind``, ``jeugdinrichting Teylingereind``, ``zwembad De
    Kreek``; the endings of data/cues/facility_words.txt and institution_heads.txt) or right
    before a firm's or an institution's word (``Brugman Letselschade``, ``Ouwehands
    Dierenpark``; data/cues/firm_words.txt, institution_heads.txt); not a listed given name;
  - it is the body in a bracket item after a person's name that opens with a role
    (``Sandra Kamphuis (medewerker Vitens, drinkwaterwinning)``, ``B. Holtrop (directeur
    Veiligheidsregio Gooi en Vechtstreek)``); not a listed given name, not after a family word;
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
from functools import lru_cache
from typing import Any, TypeVar

from wooflow.detect import lexicon
from wooflow.detect.consistency import title_before
from wooflow.detect.personcues import TV_WORDS_LOWER, firm_after
from wooflow.detect.recognizers.email import is_functional
from wooflow.detect.recognizers.person import Mention, _institution_word

K = TypeVar("K")

_CAP_WORD = r"(?:IJ|[A-ZÀ-ÖØ-Þ])[a-zß-ÿ][\wÀ-ÿ'’&-]*"
# e-mail addresses (local part, domain) and web addresses (domain)
_EMAIL = re.compile(r"(?<![\w.+'’-])([\w.+'’-]+)@([\w-]+(?:\.[\w-]+)+)")  # from a token's start: linear
_WEB = re.compile(r"(?i)(?:https?://|www\.)([\w-]+(?:\.[\w-]+)+)")
_BRACKET = re.compile(r"[ \t]?\(([^()\n]{1,100})\)")
_AFFILIATION = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}")
# a bracket item that opens with lower-case words (a role) and ends in the body's name, whose
# words may be joined by 'en', 'van', 'voor', 'de' ('directeur Veiligheidsregio Gooi en Vechtstreek')
_ROLE_AFFILIATION = re.compile(
    rf"([a-zà-ÿ][\w'’-]*)(?:[ \t]+[a-zà-ÿ][\w'’-]*){{0,2}}[ \t]+"
    rf"((?:{_CAP_WORD}|[A-Z]{{2,}})(?:[ \t]+(?:(?:en|van|voor|de)[ \t]+)?(?:{_CAP_WORD}|[A-Z]{{2,}})){{0,3}})")
# a capitalised word after initials ('P. Verhagen') or before them ('Verhagen, P.'); not after
# a legal form ('B.V. Bij')
_INITIALLED = re.compile(rf"(?<![\w.'’&-])(?:(?!B\.V\.|N\.V\.|C\.V\.)(?:[A-Z]\.[ ]?){{1,4}}[ ]?"
                         rf"(?:(?:van|de|der|den|ter|ten|te|'t)[ ]+)*({_CAP_WORD})"
                         rf"|({_CAP_WORD}),[ ]?(?:[A-Z]\.[ ]?){{1,4}}(?![\w]))")
# a word and the name of one to three capitalised words right after it (on the next line too:
# 'sportpark\nDe Braak', 'Bouwbedrijf\nDijkstra Draisma'); not across a tab: the next column's
# cell is no name of the kind that ends a cell ('... over het gemaal<TAB>JtH', a handler's paraaf)
_KIND_NAME = re.compile(rf"(?<![\w'’-])([\w'’-]+)(?:[ \t]*+\n[ \t]*+|[ ]++)"
                        rf"(?=((?:{_CAP_WORD})(?:[ ]+(?:(?:van|de|den|der|het|'t|&)[ ]+)?(?:{_CAP_WORD})){{0,2}}))")
# a firm's name: a capitalised word, or two joined by '&' or 'en' ('Peeters & Van Kempen')
_FIRM_NAME = re.compile(rf"(?<![\w'’&-])(?:{_CAP_WORD})"
                        rf"(?:[ ]+(?:&|en)[ ]+(?:(?:[Vv]an|[Dd]e[nr]?)[ ]+)?(?:{_CAP_WORD}))?(?=[ \t])")
_LEGAL_FORM = re.compile(r"(?<![\w.])(?:B\.V\.|N\.V\.|BV|NV)(?![\w])")
# a word right before a capitalised word (the pair a head + name or name + tail is read from)
_PAIR = re.compile(rf"(?<![\w'’-])([\w'’-]+)(?:[ \t]*+\n[ \t]*+|[ \t]++)(?=({_CAP_WORD}))")
# 'het' + one capitalised word inside a sentence (not 'Het', not before another capitalised
# word: 'het Jan van Egmond Lyceum' names the school by its whole name)
_NEUTER = re.compile(rf"(?<![\w])het[ \t]+({_CAP_WORD})(?![\w'’-])(?![ \t]+(?:IJ|[A-ZÀ-Þ]))")


def _domain_labels(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Lower-case domain labels (without top-level domain and 'www') and e-mail local parts
    (a person's, not a function's mailbox: 'parkeren@' holds no name, though it holds 'ark')."""
    labels: set[str] = set()
    locals_: set[str] = set()
    for text in texts:
        if "@" not in text and "www." not in text.lower() and "://" not in text:
            continue
        for m in _EMAIL.finditer(text):
            if not is_functional(m.group(1)):  # ('parkeren@', 'meldingen@': no person's name in it)
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
        for item in items:
            role = _ROLE_AFFILIATION.fullmatch(item)
            if role is not None and role.group(1).lower() not in _kin():
                # 'medewerker Vitens', 'directeur Veiligheidsregio Gooi en Vechtstreek'
                out.update(w for w in role.group(2).split()
                           if w[:1].isupper() and not lexicon.is_first_name(w))
        last = items[-1]
        if not _AFFILIATION.fullmatch(last):
            continue  # 'voorzitter', 'gemeente Hengelo', 'DO', '1972'
        if len(items) == 1 and " " not in last and (m.parts.initials and not m.parts.first
                                                     or lexicon.is_first_name(last)):
            continue  # 'A.C.M. (Ad) Verhoeven', 'Jansen (Jan)': a called name, not a body
        out.update(last.split())
    return out


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return (tuple(lexicon.cue_lines("facility_words.txt")) + tuple(lexicon.cue_lines("institution_heads.txt"))
            + tuple(lexicon.cue_lines("kind_heads.txt")))


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    return frozenset(w for w in lexicon.cue_lines("kin_words.txt") if w.isalpha())


def _wrapped(text: str, pos: int) -> bool:
    """The line holding ``pos`` is wrapped prose (40 characters or more), not a heading or a
    label ('3. Hygiëne op school' above a name is no school's name)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (end if end >= 0 else len(text)) - start >= 40


def _named_by_kind(text: str) -> set[str]:
    """Capitalised words written right after a facility or institution word ('JJI
    Teylingereind', 'jeugdinrichting Teylingereind') or right before a firm's or an institution's
    word ('Hoffmann Bedrijfsrecherche', 'Marnix Onderwijscentrum'); both words count."""
    out: set[str] = set()
    heads = _heads()
    firm = firm_after()
    for m in _KIND_NAME.finditer(text):
        before = m.group(1)
        if before.isalpha() and before.lower().endswith(heads) \
                and ("\n" not in m.group(0) or _wrapped(text, m.start())):
            out.update(w for w in m.group(2).split() if w[:1].isupper())  # ('locatie De Pompe')
    for m in _PAIR.finditer(text):
        before, word = m.group(1), m.group(2)
        if "\n" in m.group(0) and not _wrapped(text, m.start()):
            continue
        if before[:1].isupper() and not lexicon.is_first_name(before) and before.isalpha() \
                and (_institution_word(word) or firm.match(text, m.end(1))):
            out.add(before)
            out.add(word)
    return {w for w in out if not lexicon.is_first_name(w)}


def kind_spans(text: str) -> list[tuple[int, int]]:
    """Where a text writes a body's own name right after its kind ('Vishandel Visser & Zn.',
    'Woningstichting Den Helder', 'Restaurant Jade Palace'): one to three capitalised words
    (with a tussenvoegsel or '&' between) after a facility or institution word. A name there is
    the body's wherever its words also name a person of the case: no mention inside is a
    person and no person's name is carried into it. Likewise a partnership's or a company's name
    before its firm word ('Peeters & Van Kempen Advocaten', 'Scholten Recycling B.V.';
    data/cues/firm_words.txt); not one name before a trade ('h.o.d.n. Timmerhuis Interieurbouw'
    is a sole trader, whose name and address are a person's)."""
    if not text:
        return []
    heads = _heads()
    out: list[tuple[int, int]] = []
    for m in _KIND_NAME.finditer(text):
        before = m.group(1)
        if "\n" in m.group(0) and not _wrapped(text, m.start()):
            continue
        if before.isalpha() and before.lower().endswith(heads):
            out.append((m.start(2), m.start(2) + len(m.group(2))))
    firm = firm_after()
    for m in _FIRM_NAME.finditer(text):
        f = firm.match(text, m.end())
        if f is not None and (" " in m.group(0) or _LEGAL_FORM.search(f.group(0))):
            out.append((m.start(), f.end()))
    return out


def _person_words(texts: Mapping[Any, str], mentions: Mapping[Any, list[Mention]]) -> set[str]:
    """Words the case uses as part of a person's name: in a full name, after a title, or written
    with initials before or after it ('P. Verhagen', 'Verhagen, P.'), found or not."""
    out: set[str] = set()
    for k, ms in mentions.items():
        text = texts[k]
        if "." in text:
            out.update(m.group(1) or m.group(2) for m in _INITIALLED.finditer(text))
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
        candidates |= _named_by_kind(text)
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
        toks = [t for t in toks if t.lower() not in TV_WORDS_LOWER]  # ('De Pompe': the name's own article)
        return bool(toks) and all(t in words for t in toks)

    return {k: [m for m in ms if not is_org(m)] for k, ms in mentions.items()}
