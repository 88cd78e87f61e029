"""E-mail addresses: the personal local part is redacted, an organisation's domain is kept.

Published practice prints "<name> @minvws.nl": the finding spans only the local part when the
domain belongs to an organisation; for private mail providers the whole address is personal.
Functional mailboxes (woo-verzoeken@, info@, griffie@ ...) stay public.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.names import TV_WORDS
from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

# Functional mailboxes and their word stems are data (data/cues/functional_*.txt).
FUNCTIONAL = re.compile(
    "^(?:" + "|".join(lexicon.cue_lines("functional_mailboxes.txt")) + r")(?:[._-][a-z0-9]+)*$"
)
PRIVATE_DOMAINS = lexicon.cue_words("private_domains.txt")


FUNCTIONAL_STEM = re.compile("|".join(lexicon.cue_lines("functional_stems.txt")))


_COMPASS = lexicon.cue_words("compass_words.txt")  # (data)


def _place_or_word(part: str) -> bool:
    from wooflow.detect import lexicon

    return len(part) >= 3 and (lexicon.is_common(part) or part in lexicon.places_lower() or part in _COMPASS)


def _frequent(part: str) -> bool:
    """An ordinary word or a place: on the common-word list, a place, or frequent in Dutch text
    (Zipf >= 3 in the name model's word frequencies)."""
    from wooflow.detect import resolver

    return len(part) >= 3 and part not in TV_WORDS and (
        _place_or_word(part) or resolver.frequencies_nl().get(part, 0) >= 3)


def _words(part: str) -> bool:
    """A local part made of one to three ordinary words or places run together ('horeca',
    'spoor|zone', 'snel|fiets|routes'); OCR's 'rn' for 'm' read back ('gerneente')."""
    from wooflow.detect import lexicon

    def piece(w: str) -> bool:  # a given name is no piece ('anna|devries' is a person)
        return _frequent(w) and not lexicon.is_first_name(w.capitalize())

    for low in (part, part.replace("rn", "m")) if "rn" in part else (part,):
        if _frequent(low) or any(piece(low[:i]) and (piece(low[i:]) or any(
                piece(low[i:j]) and piece(low[j:]) for j in range(i + 3, len(low) - 2)))
                for i in range(3, len(low) - 2)):
            return True
    return False


def _person_like(low: str) -> bool:
    """'jansen', 'skuipers', 'sannekuipers': a name, an initial + surname, or given name + surname."""
    from wooflow.detect import lexicon

    if not low.isalpha():
        return False
    cap = low.capitalize()
    if (lexicon.is_first_name(cap) or lexicon.is_surname(cap)) and not lexicon.is_common(low):
        return True
    if len(low) > 4 and lexicon.is_surname(low[1:].capitalize()) and not lexicon.is_common(low[1:]):
        return True
    return any(lexicon.is_first_name(low[:i].capitalize()) and lexicon.is_surname(low[i:].capitalize())
               and not lexicon.is_common(low[i:]) for i in range(3, len(low) - 2))


def _named_mailbox(low: str, runs: NameRuns | None) -> bool:
    """A project, district or place mailbox written as one word ('oudehaven@', 'soesterkwartier@',
    'knooppunthoevelaken@'): a place, two ordinary words or places run together, or the words of
    a name the document itself uses ('herinrichting Oude Haven'); never a person-like local part."""
    from wooflow.detect import lexicon

    if len(low) < 6 or not low.isalpha():
        return False
    if _person_like(low):
        return False
    if runs is None:
        return False
    if runs.joined(low):
        return True
    # One capitalised word of the document ('Soesterkwartier'), read as a compound ending in an
    # ordinary word (kwartier, haven, plein), so a surname used in the text does not count.
    return any(lexicon.is_common(low[i:]) for i in range(3, len(low) - 3)) and runs.single(low)


_SEP_CAP = "(?:[ \u00a0-](?=[A-ZÀ-Þ]))?"


# Speed: the two patterns per local part are built once per process (the same mailboxes recur
# across the documents of a case; re's own cache of 512 patterns is shared and soon evicted).
@lru_cache(maxsize=4096)
def _run_re(low: str) -> re.Pattern[str]:
    letters = [f"[{re.escape(c.upper())}{re.escape(c)}]" if c.upper() != c else re.escape(c) for c in low]
    return re.compile(r"(?<![\w@.])" + _SEP_CAP.join(letters) + r"(?![\w@])")


@lru_cache(maxsize=4096)
def _spell_re(low: str) -> re.Pattern[str]:
    return re.compile(re.escape(low[0]) + "".join("[ \u00a0-]?" + re.escape(c) for c in low[1:]))


class NameRuns:
    """Whether a text writes a one-word local part as a run of two or three capitalised words
    ('Oude Haven' -> 'oudehaven') or as one capitalised word ('Soesterkwartier'). One search per
    local part that gets this far (few: names and compounds are settled before), cached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[str, tuple[bool, bool]] = {}
        self._lower: str | None = None
        self._squeezed: str | None = None

    def _look(self, low: str) -> tuple[bool, bool]:
        if low not in self._cache:
            if self._lower is None:  # speed: one C-level pass each; most local parts stop here
                self._lower = self.text.lower()
                self._squeezed = self._lower.replace(" ", "").replace("\u00a0", "").replace("-", "")
            joined = single = False
            if low in self._squeezed:  # type: ignore[operator]
                for m in self._candidates(_run_re(low), low):
                    word = m.group(0)
                    if any(c in word for c in " \u00a0-"):
                        joined = True
                    else:
                        single = True
            self._cache[low] = (joined, single)
        return self._cache[low]

    def _candidates(self, rx: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
        """``rx`` tried only where the lower-cased text spells ``low`` with optional separators
        (a case-sensitive pattern with a literal first letter: the engine jumps between
        candidates at C speed)."""
        text, lower = self.text, self._lower or ""
        if len(lower) != len(text):
            yield from rx.finditer(text)
            return
        for c in _spell_re(low).finditer(lower):
            m = rx.match(text, c.start())
            if m:
                yield m

    def joined(self, low: str) -> bool:
        return self._look(low)[0]

    def single(self, low: str) -> bool:
        return self._look(low)[1]


def is_functional(local: str, runs: NameRuns | None = None) -> bool:
    """A mailbox of a function or team rather than a person."""
    from wooflow.detect import lexicon

    low = local.lower()
    if FUNCTIONAL.match(low):
        return True
    if "." not in low and "_" not in low and "-" not in low and low.isalpha():
        if _named_mailbox(low, runs):
            return True
        if _person_like(low):  # 'skuipers': not the stem 'pers' of a press mailbox
            return False
    # (a number after a name is the name's: 'a.kuipers1972', 'jdevries85')
    parts = [p.rstrip("0123456789") or p for p in re.split(r"[._+-]", low) if p]
    if any(p.isalpha() and len(p) > 2 and not lexicon.is_common(p) and p not in lexicon.places_lower()
           and (lexicon.is_first_name(p.capitalize()) or lexicon.is_surname(p.capitalize())) for p in parts):
        return False
    if any(FUNCTIONAL_STEM.search(p) for p in parts) or (len(parts) == 1 and lexicon.is_common(low)):
        return True
    if all(len(p) >= 3 and p.isalpha() for p in parts) and all(_words(p) for p in parts) \
            and not any(lexicon.is_first_name(p.capitalize()) for p in parts) \
            and not all(lexicon.is_surname(p.capitalize()) for p in parts):
        return True  # 'meldingen', 'spoorzone', 'snelfietsroutes', 'evenementen.apeldoorn': words, no name
    # 'fsc-wagenpark': hyphenated words with no name in them name a service, not a person
    return "-" in low and len(parts) >= 2 and all(p.isalpha() and len(p) >= 3 for p in parts)


# A department named above the address ('Team Vergunningen en Handhaving' ... 'vh@zutphen.nl'):
# a local part spelling its initials is that department's mailbox, not a person's initials.
_UNIT = re.compile(r"(?i:\b(?:" + lexicon.cue_alternation("unit_words.txt") + r")[ \t]+)([^\n]{3,80})")
_UNIT_WORD = re.compile(r"[A-ZÀ-Þ][\w-]*")


def _unit_acronym(text: str, pos: int, local: str) -> bool:
    if not (2 <= len(local) <= 5 and local.isalpha()):
        return False
    low = local.lower()
    for m in _UNIT.finditer(text, max(0, pos - 600), pos):
        if "".join(w[0] for w in _UNIT_WORD.findall(m.group(1))).lower() == low:
            return True
    return False


# 'Zwemwater HHNK <zwemwater@hhnk.nl>', 'Team OOV <oov@doetinchem.nl>': the display name before
# the address, on its own line or list item (no ':', ';', ',' or quote inside).
_DISPLAY = re.compile(r"([^\n<>;:,\"()]{3,60}?)[ \t]*<$")


def _fold(word: str) -> str:
    return lexicon.plain(word).lower()


_UNIT_TAILS = tuple(lexicon.cue_lines("unit_tails.txt"))


def _team_word(word: str) -> bool:
    """A word a team's or service's name is made of: an abbreviation in capitals ('HHNK', 'OOV'),
    an ordinary word or ordinary words run together ('Team', 'Zwemwater', 'coördinatie'), a
    place or an organisation word."""
    if word.isupper() and 2 <= len(word) <= 6:
        return True
    low = word.lower()
    if len(low) >= 8 and low.endswith(_UNIT_TAILS) and not lexicon.is_surname(word.capitalize()):
        return True  # 'Calamiteitenloket', 'Vergunningendesk': a compound ending in a service's unit
    return lexicon.is_common(low) or lexicon.is_common(_fold(word)) or lexicon.is_wordlike(word) \
        or word in lexicon.places() or word in lexicon.organisation_words() \
        or (_fold(word).isalpha() and _words(_fold(word)) and not lexicon.is_surname(word.capitalize()))


def _named_by_display(text: str, start: int, local: str) -> int | None:
    """Where the display name of a team's or service's mailbox starts, else None: the display
    name holds no person's name (no initials, no tussenvoegsel, no listed given name or surname
    unless written in capitals or a place; every word a team word), and the local part is
    spelled by its words ('Team OOV' / 'oov', 'Werkgeversservicepunt Drenthe' / 'wsp.drenthe',
    'DGMI EU-coördinatie' / 'eu-coordinatie'): every part a display word, a place, an ordinary
    word or a short code."""
    m = _DISPLAY.search(text, max(0, start - 62), start)
    if not m:
        return None
    words = m.group(1).split()
    for w in words:
        bare = w.strip(".-'’")
        if w.endswith(".") or not bare or bare.lower() in TV_WORDS or (not bare.isupper() and (
                lexicon.is_first_name(bare.capitalize()) or (lexicon.is_surname(bare.capitalize())
                                                             and bare.capitalize() not in lexicon.places()))):
            return None
        if not all(_team_word(p) for p in bare.split("-") if p):
            return None  # 'Przemysław Wójtowicz', 'Mei-Ling Tjoa': unlisted names are no team words
    shown = {p for w in words for p in re.split(r"[-/]", _fold(w)) if p} | {_fold(w) for w in words}
    parts = [p for p in re.split(r"[._-]", local.lower()) if p]
    # ('Calamiteitenloket HDSR' / 'calamiteiten': a word's head spells the part too)
    spelled = {p for p in parts if p in shown or (len(p) >= 6 and any(w.startswith(p) for w in shown))}
    if not any(len(p) >= 3 for p in spelled):
        return None
    if not all(p in spelled or len(p) <= 4 or lexicon.is_common(p) or p in lexicon.places_lower() for p in parts):
        return None
    return m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())


def _display_spells_name(text: str, pos: int, local: str) -> bool:
    """'De Boer <deboer@gemeente.nl>': the display name is a person's name (capitalised words
    and particles, ending in a surname or opening with a given name) and spells the local part,
    which is then that person's address, however much it reads as words ('de' + 'boer')."""
    if text[pos - 1 : pos] != "<":
        return False
    ls = max(text.rfind("\n", 0, pos), text.rfind(";", 0, pos), text.rfind(":", 0, pos)) + 1
    words = text[ls : pos - 1].strip(' "\t').split()
    if not words or len(words) > 4 or not all(w[:1].isupper() or w.lower() in TV_WORDS for w in words):
        return False
    if not (lexicon.is_surname(words[-1]) or lexicon.is_first_name(words[0])):
        return False
    letters = re.sub(r"[^a-z]", "", local.lower())
    return len(letters) >= 4 and re.sub(r"[^a-z]", "", " ".join(words).lower()) == letters


_OFFICE_LOCAL = re.compile(r"(?:" + "|".join(lexicon.cue_lines("role_words.txt")) + r")")


def _office_mailbox(text: str, pos: int, local: str) -> bool:
    """'Van den Broecke-Hack, Marianne <dijkgraaf@scheldestromen.nl>': the local part is a word
    of public office (data/cues/role_words.txt) and the display name before it is someone whose
    name does not spell it: the office's mailbox, which its holder uses, not a personal address
    (a display name that spells the local part, 'Dijkgraaf, Jan <dijkgraaf@...>', keeps it a name)."""
    if text[pos - 1 : pos] != "<":
        return False
    words = local.lower().replace("_", ".").replace("-", ".").split(".")
    if not _OFFICE_LOCAL.fullmatch(" ".join(words)):
        return False
    ls = max(text.rfind("\n", 0, pos), text.rfind(";", 0, pos), text.rfind(":", 0, pos)) + 1
    shown = text[ls : pos - 1].strip(' "\t')
    if not any(w[:1].isupper() for w in shown.split()):
        return False
    letters = re.sub(r"[^a-z]", "", local.lower())
    return letters not in re.sub(r"[^a-z]", "", shown.lower())


class EmailRecognizer(Recognizer):
    NAME = "email"
    ENTITIES = ("EMAIL_ADDRESS",)
    CATEGORY = "email"
    # Local part and labels are single character classes with no nesting: linear time.
    PATTERNS = (
        # (a page break may fall inside the local part: 's\f.vandijk@minvws.nl' in extracted text)
        r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+'\f-]{0,63})@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})(?![\w-])",
    )

    _re = re.compile(PATTERNS[0])

    def analyze(self, text: str) -> list[Finding]:
        out = []
        runs = NameRuns(text)
        for m in self._re.finditer(text):
            local, domain = m.group(1).rstrip("."), m.group(2).lower()
            shown = _named_by_display(text, m.start(), local) if text[m.start() - 1 : m.start()] == "<" else None
            if shown is not None and domain not in PRIVATE_DOMAINS:
                # the display name is the team's or service's, kept with its address
                out.append(self.finding(text, shown, m.end() + (text[m.end() : m.end() + 1] == ">"), 0.9,
                                        "functionele mailbox (naam van team of dienst)", action="keep"))
            elif domain not in PRIVATE_DOMAINS and _office_mailbox(text, m.start(), local):
                out.append(self.finding(text, m.start(), m.end(), 0.9, "functionele mailbox (ambt)", action="keep"))
            elif (is_functional(local, runs) or _unit_acronym(text, m.start(), local)) \
                    and not _display_spells_name(text, m.start(), local) \
                    and (domain not in PRIVATE_DOMAINS or FUNCTIONAL.match(local.lower())):
                # (at a private webmail domain only a function's own word makes a mailbox:
                # 'info@', not a stem inside a name: 'a.kuipers1972@gmail.com' holds 'pers')
                out.append(
                    self.finding(text, m.start(), m.end(), 0.9, "functionele mailbox", action="keep")
                )
            elif domain in PRIVATE_DOMAINS:
                out.append(
                    self.finding(text, m.start(), m.end(), 0.98, "privé e-mailadres (hele adres)")
                )
            else:
                out.append(
                    self.finding(
                        text,
                        m.start(1),
                        m.start(1) + len(local),
                        0.97,
                        "persoonlijk deel van e-mailadres (domein van organisatie blijft staan)",
                    )
                )
        return out


def name_from_local(local: str) -> tuple[str | None, str | None]:
    """Guess (first name or initial, surname) from a personal local part like 's.kuipers' or
    'sanne.kuipers'; used to propagate the person behind an address across a case."""
    parts = [p for p in re.split(r"[._]", local) if p]
    if len(parts) < 2 or not all(p.replace("-", "").isalpha() for p in parts):
        return None, None
    first, last = parts[0], parts[-1]
    return first.capitalize(), "-".join(w.capitalize() for w in last.split("-"))
