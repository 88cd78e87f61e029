"""Word .docx (python-docx): headers, body paragraphs and tables in order, footers, footnotes,
comments.

Layout of ``Document.text``: the distinct page headers, the body, the distinct footers, then
footnotes and comments under a Dutch label. Table rows are lines with cells separated by a tab;
a merged cell is written once. Blocks are separated by one newline, parts by a blank line.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from wooflow.exceptions import CorruptDocument, EmptyDocument
from wooflow.ingest.base import ReadContext, new_document
from wooflow.model import Document

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees that hold no document text: properties (their w:tab are tab stops), deletions of
# tracked changes, and the VML fallback copy of a text box (the drawing copy is read instead).
_SKIP = {f"{W_NS}pPr", f"{W_NS}rPr", f"{W_NS}del", f"{W_NS}moveFrom", MC_FALLBACK}
_CHARS = {f"{W_NS}tab": "\t", f"{W_NS}br": "\n", f"{W_NS}cr": "\n", f"{W_NS}noBreakHyphen": "-"}


def paragraph_text(p: Any) -> str:
    """Text of a w:p element, including tracked insertions and text boxes.

    python-docx's ``Paragraph.text`` only reads direct runs and hyperlinks, so text inserted with
    track changes on (w:ins) would silently vanish from detection; hence this walk.
    """
    out: list[str] = []

    def walk(el: Any, top: bool) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W_NS}t":
                out.append(child.text or "")
            elif tag in _CHARS:
                out.append(_CHARS[tag])
            elif tag == f"{W_NS}p":  # a paragraph in a text box anchored here
                out.append("\n")
                walk(child, False)
            else:
                walk(child, top)

    walk(p, True)
    return "".join(out)


def _blocks(container: Any) -> list[str]:
    """Lines of a body, header, footer or cell: paragraphs and (nested) tables in order."""
    from docx.table import Table

    lines: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.extend(_table(item))
        else:
            lines.append(paragraph_text(item._p))
    return lines


def _table(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # horizontally merged: python-docx repeats the cell
                continue
            seen.add(id(cell._tc))
            cells.append(" / ".join(line for line in _blocks(cell) if line.strip()))
        rows.append("\t".join(cells))
    return rows


def _distinct(parts: list[list[str]]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for lines in parts:
        text = "\n".join(lines).strip("\n")
        if text.strip() and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _headers_footers(doc: Any) -> tuple[list[str], list[str]]:
    headers: list[list[str]] = []
    footers: list[list[str]] = []
    for section in doc.sections:
        for attr, bucket in (
            ("first_page_header", headers),
            ("header", headers),
            ("even_page_header", headers),
            ("first_page_footer", footers),
            ("footer", footers),
            ("even_page_footer", footers),
        ):
            part = getattr(section, attr)
            if not part.is_linked_to_previous:
                bucket.append(_blocks(part))
    return _distinct(headers), _distinct(footers)


def _notes(data: bytes, part: str, tag: str) -> list[str]:
    """Footnote/endnote texts; python-docx has no API for them, so read the part's XML."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(part)
    except KeyError:
        return []
    root = etree.fromstring(xml)
    out: list[str] = []
    for note in root.iter(f"{W_NS}{tag}"):
        if note.get(f"{W_NS}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = ["".join(t.text or "" for t in p.iter(f"{W_NS}t")) for p in note.iter(f"{W_NS}p")]
        text = " ".join(p.strip() for p in paras if p.strip())
        if text:
            out.append(text)
    return out


def _comments(doc: Any) -> list[str]:
    out: list[str] = []
    try:
        comments = list(doc.comments)
    except (AttributeError, KeyError):
        return out
    for comment in comments:
        texts = (paragraph_text(p._p).strip() for p in comment.paragraphs)
        text = " ".join(t for t in texts if t)
        author = (comment.author or "").strip()
        out.append(f"{author}: {text}" if author else text)
    return out


def _core(doc: Any) -> dict[str, Any]:
    props = doc.core_properties
    out: dict[str, Any] = {}
    for key in ("title", "author", "last_modified_by", "subject"):
        value = (getattr(props, key, None) or "").strip()
        if value:
            out[f"docx_{key}"] = value
    for key in ("created", "modified"):
        value = getattr(props, key, None)
        if value is not None:
            out[f"docx_{key}"] = value.isoformat()
    return out


def read_docx(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    import docx

    from wooflow.ingest.archive import check_container

    check_container(data, path, ctx)  # a .docx is a zip: the same limits before python-docx
    try:
        wdoc = docx.Document(io.BytesIO(data))
        body = "\n".join(_blocks(wdoc)).strip("\n")
        headers, footers = _headers_footers(wdoc)
        footnotes = _notes(data, "word/footnotes.xml", "footnote")
        endnotes = _notes(data, "word/endnotes.xml", "endnote")
        comments = _comments(wdoc)
        fields = _core(wdoc)
        deletions = sum(1 for _ in wdoc.element.body.iter(f"{W_NS}del"))
    except Exception as exc:  # python-docx/lxml on broken XML or missing parts
        raise CorruptDocument(path, f"beschadigd Word-document: {exc}") from None
    parts = [*headers, body, *footers]
    for label, items in (
        ("Voetnoten", footnotes),
        ("Eindnoten", endnotes),
        ("Opmerkingen", comments),
    ):
        if items:
            parts.append(f"{label}:\n" + "\n".join(items))
    text = "\n\n".join(p for p in parts if p.strip())
    if not text.strip():
        raise EmptyDocument(path, "Word-document bevat geen tekst")
    doc = new_document(data, path, name, "docx", text + "\n", ctx)
    doc.fields.update(fields)
    if deletions:
        doc.warnings.append(
            f"{path}: document bevat {deletions} bijgehouden verwijdering(en); "
            "verwijderde tekst staat niet in de tekst maar wel in het bestand"
        )
    return doc
