"""Cues for person names: the context words, header labels, chat formats and word checks the
person recognizer and the case-wide consistency pass share.

Why a module of its own: these are Dutch document conventions (Outlook headers, Teams/WhatsApp
exports, attendance lists, salutations), kept apart from the recognizer's decision logic.
Every regex is bounded so scanning stays linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.names import CAP, INIT, SP, TV_LOW
from wooflow.detect.textutil import alternatives, by_first_letter, line_start

# Titles, forms of address, greetings, relations and self-introductions right before a name
# (vocabulary in data/cues/, one file per group).
TITLE = re.compile(
    r"(?:\b(?:" + lexicon.cue_alternation("title_abbreviations.txt") + r")\.?|"
    r"\b(?:" + lexicon.cue_alternation("address_forms.txt") + r")|"
    r"\b(?:" + lexicon.cue_alternation("greetings.txt") + r")(?:\s+(?:heer|mevrouw|collega))?|"
    r"\b(?:mijn|haar|zijn|onze|hun|uw)\s+(?:" + lexicon.cue_alternation("relation_words.txt") + ")|"
    # a doctor or officer named by title ('de keuringsarts, dokter Zeroual, heeft mij onderzocht')
    r"\b(?:" + lexicon.cue_alternation("doctor_titles.txt") + ")|"
    # a child named in an apposition: 'en dat de jongste, Davit, een hartafwijking heeft'
    r"\b(?:de|hun|haar|zijn|mijn|onze|uw)\s+(?:jongste|oudste|middelste)\s*,|"
    # English mail from abroad: 'My colleague Anna-Lena Brückner', 'Dear Jonas'.
    r"\b(?:my|his|her|our|their|your)\s+(?:" + lexicon.cue_alternation("english_relations.txt") + ")|"
    r"\b(?:" + lexicon.cue_alternation("name_intro_words.txt") + r")\s*[,:]?)"
    r"\s*$",
    re.IGNORECASE,
)
# Words after which a name follows (data/cues/trigger_words.txt), then an optional list of
# other names before it ('Aanwezig: Jan, Piet en ').
TRIGGER = re.compile(
    r"(?:" + "|".join(lexicon.cue_lines("trigger_words.txt")) + r")\s*[:\t]?\s*(?:[^\n:]*[,;/&]\s*|[^\n:]*\s+en\s+)?$",
    re.IGNORECASE,
)
# Speed: TITLE and TRIGGER are anchored at the end of the text before a name, and Python's
# regex engine tries them at every position of that text. A name is preceded by a title only
# when the last word is one of these (the final words of TITLE's alternatives), a cheap check
# that skips most searches. Both hold no upper-case class, so they also run case-sensitively
# on the lower-cased text, 2-4x faster than IGNORECASE; the match is then taken again at the
# found start in the original text (callers quote it).
_TITLE_LAST = lexicon.cue_words("title_last.txt")
_TITLE_LOW = re.compile(TITLE.pattern)
# TRIGGER's words are also grouped by first letter (same order within a letter: same match).
_TRIGGER_LOW = re.compile(
    "(?:" + by_first_letter(alternatives(TRIGGER.pattern[3 : TRIGGER.pattern.index(r")\s*[:\t]")]))
    + TRIGGER.pattern[TRIGGER.pattern.index(r")\s*[:\t]") :]
)


def _search_low(rx: re.Pattern[str], low_rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``rx.search(text)`` for an IGNORECASE ``rx``, done by ``low_rx`` on ``text.lower()``."""
    low = text.lower()
    if len(low) != len(text):
        return rx.search(text)
    m = low_rx.search(low)
    return rx.match(text, m.start()) if m else None


@lru_cache(maxsize=8192)
def title_before(before: str) -> re.Match[str] | None:
    """``TITLE.search(before)``, skipped when the last word cannot end a title (cached: the
    person recognizer asks about the same 40 characters before a name twice)."""
    tail = before[-40:]
    if tail.endswith("("):
        tail = tail[:-1]  # 'Zijn zus (Dilnoza) weet het': the name in brackets after the family word
    words = tail.rstrip(" \t\r\n\u00a0,:").split()
    if not words or words[-1].lstrip("([\"'‘“*•>-").rstrip(".").lower() not in _TITLE_LAST:
        return None
    return _search_low(TITLE, _TITLE_LOW, tail)


def _trigger_ends() -> tuple[str, ...]:
    """Every literal spelling of TRIGGER's words ('plv' and 'plv.')."""
    out: list[str] = []
    for alt in TRIGGER.pattern[3 : TRIGGER.pattern.index(r")\s*[:\t]")].split("|"):
        word = alt.replace("\\", "")
        out += [word[:-2], word[:-1]] if word.endswith(".?") else [word]
    return tuple(out)


_TRIGGER_ENDS = _trigger_ends()


def _trigger(before: str) -> re.Match[str] | None:
    """``TRIGGER.search(before)``. A match ends the text with the trigger word (and a colon),
    or with a list separator or 'en' after it; other texts are skipped cheaply."""
    r = before.rstrip().lower()
    if not (r.endswith((":", ",", ";", "/", "&")) or r.endswith(_TRIGGER_ENDS)
            or (r.endswith("en") and r[-3:-2].isspace())):
        return None
    return _search_low(TRIGGER, _TRIGGER_LOW, before)


HEADER_LINE = re.compile(
    r"^\s*+(?:\|\s*+)?(?:\*\*)?(?:" + lexicon.cue_alternation("header_labels.txt")
    + r")(?:\*\*)?\s*(?::|\t| {2,}|\|)",  # '| Naam | X |': a key-value table
    re.IGNORECASE,
)
# Speed: no upper-case class, so it also runs case-sensitively on lower-cased text (faster).
_HEADER_LOW = re.compile(HEADER_LINE.pattern)
# (blanks possessive, here and in CHAT: the same matches, linear in a run of blanks)
CLOSING = re.compile("(?:" + lexicon.cue_alternation("closing_formulas.txt") + r")\s*+(?:[,!.]\s*+)?$", re.IGNORECASE)
CHAT = re.compile(
    r"^\s*+\[?[A-Za-z.]{0,4}\s?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*+(?:\]\s*+)?"
    r"(?:-\s*+)?$"
)
# Office titles written before a name (also stripped from the chunk).
_EXTRA_ROLES = lexicon.cue_words("extra_roles.txt")
STRIP_WORDS = lexicon.cue_words("strip_words.txt") | _EXTRA_ROLES
TITLE_WORDS = lexicon.cue_words("title_words.txt")
HEADER_WORDS = lexicon.cue_words("header_words.txt")
ROLE_TOKENS = lexicon.cue_words("role_tokens.txt") | _EXTRA_ROLES
CHAT_SPEAKER = re.compile(
    r"(?m)^[ \t]*([A-Za-zÀ-ÿ][\w'’-]{1,30}(?:[ \t]+[A-Za-zÀ-ÿ'][\w'’-]{0,30}){0,3})[ \t]+"
    r"(?:\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?[ \t,]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*\r?$"
)
# WhatsApp/Android exports: '[15-01-24 07:41:12] jk: ...' or '12-03-2024 08:04 - budi: ...'.
# A lower-case handle before the colon is a participant's nickname (capitalised speakers are
# found as name chunks already).
CHAT_HANDLE = re.compile(
    r"(?m)^[ \t]*\[?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?::\d{2})?\]?[ \t]*+(?:-[ \t]*+)?"
    r"([a-zà-ÿ][\w'’.-]{1,20}):"
)
# Teams/WhatsApp exports with the speaker's display name: '[16-05-2025 07:52] Kılıçaslan, Gülsen: ...'
# (any script's letters: names need not be on the lists once the export format says 'speaker').
CHAT_NAMED = re.compile(
    r"(?m)^[ \t]*\[(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+)\d{1,2}[:.]\d{2}(?::\d{2})?\][ \t]*+(?:-[ \t]*+)?"
    r"([^\W\d_][\w'’-]{1,30}(?:,?[ \t]+[^\W\d_][\w'’.-]{0,30}){0,3}):"
)
ATTENDANCE_LINE = re.compile(
    r"(?im)^[ \t]*(?:\*\*)?(?:" + lexicon.cue_alternation("attendance_labels.txt")
    + r")[\w ]{0,25}(?:\*\*)?[ \t]*[:\t][ \t]*(.+)$"
)
# Initials signing off a mail or memo: '...gebriefd.\n\nRK' as the last line of the text, after a
# blank line or a closing formula.
SIGNOFF_INITIALS = re.compile(r"\n([^\n]*)\n[ \t]*([A-Z]{2,3})[ \t]*\Z")
ACRONYM_ITEM = re.compile(r"[ \t]*([A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,3})[ \t]*(?:\([^)]{0,20}\))?[ \t]*\.?")
PERSON_NOUN = re.compile("(?:" + lexicon.cue_alternation("person_noun_endings.txt") + ")$", re.IGNORECASE)
COORD = re.compile(r"[ \t]*(?:,|en|of|&|/)[ \t]*|[ \t]+(?:en|of)[ \t]+")
INIT_ONLY = re.compile(r"^(?:[A-Z]\.)+$")
TV_WORDS_LOWER = lexicon.cue_words("name_particles_lower.txt")
INVERTED_TAIL = re.compile(
    rf",{SP}?((?:{INIT})|{CAP}(?:{SP}{CAP})?)(?:{SP}({TV_LOW}))?(?=[\s;>)<\]]|$)"
    # A capital right after the tail continues a list ('Smit, Jan Pieter'); after a column gap of
    # two or more blanks it is the next cell of a header or register row ('Terpstra, F.   IFZ').
    r"(?![ \t\u00a0]?(?:IJ|[A-ZÀ-ÖØ-Þ]))"
)


# Precompiled (speed: module-level re.match looks the pattern up in re's cache per call).
_EMAIL_ANGLE = re.compile(r"\s*<[^>\s]+@")


def _context(text: str, start: int, end: int) -> str | None:
    """A Dutch description of the context that marks a name, or None."""
    pre = text[max(0, start - 160) : start]
    nl = pre.rfind("\n")
    line_pre = pre[nl + 1 :] if nl >= 0 else pre
    tm = title_before(line_pre[-40:])
    if tm:
        return f"naam na '{tm.group(0).strip()}'"
    # Speed (same results): each pattern below is tried only when a character it needs is there;
    # a header label ends in ':', a tab, two spaces or '|'; a bullet starts the line; an e-mail
    # address after the name holds '@'.
    if ":" in line_pre or "\t" in line_pre or "|" in line_pre or "  " in line_pre:
        low_pre = line_pre.lower()
        if _HEADER_LOW.match(low_pre) if len(low_pre) == len(line_pre) else HEADER_LINE.match(line_pre):
            return f"naam in kopregel '{line_pre.split(':')[0].split(chr(9))[0].strip(' *')}'"
    t = _trigger(line_pre[-120:])
    if t:
        return f"naam na '{t.group(0).split(':')[0].strip()[:30]}'"
    if text[end : end + 2].lstrip().startswith(":") and CHAT.match(line_pre):
        return "naam van deelnemer in chatbericht"
    if not line_pre.strip():
        prev = pre[:nl].rstrip("\n ")
        pl = prev[prev.rfind("\n") + 1 :]
        if CLOSING.search(pl) and text[end : end + 1] != ":":
            return "naam onder afsluitende groet"  # ('Ondernemers:' is a label, not a signer)
    return None


PREP_BEFORE = re.compile(r"\b(?:" + lexicon.cue_alternation("prepositions_before.txt") + r")\s+$")  # (data)
STREETISH = re.compile("(?:" + lexicon.cue_alternation("streetish_endings.txt") + ")$")


def _direct_label(text: str, start: int) -> bool:
    """The name follows a header label directly ('Van: X', '[09:02] X', 'Naam: X')."""
    ls = line_start(text, start, 200)
    pre = text[ls:start]
    return bool(re.fullmatch(r"\s*(?:\*\*)?[\w .'-]{1,30}(?:\*\*)?\s*(?::|\t)\s*", pre)) or bool(CHAT.match(pre))


@lru_cache(maxsize=65536)
def _bad_word(word: str) -> bool:
    """A street or a compass-suffixed place ('Kerkstraat', 'Tiel-Oost') is no name word."""
    if STREETISH.search(word) and not lexicon.is_surname(word) and len(word) > 6:
        return True
    head, _, tail = word.partition("-")
    if tail and tail.lower() in ("oost", "west", "noord", "zuid", "centrum", "midden"):
        return True
    if tail and head in ("Noord", "Oost", "Zuid", "West", "Midden") \
            and (tail in lexicon.places() or not lexicon.is_surname(tail)):
        return True  # 'Oost-Gelderland', 'West-Betuwe' (also in 'Noord- en Oost-Gelderland')
    if tail and lexicon.is_surname(tail) and tail not in lexicon.places():
        return False  # a double surname whose first half is also a village: 'Schoonebeek-Jalink'
    return bool(tail) and head in lexicon.places() and not lexicon.is_surname(head)


PREV_WORD = re.compile(r"([\w'’-]+)[ \t]+$")
_WORDS = re.compile(r"[\w'’-]+")


def _in_place_name(text: str, start: int, end: int, name: str) -> bool:
    """True when the words around the name form a listed place ('Capelle aan den IJssel')."""
    places = lexicon.places_lower()
    if not all(w in lexicon.place_words() for w in name.lower().split()):
        return False
    before = _WORDS.findall(text[max(0, start - 30) : start])[-3:]
    after = _WORDS.findall(text[end : end + 30])[:3]
    for i in range(len(before) + 1):
        for j in range(len(after) + 1):
            if i == 0 and j == 0:
                continue
            cand = " ".join(before[len(before) - i :] + [name] + after[:j]).lower()
            if cand in places:
                return True
    return False


def _in_parentheses(text: str, start: int) -> bool:
    ls = line_start(text, start, 200)
    before = text[ls:start]
    return before.count("(") > before.count(")")


ORG_SUFFIX = re.compile("(?:" + "|".join(lexicon.cue_lines("org_suffixes.txt")) + ")$", re.IGNORECASE)


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)
def _orgish(word: str) -> bool:
    """A capitalised word that looks like part of an organisation or a thing, not a name."""
    if word in lexicon.organisation_words() or word.lower() in _ORGS_LOWER():
        return True
    if lexicon.is_first_name(word) or lexicon.is_surname(word):
        return False
    if len(word) > 2 and any(c.isupper() for c in word[1:]) and "-" not in word and "IJ" not in word:
        return True  # CamelCase: ActiZ, ChristenUnie, ZonMw
    if lexicon.double_surname(word):
        return False  # 'Lubbelink-Schuiling' ends in 'ing' like 'Stichting'
    if word.endswith("huis") and len(word) > 6 and not lexicon.is_wordlike(word):
        # 'Gemeentehuis', 'Inloophuis' are buildings; 'Scholtenhuis', 'Mentinkhuis' are (Twente)
        # surnames: a listed surname plus -huis that is no word itself.
        head = word[:-4]
        return not (lexicon.is_surname(head) and not lexicon.is_wordlike(head))
    return bool(ORG_SUFFIX.search(word)) or word in lexicon.parties() or (len(word) >= 9 and lexicon.is_wordlike(word))


def _org_before(text: str, start: int) -> bool:
    """'Stichting Alexander', 'wijkcentrum De Kreek': the word names the body before it."""
    pw = PREV_WORD.search(text, max(0, start - 40), start)
    if pw is None:
        return False
    word = pw.group(1)
    return (word in lexicon.organisation_words() or word.lower() in _ORGS_LOWER()
            or (word[:1].isupper() and _orgish(word)))


@lru_cache(maxsize=1)
def _ORGS_LOWER() -> frozenset[str]:  # noqa: N802
    return frozenset(w.lower() for w in lexicon.organisation_words())


def _sentence_start(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0*#-•>\"'(":
        j -= 1
    return j < 0 or text[j] in ".!?:\n\r\f"


@lru_cache(maxsize=1)
def firm_after() -> re.Pattern[str]:
    """A professional firm, a sector word or a legal form right after a name ('... Advocaten',
    '& Peters Advocaten', '... Bouwtechniek', '... B.V.'); vocabulary in data/cues/firm_words.txt."""
    whole = sorted((w for w in lexicon.cue_lines("firm_words.txt") if not w.startswith("*")), key=len, reverse=True)
    ends = sorted((w[1:] for w in lexicon.cue_lines("firm_words.txt") if w.startswith("*")), key=len, reverse=True)
    words = "|".join(map(re.escape, whole))
    compounds = "|".join(map(re.escape, ends))
    return re.compile(
        r"[ \t]+(?:&[ \t]+[\w-]+[ \t]+)?(?:B\.V\.|N\.V\.|V\.O\.F\.|BV|NV|VOF|"
        rf"(?:{words})|[A-Z][a-zà-ÿ]{{2,20}}(?i:{compounds})|"
        # any one or two capitalised words before a company suffix
        r"(?:[A-Z][\w&-]{1,25}[ \t]+){1,2}(?:B\.V\.|N\.V\.|BV|NV))(?![\w])"
    )
