"""The context-free half of judging a name chunk: what the chunk itself says.

Split from ``recognizers/person.py`` (which judges a chunk in its context). Everything here
depends on the chunk or word alone, so it is cached: names recur all through a document and a
case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.names import NameParts, parse, tokens_of
from wooflow.detect.personcues import (
    HEADER_WORDS,
    PERSON_NOUN,
    ROLE_TOKENS,
    STREETISH,
    STRIP_WORDS,
    TITLE_WORDS,
    _bad_word,
    _orgish,
)

_DEMONYMS = lexicon.cue_words("demonyms.txt")  # 'de Duitser Jürgen Wallraff': context (data)


def find_token(chunk: str, tok: str, stripped: list[str]) -> int:
    """Offset of ``tok`` in ``chunk`` after the stripped context words."""
    pos = 0
    for w in stripped:
        pos = chunk.find(w, pos) + len(w)
    return chunk.find(tok, pos)


@dataclass(frozen=True, slots=True)
class _Shape:
    """The context-free part of the judgement of one chunk."""

    stripped: tuple[str, ...]  # leading salutations, titles, roles and ordinary words
    toks: tuple[tuple[str, str], ...]  # the remaining name tokens
    caps: tuple[str, ...]
    free: tuple[str, ...]  # capitalised words not protected by a tussenvoegsel
    title_stripped: bool  # a title word ('dhr.', 'mevrouw') was stripped
    tv_surname: bool  # a tussenvoegsel + listed surname (before the context check)
    placelike: bool  # reads as a place unless a title, initials or given name says otherwise
    rel_s: int  # offsets of the remaining tokens inside the chunk
    rel_e: int
    parts: NameParts
    has_init: bool
    has_tv: bool
    lower_tv_start: bool  # starts with a lower-case tussenvoegsel ('van Dijk')
    role_stripped: str  # the last role word stripped ('minister'), or ''
    greeted: bool  # a title or salutation was stripped ('dhr.', 'Beste')
    caps_fn: tuple[bool, ...]  # per capitalised word: listed given name
    caps_cw: tuple[bool, ...]  # ordinary word
    caps_sn: tuple[bool, ...]  # listed surname


@lru_cache(maxsize=16384)
def _chunk_shape(chunk: str) -> _Shape | None:
    """Strip context words from a chunk and reject what can never be a name, from the chunk
    alone (speed: names recur all through a document and a case, so this part is cached)."""
    toks = tokens_of(chunk)
    fn, cw = lexicon.first_names(), lexicon.is_wordlike
    orgs = lexicon.organisation_words()
    stripped: list[str] = []
    # Leading salutations, titles, roles and ordinary words are context, not name.
    while toks and toks[0][1] != "init" and (
        toks[0][0].lower() in STRIP_WORDS or (toks[0][0].lower() in _DEMONYMS and len(toks) > 1)
        # a role noun written as a compound ('Nobelprijswinnaar Stanley B. Prusiner',
        # 'Projectleider Anna de Wit'): its ending names a person's role (person_noun_endings.txt)
        or (len(toks) > 1 and toks[0][1] == "cap" and len(toks[0][0]) > 7 and PERSON_NOUN.search(toks[0][0])
            and toks[0][0] not in fn and not lexicon.is_surname(toks[0][0]))
        or (toks[0][1] == "tv" and toks[0][0][:1].isupper() and len(toks) > 1 and toks[1][1] == "cap"
            and (toks[1][0].lower() in STRIP_WORDS or (cw(toks[1][0]) and not lexicon.is_surname(toks[1][0]))))
        or toks[0][0] in orgs
        or (toks[0][1] == "cap" and cw(toks[0][0]) and toks[0][0] not in fn
            and not lexicon.is_surname(toks[0][0]) and len(toks) > 1)
    ):
        if toks[0][1] == "tv" and len(toks) > 1 and toks[1][1] == "cap" and toks[0][0][0].isupper() \
                and not cw(toks[1][0]) and lexicon.is_surname(toks[1][0]):
            break  # 'De Vries': a capitalised tussenvoegsel starts a surname
        stripped.append(toks.pop(0)[0])
    while len(toks) > 1 and toks[-1][1] == "cap" and toks[-2][1] != "tv" and (
        toks[-1][0] in orgs or (cw(toks[-1][0]) and toks[-1][0] not in fn and not lexicon.is_surname(toks[-1][0]))
    ) and len(toks) > 1:
        toks.pop()
    last = toks[-1][0] if toks else ""
    if len(toks) > 2 and toks[0][1] == "cap" and toks[0][0] in fn and toks[-2][1] == "tv" and toks[-1][1] == "cap" \
            and len(last) > 8 and not lexicon.is_surname(last) \
            and (last in orgs or cw(last) or (_bad_word(last) and sum(k == "cap" for _, k in toks[:-1]) >= 2)):
        # 'Gijs van het Ingenieursbureau', 'Annemiek Rensink van de Terborgseweg': 'van' is 'from'
        # before a body or a street, the name is what stands before it
        toks.pop()
    while toks and toks[-1][1] == "tv":
        toks.pop()
    caps = [t for t, k in toks if k == "cap"]
    if not caps or (len(toks) == 1 and toks[0][0].lower() in HEADER_WORDS):
        return None
    # Words after a tussenvoegsel are surnames even when they look like a place or thing
    # ('van 't Hof', 'Van den Broek'); the others must not be organisation or place words.
    free = [t for i, (t, k) in enumerate(toks)
            if k == "cap" and not (i and toks[i - 1][1] == "tv" and lexicon.is_surname(t))]
    if any(_orgish(c) for c in free) or any(_bad_word(c) for c in caps):
        return None
    places = lexicon.places()
    title_stripped = any(w.lower().rstrip(".") in TITLE_WORDS for w in stripped)
    tv_surname = any(k == "tv" for _, k in toks) and toks[0][0] != "Den" and lexicon.is_surname(caps[-1])
    placelike = (chunk in places or " ".join(w for w, _ in toks) in places or any(
        c in places and not lexicon.is_first_name(c) for c in free)) \
        and not any(k == "init" for _, k in toks) and not (caps[0] in fn and len(caps) >= 2)
    first_tok, last_tok = toks[0][0], toks[-1][0]
    rel_s = find_token(chunk, first_tok, stripped)
    rel_e = chunk.rfind(last_tok) + len(last_tok)
    return _Shape(
        tuple(stripped), tuple(toks), tuple(caps), tuple(free), title_stripped, tv_surname, placelike,
        rel_s, rel_e, parse(toks, fn),
        has_init=any(k == "init" for _, k in toks),
        has_tv=any(k == "tv" for _, k in toks),
        lower_tv_start=toks[0][1] == "tv" and toks[0][0][0].islower(),
        role_stripped=next((w for w in reversed(stripped) if w.lower() in ROLE_TOKENS), ""),
        greeted=any(w.lower().rstrip(".") in _GREETINGS for w in stripped),
        caps_fn=tuple(c in fn for c in caps),
        caps_cw=tuple(cw(c) for c in caps),
        caps_sn=tuple(lexicon.is_surname(c) for c in caps),
    )


_GREETINGS = lexicon.cue_words("greeting_words.txt")  # (data)


_NAME_WORD, _COMMON_FIRST_NAME, _PLAIN_WORD, _PLACE_WORD = range(4)


@lru_cache(maxsize=65536)
def _word_kind(word: str) -> int:
    """What a lone capitalised word is by the lists alone (cached: words recur)."""
    if lexicon.is_surname(word):
        return _NAME_WORD
    if lexicon.is_first_name(word):
        return _COMMON_FIRST_NAME if lexicon.is_common(word) else _NAME_WORD
    if lexicon.is_wordlike(word) or _orgish(word) or (len(word) > 6 and STREETISH.search(word)):
        return _PLAIN_WORD
    return _PLACE_WORD if word in lexicon.places() else _NAME_WORD
