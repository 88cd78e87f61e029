from __future__ import annotations

from datetime import date

import pytest

from wooflow.case.publish.records import CaseMeta, PublishRecord


@pytest.fixture
def case_meta() -> CaseMeta:
    return CaseMeta(
        case_number="WOO-2024-0042",
        request_text="Alle correspondentie over de verkiezingsuitslag van 18-11-2023 tot 27-11-2023.",
        subject="de verkiezingsuitslag",
        requester_kind="journalist",
        received=date(2023, 11, 28),
        confirmed=date(2023, 11, 29),
        deadline=date(2023, 12, 26),
        extended=date(2023, 12, 20),
        extended_deadline=date(2024, 1, 9),
        decision_date=date(2024, 2, 1),
    )


@pytest.fixture
def records() -> list[PublishRecord]:
    return [
        PublishRecord(key="in/mail.eml", name="mail.eml", file_type="eml", doc_type="email",
                      judgement="deels openbaar", grounds=("5.1.2e",), date=date(2023, 11, 20),
                      ground_categories={"5.1.2e": ("person", "email")}),
        PublishRecord(key="in/mail.eml#bijlage.pdf", name="bijlage.pdf", file_type="pdf",
                      judgement="openbaar", parent_key="in/mail.eml", doc_type="advies"),
        PublishRecord(key="in/nota.pdf", name="nota.pdf", file_type="pdf", doc_type="nota",
                      judgement="openbaar", date=date(2023, 11, 21)),
        PublishRecord(key="in/nota kopie.pdf", name="nota kopie.pdf", file_type="pdf",
                      judgement="dubbel", related_key="in/nota.pdf", date=date(2023, 11, 21)),
        PublishRecord(key="in/verslag.txt", name="=HYPERLINK(\"x\").txt", file_type="txt",
                      doc_type="verslag", judgement="niet openbaar", grounds=("5.2", "5.1.2i"),
                      date=date(2023, 11, 19)),
        PublishRecord(key="in/oud.txt", name="oud.txt", file_type="txt", judgement="openbaar",
                      in_scope=False, date=date(2020, 1, 1)),
    ]  # fmt: skip
