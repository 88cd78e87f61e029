"""Short forms of names the chunk scan cannot judge: @mentions in chats, initials used as a
person's name (action owners, initials after a full name), and the MPs in a motion's name.

Why hand-written: these are layout conventions of Dutch office documents (action lists with
'ACTIE AB:', '(AB)' owners, 'Ellen Wiersma (EW, voorzitter)', Teams '@Voornaam', 'motie-X/Y'),
no NER library models them. All patterns are bounded, so scanning stays linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from wooflow.detect import lexicon, publicrole
from wooflow.detect.names import CAP, SP, TV, NameParts, U, parse, tokens_of
from wooflow.detect.recognizers.person import Mention
from wooflow.detect.textutil import LazyPattern

# '@Noor', '@Ruben de Graaf', '@kees' (Teams/Slack/WhatsApp mentions); an e-mail address has a
# local part before the '@', so the look-behind rules it out.
_AT = LazyPattern(  # matched at each '@' (the look-behind is checked in at_mentions)
    rf"@((?:IJ|[A-Za-zÀ-ÿ])[\w'’-]{{1,30}}(?:{SP}(?:{TV}{SP})?{CAP}){{0,2}})(?![\w@])"
)
# Initials as a token: 'EW', 'TdJ', 'RvdL', 'PLH' (2-5 letters, at least two capitals).
# (Speed, here and below: the look-behind sits after the first character, so the engine jumps
# to capitals instead of testing every position; same matches.)
# ('SH/HS', 'MvG/RS': owners joined by a slash in an action table are two persons' initials)
# (capitals of any Latin script: 'ŞY/MK' for Ş. Yıldırım)
_INITIALS = re.compile(rf"([{U}](?<![\w@.&'’-][{U}])(?:[a-z]{{0,3}}[{U}]){{1,3}})(?![\w@&'’-]|\.\w)")
# A paraaf with the surname's first letters ('JKr' for J. Kranendonk, 'JSc' for J. Scholten):
# only as the known initials of a person the text names (never after an action word alone).
_TAILED = re.compile(rf"([{U}](?<![\w@.&'’-][{U}])(?:[a-z]{{0,3}}[{U}]){{1,3}}[a-z]{{1,2}})(?![\w@&'’-]|\.\w)")
# Where initials stand for the person who does something: 'ACTIE AB:', '(actie: AB)',
# 'actiehouder AB', 'Wie: AB'.
_ACTION_BEFORE = re.compile(
    "(?:" + "|".join(r"\b" + w for w in lexicon.cue_lines("action_words.txt")) + r")[ \t]*:?[ \t]*$", re.IGNORECASE
)
# Speed: the fixed start of each action word (data/cues/action_words.txt), tested as substrings first.
_ACTION_WORDS = tuple(w.partition("(")[0] for w in lexicon.cue_lines("action_words.txt"))
# Initials given right after a full name: 'Ellen Wiersma (EW, voorzitter)', 'Tjeerd de Jong (TdJ)'.
# The next cell of a table row after a name, or a bracket right after it ('Mehmet Bulut (MB, ...)').
_COLUMN_GAP = re.compile(r"[ \t]*(?:\t|[ ]{2}|\||\()[ \t|]{0,40}")
# Capital abbreviations of bodies, functions and things that are no person's initials.
_NOT_INITIALS = lexicon.cue_words("not_initials.txt")
# A motion or amendment named after its MPs: 'motie-Ceder/Van der Staaij', 'amendement-Bikker en Dassen'.
# (an MP may be named with a given name: 'motie-Saris/Léon de Jong', two MPs called De Jong)
_NAME = rf"(?:{CAP}{SP}(?={TV}{SP}{CAP}))?(?:{TV}{SP})?{CAP}"
_MOTION = LazyPattern(  # compiled where a text names a motion (start-up)
    rf"(?i:\b(?:motie|moties|amendement|amendementen))-({_NAME}(?:[ \t]*/[ \t]*{_NAME}|{SP}en{SP}{_NAME}){{0,4}})"
)


def _at_matches(text: str) -> Iterator[re.Match[str]]:
    """``_AT`` at every '@' not inside a word or an e-mail address (str.find: C speed)."""
    pos = text.find("@")
    while pos != -1:
        prev = text[pos - 1] if pos else " "
        m = _AT.match(text, pos)
        if m is not None and not (prev.isalnum() or prev in "_.@+-"):
            yield m
        pos = text.find("@", pos + 1)


# WhatsApp shows a sender who is not in the phone book as '+31 6 1234 5678 ~Jan:'.
_TILDE = re.compile(r"~[ \u00a0]?((?:IJ|[A-Za-zÀ-ÿ])[\w'’-]{1,30}(?:[ \u00a0][A-ZÀ-Þ][\w'’-]{1,30}){0,2})(?=:)")


def tilde_names(text: str) -> list[Mention]:
    """'~Jan:' in a WhatsApp export: the display name of a participant."""
    if "~" not in text:
        return []
    out = []
    for m in _TILDE.finditer(text):
        name = m.group(1)
        words = name.split()
        parts = parse(tokens_of(" ".join(w[:1].upper() + w[1:] for w in words)), lexicon.first_names())
        if len(words) == 1:
            parts = NameParts(first=name, initials=None, surname=None, tokens=[name])
        out.append(Mention(m.start(1), m.end(1), name, 0.9, "naam van deelnemer in chatbericht (~naam)", parts,
                           strong=True))
    return out


def at_mentions(text: str) -> list[Mention]:
    """'@Priya kun jij ...': a mention of a chat participant names a person."""
    if "@" not in text:
        return []
    out = []
    for m in _at_matches(text):
        words = m.group(1).split()
        first = words[0]
        cap = first[:1].upper() + first[1:]
        listed = lexicon.is_first_name(cap) or lexicon.is_surname(cap)
        if first[:1].islower() and not listed:
            continue  # '@gemeenteamersfoort': an account, not a person
        # keep only the words that carry the name ('@Noor Kun jij' would be odd: stop at a word)
        keep = [first]
        for w in words[1:]:
            if w.lower() in ("de", "van", "der", "den", "ter", "ten", "het") or not lexicon.is_common(w.lower()) \
                    or lexicon.is_surname(w):
                keep.append(w)
            else:
                break
        while keep and keep[-1].lower() in ("de", "van", "der", "den", "ter", "ten", "het"):
            keep.pop()
        name = " ".join(keep)
        s = m.start(1)
        toks = tokens_of(" ".join(w[:1].upper() + w[1:] if i == 0 else w for i, w in enumerate(keep)))
        parts = parse(toks, lexicon.first_names())
        if len(keep) == 1 and first[:1].islower():
            parts = NameParts(first=first, initials=None, surname=None, tokens=[first])
        public = publicrole.judge(text, s, s + len(name), parts.first, parts.initials, parts.surname)
        out.append(Mention(s, s + len(name), name, 0.9, "naam na @ (vermelding in chat)", parts,
                           public=public, strong=True))
    return out




# Speed: where a motion name may start, found case-sensitively in the lower-cased text.
_MOTION_LOW = re.compile(r"\b(?:moties?|amendement(?:en)?)-")


def motion_names(text: str) -> list[Mention]:
    """'motie-Ceder/Van der Staaij': each name of a motion or amendment is an MP in office."""
    if "otie-" not in text and "oties-" not in text and "ement-" not in text and "ementen-" not in text:
        return []  # speed: substring tests run at C speed
    out = []
    low = text.lower()
    found = (_MOTION.match(text, h.start()) for h in _MOTION_LOW.finditer(low)) if len(low) == len(text) \
        else _MOTION.finditer(text)
    for m in found:
        if m is None:
            continue
        pos = m.start(1)
        for piece in re.split(r"([ \t]*/[ \t]*| en )", m.group(1)):
            if piece and not re.fullmatch(r"[ \t]*/[ \t]*| en ", piece):
                parts = parse(tokens_of(piece), lexicon.first_names())
                out.append(Mention(pos, pos + len(piece), piece, 0.85, "naam in motie", parts,
                                   public="publieke functie (motie)", strong=True))
            pos += len(piece)
    return out


def _person_initials(mentions: list[Mention]) -> set[str]:
    """Initials a named private person may be referred to by ('Roos van der Linden' -> RvdL, RL;
    'Hoogendoorn, P.L.' -> PLH; 'Dragan Petrović' -> DP)."""
    out: set[str] = set()
    for m in mentions:
        p = m.parts
        if m.public is None and p.surname and (p.first or p.initials):
            out.update(_initials_of(p.first, p.initials, p.surname))
    return out


@lru_cache(maxsize=8192)
def _initials_of(first: str | None, initials: str | None, surname: str) -> tuple[str, ...]:
    """The initials forms of one name (cached: names recur all through a case)."""
    words = surname.replace("-", " ").split()
    tv = [w for w in words if w.lower() in _TV_LOW]
    core = [w for w in words if w.lower() not in _TV_LOW and w[:1].isupper()]
    if not core:
        return ()
    last = core[0][0]
    head = first[0] if first else "".join(c for c in initials or "" if c.isupper())
    out = {head + last, head[:1] + last}  # 'R.J. Schellekens (RS)': the first initial and the surname
    if head and not tv and len(core[0]) >= 5:  # 'J. Kranendonk (JKr)': with the surname's next letter
        out.add(head[:1] + core[0][:2])
    tv_low = "".join(w.lstrip("'’")[:1].lower() for w in tv)  # "van 't Hull": OvtH
    if tv:
        out.add(head + tv_low + last)
        out.add(head + tv_low.upper() + last)
    if len(core) > 1:  # every part of a double surname: 'H. Dekker-Schouten' HDS, 'E. van Hattem-Zuidema' EvHZ
        out.add(head[:1] + tv_low + "".join(w[0] for w in core))
    return tuple(i for i in out if len(i) >= 2)


_TV_LOW = lexicon.cue_words("initials_particles.txt")


_FEW = 24  # up to this many known initials, a str.find per initial beats a pass over the text


def _initial_tokens(text: str, low: str, known: set[str], has_action: bool) -> list[re.Match[str]]:
    """Where initials can stand for a person: the known initials of named persons, and tokens
    right after an action word (found from the action words, not from every capital)."""
    found: dict[int, re.Match[str]] = {}
    if len(known) > _FEW:  # many persons (a long text): one pass over the tokens stays linear
        for pattern in (_INITIALS, _TAILED):
            for m in pattern.finditer(text):
                if m.group(1) in known:
                    found[m.start(1)] = m
    for tok in known if len(known) <= _FEW else ():  # a few short strings: str.find at C speed
        pos = text.find(tok)
        pattern = _TAILED if tok[-1].islower() else _INITIALS
        while pos != -1:
            hit = pattern.match(text, pos)
            if hit and hit.group(1) == tok:
                found[pos] = hit
            pos = text.find(tok, pos + 1)
    if has_action and len(low) == len(text):
        for h in _ACTION_LOW.finditer(low):
            hit = _INITIALS.match(text, h.end())
            if hit:
                found.setdefault(hit.start(1), hit)
    elif has_action:
        for m in _INITIALS.finditer(text):
            found.setdefault(m.start(1), m)
    return [found[k] for k in sorted(found)]


_ACTION_LOW = re.compile(r"\b(?:" + lexicon.cue_alternation("action_words.txt") + r")[ \t]*:?[ \t]*")
# A pipe table with an owner column ('| nr | actie | wie | wanneer |'): every cell of that
# column names people, also initials no other sentence defines ('| EB / JWR |').
_OWNER_LABELS = lexicon.cue_lines("owner_labels.txt")
_OWNER_HEAD = re.compile(r"(?m:^[ \t]*\|[^\n]*\|[ \t]*(?:" + "|".join(_OWNER_LABELS) + r")[ \t]*\|[^\n]*$)")


def _used_as_body(text: str, tok: str) -> bool:
    """'| VRU |' where the text also says 'de VRU' or 'bij VRU': an organisation's abbreviation
    (a person's initials take no article), so the cell is not a person."""
    return re.search(rf"(?i:\b(?:de|het|bij|door|met|van)\s+){re.escape(tok)}(?![\w])", text) is not None


def _owner_cells(text: str, low: str) -> dict[int, re.Match[str]]:
    """Initials in the owner column of pipe tables (searched only from an owner header)."""
    out: dict[int, re.Match[str]] = {}
    if "|" not in text or len(low) != len(text):
        return out
    for head in _OWNER_HEAD.finditer(low):
        cells = head.group(0).strip().strip("|").split("|")
        col = next(i for i, c in enumerate(cells) if c.strip() in _OWNER_LABELS)
        pos = head.end() + 1
        for _ in range(200):  # the table's rows, up to the first line that is no row
            le = text.find("\n", pos)
            line = text[pos : le if le >= 0 else len(text)]
            if not line.lstrip().startswith("|"):
                break
            row = line.strip().strip("|").split("|")
            if col < len(row) and not set(row[col].strip()) <= set("-: "):
                cell_start = pos + line.find("|") + 1 + sum(len(c) + 1 for c in row[:col])
                for m in _INITIALS.finditer(text, cell_start, cell_start + len(row[col])):
                    if not _used_as_body(text, m.group(1)):
                        out[m.start(1)] = m
            if le < 0:
                break
            pos = le + 1
    return out


# A legend defining initials: 'Legenda beh.: RvW = R. van Wieringen, MB = M. Bennani'.
_LEGEND = re.compile(r"[ \t]*[=:][ \t]*")


def initials_mentions(text: str, mentions: list[Mention],
                      spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Initials standing for a person: after 'ACTIE'/'actie:'/'Wie:', right after a full name in
    brackets, or equal to the initials of a private person named in the same text (action
    tables, '(RvdL)' owners, 'TdJ meldt ...'). Abbreviations of bodies are never initials."""
    known = _person_initials(mentions)
    if len(known) <= _FEW:
        known = {k for k in known if k in text}  # a few substring tests: C speed
    low = text.lower()
    has_action = any(w in low for w in _ACTION_WORDS)
    if not known and not has_action:
        return []  # speed: without a named person's initials or an action word nothing qualifies
    table = _owner_cells(text, low) if has_action else {}
    toks = _initial_tokens(text, low, known, has_action)
    if table:
        seen = {m.start(1) for m in toks}
        toks = sorted(toks + [m for k, m in table.items() if k not in seen], key=lambda m: m.start(1))
    if not toks:
        return []
    spans = spans if spans is not None else sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    ends_sorted = sorted(ends)
    cands = []
    defined: set[str] = set()
    by_end = {m.end: m for m in mentions if m.public is None and m.parts.surname}
    by_start = {m.start: m for m in mentions if m.public is None and m.parts.surname}
    for m in toks:
        tok = m.group(1)
        s, e = m.start(1), m.end(1)
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and s < ends[i]:
            continue  # inside a name found already
        legend = _LEGEND.match(text, e)
        named = by_start.get(legend.end()) if legend else None
        if named and tok in _initials_of(named.parts.first, named.parts.initials, named.parts.surname):
            # a register's legend 'MB = M. Bennani': in this text MB is that person's paraaf, also
            # where the letters are a common abbreviation (megabyte)
            defined.add(tok)
        j = bisect.bisect_right(ends_sorted, s) - 1
        row = by_end.get(ends_sorted[j]) if j >= 0 and _COLUMN_GAP.fullmatch(text, ends_sorted[j], s) else None
        if row and tok in _initials_of(row.parts.first, row.parts.initials, row.parts.surname):
            defined.add(tok)  # 'Juridisch adviseur   mr. M. Brzęczek   MB   07-11': the paraaf column
            cands.append((tok, s, e, "defined"))
            continue
        ls = text.rfind("\n", max(0, s - 80), s) + 1
        before = text[max(ls, s - 40) : s]
        action = tok not in known and (s in table or _ACTION_BEFORE.search(before))
        cands.append((tok, s, e, "action" if action or _ACTION_BEFORE.search(before) else ""))
    defined |= _column_mates(text, cands, known)
    out: list[Mention] = []
    for tok, s, e, how in cands:
        common_abbr = tok in _NOT_INITIALS and tok not in defined
        if how == "defined":
            out.append(_acronym(tok, s, e, "initialen van genoemde persoon", propagate=tok not in _NOT_INITIALS))
        elif how == "action" and not common_abbr:
            out.append(_acronym(tok, s, e, "initialen als actiehouder", propagate=tok not in _NOT_INITIALS))
        elif tok in known and not common_abbr and not _names_a_body(text, e):
            out.append(_acronym(tok, s, e, "initialen van persoon die in de tekst genoemd wordt", propagate=False))
    return out


_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-zà-ÿ]{2,})(?![\w'’-])")


def _names_a_body(text: str, end: int) -> bool:
    """'NH Nieuws belt': capitals followed by a capitalised ordinary word are a body's name, not
    the initials of a person named elsewhere in the text ('Nienke Hakkert')."""
    m = _WORD_AFTER.match(text, end)
    return m is not None and lexicon.is_common(m.group(1).lower()) and not lexicon.is_first_name(m.group(1))


# Paraaf initials with the name particle written small ('KvdB', 'JdG', 'MvO'): the shape of a
# person's paraaf in Dutch office documents, wherever it stands (a stamp 'paraaf KvdB', a margin
# note 'overl. met JdG', 'gezet door MvO', '(IvdB)'). Bodies with that shape are listed in
# not_initials.txt (KvK, PvdA, RvS, MvT, ...).
_PARAAF_PARTICLES = "|".join(sorted(lexicon.cue_lines("paraaf_particles.txt"), key=len, reverse=True))
_PARTICLE_INITIALS = re.compile(
    rf"([{U}](?<![\w@.&'’/-][{U}])(?:{_PARAAF_PARTICLES})[{U}])(?![\w@&'’-]|\.\w|/[\w/]*\d)"
)


# '2023/1188/HvR': the tail of a reference number; 'in de MvD- of RdJ': the second half of an
# elliptic compound, a body or meeting like the first.
_REFERENCE_BEFORE = re.compile(r"\d[\w/]*/[ \t]*$")
_ELLIPSIS_BEFORE = re.compile(r"\w-[ \t]+(?:of|en|en/of)[ \t]+$")


def particle_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """'paraaf KvdB', 'overl. met JdG', 'Naar taxatie HvdV': initials with a small name particle
    are a person's paraaf, unless they are a body's abbreviation (listed, or used with an article
    'de RvdK'), part of a reference number ('MvH/WL/2023/112'), or the initials of a public
    office holder named in the text."""
    found = [m for m in _PARTICLE_INITIALS.finditer(text) if m.group(1) not in _NOT_INITIALS]
    if not found:
        return []
    orgs = lexicon.organisation_words()
    public: set[str] = set()
    for men in mentions:
        p = men.parts
        if men.public is not None and p.surname and (p.first or p.initials):
            public.update(_initials_of(p.first, p.initials, p.surname))
    out = []
    for hit in found:
        tok = hit.group(1)
        s = hit.start(1)
        before = text[max(0, s - 40) : s]
        if tok in orgs or tok in public or _with_article(text, tok) or _REFERENCE_BEFORE.search(before) \
                or _ELLIPSIS_BEFORE.search(before):
            continue
        out.append(_acronym(tok, s, hit.end(1), "initialen met tussenvoegsel (paraaf)", propagate=False))
    return out


def _with_article(text: str, tok: str) -> bool:
    """'de RvdK', 'het OM': a body's abbreviation takes an article, a person's initials do not."""
    return re.search(rf"(?i:\b(?:de|het|der|een)\s+){re.escape(tok)}(?![\w])", text) is not None


def _column(text: str, s: int) -> tuple[int, int, int]:
    """(line start, tab count, offset) of ``s``: cells of one column share the tab count in a
    tab-separated table and the offset in a space-aligned one."""
    ls = text.rfind("\n", 0, s) + 1
    tabs = text.count("\t", ls, s)
    return ls, tabs, (s - ls if tabs == 0 else -1)


def _column_mates(text: str, cands: list[tuple[str, int, int, str]], known: set[str]) -> set[str]:
    """Common abbreviations ('MB') that a named person's initials explain and that stand in a
    column of other persons' initials ('A1 ... TR', 'A2 ... MY', 'A3 ... MB' in an action list):
    the column says what they are."""
    abbr = [(tok, s) for tok, s, _, _ in cands if tok in _NOT_INITIALS and tok in known]
    if not abbr:
        return set()
    others = [_column(text, s) for tok, s, _, _ in cands if tok not in _NOT_INITIALS]
    edges = {p for tok, s, e, _ in cands if tok not in _NOT_INITIALS for p in (s, e)}
    out = set()
    for tok, s in abbr:
        if _signs_off(text, s, s + len(tok)) or _slash_mate(text, s, s + len(tok), edges):
            out.add(tok)  # 'zie onder. TB' (the sender's sign-off), 'RKM / MB' (joint owners)
            continue
        ls, tabs, off = _column(text, s)
        if any(t == tabs and o == off and abs(text.count("\n", min(ls, l2), max(ls, l2))) <= 5
               for l2, t, o in others):
            out.add(tok)
    return out


_SENTENCE_END = re.compile(r"(?:^|[.!?])[ \t]*$", re.MULTILINE)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_SLASH = re.compile(r"[ \t]*/[ \t]*")


def _signs_off(text: str, s: int, e: int) -> bool:
    """Initials that close a line after a finished sentence, or stand alone on a line: an
    e-mail's or a note's sign-off ('..., zie onder. TB'); a unit follows a number ('2 TB')."""
    ls = text.rfind("\n", max(0, s - 200), s) + 1
    if s - ls > 200:
        return False
    return _SENTENCE_END.search(text, ls, s) is not None and _LINE_END.match(text, e) is not None


def _slash_mate(text: str, s: int, e: int, edges: set[int]) -> bool:
    """'RKM / MB': joined by a slash to another person's initials (joint owners of an action)."""
    before = text.rfind("/", max(0, s - 4), s)
    if before >= 0 and _SLASH.fullmatch(text, before, s):
        a = before
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        if a in edges:
            return True
    after = _SLASH.match(text, e)
    return after is not None and after.end() > e and "/" in after.group(0) and after.end() in edges


# Bare initials after a word for a person ('een collega (R.)', 'cliënt F.K., geboren ...').
_PERSON_NOUNS = lexicon.cue_words("person_nouns.txt")
# Speed: the scan starts at the (rare) initials followed by a bracket, comma or lower-case word;
# the word before is then looked up in a set.
_BARE_INITIALS = re.compile(r"([A-Z](?<![\w.][A-Z])\.(?:[A-Z]\.){0,3})(?=[ \t]*[),;:]|[ \t]+[a-z])")
_WORD_BEFORE = re.compile(r"(\w+)\.?[ \t]+(?:\([ \t]*)?$")


# Dotted initials followed by an age in brackets: 'aanhoudingen: D.K. (17) en Jesse van Rijn (19)'
# (a person's age; found from the bracket, which is rare, then the initials right before it).
_AGE_BRACKET = re.compile(r"\.[ \t]*\([ \t]*\d{1,2}(?:[ \t]*+(?:jaar|jr\.?))?[ \t]*+\)")
_AGED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})[ \t]*$")


def noun_initials(text: str) -> list[Mention]:
    """'een collega (R.)', 'cliënt F.K.': initials right after a word for a person name someone;
    'D.K. (17)': initials with an age."""
    out = []
    for a in _AGE_BRACKET.finditer(text):
        m = _AGED_INITIALS.search(text, max(0, a.start() - 12), a.start() + 1)
        if m:
            tok = m.group(1)
            out.append(Mention(m.start(1), m.end(1), tok, 0.85, "initialen met leeftijd",
                               NameParts(first=None, initials=tok, surname=None, tokens=[tok])))
    for m in _BARE_INITIALS.finditer(text):
        w = _WORD_BEFORE.search(text, max(0, m.start() - 25), m.start())
        if w and w.group(1).lower() in _PERSON_NOUNS:
            tok = m.group(1)
            out.append(Mention(m.start(1), m.end(1), tok, 0.85, "initialen na persoonsaanduiding",
                               NameParts(first=None, initials=tok, surname=None, tokens=[tok])))
    return out


_TOK = r"(?:[A-Z]\.){1,4}|[A-Z](?:[a-z]{0,3}[A-Z]){1,3}"
# An action item that ends with its owners in brackets: '- Offerte opvragen (RvdL)',
# '2. Planning bijwerken (J.K. en M.B.)'.
_ITEM_OWNER = re.compile(
    rf"[ \t]*(?:[-•*–]|\d{{1,2}}[.)])[ \t]+[^\n(]{{3,200}}\(((?:{_TOK})(?:[ \t]*(?:,|/|&|en)[ \t]*(?:{_TOK})){{0,3}})\)"
    r"[ \t]*+(?:[.;][ \t]*+)?$",
    re.MULTILINE,
)
# (blanks possessive in these four: the same matches, linear in a run of blanks)
_DOTTED_ACTION = re.compile(r"(?i:\bactie(?:houder)?|\bwie)[ \t]*+(?::[ \t]*+)?((?:[A-Z]\.){2,4})(?![\w])")
_DOTTED_ACTION_LOW = re.compile(r"\b(?:actie|wie)")  # speed: candidates in the lower-cased text
_LINE_END_BRACKET = re.compile(r"\)[ \t]*+(?:[.;][ \t]*+)?$", re.MULTILINE)
def action_owners(text: str, mentions: list[Mention],
                  spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Owners of action items in brackets at the end of a list item, and dotted initials after
    'actie:' ('(actie: J.K.)'); only in texts that speak of actions or agreements."""
    low = text.lower()
    if "actie" not in low and "afspra" not in low and "wie" not in low:
        return []
    found = []
    for end in _LINE_END_BRACKET.finditer(text):  # speed: only lines ending in a bracket
        m = _ITEM_OWNER.match(text, text.rfind("\n", 0, end.start()) + 1)
        if m:
            found.append((m.start(1), m.group(1)))
    if len(low) == len(text):
        for h in _DOTTED_ACTION_LOW.finditer(low):
            m = _DOTTED_ACTION.match(text, h.start())
            if m:
                found.append((m.start(1), m.group(1)))
    if not found:
        return []
    spans = spans if spans is not None else sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]
    orgs = lexicon.organisation_words()
    out = []
    for pos, group in found:
        for t in re.finditer(_TOK, group):
            tok, s = t.group(0), pos + t.start()
            if tok in _NOT_INITIALS or tok in orgs or tok.rstrip(".") in orgs or len(tok.replace(".", "")) < 2:
                continue
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and s < spans[i][1]:
                continue
            out.append(_acronym(tok, s, s + len(tok), "initialen als actiehouder", propagate=False))
    return out


def later_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Initials and initials after person nouns, judged once the names of the text are known
    (the spans of the found names are sorted once for all three steps)."""
    spans = sorted((m.start, m.end) for m in mentions)
    out = initials_mentions(text, mentions, spans)
    if out:
        spans = sorted(spans + [(m.start, m.end) for m in out])
    owners = action_owners(text, mentions + out, spans)
    if owners:
        out += owners
        spans = sorted(spans + [(m.start, m.end) for m in owners])
    paraafs = not_inside(particle_initials(text, mentions), spans)
    if paraafs:
        out += paraafs
        spans = sorted(spans + [(m.start, m.end) for m in paraafs])
    return out + not_inside(noun_initials(text), spans)


def not_inside(new: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions of ``new`` that start outside every span of ``spans`` (sorted; bisect)."""
    if not new:
        return []
    starts = [a for a, _ in spans]
    reach = [0] * len(spans)  # the furthest end among spans[:i+1]
    far = 0
    for i, (_, b) in enumerate(spans):
        far = max(far, b)
        reach[i] = far
    out = []
    for m in new:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or reach[i] <= m.start:
            out.append(m)
    return out


def _acronym(tok: str, s: int, e: int, why: str, propagate: bool) -> Mention:
    parts = NameParts(first=None, initials=tok, surname=None, tokens=[tok])
    return Mention(s, e, tok, 0.85, why, parts, strong=propagate,
                   recognizer="person-acronym" if propagate else "person")
