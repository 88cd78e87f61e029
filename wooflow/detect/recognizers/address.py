"""Home addresses (street + house number, optionally postcode + place).

Office visiting and postal addresses ("Parnassusplein 5", "Postbus 20350") in an
organisation's letterhead stay public; everything else with a street and number is a home
address until shown otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import (
    OFFICE_CONTEXT,
    Recognizer,
    Starts,
    line_start,
    office_block,
    org_footer,
)
from wooflow.detect.textutil import by_first_letter
from wooflow.model import Finding

_U = "A-ZÀ-ÖØ-Þ"
_L = "a-zß-öø-ÿ"
SUFFIX = "(?:" + "|".join(lexicon.cue_lines("street_suffixes.txt")) + ")"  # street endings (data)
# A street: up to three capitalised words (bounded), last ending in a street suffix or in the
# packaged street list; then a house number with optional addition.
_TV = r"(?:van der|van den|van de|van|de|der|den|ter|ten|'t|op|in|aan|bij)"
# The last word may carry a capitalised hyphen part ('Ringbaan-West', 'Laan van Nieuw-Oost-Indië').
STREET = rf"((?:(?:[{_U}][{_L}'’.-]*|{_TV})[ \u00a0]){{0,3}}[{_U}][{_L}'’-]{{1,40}}(?:-[{_U}][{_L}]{{1,20}}){{0,2}})"
# (An addition after a plain space is a letter or capitals, never a short word: 'Hoofdstraat 12 te Zeist'.)
NUMBER = (
    r"[ \u00a0](\d{1,5}(?:[ \u00a0]?[-/]?[ \u00a0]?(?!(?:te|in|en|op|de|of|is|na|om|al|nu|bij|aan)(?![\w])|t/m"
    r")(?:[A-Za-z]{1,2}|\d{1,4})(?![\w]))?(?:[ \u00a0-]?(?:hs|bis|zw|rd|rood|zwart|I{1,3})(?![\w]))?)"
)
POSTCODE_PLACE = (
    rf"(?:,?[ \u00a0]*+(?:\n[ \u00a0]*+)?(\d{{4}}[ \u00a0]?(?!SA|SD|SS)[A-Z]{{2}})(?:[ \u00a0]{{1,2}}([{_U}]"
    rf"[{_L}'’]+(?:-[{_U}]?[{_L}'’]+)*(?:[ \u00a0][{_U}]?[{_L}'’]+(?:-[{_U}]?[{_L}'’]+)*){{0,2}}))?)?"
)
# No house number goes on into a date or time ('Vergadering 15-01-2024 10:30').
ADDRESS = rf"(?<![\w.]){STREET}{NUMBER}(?!\d|[.,:-]\d){POSTCODE_PLACE}"
POSTBUS = (
    r"(?<![\w])(Postbus|postbus|Antwoordnummer)[ \u00a0](\d{1,6})(?:,?[ \u00a0]*+(?:\n[ \u00a0]*+)?\d{4}[ \u00a0]?["
    r"A-Z]{2}(?:[ \u00a0]{1,2}[A-Z][a-z'-]+(?:[ \u00a0][A-Z]?[a-z'-]+)?)?)?"
)
_SUFFIX_RE = re.compile(SUFFIX + r"$", re.IGNORECASE)
_SUFFIXES = tuple(lexicon.cue_lines("street_suffixes.txt"))
_PLAIN_SUFFIXES = all(s.isascii() and s.isalpha() and s.islower() for s in _SUFFIXES)


def street_suffix(word: str) -> bool:
    """``bool(_SUFFIX_RE.search(word))``; for an ASCII word without a line break a plain
    ``endswith`` (the same answer: ASCII letters fold only among themselves; ~10x faster)."""
    if _PLAIN_SUFFIXES and word.isascii() and "\n" not in word:
        return word.lower().endswith(_SUFFIXES)
    return bool(_SUFFIX_RE.search(word))
YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[-/–]\s*(?:19|20)?\d\d)?$")
NOT_STREET = lexicon.cue_words("not_street.txt")


# Speed: every address holds a capitalised word directly followed by a house number; such
# spots are rare and cheap to find, so the full pattern (up to four words tried at every word
# start) only runs from a little before each of them.
_CANDIDATE = re.compile(rf"[{_U}][{_L}'’-]{{1,40}}(?:-[{_U}][{_L}]{{1,20}}){{0,2}}[ \u00a0]\d")
_REACH = 250  # longer than any street part before the number


def _matches(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for ADDRESS, searched only near candidates (same matches: a match
    always contains a candidate, and leftmost search from before it finds the same match)."""
    out: list[re.Match[str]] = []
    done = 0
    for c in _CANDIDATE.finditer(text):
        if c.start() < done:
            continue
        m = rx.search(text, max(done, c.start() - _REACH))
        if m is None:
            break  # no match anywhere further on
        out.append(m)
        done = m.end() if m.end() > m.start() else m.end() + 1
    return out


STREET_PREFIXES = lexicon.cue_words("street_prefixes.txt")


def looks_like_street(name: str) -> bool:
    words = name.split()
    if len(words) >= 2 and words[0].lower() in STREET_PREFIXES and words[0][:1].isupper():
        return True  # 'Kaya Sabana', 'Boulevard Paulus Loot'
    last = words[-1]
    if last in NOT_STREET or name in NOT_STREET:
        return False
    if len(last) > 4 and street_suffix(last):
        return True
    head = last.split("-")[0]  # 'Ringbaan-West': the street word before a compass or place part
    if head != last and len(head) > 4 and street_suffix(head):
        return True
    return lexicon.is_street(name)  # (name in lexicon.streets(), cheaper for a process's first lookups)


def after_office(text: str, finding: Finding, office_ends: list[int]) -> Finding:
    """A postcode right after a kept office address on its line ('Pieter Stuyvesantweg 153 |
    8937 AH Leeuwarden') is that office's."""
    if finding.category != "postcode" or finding.action != "redact" or not any(
            _SEPARATOR.fullmatch(text, e, finding.start) for e in office_ends if e <= finding.start):
        return finding
    return Finding(finding.start, finding.end, finding.text, "postcode", "keep", None, 0.75, finding.recognizer,
                   "postcode van organisatie (naast kantooradres)")


_SEPARATOR = re.compile(r"[ \t]*[|·,][ \t]*")
_MAILBOX = re.compile(r"([\w.+-]{1,64})@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_ORG_BEFORE = re.compile(r"([A-ZÀ-Þ][\w&-]{1,40})[ \t]*(?:,|\(|:|-|–|\||·)[ \t]*$")
# an organisation's name that opens with its acronym ('TU Delft, Mekelweg 5', 'GGD Hollands Noorden, ...')
_ACRONYM_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z]{2,5})(?:[ \t]+[A-ZÀ-Þ][\w'’&-]{1,40}){1,2}[ \t]*(?:,|\||·)[ \t]*$")


# Care of ('p/a Raadhuislaan 2') under a public body's name: the body is reached at the town
# hall; a residents' group 'p/a' a member's home is not.
_PUBLIC_BODY = re.compile(
    "(?i:" + lexicon.cue_alternation("care_of_bodies.txt") + r")(?:\b|[a-z]*\b)"
)


def _care_of_public_body(text: str, line: int) -> bool:
    prev = text[text.rfind("\n", max(0, line - 120), max(0, line - 1)) + 1 : line]
    return bool(_PUBLIC_BODY.search(prev))


def _organisation_line(prefix: str) -> bool:
    """An office address in running text or a footer: an organisation named right before it
    ('bij Rijkswaterstaat, Griffioenlaan 2'), or a functional mailbox or website on its line
    ('Algemeen: klachten@lelystad.nl, Stadhuisplein 2')."""
    from wooflow.detect.personcues import title_before
    from wooflow.detect.recognizers.email import is_functional

    if any(is_functional(m.group(1)) for m in _MAILBOX.finditer(prefix)):
        return True
    acronym = _ACRONYM_NAME_BEFORE.search(prefix, max(0, len(prefix) - 100))
    if acronym is not None and not title_before(acronym.group(1) + " "):
        return True
    m = _ORG_BEFORE.search(prefix)
    if not m:
        return False
    word = m.group(1)
    return (word in lexicon.organisation_words() or bool(ORG_LINE.fullmatch(word))
            or (len(word) >= 2 and word.isupper() and word.isalpha()))


class AddressRecognizer(Recognizer):
    NAME = "address"
    ENTITIES = ("ADDRESS",)
    CATEGORY = "address"
    PATTERNS = (ADDRESS, POSTBUS)
    CONTEXT = ("adres", "woonachtig", "wonende", "woont", "verhuisd")

    _re = re.compile(ADDRESS)
    _postbus = re.compile(POSTBUS)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._postbus.finditer(text):
            out.append(self.finding(text, m.start(), m.end(), 0.9, "postbusadres van organisatie", action="keep"))
        for m in _matches(self._re, text):
            street = m.group(1)
            # Drop leading words that are not part of the street ("Wij wonen op Dorpsstraat 4").
            words = street.split()
            while len(words) > 1 and (not looks_like_street(" ".join(words)) or words[0][:1].islower()):
                words = words[1:]
            street = " ".join(words)
            if not street or not looks_like_street(street) or street[:1].islower():
                continue
            s = m.start(1) + m.group(1).rfind(words[0] + (" " + words[1] if len(words) > 1 else ""))
            end = m.end()
            if YEAR.match(m.group(2)) and not m.group(3):
                continue  # 'Coalitieakkoord 2021-2025', 'State 2021': a year, not a house number
            prefix = text[line_start(text, s, 200) : s]
            running = bool(re.search(r"\b[a-z]{3,}\b", prefix))  # inside a sentence, not a letterhead
            office: object
            if prefix.endswith(("p/a ", "p/a\t")):
                office = _care_of_public_body(text, s - len(prefix))
            else:
                office = (OFFICE_CONTEXT.search(prefix) or _organisation_line(prefix)) if running \
                    else office_block(text, s) or _organisation_line(prefix)
            if not office and running:
                fac = _FACILITY_BEFORE.search(prefix, max(0, len(prefix) - 80))
                # 'hij verblijft op het AZC aan de ...': a facility where a person lives is a home
                office = _PLACE_REASON if fac and not _DWELLS.search(prefix[: fac.start()], max(0, fac.start() - 60)) \
                    and not (lexicon.is_first_name(fac.group(1)) or lexicon.is_surname(fac.group(1))) else None
            rng = _RANGE.fullmatch(m.group(2))
            if not office and rng and int(rng.group(2)) > int(rng.group(1)):
                office = _RANGE_REASON  # 'Waalbandijk 40-68', 'flat Heuvelbrink 2-48': no one household
            if office or self._known_office(street):
                why = office if isinstance(office, str) else "bezoekadres van organisatie"
                out.append(self.finding(text, s, end, 0.85, why, action="keep"))
                continue
            ctx = self.has_context(text, s, end, 80)
            score = 0.92 if (ctx or m.group(3)) else (0.7 if running else 0.8)
            if not m.group(3):
                end = _with_place(text, end)
            out.append(self.finding(text, s, end, score, "woonadres (straat en huisnummer)"))
        return out

    @staticmethod
    def _known_office(street: str) -> bool:
        return street in OFFICE_STREETS


_PLACE_AFTER = re.compile(r"(?:,[ \t]*|[ \t]+(?:te|in)[ \t]+)([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)")


def _with_place(text: str, end: int) -> int:
    """A home address written 'Molenweg 4, Serooskerke', 'Koekoekweg 7 te Kampen' or 'Dorpsstraat
    31 in Kolhorn' takes its place along (a village names the household as much as the street
    does)."""
    m = _PLACE_AFTER.match(text, end)
    if m is None:
        return end
    place = m.group(1)
    if place in lexicon.places():
        return m.end()
    first = place.split()[0]
    return m.start(1) + len(first) if first in lexicon.places() else end


# A building, site or business right before the street, the place's own name between
# ('opslaan bij het depot aan de Energieweg 80', 'Café ’t Zwarte Schaap (Peperstraat 23)',
# 'kavel Steiger 12'; vocabulary in data): not anyone's home.
_PLACE_WORDS = sorted(sorted({*lexicon.cue_lines("address_places.txt"), *lexicon.cue_lines("facility_words.txt")}),
                      key=len, reverse=True)  # (ties alphabetical: the same pattern in every process)
_FACILITY_BEFORE = re.compile(  # (words grouped by first letter, order kept: the same match, ~3x faster)
    r"(?i:\b([\w-]*(?:" + by_first_letter(_PLACE_WORDS) + r")))"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'’.&-]*|'t|’t|de|het|van|en|&)){0,4}"
    r"[ \t]*[(,]?[ \t]*(?i:(?:aan|op|in|bij)(?:[ \t]+(?:de|het|den))?[ \t]+)?$"
)
_DWELLS = re.compile(r"(?i:\b(?:uw|mijn|zijn|haar|ons|onze|hun)\s+$|"
                     + lexicon.cue_alternation("dwell_words.txt") + ")")
_PLACE_REASON = "adres van een gebouw, terrein of bedrijf"
_RANGE_REASON = "reeks huisnummers (geen huishouden)"
_RANGE = re.compile(r"(\d{1,5})[ \u00a0]?[-–][ \u00a0]?(\d{1,5})")
# Streets that hold only offices of ministries and High Councils of State (rijksoverheid.nl).
OFFICE_STREETS = lexicon.cue_words("office_streets.txt")
# a word of office, alone or as the tail of a compound ('Rijksuniversiteit', 'Belastingdienst';
# only words of six letters or more: 'Verkerk' is a surname, not a 'kerk')
_OFFICE_WORDS = lexicon.cue_lines("office_line_words.txt")
ORG_LINE = re.compile(
    r"(?:(?<!\w)(?:" + by_first_letter(_OFFICE_WORDS) + r")|(?<=[a-zà-ÿ]{3})(?:"
    + by_first_letter([w for w in _OFFICE_WORDS if w.isalpha() and len(w) >= 6]) + r"))(?!\w)",
    re.IGNORECASE,
)
HOME_CUE = re.compile(lexicon.cue_alternation("home_cues.txt"), re.IGNORECASE)


def reclassify(text: str, finding: Finding, person_spans: Starts, org_words: frozenset[str] = frozenset()
               ) -> Finding:
    """Settle home vs office once person mentions are known: an address right under a person's
    name is that person's; one under an organisation's name or after 'Locatie:' is an office."""
    if finding.category not in ("address", "postcode") or "postbus" in finding.text.lower() \
            or "po box" in finding.text.lower() or finding.recognizer == "formfield":
        return finding  # a form field was judged with its whole form block
    ls = text.rfind("\n", max(0, finding.start - 300), finding.start) + 1
    if ls == 0:
        ls = max(0, finding.start - 300)
    # quoted e-mail history ('> Provincie Flevoland'): the quote marks are no text of the line
    same = _QUOTE.sub("", text[ls : finding.start])
    prev_end = ls - 1 if ls > 0 else 0
    prev_start = line_start(text, max(0, prev_end), 300)
    prev = _QUOTE.sub("", text[prev_start:prev_end]) if ls > 0 else ""
    person_same = person_spans.between(ls, finding.start)
    person_prev = person_spans.between(prev_start, prev_end)
    # a one-line footer 'Bosgroep Noord-Oost Nederland | Balkerweg 48a | 7738 PB Witharen'
    segments = [seg for seg in re.split(r"[|·]", same) if seg.strip()]
    org_cue = ORG_LINE.search(same[-80:])
    if org_cue is not None and len(same) == finding.start - ls \
            and person_spans.between(finding.start - len(same[-80:]) + org_cue.end(), finding.start):
        org_cue = None  # 'politie: Melding van mevrouw Boswinkel, Achterbergsestraat 63': hers
    office_same = org_cue or _firm_before(same) or org_footer(text, finding.start, person_spans) \
        or (len(segments) >= 1 and same.rstrip().endswith(("|", "·")) and _org_name_line(segments[0], org_words))
    if finding.reason in (_PLACE_REASON, _RANGE_REASON) and person_same:
        # a kept place flips to a home only for a person in its own clause, not for a chat
        # speaker or a name in another cell ('Jeroen OOV: brand in woonzorgcomplex aan de ...')
        cut = max(same.rfind(c) for c in ":.;!?\t") + 1
        person_same = person_spans.between(ls + cut, finding.start) if cut else person_same
    home = HOME_CUE.search(same[-60:]) or (person_same and not office_same) or (not same.strip() and person_prev)
    office = office_same or ((not same.strip() or _STREET_PART.fullmatch(same))
                             and (ORG_LINE.search(prev) or _org_name_line(prev, org_words)))
    if not office and not same.strip() and finding.action == "redact":
        # a letterhead's block: the address lines, then the switchboard ('T 070 ...', not a
        # mobile) or the website, with no person named in the block
        below = _OFFICE_BELOW.match(text, finding.end)
        office = below is not None and not person_spans.between(prev_start, below.end()) \
            and not HOME_CUE.search(prev)
    if finding.action == "keep" and home and not any(finding.text.startswith(o) for o in OFFICE_STREETS):
        why = "woonadres (onder naam van persoon)" if person_prev or person_same else "woonadres"
        return Finding(finding.start, finding.end, finding.text, finding.category, "redact", "5.1.2e", 0.88,
                       finding.recognizer, why)
    if finding.action == "redact" and office and not home:
        return Finding(finding.start, finding.end, finding.text, finding.category, "keep", None, 0.75,
                       finding.recognizer, "adres van organisatie (kantoor- of vergaderlocatie)")
    if not same.strip() and prev.strip() and not person_prev and not home and len(prev.strip()) <= 40 \
            and finding.action == "redact" and _signature_above(text, prev_start, person_spans):
        return Finding(finding.start, finding.end, finding.text, finding.category, "keep", None, 0.7,
                       finding.recognizer, "adres van organisatie (in handtekening onder organisatienaam)")
    return finding


_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*)+")
_OFFICE_BELOW = re.compile(
    r"[^\n]{0,60}(?:\n[ \t]*[^\n]{1,60}){0,2}?\n[ \t]*"
    r"(?:T[ \t.:]*(?!\+?31[ \t]?6|06)[0+(][\d ()+-]{8,16}|www\.[\w-]+\.[a-z]{2,})[ \t]*(?:\n|$)")
# 'Griffioenlaan 2 | ' before a postcode: the street part of one address line.
_STREET_PART = re.compile(r"[ \t]*[^\W\d][\w .'’-]{2,40}[ \t]\d{1,5}[a-zA-Z]?(?:-\d{1,4})?[ \t]*[|,·][ \t]*")


def _org_name_line(line: str, org_words: frozenset[str] = frozenset()) -> bool:
    """A line that opens with a body's name ('Rijkswaterstaat Midden-Nederland'), or with a
    name the case itself writes as an organisation ('Coöperatie Bosgroep ...': 'Bosgroep')."""
    first = line.strip().split(" ", 1)[0] if line.strip() else ""
    return first in lexicon.organisation_words() or (first[:1].isupper() and first in org_words)


def _signature_above(text: str, prev_start: int, person_spans: Starts) -> bool:
    """A person's name two or three lines above (name / job title / organisation / address)."""
    window_start = max(0, prev_start - 120)
    return person_spans.between(window_start, prev_start)


def case_streets(findings: Iterable[Finding]) -> frozenset[str]:
    """The street names the case writes in addresses ('Josink Esweg 44' -> 'Josink Esweg',
    'Esweg'; 'Heuvelbrink 2-48' -> 'Heuvelbrink'): place evidence against reading the same words
    as a person's name elsewhere in the case."""
    out: set[str] = set()
    for f in findings:
        if f.category != "address" or "postbus" in f.text.lower():
            continue
        m = _FIRST_DIGIT.search(f.text)
        words = f.text[: m.start() if m else len(f.text)].split()
        for i in range(len(words)):
            if words[i][:1].isupper():
                out.add(" ".join(words[i:]))
    return frozenset(out)


_FIRST_DIGIT = re.compile(r"\d")


def street_prefixes_in(streets: Iterable[str]) -> frozenset[str]:
    """The street prefixes (data/cues/street_prefixes.txt) the case uses as such: every one that
    is no given name ('Boulevard'), and one that is ('Kaya') where a case street opens with it."""
    used = {s.split()[0] for s in streets if len(s.split()) >= 2 and s.split()[0].lower() in STREET_PREFIXES}
    return frozenset(used | {w.capitalize() for w in STREET_PREFIXES if not lexicon.is_first_name(w.capitalize())})


def _firm_before(same: str) -> bool:
    """A firm named in the list item right before the address on its line ('Afschrift: mr. R.J.
    Hoogstraten, Hoogstraten & Peters Advocaten, Van Schaeck Mathonsingel 12'): its office."""
    from wooflow.detect.personcues import firm_after

    item = same.rstrip(" \t,").rsplit(",", 1)[-1]
    return bool(item) and any(m.end() == len(item) for m in firm_after().finditer(item))


def home_cue_before(text: str, start: int) -> bool:
    """A home cue ('woonachtig', 'mijn adres', 'bewoner') on the address's line before it."""
    ls = text.rfind("\n", max(0, start - 300), start) + 1
    return bool(HOME_CUE.search(text[max(ls, start - 60) : start]))


# Where a private person lives, written without a full address: the place after the person
# ('Ravi Ramdin uit Almere', 'Niels Zijlstra (22) uit Stadskanaal', 'Khadija Bouhaddou,\nin Den
# Haag', 'Ricardo Pelgrim (2004, Gaanderen)', 'Tjitske Boersma (kaas, Heeg)'), after a relative or
# another reference to one private person ('naar haar moeder in Blerick', 'Beiden uit
# Rijnsburg', 'zijn vrouw Agnieszka is uit Łódź overgekomen', 'een 17-jarige jongen uit
# Sterksel', 'een meisje van 16 uit\nSwalmen'; data/cues/residence_kin_words.txt), the street
# after the person ('mevrouw Verhagen van de Meerstraat', 'Teun Boon, woont aan de Kogerstraat',
# 'mevrouw A. Kamphuis uit de Deldenerstraat'), and a neighbour's house number ('buurvrouw,
# mevrouw De Bruijn van nummer 79'). A place abroad is on no list: after a relative or person
# reference, a capitalised word that is no ordinary word, organisation word or name counts.
_PLACE = r"([A-ZÀ-Þ][\w'’-]+(?:[ \t][A-ZÀ-Þ][\w'’-]+)?)"
_ANY_PLACE = r"((?=[^\W\d_])[^\W\d_a-zß-ÿ][\w'’-]+(?:[ \t][A-ZÀ-Þ][\w'’-]+)?)"  # 'Łódź' too
_WS = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"  # a line end of wrapped prose may fall between the words
_LIVES = r"(?:,?[ \t]+(?:die[ \t]+)?(?:" + lexicon.cue_alternation("lives_words.txt") + "))?"
_AFTER_PERSON = re.compile(
    r"(?:[ \t]*\(\d{1,3}\))?,?" + _LIVES + _WS + r"(?:(?:uit|te|in)" + _WS + _PLACE
    + r"|(?:van|uit|aan|op)[ \t]+de" + _WS + _PLACE + r"(?![ \t]*\d))"
    # '(2004, Gaanderen)', '(kaas, Heeg)': a year or a lower-case note, then the place, in brackets
    + r"|[ \t]*\((?:(?:19|20)\d\d|[a-z][^(),\n]{0,20}),[ \t]*" + _PLACE + r"\)"
    # a register cell 'W. Mahabier, Kruithuisweg' (the street ends the cell or the line)
    + r"|,[ \t]*" + _PLACE + r"(?=[ \t]{2,}|\t|[ \t]*\r?\n|[ \t]*$)")
# Speed: the words and the preposition are matched case-sensitively on the lower-cased text
# (half the time of a case-insensitive scan), the place on the text itself.
_KIN_PREP = re.compile(
    # (grouped by first letter: the engine tests one branch per word start)
    r"\b(?:" + by_first_letter(lexicon.cue_lines("residence_kin_words.txt")) + r")\b"
    r"([^.\n]{0,25}?)\b(?:(uit|in|te)|aan[ \t]+de|uit[ \t]+de)" + _WS)
_ANY_PLACE_AT = re.compile(_ANY_PLACE)
_RESIDENT_STREET = re.compile(
    r"(?i:\b(?:" + lexicon.cue_alternation("resident_words.txt") + r"))[ \t]+" + _PLACE
    + r"(?![ \t]*\d)(?:,[ \t]*" + _PLACE + ")?")
_VAN = re.compile(r"\bvan\b")
# The place a person says they live in before the verb ('omdat zij zelf in Zwolle woont', 'ik
# woon ... '): a personal pronoun, then 'in'/'te' + the place + a form of 'wonen'.
_PLACE_THEN_LIVES = re.compile(
    r"\b(?:" + lexicon.cue_alternation("subject_pronouns.txt") + r")\b[^.\n]{0,20}?\b(?:in|te)" + _WS + _PLACE
    + r"[ \t]+(?:" + lexicon.cue_alternation("live_verbs.txt") + r")\b")
_NEIGHBOUR_NUMBER = re.compile(
    # the words between may hold an initial or 'mevr.' ('buurvrouw, mevrouw J. Koning (nr. 33)') and
    # one line end of wrapped prose ('mevrouw Franken op\nnummer 90')
    r"(?i:\b(?:" + lexicon.cue_alternation("neighbour_words.txt") + r")\b)"
    r"(?:[^.\n]|(?<=[A-Z])\.|(?<=evr)\.|(?<=dhr)\.|(?<=mw)\.|\n(?![ \t]*\n)){0,40}?"
    r"((?<![\w.])(?:nummer|nr\.)[ \t]?(?=[l\d]*\d)[l\d]\d{0,3}[a-zA-Z]?)(?!\w)")


def residences(text: str, persons: Starts) -> list[Finding]:
    """The place, street or neighbour's number that tells where a private person lives."""
    out: list[Finding] = []

    def add(s: int, e: int, why: str) -> None:
        out.append(Finding(s, e, text[s:e], "address", "redact", "5.1.2e", 0.8, "address", why))

    for ps, pe in persons.spans:
        m = _AFTER_PERSON.match(text, pe, pe + 80)
        if m is None:
            continue
        found: tuple[int, int, str] | None = None
        if m.group(1) and _place_at(m.group(1)):
            found = (m.start(1), m.start(1) + len(_place_at(m.group(1))), "woonplaats bij naam van persoon")
        elif m.group(2) and looks_like_street(m.group(2)):
            found = (m.start(2), m.end(2), "straat bij naam van persoon")
        elif m.group(3) and _place_at(m.group(3)) == m.group(3):
            found = (m.start(3), m.end(3), "woonplaats bij naam van persoon")
        elif m.group(4) and looks_like_street(m.group(4)):
            found = (m.start(4), m.end(4), "straat bij naam van persoon")
        # (checked last, it is the costly one) 'Huisartsenpraktijk Wijnveen te Hoogeveen': a
        # practice's name and seat
        if found is not None and not _FACILITY_BEFORE.search(text, max(0, ps - 60), ps):
            add(*found)
    low = text.lower()
    for m in _KIN_PREP.finditer(low) if len(low) == len(text) else ():
        if _VAN.search(m.group(1)):
            continue  # 'een bewoner van de huidige locatie in Joure': the place of what follows 'van'
        p = _ANY_PLACE_AT.match(text, m.end())
        if p is None:
            continue
        place = _place_at(p.group(1)) or (_abroad(p.group(1)) if m.group(2) in ("uit", "in") else "")
        if place:
            add(p.start(1), p.start(1) + len(place), "woonplaats van een persoon")
        elif looks_like_street(p.group(1)):
            add(p.start(1), p.end(1), "straat waar een persoon woont")
    for m in _RESIDENT_STREET.finditer(text):
        if looks_like_street(m.group(1)):
            add(m.start(1), m.end(1), "straat waar een bewoner woont")
            if m.group(2) and _place_at(m.group(2)):
                add(m.start(2), m.start(2) + len(_place_at(m.group(2))), "woonplaats van een bewoner")
    for m in _PLACE_THEN_LIVES.finditer(text):
        if _place_at(m.group(1)):
            add(m.start(1), m.start(1) + len(_place_at(m.group(1))), "woonplaats van een persoon")
    for m in _NEIGHBOUR_NUMBER.finditer(text):
        add(m.start(1), m.end(1), "huisnummer van een buur of bewoner")
    return out


def _abroad(words: str) -> str:
    """A place abroad the place list does not hold ('Łódź', 'Paramaribo'): one capitalised word
    that is no ordinary word, organisation word, given name or surname, or ''."""
    word = words.split()[0]
    if not word[0].isupper() or len(word) < 3 or lexicon.is_common(word) or lexicon.is_first_name(word) \
            or lexicon.is_surname(word) or word.lower() in lexicon.organisation_words():
        return ""
    return word


def _place_at(words: str) -> str:
    """The place name the words start with ('Den Haag', 'Almere'), or ''."""
    if words in lexicon.places():
        return words
    first = words.split()[0]
    return first if first in lexicon.places() else ""
