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

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import GROUND_SPECIAL, Recognizer, Starts
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
PERSONAL = re.compile(r"\b(?:" + "|".join(lexicon.cue_lines("special_person_cues.txt")) + r")\b", re.IGNORECASE)
# Words after which the statement about the person starts ('ik ben | slechtziend ...').
ANCHOR = re.compile(
    r"\b(?:ben|is|bent|was|waren|zijn|heeft|heb|hebt|had|hadden|wordt|werd|overleed aan|overleden aan|"
    r"leed aan|lijdt aan|omdat (?:hij|zij|ik|ze)|aan dat (?:hij|zij|ze)|dat (?:hij|zij|ze))\s+",
    re.IGNORECASE,
)
NO_CUE = " [geen persoon in de zin]"
LEFT_ADJ = re.compile(
    r"(?:(?:door|met|vanwege|wegens|voor)\s+)?(?:(?:een|de|het|haar|zijn|mijn|uw)\s+)?(?:\w+e\s+)?$", re.IGNORECASE
)
# Diagnoses named by their head noun ('paniekstoornis', 'hartaandoening', 'darmontsteking',
# 'longkanker', 'hersenletsel'): any word ending in one, besides the stems above. Speed: each
# head noun is found with str.find (C speed) and the word start is walked back to.
HEAD_NOUNS = ("stoornis", "aandoening", "ontsteking", "kanker", "letsel", "syndroom", "infectie", "ziekte",
              "allergie", "fractuur")


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
FACILITY_TAIL = re.compile(
    r"(?:parkeer\w*|kaart|kaarten|plaats|plaatsen|vergunning|toilet|toiletten|loket|beleid|organisatie|"
    r"organisaties|vereniging|sector|voorziening|voorzieningen|vervoer|cijfers|percentage|regeling|fonds|"
    r"instelling|instellingen|afdeling|raad|platform|koepel|toegankelijk\w*|vriendelijk\w*|budget|"
    r"campagne|week|lift|ingang|ingangen|zorgaanbieder\w*|wet|wetgeving)$"
)
# A work named in quotes after it is a title, not a statement ('het rapport "Blind voor ...").
_TITLED_WORK = re.compile(
    r"(?i:\b(?:rapport|nota|notitie|advies|onderzoek|boek|titel|campagne|project|programma|artikel|film|"
    r"documentaire|serie|brochure|visie|plan|publicatie|evaluatie|verslag)\w*)[ \t]*$"
)
ORIGINS = lexicon.cue_words("origins.txt")
_NEGATED = re.compile(r"(?i:\bgeen)\s+(?:(?:nieuwe|andere|verdere|extra)\s+)?$")
# A health word said of a tree, plant or animal ('twee van de zeven lindes ziek zijn'): not a person.
_NONHUMAN_BEFORE = re.compile(
    r"(?i:\b(?:bomen|boom|lindes?|linden|eiken|eik|iepen?|kastanjes?|beuken?|platanen?|essen|populieren|"
    r"wilgen|planten|plant|struiken|gewas|gewassen|dieren|dier|vee|koeien|kippen|varkens|paarden|schapen|"
    r"geiten|honden|katten|vissen|bijen|vogels)\b)[^.;\n]{0,30}$"
)
# A health word said of a group in general ('toegankelijk voor reizigers met een rolstoel of
# rollator'), unless the group is counted ('twee reizigers met ...': identifiable).
_GROUP_WITH = re.compile(
    r"(?i:(?<!één )(?<!een )(?<!twee )(?<!drie )(?<!vier )(?<!vijf )\b(?:reizigers|mensen|personen|inwoners|"
    r"ouderen|kinderen|jongeren|passagiers|bezoekers|gebruikers|burgers|weggebruikers|voetgangers|studenten|"
    r"leerlingen|cliënten|patiënten)\s+met\s+(?:een\s+|hun\s+|de\s+)?(?:[a-zà-ÿ]+\s+(?:of|en)\s+)?)$"
)
ORIGIN_BEFORE = re.compile(r"(?i:\b(?:ik|hij|zij|ze)(?: ben| is)?) $")
NOT_ABOUT = re.compile(r"^(?:ziekenhuis|ziekenhuizen|ziekte(?:kosten|verzekering|verlof)?wet|"
                       r"ziektekosten|zorgverzeker|huisartsenpost|operationeel|operaties?$)", re.IGNORECASE)


class SpecialCategoryRecognizer(Recognizer):
    NAME = "special_category"
    ENTITIES = ("SPECIAL_CATEGORY",)
    CATEGORY = "special_category"
    GROUND = GROUND_SPECIAL
    PATTERNS = (TERM_RE.pattern,)

    def analyze(self, text: str) -> list[Finding]:
        out: list[Finding] = []
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
        for m_start, m_end, kind in hits:
            word = text[m_start:m_end]
            if NOT_ABOUT.match(word) or word[:1].isupper() and word[1:2].islower() \
                    and word.lower().startswith("christen"):
                continue
            if len(word) > 8 and FACILITY_TAIL.search(word.lower()):
                continue
            if word[:1].isupper() and m_start and text[m_start - 1] in "\"“„‘'" \
                    and _TITLED_WORK.search(text, max(0, m_start - 40), m_start - 1):
                continue  # 'rapport "Blind voor mens en recht"': the opening word of a quoted title
            if _NEGATED.search(text, max(0, m_start - 20), m_start):
                continue  # 'er zijn geen nieuwe besmettingen gevonden': nobody has it
            if kind == "etniciteit" and word.lower() in ORIGINS and not ORIGIN_BEFORE.search(
                    text, max(0, m_start - 12), m_start):
                continue  # 'Marokkaanse jongeren', 'Turkse ondernemers': a group, not a person
            s0 = _sentence_start(text, m_start)
            if kind == "gezondheid" and _NONHUMAN_BEFORE.search(text, max(s0, m_start - 45), m_start):
                continue  # 'de lindes ziek zijn': about trees or animals
            if kind == "gezondheid" and _GROUP_WITH.search(text, max(s0, m_start - 60), m_start):
                continue
            e0 = _sentence_end(text, m_end)
            cue = bool(PERSONAL.search(text[s0:e0]))
            start = m_start
            for a in ANCHOR.finditer(text, max(s0, m_start - 40), m_start):
                start = a.end()
            if start == m_start:
                adj = LEFT_ADJ.search(text, max(s0, m_start - 30), m_start)
                if adj:
                    start = adj.start()
            end = _clause_end(text, m_end, e0)
            if out and out[-1].end >= start:  # one statement, one finding
                prev = out.pop()
                start, end = prev.start, max(prev.end, end)
            out.append(
                self.finding(
                    text, start, end, 0.5 if cue else 0.3,
                    f"mogelijk bijzonder persoonsgegeven ({kind}); ter beoordeling"
                    + ("" if cue else NO_CUE),
                )
            )
        return out


def reclassify(text: str, finding: Finding, person_spans: Starts) -> Finding | None:
    """A statement without a pronoun counts when a person is named in its sentence
    ('Geertje is vanaf volgende maand met zwangerschapsverlof'); otherwise it is dropped."""
    if not finding.reason.endswith(NO_CUE):
        return finding
    s0 = _sentence_start(text, finding.start)
    if not person_spans.between(s0, finding.end):
        return None
    return Finding(finding.start, finding.end, finding.text, finding.category, "redact", finding.ground,
                   0.5, finding.recognizer, finding.reason[: -len(NO_CUE)])


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
    best = min(pos + 200, len(text))
    for ch in (". ", ".\n", "\n", "? ", "! ", ";"):
        i = text.find(ch, pos, best)
        if i != -1:
            best = i
    if best == len(text) - 1 and text.endswith("."):
        return best
    return best


def _clause_end(text: str, pos: int, sentence_end: int) -> int:
    """End of the statement: the sentence end, or earlier at a comma or bracket, at most 45
    characters on (a finding should not swallow the next person or party)."""
    end = min(sentence_end, pos + 45)
    for ch in (",", "(", ")", ":"):
        i = text.find(ch, pos, end)
        if i != -1:
            end = i
    while end > pos and text[end - 1] in " \t":
        end -= 1
    if end < sentence_end and end == pos + 45:
        sp = text.rfind(" ", pos, end)
        end = sp if sp > pos else end
    return end
