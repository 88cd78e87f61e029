"""One decision per address, postcode, place and phone number: a home's (redact, 5.1.2e) or an
organisation's, a policy subject's, a switchboard's (stays public), by a learned combiner.

The recognizers and their reclassify steps still propose every candidate and give their own
verdict with the evidence that fired (office block, facility word, a person's name above, a
case office, the request ...). This step reads that verdict as evidence, adds what is near the
candidate (a person's name and its distance, a title, a relative, a word of dwelling, an
organisation word, a Postbus, a website or switchboard in the same block, a letterhead or
footer line, a table row), what the document and the case say about the same street (named in
prose elsewhere, in several documents, in the request) and the genre, and gradient-boosted
trees (the person resolver's: ``resolver.Combiner``, trained by ``training/train_addressmodel.py``
on the annotated Woo sets, weights and figures in ``data/addressmodel.json``) give the
probability that the candidate must be redacted. The rules' verdict stands unless the trees
are confident the other way (the margins are in the data file, chosen on leave-one-set-out
predictions). A changed verdict's reason names the evidence that fired, in Dutch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from wooflow.detect import lexicon, resolver
from wooflow.detect.recognizers import address
from wooflow.detect.recognizers.base import OFFICE_CONTEXT, office_block, org_footer
from wooflow.detect.recognizers.email import PRIVATE_DOMAINS
from wooflow.detect.recognizers.phone import GENERAL_CUE
from wooflow.detect.textutil import Starts, alternatives, by_first_letter, line_start
from wooflow.model import Finding

K = TypeVar("K")
CATEGORIES = frozenset({"address", "postcode", "phone"})

FEATURES = (
    "bias", "rule_redact", "rule_score", "cat_address", "cat_postcode", "cat_phone", "residence",
    "postbus", "mobile", "number_range", "with_postcode", "with_place",
    "ev_org", "ev_home", "ev_facility", "ev_range", "ev_case_office", "ev_request", "ev_signature",
    "ev_direct", "ev_general", "ev_table",
    "person_line", "person_prev_line", "person_near", "person_after", "honorific", "relative",
    "home_cue", "dwelling", "org_word", "postbus_block", "site_block", "keeps_near", "redacts_near",
    "office_block", "org_footer", "running", "line_len", "position", "table_row",
    "street_elsewhere", "street_in_prose", "docs_with_address", "in_request", "prep_before",
    "prose", "email_doc", "salutation", "label_t", "label_m", "label_d", "general_cue", "facility",
    "private_mail", "repeats",
    "place_cand", "street_only", "after_person", "prep_place", "born_before", "common_word", "sentence_start",
    "org_adjacent", "line_above_org", "business_before", "chat", "person_in_brackets", "home_before",
    "office_before", "kept_in_case", "service_number",
)

PLACE_RECOGNIZER = "address-place"
"""Recognizer name of the candidates this step adds itself: a place or a street named alone."""

COLLECT: list[dict[str, Any]] | None = None
"""When a list (training only): every candidate's features are appended and nothing changes."""



class _Cue:
    """A case-insensitive pattern asked only *whether* it occurs (speed, same answers): on ASCII
    text it runs case-sensitively on the lower-cased text (ASCII letters fold only among
    themselves, and a lower-case pattern has no other letters to fold), on other text as it is."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        source = rx.pattern.removeprefix("(?i)")
        plain = source == source.lower() and "(?i" not in source and "(?-i" not in source
        self.low = re.compile(source, rx.flags & ~re.IGNORECASE) if plain and rx.flags & re.IGNORECASE else None

    def search(self, text: str) -> bool:
        if self.low is not None and text.isascii():
            return self.low.search(text.lower()) is not None
        return self.rx.search(text) is not None


_HONORIFIC = _Cue(re.compile(r"(?i)\b(?:de heer|mevrouw|mevr\.|mw\.|dhr\.|heer en mevrouw|familie|fam\.)\s"))
# (Word lists of the truth tests are grouped by first letter, textutil.by_first_letter, so the
# engine tries one branch per letter: the same answers, faster.)
_RELATIVE = _Cue(re.compile(r"(?i)\b(?:" + by_first_letter(lexicon.cue_lines("address_relatives.txt")) + r")\b"))
_DWELLING = _Cue(re.compile(r"(?i)\b(?:" + by_first_letter(lexicon.cue_lines("address_dwelling.txt")) + r")\b"))
_GENERAL_CUE = _Cue(re.compile(by_first_letter(alternatives(GENERAL_CUE.pattern)), GENERAL_CUE.flags))
_OFFICE_CONTEXT = _Cue(re.compile(by_first_letter(alternatives(OFFICE_CONTEXT.pattern)), OFFICE_CONTEXT.flags))
_HOME_CUE = _Cue(address.HOME_CUE)
_ORG_LINE = _Cue(address.ORG_LINE)
_SITE = re.compile(r"(?i)(?<![@\w.])(?:www\.|https?://)[\w.-]+\.[a-z]{2,}")
_MAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_PREP = re.compile(r"(?i)\b(?:aan de|aan het|op de|op het|in de|in|te|uit|naar|bij)\s+$")
_POSTCODE = re.compile(r"\d{4}\s?[A-Z]{2}\b")
_RANGE = re.compile(r"\d{1,5}\s?[-–]\s?\d{1,5}")
_DIGIT = re.compile(r"\d")
_MOBILE = re.compile(r"^(?:\+31|0031|\(\+31\)|\(0031\))?[ \u00a0-]?\(?0?\)?[ \u00a0-]?6")
_LABEL_T = re.compile(r"(?i)(?:^|[\s|:])(?:t|tel\.?|telefoon|telefoonnummer)[ \t]*[:.]?[ \t]*$")
_LABEL_M = re.compile(r"(?i)(?:^|[\s|:])(?:m|mob\.?|mobiel|gsm)[ \t]*[:.]?[ \t]*$")
_LABEL_D = re.compile(r"(?i)(?:^|[\s|:])(?:d|direct|doorkies\w*)[ \t]*[:.]?[ \t]*$")
_AFTER_PERSON = re.compile(r"[ \t]*+(?:\(\d{1,4}\))?,?[ \t]*+(?:\(?[ \t]*+(?:[\w ]{0,20},[ \t]*+)?|"
                           r"(?:uit|te|in|van de|aan de)[ \t]+)$")  # (possessive blanks: linear)
_PREP_PLACE = re.compile(r"(?i)\b(?:uit|te|in|naar|van de|aan de|nabij|bij)[ \t]+$")
_BORN = re.compile(r"(?i)\b(?:geboren|geb\.|geboorteplaats)")
_CHAT = re.compile(r"(?m)^\[?\d{1,2}[:.]\d\d\]?|\d{1,2}-\d{1,2}-\d{2,4},? \d{1,2}:\d\d")
_CAPS = re.compile(r"[A-ZÀ-Þ][\w'’-]+")
_TABLE_LINE = re.compile(r"\t|\|| {2,}\S+ {2,}")

# Evidence in the rules' own reasons (the recognizers and reclassify steps write them).
_REASON_EVIDENCE = (
    ("ev_org", re.compile(r"organisatie|kantoor|ministerie|postbus|bezoekadres")),
    ("ev_home", re.compile(r"woon|persoon|buur|bewoner")),
    ("ev_facility", re.compile(re.escape(address._PLACE_REASON))),
    ("ev_range", re.compile(re.escape(address._RANGE_REASON))),
    ("ev_case_office", re.compile(r"elders in de zaak")),
    ("ev_request", re.compile(r"Woo-verzoek")),
    ("ev_signature", re.compile(r"handtekening")),
    ("ev_direct", re.compile(r"mobiel|direct")),
    ("ev_general", re.compile(r"algeme|servicenummer|faxnummer")),
    ("ev_table", re.compile(r"tabel|rij|kolom")),
)

# Dutch phrases for the evidence a changed verdict rests on: (feature, value that counts,
# direction: True = towards redact), in the order they are named.
_PHRASES: tuple[tuple[str, bool, str], ...] = (
    ("after_person", True, "direct na de naam van een persoon"),
    ("home_before", True, "direct na een woonadres"),
    ("born_before", True, "na 'geboren'"),
    ("person_line", True, "naam van een persoon op dezelfde regel"),
    ("person_prev_line", True, "naam van een persoon op de regel erboven"),
    ("honorific", True, "aanhef of titel van een persoon ervoor"),
    ("relative", True, "familielid of buur genoemd"),
    ("dwelling", True, "woord van wonen ('woont', 'bewoner') erbij"),
    ("home_cue", True, "woonadres genoemd ervoor"),
    ("private_mail", True, "privé-e-mailadres in de buurt"),
    ("mobile", True, "mobiel nummer"),
    ("label_m", True, "label 'M'/'mobiel'"),
    ("label_d", True, "label 'D'/'direct'"),
    ("office_before", False, "direct na een kantooradres"),
    ("postbus_block", False, "Postbus in hetzelfde blok"),
    ("site_block", False, "website in hetzelfde blok"),
    ("office_block", False, "briefhoofd of kantoorblok"),
    ("org_footer", False, "voettekst van een organisatie"),
    ("org_word", False, "organisatie of gebouw genoemd"),
    ("line_above_org", False, "naam van een organisatie op de regel erboven"),
    ("business_before", False, "bedrijf, praktijk of locatie ervoor"),
    ("facility", False, "gebouw, terrein of bedrijf ervoor"),
    ("general_cue", False, "algemeen nummer ('centrale', 'receptie', 'pers')"),
    ("street_in_prose", False, "straat elders in de tekst als beleidsonderwerp"),
    ("kept_in_case", False, "elders in de zaak als kantooradres"),
    ("docs_with_address", False, "zelfde adres in meer documenten van de zaak"),
    ("in_request", False, "straat genoemd in het Woo-verzoek"),
    ("number_range", False, "reeks huisnummers"),
    ("label_t", False, "label 'T'/'telefoon'"),
    ("service_number", False, "14 + netnummer of 0800/0900"),
    ("table_row", False, "rij van een tabel of register"),
)


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().lower()


def _street(f: Finding) -> str:
    """The street words of an address ('Josink Esweg 44, ...' -> 'Josink Esweg'), else ''."""
    if f.category != "address":
        return ""
    m = _DIGIT.search(f.text)
    words = f.text[: m.start()].strip(" ,") if m else ""
    return words if len(words) >= 4 and words[:1].isupper() and "postbus" not in words.lower() else ""


class _Case:
    """What the case says about streets and addresses (counted once per case)."""

    def __init__(self, texts: Mapping[Any, str], pre: Mapping[Any, list[Finding]], request: str) -> None:
        self.docs_with: dict[str, int] = {}
        for fs in pre.values():
            for value in {_norm(f.text) for f in fs if f.category in CATEGORIES}:
                self.docs_with[value] = self.docs_with.get(value, 0) + 1
        self.request = request.lower()
        # street + number of every address the case keeps public (a letterhead, a footer)
        self.kept: dict[str, int] = {}
        for fs in pre.values():
            for f in fs:
                if f.category == "address" and f.action == "keep" and "postbus" not in f.text.lower():
                    key = _street_number(f.text)
                    if key:
                        self.kept[key] = self.kept.get(key, 0) + 1
        self.texts = texts


_STREET_NUMBER = re.compile(r"\s*([^\W\d][^\W\d .'’-]{2,}.*?\d+\s*[a-zA-Z]?)\b")


def _street_number(value: str) -> str:
    m = _STREET_NUMBER.match(value)
    return re.sub(r"\s+", " ", m.group(1)).lower() if m else ""


def _prose_lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if len(line) >= 60 and len(re.findall(r"\b[a-z]{3,}\b", line)) >= 6:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class _Doc:
    def __init__(self, text: str, findings: list[Finding], persons: Starts) -> None:
        self.text = text
        self.low = text.lower()
        self.persons = persons
        self.home_ends: dict[int, list[int]] = {}
        self.office_ends: dict[int, list[int]] = {}
        for f in findings:
            if f.category == "address" and _DIGIT.search(f.text):
                ends = self.home_ends if f.action == "redact" else self.office_ends
                ends.setdefault(line_start(text, f.end), []).append(f.end)
        self.keeps = sorted(f.start for f in findings if f.action == "keep" and f.category != "person")
        self.redacts = sorted(f.start for f in findings if f.action == "redact" and f.category != "person")
        self.prose = resolver.prose_share(text)
        head = text[:600]
        self.email = float(bool(re.search(r"(?im)^\s*(?:van|from|verzonden|sent)\s*:", head)))
        self.salutation = float(bool(re.search(r"(?i)\b(?:geachte|beste|hoi|hallo)\b", text[:3000])))
        self._prose = _prose_lines(text)
        self.chat = float(len(_CHAT.findall(text[:5000])) >= 3)

    def in_prose(self, word: str, start: int, end: int) -> bool:
        for a, b in self._prose:
            i = self.text.find(word, a, b)
            while i >= 0:
                if not (start <= i < end):
                    return True
                i = self.text.find(word, i + 1, b)
        return False


_BUSINESS = _Cue(re.compile(r"(?i)\b(?:" + by_first_letter(lexicon.cue_lines("address_business.txt")) + r")(?!\w)"))


def _line_above_org(text: str, ls: int, persons: Starts) -> bool:
    """The line above names an organisation, not a person: a short capitalised line with an
    organisation word or an acronym and no person on it."""
    if ls == 0:
        return False
    a = line_start(text, ls - 1)
    line = text[a : ls - 1].strip()
    if not line or len(line) > 70 or persons.between(a, ls - 1) or not line[:1].isupper():
        return False
    words = _CAPS.findall(line)
    return any(w in lexicon.organisation_words() or (w.isupper() and len(w) >= 2) for w in words) \
        or _BUSINESS.search(line) or _ORG_LINE.search(line)


def _count_near(starts: list[int], a: int, b: int, own: int) -> int:
    import bisect

    i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return sum(1 for s in starts[i:j] if s != own)


def features(doc: _Doc, case: _Case, f: Finding) -> list[float]:
    text, low = doc.text, doc.low
    s, e = f.start, f.end
    ls = line_start(text, s)
    le = text.find("\n", e, e + 400)
    le = le if le >= 0 else min(len(text), e + 400)
    prev_ls = line_start(text, max(0, ls - 1)) if ls > 0 else ls
    before_line = text[ls:s]
    before = text[max(0, s - 150) : s]
    after = text[e : min(len(text), e + 60)]
    block = low[max(0, s - 300) : min(len(text), e + 300)]
    near = [p for p in doc.persons.spans_between(max(0, s - 300), s) if p[1] <= s]
    dist = min((s - p[1] for p in near), default=300)
    evidence = {name: float(bool(rx.search(f.reason))) for name, rx in _REASON_EVIDENCE}
    street = _street(f)
    digits = re.sub(r"\D", "", f.text)
    residence = f.category == "address" and not _DIGIT.search(f.text)
    street_only = residence and address.looks_like_street(f.text) and f.text not in lexicon.places()
    org_zone = low[prev_ls:s]
    line_text = text[ls:le]
    return [
        1.0, float(f.action == "redact"), f.score,
        float(f.category == "address" and not residence), float(f.category == "postcode"),
        float(f.category == "phone"), float(residence),
        float("postbus" in f.text.lower() or "antwoordnummer" in f.text.lower()),
        float(f.category == "phone" and bool(_MOBILE.match(f.text.strip()))),
        float(f.category == "address" and bool(_RANGE.search(f.text))),
        float(f.category == "address" and bool(_POSTCODE.search(f.text))),
        float(f.category in ("address", "postcode") and bool(re.search(r"[A-Za-z]{3,}\s*$", f.text))
              and bool(_DIGIT.search(f.text))),
        *(evidence[name] for name, _ in _REASON_EVIDENCE),
        float(doc.persons.between(ls, s)), float(doc.persons.between(prev_ls, max(prev_ls, ls - 1))),
        1.0 - dist / 300.0, float(doc.persons.between(e, min(le, e + 60))),
        float(_HONORIFIC.search(before)), float(_RELATIVE.search(text[max(0, s - 80) : s])),
        float(_HOME_CUE.search(text[max(ls, s - 60) : s])),
        float(bool(_DWELLING.search(before)) or bool(_DWELLING.search(after[:40]))),
        float(_OFFICE_CONTEXT.search(org_zone) or _ORG_LINE.search(org_zone)
              or any(w in lexicon.organisation_words() for w in re.findall(r"[A-Z][\w-]+", text[prev_ls:s]))),
        float("postbus" in block), float(("www." in block or "http" in block) and bool(_SITE.search(block))),
        min(_count_near(doc.keeps, max(0, s - 200), e + 200, s), 5) / 5.0,
        min(_count_near(doc.redacts, max(0, s - 200), e + 200, s), 5) / 5.0,
        float(office_block(text, s)), float(org_footer(text, s, doc.persons)),
        float(bool(re.search(r"\b[a-z]{3,}\b", before_line))), min(len(line_text), 200) / 200.0,
        s / max(1, len(text)), float(bool(_TABLE_LINE.search(line_text))),
        float(bool(street) and (text.count(street) > 1)),
        float(bool(street) and doc.in_prose(street, s, e)),
        min(case.docs_with.get(_norm(f.text), 1) - 1, 4) / 4.0 if f.category != "phone" else 0.0,
        float(bool(street) and street.lower() in case.request),
        float(bool(_PREP.search(before_line[-12:]))),
        doc.prose, doc.email, doc.salutation,
        float(bool(_LABEL_T.search(before_line[-14:]))), float(bool(_LABEL_M.search(before_line[-14:]))),
        float(bool(_LABEL_D.search(before_line[-14:]))),
        float(bool(_GENERAL_CUE.search(text[max(ls, s - 40) : s])) or bool(_GENERAL_CUE.search(after[:30]))),
        float(bool(address._FACILITY_BEFORE.search(before_line, max(0, len(before_line) - 80)))),
        float(any(m.group(1) in PRIVATE_DOMAINS for m in _MAIL_DOMAIN.finditer(block))),
        min(text.count(f.text) - 1, 4) / 4.0 if len(digits) >= 1 or residence else 0.0,
        float(f.recognizer == PLACE_RECOGNIZER), float(street_only),
        float(bool(doc.persons.spans_between(max(ls, s - 60), s))
              and any(_AFTER_PERSON.fullmatch(text, pe, s) for _, pe in doc.persons.spans_between(max(ls, s - 60), s))),
        float(bool(_PREP_PLACE.search(before_line[-10:]))), float(bool(_BORN.search(text[max(0, s - 40) : s]))),
        float(lexicon.is_common(f.text.split()[0]) if f.text.split() else 0.0),
        float(not before_line.strip() or before_line.rstrip()[-1:] in ".:!?"),
        float(any(w in lexicon.organisation_words() for w in _CAPS.findall(before_line[-30:])[-1:])
              or any(w in lexicon.organisation_words() for w in _CAPS.findall(text[e : min(le, e + 25)])[:1])),
        float(_line_above_org(text, ls, doc.persons)),
        float(bool(address._FACILITY_BEFORE.search(text[max(ls, s - 120) : s].rsplit(",", 1)[0] + " "))
              or bool(_BUSINESS.search(text[max(prev_ls, s - 120) : s]))),
        doc.chat, float(bool(re.search(r"\([^()\n]{0,30}$", before_line)) and doc.persons.between(max(ls, s - 60), s)),
        float(any(_JOIN.fullmatch(text, end, s) for end in doc.home_ends.get(ls, ()))),
        float(any(_JOIN.fullmatch(text, end, s) for end in doc.office_ends.get(ls, ()))),
        float(case.kept.get(_street_number(f.text), 0) > (f.action == "keep") if f.category == "address" else 0.0),
        float(f.category == "phone" and (digits[:2] == "14" and len(digits) <= 6 or digits[:4] in ("0800", "0900"))),
    ]


@lru_cache(maxsize=1)
def _packaged() -> tuple[resolver.Combiner, float, float] | None:
    path = Path(__file__).resolve().parent / "data" / "addressmodel.json"
    if not path.is_file():
        return None
    return load(path.read_text(encoding="utf-8"))


_override: tuple[resolver.Combiner, float, float] | None = None


def load(raw: str) -> tuple[resolver.Combiner, float, float]:
    """The combiner and its two margins (redact from ``high``, keep up to ``low``)."""
    data = json.loads(raw)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("address combiner weights were trained on other features")
    comb = resolver.Combiner(float(data["base"]), tuple(data["trees"]), 0.5)
    return comb, float(data["low"]), float(data["high"])


def use(model: tuple[resolver.Combiner, float, float] | None) -> None:
    """Use ``model`` instead of the packaged one (leave-one-set-out evaluation)."""
    global _override
    _override = model


def model() -> tuple[resolver.Combiner, float, float] | None:
    return _override if _override is not None else _packaged()


_HOME_MAIN = ("person_line", "honorific", "dwelling", "home_cue", "relative")
_OFFICE_MAIN = ("org_word", "postbus_block", "site_block", "office_block", "org_footer")


def _because(x: list[float], to_redact: bool) -> str:
    named = [phrase for name, towards, phrase in _PHRASES
             if towards == to_redact and x[FEATURES.index(name)] > 0.0]
    if not named:  # the absence of the other side's main evidence is the evidence
        main = _HOME_MAIN if not to_redact else _OFFICE_MAIN
        if not any(x[FEATURES.index(name)] > 0.0 for name in main):
            named = ["geen naam, aanhef of woonwoord op de regel" if not to_redact
                     else "geen organisatie, Postbus of website erbij"]
    return ", ".join(named[:3])


def _flip(f: Finding, x: list[float], p: float) -> Finding:
    to_redact = f.action == "keep"
    why = _because(x, to_redact)
    if to_redact:
        head = {"phone": "direct nummer van een persoon", "postcode": "postcode van een woonadres"}.get(
            f.category, "woonplaats of straat van een persoon" if f.recognizer == PLACE_RECOGNIZER
            else "woonadres van een persoon")
        reason = f"{f.reason}; {head} (adresbeslisser, kans {p:.2f}{': ' + why if why else ''})"
        return replace(f, action="redact", ground="5.1.2e", score=round(max(p, 0.5), 4), reason=reason)
    head = "algemeen nummer van een organisatie" if f.category == "phone" \
        else "adres van een organisatie of beleidsonderwerp"
    reason = f"{f.reason}; {head} (adresbeslisser, kans op woonadres {p:.2f}{': ' + why if why else ''})"
    return replace(f, action="keep", ground=None, score=round(max(1.0 - p, 0.5), 4), reason=reason)


_WORD = re.compile(r"(?<![\w'’-])(?:'s-|’s-)?[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þa-z][\w'’]+)*")


def place_candidates(text: str, findings: list[Finding]) -> list[Finding]:
    """Every place (the packaged place list, up to three words) and every street named without a
    house number, outside the other findings: a candidate that stays public unless the combiner
    reads it as where a person lives ('Ze woont aan de Dorpsstraat 31 in Kolhorn')."""
    import bisect

    taken = sorted((f.start, f.end) for f in findings)
    starts = [a for a, _ in taken]
    longest = max((b - a for a, b in taken), default=0)

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, s - longest)
        while i < len(taken) and taken[i][0] < e:
            if taken[i][1] > s:
                return False
            i += 1
        return True

    places = lexicon.places()
    spans = [m.span() for m in _WORD.finditer(text)]
    # joined[j]: word j and word j + 1 stand one space or hyphen apart (may form one name)
    joined = [b + 1 == spans[j + 1][0] and text[b] in " -" for j, (_, b) in enumerate(spans[:-1])]
    out: list[Finding] = []
    i = 0
    while i < len(spans):
        hit = None
        for n in (3, 2, 1):
            if i + n > len(spans) or (n > 1 and not joined[i]) or (n > 2 and not joined[i + 1]):
                continue
            s, e = spans[i][0], spans[i + n - 1][1]
            if text[s:e] in places:
                hit = (s, e, n)
                break
            last = text[spans[i + n - 1][0] : e]
            if n <= 2 and len(last) > 5 and address.street_suffix(last) and last not in address.NOT_STREET \
                    and not _DIGIT_AFTER.match(text, e):
                hit = (s, e, n)
                break
        if hit is None:
            i += 1
            continue
        s, e, n = hit
        if free(s, e):
            out.append(Finding(s, e, text[s:e], "address", "keep", None, 0.0, PLACE_RECOGNIZER,
                               "plaats- of straatnaam"))
        i += n
    return out


_JOIN = re.compile(r"[ \t]*+(?:(?:,|\||·|in|te)[ \t]*+)?")  # (possessive blanks: linear on a long line)
_DIGIT_AFTER = re.compile(r"[ \t]?\d")


def judge(texts: Mapping[K, str], pre: Mapping[K, list[Finding]], persons: Mapping[K, Starts],
          request: str = "") -> dict[K, list[Finding]]:
    """Every address, postcode, place and phone finding of the case decided once."""
    comb = model() if COLLECT is None else None
    out: dict[K, list[Finding]] = {k: list(v) for k, v in pre.items()}
    if comb is None and COLLECT is None:
        return out
    case = _Case(texts, pre, request)
    for k, fs in pre.items():
        doc = _Doc(texts[k], fs, persons[k])
        new = []
        for f in fs + place_candidates(texts[k], fs):
            if f.category not in CATEGORIES or f.recognizer == "formfield":
                new.append(f)
                continue
            x = features(doc, case, f)
            if COLLECT is not None:
                COLLECT.append({"x": x, "start": f.start, "end": f.end, "text": f.text, "doc": k,
                                "rule": int(f.action == "redact"), "place": f.recognizer == PLACE_RECOGNIZER})
                if f.recognizer != PLACE_RECOGNIZER:
                    new.append(f)
                continue
            assert comb is not None
            combiner, low, high = comb
            p = combiner.probability(x)
            if (f.action == "keep" and p >= high) or (f.action == "redact" and p <= low):
                f = _flip(f, x, p)
            if f.recognizer != PLACE_RECOGNIZER or f.action == "redact":
                new.append(f)
        out[k] = new
    return out
