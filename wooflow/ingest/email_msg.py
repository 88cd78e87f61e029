"""Outlook .msg files (extract-msg): the .eml text layout and fields; attachments as children."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wooflow.exceptions import CorruptDocument, EncryptedDocument, MalformedMail, UnsupportedFormat
from wooflow.ingest.base import ReadContext, new_document
from wooflow.ingest.email_common import add_attachments, html_to_text, mail_text
from wooflow.model import Document


def open_msg(data: bytes, path: str) -> Any:
    import extract_msg
    from extract_msg import exceptions as msg_errors
    from extract_msg.enums import ErrorBehavior

    try:
        msg = extract_msg.openMsg(
            data,
            delayAttachments=False,
            errorBehavior=ErrorBehavior.ATTACH_NOT_IMPLEMENTED | ErrorBehavior.ATTACH_BROKEN,
        )
    except msg_errors.UnsupportedMSGTypeError as exc:
        raise UnsupportedFormat(path, f"Outlook-item is geen e-mail ({exc})") from None
    except msg_errors.UnrecognizedMSGTypeError as exc:
        raise UnsupportedFormat(path, f"onbekend Outlook-itemtype ({exc})") from None
    except Exception as exc:
        raise CorruptDocument(path, f"beschadigd .msg-bestand: {exc}") from None
    if not hasattr(msg, "body") or not hasattr(msg, "subject"):
        msg.close()
        raise UnsupportedFormat(path, f"Outlook-item is geen e-mail ({type(msg).__name__})")
    return msg


def _recipients(msg: Any, kind: str) -> list[str]:
    """``Name <address>`` per recipient of one type (TO or CC)."""
    out: list[str] = []
    for rcpt in getattr(msg, "recipients", None) or []:
        rtype = getattr(getattr(rcpt, "type", None), "name", str(getattr(rcpt, "type", "")))
        if rtype.upper() != kind:
            continue
        name, email = (
            (getattr(rcpt, "name", None) or "").strip(),
            (getattr(rcpt, "email", None) or "").strip(),
        )
        if name and email and name != email:
            out.append(f"{name} <{email}>")
        elif name or email:
            out.append(name or email)
    if not out:
        raw = getattr(msg, kind.lower(), None) or ""
        out = [part.strip() for part in str(raw).split(";") if part.strip()]
    return out


SENDER_STREAMS = ("__substg1.0_5D01", "__substg1.0_0C1F", "__substg1.0_0065")  # SMTP, address


def _sender(msg: Any) -> str:
    """``Name <address>``: extract-msg gives only the name when no transport headers exist."""
    sender = " ".join(str(getattr(msg, "sender", None) or "").split())
    if "@" in sender:
        return sender
    for stream in SENDER_STREAMS:
        try:
            email = msg.getStringStream(stream)
        except Exception:
            email = None
        if email and "@" in email:
            return f"{sender} <{email.strip()}>" if sender else email.strip()
    return sender


def _local(date: datetime) -> datetime:
    """Outlook stores UTC; show the time as a Dutch reader saw it."""
    try:
        from zoneinfo import ZoneInfo

        return date.astimezone(ZoneInfo("Europe/Amsterdam"))
    except Exception:  # no tz database: keep UTC rather than fail
        return date


def msg_fields(msg: Any) -> tuple[dict[str, Any], datetime | None]:
    date = getattr(msg, "date", None)
    if not isinstance(date, datetime):
        date = None
    elif date.tzinfo is not None:
        date = _local(date)
    header = getattr(msg, "header", None)
    references = str(header.get("references", "") or "") if header is not None else ""
    fields: dict[str, Any] = {
        "from": _sender(msg),
        "to": _recipients(msg, "TO"),
        "cc": _recipients(msg, "CC"),
        "date": date.isoformat() if date else None,
        "subject": " ".join(str(getattr(msg, "subject", None) or "").split()),
        "message_id": (str(getattr(msg, "messageId", None) or "").strip() or None),
        "in_reply_to": (str(getattr(msg, "inReplyTo", None) or "").strip() or None),
        "references": references.split(),
    }
    return fields, date


def msg_body(msg: Any) -> str:
    body = getattr(msg, "body", None)
    if body and str(body).strip():
        return str(body)
    html = getattr(msg, "htmlBody", None)
    return html_to_text(html) if html else ""


def msg_attachments(msg: Any) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for i, att in enumerate(getattr(msg, "attachments", None) or [], 1):
        data = getattr(att, "data", None)
        name = (
            getattr(att, "longFilename", None)
            or getattr(att, "shortFilename", None)
            or getattr(att, "displayName", None)
            or f"bijlage-{i}"
        )
        if isinstance(data, bytes):
            out.append((str(name), data))
        elif data is not None and hasattr(
            data, "exportBytes"
        ):  # an embedded message: export it as a .msg of its own
            name = str(name) if str(name).lower().endswith(".msg") else f"{name}.msg"
            out.append((name, data.exportBytes()))
    return out


def read_msg(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    msg = open_msg(data, path)
    try:
        if str(getattr(msg, "classType", "")).upper() == "IPM.NOTE.SMIME":
            raise EncryptedDocument(path, "versleuteld Outlook-bericht (S/MIME)")
        try:
            fields, date = msg_fields(msg)
            body = msg_body(msg)
            attachments = msg_attachments(msg)
        except Exception as exc:
            raise MalformedMail(path, f"Outlook-bericht niet te lezen: {exc}") from None
    finally:
        msg.close()
    doc = new_document(data, path, name, "email", mail_text(fields, date, body), ctx)
    doc.fields.update(fields)
    add_attachments(doc, attachments, ctx)
    return doc
