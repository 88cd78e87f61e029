"""Fixtures: a fresh case, documents inserted through the real store, e-mails made with the stdlib."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from wooflow.case import Case, CaseInfo
from wooflow.model import Document


@pytest.fixture
def case(case_location: str) -> Case:
    """A fresh case, once on each store (SQLite folder, PostgreSQL database): the case layer's
    tests are the stores' contract tests."""
    c = Case.init(
        case_location,
        CaseInfo(
            request="Alle documenten over de begroting 2024",
            received=date(2024, 1, 10),
            requester_kind="journalist",
            organisation="Ministerie van VWS",
            case_number="WOO-2024-001",
        ),
        actor="tester",
    )
    yield c
    c.close()


def make_doc(name: str, text: str, kind: str = "text", fields: dict[str, Any] | None = None,
             children: list[Document] | None = None) -> Document:
    data = text.encode("utf-8")
    return Document(
        path=f"/bron/{name}", name=name, kind=kind, sha256=hashlib.sha256(data).hexdigest(),
        text=text, fields=dict(fields or {}), children=list(children or []), data=data,
    )


@pytest.fixture(name="make_doc")
def make_doc_fixture() -> Callable[..., Document]:
    return make_doc


@pytest.fixture
def add_text(case: Case) -> Callable[..., int]:
    def add(name: str, text: str, **kw: Any) -> int:
        return case.add_document(make_doc(name, text, **kw))

    return add


def write_eml(path: Path, *, sender: str, to: str, subject: str, when: datetime, msg_id: str,
              body: str, in_reply_to: str | None = None, references: list[str] | None = None,
              attachment: tuple[str, bytes] | None = None) -> Path:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(when.replace(tzinfo=timezone.utc))
    m["Message-ID"] = msg_id
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
    if references:
        m["References"] = " ".join(references)
    m.set_content(body)
    if attachment:
        m.add_attachment(attachment[1], maintype="text", subtype="plain", filename=attachment[0])
    path.write_bytes(bytes(m))
    return path


@pytest.fixture(name="write_eml")
def write_eml_fixture() -> Callable[..., Path]:
    return write_eml
