from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.exceptions import CorruptDocument, EmptyDocument, MalformedMail
from wooflow.ingest import is_container, read_bytes, read_path
from wooflow.ingest.email_common import html_to_text
from wooflow.ingest.sniff import OLE_MAGIC

HEADER = (
    "Van: Jan de Vries <j.devries@example.nl>\n"
    'Aan: Piet Jansen <p.jansen@example.nl>; "Bakker, K." <k.bakker@example.nl>\n'
    "CC: secretariaat@example.nl\n"
    "Datum: maandag 4 maart 2024 10:15\n"
    "Onderwerp: Re: Woo-verzoek över dossier\n\n"
)


def test_eml_text_fields_and_attachments(good: Path) -> None:
    doc = read_path(good / "mail.eml")
    assert doc.kind == "email"
    assert doc.text == HEADER + "Beste Piet,\n\nZie de bijlage.\n\nGroet,\nJan\n"
    assert doc.fields["from"] == "Jan de Vries <j.devries@example.nl>"
    assert doc.fields["to"] == [
        "Piet Jansen <p.jansen@example.nl>",
        '"Bakker, K." <k.bakker@example.nl>',
    ]
    assert doc.fields["cc"] == ["secretariaat@example.nl"]
    assert doc.fields["date"] == "2024-03-04T10:15:00+01:00"
    assert doc.fields["message_id"] == "<20240304101500.1@example.nl>"
    assert doc.fields["in_reply_to"] == "<20240301090000.7@example.nl>"
    assert doc.fields["references"] == [
        "<20240229080000.3@example.nl>",
        "<20240301090000.7@example.nl>",
    ]
    # the good attachment is a child; the broken one is a warning, not a failed mail
    assert [c.path for c in doc.children] == [f"{good / 'mail.eml'}#nota.pdf"]
    child = doc.children[0]
    assert child.kind == "pdf" and child.parent_path == str(good / "mail.eml") and child.data
    assert len(doc.warnings) == 1 and "kapot.pdf: corrupt" in doc.warnings[0]


def test_html_only_mail(good: Path) -> None:
    doc = read_path(good / "html-mail.eml")
    body = doc.text.split("\n\n", 1)[1]
    assert body == "Beste Piet,\n\nZie de bijlage.\n\na\tb\n"
    assert "<" not in body and "p{}" not in body


def test_mbox_is_container_of_messages(good: Path) -> None:
    doc = read_path(good / "postvak.mbox")
    assert doc.kind == "mbox" and is_container(doc)
    assert [c.name for c in doc.children] == ["bericht-0001.eml", "bericht-0002.eml"]
    assert all(c.kind == "email" and c.fields["subject"] for c in doc.children)
    assert doc.text == "\f".join(c.text for c in doc.children)


def test_msg_real_file(good: Path) -> None:
    """outlook.msg was written by an independent MSG writer (see make_msg.py)."""
    doc = read_path(good / "outlook.msg")
    assert doc.kind == "email"
    assert doc.text.startswith(
        "Van: Jan de Vries <j.devries@example.nl>\nAan: Piet Jansen <p.jansen@example.nl>\nCC:\n"
        "Datum: maandag 4 maart 2024 10:15\nOnderwerp: Woo-verzoek: stukken overleg\n\n"
        "Beste Piet,"
    )
    assert doc.fields["to"] == ["Piet Jansen <p.jansen@example.nl>"]
    assert doc.fields["date"] == "2024-03-04T10:15:00+01:00"
    assert [(c.name, c.text) for c in doc.children] == [
        ("notitie.txt", "Notitie bij het overleg.\n")
    ]


def test_msg_with_wrong_extension_read_by_content(good: Path) -> None:
    doc = read_bytes((good / "outlook.msg").read_bytes(), "bericht.dat")
    assert doc.kind == "email" and doc.fields["subject"] == "Woo-verzoek: stukken overleg"


def test_truncated_msg_is_corrupt(good: Path) -> None:
    data = (good / "outlook.msg").read_bytes()
    with pytest.raises(CorruptDocument):
        read_bytes(data[:1500], "kapot.msg")
    with pytest.raises(CorruptDocument):
        read_bytes(OLE_MAGIC + b"\0" * 100, "kapot.msg")


def test_malformed_mail(bad: Path) -> None:
    with pytest.raises(MalformedMail) as info:
        read_path(bad / "kapot.eml")
    assert info.value.path == str(bad / "kapot.eml")


def test_empty_mbox() -> None:
    with pytest.raises(EmptyDocument):
        read_bytes(b"\n\n", "leeg.mbox")


def test_duplicate_attachment_names_made_unique(good: Path) -> None:
    from email.message import EmailMessage

    m = EmailMessage()
    m["From"] = "a@example.nl"
    m["Subject"] = "twee keer"
    m.set_content("zie bijlagen")
    for text in (b"een\n", b"twee\n"):
        m.add_attachment(text, maintype="text", subtype="plain", filename="notitie.txt")
    doc = read_bytes(m.as_bytes(), "m.eml")
    assert [c.name for c in doc.children] == ["notitie.txt", "notitie (2).txt"]


def test_html_to_text_blocks_and_entities() -> None:
    html = "<div>Een&nbsp;twee<br>drie</div><script>x()</script><ul><li>vier</li></ul>"
    assert html_to_text(html) == "Een twee\ndrie\n\nvier"


def test_forwarded_message_becomes_child_mail(good: Path) -> None:
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    inner = message_from_bytes((good / "html-mail.eml").read_bytes(), policy=policy.default)
    outer = EmailMessage()
    outer["From"] = "b@example.nl"
    outer["Subject"] = "Fwd: Woo-verzoek"
    outer.set_content("Zie doorgestuurd bericht.")
    outer.add_attachment(inner)
    doc = read_bytes(outer.as_bytes(), "fwd.eml")
    assert [c.name for c in doc.children] == ["bericht-1.eml"]
    child = doc.children[0]
    assert child.kind == "email" and child.fields["subject"] == "Re: Woo-verzoek över dossier"
