"""RFC 5322 mail (.eml) with the standard library parser (``policy.default`` decodes headers)."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from wooflow.exceptions import LimitExceeded, MalformedMail
from wooflow.ingest.base import DEFAULT_MAX_MIME_DEPTH, ReadContext, new_document
from wooflow.ingest.email_common import add_attachments, html_to_text, mail_text
from wooflow.model import Document

KEY_HEADERS = ("from", "to", "subject", "date", "message-id")


def parse_message(data: bytes, path: str) -> EmailMessage:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError:
        raise LimitExceeded(path, "e-mail te diep genest (multipart in multipart, honderden niveaus)") from None
    except Exception:  # the parser is lenient; anything it raises means garbage
        raise MalformedMail(path, "e-mail niet te ontleden (MIME-structuur onleesbaar)") from None
    depth = _mime_depth(msg)
    if depth > DEFAULT_MAX_MIME_DEPTH:
        raise LimitExceeded(
            path, f"e-mail te diep genest ({depth} niveaus multipart, grens {DEFAULT_MAX_MIME_DEPTH})"
        )
    if not any(msg.get(h) is not None for h in KEY_HEADERS):
        raise MalformedMail(path, "geen e-mailkoppen gevonden (Van/Aan/Onderwerp/Datum)")
    return msg  # type: ignore[return-value]


def _mime_depth(msg: Any) -> int:
    """How deep multiparts nest in one message, counted without recursion."""
    deepest = 0
    stack = [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend((p, depth + 1) for p in payload)
    return deepest


def _header(msg: EmailMessage, name: str) -> str:
    """Decoded header text; a header the policy cannot parse falls back to its raw value."""
    try:
        value = msg.get(name)
    except Exception:
        value = msg.get_all(name, failobj=[None])[0] if hasattr(msg, "get_all") else None
    return " ".join(str(value).split()) if value is not None else ""


def _addresses(msg: EmailMessage, name: str) -> list[str]:
    try:
        header = msg.get(name)
        addrs = getattr(header, "addresses", None)
        if addrs is not None:
            return [str(a) for a in addrs if a.addr_spec or a.display_name]
    except Exception:
        pass
    raw = [str(v) for v in (msg.get_all(name) or [])]
    return [f"{n} <{a}>" if n else a for n, a in getaddresses(raw) if a or n]


def _date(msg: EmailMessage) -> datetime | None:
    raw = _header(msg, "date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None


def mail_fields(msg: EmailMessage) -> tuple[dict[str, Any], datetime | None]:
    date = _date(msg)
    fields: dict[str, Any] = {
        "from": "; ".join(_addresses(msg, "from")) or _header(msg, "from"),
        "to": _addresses(msg, "to"),
        "cc": _addresses(msg, "cc"),
        "date": date.isoformat() if date else None,
        "subject": _header(msg, "subject"),
        "message_id": _header(msg, "message-id") or None,
        "in_reply_to": _header(msg, "in-reply-to") or None,
        "references": _header(msg, "references").split(),
    }
    return fields, date


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("latin-1") if isinstance(payload, bytes) else str(payload)
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    return str(content)


def body_text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _part_text(body)  # type: ignore[arg-type]
    if body.get_content_subtype() == "html":
        text = html_to_text(text)
    return text


def attachments_of(msg: EmailMessage) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for i, part in enumerate(msg.iter_attachments(), 1):
        ctype = part.get_content_type()
        name = part.get_filename()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else inner
            data = inner_msg.as_bytes() if hasattr(inner_msg, "as_bytes") else b""
            name = name or f"bericht-{i}.eml"
        else:
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            name = name or f"bijlage-{i}{_guess_ext(ctype)}"
        out.append((name, data))
    return out


def _guess_ext(ctype: str) -> str:
    import mimetypes

    return mimetypes.guess_extension(ctype) or ".bin"


def mail_document(
    msg: EmailMessage, data: bytes, path: str, name: str, ctx: ReadContext
) -> Document:
    fields, date = mail_fields(msg)
    try:
        body = body_text(msg)
        attachments = attachments_of(msg)
    except Exception as exc:  # structural damage deep in a MIME tree
        raise MalformedMail(path, f"e-mailstructuur beschadigd: {exc}") from None
    lost = _lost_structure(msg)
    if lost and not body.strip():
        # The MIME boundary is missing: the parts cannot be told apart, so keep what is there
        # as raw text rather than an empty body, and say that attachments may be missing.
        raw = msg.get_payload()
        body = raw if isinstance(raw, str) else ""
    doc = new_document(data, path, name, "email", mail_text(fields, date, body), ctx)
    doc.fields.update(fields)
    if lost:
        doc.warnings.append(
            f"{path}: incomplete: MIME-structuur beschadigd ({lost}); de inhoud is als ruwe tekst"
            " ingelezen en bijlagen konden niet worden gescheiden"
        )
    elif msg.defects:
        doc.warnings.append(f"{path}: e-mail heeft gebreken: {type(msg.defects[0]).__name__}")
    add_attachments(doc, attachments, ctx)
    return doc


_STRUCTURE_DEFECTS = {
    "StartBoundaryNotFoundDefect": "begingrens niet gevonden",
    "NoBoundaryInMultipartDefect": "multipart zonder grens",
    "MultipartInvariantViolationDefect": "multipart zonder onderdelen",
}


def _lost_structure(msg: EmailMessage) -> str:
    """A Dutch description of a MIME defect that hides the body or attachments, or ""."""
    for part in msg.walk():
        for defect in getattr(part, "defects", ()):
            label = _STRUCTURE_DEFECTS.get(type(defect).__name__)
            if label:
                return label
    return ""


def read_eml(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    return mail_document(parse_message(data, path), data, path, name, ctx)
