"""The register of public office holders: keep-evidence for the names of people in public office.

Two sources, read together:
- the packaged register ``data/officials.csv.gz`` (municipal office holders around April 2026
  from the Register van Overheidsorganisaties, Tweede Kamer members and cabinet members
  2006-2019 from openkamer/Wikidata; sources and licences in data/SOURCES.md);
- the user's register (``wooflow register import FILE``): newer exports of the government almanac
  (organisaties.overheid.nl, the ROO CSV) and the user's own rows (their bestuurders, their
  consultative bodies) in the register's own CSV shape. It lives in
  ``$WOOFLOW_REGISTER`` or ``$XDG_DATA_HOME/wooflow/register.csv`` (``~/.local/share``).

A mention matches an entry when the surname (with tussenvoegsel) is the same, the given name or
initials agree, the entry's term (where the register has dates) overlaps the years the document
mentions, and the document names the entry's organisation or office: for a municipality
its place name, for national office the body, the ministry, the cabinet or the office word. A
match is keep-evidence with a reason such as "wethouder van Zwolle (register)". A bare surname is
never matched here: the case-wide consistency step carries a full mention's public status to
the person's later short forms.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from wooflow.detect.lexicon import DATA, cue_lines, cue_words

COLUMNS = ("name", "given_names", "initials", "tussenvoegsel", "surname", "office", "organisation", "party",
           "start", "end", "source")
PACKAGED = DATA / "officials.csv.gz"

_SALUTATION = re.compile(r"^(?:de\s+heer|heer|dhr\.?|mw\.?|mevr\.?|mevrouw|mej\.?)\s+", re.IGNORECASE)
_PRE_TITLES = {"mr", "drs", "dr", "ir", "ing", "prof", "bc", "ds", "jhr", "jkvr", "mgr"}
_POST_TITLES = {"msc", "ma", "mba", "ra", "llb", "llm", "bsc", "bba", "mpa", "mpm", "ba", "phd", "emia", "cmc"}
_ROO_OFFICES = {
    "raadslid": "raadslid", "fractievoorzitter": "fractievoorzitter", "wethouder": "wethouder",
    "locoburgemeester": "locoburgemeester", "burgemeester": "burgemeester",
    "burgemeester waarnemend": "waarnemend burgemeester", "raadsgriffier": "griffier",
    "gemeentesecretaris": "gemeentesecretaris",
}
# Office words a document uses for national office (any of them names the office).
_NEAR = 150  # characters around a mention in which its municipality or office must be named
_NATIONAL_WORDS = cue_lines("national_office_words.txt")  # (data)


class Entry(NamedTuple):
    """One office holder (a tuple: the packaged register has ~15,000 and loads at start-up)."""

    given: str
    initials: str  # letters only, upper case: 'TA'
    surname_key: str  # tussenvoegsel + surname, lower case
    office: str
    organisation: str
    start: str
    end: str

    @property
    def place(self) -> str | None:
        """The municipality's or province's place name, for 'Gemeente Zwolle'."""
        m = re.match(r"(?i)(?:gemeente|provincie|waterschap)\s+(.+)$", self.organisation)
        return m.group(1).strip() if m else None

    def reason(self) -> str:
        place = self.place
        return f"{self.office} van {place} (register)" if place else f"{self.office}, {self.organisation} (register)"


def user_register_path() -> Path:
    env = os.environ.get("WOOFLOW_REGISTER")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wooflow" / "register.csv"


def _letters(initials: str) -> str:
    return "".join(ch for ch in initials.upper() if ch.isalpha())


def surname_key(tussenvoegsel: str, surname: str) -> str:
    return re.sub(r"\s+", " ", f"{tussenvoegsel} {surname}".strip().lower())


def _entry(row: dict[str, str]) -> Entry | None:
    surname = (row.get("surname") or "").strip()
    office = (row.get("office") or "").strip()
    if not surname or not office:
        return None
    return Entry((row.get("given_names") or "").split(" ")[0].strip(), _letters(row.get("initials") or ""),
                 surname_key(row.get("tussenvoegsel") or "", surname), office,
                 (row.get("organisation") or "").strip(), (row.get("start") or "").strip(),
                 (row.get("end") or "").strip())


def _read_rows(raw: str) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(raw))


def _fast_entries(raw: str) -> Iterator[Entry]:
    """The rows of a register CSV as entries: :func:`_entry` with a plain csv.reader (the
    packaged register is read at every start-up; DictReader made that take half a second)."""
    rows = csv.reader(io.StringIO(raw))
    header = next(rows, None)
    if not header:
        return
    col = {name: i for i, name in enumerate(header)}
    idx = [col.get(k, -1) for k in ("given_names", "initials", "tussenvoegsel", "surname", "office",
                                   "organisation", "start", "end")]
    width = max(idx) + 1
    for row in rows:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        given, initials, tv, surname, office, org, start, end = (row[i].strip() if i >= 0 else "" for i in idx)
        if not surname or not office:
            continue
        key = f"{tv} {surname}".lower() if tv else surname.lower()
        if "  " in key or "\t" in key:
            key = surname_key(tv, surname)
        yield Entry(given.split(" ")[0], _letters(initials) if initials else "", key, office, org, start, end)


@lru_cache(maxsize=1)
def _sources() -> tuple[str, ...]:
    sources = [gzip.decompress(PACKAGED.read_bytes()).decode("utf-8")]
    user = user_register_path()
    if user.is_file():
        sources.append(user.read_text(encoding="utf-8"))
    return tuple(sources)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Entry, ...]]:
    out: dict[str, list[Entry]] = {}
    for raw in _sources():
        for e in _fast_entries(raw):
            out.setdefault(e.surname_key, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


_SEARCHES = 24  # lookups answered before the index is built (start-up: a short text needs a few)
_searched = 0


def _entries_of(key: str) -> tuple[Entry, ...]:
    """``_index().get(key, ())``; the first lookups parse only the rows that can hold the key."""
    global _searched
    if _index.cache_info().currsize == 0 and _searched < _SEARCHES:
        _searched += 1
        found = _search(key)
        if found is not None:
            return found
    return _index().get(key, ())


@lru_cache(maxsize=1)
def _searchable() -> tuple[tuple[str, str, list[int]], ...] | None:
    """Per source: text, lower-cased text, starts of the lines with a quote (always parsed)."""
    out = []
    for raw in _sources():
        low = raw.lower()
        quoted = [m.start() for m in re.finditer(r'(?m)^.*"', raw)]
        if len(low) != len(raw) or "Σ" in raw or any(raw.count('"', a, _eol(raw, a)) % 2 for a in quoted):
            return None  # offsets would differ, or a quoted field runs across lines
        out.append((raw, low, quoted))
    return tuple(out)


def _search(key: str) -> tuple[Entry, ...] | None:
    """The entries with this key, from the rows whose line holds the key's last word."""
    sources = _searchable()
    if sources is None:
        return None
    word = key.rsplit(" ", 1)[-1]
    found: list[Entry] = []
    for raw, low, quoted in sources:
        starts = set(quoted)
        pos = low.find(word) if word else -1
        while pos != -1:
            starts.add(low.rfind("\n", 0, pos) + 1)
            pos = low.find(word, _eol(low, pos))
        rows = [raw[a : _eol(raw, a)] for a in sorted(starts) if a > 0]
        found += [e for e in _fast_entries("\n".join([raw[: _eol(raw, 0)], *rows])) if e.surname_key == key]
    return tuple(found)


def _eol(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def entries(surname: str) -> tuple[Entry, ...]:
    """Every register entry with this surname (with tussenvoegsel, any case)."""
    return _entries_of(re.sub(r"\s+", " ", surname.strip().lower()))


def reload() -> None:
    """Forget the loaded register (after an import)."""
    global _searched
    _searched = 0
    for cached in (_index, _sources, _searchable):
        cached.cache_clear()


def _name_agrees(e: Entry, first: str | None, initials: str | None) -> bool:
    """Given name and initials must not contradict the entry. National office (no place to
    check in the document) needs the full given name: initials plus a common surname would
    make every namesake of a minister public."""
    if first and e.given and first.lower() != e.given.lower():
        return False
    if initials:
        mine = _letters(initials)
        if not (e.initials and (mine == e.initials or (len(mine) == 1 and e.initials.startswith(mine)))):
            return False
        return e.place is not None or bool(first and e.given)
    if first:
        if e.given:
            return True
        return e.place is not None and bool(e.initials) and e.initials[0] == first[0].upper()
    return False


def _named_in(e: Entry, low_text: str, near: str) -> bool:
    """The entry's municipality near the mention ('P.V. Guldemond (gemeente Zwolle)'); for national
    office the body, ministry or office word in the text."""
    place = e.place
    if place:  # the office word alone is not enough: it may be another person's ('X (wethouder), Y')
        return re.search(r"(?<!\w)" + re.escape(place.lower()) + r"(?!\w)", near) is not None
    org = e.organisation.lower()
    if org and _contains(low_text, org):
        return True
    return _national(low_text)


# Whole-text tests are cached per text: a long text with many name mentions must not be scanned
# once per mention (that made detection quadratic in the text's length).
@lru_cache(maxsize=4096)
def _contains(low_text: str, word: str) -> bool:
    return word in low_text


@lru_cache(maxsize=8)
def _national(low_text: str) -> bool:
    return any(w in low_text for w in _NATIONAL_WORDS)


def lookup(first: str | None, initials: str | None, surname: str | None, low_text: str,
           start: int = 0, end: int | None = None) -> str | None:
    """The keep reason when this name (at ``start``-``end``) is an office holder whose
    organisation or office the text names near it (``low_text``: the document in lower case)."""
    if not surname or not (first or initials):
        return None
    entries = _entries_of(re.sub(r"\s+", " ", surname.strip().lower()))
    if not entries:
        return None
    years = _years(low_text)
    end = len(low_text) if end is None else end
    near = low_text[max(0, start - _NEAR) : end + _NEAR]
    domain = _own_domain(low_text, end)
    for e in entries:
        if _name_agrees(e, first, initials) and _in_office(e, years) and _named_in(e, low_text, near) \
                and not _acts_for_other_body(e, domain):
            return e.reason()
    return None


_OWN_ADDRESS = re.compile(r"[ \t]*<[\w.+-]{1,64}@([\w.-]{1,120})>")


def _own_domain(low_text: str, end: int) -> str | None:
    """The domain of the address a display name carries ('Schellekens, Joost <j.schellekens@omwb.nl>')."""
    m = _OWN_ADDRESS.match(low_text, end)
    return m.group(1) if m else None


def _squash(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isalnum())


def _acts_for_other_body(e: Entry, domain: str | None) -> bool:
    """A municipal office holder's namesake who writes from another organisation's domain acts for
    that organisation: the mention is the person's own address line, and it is not the
    municipality's (a private provider's address says nothing either way)."""
    if domain is None or e.place is None or domain in _private_domains():
        return False
    return _squash(e.place).lower() not in _squash(domain).lower()


@lru_cache(maxsize=1)
def _private_domains() -> frozenset[str]:
    return frozenset(cue_words("private_domains.txt"))


_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


@lru_cache(maxsize=8)
def _years(low_text: str) -> frozenset[int]:
    """The years a document mentions (its date and the period it is about)."""
    return frozenset(int(y) for y in _YEAR.findall(low_text))


def _in_office(e: Entry, years: frozenset[int]) -> bool:
    """Whether the entry's term overlaps the years the document mentions (one year's margin);
    without years in the document, terms that ended before 2000 do not count. Entries without
    dates (the almanac snapshot) always count."""
    if not e.start and not e.end:
        return True
    start = int(e.start[:4]) if e.start[:4].isdigit() else 0
    end = int(e.end[:4]) if e.end[:4].isdigit() else 9999
    if not years:
        return end >= 2000
    return any(start - 1 <= y <= end + 1 for y in years)


# -- import ----------------------------------------------------------------------------------


def parse_roo_name(raw: str) -> tuple[str, str, str, str]:
    """'Dhr. mr. H.J. van der Veen (Henk)' -> (given, initials, tussenvoegsel, surname)."""
    given = ""
    m = re.search(r"\(([^)]*)\)", raw)
    if m and 1 <= len(m.group(1).split()) <= 2 and m.group(1)[:1].isupper() \
            and m.group(1).lower().split()[0] not in _ROO_OFFICES:
        given = m.group(1).strip()
    text = re.sub(r"\([^)]*\)", " ", raw)
    text = _SALUTATION.sub("", re.sub(r"\s+", " ", text).strip())
    toks = [t for t in text.split(" ") if t]
    while toks and toks[0].lower().rstrip(".") in _PRE_TITLES:
        toks.pop(0)
    while len(toks) > 1 and toks[-1].lower().rstrip(".") in _POST_TITLES:
        toks.pop()
    inits: list[str] = []
    while len(toks) > 1 and (re.fullmatch(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]?\.?", toks[0])
                             or re.fullmatch(r"[A-Z]", toks[0])):
        inits.append(toks.pop(0))
    while len(toks) > 1 and toks[0].lower().rstrip(".") in _PRE_TITLES:
        toks.pop(0)
    tv = []
    while len(toks) > 1 and toks[0][:1].islower():
        tv.append(toks.pop(0))
    initials = "".join(ch + "." for ch in _letters("".join(inits)))
    return given, initials, " ".join(tv), re.sub(r"\s*-\s*", "-", " ".join(toks)).rstrip(".")


def read_import(path: Path) -> list[dict[str, str]]:
    """Rows in the register's shape from a ROO export (';' separated, 'Naam' and 'Functie') or
    from a CSV in the register's own shape (the columns of COLUMNS; extra columns ignored)."""
    raw = path.read_bytes().decode("utf-8-sig")
    first_line = raw.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(raw), delimiter=delimiter)
    fields = {f.strip().lower(): f for f in reader.fieldnames or []}
    rows: list[dict[str, str]] = []
    if "naam" in fields and "functie" in fields:
        org_col = next((f for k, f in fields.items() if k.startswith("organisatie")), None)
        for r in reader:
            office = _ROO_OFFICES.get((r.get(fields["functie"]) or "").strip().lower())
            if office is None:
                continue  # a contact point or another function: not an office holder
            name = (r.get(fields["naam"]) or "").strip()
            given, initials, tv, surname = parse_roo_name(name)
            rows.append({"name": name, "given_names": given, "initials": initials, "tussenvoegsel": tv,
                         "surname": surname, "office": office,
                         "organisation": (r.get(org_col) or "").strip() if org_col else "",
                         "party": "", "start": "", "end": "", "source": f"import:{path.name}"})
        return rows
    missing = [c for c in ("surname", "office") if c not in fields]
    if missing:
        raise ValueError("onbekend registerformaat: verwacht een export van organisaties.overheid.nl "
                         f"(kolommen 'Naam' en 'Functie') of de kolommen {', '.join(COLUMNS)}")
    for r in reader:
        row = {c: (r.get(fields[c]) or "").strip() if c in fields else "" for c in COLUMNS}
        row["source"] = row["source"] or f"import:{path.name}"
        if row["surname"] and row["office"]:
            rows.append(row)
    return rows


def merge_into_user_register(rows: Iterable[dict[str, str]]) -> tuple[int, int]:
    """Add rows to the user's register (atomically); returns (added, total)."""
    target = user_register_path()
    existing: list[dict[str, str]] = []
    if target.is_file():
        existing = list(_read_rows(target.read_text(encoding="utf-8")))
    seen = {tuple(r.get(c, "") for c in COLUMNS[:10]) for r in existing}
    added = 0
    for r in rows:
        key = tuple(r.get(c, "") for c in COLUMNS[:10])
        if key not in seen:
            seen.add(key)
            existing.append(r)
            added += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS), extrasaction="ignore")
        w.writeheader()
        w.writerows(existing)
    os.replace(tmp, target)
    reload()
    return added, len(existing)
