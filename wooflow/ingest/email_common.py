"""What every e-mail reader shares: the Dutch header block, dates, HTML bodies, attachments.

``Document.text`` of a mail is the header block as an Outlook print-out shows it (Van, Aan, CC,
Datum, Onderwerp), a blank line, then the body. ``fields`` holds the same headers structured.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from wooflow.exceptions import InputError, LimitExceeded
from wooflow.ingest.base import ReadContext, child_path
from wooflow.model import Document

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
FIELD_KEYS = ("from", "to", "cc", "date", "subject", "message_id", "in_reply_to", "references")


def dutch_date(dt: datetime) -> str:
    """``maandag 4 maart 2024 10:15``, as a Dutch Outlook print-out writes it."""
    return f"{DAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M}"


def header_block(fields: dict[str, Any], date_text: str) -> str:
    lines = [
        f"Van: {fields.get('from') or ''}",
        f"Aan: {'; '.join(fields.get('to') or [])}",
        f"CC: {'; '.join(fields.get('cc') or [])}",
        f"Datum: {date_text}",
        f"Onderwerp: {fields.get('subject') or ''}",
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n\n"


def normalise_body(body: str) -> str:
    return body.replace("\r\n", "\n").replace("\r", "\n").strip("\n") + "\n" if body.strip() else ""


_BLOCK_TAGS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dl", "dt",
    "dd",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "head", "title", "meta", "noscript", "template"}
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_to_text(html: str | bytes) -> str:
    """Readable text of an HTML body: block elements on lines of their own, cells tab-separated.

    Written here because no dependency of wooflow converts HTML to text (lxml parses only).
    """
    import lxml.html

    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml.etree.ParserError on garbage: fall back to stripped tags
        return _SPACE.sub(" ", re.sub(r"<[^>]+>", " ", html)).strip()
    out: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            if el.tail:
                out.append(_SPACE.sub(" ", el.tail))
            return
        if tag in _BLOCK_TAGS:
            out.append("\n")
        elif tag in ("td", "th"):
            out.append("\t")
        if el.text and tag:
            out.append(el.text if tag == "pre" else _SPACE.sub(" ", el.text))
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS and tag != "br":
            out.append("\n")
        if el.tail:
            out.append(_SPACE.sub(" ", el.tail))

    walk(root)
    text = "".join(out)
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def unique_name(name: str, used: set[str]) -> str:
    """Two attachments called image001.png must not collide as ``parent#member`` paths."""
    candidate = name
    n = 2
    while candidate in used:
        stem, dot, ext = name.rpartition(".")
        candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
        n += 1
    used.add(candidate)
    return candidate


def add_attachments(
    doc: Document, attachments: Iterable[tuple[str, bytes]], ctx: ReadContext
) -> None:
    """Read each attachment as a child; a bad attachment is a warning, not a failed mail."""
    from wooflow.ingest.dispatch import read_child

    used: set[str] = set()
    names: list[str] = []
    for raw_name, data in attachments:
        ctx.budget.members += 1
        if ctx.budget.members > ctx.max_members:
            raise LimitExceeded(doc.path, f"meer dan {ctx.max_members} bijlagen/bestanden")
        name = unique_name(raw_name, used)
        names.append(name)
        if not data:
            doc.warnings.append(f"{child_path(doc.path, name)}: empty: bijlage is leeg")
            continue
        try:
            doc.children.append(read_child(data, name, doc.path, ctx))
        except InputError as exc:
            doc.warnings.append(f"{exc.path}: {exc.reason}: {exc.detail}")
    if names:
        doc.fields["attachments"] = names


def mail_text(fields: dict[str, Any], date: datetime | None, body: str) -> str:
    date_text = dutch_date(date) if date is not None else ""
    return header_block(fields, date_text) + normalise_body(body)
