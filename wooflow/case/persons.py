"""Persons across a case: one decision per person (redact or keep), propagated to every form.

A person is keyed by folded surname (with tussenvoegsels, spaces dropped) and first initial: "Sanne Kuipers",
"S. Kuipers" and "s.kuipers@minvws.nl" all become ``kuipers|s``. A lone surname ("Kuipers") or
first name ("Sanne") joins a person only when exactly one person in the case fits; otherwise it
stays its own, undecided entry. Propagating a "redact" decision searches every document for the
person's forms (full name, initial + surname, surname, first name, e-mail local part) and adds
accepted findings where detection missed one; a surname shared by two persons, or preceded by a
public-role word ("minister Kuipers"), is never propagated as a bare surname.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.text import WORD_RE, fold
from wooflow.exceptions import CaseError
from wooflow.store.repos import persons as person_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

PERSON_CATEGORIES = ("person", "email", "signature")
DECISIONS = ("redact", "keep", "undecided")
TITLES = {"dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "ds", "heer", "mevrouw", "de heer"}
PARTICLES = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "t", "'t", "op", "la", "le", "da", "di", "von", "vd",
}
PUBLIC_ROLE_WORDS = (
    "minister", "staatssecretaris", "burgemeester", "wethouder", "kamerlid", "lid", "motie",
    "amendement", "commissaris", "gedeputeerde", "premier", "president", "koning", "koningin",
)
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NameParts:
    first: str  # folded first name or initial ("" when unknown)
    surname: str  # folded, with particles ("van dijk")
    first_is_initial: bool = False

    @property
    def key(self) -> str:
        # particles written together in e-mail addresses: "j.vanderberg" = "Jan van der Berg"
        return f"{self.surname.replace(' ', '')}|{self.first[:1]}"


def parse_name(text: str, category: str) -> NameParts | None:
    """Split a detected person name or e-mail address into first name/initial and surname."""
    if category == "email":
        local = text.split("@", 1)[0]
        parts = [fold(p) for p in re.split(r"[._\-]+", local) if p]
        parts = [p for p in parts if p.isalpha()]
        if len(parts) < 2:
            return None
        first, rest = parts[0], parts[1:]
        return NameParts(first, " ".join(rest), len(first) == 1)
    toks = [t.rstrip(".") for t in _NAME_TOKEN.findall(text)]
    toks = [t for t in toks if t and fold(t) not in TITLES and fold(t) not in PUBLIC_ROLE_WORDS]
    if not toks:
        return None
    folded = [fold(t) for t in toks]
    # surname: last token plus the particles right before it
    i = len(folded) - 1
    while i > 0 and folded[i - 1] in PARTICLES:
        i -= 1
    surname = " ".join(folded[i:])
    given = folded[:i]
    if not given:
        return NameParts("", surname)
    first = given[0]
    return NameParts(first, surname, len(first) == 1)


@dataclass(slots=True)
class Person:
    key: str
    display: str
    decision: str
    forms: list[str] = field(default_factory=list)
    findings: int = 0
    documents: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "display": self.display,
            "decision": self.decision,
            "forms": self.forms,
            "findings": self.findings,
            "documents": self.documents,
        }


_ROLE_CACHE: dict[tuple[str, int], bool] = {}  # (case dir, finding id) -> after a role word
ROLE_CACHE_MAX = 100_000  # entries; emptied when full, so it never grows with the case
PERSON_PAGE = 5_000  # person findings read at a time by assign_keys


def _person_pages(case: Case) -> Iterator[list[Any]]:
    """Every person-like finding in id order, a page at a time (never all in memory)."""
    after = 0
    while True:
        page = person_rows.person_findings_after(case.conn, PERSON_CATEGORIES, after, PERSON_PAGE)
        if not page:
            return
        yield page
        after = page[-1]["id"]


def assign_keys(case: Case) -> None:
    """Give every person-like finding a person key and keep the persons table in step.

    Runs after every detection batch, so it writes only what changed: lone names can move to
    a person once the full name turns up in a later batch. Two passes over the person findings,
    page by page (:data:`PERSON_PAGE`): the first collects which surnames and first names have
    a full name in the case, the second keys each finding and writes what changed. What is held
    grows with the persons and distinct forms of the case, not with its findings.
    """
    from wooflow.case.person_edit import apply_links

    texts: dict[int, str] = {}  # one text at a time: findings come in document order
    case_id = str(case.dir.resolve())

    def after_role(r: Any) -> bool:
        ck = (case_id, r["id"])
        if ck not in _ROLE_CACHE:
            if r["doc_id"] not in texts:
                texts.clear()
                texts[r["doc_id"]] = case.text(r["doc_id"])
            if len(_ROLE_CACHE) >= ROLE_CACHE_MAX:
                _ROLE_CACHE.clear()
            _ROLE_CACHE[ck] = _public_role_before(texts[r["doc_id"]], r["start"])
        return _ROLE_CACHE[ck]

    full: dict[str, set[str]] = defaultdict(set)  # surname -> keys with an initial
    first_names: dict[str, set[str]] = defaultdict(set)  # first name -> keys
    with case.transaction():  # one snapshot for both passes and the writes
        for page in _person_pages(case):
            for r in page:
                p = _parse_cached(r["text"], r["category"])
                if p and p.first:
                    full[p.surname].add(p.key)
                    if not p.first_is_initial:
                        first_names[p.first].add(p.key)
        forms: dict[str, set[str]] = defaultdict(set)
        displays: dict[str, str] = {}
        all_keep: dict[str, bool] = defaultdict(lambda: True)
        for page in _person_pages(case):
            keys: dict[int, str | None] = {}
            for r in page:
                p = _parse_cached(r["text"], r["category"])
                if p is None:
                    keys[r["id"]] = None
                elif p.first:
                    keys[r["id"]] = p.key
                elif after_role(r):
                    keys[r["id"]] = f"{p.surname.replace(' ', '')}|"  # "minister Kuipers": maybe another person
                elif len(first_names.get(p.surname, ())) == 1 and p.surname not in full:
                    keys[r["id"]] = next(iter(first_names[p.surname]))  # a lone first name
                elif len(full.get(p.surname, ())) == 1:
                    keys[r["id"]] = next(iter(full[p.surname]))  # a lone surname
                else:
                    keys[r["id"]] = f"{p.surname.replace(' ', '')}|"
            apply_links(case.conn, {r["id"]: r["text"] for r in page}, keys)  # merged, split, no person
            for r in page:
                key = keys[r["id"]]
                if key is None:
                    continue
                forms[key].add(r["text"])
                all_keep[key] = all_keep[key] and r["action"] == "keep"
                if r["category"] == "person" and len(r["text"]) > len(displays.get(key, "")):
                    displays[key] = r["text"]
            changed = [(keys[r["id"]], r["id"]) for r in page if r["person_key"] != keys[r["id"]]]
            if changed:  # only person_key changes: the id pages stay as they were
                person_rows.set_finding_keys(case.conn, changed)
        stored = {
            r["key"]: (set(json.loads(r["forms"])), r["display"])
            for r in person_rows.forms_and_displays(case.conn)
        }
        for key, fs in forms.items():
            old = stored.get(key)
            merged = sorted(fs | (old[0] if old else set()))
            display = displays.get(key) or merged[0]
            if old is None:
                decision = "keep" if all_keep[key] else "undecided"
                person_rows.insert(case.conn, key, display, decision, json.dumps(merged))
            elif set(merged) != old[0] or display != old[1]:
                person_rows.update_forms(case.conn, key, json.dumps(merged), display)


@lru_cache(maxsize=100_000)
def _parse_cached(text: str, category: str) -> NameParts | None:
    return parse_name(text, category)


def persons(case: Case) -> list[Person]:
    """Every person of the case with decision, forms seen and how often, by display name."""
    counts = person_rows.finding_counts(case.conn)
    out = []
    for r in person_rows.all_rows(case.conn):
        n, d = counts.get(r["key"], (0, 0))
        out.append(Person(r["key"], r["display"], r["decision"], json.loads(r["forms"]), n, d))
    return out


def persons_uncounted(case: Case) -> list[Person]:
    """Every person of the case, as :func:`persons`, but without the counts (0): for a page
    that counts only the persons it shows (:func:`with_counts`)."""
    return [
        Person(r["key"], r["display"], r["decision"], json.loads(r["forms"]))
        for r in person_rows.all_rows(case.conn)
    ]


def with_counts(case: Case, people: list[Person]) -> list[Person]:
    """``people`` with their findings and documents counted."""
    from wooflow.store.repos import person_page

    counts = person_page.finding_counts(case.conn, [p.key for p in people])
    return [
        Person(p.key, p.display, p.decision, p.forms, *counts.get(p.key, (0, 0))) for p in people
    ]


def find_person(case: Case, name_or_key: str) -> Person:
    """Look a person up by key ("kuipers|s"), a form seen or display name."""
    target = fold(name_or_key.strip())
    matches = [
        p for p in persons_uncounted(case)
        if p.key == name_or_key or fold(p.display) == target or target in {fold(f) for f in p.forms}
    ]
    matches = with_counts(case, matches)  # counted for the match only, not for every person
    if len(matches) != 1:
        raise CaseError(
            f"persoon {name_or_key!r} niet gevonden" if not matches
            else f"persoon {name_or_key!r} is niet eenduidig: " + ", ".join(p.key for p in matches)
        )
    return matches[0]


@dataclass(slots=True)
class _Others:
    """What propagation needs to know about the other persons, counted once per batch."""

    keys: set[str]
    surnames: Counter[str]
    first_owners: dict[str, set[str]]

    @classmethod
    def of(cls, everyone: list[Person]) -> _Others:
        owners: dict[str, set[str]] = defaultdict(set)
        for p in everyone:
            for f in p.forms:
                if "@" not in f and f.split():
                    owners[fold(f.split()[0])].add(p.key)
        return cls({p.key for p in everyone}, Counter(p.key.partition("|")[0] for p in everyone), owners)


_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
HEADS = {"name": r"(?<!\w)", "surname": r"(?<![\w.])", "local": r"(?<![\w.])"}
TAILS = {"name": r"(?!\w)", "surname": r"(?!\w)", "local": r"(?=\s*@)"}


@dataclass(frozen=True, slots=True)
class _Form:
    """One form of a person to propagate: the literal and where it may stand.

    ``kind`` "name": not inside a word; "surname": not inside a word nor right after a dot
    ("S.Kuipers" is the initial's form); "local": an e-mail local part, right before "@",
    case-insensitive. ``regex`` is the exact definition; ``find`` finds the same matches via the
    text's word runs without compiling a regex per form (20,000 compiles were half the cost of
    a policy run on a 2 MiB text)."""

    literal: str
    category: str
    bare: bool
    kind: str

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.literal, self.kind)

    @property
    def key(self) -> tuple[str, ...] | None:
        """The first one or two lower-cased word runs of the literal; None when the literal does
        not start with a word character (such a form is found by its regex)."""
        return _form_key(self.literal)

    def at(self, text: str, pos: int) -> int:
        """End of this form's match at ``pos``, or -1."""
        if self.kind == "local":
            m = self.regex.match(text, pos)
            return m.end() if m else -1
        end = pos + len(self.literal)
        if not text.startswith(self.literal, pos):
            return -1
        if pos and (_WORD_CHAR.match(text, pos - 1) or (self.kind == "surname" and text[pos - 1] == ".")):
            return -1
        if end < len(text) and _WORD_CHAR.match(text, end):
            return -1
        return end


@lru_cache(maxsize=65536)
def _form_key(literal: str) -> tuple[str, ...] | None:
    if not _WORD_CHAR.match(literal):
        return None
    return tuple(_WORD_RUN.findall(literal.lower())[:2])


@lru_cache(maxsize=4096)
def _compiled(literal: str, kind: str) -> re.Pattern[str]:
    return re.compile(HEADS[kind] + re.escape(literal) + TAILS[kind], re.I if kind == "local" else 0)


def _patterns(case: Case, person: Person, others: _Others | None = None) -> list[_Form]:
    """Each form of the person to propagate; bare = lone surname/first name. Sorted, so that
    two runs add the same findings in the same order."""
    ctx = others or _Others.of(persons_uncounted(case))
    surname = person.key.partition("|")[0]
    surname_shared = ctx.surnames[surname] > (1 if person.key in ctx.keys else 0)
    pats: list[_Form] = []
    seen: set[str] = set()
    firsts: set[str] = set()
    surname_forms: set[str] = set()
    for form in sorted(person.forms):
        if "@" in form:
            local = form.split("@", 1)[0]
            if local.lower() not in seen:
                seen.add(local.lower())
                pats.append(_Form(local, "email", False, "local"))
            continue
        toks = [
            t for t in _NAME_TOKEN.findall(form)
            if fold(t.rstrip(".")) not in TITLES and fold(t) not in PUBLIC_ROLE_WORDS
        ]
        if len(toks) >= 2:
            if form not in seen:
                seen.add(form)
                pats.append(_Form(form, "person", False, "name"))
            parts = parse_name(form, "person")
            if parts and parts.first and not parts.first_is_initial:
                firsts.add(toks[0].rstrip("."))
            n_sur = len(parts.surname.split()) if parts else 1
            sur_toks = toks[-n_sur:]
            surname_forms.add(" ".join(sur_toks))
            ini = f"{toks[0][0]}."
            for variant in (f"{ini} {' '.join(sur_toks)}", f"{ini}{' '.join(sur_toks)}"):
                if variant not in seen:
                    seen.add(variant)
                    pats.append(_Form(variant, "person", False, "name"))
        elif toks:
            surname_forms.add(toks[0])
    if not surname_shared:
        for s in sorted(surname_forms):
            if s not in seen and s[:1].isupper():
                seen.add(s)
                pats.append(_Form(s, "person", True, "surname"))
    for f in sorted(firsts):
        if not (ctx.first_owners.get(fold(f), set()) - {person.key}) and f not in seen:
            seen.add(f)
            pats.append(_Form(f, "person", True, "name"))
    return pats


def _words(literal: str) -> list[str]:
    """The words of a form the full-text index can look up (no initials, titles or roles)."""
    return [w for w in WORD_RE.findall(literal) if len(w) > 1 and fold(w) not in TITLES
            and fold(w) not in PUBLIC_ROLE_WORDS]


def _candidates(case: Case, person: Person, pats: list[_Form] | None = None) -> list[int]:
    """Documents that can hold a form of the person, via the index.

    With ``pats``: the documents holding at least one of the forms to propagate as a phrase
    (SQLite), or all of its words (PostgreSQL, which indexes long texts without positions; a
    form can only match where all its words occur: "A. van Dijk" needs "van" and "Dijk", not
    "van" alone, which is in nearly every document). A form without such words falls back to
    any word of any form, as without ``pats``."""
    from wooflow.case.search import matching_ids

    if pats and not case.store.is_postgres:
        # SQLite indexes every text's word runs with positions: a form can only match where its
        # word runs stand in a row, so the phrase of all of them ("L. Visser" -> "l visser":
        # 110 documents instead of the 959 with "visser" in the 2,000-document benchmark)
        phrases = {" ".join(WORD_RE.findall(f.literal)) for f in pats}
        if all(phrases):
            return sorted(matching_ids(case, " OR ".join(f'"{p}"' for p in sorted(phrases))))
    groups = {tuple(sorted(set(_words(f.literal)))) for f in pats or []}
    if pats and all(groups):  # PostgreSQL: every word of the form, in any order
        query = " OR ".join("(" + " ".join(f'"{w}"' for w in g) + ")" for g in sorted(groups))
        return sorted(matching_ids(case, query))
    words: set[str] = set()
    for form in person.forms:
        words.update(_words(form.split("@", 1)[0] if "@" in form else form))
    if not words:
        return []
    return sorted(matching_ids(case, " OR ".join(f'"{w}"' for w in sorted(words))))


def _public_role_before(text: str, start: int) -> bool:
    before = fold(text[max(0, start - 40) : start]).split()
    return bool(before) and before[-1].strip("(),.:") in PUBLIC_ROLE_WORDS


_FEW_WORDS = 64


@lru_cache(maxsize=256)
def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """Whole word runs equal (ignoring case) to one of ``words``."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{alts})(?!\w)", re.I)


def _run_before(text: str, pos: int) -> tuple[str, int] | None:
    """The word run right before ``pos`` (lower-cased) and where it starts (\\w is a letter,
    digit or underscore, as ``str.isalnum`` and ``re`` define it)."""
    i = pos - 1
    while i >= 0 and not (text[i].isalnum() or text[i] == "_"):
        i -= 1
    if i < 0:
        return None
    end = i + 1
    while i >= 0 and (text[i].isalnum() or text[i] == "_"):
        i -= 1
    return text[i + 1 : end].lower(), i + 1


def _runs(text: str, wanted: set[tuple[str, ...]]) -> dict[tuple[str, ...], list[int]]:
    """Where each wanted key (one word run, or two consecutive ones, lower-cased) starts in
    ``text``. Two-word keys matter: "Jan Bergman" is only tried where "jan bergman" occurs,
    not at every "Jan" (with many persons called Jan that was quadratic)."""
    out: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if not wanted:
        return out
    singles = {k[0] for k in wanted if len(k) == 1}
    seconds = {k[1] for k in wanted if len(k) == 2}
    if len(singles | seconds) <= _FEW_WORDS:
        # a few persons (one decision): find the single words and the second words of the pairs
        # with one regex (in C) instead of visiting every word of the text in Python; a pair is
        # then checked by the run before its second word ("L. Visser": find "visser", not "l").
        # The same positions as the full scan below.
        for m in _whole_words(frozenset(singles | seconds)).finditer(text):
            at = m.start()
            if at and _WORD_CHAR.match(text, at - 1):
                continue  # not the start of a word run
            w = m.group().lower()
            if w in singles:
                out[(w,)].append(at)
            if w in seconds and (before := _run_before(text, at)) is not None and (before[0], w) in wanted:
                out[(before[0], w)].append(before[1])
        for key in out:
            if len(key) == 2:
                out[key].sort()
        return out
    prev, prev_at = "", -1
    for m in _WORD_RUN.finditer(text):
        w = m.group().lower()
        if w in singles:
            out[(w,)].append(m.start())
        if (prev, w) in wanted:
            out[(prev, w)].append(prev_at)
        prev, prev_at = w, m.start()
    return out


def _matches(form: _Form, text: str, runs: dict[tuple[str, ...], list[int]]) -> list[tuple[int, int]]:
    """What ``form.regex.finditer(text)`` yields (non-overlapping, in order), via word runs."""
    key = form.key
    if key is None:
        return [(m.start(), m.end()) for m in form.regex.finditer(text)]
    out: list[tuple[int, int]] = []
    last = -1
    for pos in runs.get(key, ()):
        if pos < last:
            continue
        end = form.at(text, pos)
        if end > pos:
            out.append((pos, end))
            last = end
    return out


def set_decision(case: Case, name_or_key: str, decision: str, propagate: bool = True) -> Person:
    """Decide for one person in the whole case; updates their findings in every document."""
    person = find_person(case, name_or_key)
    decide_persons(case, [person.key], decision, propagate)
    return find_person(case, person.key)


def decide_persons(case: Case, keys: list[str], decision: str, propagate: bool = True) -> int:
    """Decide for several persons in one transaction; returns how many findings propagation added.

    Each document is read, indexed and checked once for all persons together (the cost stays
    linear in the size of the case), and a crash leaves either every decision or none.
    """
    from wooflow.case.faults import fault_point
    from wooflow.case.judgement import refresh
    from wooflow.case.review import covered_spans
    from wooflow.case.spans import SpanSet

    if decision not in ("redact", "keep"):
        raise CaseError("beslissing is 'redact' (lakken) of 'keep' (openbaar)")
    if not keys:
        return 0
    everyone = persons_uncounted(case)  # keys and forms; the counts are not needed here
    by_key = {p.key: p for p in everyone}
    unknown = [k for k in keys if k not in by_key]
    if unknown:
        raise CaseError(f"persoon {unknown[0]!r} niet gevonden")
    chosen = [by_key[k] for k in dict.fromkeys(keys)]
    others = _Others.of(everyone)
    now = audit.now()
    affected: set[int] = set()
    added = 0
    with case.transaction() as conn:
        befores: dict[str, list[Any]] = {}
        for n, person in enumerate(chosen):
            before = person_rows.findings_of(conn, person.key)
            befores[person.key] = before
            affected.update(r["doc_id"] for r in before)
            # A span a reviewer rejected or added by hand stays as it is; only spans decided by
            # an earlier person decision (same timestamp) follow the new one.
            prev_at = person_rows.decided_at(conn, person.key)
            if decision == "redact":
                person_rows.redact_findings(conn, person.key, case.actor, now, prev_at)
            else:
                person_rows.keep_findings(conn, person.key, case.actor, now)
            person_rows.set_decision(conn, person.key, decision, case.actor, now)
            if n == len(chosen) // 2:
                fault_point("persons")
        per_person: dict[str, int] = defaultdict(int)
        if decision == "redact" and propagate:
            plans: list[tuple[Person, list[_Form]]] = []
            docs: dict[int, list[int]] = defaultdict(list)  # doc -> indexes into plans
            for person in chosen:
                pats = _patterns(case, person, others)
                if not pats:
                    continue
                for doc_id in _candidates(case, person, pats):
                    docs[doc_id].append(len(plans))
                plans.append((person, pats))
            for doc_id in sorted(docs):
                text = case.text(doc_id)
                covered: SpanSet | None = None  # read when the first match needs it
                todo = [plans[i] for i in docs[doc_id]]
                runs = _runs(text, {k for _, forms in todo for f in forms if (k := f.key)})
                for person, pats in todo:
                    for form in pats:
                        for s, e in _matches(form, text, runs):
                            if covered is None:
                                covered = SpanSet(covered_spans(conn, doc_id))
                            if covered.overlaps(s, e):
                                continue
                            if form.bare and _public_role_before(text, s):
                                continue
                            person_rows.add_propagated(
                                conn, doc_id, s, e, text[s:e], form.category,
                                f"zelfde persoon als elders gelakt ({person.display})",
                                person.key, case.actor, now,
                            )
                            covered.add(s, e)
                            affected.add(doc_id)
                            per_person[person.key] += 1
                            added += 1
        for person in chosen:
            audit.log(
                conn, case.actor, "person.decide", target=person.key, decision=decision,
                previous=person.decision, findings=[dict(r) for r in befores[person.key]],
                propagated=per_person[person.key],
            )
        refresh(case, affected)
    return added
