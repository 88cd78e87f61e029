from __future__ import annotations

from pathlib import Path

import pymupdf
from understand_helpers import RESOURCES

from wooflow.model import Document
from wooflow.understand import split_bundle
from wooflow.understand.bundle import boundary_score


def _pdf(pages: list[str], path: Path) -> Document:
    pdf = pymupdf.open()
    for text in pages:
        page = pdf.new_page()
        y = 60.0
        for line in text.split("\n"):
            page.insert_text((60, y), line, fontsize=10)
            y += 14
    pdf.save(path)
    pdf.close()
    try:
        from wooflow.ingest import read_path
    except ImportError:
        with pymupdf.open(path) as doc:
            text = "\f".join(p.get_text() for p in doc)
        return Document(path=str(path), name=path.name, kind="pdf", sha256="", text=text)
    return read_path(path)


LETTER_1 = "Ministerie van Financiën\nDatum 7 februari 2024\nBetreft x\n\nGeachte heer,\n\nTekst.\nPagina 1 van 2"
LETTER_2 = "Datum 7 februari 2024\nKenmerk 123\n\nVervolg van de tekst.\nMet vriendelijke groet,\nDe minister\nPagina 2 van 2"
MAIL = "Van: A <a@minfin.nl>\nVerzonden: donderdag 8 februari 2024 10:00\nAan: B\nOnderwerp: x\n\nHoi B,\ntekst"
MAIL_CONT = "nog meer tekst van de mail\nzonder kop\nGroet, A"
NOTA = "nota\n\nAan: MFIN\nDatum: 9 februari 2024\n\nAanleiding\nx\n1 van 1"


def test_split_points_from_numbering_headers_and_dates(tmp_path: Path) -> None:
    doc = _pdf(
        [LETTER_1, LETTER_2, MAIL, MAIL_CONT, NOTA, LETTER_1, LETTER_2], tmp_path / "bundle.pdf"
    )
    segments = split_bundle(doc)
    assert [(s.start_page, s.end_page) for s in segments] == [(0, 1), (2, 3), (4, 4), (5, 6)]
    assert "e-mailkop" in segments[1].reason
    assert "paginanummering" in segments[3].reason


def test_running_header_with_same_date_is_no_new_document() -> None:
    score, why = boundary_score(LETTER_1, LETTER_2, (1, 2), "2024-02-07")
    assert score < 0 and any("lopende kop" in w for w in why)


def test_single_document_is_one_segment(tmp_path: Path) -> None:
    doc = _pdf([MAIL], tmp_path / "one.pdf")
    assert [(s.start_page, s.end_page) for s in split_bundle(doc)] == [(0, 0)]


def test_text_without_pages_splits_on_form_feeds() -> None:
    doc = Document(
        path="x", name="x", kind="text", sha256="", text="\f".join([MAIL, MAIL_CONT, MAIL])
    )
    assert [s.start_page for s in split_bundle(doc)] == [0, 2]


def test_resources_exist() -> None:
    assert (RESOURCES / "mail.eml").is_file()


def test_production_stamp_decides() -> None:
    same = boundary_score(
        "Document 12\nTekst",
        "Van: a\nVerzonden: 1 maart 2024\nAan: b\nOnderwerp: x\nDocument 12",
        None,
        None,
    )
    new = boundary_score("Tekst\nDocument 12", "vervolg zonder kop\nDocument 13", None, None)
    assert same[0] < 3 and any("zelfde documentnummer" in w for w in same[1])
    assert new[0] >= 3 and any("ander documentnummer" in w for w in new[1])


def test_split_documents_rebases_pages_and_words(tmp_path: Path) -> None:
    from wooflow.understand import analyze, split_documents

    bundle = _pdf([LETTER_1, LETTER_2, MAIL, MAIL_CONT, NOTA], tmp_path / "b.pdf")
    docs = split_documents(bundle)
    assert [d.page_count for d in docs] == [2, 2, 1]
    mail = docs[1]
    assert mail.path.endswith("#p3-4") and mail.parent_path == bundle.path
    assert mail.text.startswith("Van: A")
    for w in mail.words:
        assert 0 <= w.page < 2 and 0 <= w.start < w.end <= len(mail.text)
    for p in mail.pages:
        assert mail.text[p.start : p.end] in bundle.text
    assert [analyze(d).type for d in docs] == ["brief", "email", "nota"]
