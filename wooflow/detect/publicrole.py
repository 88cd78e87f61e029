"""Public-role judgement: office holders named in their public role stay public (action keep).

Evidence, strongest first: a role word right before the name ("Minister Helder", "het lid
Eerdmans", "motie Omtzigt", "burgemeester Halsema"), a party after it ("Eerdmans (JA21)"), a
role after it ("Helder, minister voor ..."), the signature of a Kamerbrief ("De minister van
...,\\n\\nE.J. Kuipers"), or the packaged list of office holders (full name or initial).
"""

from __future__ import annotations

import re
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.textutil import alternatives, by_first_letter, line_start

ROLE_WORDS = "|".join(lexicon.cue_lines("role_words.txt"))  # words of public office (data)
# 'Vonk (2013)', 'Schrama, 2004', 'Vonk e.a.', 'Vonk, M.J. (2004).': a cited author.
CITATION = re.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*|[ \t])(?:19|20)\d\d[a-z]?\b|[ \t]+(?:e\.a\.|et al\.?)")
# 'Ben-Arieh, A., Casas, F. & Korbin, J.E. (2014).': every name of a reference entry.
CITATION_LIST = re.compile(
    r"(?:[ \t,&;]|\ben\b|\bet al\.?|[A-ZÀ-Þ][\w'’-]*\.?|\b(?:van|de|der|den|ter|ten)\b){0,40}?"
    r"[ \t]*(?:\(|,[ \t]*)?(?:19|20)\d\d[a-z]?\b(?!-\d)"
)
PLURAL = re.compile(r"\b(?:" + lexicon.cue_alternation("role_plurals.txt") + r")\b[ \t:]*", re.IGNORECASE)
_PLURAL_KEYS = ("wethouders", "gedeputeerden", "leden", "ministers", "staatssecretarissen", "burgemeesters",
                 "bewindspersonen", "heemraden", "ingediend")
# A list of names after a plural role: items open with a capital and may hold remarks in brackets
# ('A.M. (Ans) Vromans-Luijk (Roosendaal, voorzitter), Yasmina Boutaleb (Bergen op Zoom), '); a
# line may open with the bracket of an item begun on the line above ('(Halderberge), Cor ...').
LIST_TAIL = re.compile(
    r"(?:\([^()\n]{1,40}\)[ \t]*(?:,|\ben\b)[ \t]*)?"
    # (an item holds no word 'en' and is matched atomically, so a line that is no list fails in
    # linear time: 'Aaaa en ' 15 times and a '(' took 10 s before, exponential in the items)
    r"(?:(?>[A-ZÀ-Þ](?:(?!\ben\b)[^,;()\n]|\([^()\n]{1,40}\)){1,60})[ \t]*(?:,|\ben\b)[ \t]*)*$"
)
POST_ACT = re.compile(
    r"^[ \t]+(?:heeft|had|dient|diende|heeft ook|had ook)[ \t]+(?:\w+[ \t]+){0,2}(?:een[ \t]+)?"
    r"(?:" + lexicon.cue_alternation("parliamentary_acts.txt") + ")",
    re.IGNORECASE,
)
# "minister van Volksgezondheid, Welzijn en Sport, Kuipers" / "minister voor Langdurige zorg Helder"
_PORTFOLIOS = lexicon.cue_alternation("portfolios.txt")
_PRE = re.compile(
    # 'wethouder openbare ruimte K. van Elst': a portfolio of one or two portfolio words after the office
    rf"(?:\b(?:{ROLE_WORDS})(?:\s+(?:{_PORTFOLIOS})[\w-]{{0,20}}(?:\s+(?:{_PORTFOLIOS})[\w-]{{0,20}})?)?"
    rf"(?:\s+(?:van|voor|in|bij|te)\s+[\w'’ ,&-]{{2,70}}?)?"
    rf"|\b(?:het|de|kamer)?\s*(?:lid|leden)|\bmoties?[- ]?(?:[A-ZÀ-Þ][\w'’-]+\s*+(?:/|\ben\b)\s*+)*"
    rf"|\bamendement(?:en)?[- ]?(?:[A-ZÀ-Þ][\w'’-]+\s*+(?:/|\ben\b)\s*+)*|\binitiatiefnota|"
    # 'Minister voor Klimaat en Groene Groei| J.H. Verhoef': a table's cells
    rf"\binitiatiefwetsvoorstel|\bfractie(?:\s+van)?)\s*+(?:[,:|]\s*+)?"
    rf"(?:(?:de heer|mevrouw|dhr\.?|mw\.?|mrs\.|ms\.)\s*+)?"  # ('State Secretary, Ms. Terweij')
    # academic titles between role and name: 'De burgemeester, mr. A. Aboutaleb'
    # (blanks possessive, none next to another blank quantifier: the same matches, but a role
    # word and a long run of blanks cost linear time, not cubic: 200 blanks took 0.3 s a name)
    rf"(?:(?:mr|dr|drs|ir|ing|prof|ds)\.\s*+){{0,3}}$",
    re.IGNORECASE,
)
_POST_ROLE = re.compile(
    # (the blanks after the name are taken once, possessively; the column alternative checks
    # for its gap, a tab or two spaces, in a lookahead: the same matches, but linear in a run of
    # blanks, which took 0.1 s a name over 80 blanks before)
    rf"^(?:[ \t]*+(?:,[ \t]*+(?:de[ \t]+|destijds[ \t]+|toenmalig[ \t]+)?(?:{ROLE_WORDS}|lid van de (?:tweede|eerste) "
    rf"kamer|lid van (?:de )?(?:gemeenteraad|provinciale staten|raad))\b"
    rf"|\([ \t]*(?:{ROLE_WORDS})\b|\|[ \t]*+(?:{ROLE_WORDS})\b"
    # 'Anouk Terpstra (gemeente Súdwest-Fryslân, wethouder)': the body, then the office, in brackets
    rf"|\([^()\n]{{1,60}}?[,;][ \t]*(?:de[ \t]+)?(?:{ROLE_WORDS}|lid (?:van het )?(?:dagelijks|algemeen) bestuur)\b"
    # 'Marij Dautzenberg-Keulers (lid dagelijks bestuur, watersysteem)': the seat alone in brackets
    rf"|\([ \t]*lid (?:van het )?(?:dagelijks|algemeen) bestuur\b"
    # 'Jan Willem Schuurman      heemraad, portefeuillehouder ...': the office in the next column
    rf")|(?=[ \t]*?(?:\t|[ ]{{2}}))[ \t]*+(?:{ROLE_WORDS})\b(?![ \t]*:))",
    re.IGNORECASE,
)
_SIGN_LINE = re.compile(
    r"^\s*(?:(?:de|het)\s+(?:" + lexicon.cue_alternation("signing_offices.txt") + r")|"
    # a governing body signs and a mandated official's name follows 'namens dezen' (the
    # signatory acts in that public role: 'burgemeester en wethouders van Utrecht, namens dezen')
    + lexicon.cue_alternation("signing_bodies.txt") + r")"
    r"(?:\s+(?:van|voor|der|de|in)\b[^.:;\n]{0,80})?,?\s*$",
    re.IGNORECASE,
)


# Precompiled (speed: module-level re.match looks the pattern up in re's cache per call).
_PARTY = re.compile(r"\s*\(([^()\n]{1,25})\)")
_PARTY_ITEM = re.compile(r",[ \t]*([^,;()\n]{1,25}?)[ \t]*(?:[;)]|\r?\n|$)")
_ADDRESSEE = re.compile(r"[ \t]*(?:de heer|mevrouw|dhr\.?|mw\.?)[ \t]*", re.IGNORECASE)


# Local parties are too many to list; their names follow a few patterns ('Leefbaar Almere',
# 'Gemeentebelangen', 'Stadspartij Utrecht', 'Lokaal Tiel', 'Arnhem Centraal', 'CU-SGP').
_LOCAL_PARTY = re.compile(
    r"(?:" + lexicon.cue_alternation("local_party_heads.txt") + r")(?:[ -][\w'’.-]+){0,3}"
    r"|[A-ZÀ-Þ][\w'’-]+(?:[ -][\w'’-]+){0,2}[ -](?:" + lexicon.cue_alternation("local_party_tails.txt") + ")"
    r"|(?:" + lexicon.cue_alternation("joint_list_first.txt") + r")[-/]"
    r"(?:" + lexicon.cue_alternation("joint_list_second.txt") + ")"
)


def party_after(text: str, end: int) -> str | None:
    """The party in '(JA21)' or '(Leefbaar Almere)' right after a name, or after a comma in a
    list of submitters ('(Van Rossum, JA21; Meulenbelt, GroenLinks)'), if any."""
    m = _PARTY.match(text[end : end + 30]) or _PARTY_ITEM.match(text[end : end + 30])
    if not m:
        return None
    inside = m.group(1).strip()
    return inside if inside in lexicon.parties() or _LOCAL_PARTY.fullmatch(inside) else None


# The chair of a public authority ('zij zei dat het concept van voorzitter Aleid Wolfsen', in a
# sentence about the AP): public in that role. A chair alone ('Voorzitter: Jan de Vries' of an
# internal meeting) is not; the body must be named on the line, before or right after the name.
_BOARD_SEATS = lexicon.cue_alternation("authority_board_roles.txt")
_CHAIR_BEFORE = re.compile(
    r"(?i:\b(?:de\s+|het\s+|vice)?(" + _BOARD_SEATS + r")(?:\s+van\s+(?:de|het)\s+[\w'’ -]{2,50}?)?"
    r"\s*+(?:[,:]\s*+)?(?:(?:de heer|mevrouw|dhr\.|mw\.)\s*+)?"  # (possessive blanks: as in _PRE)
    r"(?:(?:mr|dr|drs|ir|prof)\.\s*+){0,3})$"
)
_AUTHORITY = re.compile(r"\b(?:" + lexicon.cue_alternation("authorities.txt") + r")\b")


# 'het Aanjaagteam, onder voorzitterschap van Emile Roemer': the appointed chair of a named
# public team, commission or council acts in that public role.
_CHAIRED_BODY = re.compile(
    r"(?:" + lexicon.cue_alternation("chaired_bodies.txt") + r")\b[^.\n]{0,30}?"
    r"\bonder (?:het )?voorzitterschap van\s+(?:(?:de heer|mevrouw|oud-\w+|(?:mr|dr|drs|ir|prof)\.)\s+)*$"
)


def chair_of_authority(text: str, start: int, end: int) -> str | None:
    pre = text[max(0, start - 90) : start]
    if "oorzit" not in pre and "estuur" not in pre:  # speed: most names have no seat word before them
        return None
    nl = pre.rfind("\n")
    line_pre = pre[nl + 1 :]
    if "voorzitterschap" in line_pre and _CHAIRED_BODY.search(line_pre):
        return "voorzitter van een ingesteld team of commissie"
    seat = _CHAIR_BEFORE.search(line_pre)
    if not seat:
        return None
    le = text.find("\n", end, end + 80)
    around = line_pre + " " + text[end : le if le >= 0 else end + 80]
    m = _AUTHORITY.search(around)
    word = "voorzitter" if "oorzit" in seat.group(1).lower() else seat.group(1).lower()
    return f"{word} ({m.group(0)})" if m else None


# Speed: IGNORECASE makes the engine fold case at every step of a search that is tried at
# every position; the same pattern on the lower-cased text (an upper-case class then also
# accepts lower case) finds the same span 2-3x faster. lower() rarely changes the length
# ('İ'); then the original pattern runs.
# The role words are also grouped by first letter (same order within a letter, so the same
# match).
_PRE_LOW = re.compile(_PRE.pattern.replace("[A-ZÀ-Þ]", "[a-zà-þA-ZÀ-Þ]").replace(
    ROLE_WORDS, by_first_letter(alternatives(ROLE_WORDS)), 1))


_CLAUSE_WORD = re.compile(r"\s(?:" + lexicon.cue_alternation("clause_words.txt") + r")\s", re.IGNORECASE)


_NAME_AS_COMPLEMENT = re.compile(r"(?i:\b(?:van|voor))\s+(?:den|der|['’]t)\s+[A-ZÀ-Þ][\w'’-]*\s*,")
_MANDATE_BEFORE = re.compile(r"(?i:\b(?:namens|i\.o\.|in opdracht van|voor deze)\b)[^\n,]{0,40}$")


# Speed: every alternative of _PRE holds one of these substrings, so a prefix without any of
# them cannot match (tests/detect/test_fast_patterns.py checks the keys cover every role word);
# substring tests run at C speed, the big alternation does not.
ROLE_KEYS = (
    "minist", "staatssecr", "premier", "bewindspersoon", "kamerl", "burg", "weth",
    "raadsl", "statenl", "gedeputeerde", "commissaris", "ombudsman", "fractie", "partijleider",
    "lijsttrekker", "kamervoorzitter", "senator", "europarlementari", "koning", "formateur",
    "secretaris", "griffier", "dijkgraaf", "heemra", "voorganger", "opvolger", "lid", "leden", "motie",
    "amendement", "initiatief", "-generaal", "commissievoorzitter", "raadsvoorzitter", "portefeuillehouder",
    "gezaghebber", "eilandsraad", "eilandgedeputeerde", "governor", "commissioner", "council member", "mayor",
    "alderman", "secretary", "prime minister", "rector", "collegevoorzitter",
)


_ADDRESS_AFTER = re.compile(r"[^\n<>]{0,60}<([\w.+-]{1,64})@")


def role_before(text: str, start: int) -> str | None:
    """A role word right before the name, unless the person's own e-mail address names them
    with it: 'Koning, Bert-Jan <bertjan.koning@uwv.nl>' is a surname in a display name."""
    role = _role_before(_line_before(text, start, 100))
    if role and role.isalpha():
        m = _ADDRESS_AFTER.match(text, start)
        if m and role in m.group(1).lower():
            return None
    return role


def _line_before(text: str, start: int, limit: int) -> str:
    """The line's text before ``start``; when the name opens its line and the line above runs
    on (a soft wrap in prose: it ends in a letter or a comma, 'Wethouder' / 'Van Rijn-Kooistra
    heeft ...'), the end of that line and a space."""
    ls = line_start(text, start, limit)
    pre = text[ls:start]
    if pre.strip() or ls < 2 or text[ls - 1] != "\n":
        return pre
    prev = text[line_start(text, ls - 1, limit) : ls - 1]
    return prev + " " + pre if prev.rstrip()[-1:].isalpha() or prev.rstrip().endswith(",") else pre


@lru_cache(maxsize=8192)
def _role_before(pre: str) -> str | None:
    """role_before on the line text before the name (cached: a name is judged more than once,
    and names recur after the same words)."""
    low = pre.lower()
    if not any(k in low for k in ROLE_KEYS):
        return None
    m = _PRE_LOW.search(low) if len(low) == len(pre) else _PRE.search(pre)
    if m and "," in m.group(0) and not re.search(r"\s(?:van|voor|in)\s", m.group(0)) \
            and _MANDATE_BEFORE.search(pre, 0, m.start()):
        m = None  # 'Namens de minister, P. Jansen, directeur': a mandated civil servant signs
    if m and _NAME_AS_COMPLEMENT.search(pre, m.start(), m.end()):
        m = None  # 'wethouder Van den Berg, J. Koster': the 'van den ...' is a name, Koster a list item
    if m and _CLAUSE_WORD.search(m.group(0)):
        # 'staatssecretaris Van Huffelen wordt donderdag door X gebriefd': a verb or clause
        # word inside the 'van ...' complement means it is a sentence, not a title of X.
        m = None
    if m:
        return m.group(0).strip(" ,:").lower()
    return None


ROLE_LINE = re.compile(r"\b(?:" + lexicon.cue_alternation("addressed_offices.txt") + r")\b[^\n]{0,60}$", re.IGNORECASE)


def role_line_above(text: str, start: int) -> str | None:
    """Address block of an office holder: 'De Commissaris van de Koning ...\nde heer X'."""
    ls = text.rfind("\n", max(0, start - 200), start)
    if ls < 0 or not _ADDRESSEE.fullmatch(text[ls + 1 : start]):
        return None
    prev = text[line_start(text, ls, 200) : ls]
    m = ROLE_LINE.search(prev)
    if m and _CLAUSE_WORD.search(m.group(0)):
        return None  # '... Gedeputeerde Vrancken is op de hoogte gesteld dat\nmevrouw X': a sentence
    return m.group(0).split()[0].lower() if m else None


_NEXT_NAME = re.compile(r"[ \t]+(?:[A-Z]\.[ \t]*)*(?:De[ \t]+|Van[ \t]+)?[A-ZÀ-Þ][a-zà-ÿ'’-]+")


def _next_item_person(text: str, pos: int, role: str) -> bool:
    """After 'X, minister' a person's name ('De Jonge') means the role opens the next list
    item; a place ('burgemeester Westerkwartier') or nothing means it is X's role."""
    if not role.lstrip(" \t").startswith(","):
        return False
    n = _NEXT_NAME.match(text, pos)
    if not n:
        return False
    words = n.group(0).split()
    last = words[-1]
    return words[0] in ("De", "Van") or lexicon.is_surname(last) or lexicon.is_first_name(last)


# A signature whose title line names the office, or the press officer speaking on record
# ('Femke van den Brink' / 'Woordvoerder' / 'CBR | ...'); 'woordvoerder X' in a sentence is not.
_ROLE_LINE_BELOW = re.compile(rf"[ \t]*\r?\n[ \t]*((?i:{ROLE_WORDS}|woordvoerder))\b(?![ \t]*:)"  # not a label
                              # nor a street named after an office ('Burgemeester Colijnstraat 22')
                              r"(?![ \t]++(?:[\w'’.-]++[ \t]++){0,3}\d{1,5}[a-zA-Z]?\b)")


def role_after(text: str, end: int) -> str | None:
    # Speed: _POST_ROLE needs ',', '(' or '|' as the first character after blanks, POST_ACT a
    # blank then 'heeft/had/dient'; checked on a short slice first (run for every name).
    nxt = text[end : end + 8].lstrip(" \t")[:1]
    m = _POST_ROLE.match(text[end : end + 80]) \
        if nxt in (",", "(", "|", "") or text[end : end + 2] in ("  ", " \t") or text[end : end + 1] == "\t" else None
    if m and m.group(0)[:1] in (" ", "\t") and m.group(0).lstrip()[:1].isupper() \
            and lexicon.is_surname(m.group(0).split()[-1]):
        m = None  # 'Gedetineerde   Koning, J. de': a surname in the next column, not an office
    if m and not _next_item_person(text, end + m.end(), m.group(0)):
        return m.group(0).strip(" ,()").lower()
    m = _ROLE_LINE_BELOW.match(text, end, end + 80) if nxt in ("\n", "\r") else None
    if m and m.group(1)[0].isupper():  # a title line; a wrapped sentence goes on in lower case
        return m.group(1).lower()
    m = POST_ACT.match(text[end : end + 80]) if nxt in ("h", "d", "H", "D", "") else None
    if m:
        return f"Kamerlid ({m.group(0).strip()})"
    m = CITATION.match(text[end : end + 40])
    return "auteur in literatuurverwijzing" if m else None


def plural_role(text: str, start: int) -> str | None:
    """'wethouders Eerenberg, De Vries en Voortman': every name in the list after the role."""
    line = _line_before(text, start, 300)
    low = line.lower()
    ls = line_start(text, start, 300)
    if line.strip() and not text[ls:start].strip():
        ls = line_start(text, ls - 1, 300)  # _line_before took the line above already
    for _ in range(3):
        # the list began on a line above: 'ingediend door\nRients Bouma en Esther Postma-Ameling',
        # 'wethouders Korkmaz-de Vries,\nDe Haan, Tromp en Van Baar' (up to three lines up)
        if any(k in low for k in _PLURAL_KEYS) or not line.strip() or not LIST_TAIL.fullmatch(line):
            break
        if not (ls >= 2 and text[ls - 1] == "\n" and (text[ls - 2].isalpha() or text[ls - 2] == ",")):
            break
        above = line_start(text, ls - 1, 300)
        line = text[above : ls - 1] + " " + line
        low = line.lower()
        ls = above
    if not any(k in low for k in _PLURAL_KEYS):
        return None
    last = None
    for m in PLURAL.finditer(line):
        last = m
    if last is None:
        return None
    between = line[last.end() :]
    if ";" in between or not LIST_TAIL.fullmatch(between):
        return None
    role = last.group(0).strip(" :").lower()
    return "indiener van motie of amendement" if role.endswith("door") else role


# Academic titles before a signing name ('drs. P.M.J. Oostdijk'), and a column gap before the
# second name of a two-column signature.
_TITLES_ONLY = re.compile(r"[ \t]*(?:(?:mr|dr|drs|ir|ing|prof|ds)\.[ \t]*){1,3}")
_COLUMN_GAP = re.compile(r"\S(?:[ \t]{3,}|\t)(?:(?:mr|dr|drs|ir|ing|prof|ds)\.[ \t]*){0,3}$")
_SIGNER = "(?:" + lexicon.cue_alternation("cosigner_offices.txt") + ")"
# 'de secretaris,      de burgemeester,': the college signs in two columns, names on the next line.
_SIGN_COLUMNS = re.compile(
    # (the gap, three blanks or a tab after an optional comma, is checked in a lookahead and its
    # blanks taken once: the same lines, but linear in a run of blanks, cubic before)
    rf"(?i:^[ \t]*(?:de|het)[ \t]+{_SIGNER}(?:[ \t]*+,)?(?=[ \t]*?(?:\t|[ \t]{{3}}))[ \t]*+(?:de|het)[ \t]+{_SIGNER}"
    rf"[ \t]*+(?:,[ \t]*+)?$)"
)


_ON_BEHALF = re.compile(r"(?i)[ \t]*(?:(?:namens|voor|n\.?m\.?|i\.?o\.?)[ \t]+(?:deze|dezen|hem|haar)|b/a|w\.g\.)[ "
    r"\t]*[,:.]?[ \t]*")
# 'i.o. mr. A.A. ten Cate': signed in mandate ('in opdracht'), the name opens the line after it.
_IN_MANDATE = re.compile(r"(?i)(?:^|\n)[ \t]*(?:i\.o\.|n\.m\.)[ \t]+(?:(?:mr|drs|dr|ir|ing|prof)\.[ \t]*)*$")


# A signatory's own line in a body's signature: initials and surname, a comma, the function.
_COSIGNER_LINE = re.compile(
    r"[ \t]*(?:(?:mr|dr|drs|ir|ing|prof|ds)\.[ \t]*)*(?:[A-Z]\.)+[ \t]*[^,\n]{2,60},[ \t]*[a-z][^,\n]{2,40}"
)


def signature_role(text: str, start: int) -> str | None:
    """The role of a signature block: 'De minister van ..., \\n\\n Name' (within four lines),
    or either name under a two-column 'de secretaris,   de burgemeester,' line."""
    nl = text.rfind("\n", max(0, start - 300), start)
    if nl < 0:
        return None
    before = text[max(nl + 1, start - 40) : start]
    column = False
    if nl + 1 < start - 40 or before.strip() and not _TITLES_ONLY.fullmatch(before):
        # speed: a column gap is three spaces or a tab near the name; test that first
        tail = before[-25:]
        if not ("   " in tail or "\t" in tail) or not _COLUMN_GAP.search(before):
            return None  # the name must open its line (or its column)
        column = True
    pre = text[max(0, start - 300) : start]
    lines = pre.split("\n")
    cosigners = 0
    for line in reversed(lines[-12:-1]):  # PDF text puts blank lines between a signature's lines
        if not line.strip() or _ON_BEHALF.fullmatch(line):
            continue  # 'namens deze,' / 'voor deze:' between the office and the signatory's name
        if not column and cosigners < 2 and _COSIGNER_LINE.fullmatch(line):
            cosigners += 1  # 'Gedeputeerde Staten van Zeeland,' / 'A.M. van der Hoek-Vermeulen,
            continue        # voorzitter' / 'drs. K. Dees, secretaris': the body's second signatory
        if not column and _SIGN_LINE.match(line):
            if _staff_below(text, start):
                return None  # a mandated member of staff signs for the body: a civil servant
            return line.strip().rstrip(",").lower()
        if _SIGN_COLUMNS.match(line):
            return " / ".join(p.strip(" ,") for p in re.split(r"[ \t]{3,}|\t", line.strip())).lower()
        return None
    return None


def _staff_below(text: str, start: int) -> bool:
    """The line under the signatory's name gives a staff function ('beleidsadviseur openbare
    ruimte', 'medewerker Inning'; data/cues/staff_functions.txt)."""
    nl = text.find("\n", start, start + 120)
    if nl < 0:
        return False
    m = _FIRST_WORD.match(text, nl + 1)
    return m is not None and m.group(1).lower().endswith(_staff_endings())


_FIRST_WORD = re.compile(r"[ \t]*+([^\W\d_]+)")


@lru_cache(maxsize=1)
def _staff_endings() -> tuple[str, ...]:
    return tuple(lexicon.cue_lines("staff_functions.txt"))


# A literature list: a key line 'Ben-Arieh & Frønes 2011' / 'Vonk e.a. 2019', then the entry
# 'A. Ben-Arieh & I. Frønes, ‘Taxonomy ...’, Childhood 2011'. Authors of published work are public.
_REF_KEY = re.compile(r"[ \t]*[A-ZÀ-Þ][^\n.:;!?]{0,80}?(?:[ \t]e\.a\.)?[ \t]+(?:19|20)\d\d[a-z]?[ \t]*")
_REF_ENTRY = re.compile(r"[ \t]*(?:(?:[A-Z]|Th|Ch|IJ)\.-?)+[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[A-Za-zÀ-ÿ]")


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    months = lexicon.cue_alternation("month_names.txt")
    return re.compile(r"(?i)\b\d{1,2}[ \t]+(?:" + months + r")\.?[ \t]+(?:19|20)\d\d")


def reference_entry(text: str, start: int) -> bool:
    """True when the name sits on an entry line right under a literature-list key line."""
    ls = line_start(text, start, 300)
    if not _REF_ENTRY.match(text, ls):
        return False
    prev_end = ls - 1
    for _ in range(3):  # skip blank lines (PDF text often has them between every line)
        if prev_end <= 0:
            return False
        pls = line_start(text, prev_end, 120)
        line = text[pls:prev_end]
        if line.strip():
            # 'Apeldoorn, 30 juni 2026' above two signatories is a dateline, not 'Vonk e.a. 2019'
            return bool(_REF_KEY.fullmatch(line)) and not _dateline().search(line)
        prev_end = pls - 1
    return False


_ADDRESSED_BEFORE = re.compile(r"(?i)(?:\b(?:heer|mevrouw|mevr|mw|dhr|meneer|mr|mej)\.?)[ \t]+$")


def judge(
    text: str, start: int, end: int, first: str | None, initials: str | None,
    surname: str | None,
) -> str | None:
    """A Dutch reason when this mention is of a person in a public role, else None."""
    role = role_before(text, start)
    if role:
        return f"publieke functie ({role})"
    party = party_after(text, end)
    if party:
        return f"volksvertegenwoordiger in publieke rol ({party})"
    role = role_after(text, end)
    if role and role.startswith("auteur"):
        if not first and (CITATION_LIST.match(text, end) or CITATION.match(text, end)) \
                and not _ADDRESSED_BEFORE.search(text, max(0, start - 16), start):
            # authors are cited by surname; 'Elif (2015)' is a child's birth year, and 'de heer
            # Tesfamariam (1979)' a person addressed, with the year he was born
            return role
    elif role:
        return f"publieke functie ({role})"
    role = plural_role(text, start)
    if role:
        return f"publieke functie ({role})"
    role = role_line_above(text, start)
    if role:
        return f"publieke functie ({role})"
    role = chair_of_authority(text, start, end)
    if role:
        return f"publieke functie ({role})"
    role = signature_role(text, start)
    if role:
        return f"ondertekening in publieke functie ({role})"
    if _IN_MANDATE.search(text, max(0, start - 40), start):
        return "ondertekening in mandaat (i.o.)"
    if reference_entry(text, start):
        return "auteur in literatuurverwijzing"
    if surname:
        listed = lexicon.official_role(first or initials, surname)
        if listed:
            return f"bekende ambtsdrager ({listed})"
    return None
