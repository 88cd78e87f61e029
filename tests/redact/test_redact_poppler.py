"""One pdftotext run reads the published pages and the wide copy (poppler.py, issue 15e): the
same texts as the two runs it replaces, on the adversarial files too, and text outside the page
box is still found."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest
from adversarial import CASES, NAME, build

from wooflow.model import Document, Finding
from wooflow.redact import poppler
from wooflow.redact.batch import redact_to_pdf
from wooflow.redact.poppler import outside_texts, pages_and_outside
from wooflow.redact.verify import VerificationFailed, pdftotext_pages, verify_pdf

pytestmark = pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils")


def _two_runs(path: Path) -> tuple[list[str] | None, dict[str, str]]:
    return pdftotext_pages(str(path)), outside_texts(str(path))


@pytest.mark.parametrize("kind", sorted(CASES))
def test_one_run_reads_what_two_runs_read_on_every_adversarial_file(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "in.pdf"
    data = build(kind)
    path.write_bytes(data)
    one = pages_and_outside(str(path))
    assert one is not None  # MuPDF-made files: a flat page tree
    assert one == _two_runs(path)
    assert path.read_bytes() == data  # the file itself is never written


def test_one_run_reads_what_two_runs_read_on_published_files(tmp_path: Path) -> None:
    text = ("Van: Jan Jansen\nAan: Piet de Vries\n\nBeste Piet,\f\nBel Jan Jansen op 06-12345678.\n" * 40
            + "wooflow0123456789abcdef0123456789abcdef\f\f\n")  # a marker-like text and form feeds
    doc = Document("m.eml", "m.eml", "email", "0" * 64, text)
    findings = [Finding(m.start(), m.end(), m.group(), "person", "redact", "5.1.2e", 1, "t", "")
                for m in re.finditer(r"Jan Jansen|06-12345678", text)]  # fmt: skip
    out = tmp_path / "out.pdf"
    redact_to_pdf(doc, findings, out, ocr=False)
    before = out.read_bytes()
    one = pages_and_outside(str(out))
    assert one is not None and one == _two_runs(out)
    assert len(one[0]) > 3  # several pages
    assert out.read_bytes() == before


def test_text_outside_the_page_box_is_read_by_the_one_run(tmp_path: Path) -> None:
    path = tmp_path / "buiten.pdf"
    path.write_bytes(build("buiten-mediabox"))
    one = pages_and_outside(str(path))
    assert one is not None
    normal, outside = one
    assert NAME not in "".join(normal)  # poppler drops it on the page as published ...
    assert NAME in outside["pdftotext-buiten-pagina"]  # ... the wide copy has it
    assert NAME in outside["pdfium-buiten-pagina"]
    # and the verifier reports it from there (strict mode: no original text)
    finding = Finding(0, len(NAME), NAME, "person", "redact", "5.1.2e", 1, "t", "")
    with pytest.raises(VerificationFailed) as info:
        verify_pdf(path, [finding], ocr=False)
    assert {"pdftotext-buiten-pagina", "pdfium-buiten-pagina"} <= {leak.where for leak in info.value.report.leaks}


def _nested_tree(path: Path) -> None:
    """The adversarial outside-the-box page under an intermediate /Pages node that holds its
    /MediaBox: a copy of the page alone would lose the inherited key."""
    doc = pymupdf.open("pdf", build("buiten-mediabox"))
    page_xref = doc[0].xref
    root_pages = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
    mid = doc.get_new_xref()
    box = doc.xref_get_key(page_xref, "MediaBox")[1]
    doc.update_object(mid, f"<</Type/Pages/Count 1/Kids[{page_xref} 0 R]/Parent {root_pages} 0 R/MediaBox {box}>>")
    doc.xref_set_key(page_xref, "Parent", f"{mid} 0 R")
    doc.xref_set_key(page_xref, "MediaBox", "null")
    doc.xref_set_key(root_pages, "Kids", f"[{mid} 0 R]")
    doc.save(path)
    doc.close()


def test_a_page_tree_that_is_not_flat_is_read_the_old_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "genest.pdf"
    _nested_tree(path)
    assert pages_and_outside(str(path)) is None
    called = []
    real = poppler.outside_texts
    monkeypatch.setattr("wooflow.redact.verify_deep.outside_texts", lambda p: called.append(p) or real(p))
    finding = Finding(0, len(NAME), NAME, "person", "redact", "5.1.2e", 1, "t", "")
    with pytest.raises(VerificationFailed) as info:
        verify_pdf(path, [finding], ocr=False)
    assert called  # the two runs
    assert "pdftotext-buiten-pagina" in {leak.where for leak in info.value.report.leaks}
