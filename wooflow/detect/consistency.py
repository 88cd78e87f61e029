"""Case-wide consistency: propagate persons, not strings.

A person redacted once is redacted in every form in every document of the case; a person
kept public stays public. When a kept office holder and a redacted civil servant share a
surname, each bare mention is resolved by its own context (role word, first name or initial
next to it) and otherwise by the nearest full mention in the same document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.detect import lexicon, publicrole
from wooflow.detect.names import CAP, TV_WORDS, NameParts
from wooflow.detect.personcues import _ORGS_LOWER, PREV_WORD, TITLE, _orgish, _sentence_start, firm_after
from wooflow.detect.recognizers.email import name_from_local
from wooflow.detect.recognizers.person import Mention
from wooflow.detect.textutil import line_start
from wooflow.model import Finding

if TYPE_CHECKING:
    from wooflow.detect.namemodel import Reading

WORD_RE = re.compile(CAP)
VERB_AFTER = re.compile(r"[ \t]+(?:" + lexicon.cue_alternation("verbs_after_name.txt") + r"|[a-z]{2,}(?:t|de|te))\b")
NEXT_NAME = re.compile(r"[ \u00a0]+(?:(?:van|de|der|den|ter|ten|van der|van den)[ \u00a0]+)?((?:IJ|[A-ZÀ-Þ])[a-zß-ÿ"
    r"][\w'’-]*)")
PLACE_PREP = re.compile(r"\b(?:" + lexicon.cue_alternation("place_prepositions.txt") + r")\s+$", re.IGNORECASE)
REASON_SAME = "zelfde persoon als elders geredigeerd"
# Dutch interjections that are also surnames somewhere ('R. Oei', 'Ach', 'Nou'): at the start of a
# sentence and followed by punctuation they exclaim, they do not name anyone (data).
_INTERJECTIONS = lexicon.cue_words("interjections.txt")
REASON_PUBLIC = "zelfde persoon als elders in publieke rol"
_MAIL_HEADER = re.compile(r"[ \t]*(?i:van|aan|cc|bcc|from|to)[ \t]*:")


@dataclass(slots=True)
class Registry:
    """Persons of a case: surname (lower) -> first names/initials, for redacted and kept."""

    redacted: dict[str, set[str]] = field(default_factory=dict)
    kept: dict[str, set[str]] = field(default_factory=dict)
    redacted_first: set[str] = field(default_factory=set)
    kept_first: set[str] = field(default_factory=set)
    kept_first_only: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    by_last_word: dict[str, set[str]] = field(default_factory=dict)
    # street names the case writes in addresses: a word that is one is no person by propagation
    streets: frozenset[str] = frozenset()
    # surnames (lower) and first names the case holds in a person's structure: with a given name,
    # initials, a title, a public role or as an e-mail name. A name registered only from a lone
    # word ('coördinator, Vitens') is a string, not yet a person (see ``anchored``).
    anchored_keys: set[str] = field(default_factory=set)
    anchored_first: set[str] = field(default_factory=set)
    # (surname, given name or initials) of every person the case keeps public: the same full name
    # elsewhere in the case is the same office holder ('heemraad M.A. (Maaike) Hendriksen-ter
    # Maat' ... 'M.A. Hendriksen-ter Maat' under the convenant)
    kept_names: set[tuple[str, str]] = field(default_factory=set)

    def add(self, parts: NameParts, public: bool, anchored: bool = True) -> None:
        if parts.surname:
            key = parts.surname.lower()
            if public:
                self.kept_names.update((key, given_form(g)) for g in (parts.first, parts.initials) if g)
            bucket = self.kept if public else self.redacted
            bucket.setdefault(key, set()).add(parts.first or parts.initials or "")
            last = parts.surname.split()[-1]
            self.by_last_word.setdefault(last, set()).add(key)
            if anchored or public or parts.first or parts.initials:
                self.anchored_keys.add(key)
            # a double surname's own part is how minutes go on ('Tjitske Oostra-Greidanus' ...
            # 'Oostra opent het overleg'): the part before the hyphen names the same person
            own = parts.surname.rsplit("-", 1)[0] if "-" in last else ""
            own_last = own.split()[-1] if own else ""
            if len(own_last) >= 3 and own_last[:1].isupper() and (parts.first or parts.initials or public):
                bucket.setdefault(own.lower(), set()).add(parts.first or parts.initials or "")
                self.by_last_word.setdefault(own_last, set()).add(own.lower())
                self.anchored_keys.add(own.lower())
        if parts.first and len(parts.first) >= 3:
            (self.kept_first if public else self.redacted_first).add(parts.first)
            if public and not parts.surname:
                self.kept_first_only.add(parts.first)  # 'Wethouder Tjeerd'
            if anchored or public or parts.surname:
                self.anchored_first.add(parts.first.lower())

    def anchored(self, m: Mention) -> bool:
        """Whether a propagated mention names a person the case holds by name structure: its
        surname or first name was seen with a given name, initials, a title, a public role or
        in an e-mail name."""
        p = m.parts
        if p.surname:
            return p.surname.lower() in self.anchored_keys
        return p.first is not None and p.first.lower() in self.anchored_first

    def lower_first_re(self) -> re.Pattern[str] | None:
        """Lower-case spellings of redacted first names, as typed in chats ('sanne')."""
        names = sorted(
            {f.lower() for f in self.redacted_first if f not in self.kept_first
             and f.isalpha() and len(f) >= 3 and not lexicon.is_common(f)},
            key=len, reverse=True,
        )[:300]
        if not names:
            return None
        return re.compile(r"(?<![\w@.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w@])")


def organisation_acronyms(acronyms: set[str], texts: Iterable[str]) -> set[str]:
    """The acronyms that the case itself shows as an organisation: after an article ('het VNO',
    'de FNV') or joined to another acronym ('VNO NCW', 'VNO-NCW'). Initials of a person take
    neither, so such a token never becomes a person by propagation."""
    if not acronyms:
        return set()
    alts = "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
    pat = re.compile(
        rf"(?<![\w@.-])(?:(?:[Hh]et|[Dd]e)[ \t]+({alts})(?![\w@-])|({alts})[ \t-]([A-Z]{{2,}})(?![\w@])"
        rf"|([A-Z]{{2,}})[ \t-]({alts})(?![\w@-])|({alts})[ \t]+Box\b)"
    )
    out: set[str] = set()
    for text in texts:
        for m in pat.finditer(text):
            if m.group(1) or m.group(6):  # 'het VNO', 'PO Box'
                out.add(m.group(1) or m.group(6))
                continue
            acr, other = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(4))
            if not lexicon.is_common(other):  # 'ACTIE JvW' is a label before initials
                out.add(acr)
    return out


def align_full_names(mentions: Mapping[Any, list[Mention]]) -> None:
    """One person, one decision: a full name (given name or initials and surname) that the case
    keeps public in a role somewhere ('Joke van der Plas (burgemeester)') is that office holder
    at every mention of the same full name (her chat messages signed 'Joke van der Plas')."""
    kept = {(m.parts.surname.lower(), m.parts.first or m.parts.initials) for ms in mentions.values() for m in ms
            if m.public is not None and m.parts.surname and (m.parts.first or m.parts.initials)}
    if not kept:
        return
    for ms in mentions.values():
        # 'Ellen W (burg):' in a chat's speaker lines and 'Ellen Wolters-Hendrix' in its list of
        # participants: a given name with the surname's initial, kept in a role in the same text
        short = {(m.parts.first, m.parts.surname.rstrip(".")) for m in ms if m.public is not None and m.parts.first
                 and m.parts.surname and len(m.parts.surname.rstrip(".")) == 1 and m.parts.surname[0].isupper()}
        for m in ms:
            p = m.parts
            if m.public is None and p.surname and (p.surname.lower(), p.first or p.initials) in kept:
                m.public = f"{REASON_PUBLIC} (volledige naam)"
            elif m.public is None and short and p.first and p.surname and len(p.surname) > 2 \
                    and (p.first, p.surname[0]) in short:
                m.public = f"{REASON_PUBLIC} (voornaam en initiaal van de achternaam)"


def build_registry(
    mentions: Mapping[Any, list[Mention]], emails: Mapping[Any, list[Finding]], texts: Mapping[Any, str],
    keep_names: list[str] | None = None,
) -> Registry:
    reg = Registry()
    for key, ms in mentions.items():
        for m in ms:
            if m.parts.surname and (m.parts.first or m.parts.initials):
                # any full name anchors its surname, also one too weak to propagate itself
                # ('Folake Stokvis-Adebayo' under a closing anchors 'Stokvis-Adebayo' in a header)
                reg.anchored_keys.add(m.parts.surname.lower())
            if m.recognizer == "person-acronym":
                reg.acronyms.add(m.text)
                continue
            if m.strong and (m.parts.first or m.parts.initials or m.public or m.score >= 0.9):
                if m.public is None and " " not in m.text.strip() and lexicon.is_wordlike(m.text.strip()):
                    continue  # a lone 'Door' or 'Jeugdbescherming' must never black out a whole case
                reg.add(m.parts, public=m.public is not None, anchored=title_before(texts[key], m.start))
    # Whether a surname occurs anywhere in the case, asked once per surname: a scan of every
    # text per e-mail address would make long texts with many addresses quadratic.
    in_texts: dict[str, bool] = {}
    for _key, fs in emails.items():
        for f in fs:
            if f.action != "redact":
                continue
            first, sur = name_from_local(f.text.split("@")[0])
            if sur and sur not in in_texts and not lexicon.is_surname(sur):
                in_texts[sur] = any(sur in t for t in texts.values())
            if sur and not _orgish(sur) and sur not in lexicon.places() \
                    and (lexicon.is_surname(sur) or in_texts[sur]):
                reg.add(NameParts(first=None if first and len(first) < 3 else first,
                                  initials=first if first and len(first) < 3 else None,
                                  surname=sur, tokens=[sur]), public=False)
    for name in keep_names or []:
        words = name.split()
        reg.add(NameParts(first=words[0] if len(words) > 1 else None, initials=None,
                          surname=" ".join(words[1:]) if len(words) > 1 else words[0], tokens=words), public=True)
    return reg


def given_form(given: str) -> str:
    """A given name or initials compared across mentions: 'M.A.' and 'M. A.' -> 'MA', 'Ton' -> 'ton'."""
    letters = re.sub(r"[^\w]", "", given)
    return letters if letters.isupper() or "." in given else given.lower()


def title_before(text: str, start: int) -> bool:
    """A title or salutation ends right before ``start`` ('de heer Jansen', 'Beste Sanne')."""
    last = None
    for last in TITLE.finditer(text, max(0, start - 30), start):  # noqa: B007 - the last match counts
        continue
    return last is not None and not text[last.end() : start].strip(" \t.")


def model_agrees(reading: Reading | None, m: Mention) -> bool:
    """The name model reads the mention's own words as a person (mean token probability 0.5 or
    more); without a model there is nothing to weigh, so the rules' propagation stands."""
    if reading is None:
        return True
    ps = [t[2] for t in reading.inside(m.start, m.end)]
    return bool(ps) and sum(ps) / len(ps) >= 0.5


def _status(reg: Registry, key: str) -> str | None:
    r, k = key in reg.redacted, key in reg.kept
    if r and k:
        return "both"
    return "redact" if r else ("keep" if k else None)


class FullIndex:
    """Where each surname is mentioned in full (with first name, initials or a role) in one
    text, and whether that person is kept or redacted: bisect lookups keep this linear."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._by_key: dict[str, tuple[list[int], list[str]]] = {}
        for o in sorted(mentions, key=lambda m: m.start):
            if not o.parts.surname or not (o.parts.first or o.parts.initials or o.public):
                continue
            starts, states = self._by_key.setdefault(o.parts.surname.lower(), ([], []))
            starts.append(o.start)
            states.append("keep" if o.public else "redact")

    def nearest(self, key: str, pos: int) -> str:
        """Status of the nearest full mention; preceding ones weigh three times more."""
        if key not in self._by_key:
            return "redact"
        starts, states = self._by_key[key]
        i = bisect.bisect_left(starts, pos)
        best, dist = "redact", None
        if i > 0:
            best, dist = states[i - 1], pos - starts[i - 1]
        j = i if i < len(starts) and starts[i] != pos else i + 1
        if j < len(starts):
            d = 3 * (starts[j] - pos)
            if dist is None or d < dist:
                best = states[j]
        return best


def rejudge(text: str, mentions: list[Mention], reg: Registry) -> None:
    """Align single-word mentions with the persons of the case (in place)."""
    index = FullIndex(mentions)
    # A full name with a kept office holder's first name ('Wethouder Tjeerd' ... 'Tjeerd van
    # Dekken:') is that holder only where the first name alone is kept in the same text; elsewhere
    # in the case 'Tjeerd de Jong' is someone else.
    here_first = {m.parts.first for m in mentions if m.public is not None and m.parts.first and not m.parts.surname}
    # A correspondent in a public role in this text ('Van: Haddouchi, Nadia' ... 'Nadia Haddouchi'
    # / 'Woordvoerder'; a role word, not only a register match): a lone given name in the same
    # text ('Hoi Nadia,') is that person, unless the case names someone redacted with that given
    # name in full.
    full = [(m, m.parts.first, m.parts.surname.lower()) for m in mentions if m.parts.first and m.parts.surname]
    in_role = {(first, sur) for m, first, sur in full
               if m.public is not None and m.public.startswith("publieke functie")}
    correspondents = {first for m, first, sur in full if (first, sur) in in_role
                      and _MAIL_HEADER.match(text, line_start(text, m.start, 200))} if in_role else set()
    if correspondents:
        correspondents -= {f for fs in reg.redacted.values() for f in fs}
    for m in mentions:
        p = m.parts
        if m.public is None and p.first and not p.surname and not p.initials and p.first in correspondents:
            m.public = f"{REASON_PUBLIC} (voornaam van correspondent)"
            continue
        if m.public is None and p.first and p.first in reg.kept_first_only and (
                not p.surname or p.first in here_first):
            m.public = f"{REASON_PUBLIC} (voornaam)"
            continue
        if m.public is None and p.surname and reg.kept_names and any(
                (p.surname.lower(), given_form(g)) in reg.kept_names for g in (p.first, p.initials) if g):
            m.public = f"{REASON_PUBLIC} (zelfde naam)"
            continue
        if m.public is not None or not p.surname or p.first or p.initials:
            if m.public is None and p.surname and p.surname.lower() in reg.redacted:
                m.score = max(m.score, 0.9)
            continue
        st = _status(reg, p.surname.lower())
        if st == "both":
            st = index.nearest(p.surname.lower(), m.start)
        if st == "keep":
            m.public = REASON_PUBLIC
        elif st == "redact" and p.surname.lower() in reg.anchored_keys:
            m.score = max(m.score, 0.9)
            if REASON_SAME not in m.reason:
                m.reason = f"{m.reason}; {REASON_SAME}"
        elif st == "redact":
            pass  # a name the case holds only as a lone word: the mention keeps its own score (a
            # weak one is proposed for review), it is not made sure by string identity alone
        elif p.surname.lower() in lexicon.officials() and m.score < 0.9:
            m.public = "bekende ambtsdrager (achternaam)"


def scan(text: str, reg: Registry, covered: list[tuple[int, int]], mentions: list[Mention]) -> list[Mention]:
    """New mentions of case persons not found by the recognizers in this text."""
    if not (reg.by_last_word or reg.redacted_first or reg.acronyms):
        return []
    spans = sorted(covered)
    starts = [s for s, _ in spans]
    max_len = max((e - s for s, e in spans), default=0)
    out: list[Mention] = []
    index = FullIndex(mentions)

    def is_covered(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, e) - 1
        while i >= 0 and spans[i][0] >= s - max_len:
            if spans[i][0] < e and s < spans[i][1]:
                return True
            i -= 1
        return False

    taken: set[int] = set()
    # Speed: only the capitalised words that name a case person matter; find them with one
    # C-level findall and skip the per-word loop for texts (most) that hold none of them.
    words = set(WORD_RE.findall(text))
    wanted = {w for w in words if (w in reg.by_last_word or (w in reg.redacted_first and w not in reg.kept_first))
              and w not in reg.streets}
    for s, w in _occurrences(text, wanted):
        e = s + len(w)
        if s and (text[s - 1].isalnum() or text[s - 1] in "@.-'’") or text[e : e + 1] in ("@",) \
                or text[e : e + 1].isalpha():
            continue  # inside a longer word ('GroenLinks') or an address
        keys = reg.by_last_word.get(w)
        first_hit = w in reg.redacted_first and w not in reg.kept_first
        sent = _sentence_start(text, s)
        if sent and lexicon.is_common(w) and not (keys and VERB_AFTER.match(text, e)):
            continue  # 'Groot deel van ...'; but 'Groen opent de vergadering' is the person
        if sent and w.lower() in _INTERJECTIONS and text[e : e + 1] in (".", "!", ",", "?"):
            continue  # 'Oei. ik denk ik ...' in a chat is no mention of Mr Oei elsewhere in the case
        if _orgish(w) or (w in lexicon.places() and (
                PLACE_PREP.search(text[max(0, s - 25) : s]) or not keys or w.lower() not in keys
                or not VERB_AFTER.match(text, e))):
            if not TITLE.search(text[max(0, s - 30) : s]):
                continue  # 'gemeente Tiel', 'Belastingdienst': a place or body, not the person
        if keys:
            key, start = _with_tv(text, s, w, keys)
            if is_covered(start, e):
                continue
            if _after_org_word(text, start) or firm_after().match(text, e):
                continue  # 'Stichting Van Dijk', 'Verkijk Advocaten': a body named after someone
            if start == s and key.lower() != w.lower() and (lexicon.is_common(w) or w in lexicon.places()):
                continue  # 'Zwolle' is not 'van Zwolle' on its own
            parts = NameParts(first=None, initials=None, surname=text[start:e], tokens=[text[start:e]])
            public = publicrole.judge(text, start, e, None, None, None)
            st = _status(reg, key)
            if st == "both":
                st = index.nearest(key, start)
            if public or st == "keep":
                out.append(Mention(start, e, text[start:e], 0.85, "", parts,
                                   public=public and f"publieke functie: {public}" or REASON_PUBLIC,
                                   recognizer="consistency"))
            else:
                out.append(Mention(start, e, text[start:e], 0.9, REASON_SAME, parts, recognizer="consistency"))
            taken.add(start)
        elif first_hit and not is_covered(s, e) and not _other_surname_follows(text, e, reg):
            # 'Jorrit Kerkhof' is someone else than the redacted 'Jorrit Visser': a first name
            # followed by a capitalised word is a full name of its own, judged by the recognizer
            parts = NameParts(first=w, initials=None, surname=None, tokens=[w])
            out.append(Mention(s, e, w, 0.85, f"{REASON_SAME} (voornaam)", parts, recognizer="consistency"))
            taken.add(s)
    if reg.acronyms:
        acr = re.compile(r"(?<![\w@.-])(?:" + "|".join(map(re.escape, sorted(reg.acronyms, key=len, reverse=True)))
                         + r")(?![\w@-])")
        for am in acr.finditer(text):
            if not is_covered(am.start(), am.end()) and am.start() not in taken:
                parts = NameParts(first=None, initials=am.group(0), surname=None, tokens=[am.group(0)])
                out.append(Mention(am.start(), am.end(), am.group(0), 0.85, f"{REASON_SAME} (initialen)",
                                   parts, recognizer="consistency"))
                taken.add(am.start())
    low = reg.lower_first_re()
    if low is not None:
        for lm in low.finditer(text):
            if not is_covered(lm.start(), lm.end()) and lm.start() not in taken:
                parts = NameParts(first=lm.group(0), initials=None, surname=None, tokens=[lm.group(0)])
                out.append(Mention(lm.start(), lm.end(), lm.group(0), 0.8, f"{REASON_SAME} (voornaam, kleine letters)",
                                   parts, recognizer="consistency"))
    return out


def _occurrences(text: str, wanted: set[str]) -> list[tuple[int, str]]:
    """The WORD_RE tokens of ``text`` that are in ``wanted``, in text order. Speed: each wanted
    word is found with str.find and confirmed by WORD_RE at that spot, instead of a Python loop
    over every capitalised word. (An occurrence inside a longer token either fails the
    confirmation or follows a letter, '-', or an apostrophe, which scan skips anyway, as it did
    when it walked all tokens.)"""
    if len(wanted) > 24:  # many names (a long case): one pass over all tokens stays linear
        return [(m.start(), m.group(0)) for m in WORD_RE.finditer(text) if m.group(0) in wanted]
    out = []
    for w in wanted:
        p = text.find(w)
        while p != -1:
            m = WORD_RE.match(text, p)
            if m is not None and m.end() == p + len(w):
                out.append((p, w))
            p = text.find(w, p + 1)
    out.sort()
    return out


def _after_org_word(text: str, start: int) -> bool:
    pw = PREV_WORD.search(text, max(0, start - 40), start)
    return pw is not None and (pw.group(1) in lexicon.organisation_words() or pw.group(1).lower() in _ORGS_LOWER())


def _other_surname_follows(text: str, end: int, reg: Registry) -> bool:
    """'Jorrit Kerkhof' when only 'Jorrit Visser' is redacted: another person's full name."""
    m = NEXT_NAME.match(text, end)
    return m is not None and m.group(1) not in reg.by_last_word


def _with_tv(text: str, s: int, word: str, keys: set[str]) -> tuple[str, int]:
    """Extend a surname hit backwards over its tussenvoegsel ('van der' + 'Berg')."""
    best = (word.lower(), s) if word.lower() in keys else (next(iter(keys)), s)
    for key in keys:
        parts = key.split()
        if len(parts) < 2 or not all(p in TV_WORDS for p in parts[:-1]):
            continue
        prefix = " ".join(parts[:-1]) + " "
        st = s - len(prefix)
        if st >= 0 and text[st:s].lower() == prefix:
            return key, st
    return best
