"""E-mail local parts of the case's persons (wooflow/detect/personforms.py)."""

from __future__ import annotations

from wooflow.detect import detect_case
from wooflow.detect.personforms import email_locals


def test_local_part_of_an_ocr_broken_address_is_redacted() -> None:
    # an OCR'd header: the domain is unreadable ('@ shell com'), so no e-mail address is found,
    # but the local part names a person of the case
    texts = {
        "a": "Van: Dijkema, S.\nAan: Terpstra, F.\n\nGraag uw reactie.\n",
        "b": "From s.dijkema@ shell com\nSent maandag 4 maart\n\nZie bijlage.\n",
    }
    found = detect_case(texts)
    assert any(f.text == "s.dijkema" and f.action == "redact" for f in found["b"])


def test_local_part_before_a_readable_domain_is_left_to_the_address() -> None:
    persons = {"dijkema": {"s"}}
    assert email_locals("mail s.dijkema@shell.com graag", persons) == []
    assert [f.text for f in email_locals("mail s.dijkema@ shell com graag", persons)] == ["s.dijkema"]
    assert [f.text for f in email_locals("Email s.dijkema   gjshell com", persons)] == ["s.dijkema"]
