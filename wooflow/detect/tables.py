"""Tables: a row is about one subject, a column holds one kind of value.

Registers, exports and ranking tables put a person's data in columns: 'Naam  Geb.datum
Nationaliteit  Document', a tab-separated export with 'aanvrager  telefoon  email
adres_aanvrager', a '|' table of subsidy applicants with 'monument (adres)'. Per cell the
recognizers see little ('04-11-1987' without 'geboren', 'CGZ 412877' without 'paspoort'); the
table itself is the evidence, so this step reads it after the other decisions:

* The **subject column** is the column with the most person findings. A row is a **person
  row** when its cell there holds a person the detector redacts and no cell of the row names an
  organisation (a legal form or organisation word: 'B.V.', 'Stichting', 'Restaurant').
* A column is **personal** when its header names personal data (the labels and their category
  are data: ``data/cues/table_columns.txt``), or when in at least two person rows, and in at
  least half of its filled cells, its cell already holds a redacted structured value of one
  category (a phone number, a date of birth, an identifier: column evidence, the other rows'
  cells in that column are the same kind of value; free text such as a 'reden' column is not).
* In rows about an organisation (a B.V., a foundation, a restaurant; not a V.O.F. or an
  eenmanszaak, which are their owners), the fixed phone numbers, addresses and postcodes in
  those columns are the organisation's and stay public; a mobile number stays redacted.
* In person rows, the non-empty cells of personal columns are redacted with the column's
  category.

Tables are lines of cells separated by tabs, by '|' or by two or more spaces, at least three
cells a line, at least three lines in a row. Linear in the text's length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.personcues import _orgish
from wooflow.model import Finding

MIN_CELLS = 3
MIN_ROWS = 3  # a header and two rows, or three rows
SCORE = 0.9
_EMPTY = frozenset({"", "-", "--", "ja", "nee", "n.v.t.", "nvt", "onbekend", "geen", "x", "?"})
_SPACES = re.compile(r"\S(?:[^\t\n]*?\S)??(?=[ ]{2,}|$)")
STRUCTURED = frozenset({"phone", "email", "address", "postcode", "birthdate", "id_number", "plate", "iban", "bsn",
                        "nationality"})
"""Categories whose column says what the column's other cells are (not free text: a 'reden'
column with one health statement is not a health column)."""
ORG_KEEP = frozenset({"phone", "address", "postcode"})
"""Values an organisation row's own recognizer findings may hold that are the organisation's."""
_RULE = re.compile(r"^[ \t|+:]*[-=_]{3,}[-=_ \t|+:]*$")
_LEGAL = re.compile(r"(?<!\w)(?:B\.?V\.?|N\.?V\.?)(?!\w)")
"""Legal persons. A V.O.F. or an eenmanszaak is its owners: their row is about persons."""


def _mobile(f: Finding) -> bool:
    """A mobile number is a person's, also in a business's row."""
    digits = "".join(ch for ch in f.text if ch.isdigit())
    return f.category == "phone" and (digits.startswith("06") or digits.startswith("316"))


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    text: str
    column: int


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...] | None
    head: tuple[int, int]
    """Where the first line (the header, if it is one) stands in the text."""
    rows: tuple[tuple[Cell, ...], ...]


@lru_cache(maxsize=1)
def _column_labels() -> dict[str, str]:
    """Header words that name a personal-data column, with their category."""
    out = {}
    for line in lexicon.cue_words("table_columns.txt"):
        word, _, category = line.partition("|")
        if word.strip() and category.strip():
            out[word.strip()] = category.strip()
    return out


def header_category(header: str) -> str | None:
    """'Geb.datum' -> 'birthdate', 'adres_aanvrager' -> 'address', 'Naam' -> None."""
    low = header.strip().lower()
    labels = _column_labels()
    if low in labels:
        return labels[low]
    for word in re.split(r"[^a-zà-ÿ-]+", low) + re.split(r"[^a-zà-ÿ]+", low):  # 'Nr. ID-bewijs', 'adres_aanvrager'
        if word in labels:
            return labels[word]
    return None


def _split(line: str, base: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The line's separator kind and its cells (start, end, text), stripped."""
    if "\t" in line:
        kind, parts, pos = "tab", [], 0
        for piece in line.split("\t"):
            parts.append((pos, piece))
            pos += len(piece) + 1
    elif line.count("|") >= 2:
        kind, parts, pos = "pipe", [], 0
        for piece in line.split("|"):
            parts.append((pos, piece))
            pos += len(piece) + 1
    else:
        return "space", [(base + m.start(), base + m.end(), m.group()) for m in _SPACES.finditer(line)]
    cells = []
    for off, piece in parts:
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        cells.append((base + off + lead, base + off + lead + len(stripped), stripped))
    return kind, cells


def tables(text: str) -> list[Table]:
    """The tables of a text (see the module's docstring for what counts as one)."""
    out: list[Table] = []
    block: list[tuple[str, list[tuple[int, int, str]], int]] = []
    kind_of_block = ""
    pos = 0
    for line in text.split("\n"):
        if block and _RULE.match(line):  # '-----+-----' under a header: part of the table
            pos += len(line) + 1
            continue
        kind, cells = _split(line, pos)
        ok = sum(1 for c in cells if c[2]) >= MIN_CELLS
        if ok and block and kind != kind_of_block:
            _close(block, kind_of_block, out)
            block = []
        if ok:
            kind_of_block = kind
            block.append((kind, cells, pos))
        elif block:
            _close(block, kind_of_block, out)
            block = []
        pos += len(line) + 1
    if block:
        _close(block, kind_of_block, out)
    return out


def _is_header(cells: list[tuple[int, int, str]]) -> bool:
    texts = [c[2] for c in cells if c[2]]
    return bool(texts) and all(not any(ch.isdigit() for ch in t) and len(t.split()) <= 4 for t in texts)


def _close(block: list[tuple[str, list[tuple[int, int, str]], int]], kind: str, out: list[Table]) -> None:
    if len(block) < MIN_ROWS:
        return
    first = block[0][1]
    header = tuple(c[2] for c in first) if _is_header(first) else None
    body = block[1:] if header is not None else block
    rows: list[tuple[Cell, ...]] = []
    if kind == "space":
        # columns by position: a cell belongs to the column (header cell, or first row's cell)
        # whose span it overlaps most
        # (typed tables drift: a row with as many cells as the header is read by position in
        # the row, others by the nearest header cell)
        starts = [c[0] - block[0][2] for c in first]
        for _, cells, base in body:
            if len(cells) == len(starts):
                rows.append(tuple(Cell(s, e, t, i) for i, (s, e, t) in enumerate(cells)))
                continue
            rows.append(tuple(Cell(s, e, t, min(range(len(starts)), key=lambda i: abs(starts[i] - (s - base))))
                              for s, e, t in cells))
    else:
        for _, cells, _ in body:
            rows.append(tuple(Cell(s, e, t, i) for i, (s, e, t) in enumerate(cells)))
    head = (first[0][0], first[-1][1]) if first else (0, 0)
    out.append(Table(header, head, tuple(rows)))


def _org_cell(cell: Cell, redacted: list[Finding]) -> bool:
    """The cell names an organisation: a legal form, an organisation word ('Stichting',
    'Gemeente'), or a business noun first ('Restaurant Jade Palace', 'Slagerij Verhagen');
    read outside the redacted values in it (an address, a person's initials: 'Vereniging
    Hendrick de Keyser' is an organisation, 'Kerkstraat 41' is not)."""
    if any(f.category == "special_category" and _inside(f, cell) for f in redacted):
        return False  # a statement about a person's health or debts: the row is about a person
    chars = list(cell.text)
    for f in redacted:
        if _inside(f, cell):
            for i in range(max(f.start, cell.start), min(f.end, cell.end)):
                chars[i - cell.start] = " "
    rest = "".join(chars)
    if _LEGAL.search(rest):
        return True
    words = [w.strip(".,;:()'\"/") for w in rest.split()]
    words = [w for w in words if w]
    first = words[0] if words else ""
    return len(first) > 3 and first[:1].isupper() and first[1:].islower() and _orgish(first)


def _inside(f: Finding, cell: Cell) -> bool:
    return f.start < cell.end and f.end > cell.start


_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CAPITAL = re.compile(r"(?<!\w)[A-ZÀ-Ý]")
_WORD = re.compile(r"[a-zà-ÿ]{3}")  # a word, not a paraaf ('JvdH', 'ABL')
DIGITS = frozenset({"phone", "plate", "postcode", "birthdate", "iban", "bsn"})
"""Column categories whose values always hold a digit (an id column may name the document
instead: '(advocatenpas)')."""


def _cell_value(c: Cell, column: str) -> tuple[int, str] | None:
    """Where a personal column's cell value starts and what it is, from its content where the
    content says so: a column can hold more than its header names ('chauffeur/voertuig' holds a
    plate or the driver's name, 'contact' a phone number or an e-mail address). An e-mail
    address is one; a cell of a digit column (phone, plate, date, number) without a digit is no
    such value: a capitalised word in it is a name ('chauffeur Dennis', from the capital on), and
    lower-case words only ('diverse') are no value at all. A person column's cell that names a
    unit of an organisation is no person."""
    if _MAIL.fullmatch(c.text.strip()):
        return c.start, "email"
    if column == "person" and any(_orgish(w) and _WORD.search(w) for w in c.text.split()):
        return None  # a team or department in a handler column ('BOA-team Zuid')
    if column in DIGITS and not any(ch.isdigit() for ch in c.text):
        cap = _CAPITAL.search(c.text)
        return (c.start + cap.start(), "person") if cap else None
    return c.start, column


def review(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings with the tables' evidence applied: new findings for personal columns in
    person rows, organisation rows' own contact values kept public."""
    tabs = tables(text) if ("\t" in text or "|" in text or "  " in text) else []
    if not tabs:
        return findings
    # a form field read along a header line ('Nationaliteit   Document') is a label, not a value
    heads = [t.head for t in tabs if t.header is not None]
    findings = [f for f in findings
                if not (f.recognizer == "formfield" and any(a <= f.start < b for a, b in heads))]
    redacted = [f for f in findings if f.action == "redact"]
    persons = [f for f in redacted if f.category == "person"]
    added: list[Finding] = []
    keep_ids: dict[int, str] = {}
    for tab in tabs:
        added += _table(text, tab, redacted, persons, keep_ids)
    if keep_ids:
        findings = [replace(f, action="keep", ground=None, reason=f"{f.reason}; {keep_ids[id(f)]}")
                    if id(f) in keep_ids else f for f in findings]
    return findings + added


@lru_cache(maxsize=1)
def _office() -> re.Pattern[str]:
    from wooflow.detect.publicrole import ROLE_WORDS

    return re.compile(rf"(?:de[ \t]+|het[ \t]+)?(?:{ROLE_WORDS})", re.IGNORECASE)


_PARAAF = re.compile(r"[A-ZÀ-Þ][\w.]{0,5}")


def _office_cell(c: Cell) -> bool:
    """A cell that is only the name of a public office ('Gedeputeerde', 'Wethouder')."""
    return bool(_office().fullmatch(c.text.strip(" .:")))


def _table(text: str, tab: Table, redacted: list[Finding], persons: list[Finding],
           keep_ids: dict[int, str]) -> list[Finding]:
    def cells_with(fs: Iterable[Finding], row: tuple[Cell, ...]) -> dict[int, list[Finding]]:
        out: dict[int, list[Finding]] = {}
        for c in row:
            for f in fs:
                if _inside(f, c):
                    out.setdefault(c.column, []).append(f)
        return out

    if tab.header is None:
        return []  # a block of label/value pairs or a list without a header is no register
    lo, hi = tab.rows[0][0].start, tab.rows[-1][-1].end
    near_persons = [f for f in persons if lo <= f.start < hi]
    if not near_persons:
        return []
    near = [f for f in redacted if lo <= f.start < hi]
    per_row = [cells_with(near_persons, row) for row in tab.rows]
    counts = Counter(col for cols in per_row for col in cols)
    if not counts:
        return []
    # the subject column names a different person in each row; a handler's initials recur
    distinct = {col: len({f.text for cols in per_row for f in cols.get(col, ())}) for col in counts}
    subject = min(counts, key=lambda c: (-distinct[c], -counts[c], c))
    person_rows, org_rows = [], []
    # a value that recurs down a column ('JtH', 'MH' in a 'beh.' column) is the register's own
    # handler, not part of the row's subject
    recurring = Counter((c.column, c.text.strip()) for row in tab.rows for c in row)
    for row, cols in zip(tab.rows, per_row, strict=True):
        if any(_org_cell(c, near) for c in row):
            org_rows.append(row)
        elif any(_office_cell(c) for c in row):
            # 'Gedeputeerde | H.W. Stolk-Vermeer | HSV' in a PARAFEN table: the row's person is
            # named in a public office, with the paraaf that goes with it
            handler = {c.column for c in row if c.column != subject and recurring[(c.column, c.text.strip())] > 1}
            # only the cell right after the office (and a paraaf after that): a register row
            # whose reporter is 'raadslid' names the private person it is about further on
            office = min(c.column for c in row if _office_cell(c))
            after = {office + 1} | {c.column for c in row
                                    if c.column == office + 2 and _PARAAF.fullmatch(c.text.strip())}
            keep_ids.update((id(f), "persoon in publieke functie (tabelrij)") for col, fs in cols.items()
                            if col not in handler and col in after for f in fs)
        elif subject in cols:
            person_rows.append(row)
    columns: dict[int, str] = {}
    if tab.header is not None:
        for i, h in enumerate(tab.header):
            cat = header_category(h)
            if cat is not None and i != subject:
                columns[i] = cat
    evidence: dict[int, Counter[str]] = {}
    for row in person_rows:
        for col, fs in cells_with([f for f in near if f.category in STRUCTURED], row).items():
            if col != subject:
                evidence.setdefault(col, Counter())[Counter(f.category for f in fs).most_common(1)[0][0]] += 1
    filled = Counter(c.column for row in person_rows for c in row if c.text.lower().strip(" .") not in _EMPTY)
    for col, cats in evidence.items():
        cat, n = cats.most_common(1)[0]
        if n >= 2 and 2 * n >= filled[col] and col not in columns:
            columns[col] = cat
    out: list[Finding] = []
    for row in person_rows:
        for c in row:
            cat = columns.get(c.column)
            if cat is None or c.text.lower().strip(" .") in _EMPTY or any(_inside(f, c) for f in near
                                                                              if f.start <= c.start and f.end >= c.end):
                continue
            value = _cell_value(c, cat)
            if value is None or value[1] == "email" and any(f.category == "email" and _inside(f, c) for f in near):
                continue  # no value, or an address whose personal part the e-mail recognizer found
            start, cat = value
            label = tab.header[c.column] if tab.header is not None and c.column < len(tab.header) else ""
            why = f"kolom '{label}'" if label else "kolom met persoonsgegevens"
            out.append(Finding(start, c.end, text[start:c.end], cat, "redact", "5.1.2e", SCORE, "table",
                               f"{why} in een rij over een persoon (tabel)"))
    for row in org_rows:
        for c in row:
            if c.column not in columns:
                continue  # only the register's contact columns; free text keeps its findings
            for f in near:
                if f.category in ORG_KEEP and _inside(f, c) and not _mobile(f):
                    keep_ids[id(f)] = "gegevens van een organisatie (tabelrij)"
    return out
