"""The detection pipeline: recognizers -> public-role judgement -> case-wide consistency ->
configured lists -> overlap merge. Detection never edits text; it returns findings."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from wooflow.detect import (
    addressmodel,
    capitals,
    chatnames,
    consistency,
    nationality,
    ocrdigits,
    ocrtext,
    orgusage,
    orgvalues,
    orgwords,
    personforms,
    register,
    resolver,
    tables,
    wrapped,
)
from wooflow.detect.config import DetectConfig, load_config
from wooflow.detect.merge import merge
from wooflow.detect.namemodel import Reading
from wooflow.detect.personcues import TITLE
from wooflow.detect.recognizers import REGISTRY, address, birthdate, idnumber, phone, special_category
from wooflow.detect.recognizers.base import Starts
from wooflow.detect.recognizers.person import Mention, PersonRecognizer
from wooflow.detect.textutil import line_start
from wooflow.exceptions import ConfigError
from wooflow.model import Finding

K = TypeVar("K")


class Detector:
    """Runs the configured recognizers over one text or a whole case."""

    def __init__(self, config: DetectConfig | str | Path | dict[str, Any] | None = None) -> None:
        if isinstance(config, DetectConfig):
            self.config = config
        elif isinstance(config, dict):
            self.config = load_config(overrides=config)
        else:
            self.config = load_config(config)
        unknown = [n for n in self.config.recognizers if n not in REGISTRY]
        if unknown:
            raise ConfigError(f"onbekende recognizer(s) in configuratie: {', '.join(unknown)}")
        names = self.config.recognizers or list(REGISTRY)
        self.person = PersonRecognizer(use_model=self.config.use_model) if "person" in names else None
        self.others = [REGISTRY[n]() for n in names if n != "person"]
        ids = [r for r in self.others if isinstance(r, idnumber.IdNumberRecognizer)]
        self.ids = ids[0] if ids else None
        self.request_addresses = _request_addresses(self.config.request)
        self.requester_forms = _name_forms(self.config.requester)

    def detect(self, text: str, fields: Mapping[str, Any] | None = None) -> list[Finding]:
        """Findings for one text (``fields`` is accepted for API stability; unused so far)."""
        return self.detect_case({0: text})[0]

    def detect_case(self, texts: Mapping[K, str]) -> dict[K, list[Finding]]:
        """Findings per text, consistent across all texts of the case."""
        texts_in = texts
        # A scanned text with OCR's confusions ('Wo1terink', 'O6-5l', 'rnevrouw') is read
        # repaired; 'rn' read as 'm' shortens it, so its findings are mapped back at the end.
        repairs = {k: ocrtext.repair(t) for k, t in texts.items()}
        repaired = {k: texts[k] if r is None else r.text for k, r in repairs.items()}
        originals: Mapping[K, str] = repaired
        # All-capitals lines (CAK address blocks) are read re-cased, OCR's O/l in digit runs as
        # digits and line ends inside wrapped prose as spaces; offsets stay the same.
        texts = {k: wrapped.soften(ocrdigits.fix(capitals.decap(t))) for k, t in repaired.items()}
        keys = list(texts)
        others: dict[Any, list[Finding]] = {}
        mentions: dict[Any, list[Mention]] = {}
        readings: dict[Any, Reading | None] = {}
        for k in keys:
            text = texts[k]
            others[k] = [f for r in self.others for f in r.analyze(text)]
            mentions[k] = self.person.mentions(text, originals[k]) if self.person else []
            readings[k] = self.person.last_reading if self.person else None
        acronyms = {m.text for ms in mentions.values() for m in ms if m.recognizer == "person-acronym"}
        org_acronyms = consistency.organisation_acronyms(acronyms, texts.values())
        if org_acronyms:  # the case shows them as organisations ('het VNO', 'VNO NCW'): never persons
            mentions = {k: [m for m in ms if not (m.parts.initials and m.text in org_acronyms)]
                        for k, ms in mentions.items()}
        for k, ms in mentions.items():
            self._office_holders(texts[k], ms)
        heads: dict[Any, orgwords.HeadNames] = {k: orgwords.head_names(t) for k, t in texts.items()}
        org_words = frozenset(orgwords.case_organisation_words(texts.values(), heads.values()))
        mentions = orgwords.drop_organisation_mentions(mentions, set(org_words))
        # a word the case uses as an organisation ('@logius.nl', 'Egberink (Vitens)') and never in
        # a person's name is no person, so it is neither redacted nor propagated case-wide
        mentions = orgusage.drop_organisations(texts, mentions)
        # 'Zwiers Kunststoffen B.V.' in the case: 'bij Zwiers Kunststoffen' names the firm
        firms = orgwords.firm_spans(dict[Any, str](texts), orgwords.case_firms(texts.values()), heads)
        for k in keys:  # 'Vishandel Visser', 'Woningstichting Den Helder': a body's own name
            firms[k] = firms[k] + orgusage.kind_spans(texts[k])
        mentions = orgwords.drop_firm_mentions(mentions, firms)
        streets = address.case_streets(f for fs in others.values() for f in fs)
        prefixes = address.street_prefixes_in(streets)
        if streets or prefixes:  # 'Josink Esweg 44' in the case: 'aan de Josink Esweg' names the street
            by_key: dict[Any, str] = dict(texts)
            mentions = {k: [m for m in ms if not _names_street(by_key[k], m, streets, prefixes)]
                        for k, ms in mentions.items()}
        emails = {k: [f for f in fs if f.category == "email"] for k, fs in others.items()}
        case_mentions = [m for ms in mentions.values() for m in ms]  # anchors for propagated names
        consistency.align_full_names(mentions)
        reg = consistency.build_registry(mentions, emails, dict[Any, str](texts), self.config.keep_names)
        reg.streets = streets
        pre: dict[Any, list[Finding]] = {}
        final_mentions: dict[Any, list[Mention]] = {}
        person_spans: dict[Any, Starts] = {}
        for k in keys:
            text = texts[k]
            ms = mentions[k]
            covered = [(f.start, f.end) for f in others[k]] + [(m.start, m.end) for m in ms] + firms[k]
            if self.person is not None:
                # propagated mentions are candidates like any other: a string the model reads as
                # a place or an ordinary word does not become a person by propagation alone
                # (a kept office holder's name passes: keeping it public redacts nothing)
                scanned = consistency.scan(text, reg, covered, ms)
                # a name the case holds only as a lone word (no given name, initials, title or
                # e-mail name anywhere) propagates only where the model reads a person there too
                scanned = [m for m in scanned if m.public is not None or reg.anchored(m)
                           or consistency.model_agrees(readings[k], m)]
                judged = {id(m) for m in scanned if m.public is None}
                ms = ms + resolver.decide(text, scanned, readings[k], only=judged, source="propagated",
                                          context=case_mentions)
            ms.sort(key=lambda m: m.start)
            ms = _outside_values(ms, others[k])
            consistency.rejudge(text, ms, reg)
            self._apply_keep_names(ms)
            chat = chatnames.display_names(text, ms)  # may set an office holder's mentions public
            persons = Starts([(m.start, m.end) for m in ms if m.public is None])
            person_spans[k] = persons
            rest = []
            # addresses first: a number on an office's address line is the office's number
            fs = [address.reclassify(text, f, persons, org_words) if f.category in ("address", "postcode") else f
                  for f in others[k]]
            if self.request_addresses:
                fs = [_about_request(f, self.request_addresses) for f in fs]
            offices = [f.end for f in fs if f.category in ("address", "postcode") and f.action == "keep"]
            homes = [f.end for f in fs if f.category == "address" and f.action == "redact"]
            for f in fs:
                if f.category == "phone":
                    f = phone.reclassify(text, f, persons, offices, homes)
                elif f.category == "postcode":
                    f = address.after_office(text, f, offices)
                elif f.category == "special_category":
                    f = special_category.reclassify(text, f, persons)  # type: ignore[assignment]
                if f is not None:
                    rest.append(f)
            final_mentions[k] = ms
            if self.ids is not None:
                rest += self.ids.numbers_after_persons(text, [m.end for m in ms if m.public is None])
            rest += address.residences(text, persons)
            rest += birthdate.years_after_persons(text, persons)
            rest += nationality.attached(text, persons)
            rest += chat
            # a statement covers its sentence up to every mention (public ones too) and finding around it
            around = Starts([(m.start, m.end) for m in ms]
                            + [(f.start, f.end) for f in rest if f.category != "special_category"])
            rest = [special_category.whole_sentence(text, f, around) if f.category == "special_category" else f
                    for f in rest]
            pre[k] = [m.to_finding() for m in ms] + rest + self._redact_names(text)
        pre = _case_offices(dict[Any, str](texts), pre, person_spans)
        pre = orgvalues.judge(dict[Any, str](texts), pre, person_spans)
        if self.ids is not None:
            found = {k: [f for f in fs if f.category == idnumber.CATEGORY] for k, fs in pre.items()}
            for key, extra in idnumber.propagate(dict[Any, str](texts), found).items():
                pre[key] += extra
        if self.person is not None:
            case_persons = personforms.case_persons(final_mentions)
            for k in keys:
                pre[k] += personforms.email_locals(texts[k], case_persons)
                pre[k] += personforms.person_sites(texts[k], case_persons)
        for k in keys:
            pre[k] = tables.review(texts[k], pre[k])
        # one decision per address, place and number, with all the rules' evidence as input
        pre = addressmodel.judge(dict[Any, str](texts), pre, person_spans, self.config.request)
        out: dict[K, list[Finding]] = {}
        for k in keys:
            text = texts[k]
            findings = [f for f in pre[k] if f.score >= self.config.min_score or f.action == "keep"]
            merged = merge(text, findings)
            if text is not originals[k]:
                orig = originals[k]
                merged = [replace(f, text=orig[f.start : f.end]) for f in merged]
            fix = repairs[k]
            if fix is not None:
                raw = texts_in[k]
                merged = [replace(f, start=a, end=b, text=raw[a:b])
                          for f in merged for a, b in [fix.span(f.start, f.end)]]
            out[k] = merged
        return out

    @staticmethod
    def _office_holders(text: str, ms: list[Mention]) -> None:
        """Keep-evidence from the register of public office holders (wooflow/detect/register.py)."""
        low = ""
        for m in ms:
            if m.public is not None or not m.parts.surname or not (m.parts.first or m.parts.initials):
                continue
            low = low or text.lower()
            why = register.lookup(m.parts.first, m.parts.initials, m.parts.surname, low, m.start, m.end)
            if why is not None:
                m.public = why

    def _apply_keep_names(self, ms: list[Mention]) -> None:
        if not self.config.keep_names:
            return
        keep = {n.lower() for n in self.config.keep_names}
        for m in ms:
            if m.text.lower() in keep or (m.parts.surname and m.parts.surname.lower() in keep):
                m.public = "naam op lijst 'altijd openbaar' (configuratie)"

    def _redact_names(self, text: str) -> list[Finding]:
        out = []
        lists = [(n, "naam op lijst 'altijd weglakken' (configuratie)") for n in self.config.redact_names]
        lists += [(n, "naam van de verzoeker (zaakgegevens)") for n in self.requester_forms]
        for name, why in lists:
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                out.append(Finding(m.start(), m.end(), m.group(0), "person", "redact", "5.1.2e", 0.99, "config", why))
        return out


def _names_street(text: str, m: Mention, streets: frozenset[str], prefixes: frozenset[str] = frozenset()) -> bool:
    """A mention that is exactly a street name the case writes in an address, without initials
    or a title of its own ('Josink Esweg' where the case has 'Josink Esweg 44'), or that opens
    with a street prefix the case uses ('Kaya Korona', 'Kaya Gobernador N. Debrot')."""
    words = m.text.split()
    before = text[max(0, m.start - 12) : m.start].split()
    if m.public is None and (any(w in prefixes for w in words[:-1])
                             or before and before[-1] in prefixes and text[m.start - 1 : m.start] == " "):
        return not TITLE.search(text[max(0, m.start - 30) : m.start])  # ('Boulevard | Paulus Loot')
    if m.public is not None or m.parts.initials or m.text not in streets:
        return False
    return not TITLE.search(text[max(0, m.start - 30) : m.start])


def _outside_values(ms: list[Mention], values: list[Finding]) -> list[Mention]:
    """The model's own names only where no other recognizer found a redacted value: a paraaf
    ('MdV'), an e-mail address or a plate the model reads as a name keeps its own category.
    Initials alone never stand inside another value, kept or redacted ('AL' in '2611 AL Delft')."""
    if not values:
        return ms

    def index(spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int], int]:
        spans.sort()
        return spans, [a for a, _ in spans], max((b - a for a, b in spans), default=0)

    def taken(s: int, e: int, idx: tuple[list[tuple[int, int]], list[int], int]) -> bool:
        spans, starts, longest = idx
        i = bisect.bisect_left(starts, s - longest)
        while i < len(spans) and spans[i][0] < e:
            if spans[i][1] > s:
                return True
            i += 1
        return False

    red = index([(f.start, f.end) for f in values if f.action == "redact"])
    every = index([(f.start, f.end) for f in values])
    return [m for m in ms if not (m.recognizer == "person-model" and taken(m.start, m.end, red))
            and not (m.parts.initials and not m.parts.surname and not m.parts.first
                     and taken(m.start, m.end, every))]


def _request_addresses(request: str) -> frozenset[str]:
    """Street and number of every address the Woo request names ('Spuistraat 285'), normalised."""
    if not request.strip():
        return frozenset()
    found = address.AddressRecognizer().analyze(request)
    return frozenset(_norm_address(f.text) for f in found if f.category == "address")


_STREET_NUMBER = re.compile(r"[^\W\d][^\W\d .'’-]{2,}.*\d")


def _case_offices(texts: dict[Any, str], pre: dict[Any, list[Finding]], persons: dict[Any, Starts]
                  ) -> dict[Any, list[Finding]]:
    """An address the case shows as an organisation's office (its letterhead, its footer) is
    that office wherever else the case names it without a home cue or a person's name on its
    line or the line above ('Ons bedrijf is gevestigd aan de Josink Esweg 44' under the
    letterhead 'Josink Esweg 44 · 7545 PN Enschede'; not 'T.a.v. de heer ...' / 'street 9')."""
    offices = {n for fs in pre.values() for f in fs
               if f.category == "address" and f.action == "keep" and "postbus" not in f.text.lower()
               and _STREET_NUMBER.match(n := _norm_address(f.text))}
    if not offices:
        return pre
    out: dict[Any, list[Finding]] = {}
    for k, fs in pre.items():
        out[k] = [replace(f, action="keep", ground=None, score=0.75,
                          reason="adres van organisatie (elders in de zaak als kantooradres)")
                  if f.category == "address" and f.action == "redact" and _norm_address(f.text) in offices
                  and not address.home_cue_before(texts[k], f.start)
                  and not persons[k].between(line_start(texts[k], max(0, line_start(texts[k], f.start) - 1)), f.start)
                  else f for f in fs]
    return out


def _norm_address(text: str) -> str:
    m = re.match(r"\s*(.*?\d+\s*[a-zA-Z]?)\b", text)
    return re.sub(r"\s+", " ", (m.group(1) if m else text)).strip().lower()


def _about_request(f: Finding, addresses: frozenset[str]) -> Finding:
    """An address the request is about stays public: it is the subject, not someone's home."""
    if f.category != "address" or f.action != "redact" or _norm_address(f.text) not in addresses:
        return f
    return replace(f, action="keep", ground=None, reason="adres waarover het Woo-verzoek gaat (zaakgegevens)")


def _name_forms(name: str) -> tuple[str, ...]:
    """The requester's name and its surname (with tussenvoegsel) as forms to redact everywhere."""
    words = name.split()
    if not words:
        return ()
    forms = [" ".join(words)]
    if len(words) >= 2:
        surname = " ".join(words[1:])
        if len(surname) >= 3:
            forms.append(surname)
            if surname[:1].islower():
                forms.append(surname[:1].upper() + surname[1:])  # 'van Dijk' opens a sentence as 'Van Dijk'
    return tuple(forms)


_DEFAULT: Detector | None = None


def default_detector() -> Detector:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Detector()
    return _DEFAULT


def detect_text(text: str) -> list[Finding]:
    """Findings for one text with the packaged default policy."""
    return default_detector().detect(text)


def detect_case(texts: Mapping[K, str]) -> dict[K, list[Finding]]:
    """Findings for every text of a case, consistent across the case."""
    return default_detector().detect_case(texts)


def propagate(docs_findings: Mapping[K, str]) -> dict[K, list[Finding]]:
    """Alias kept for the architecture document: case-wide detection is propagation."""
    return detect_case(docs_findings)
