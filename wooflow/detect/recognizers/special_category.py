"""Special categories of personal data (art. 9 AVG; Woo 5.1.1d): health, religion, ethnicity,
sexual orientation, political opinion, union membership, criminal records.

Only proposed for review (low score): the words alone are common in policy text, so a mention
counts only when its sentence is about a person (a pronoun or personal cue). The span covers
the statement ('heeft de ziekte van Parkinson', 'is nierpatiënt en moet naar de dialyse'), not
only the keyword, so a reviewer who accepts it hides the whole fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from wooflow.detect import clausemodel, lexicon
from wooflow.detect.recognizers.base import GROUND_PRIVACY, GROUND_SPECIAL, Recognizer, Starts, line_start
from wooflow.detect.textutil import LazyPattern, alternatives, by_first_letter
from wooflow.model import Finding


def _terms() -> dict[str, str]:
    """Category -> alternation of its terms, from data/cues/special_terms.txt (in file order)."""
    out: dict[str, list[str]] = {}
    for line in lexicon.cue_lines("special_terms.txt"):
        category, _, term = line.partition("|")
        out.setdefault(category.strip(), []).append(term.strip())
    return {k: "|".join(v) for k, v in out.items()}


# Word stems; a term matches a word that starts with one of them (bounded, linear).
TERMS = _terms()
TERM_RE = LazyPattern(  # compiled on first use, as TERM_LOW (start-up)
    r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>(?:{p})[\\w'’-]*)" for i, p in enumerate(TERMS.values())) + r")",
    re.IGNORECASE,
)
KINDS = list(TERMS.keys())
TERM_LOW = LazyPattern(TERM_RE.pattern)


# Speed: finds where some term starts (the same positions as TERM_LOW, alternatives merely
# reordered); TERM_LOW is then matched at that position for the exact match and its kind.
_TERM_START = re.compile(
    r"(?<![\w-])(?:" + by_first_letter([a for p in TERMS.values() for a in alternatives(p)]) + ")")


def _term_matches(low: str) -> Iterator[re.Match[str]]:
    """``TERM_LOW.finditer(low)``, three times faster."""
    pos = 0
    while (c := _TERM_START.search(low, pos)) is not None:
        m = TERM_LOW.match(low, c.start())
        if m is None:  # cannot happen (same alternatives); stay exact anyway
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()
# Words that make a sentence about a person (data/cues/special_person_cues.txt).
# (Speed: alternatives grouped by first letter, the same words: a sentence is searched per term.)
PERSONAL = re.compile(r"\b(?:" + by_first_letter(list(lexicon.cue_lines("special_person_cues.txt"))) + r")\b",
                      re.IGNORECASE)
# Words after which the statement about the person starts ('ik ben | slechtziend ...'; data/cues/special_anchors.txt).
ANCHOR = re.compile(r"\b(?:" + lexicon.cue_alternation("special_anchors.txt") + r")\s+", re.IGNORECASE)
NO_CUE = " [geen persoon in de zin]"
# 'zijn' is a verb, no possessive, after 'er' or a relative pronoun, and before a comma or full
# stop ('er zijn medicijnen meegegeven', 'door deze druk gebroken zijn, waarbij').
_VERB_ZIJN = re.compile(r"(?i:\b(?:er|die|dat|wat)\s+)$")


def _has_cue(text: str, s0: int, e0: int) -> bool:
    """True when the sentence [s0, e0) holds a word that makes it about a person."""
    for c in PERSONAL.finditer(text, s0, e0):
        if c.group().lower() != "zijn":
            return True
        nxt = text[c.end() : c.end() + 2]
        if nxt[:1] == " " and nxt[1:2].isalpha() and not _VERB_ZIJN.search(text, max(s0, c.start() - 25), c.start()):
            return True
    return False
LEFT_ADJ = re.compile(
    r"(?:(?:door|met|vanwege|wegens|voor)\s+)?(?:(?:een|de|het|haar|zijn|mijn|uw)\s+)?(?:\w+e\s+)?$", re.IGNORECASE
)
# Diagnoses named by their head noun ('paniekstoornis', 'hartaandoening', 'darmontsteking',
# 'longkanker', 'hersenletsel'): any word ending in one, besides the stems above. Speed: each
# head noun is found with str.find (C speed) and the word start is walked back to.
HEAD_NOUNS = lexicon.cue_lines("special_head_nouns.txt")  # (data/cues/special_head_nouns.txt)


def _head_nouns(low: str) -> list[tuple[int, int, str]]:
    out = []
    for noun in HEAD_NOUNS:
        i = low.find(noun)
        while i != -1:
            end = i + len(noun)
            for tail in ("sen", "en"):
                if low.startswith(tail, end) and noun in ("stoornis", "aandoening"):
                    end += len(tail)
                    break
            s = i
            while s > 0 and (low[s - 1].isalpha() or low[s - 1] == "-") and i - s < 25:
                s -= 1  # 'pinda-allergie': a hyphenated compound counts as one word
            if i - s >= 2 and (end == len(low) or not (low[end].isalnum() or low[end] == "_")) \
                    and (s == 0 or not (low[s - 1].isalnum() or low[s - 1] in "-_")):
                out.append((s, end, "gezondheid"))
            i = low.find(noun, end)
    return out


# A compound about a facility, rule or statistic, not a person's condition
# ('gehandicaptenparkeerkaart', 'rolstoeltoegankelijk', 'ziekteverzuimcijfers', 'ggz-instelling').
FACILITY_TAIL = re.compile(r"(?:" + lexicon.cue_alternation("special_facility_tails.txt") + r")$")  # (data)
# A work named in quotes after it is a title, not a statement ('het rapport "Blind voor ...").
_TITLED_WORK = re.compile(r"(?i:\b(?:" + lexicon.cue_alternation("special_titled_works.txt") + r")\w*)[ \t]*$")
ORIGINS = lexicon.cue_words("origins.txt")
_NEGATED = re.compile(r"(?i:\bgeen)\s+(?:(?:nieuwe|andere|verdere|extra)\s+)?$")
# A health word said of a tree, plant or animal ('twee van de zeven lindes ziek zijn'): not a person.
_NONHUMAN_BEFORE = re.compile(
    r"(?i:\b(?:" + "|".join(lexicon.cue_lines("special_nonhuman.txt")) + r")\b)[^.;\n]{0,80}$")
# A health word said of a group in general ('toegankelijk voor reizigers met een rolstoel of
# rollator'), unless the group is counted ('twee reizigers met ...': identifiable).
_GROUP_WITH = re.compile(  # (group nouns: data/cues/special_group_nouns.txt)
    r"(?i:(?<!één )(?<!een )(?<!twee )(?<!drie )(?<!vier )(?<!vijf )\b(?:"
    + lexicon.cue_alternation("special_group_nouns.txt")
    + r")\s+met\s+(?:een\s+|hun\s+|de\s+)?(?:[a-zà-ÿ]+\s+(?:of|en)\s+)?)$"
)
ORIGIN_BEFORE = re.compile(r"(?i:\b(?:ik|hij|zij|ze)(?: ben| is)?) $")
NOT_ABOUT = re.compile(r"^(?:" + lexicon.cue_alternation("special_not_about.txt") + ")", re.IGNORECASE)  # (data)


# Grounds and reason labels per kind: criminal records (art. 10 AVG, UAVG paragraph 3.2) and a
# person's financial situation (debts, arrears, debt counselling) are no special categories in
# the sense of Woo 5.1.1d (UAVG paragraph 3.1): they are withheld for privacy, 5.1.2e.
GROUNDS = {"strafrechtelijk": GROUND_PRIVACY, "financieel": GROUND_PRIVACY}
LABELS = {"strafrechtelijk": "strafrechtelijk persoonsgegeven", "financieel": "gegeven over financiële situatie"}
# Kinds whose terms are also role nouns: 'gedetineerde Kloosterboer', 'verdachte J. de Vries'
# label a person in a register or report; no statement about them.
LABEL_KINDS = frozenset({"strafrechtelijk"})
# ... and such a noun as the subject of a report's sentence ('Betrokken gedetineerde heeft
# aangegeven ...') names the person's role there; only 'is gedetineerd', 'was verdachte' state it.
_ROLE_NOUN = re.compile(r"(?i:gedetineerden?|verdachten?)")
_COPULA_BEFORE = re.compile(r"(?i:\b(?:is|was|werd|wordt|als|zijn|waren|ben|bent)\s+(?:een\s+|de\s+)?)$")
# A capitalised term after another capitalised word is part of a name ('Aanpak Geldzorgen',
# 'Stichting Schuldhulpmaatje'), not a statement.
NAME_KINDS = frozenset({"financieel", "strafrechtelijk"})
_MID_SENTENCE = re.compile(r"[\w,][ \t]+$")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]*[ \t]+$")
_LABEL_AFTER = re.compile(r"[ \t]*+\n?+[ \t]*+(?:[A-Z][a-z]*\.|[A-Z][a-zà-ÿ]+(?![\w-]*[ \t]+[a-zà-ÿ]))")

# A line break inside a sentence (a letter or comma before it, a lower-case word after it) is
# where a wrapped paragraph goes on: it is read as a space, so a statement spans wrapped lines.
_SOFT_BREAK = re.compile(r"(?<=[\w,])[ \t]*\n(?=[ \t]*[a-zà-ÿ(])")


def _soften(text: str) -> str:
    """``text`` with soft line breaks as spaces (same length, same offsets)."""
    if "\n" not in text:
        return text
    return _SOFT_BREAK.sub(lambda m: m.group().replace("\n", " "), text)


# Where a statement starts: after a clause mark or a subordinating conjunction ('omdat zij |
# nachtdiensten draait en ...', 'meldde dat | zijn vrouw sinds ... angstklachten heeft').
_LEFT_BOUND = re.compile(r"[,;:()\t]|(?i:\b(?:" + lexicon.cue_alternation("special_clause_starts.txt") + r")\b)")
# Where it ends: a clause mark, a new clause ('waardoor ...', 'en dat zij ...', 'en ik ...').
_RIGHT_BOUND = re.compile(  # (data/cues/special_clause_ends.txt, special_clause_en_starts.txt)
    r"[,;:()\t]|(?i:\s(?:" + lexicon.cue_alternation("special_clause_ends.txt") + r")\b|\sen\s+(?:"
    + lexicon.cue_alternation("special_clause_en_starts.txt") + r")\b)")
# The subject of a clause: a pronoun or a noun for a person, with its article or possessive
# (the person cues less the possessives and object forms: 'zijn examen' has no person subject).
_SUBJECT = re.compile(
    r"(?i:\b(?:(?:mijn|zijn|haar|uw|onze|ons|hun|de|het|een|die|deze|dit)\s+)?(?:"
    + by_first_letter([c for c in lexicon.cue_lines("special_person_cues.txt")
                       if c not in ("haar", "zijn", "hem", "mijn", "mij", "me", "uw")]) + r")\b)")
_GROUP_SUBJECT = re.compile(
    r"(?i:(?:" + "|".join(lexicon.cue_lines("special_group_quantifiers.txt")) + r")\s+[a-zà-ÿ]+(?:en|s)\b)")
# A capitalised word or an initial: a name or a sentence's first word, left out of a statement.
_NAME_WORD = re.compile(r"(?<![\w.'’-])[A-ZÀ-Ý][\w'’.-]*")
_CELL_SEP = re.compile(r"(?<=\S)(?:\t|   +)(?=\S)")
_SHORT_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,30}\)")
_MAX_LEFT = 50
_MAX_RIGHT = 110
_MAX_PART = 160


def statement(text: str, m_start: int, m_end: int, s0: int, e0: int, cells: str | None = None
              ) -> tuple[int, int]:
    """The statement holding the term at [m_start, m_end) in the sentence [s0, e0) of ``text``
    (soft line breaks read as spaces); a table cell (cells as tabs or runs of spaces between
    words in ``cells``, the original text) is the sentence. A remark in brackets is one
    statement; else the clause around the term, from its subject (a pronoun or a noun phrase)
    to the next clause mark. A clause whose start lies far before the term (its subject is far
    away: 'Zijn examen is drie keer geannuleerd wegens ziekte van een examinator') gives the
    phrase of the term alone, from its verb or its preposition and article."""
    ls = line_start(text, m_start)  # (bounded look-back and look-ahead: linear on one-line texts)
    le = text.find("\n", m_end, m_end + 300)
    le = min(len(text), m_end + 300) if le == -1 else le
    if cells is not None and _CELL_SEP.search(cells, ls, le):
        a = ls
        for c0 in _CELL_SEP.finditer(cells, ls, m_start + 1):  # (its look-ahead sees the term)
            a = c0.end()
        c1 = _CELL_SEP.search(cells, m_end, le)
        b = le if c1 is None else c1.start()
        if b - a <= _MAX_PART:  # the cell is the sentence of its statement
            s0, e0 = max(s0, a), min(e0, b)
    o = text.rfind("(", s0, m_start)
    if o != -1 and text.find(")", o, m_start) == -1:
        c = text.find(")", m_end, o + _MAX_PART)
        if c != -1 and "(" not in text[m_end:c] and "\n\n" not in text[o:c]:
            return _strip(text, o + 1, c)
    left = s0
    for b0 in _LEFT_BOUND.finditer(text, s0, m_start):
        left = b0.end()
    # the last subject: 'Ik woon op ... en | mijn vrouw is net thuis na een heupoperatie',
    # 'dat | zijn vrouw sinds een aanrijding in 2023 angstklachten heeft'
    subject = max((m.start() for m in _SUBJECT.finditer(text, left, m_start)), default=-1)
    if subject >= 0:
        left = subject
    elif m_start - left > _MAX_LEFT:
        left = m_start
        for anchor in ANCHOR.finditer(text, max(s0, m_start - 40), m_start):
            left = anchor.end()
        if left == m_start:
            adj = LEFT_ADJ.search(text, max(s0, m_start - 30), m_start)
            if adj:
                left = adj.start()
    titled = text[m_start : m_start + 1].isupper()
    for w in _NAME_WORD.finditer(text, left, m_start):
        if titled and not text[w.end() : m_start].strip(" "):
            break  # 'de Molukse Evangelische Kerk': one name with the term
        if not PERSONAL.fullmatch(w.group()) and not lexicon.is_common(w.group().rstrip(".")):
            left = w.end()  # 'Tuasela | is sinds maart met langdurig ziekteverlof': names are their own findings
    right = e0
    b1 = _RIGHT_BOUND.search(text, m_end, e0)
    if b1 is not None:
        right = b1.start()
        br = _SHORT_BRACKET.match(text, right) if text[right : right + 1] in " (" else None
        if br is not None:  # 'slecht ter been (rollator)', 'autisme (ASS)'
            right = br.end()
    if right - m_end > _MAX_RIGHT:
        sp = text.rfind(" ", m_end, m_end + _MAX_RIGHT)
        right = sp if sp > m_end else m_end + _MAX_RIGHT
    return _strip(text, left, right)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n\r\f\"'“„‘":
        a += 1
    while b > a and text[b - 1] in " \t\n\r\f,;:.":
        b -= 1
    return a, b


_GAP = re.compile(r"[\s,()]*(?:en\s+)?[\s()]*")


def _joined(text: str, prev_end: int, start: int) -> bool:
    """True when two statements touch or overlap, or only brackets, a comma or 'en' lie between
    them ('onder behandeling bij een psycholoog (GGZ, ...) en gebruikt antidepressiva')."""
    if start <= prev_end:
        return True
    return start - prev_end <= 8 and _GAP.fullmatch(text, prev_end, start) is not None


def term_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every listed term and diagnosis head noun in ``text``."""
    low = text.lower()
    # Speed: the case-sensitive pattern on lower-cased text runs 2.5x faster than
    # IGNORECASE on the original; lower() rarely changes the length ('İ'), then fall back.
    matches = _term_matches(low) if len(low) == len(text) else TERM_RE.finditer(text)
    hits = [(m.start(), m.end(), KINDS[int(m.lastgroup[1:])]) for m in matches]  # type: ignore[index]
    if len(low) == len(text):
        taken = {a for a, _, _ in hits}
        extra = [h for h in _head_nouns(low) if h[0] not in taken]
        if extra:
            hits = sorted(hits + extra)
    return hits


def term_statements(text: str, flat: str, hits: list[tuple[int, int, str]]
                    ) -> tuple[list[tuple[int, int, str, bool]], list[tuple[int, int, str]]]:
    """The statements the listed terms ``hits`` make, (start, end, kind, person word in the
    sentence), and the hits that made one (a facility word, a name, a negation, a group, an animal
    make none)."""
    spans: list[tuple[int, int, str, bool]] = []
    accepted: list[tuple[int, int, str]] = []
    for m_start, m_end, kind in hits:
        word = text[m_start:m_end]
        if NOT_ABOUT.match(word) or word[:1].isupper() and word[1:2].islower() \
                and word.lower().startswith("christen"):
            continue
        if len(word) > 8 and kind != "financieel" and FACILITY_TAIL.search(word.lower()):
            continue
        if word[:1].isupper() and m_start and text[m_start - 1] in "\"“„‘'" \
                and _TITLED_WORK.search(text, max(0, m_start - 40), m_start - 1):
            continue  # 'rapport "Blind voor mens en recht"': the opening word of a quoted title
        if _NEGATED.search(text, max(0, m_start - 20), m_start):
            continue  # 'er zijn geen nieuwe besmettingen gevonden': nobody has it
        if kind == "etniciteit" and word.lower() in ORIGINS and not ORIGIN_BEFORE.search(
                text, max(0, m_start - 12), m_start):
            continue  # 'Marokkaanse jongeren', 'Turkse ondernemers': a group, not a person
        if kind in LABEL_KINDS and (_LABEL_AFTER.match(text, m_end) or _ROLE_NOUN.fullmatch(word)
                                    and not _COPULA_BEFORE.search(text, max(0, m_start - 20), m_start)):
            continue  # 'gedetineerde Kloosterboer': a role label before a name, no statement
        if kind in NAME_KINDS and word[:1].isupper() and word[1:2].islower() and (
                _NAME_BEFORE.search(text, max(0, m_start - 30), m_start) or _MID_SENTENCE.search(
                    text, max(0, m_start - 3), m_start)):
            continue  # 'Aanpak Geldzorgen', 'Gemeente Leeuwarden, Schuldhulpverlening': a name
        s0 = _sentence_start(flat, m_start)
        if kind == "gezondheid" and _NONHUMAN_BEFORE.search(flat, max(s0, m_start - 100), m_start):
            continue  # 'de lindes ziek zijn', 'een pup gekocht en deze bleek ziek': not a person
        if kind == "gezondheid" and _GROUP_WITH.search(text, max(s0, m_start - 60), m_start):
            continue
        e0 = _sentence_end(flat, m_end)
        start, end = statement(flat, m_start, m_end, s0, e0, text)
        if _GROUP_SUBJECT.match(flat, start, m_start):
            continue  # 'dat veel ouderen slecht ter been zijn': a group, nobody in particular
        cue = _has_cue(flat, s0, e0)
        spans.append((start, end, kind, cue))
        accepted.append((m_start, m_end, kind))
    return spans, accepted


class SpecialCategoryRecognizer(Recognizer):
    NAME = "special_category"
    ENTITIES = ("SPECIAL_CATEGORY",)
    CATEGORY = "special_category"
    GROUND = GROUND_SPECIAL
    PATTERNS = (TERM_RE.pattern,)

    def analyze(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        hits = term_hits(text)
        if not hits and clausemodel.model() is None:
            return out
        flat = _soften(text)  # a soft line break inside a sentence reads as a space
        spans, accepted = term_statements(text, flat, hits)
        found = [(start, end, kind, cue, "") for start, end, kind, cue in spans]
        model = clausemodel.model()
        if model is not None:
            found += learned_clauses(text, flat, hits, accepted, found, model)
        found.sort()
        merged: list[tuple[int, int, str, bool, str]] = []
        for start, end, kind, cue, why in found:
            if merged and _joined(flat, merged[-1][1], start):  # one statement, one finding
                p_start, p_end, p_kind, p_cue, p_why = merged[-1]
                # the clause model's reason only where its clause made the statement longer
                merged[-1] = (p_start, max(p_end, end), p_kind, p_cue or cue, p_why or (why if end > p_end else ""))
                continue
            merged.append((start, end, kind, cue, why))
        for start, end, kind, cue, why in merged:
            out.append(
                self.finding(
                    text, start, end, 0.5 if cue else 0.3,
                    f"mogelijk {LABELS.get(kind, 'bijzonder persoonsgegeven')} ({kind}{why}); ter beoordeling"
                    + ("" if cue else NO_CUE),
                    ground=GROUNDS.get(kind, GROUND_SPECIAL),
                )
            )
        return out


def clause_candidates(text: str, flat: str, hits: list[tuple[int, int, str]],
                      accepted: list[tuple[int, int, str]]) -> list[tuple[int, int, int, list[str]]]:
    """(start, end, sentence number, features) of every clause of ``text`` for the clause model
    (``flat``: the text with soft line breaks as spaces; ``hits``: the listed terms found,
    ``accepted``: those that made a statement). Training (training/train_clausemodel.py) reads
    the annotated sets through this function."""
    found = clausemodel.clauses(flat, text)
    out = []
    cue_of: dict[int, bool] = {}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for a, b, n in found:
        first.setdefault(n, a)
        last[n] = b
    ok = set(accepted)
    h = 0
    for a, b, n in found:
        if n not in cue_of:
            cue_of[n] = _has_cue(flat, first[n], last[n])
        while h < len(hits) and hits[h][1] <= a:
            h += 1
        inside = [x for x in hits[h : h + 8] if x[0] < b and x[1] > a]
        kinds = {k if x in ok else "-" + k for x in inside for k in (x[2],)}
        kinds.update("~" + k for k in _inner_terms(flat, a, b))
        cell = text[max(0, first[n] - 1) : first[n]] == "\t" or text[max(0, first[n] - 3) : first[n]] == "   "
        out.append((a, b, n, clausemodel.features(flat[a:b], frozenset(kinds), cue_of[n], cell)))
    return clausemodel.with_context(out)


# The plain stems of the listed terms (five letters or more), found inside a compound as its
# tail ('thuis|dialyse', 'pinkster|christenen', 'slaap|medicatie'): evidence for the clause model.
_PLAIN = {t: k for k, alts in TERMS.items() for t in alternatives(alts) if t.isalpha() and len(t) >= 5}
_INNER = LazyPattern(r"(?<=[a-zà-ÿ]{3})(?:" + "|".join(sorted(_PLAIN, key=len, reverse=True)) + ")")
_LONG_WORD = re.compile(r"[a-zà-ÿ]{8,}")


def _inner_terms(flat: str, a: int, b: int) -> set[str]:
    """Kinds of the listed stems that end a compound word of [a, b) (not at its start: that is
    a listed term itself)."""
    out = set()
    for w in _LONG_WORD.findall(flat[a:b].lower()):
        kind = _inner_kind(w)
        if kind is not None:
            out.add(kind)
    return out


@lru_cache(maxsize=1 << 16)
def _inner_kind(word: str) -> str | None:
    """The kind of the listed stem that ends the compound ``word``, if any (cached: words repeat
    across clauses and documents)."""
    m = _INNER.search(word)
    return None if m is None else _PLAIN[m.group()]


def learned_clauses(text: str, flat: str, hits: list[tuple[int, int, str]], accepted: list[tuple[int, int, str]],
                    found: list[tuple[int, int, str, bool, str]], model: clausemodel.Model
                    ) -> list[tuple[int, int, str, bool, str]]:
    """Clauses the model reads as a statement of a kind: from ``model.high`` on their own, from
    ``model.low`` next to a statement found by its terms or by the model in the same sentence
    (the statement goes on: 'U heeft daarnaast hartfalen, | waardoor u snel vermoeid bent').
    Proper names inside a clause stay out of it (an organisation, a place, a person: their own
    findings decide them)."""
    cands = clause_candidates(text, flat, hits, accepted)
    if not cands:
        return []
    scored = []
    for a, b, n, feats in cands:
        kind, p = clausemodel.predict(model, feats)
        scored.append((a, b, n, kind, p, feats, "person" in feats))
    taken = [p >= model.high and b - a <= clausemodel.MAX_CHARS for a, b, _, _, p, _, _ in scored]
    stated = sorted((s, e) for s, e, *_ in found)
    changed = True
    while changed:  # grow statements clause by clause within their sentence
        changed = False
        for i, (a, b, n, _, p, _, _) in enumerate(scored):
            if taken[i] or p < model.low or b - a > clausemodel.MAX_CHARS:
                continue
            near = any(taken[j] and scored[j][2] == n for j in (i - 1, i + 1) if 0 <= j < len(scored))
            near = near or any(s < b + 3 and e > a - 3 for s, e in stated)
            if near:
                taken[i] = changed = True
    out = []
    for i, (a, b, _, kind, p, feats, cue) in enumerate(scored):
        if not taken[i]:
            continue
        cue = cue or p >= clausemodel.ALONE  # the model sure without a person word in the sentence
        why = clausemodel.strongest(model, feats, kind)
        reason = f"; zinsdeelbeslisser, kans {p:.2f}: {clausemodel.evidence(why)}"
        lead = clausemodel.LEAD_CONJUNCTION.match(flat, a, b)
        if lead is not None:  # 'dat | zij door haar longziekte ...': the conjunction is no part of it
            a = lead.end()
        for x, y in _without_names(flat, _after_leading_names(flat, a, b), b):
            out.append((x, y, kind, cue, reason))
    return out


_NAME_RUN = re.compile(r"(?<![\w.'’-])[A-ZÀ-Ý][\w'’.&-]*(?:[ \t]+(?:[A-ZÀ-Ý][\w'’.&-]*|van|de|der|den|het))*")


def _without_names(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) less its proper names ('via Lab Rijnstate', 'in Joure', 'van Argonaut Advies'): the
    parts between them that still hold a word. A capitalised ordinary word (a sentence's first
    word), a person word and an abbreviation of up to five capitals ('MS', 'COPD') are no name."""
    parts = []
    start = a
    for m in _NAME_RUN.finditer(text, a, b):
        words = m.group().split()
        if all(lexicon.is_common(w.rstrip(".")) or PERSONAL.fullmatch(w) or (w.isupper() and len(w) <= 5)
               or w in ("van", "de", "der", "den", "het") for w in words):
            continue
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, b))
    out = []
    for x, y in parts:
        x, y = _strip(text, x, y)
        while y > x and text[y - 1] in " \t(-":
            y -= 1
        if y - x >= clausemodel.MIN_CHARS and re.search(r"[a-zà-ÿ]{3}", text[x:y]):
            out.append((x, y))
    return out


_LEAD_WORD = re.compile(r"[\w'’.-]+")


def _after_leading_names(text: str, a: int, b: int) -> int:
    """Start of the clause [a, b) after the names that open it ('Mijn vrouw Hennie | heeft MS'):
    a person is found by the person pipeline, a statement holding it would be cut there."""
    start = a
    for w in _LEAD_WORD.finditer(text, a, b):
        word = w.group()
        if word[:1].isupper() and not PERSONAL.fullmatch(word) and not lexicon.is_common(word.rstrip(".")):
            start = w.end()
        elif not (PERSONAL.fullmatch(word) or word.lower() in ("de", "het", "een", "van", "der", "den")):
            break
    while start < b and text[start] in " \t,":
        start += 1
    return start


def reclassify(text: str, finding: Finding, person_spans: Starts) -> Finding | None:
    """A statement starts after a person named at its start ('Geertje is ... met
    zwangerschapsverlof': the name is the person's own finding). A statement without a pronoun
    counts when a person is named in its sentence; otherwise it is dropped."""
    finding = _after_names(text, finding, person_spans)
    if not finding.reason.endswith(NO_CUE):
        return finding
    lo = max(0, finding.start - 250)
    s0 = lo + _sentence_start(_soften(text[lo : finding.end]), finding.start - lo)
    ls = text.rfind("\n", lo, finding.start) + 1 or lo
    if "\t" in text[ls : finding.start]:
        s0 = min(s0, ls)  # a register row: the person named in another cell of the row
    if not person_spans.between(s0, finding.end):
        return None
    return Finding(finding.start, finding.end, finding.text, finding.category, "redact", finding.ground,
                   0.5, finding.recognizer, finding.reason[: -len(NO_CUE)])


MAX_SENTENCE = 250
"""A statement grows to its whole sentence only in a sentence up to this long: a longer one
(a sentence without full stops, a run-on list) says more than the one statement."""
_WINDOW = MAX_SENTENCE + 50
# A clause addressed to the reader ('melder heeft COPD, | graag eerst bellen'): a handling note,
# where a statement stops growing (data/cues/special_reader_requests.txt).
_REQUEST_WORD = re.compile(r"[ \t]*(?i:" + lexicon.cue_alternation("special_reader_requests.txt") + r")(?!\w)")
_REQUEST = re.compile(r"[,;:(]" + _REQUEST_WORD.pattern)
_STOP_WORD = re.compile(r"[^\s,;:()\"“”„‘’]+")
# A capitalised run (up to four words) holding a care word: a hospital's or clinic's name.
_CARE_NAME = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]*[ \t]+){0,3}?(?i:" + lexicon.cue_alternation("care_facility_words.txt")
                        + r")\b")


def _stops(word: str, first: bool) -> bool:
    """A word a statement does not grow over: a proper name (a capitalised word other than a
    person word, or than an ordinary word opening the sentence (``first``); an abbreviation),
    an e-mail address or a code with digits ('DVD-SCH-2025-0466', '06-12345678')."""
    w = word.strip(".!?'")
    if not w:
        return False
    if w[:1].isupper():
        if w.isupper() and len(w) > 1:
            return True
        return not (PERSONAL.fullmatch(w) or first and lexicon.is_common(w))
    if "@" in w:
        return True
    digits = sum(c.isdigit() for c in w)
    # (one letter among digits is OCR's 'l' or 'O' in a number, '2e' an ordinal)
    return digits >= 5 or (digits > 0 and sum(c.isalpha() for c in w) >= 2 and not w.endswith(("ste", "de")))
_EDGE = " \t\n\r\f,;:()-"


def whole_sentence(text: str, finding: Finding, found: Starts) -> Finding:
    """``finding`` grown to the sentence (or table cell) that holds it: gold marks the whole
    statement ('Zij heeft sinds januari overal jeuk | en wondjes', 'Zij is in paniek | en heeft
    hartproblemen', 'ernstige angststoornis, | advies jeugdarts GGD'), while terms and clauses
    find its parts; a part that says nothing special on its own still says it of this person.
    The sentence is split as the clause model splits it (clausemodel.sentences); the statement
    stops at the findings around it (a person, public or not, an address, a number: their own
    findings decide them) and grows only in a sentence of at most ``MAX_SENTENCE`` characters."""
    lo = max(0, finding.start - _WINDOW)
    hi = min(len(text), finding.end + _WINDOW)
    window = text[lo:hi]
    flat = _soften(window)
    a = finding.start - lo
    sentence = next(((s, e) for s, e in clausemodel.sentences(flat, window) if s <= a < e), None)
    if sentence is None:
        return finding
    s0, e0 = sentence[0] + lo, sentence[1] + lo
    if e0 - s0 > MAX_SENTENCE or (s0 == lo and lo > 0) or (e0 == hi and hi < len(text)) \
            or finding.end > e0:
        return finding  # a long sentence, or one the window cuts
    start, end = s0, e0
    for x, y in found.spans_between(s0 - _WINDOW, e0):
        if y <= s0 or (x >= finding.start and y <= finding.end):
            continue
        if y <= finding.start:
            start = max(start, y)
        elif x >= finding.end:
            end = min(end, x)
        else:  # a finding across the statement's own edge: that edge stays
            if x < finding.start:
                start = max(start, finding.start)
            if y > finding.end:
                end = min(end, finding.end)
    # nor over a proper name or a code: 'Kim van de GGD heeft ...', 'een inwoner van Wormerveer',
    # 'een schadeclaim (DVD-SCH-2025-0466)': a place, an organisation or a number is no part of
    # the statement about the person (gold keeps them public) and has its own finding if any
    request = _REQUEST.search(text, finding.end, end)
    if request is not None:
        end = request.start()
    asked = [m.end() for m in _REQUEST.finditer(text, start, finding.start)]
    if _REQUEST_WORD.match(text, start):
        asked.insert(0, start)
    for r in asked:  # ('graag eerst bellen, | melder heeft COPD')
        nxt = text.find(",", r, finding.start)
        if nxt != -1:
            start = max(start, nxt + 1)
    opening = _STOP_WORD.search(text, s0, e0)  # the sentence's first word
    for w in _STOP_WORD.finditer(text, start, finding.start):
        if _stops(w.group(), opening is not None and w.start() == opening.start()):
            start = w.end()
    for w in _STOP_WORD.finditer(text, finding.end, end):
        if _stops(w.group(), False):
            care = _CARE_NAME.match(text, w.start())
            if care is not None and care.end() <= end:
                continue  # 'opgenomen in het Spaarne Gasthuis': where a person is treated
            end = w.start()
            break
    while start < finding.start and text[start] in _EDGE:
        start += 1
    while end > finding.end and text[end - 1] in _EDGE + ".!?":
        end -= 1
    start, end = min(start, finding.start), max(end, finding.end)
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, text[start:end], finding.category, finding.action, finding.ground,
                   finding.score, finding.recognizer, finding.reason)


def _after_names(text: str, finding: Finding, person_spans: Starts) -> Finding:
    """``finding`` starting after the persons named before its first term."""
    spans = person_spans.spans_between(finding.start, finding.end)
    if not spans:
        return finding
    low = text[finding.start : finding.end].lower()
    first = next(iter(_term_matches(low)), None) if len(low) == finding.end - finding.start else None
    term_at = finding.start + (first.start() if first is not None else 0)
    start = finding.start
    for _, b in spans:
        if b <= term_at:
            start = max(start, b)
    if start == finding.start:
        return finding
    while start < finding.end and text[start] in " \t\n,;:)":
        start += 1
    if finding.end - start < 3:
        return finding
    return Finding(start, finding.end, text[start : finding.end], finding.category, finding.action,
                   finding.ground, finding.score, finding.recognizer, finding.reason)


_ABBREV = frozenset("dhr mw mevr dr mr ir drs prof nr bijv o.a ca vs st jr sr".split())


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (at most 200 back): the last '. ' or line break,
    not counting the full stop of an initial or a title ('de vader, R. Boudewijns, is ...')."""
    floor = max(0, pos - 200)
    nl = text.rfind("\n", floor, pos) + 1
    lo = max(nl, floor)
    i = text.rfind(". ", lo, pos)
    while i > lo:
        j = i
        while j > lo and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        word = text[j:i]
        if not (len(word) == 1 and word.isupper() or word.lower() in _ABBREV
                or (len(word) >= 3 and word[1] == "." and word[0].isupper())):
            return i + 1
        i = text.rfind(". ", lo, j)
    return lo


def _sentence_end(text: str, pos: int) -> int:
    """End of the sentence holding ``pos`` (at most 200 on): a full stop, question or exclamation
    mark before a space (also after a closing quote: 'was ik ziek." Op vraag ...'), a line break or
    a semicolon."""
    m = _END.search(text, pos, min(pos + 200, len(text)))
    return m.start() if m is not None else min(pos + 200, len(text))


_END = re.compile(r"[.!?][\"”’')]*(?=\s|$)|\n|;")
