"""Person names: context + Dutch name structure + name lists + (optional) statistical model.

Lists alone find about 60% of names in running text, so context does most of the work: header
lines (Van/Aan/CC, Aanwezig), "Inlichtingen bij", salutations and closings, chat exports and
titles (see ``wooflow.detect.personcues``). Capitalised ordinary words ('Groot', 'Helder') need
context before they count. Public office holders are judged here too (action keep) so the
pipeline can propagate them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from wooflow.detect import lexicon, publicrole, resolver
from wooflow.detect.chunkshape import (
    _COMMON_FIRST_NAME,
    _NAME_WORD,
    _PLAIN_WORD,
    _chunk_shape,
    _word_kind,
)
from wooflow.detect.namemodel import Reading
from wooflow.detect.names import CAP, CHUNK_RE, SP, TV_LOW, NameParts, parse, tokens_of
from wooflow.detect.personcues import (
    _EMAIL_ANGLE,
    ACRONYM_ITEM,
    ATTENDANCE_LINE,
    CHAT_HANDLE,
    CHAT_NAMED,
    CHAT_SPEAKER,
    CLOSING,
    COORD,
    HEADER_WORDS,
    INIT_ONLY,
    INVERTED_TAIL,
    PERSON_NOUN,
    PREP_BEFORE,
    PREV_WORD,
    ROLE_TOKENS,
    SIGNOFF_INITIALS,
    STRIP_WORDS,
    TV_WORDS_LOWER,
    _bad_word,
    _context,
    _direct_label,
    _in_parentheses,
    _in_place_name,
    _orgish,
    _sentence_start,
    firm_after,
    title_before,
)
from wooflow.detect.recognizers.base import GROUND_PRIVACY, Recognizer
from wooflow.detect.textutil import line_start
from wooflow.model import Finding

_LABEL_NUMBER = re.compile(r"[ \t]+\d{1,3}(?![\d.,:/-]\d)\b")
_GIVEN_IN_BRACKETS = re.compile(rf"{SP}?\(({CAP})\)")
_FOREIGN_LETTER = re.compile(r"[ıİşŞğĞłŁřŘćĆčČžŽšŠőŐńŃęĘąĄėĖțȚșȘżŻźŹăĂçÇ]")
# After an inverted name in a table or header: a column gap, a tab or the line end.
_COLUMN_END = re.compile(r"[ \t]*(?:\r?\n|$)|[ \t]{2,}|\t")
_RESIDENT_BEFORE = re.compile(r"\b(?:buurt|wijk|om)?(?:bewoners?|inwoners?)[ \t]+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s{1,3}([A-Z][a-z]{3,}[\w-]*)")
_MORE_NAME = re.compile(rf"(?:{SP}+{TV_LOW})*{SP}+{CAP}")
# Between two items of a list of names: a comma, after a remark in brackets on the item before.
_LIST_GAP = re.compile(r"[ \t]*(?:\n?[ \t]*\([^()\n]{1,60}\)[ \t]*)?,[ \t]*")
_NUMBER_AFTER = re.compile(r"[ \t]*\d")


@dataclass(slots=True)
class Mention:
    """A person-name mention with what the pipeline needs for case-wide consistency."""

    start: int
    end: int
    text: str
    score: float
    reason: str
    parts: NameParts
    public: str | None = None  # reason when kept for a public role
    strong: bool = False  # good enough to propagate to other mentions
    recognizer: str = "person"
    resolved: float | None = None  # the resolver's probability that this is a person

    def to_finding(self) -> Finding:
        keep = self.public is not None
        return Finding(
            start=self.start, end=self.end, text=self.text, category="person",
            action="keep" if keep else "redact", ground=None if keep else GROUND_PRIVACY,
            score=max(0.0, min(1.0, self.score)), recognizer=self.recognizer,
            reason=self.public if self.public is not None else self.reason,
        )


def _affiliation(text: str, s: int, e: int, starts: list[int], by_start: list[Mention]) -> bool:
    """A span of two or more words in brackets right after a rule's name mention: the person's
    unit or organisation ('Hakkert, Nienke (BenU Areaalbeheer)'), not a second name (a called
    name in brackets is one word: 'A.C.M. (Ad) Verhoeven')."""
    if text[s - 1 : s] != "(" or text[e : e + 1] != ")":
        return False
    end = s - 1
    while end > 0 and end > s - 4 and text[end - 1] in " \t":
        end -= 1
    i = bisect.bisect_right(starts, end) - 1
    return i >= 0 and by_start[i].end == end


def _name_extension(words: list[str]) -> bool:
    """Words the model adds to a rule mention that can be part of the name: capitalised words
    that are no ordinary word, or a tussenvoegsel and the capitalised word after it ('Sanne'
    -> 'Sanne de Wit', where 'Wit' is also an ordinary word)."""
    after_tv = False
    for w in words:
        if w in TV_WORDS_LOWER:
            after_tv = True
            continue
        if not w[:1].isupper() or (lexicon.is_common(w) and not after_tv) or _institution_word(w) \
                or (after_tv and len(w) > 8 and (lexicon.is_wordlike(w) or _orgish(w)) and not lexicon.is_surname(w)):
            return False  # ('Anke' -> 'Anke van Natuurmonumenten', 'van VluchtelingenWerk': 'van' before a body)
        after_tv = False
    return bool(words)


def _not_name_words(text: str, spans: list[tuple[int, int]], reading: Reading) -> bool:
    """True when every word of a rule mention outside the model's span is positively no name
    by the model's reading and the name lists: the model gives it a low person probability
    and no first-name or surname list holds it ('De Braziliaan', 'Trendwatcher', 'van de
    Fortis', 'van Sint-Niklaas'); lower-case words pass. Never across a comma ('Haddou, B.'),
    never an initial, never a tussenvoegsel right before the name ('Ten Brinke') or before a
    listed surname ('P. van der Berg'); after the name only a phrase that starts with a
    tussenvoegsel ('van de Kindertelefoon'), never a capitalised word ('Oude Elferink-Bosch')."""
    for k, (a, b) in enumerate(spans):
        rest = text[a:b]
        if "," in rest:
            return False
        words = rest.split()
        if words and k == 0 and words[-1].lower() in TV_WORDS_LOWER:
            return False  # 'Ten Brinke', 'Van der Wal': a tussenvoegsel before the name is the name's
        if words and k == 1 and words[0] not in TV_WORDS_LOWER:
            return False  # after the name only a phrase 'van de Kindertelefoon' goes ('Oude Elferink-Bosch' stays)
        if any(len(w.strip(".;:()'\"")) == 1 for w in words):
            return False  # an initial of any script ('Ñ. Quispe Huamán')
        for i, x in enumerate(words):
            if x in TV_WORDS_LOWER:
                nxt = next((y for y in words[i + 1:] if y not in TV_WORDS_LOWER), "").strip(".;:()'\"")
                if nxt[:1].isupper() and lexicon.is_surname(nxt):
                    return False  # 'P. van der Berg': a tussenvoegsel and a surname are the rest of a name
        for start, end, p, _ in reading.inside(a, b):
            w = text[start:end].strip(".;:()'\"")
            if not w or w[:1].islower() or w.lower() in TV_WORDS_LOWER:
                continue
            listed = lexicon.is_first_name(w) or lexicon.is_surname(w)
            if p >= OUTSIDE_MAX or "." in text[start:end] or (listed and p >= OUTSIDE_LISTED_MAX):
                return False
    return True


# A model probability at which a person span needs no list evidence (names of any origin).
MODEL_SURE = 0.9
# Words of a rule mention outside the model's span below this person probability are no name.
OUTSIDE_MAX = 0.3
_INITIALS_ONLY = re.compile(r"^(?:[A-Z][a-z]?\.?\s?)+$")
# ... and a word on a name list only when the model is nearly certain ('Fransman', 'Kapitein' and
# 'Brit' are on name lists too).
OUTSIDE_LISTED_MAX = 0.1
# Reasons of mentions whose only evidence is a name list: the model decides on them.


_WORD_AT = re.compile(r"([^\W\d_][\w'’-]*)(\.?)[ \t]+(?=[A-ZÀ-Þ])")


def _after_leading_role(text: str, s: int, e: int) -> int:
    """Where a model span's name starts once the office, title or salutation words it opens
    with are left off ('Hoogheemraad Schouten' -> 'Schouten', 'Weth. Eelman' -> 'Eelman'): the
    words the rules strip from a chunk (``STRIP_WORDS``, data) are context, not name, when a
    capitalised word follows them. A span that is only such a word before a name ('Weth' of
    'Weth. Eelman') is left empty (returns ``e``)."""
    while s < e:
        m = _WORD_AT.match(text, s)
        if not m:
            break
        word = m.group(1).lower()
        if word not in STRIP_WORDS and word + m.group(2) not in STRIP_WORDS:
            break
        if m.group(2) and word + "." not in STRIP_WORDS:
            break  # 'Mr.' is a title with its dot, but 'Koning.' ends a sentence
        s = m.end()
    return s


@lru_cache(maxsize=1)
def _model() -> object | None:
    """The statistical name model if a colleague's module and data are present."""
    try:
        from wooflow.detect.namemodel import PersonNameModel  # type: ignore[import-not-found]

        return PersonNameModel.load()
    except Exception:  # noqa: BLE001 - the model is optional; rules still work without it
        return None


# A facility named before its own name ('zwembad De Kreek', 'restaurant Golden Lotus'); word
# endings, so compounds count too ('eetcafé', 'strandpaviljoen').
_FACILITY_ENDS = lexicon.cue_lines("facility_words.txt")  # data: facilities and shops
_INSTITUTION_HEADS = lexicon.cue_lines("institution_heads.txt")  # data: schools, companies, centres


def _institution_after(text: str, end: int) -> bool:
    """The word right after a name names an institution ('Jan van Egmond Lyceum')."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and _institution_word(nxt.group(1))


def _institution_word(word: str) -> bool:
    """'Onderwijscentrum', 'Transportbedrijf', 'Lyceum': a capitalised word naming an
    institution (not a listed given name or surname)."""
    return word[:1].isupper() and word.isalpha() and word.lower().endswith(_INSTITUTION_HEADS) \
        and not lexicon.is_surname(word) and not lexicon.is_first_name(word)


def _place_adjective(word: str) -> bool:
    """'Veerse' (Veere), 'Goese' (Goes): the adjective of a listed place, which opens the name
    of a water, a structure or a body ('Veerse Meer', 'Veerse Dam'), not a person's name (a
    listed given name or surname of that shape stays a name: 'Driesse', 'Rense')."""
    if len(word) < 5 or not word.endswith("se") or not word[:1].isupper():
        return False
    places = lexicon.places()  # 'Utrecht'+'se', 'Goes'+'e', 'Veere' -> 'Veerse'
    return (word[:-2] in places or word[:-1] in places or word[:-2] + "e" in places) \
        and not lexicon.is_surname(word) and not lexicon.is_first_name(word)


def _facility_word(text: str, space: int) -> bool:
    """The word ending at ``space`` names a facility (str methods only: run for every chunk)."""
    j = text.rfind(" ", max(0, space - 25), space)
    w = text[j + 1 : space].lstrip("(").lower()
    return w.endswith(_FACILITY_ENDS) and w.isalpha()
# 'in Den Haag', 'te Zwolle': a tussenvoegsel-like word after these is part of a place.
_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|te|uit|naar|bij|gemeente)\s+$", re.IGNORECASE)


_LEGAL_FORMS = ("B.V.", "N.V.", "C.V.", "V.O.F.")
_VAN_TAIL = re.compile(r"[ \t]+van[ \t]+(?=\S)")


@lru_cache(maxsize=1)
def _firm_after_any_case() -> re.Pattern[str]:
    return re.compile(firm_after().pattern, re.IGNORECASE)


def _without_firm_after_van(text: str, m: Mention) -> Mention:
    """'mr. S.A. Nijhuis van Nysingh advocaten', 'Joost van DGMo': a lower-case 'van' after a
    whole name, followed by a firm ('... & Kwakman Advocaten', '... advocaten') or a body's
    abbreviation, is 'of': the name ends before it, the firm is not part of it."""
    if m.public is not None or " van " not in m.text:
        return m
    cuts = [c for c in _VAN_TAIL.finditer(m.text) if c.start() > 0]
    if not cuts:
        return m
    cut = cuts[0]
    head, tail = m.text[: cut.start()], m.text[cut.end():]
    if "," in head or not tail[:1].isupper():
        return m  # 'Wijngaarden, A. van (Annemieke)': an inverted name's own 'van'
    head_parts = parse(tokens_of(head), lexicon.first_names())
    whole = bool(head_parts.surname and (head_parts.first or head_parts.initials))
    words = tail.split()
    firm = whole and (text[m.end : m.end + 3].lstrip(" \t").startswith("&")
                      or bool(_firm_after_any_case().match(text, m.end)))
    # ('Joost van DGMo': a given name before a body's abbreviation; 'Joost van Dijk' keeps its 'van')
    body = (whole or bool(head_parts.first and not head_parts.surname)) and len(words) == 1 \
        and _orgish(words[0].strip(".,;:()'\"")) and not lexicon.is_surname(words[0].strip(".,;:()'\""))
    if not (firm or body):
        return m
    m.end = m.start + cut.start()
    m.text = head
    m.parts = head_parts
    return m


_DISPLAY_END = re.compile(r"[ \t]*(?:[(<:]|\r?\n|$)")

class PersonRecognizer(Recognizer):
    NAME = "person"
    ENTITIES = ("PERSON",)
    CATEGORY = "person"
    PATTERNS = (CHUNK_RE.pattern,)
    CONTEXT = ("inlichtingen bij", "opgesteld door", "contactpersoon", "van:", "aan:", "cc:", "aanwezig")
    MIN_SCORE = 0.5

    def __init__(self, use_model: bool = True) -> None:
        self.use_model = use_model
        self.last_reading: Reading | None = None
        """The model's reading of the last text (the resolver judges propagated mentions with it)."""

    def analyze(self, text: str) -> list[Finding]:
        return [m.to_finding() for m in self.mentions(text)]

    def mentions(self, text: str, original: str | None = None) -> list[Mention]:
        """Person mentions in ``text``; ``original``: the text as written when ``text`` is its
        re-cased shadow (capitals.decap), so the model's extra names are checked as written."""
        self._original = original if original is not None and len(original) == len(text) else text
        out: list[Mention] = (self._chat_speakers(text) + self._acronyms(text) + shortnames.at_mentions(text)
                              + shortnames.tilde_names(text) + shortnames.motion_names(text))
        speakers = sorted((m.start, m.end) for m in out)
        sp_starts = [a for a, _ in speakers]
        rejected: list[tuple[int, str]] = []
        skip_until = -1
        for m in CHUNK_RE.finditer(text):
            if m.start(1) < skip_until:
                continue
            if speakers:
                k = bisect.bisect_right(sp_starts, m.start(1)) - 1
                if k >= 0 and speakers[k][0] <= m.start(1) < speakers[k][1]:
                    continue
            inv = self._inverted(text, m.start(1), m.group(1)) if text.startswith(",", m.end(1)) else None
            if inv is not None:
                out.append(inv)
                skip_until = inv.end
                continue
            chunk = m.group(1)
            if " " not in chunk and self._plain_word(text, m.start(1), chunk):
                continue  # fast path: a lone ordinary word, place or street is never a name
            men = self._judge_chunk(text, m.start(1), chunk)
            if men is not None:
                out.append(men)
            else:
                rejected.append((m.start(1), chunk))
        out += self._coordinated(text, out, rejected)
        self.last_reading = None
        model = _model() if self.use_model else None
        if model is not None:
            # The model reads the whole text; its spans join the candidates and every candidate
            # is decided once, from all its evidence (wooflow/detect/resolver.py).
            try:
                reading = model.read(text)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a broken model must not stop detection
                reading = None
            if reading is not None:
                self.last_reading = reading
                out = resolver.decide(text, self._apply_model(text, out, reading), reading, source="recognizer")
        # ('Boomadvies Van der Voort B.V. Bij vijf bomen ...': a legal form is no initials)
        out = [_without_firm_after_van(text, m) for m in out
               if not (m.parts.initials and m.text.startswith(_LEGAL_FORMS) and m.public is None)]
        out += shortnames.later_short_forms(text, out)
        return out

    def _coordinated(self, text: str, found: list[Mention], rejected: list[tuple[int, str]]) -> list[Mention]:
        """'de mailboxen van Ratna en Budi': a capitalised word listed with a name is a name."""
        if not found or not rejected:
            return []
        ends = sorted((m.end, m.public is None) for m in found)
        end_pos = [e for e, _ in ends]
        starts = sorted((m.start, m.public is None, m.parts.first is not None) for m in found)
        start_pos = [b for b, _, _ in starts]
        out = []
        for start, chunk in rejected:
            if " " in chunk:
                # 'Anneke Feenstra, Hüseyin Demirbaş, G.H. Bergsma': two unlisted name words in a
                # list right after a private person's name are a name too.
                m = self._listed_pair(text, start, chunk, ends, end_pos)
                if m is not None:
                    out.append(m)
                continue
            if _orgish(chunk) or chunk in lexicon.places() or firm_after().match(text, start + len(chunk)):
                continue  # ('R.J. Hoogstraten, Hoogstraten & Peters Advocaten': the firm)
            i = bisect.bisect_right(end_pos, start) - 1
            before = i >= 0 and ends[i][1] and COORD.fullmatch(text[end_pos[i] : start])
            if not before:
                # 'namens Frank en Marit Zonneveld-Bakker': a listed given name before a full name
                # of a private person; an ordinary word ('Frank') counts only in that parallel form.
                j = bisect.bisect_left(start_pos, start + len(chunk))
                after = (j < len(starts) and starts[j][1] and starts[j][2] and lexicon.is_first_name(chunk)
                         and COORD.fullmatch(text[start + len(chunk) : start_pos[j]]))
                if not after:
                    continue
            parts = NameParts(first=chunk if lexicon.is_first_name(chunk) else None, initials=None,
                              surname=None if lexicon.is_first_name(chunk) else chunk, tokens=[chunk])
            out.append(Mention(start, start + len(chunk), chunk, 0.75, "naam in opsomming met een andere naam",
                               parts))
        return out

    @staticmethod
    def _listed_pair(text: str, start: int, chunk: str, ends: list[tuple[int, bool]],
                     end_pos: list[int]) -> Mention | None:
        if not text[max(0, start - 3) : start].rstrip(" \t").endswith(","):
            return None
        words = chunk.split(" ")
        i = bisect.bisect_right(end_pos, start) - 1
        # (the name before may carry its role in brackets: 'Fenna Stolwijk (beleidsadviseur
        # toegankelijkheid), Milan Doornhof (verslag)', where the list item is the whole pair)
        if not (i >= 0 and ends[i][1] and _LIST_GAP.fullmatch(text, end_pos[i], start)):
            return None
        if any(lexicon.is_wordlike(w) or lexicon.is_common(w) or _orgish(w) or w in lexicon.places() for w in words):
            return None
        if _NUMBER_AFTER.match(text, start + len(chunk)):
            return None  # 'Karel Doormanweg 12': a street and its number
        parts = parse(tokens_of(chunk), lexicon.first_names())
        return Mention(start, start + len(chunk), chunk, 0.75, "naam in opsomming met een andere naam", parts,
                       strong=True)  # a full name: its later surname alone is the same person

    # ------------------------------------------------------------------------------------
    def _judge_chunk(self, text: str, start: int, chunk: str) -> Mention | None:
        shape = _chunk_shape(chunk)
        if shape is None:
            return None
        stripped, caps, toks = shape.stripped, shape.caps, list(shape.toks)
        fn = lexicon.first_names()
        orgs = lexicon.organisation_words()
        places = lexicon.places()
        titled = shape.title_stripped or bool(title_before(text[max(0, start - 40) : start]))
        tv_surname = shape.tv_surname and not _PLACE_PREP_BEFORE.search(text[max(0, start - 15) : start])
        if not titled and not tv_surname and shape.placelike:
            return None  # 'Stichtse Vecht', 'Groningen'; but 'dr. Groenewoud' is a person
        s, e = start + shape.rel_s, start + shape.rel_e
        if e <= s:
            return None
        name = text[s:e]
        parts, has_init, has_tv = shape.parts, shape.has_init, shape.has_tv
        lower_tv_start, role_stripped, title_stripped = shape.lower_tv_start, shape.role_stripped, shape.greeted
        ctx = _context(text, s, e)
        if ctx and ctx.startswith("naam in kopregel") and not _direct_label(text, s) \
                and not re.search(r"[,;/]\s*$", text[max(0, s - 5) : s]):
            # Context after a job title or inside a list says 'a name may follow', not that
            # this word is one: it must look like a name itself.
            name_words = [c for c in caps if (lexicon.is_first_name(c) or lexicon.is_surname(c))
                          and not lexicon.is_common(c)]
            if not (has_init or name_words or (len(caps) >= 2 and not any(lexicon.is_common(c) for c in caps))):
                ctx = None
        if ctx and ctx.startswith("naam in kopregel") and _in_parentheses(text, s) and not title_stripped:
            ctx = None  # '(GGD Hollands Midden)' in an attendance list is an organisation
        if title_stripped and not ctx:
            ctx = f"naam na '{stripped[-1]}'"
        if lower_tv_start and toks[0][0] == "van" and _RESIDENT_BEFORE.search(text, max(0, s - 25), s):
            return None  # 'een bewoner van Baalderveld': residents are of a place or district
        if lower_tv_start and not (title_stripped or title_before(text[max(0, s - 40) : s])
                                   or (publicrole.role_before(text, s)
                                       and not (toks[0][0] == "van" and len(caps) == 1 and not has_init))):
            # ('burgemeester van Rooborst', 'lid van Icomos': after an office a lower-case 'van'
            # is 'of', and the word after it the place or body; a surname writes 'Van')
            # 'de garage van Mila Janga': the tussenvoegsel is a preposition here
            while toks and toks[0][1] == "tv" and toks[0][0][:1].islower():
                toks.pop(0)
            if not toks:  # (the loop above leaves no lower-case tussenvoegsel first)
                return None
            rest = " ".join(t for t, _ in toks)
            return self._judge_chunk(text, s + text[s:e].find(toks[0][0]), rest) if text[s:e].endswith(rest) else None
        if not has_init and not (caps[0] in fn and len(caps) >= 2) and not titled:
            if _in_place_name(text, s, e, name):
                return None  # 'Krimpen aan den IJssel', 'Stichtse Vecht'
            pw = PREV_WORD.search(text, max(0, s - 40), s)
            if pw and pw.group(1).lower() not in STRIP_WORDS and pw.group(1).lower() not in ROLE_TOKENS \
                    and not PERSON_NOUN.search(pw.group(1)) and (_orgish(pw.group(1)) or pw.group(1) in orgs):
                return None  # 'wijkcentrum De Kreek', 'Lokaal Tiel'
        caps_fn, caps_cw, caps_sn = shape.caps_fn, shape.caps_cw, shape.caps_sn
        sent = _sentence_start(text, s) and not stripped
        score, why = 0.0, ""
        if has_init and caps:
            if all(caps_cw) and not any(caps_sn):
                score, why = (0.9, "initialen + achternaam") if ctx else (0.0, "")
            else:
                score, why = 0.95, "initialen + achternaam"
        elif len(caps) >= 2 or has_tv:
            if caps_fn[0] and (not caps_cw[-1] or caps_sn[-1] or has_tv) and (len(caps) >= 2 or not has_tv):
                # ('De Kei', one word after a tussenvoegsel, is a surname or a building's name,
                # not a given name: judged below)
                score, why = 0.92, "voornaam + achternaam"
            elif has_tv and caps_sn[-1] and len(caps) <= 2 and (len(caps) == 1 or caps_fn[0] or not caps_cw[0]):
                score, why = 0.85, "naam met tussenvoegsel"
                if caps_cw[-1] and len(caps) == 1:
                    # 'De Boer', 'De Graaf': also ordinary words; surer mid-sentence
                    score = 0.55 if sent else 0.72
                    if text[max(0, s - 1) : s] in ("“", '"', "‘", "'", "„") and not ctx:
                        return None  # 'Café “De Zon”': a quoted name of a place or thing
            elif not any(caps_cw) and (any(caps_sn) or any(caps_fn) and not (has_tv and len(caps) == 1)):
                score, why = 0.75, "naam (namenlijst)"
            elif len(caps) == 2 and not any(caps_cw) and any(_FOREIGN_LETTER.search(c) for c in caps) \
                    and not any(c in places for c in caps) \
                    and not _PLACE_PREP_BEFORE.search(text, max(0, s - 12), s):
                # 'Gülsen Kılıçaslan', 'Agnieszka Wróblewska-Łęcka': letters no Dutch word has; two
                # such unlisted capitalised words read as given name + surname
                score, why = 0.85, "naam met niet-Nederlandse lettertekens"
                parts = NameParts(first=caps[0], initials=None, surname=caps[1], tokens=list(caps))
        else:
            c = caps[0]
            if caps_fn[0] and not caps_cw[0] and len(c) >= 3:
                score, why = (0.6 if sent else 0.72), "voornaam (namenlijst)"
            elif caps_sn[0] and not caps_cw[0]:
                score, why = (0.45 if sent else 0.62), "achternaam (namenlijst)"
                if PREP_BEFORE.search(text[max(0, s - 20) : s]):
                    score = 0.45  # 'de herinrichting van de Groenestein': a place or thing
        if len(toks) == 1 and not ctx and not titled and not role_stripped and self._label_or_org(text, e):
            return None  # 'Dia 2', 'Beatrix Kinderziekenhuis': a label or part of an organisation
        if not ctx and not titled and not role_stripped and _institution_after(text, e):
            return None  # 'het Jan van Egmond Lyceum': a school or company named after a person
        if not titled and (firm_after().match(text, e)
                                       or firm_after().fullmatch(" " + text[s:e].split()[-1])):
            return None  # 'Van der Linden Advocaten N.V.', 'Hoogstraten & Peters Advocaten': a firm
        if not has_init and not titled and len(caps) >= 2 and caps[0].lower().endswith(_FACILITY_ENDS) \
                and caps[0].isalpha():
            return None  # 'Bakkerij De Smid', 'Vishandel Visser': a shop's own name
        if not has_init and not titled and len(caps) >= 2 and _place_adjective(caps[0]) \
                and not lexicon.is_first_name(caps[1]):
            return None  # 'Veerse Meer', 'Veerse Dam': named after a place (not 'Hulse Jan' of a register)
        if not has_init and not titled and not ctx and start > 1 and text[start - 1] == " " \
                and _facility_word(text, start - 1):
            return None  # 'zwembad De Kreek', 'restaurant Jade Garden': a place's own name
        public = publicrole.judge(text, s, e, parts.first, parts.initials, parts.surname)
        if ctx:
            if score == 0.0 and not public and all(caps_cw) and not any(caps_fn) and not any(caps_sn):
                return None
            score, why = max(score, 0.93), ctx
        if len(toks) == 1 and caps:
            w = caps[0]
            if public and (caps_sn[0] or not caps_fn[0]):  # 'Minister Helder': a surname
                parts = NameParts(first=None, initials=None, surname=w, tokens=[w])
            elif public:  # 'Wethouder Tjeerd': a given name
                parts = NameParts(first=w, initials=None, surname=None, tokens=[w])
            elif parts.first and caps_sn[0]:
                parts = NameParts(first=w, initials=None, surname=w, tokens=[w])
        strong = score >= 0.85 or (ctx is not None)
        if public and score < self.MIN_SCORE:
            if not ctx and all(lexicon.is_wordlike(c) and not caps_sn[i] for i, c in enumerate(caps)):
                return None  # 'minister van Binnenlandse Zaken en Koninkrijksrelaties': a title
            score, why = 0.8, "naam met publieke functie"
        if score < self.MIN_SCORE and not public:
            return None
        return Mention(s, e, name, score, why, parts, public=public, strong=strong or bool(public))

    def _acronyms(self, text: str) -> list[Mention]:
        """Initials used as names in attendance lines ('Aanwezig: JvdB (vz), MK, SdG')."""
        out = []
        orgs = lexicon.organisation_words()
        for line in ATTENDANCE_LINE.finditer(text):
            pos = line.start(1)
            for piece in re.split(r"([,;]| en )", line.group(1)):
                m = ACRONYM_ITEM.fullmatch(piece)
                if m:
                    tok = m.group(1)
                    st = pos + m.start(1)
                    if not (tok in orgs or tok.upper() in orgs or tok in lexicon.parties()):
                        parts = NameParts(first=None, initials=tok, surname=None, tokens=[tok])
                        out.append(Mention(st, st + len(tok), tok, 0.85, "initialen in deelnemerslijst",
                                           parts, strong=True, recognizer="person-acronym"))
                pos += len(piece)
        tail = text.rstrip()
        m = SIGNOFF_INITIALS.search(tail, max(0, len(tail) - 300))
        if m and (not m.group(1).strip() or CLOSING.search(m.group(1))):
            tok = m.group(2)
            if not (tok in orgs or tok in lexicon.parties() or lexicon.is_common(tok)):
                parts = NameParts(first=None, initials=tok, surname=None, tokens=[tok])
                out.append(Mention(m.start(2), m.end(2), tok, 0.85, "initialen als ondertekening",
                                   parts, strong=True, recognizer="person-acronym"))
        return out

    def _chat_speakers(self, text: str) -> list[Mention]:
        """Teams/WhatsApp exports: 'sanne 10:14' or 'Wietse Hiemstra 10:16' alone on a line."""
        out = []
        for m in CHAT_SPEAKER.finditer(text):
            name = m.group(1)
            words = name.split()
            toks = tokens_of(" ".join(w[0].upper() + w[1:] for w in words))
            parts = parse(toks, lexicon.first_names())
            if len(words) == 1 and words[0][0].islower():
                parts = NameParts(first=words[0], initials=None, surname=None, tokens=words)
            out.append(Mention(m.start(1), m.end(1), name, 0.9, "naam van deelnemer in chatbericht", parts,
                               public=publicrole.judge(text, m.start(1), m.end(1), parts.first, parts.initials,
                                                       parts.surname), strong=True))
        if ":" in text:
            for m in CHAT_HANDLE.finditer(text):
                handle = m.group(1).rstrip(".")
                if handle in HEADER_WORDS or lexicon.is_common(handle) and not lexicon.is_first_name(
                        handle.capitalize()):
                    continue
                parts = NameParts(first=handle, initials=None, surname=None, tokens=[handle])
                out.append(Mention(m.start(1), m.start(1) + len(handle), handle, 0.9,
                                   "naam van deelnemer in chatbericht", parts, strong=True))
            for m in CHAT_NAMED.finditer(text):
                name = m.group(1)
                words = name.replace(",", " ").split()
                if not any(w[0].isupper() for w in words) or any(
                        w.lower() in HEADER_WORDS or _orgish(w) for w in words) or all(
                        lexicon.is_common(w) and not lexicon.is_first_name(w) for w in words):
                    continue
                if "," in name:  # 'Achternaam, Voornaam'
                    sur, _, given = name.partition(",")
                    parts = NameParts(first=given.split()[0], initials=None, surname=sur.strip(),
                                      tokens=words)
                else:
                    parts = parse(tokens_of(name), lexicon.first_names())
                out.append(Mention(m.start(1), m.end(1), name, 0.9, "naam van deelnemer in chatbericht",
                                   parts, strong=True))
        return out

    def _inverted(self, text: str, start: int, chunk: str) -> Mention | None:
        """'Kuipers, Sanne' / 'Smit, J.A.' / 'Wit, Thomas de': surname first, as in headers."""
        end = start + len(chunk)
        tail = INVERTED_TAIL.match(text, end)
        if not tail:
            return None
        # 'Vos-van Dam, A.B.': with initials after the comma an ordinary word ('Dam') is a name part.
        init_tail = tail.group(1).strip().endswith(".")
        if " " in chunk.strip() and chunk.split()[0].lower() not in TV_WORDS_LOWER \
                and any((lexicon.is_common(w) and not init_tail) or _orgish(w) for w in chunk.split()):
            return None
        words0 = chunk.split()
        if INIT_ONLY.match(words0[0]) or (lexicon.is_first_name(words0[0]) and not lexicon.is_surname(words0[0])
                                           and words0[0].lower() not in TV_WORDS_LOWER):
            return None  # 'Rudi Kromosoeto, Marlon ...' is a list, not 'Surname, Given'
        given = tail.group(1).strip()
        is_init = given.endswith(".")
        if not is_init and self._list_not_inverted(text, start, tail.end()):
            return None
        first_word = given.split()[0]
        foreign = bool(_FOREIGN_LETTER.search(chunk + given)) and bool(_COLUMN_END.match(text, tail.end()))
        listed = lexicon.is_first_name(first_word) and not lexicon.is_common(first_word)
        if not is_init and not foreign and not listed:
            # ('Szymański, Łukasz' in a register row: letters no Dutch word has, in the header shape)
            if not (lexicon.is_first_name(first_word) and _context(text, start, end)):
                return None
        # a listed given name closing a display name ('Kortenhoeven, Willemijn (Politie DH):',
        # '... <address>', end of line): a place-named surname in the header shape is a surname
        displayed = listed and bool(_DISPLAY_END.match(text, tail.end()))
        place_ok = is_init or bool(tail.group(2)) or displayed or _context(text, start, end) is not None
        # 'Vlieghuis, Marijke <m.vlieghuis@...>': the address repeats the surname, so a surname that
        # looks like a thing ('-huis') is still one.
        after = text[tail.end() : tail.end() + 80]
        mailed = bool(_EMAIL_ANGLE.match(after)) and chunk.split()[-1].lower() in after.partition("@")[0].lower()
        # 'Koning, J. de': surname, initials and a trailing tussenvoegsel is a name by its shape alone
        shaped = init_tail and bool(tail.group(2))
        if not shaped and ((_orgish(chunk.split()[-1]) and not mailed) or (chunk in lexicon.places() and not place_ok)
                           or chunk.lower() in STRIP_WORDS or chunk.lower() in HEADER_WORDS
                           or CLOSING.match(chunk + ",")):
            return None  # ... or a closing formula before the name ('Mvg, Thijs'): the name alone is judged
        e = tail.end()
        called = _GIVEN_IN_BRACKETS.match(text, e) if is_init else None
        if called:  # Outlook 'Vos-van Dam, A.B. (Anne-Bregje)': the given name belongs to the mention
            e = called.end()
        sur = chunk + (" " + tail.group(2) if tail.group(2) else "")
        parts = NameParts(first=called.group(1) if called else None if is_init else first_word,
                          initials=given if is_init else None,
                          surname=(tail.group(2) + " " + chunk) if tail.group(2) else chunk,
                          tokens=text[start:e].split())
        del sur
        public = publicrole.judge(text, start, e, parts.first, parts.initials, parts.surname)
        return Mention(start, e, text[start:e], 0.92, "naam in vorm 'Achternaam, Voornaam'", parts,
                       public=public, strong=True)

    @staticmethod
    def _plain_word(text: str, start: int, word: str) -> bool:
        """Cheap rejections before the full judgement (speed: most chunks are single words).

        Mirrors what ``_judge_chunk`` would decide: ordinary words and compounds, orgs and
        streets never become names; places only after a title ('dr. Groenewoud'); an ordinary
        word that is also a listed given name ('Door', 'De') right after a full stop only with
        context, which a sentence start lacks.
        """
        kind = _word_kind(word)
        if kind == _NAME_WORD:
            return False
        if kind == _PLAIN_WORD:
            return True
        if kind == _COMMON_FIRST_NAME:
            j = start - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            return j >= 0 and text[j] in ".!?"
        return not title_before(text[max(0, start - 40) : start])  # a place

    @staticmethod
    def _label_or_org(text: str, end: int) -> bool:
        """A lone word followed by a small number ('Dia 2', 'Fase 3') or by an organisation
        word ('Beatrix Kinderziekenhuis') is a label or a body, not a person."""
        if _LABEL_NUMBER.match(text, end):
            return True
        nxt = _NEXT_WORD.match(text, end)
        return nxt is not None and _orgish(nxt.group(1)) and not lexicon.is_surname(nxt.group(1))

    @staticmethod
    def _list_not_inverted(text: str, start: int, end: int) -> bool:
        """'burgemeester Snijders, Pieter van der Wal (GGD), Fatma Yilmaz': a comma list of
        names, not 'Achternaam, Voornaam'; an inverted name never spans two list items."""
        if _MORE_NAME.match(text, end):
            return True  # 'Pieter van der Wal': the 'given name' starts the next full name
        ls = line_start(text, start, 300)
        le = text.find("\n", end, end + 300)
        line = text[ls : le if le >= 0 else min(len(text), end + 300)]
        if not (ATTENDANCE_LINE.match(line) or re.search(r"[,;][ \t]*$", text[max(ls, start - 3) : start])):
            return False  # prose: 'Mijn leidinggevende Assen, Marjan van is op de hoogte'
        flat = re.sub(r"\([^()\n]{0,60}\)", "", line)
        # Outlook writes 'Kuipers, Sanne; Smit, J.A.': in an attendance line or enumeration
        # with several commas and no semicolons the commas separate list items.
        return flat.count(",") >= 2 and ";" not in flat

    def _apply_model(self, text: str, mentions: list[Mention], reading: Reading) -> list[Mention]:
        """The model's spans as evidence: a span on a rule mention confirms it and, when the
        model is sure, sets its bounds; a span no rule found becomes a candidate of its own
        (the resolver decides on it like on every other candidate)."""
        by_start = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in by_start]
        extra: list[Mention] = []
        for s0, e, p in reading.spans:
            s = _after_leading_role(text, s0, e)
            if s >= e:
                continue  # 'Weth. Eelman' where the model reads 'Weth': an office before a name
            i = bisect.bisect_right(starts, e) - 1
            hit = None
            while i >= 0 and by_start[i].end > s - 200:
                if by_start[i].start < e and s < by_start[i].end:
                    hit = by_start[i]
                    break
                i -= 1
            if hit is not None:
                if p >= 0.5 and hit.score < 0.85:
                    hit.score = min(0.95, max(hit.score, 0.5 + 0.45 * p))
                    hit.reason += " (bevestigd door namenmodel)"
                if p >= 0.5 and hit.start <= s and e <= hit.end and (hit.start, hit.end) != (s, e) \
                        and not _INITIALS_ONLY.match(text[s:e]) \
                        and _not_name_words(text, [(hit.start, s), (e, hit.end)], reading):
                    # 'De Braziliaan Jean Magalhaes', 'Analist Pol Tansens van de Fortis': the model
                    # bounds the name; the words around it are no name words
                    hit.start, hit.end, hit.text = s, e, text[s:e]
                    hit.parts = parse(tokens_of(hit.text), lexicon.first_names())
                elif p >= 0.5 and s <= hit.start and hit.end <= e and (hit.start, hit.end) != (s, e) \
                        and not re.search(r"\s\s|[\t\n]", text[s:e]) \
                        and _name_extension((text[s : hit.start] + " " + text[hit.end : e]).split()):
                    # 'Stanley B. Prusiner' where the rules saw 'B. Prusiner': the model's span is the name
                    hit.start, hit.end, hit.text = s, e, text[s:e]
                    hit.parts = parse(tokens_of(hit.text), lexicon.first_names())
                    # the role may follow the whole name only: 'Ellen W (burg):'
                    hit.public = hit.public or publicrole.judge(text, s, e, hit.parts.first, hit.parts.initials,
                                                                hit.parts.surname)
                continue
            span = text[s:e]
            if not span[:1].isupper():
                continue
            words = span.split()
            if (len(words) >= 2 and firm_after().fullmatch(" " + words[-1])) or firm_after().match(text, e):
                continue  # 'Peters Advocaten', 'Holthuis B.V.': a firm, as for the rules' mentions
            if len(words) >= 2 and words[0].lower().endswith(_FACILITY_ENDS) and words[0].isalpha():
                continue  # 'Vishandel Visser': a shop's own name, as for the rules' mentions
            if len(words) >= 2 and _place_adjective(words[0]) and not lexicon.is_first_name(words[1]):
                continue  # 'Veerse Meer': named after a place, as for the rules' mentions
            if any(_bad_word(w.strip(".,;:()'\"")) for w in words):
                continue  # 'Oranjeweg', 'Hunebedpad Borger': a street or a neighbourhood, not a name
            if len(words) >= 2 and any(_institution_word(w) or (i and firm_after().fullmatch(" " + w))
                                       for i, w in enumerate(words)):
                continue  # 'Marnix Onderwijscentrum', 'Scholten Recycling B.V.': an organisation's name
            if len(words) >= 2 and _affiliation(text, s, e, starts, by_start):
                continue  # 'Hakkert, Nienke (BenU Areaalbeheer)': the unit after a name, in brackets
            if len(words) == 2 and words[0].endswith(".") and not lexicon.is_surname(words[1]) \
                    and resolver._ordinary(words[1].strip(".,;:()'\"")):
                continue  # 'Ja. Hij', 'X. Mogen': a sentence end read as an initial before an ordinary word
            # initials in capitals ('( PJB )', an author's byline) are candidates like any other:
            # the resolver weighs the model against the capitals (organisations such as 'VNO NCW')
            parts = parse(tokens_of(span), lexicon.first_names())
            public = publicrole.judge(text, s, e, parts.first, parts.initials, parts.surname)
            # Only a full name the model is sure of propagates case-wide: a lone surname read by the
            # model ('Later sprak Eerdmans') takes the status the case gives it (consistency.rejudge).
            extra.append(Mention(s, e, span, 0.85 * p, "naam volgens namenmodel", parts, public=public,
                                 strong=p >= MODEL_SURE and " " in span.strip(), recognizer="person-model"))
        return mentions + extra


# At the end: shortnames imports Mention from this module (a cycle that is safe once Mention exists).
from wooflow.detect import shortnames  # noqa: E402
