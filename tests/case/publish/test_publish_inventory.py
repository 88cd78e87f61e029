from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pymupdf

from wooflow.case.publish.inventory import (
    COLUMNS,
    Numbering,
    build_rows,
    published_file_name,
    safe_stem,
    to_csv,
    to_pdf,
    to_xlsx,
)  # fmt: skip
from wooflow.case.publish.records import PublishRecord


def test_numbering_orders_by_date_then_path_and_attachment_follows_mail(tmp_path, records):
    nums = Numbering(tmp_path).assign(records)
    order = sorted(nums, key=nums.get)
    assert order[:4] == ["in/oud.txt", "in/verslag.txt", "in/mail.eml", "in/mail.eml#bijlage.pdf"]
    assert order[-2:] == ["in/nota kopie.pdf", "in/nota.pdf"]


def test_numbering_is_stable_across_runs_and_new_documents_append(tmp_path, records):
    first = Numbering(tmp_path)
    nums = first.assign(records)
    first.save()
    early = PublishRecord(key="in/vroeg.txt", name="vroeg.txt", file_type="txt",
                          judgement="openbaar", date=date(2019, 1, 1))
    again = Numbering(tmp_path).assign([early, *reversed(records)])
    assert {k: again[k] for k in nums} == nums
    assert again["in/vroeg.txt"] == max(nums.values()) + 1


def test_rows_columns_and_references(tmp_path, records, case_meta):
    nums = Numbering(tmp_path).assign(records)
    rows = build_rows(records, nums, case_meta)
    assert len(rows) == 5  # out-of-scope document is not listed
    by_name = {r.name: r for r in rows}
    att = by_name["bijlage.pdf"]
    assert att.family_id == by_name["mail.eml"].document_id
    assert by_name["nota kopie.pdf"].related_id == by_name["nota.pdf"].document_id
    assert by_name["nota kopie.pdf"].file_name == ""  # a duplicate is not published again
    assert by_name['=HYPERLINK("x").txt'].grounds == "5.2; 5.1.2i"
    assert by_name["mail.eml"].file_name == f"{by_name['mail.eml'].document_id} - mail.pdf"
    assert all(r.case_number == "WOO-2024-0042" for r in rows)


def test_scrub_removes_terms_from_names(tmp_path, case_meta):
    rec = PublishRecord(key="a", name="mail van Sanne Kuipers.eml", file_type="eml", judgement="openbaar")
    rows = build_rows([rec], {"a": 1}, case_meta, scrub=lambda s: s.replace("Sanne Kuipers", "5.1.2e"))
    assert rows[0].name == "mail van 5.1.2e.eml"
    assert "Kuipers" not in rows[0].file_name


def test_csv_has_no_bom_header_quoting_and_no_formula(tmp_path, records, case_meta):
    rows = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    data = to_csv(rows)
    assert data.startswith(b"ID,Matter,")  # no BOM: the VWS platform would read it as part of "ID"
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert parsed[0] == [h for _, h, _ in COLUMNS]
    assert len(parsed) == 6
    names = [r[4] for r in parsed[1:]]
    assert "'=HYPERLINK(\"x\").txt" in names  # defused, quotes survive the round trip


def test_xlsx_styled_frozen_and_text_cells(tmp_path, records, case_meta):
    rows = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    path = tmp_path / "i.xlsx"
    path.write_bytes(to_xlsx(rows))
    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "ID" and ws["A1"].font.bold
    assert ws.max_row == 6
    cells = [c.value for c in ws["E"]]
    assert '=HYPERLINK("x").txt' in cells
    assert all(c.data_type == "s" for c in ws["E"])  # stored as text, never a formula


def test_pdf_landscape_with_dutch_headers(tmp_path, records, case_meta):
    rows = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    doc = pymupdf.open("pdf", to_pdf(rows, case_meta))
    page = doc[0]
    assert page.rect.width > page.rect.height
    text = page.get_text()
    assert "Documentnummer" in text and "Beoordeling" in text and "nota.pdf" in text


def test_safe_file_names():
    assert safe_stem("a/b/../c:d?.pdf") == "c_d"
    assert safe_stem("mail.eml#bijlage 1.docx") == "bijlage 1"
    assert published_file_name("0007", "..\\x.txt") == "0007 - x.pdf"
    assert safe_stem("....") == "document"


def test_long_pdf_repeats_header_and_lists_every_row_once(tmp_path, case_meta):
    import re

    recs = [
        PublishRecord(key=f"d{i:03d}", name=f"doc{i}" + " lange naam" * (i % 7) + ".txt",
                      file_type="txt", judgement="openbaar", explanation="toelichting " * (i % 11))
        for i in range(150)
    ]  # fmt: skip
    rows = build_rows(recs, Numbering(tmp_path).assign(recs), case_meta)
    doc = pymupdf.open("pdf", to_pdf(rows, case_meta))
    assert doc.page_count > 2
    assert all("Documentnummer" in page.get_text() for page in doc)
    ids = re.findall(r"^(\d{4})$", "".join(page.get_text() for page in doc), re.M)
    assert ids == [f"{i:04d}" for i in range(1, 151)]


def test_redaction_file_names_are_the_rows(tmp_path, records, case_meta):
    """The redaction loop holds (inventory ID, file name) per published document, not its row
    (issue 15m): the same ID and file name as the inventory row made afterwards, with a scrubbed
    name, a name clipped to MAX_NAME_BYTES and IDs wider than MIN_WIDTH."""
    from wooflow.case.publish.inventory import MAX_NAME_BYTES
    from wooflow.case.publish.process import _file_names

    long_name = "verslag van Sanne Kuipers " + "é" * MAX_NAME_BYTES + ".pdf"
    extra = PublishRecord(key="in/lang.pdf", name=long_name, file_type="pdf", judgement="openbaar")
    recs = [*records, extra]
    nums = Numbering(tmp_path).assign(recs)
    for numbers in (nums, {k: n + 99_995 for k, n in nums.items()}):  # IDs of 4 digits, then of 6
        scrub = lambda s: s.replace("Sanne Kuipers", "5.1.2e")  # noqa: E731
        names = _file_names(recs, numbers, scrub)
        rows = build_rows([r for r in recs if r.in_scope], numbers, case_meta, scrub)
        expected = {r.document_id: r.file_name for r in rows if r.file_name}
        assert sorted(names) == sorted(r.key for r in recs if r.published)
        assert dict(names.values()) == expected
        assert len(expected) == 4 and all("Kuipers" not in f for f in expected.values())
        assert {len(i) for i in expected} == {4 if numbers is nums else 6}
