"""Split a bundled PDF (one published file holding many documents) back into documents.

Each page boundary gets a score from page-top cues; a boundary scoring at least ``THRESHOLD``
starts a new document. Cues (weights), all explainable in the ``reason`` of a segment:

- a production stamp in the page margin ("Document 12", "Documentnr. 0012", "ID 4711") that
  changes (+8) or stays the same (-8): Woo productions stamp every page with its document id;

- page numbering restarts: "1 van 3", "Pagina 1 van 3", "1/3" (+6); a page "n van m" that
  continues the previous page's "n-1 van m" (-6);
- an e-mail header block (Van:/From:, Verzonden:/Sent:, Aan:/To:, Onderwerp:/Subject:) at the top
  of a page (+5);
- a letterhead or title block at the top ("Ministerie van", "Gemeente", a genre word such as
  "nota", "verslag", "agenda", "Besluit", "Aan de Voorzitter", "Vragen van het lid", a Kamer
  case number "2024Z01234") (+3);
- a date block ("Datum" field or a date line) near the top that differs from the current
  document's date (+2), or repeats it, a running header (-2);
- a salutation "Geachte" near the top (+2); the previous page ends with a closing or signature
  ("Met vriendelijke groet", "Hoogachtend", "Aldus vastgesteld") (+1.5);
- the previous page is the last of its numbering ("3 van 3") (+2);
- a title page: at most 12 lines of text, one of them a date (+1.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wooflow.model import Document
from wooflow.understand.dates import parse_date

THRESHOLD = 3.0
TOP_LINES = 14

_PAGE_OF = re.compile(
    r"^\s*(?:pagina|page|blad|p\.)?\s*(\d{1,3})\s*(?:van|of|/)\s*(\d{1,3})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_MAIL_KEYS = {
    "from": re.compile(r"^\s*(?:Van|From)\s*:", re.IGNORECASE),
    "date": re.compile(r"^\s*(?:Verzonden|Sent|Datum|Date)\s*:", re.IGNORECASE),
    "to": re.compile(r"^\s*(?:Aan|To)\s*:", re.IGNORECASE),
    "subject": re.compile(r"^\s*(?:Onderwerp|Subject)\s*:", re.IGNORECASE),
}
_LETTERHEAD = re.compile(
    r"^[\s#*]*(?:Ministerie van|Gemeente\s+[A-Z]|Provincie\s+[A-Z]|Rijksoverheid|"
    r"Aan de Voorzitter|nota|notitie|verslag|notulen|agenda|besluitenlijst|besluit|"
    r"beschikking|kamerbrief|convenant|rapport|jaarverslag|jaarplan|presentatie|"
    r"Vragen van (?:het lid|de leden)|20\d\dZ\d{5}|"
    r"ter (?:ondertekening|besluitvorming|informatie|advisering|beslissing|kennisname))\b",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^(?:Document(?:nummer|nr\.?)?|Doc\.?(?:nr\.?)?|Document ID|ID)\s*[:#]?\s*(\d{1,7})$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"^\s*(?:Datum|Vergaderdatum|Dagtekening)\b[\s:]*(.*)$", re.IGNORECASE)
_SALUTATION = re.compile(r"^\s*Geachte\b")
_CLOSING = re.compile(
    r"^\s*(?:Met vriendelijke groet(?:en)?|Hoogachtend|Aldus (?:vastgesteld|overeengekomen|besloten)|"
    r"Met hartelijke groet)",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One document inside a bundle: pages ``start_page``..``end_page`` (0-based, inclusive)."""

    start_page: int
    end_page: int
    reason: str


def page_texts(doc: Document) -> list[str]:
    """The text of each page (from ``doc.pages`` offsets, else split on form feeds)."""
    if doc.pages:
        return [doc.text[p.start : p.end] for p in doc.pages]
    return doc.text.split("\f")


def _top(page: str) -> list[str]:
    return [ln.strip() for ln in page.split("\n") if ln.strip()][:TOP_LINES]


def _page_number(page: str) -> tuple[int, int] | None:
    """ "n van m" in the top or bottom lines of a page."""
    lines = [ln for ln in page.split("\n") if ln.strip()]
    for ln in lines[:6] + lines[-6:]:
        m = _PAGE_OF.match(ln)
        if m:
            n, total = int(m.group(1)), int(m.group(2))
            if 1 <= n <= total:
                return n, total
    return None


def _stamp(page: str) -> str | None:
    """A production stamp ("Document 12", "Documentnr. 0012", "ID 4711") in a page's margins."""
    lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
    for ln in lines[:4] + lines[-4:]:
        m = _STAMP.match(ln)
        if m:
            return m.group(1).lstrip("0") or "0"
    return None


def _top_date(top: list[str]) -> str | None:
    for i, ln in enumerate(top):
        m = _DATE_LABEL.match(ln)
        if m:
            d = parse_date(m.group(1)) or (parse_date(top[i + 1]) if i + 1 < len(top) else None)
            if d:
                return d.isoformat()
    for ln in top[:8]:
        if len(ln) < 40:
            d = parse_date(ln)
            if d:
                return d.isoformat()
    return None


def boundary_score(
    prev: str, page: str, prev_num: tuple[int, int] | None, current_date: str | None
) -> tuple[float, list[str]]:
    """Score (and reasons) that ``page`` starts a new document after ``prev``."""
    score, why = 0.0, []
    stamp, prev_stamp = _stamp(page), _stamp(prev)
    if stamp and prev_stamp:
        if stamp != prev_stamp:
            score += 8
            why.append(f"ander documentnummer ({prev_stamp} -> {stamp})")
        else:
            score -= 8
            why.append(f"zelfde documentnummer ({stamp})")
    num = _page_number(page)
    if num and num[0] == 1:
        score += 6
        why.append(f"paginanummering begint opnieuw (1 van {num[1]})")
    elif num and prev_num and num[0] == prev_num[0] + 1 and num[1] == prev_num[1]:
        score -= 6
        why.append(f"vervolgpagina ({num[0]} van {num[1]})")
    top = _top(page)
    keys = {k for ln in top[:10] for k, rx in _MAIL_KEYS.items() if rx.match(ln)}
    if len(keys) >= 3 and ("from" in keys or "subject" in keys):
        score += 5
        why.append("e-mailkop bovenaan")
    if any(_LETTERHEAD.match(ln) and len(ln) < 80 for ln in top[:6]):
        score += 3
        why.append("briefhoofd of titelblok bovenaan")
    date = _top_date(top)
    if date and current_date and date == current_date:
        score -= 2
        why.append("zelfde datumblok (lopende kop)")
    elif date:
        score += 2
        why.append(f"nieuw datumblok ({date})")
    if any(_SALUTATION.match(ln) for ln in top):
        score += 2
        why.append("aanhef 'Geachte' bovenaan")
    prev_own = _page_number(prev)
    if prev_own and prev_own[0] == prev_own[1] and not (num and num[0] > 1):
        score += 2
        why.append(f"vorige pagina is de laatste ({prev_own[0]} van {prev_own[1]})")
    if date and len([ln for ln in page.split("\n") if ln.strip()]) <= 12:
        score += 1.5
        why.append("titelpagina (weinig tekst met een datum)")
    tail = "\n".join([ln for ln in prev.split("\n") if ln.strip()][-8:])
    if _CLOSING.search(tail):
        score += 1.5
        why.append("vorige pagina eindigt met slotformule")
    return score, why


def segment_document(doc: Document, segment: Segment) -> Document:
    """The pages of one segment as a Document of its own (offsets, pages and words rebased).

    Its path is ``<bundle>#p<first>-<last>`` (1-based pages, as a reader would cite them).
    """
    if doc.pages:
        first, last = doc.pages[segment.start_page], doc.pages[segment.end_page]
        base, end = first.start, last.end
    else:
        texts = doc.text.split("\f")
        base = sum(len(t) + 1 for t in texts[: segment.start_page])
        end = base + len("\f".join(texts[segment.start_page : segment.end_page + 1]))
    pages = [
        replace(p, number=p.number - segment.start_page, start=p.start - base, end=p.end - base)
        for p in doc.pages[segment.start_page : segment.end_page + 1]
    ]
    words = [
        replace(w, page=w.page - segment.start_page, start=w.start - base, end=w.end - base)
        for w in doc.words
        if segment.start_page <= w.page <= segment.end_page and base <= w.start and w.end <= end
    ]
    label = f"p{segment.start_page + 1}-{segment.end_page + 1}"
    return Document(
        path=f"{doc.path}#{label}",
        name=f"{doc.name}#{label}",
        kind=doc.kind,
        sha256=doc.sha256,
        text=doc.text[base:end],
        pages=pages,
        words=words,
        fields={"bundle": doc.path, "pages": [segment.start_page, segment.end_page]},
        parent_path=doc.path,
    )


def split_documents(doc: Document, threshold: float = THRESHOLD) -> list[Document]:
    """``split_bundle`` and ``segment_document`` in one: the documents inside a bundle."""
    return [segment_document(doc, s) for s in split_bundle(doc, threshold)]


def split_bundle(doc: Document, threshold: float = THRESHOLD) -> list[Segment]:
    """Split a page stream into documents; a one-page document is one segment."""
    pages = page_texts(doc)
    if not pages:
        return []
    segments: list[Segment] = []
    start, reason = 0, "begin van de bundel"
    prev_num = _page_number(pages[0])
    current_date = _top_date(_top(pages[0]))
    for i in range(1, len(pages)):
        score, why = boundary_score(pages[i - 1], pages[i], prev_num, current_date)
        if score >= threshold:
            segments.append(Segment(start, i - 1, reason))
            start, reason = i, f"score {score:g}: " + "; ".join(w for w in why)
            current_date = _top_date(_top(pages[i]))
        elif current_date is None:
            current_date = _top_date(_top(pages[i]))
        prev_num = _page_number(pages[i])
    segments.append(Segment(start, len(pages) - 1, reason))
    return segments
