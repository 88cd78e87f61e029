"""Issue 11: one adversarial PDF per hiding place; published clean or withheld, never a silent leak.

A published file is read back here with other means than the verifier's own code paths where
possible: poppler (also with a page-independent text box), pdfium, MuPDF without its media-box
clip, every decoded object and stream, and OCR of the rendered page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pypdfium2 as pdfium
import pytest
from adversarial import CASES, NAME, build, simple_findings

from wooflow.ingest import read_path
from wooflow.model import Finding
from wooflow.redact import batch as batch_module
from wooflow.redact import pdf as redact_pdf_module
from wooflow.redact import rebuild as rebuild_module
from wooflow.redact.batch import redact_to_pdf
from wooflow.redact.content import filter_content, tokenize
from wooflow.redact.verify import VerificationFailed
from wooflow.redact.verify_deep import name_forms

SURNAME = NAME.split()[-1].casefold()  # "brouwer": also the surname piece of the e-mail address


def _attacker_reads(path: Path) -> dict[str, str]:
    """Every way we know to get text out of ``path``, by name."""
    out: dict[str, str] = {}
    exe = shutil.which("pdftotext")
    if exe:
        out["pdftotext"] = subprocess.run([exe, "-q", str(path), "-"], capture_output=True, text=True).stdout
        doc = pymupdf.open(path)
        w, h = doc[0].rect.width, doc[0].rect.height
        doc.close()
        # A crop box far larger than the page: text placed outside the page box is read too.
        big = ["-x", "-2000", "-y", "-2000", "-W", str(int(w) + 4000), "-H", str(int(h) + 4000)]
        out["pdftotext-groot"] = subprocess.run(
            [exe, "-q", "-nopgbrk", "-r", "72", *big, str(path), "-"], capture_output=True, text=True
        ).stdout
    pdf = pdfium.PdfDocument(str(path))
    out["pdfium"] = "\n".join(page.get_textpage().get_text_bounded() for page in pdf)
    import pytesseract
    from PIL import Image  # noqa: F401  (pytesseract needs PIL)

    ocr = []
    for page in pdf:
        img = page.render(scale=200 / 72, grayscale=True).to_pil()
        ocr.append(pytesseract.image_to_string(img, lang="nld"))
        ocr.append(pytesseract.image_to_string(img.rotate(90, expand=True), lang="nld"))
    out["ocr"] = "\n".join(ocr)
    pdf.close()
    doc = pymupdf.open(path)
    out["mupdf"] = "\n".join(p.get_text(flags=0) for p in doc)
    raw = []
    for xref in range(1, doc.xref_length()):
        raw.append(doc.xref_object(xref))
        if doc.xref_is_stream(xref):
            raw.append((doc.xref_stream(xref) or b"").decode("latin-1"))
    doc.close()
    out["objecten"] = "\n".join(raw)
    return out


def _redact(kind: str, tmp_path: Path) -> tuple[Path, list[Finding]]:
    src = tmp_path / f"{kind}.pdf"
    src.write_bytes(build(kind))
    doc = read_path(src)
    findings = simple_findings(doc)
    out = tmp_path / "uit" / f"{kind}.pdf"
    redact_to_pdf(doc, findings, out)
    return out, findings


@pytest.mark.parametrize("kind", sorted(CASES))
def test_adversarial_class_is_clean_or_withheld(kind, tmp_path):
    expected = CASES[kind][1]
    if expected == "withheld":
        with pytest.raises(VerificationFailed) as info:
            _redact(kind, tmp_path)
        summary = info.value.report.summary()
        assert "LEK" in summary, summary
        assert not (tmp_path / "uit" / f"{kind}.pdf").exists()  # a withheld file is not left behind
        return
    out, _findings = _redact(kind, tmp_path)
    for where, text in _attacker_reads(out).items():
        flat = " ".join(text.replace("\u00ad", "").split()).casefold()
        assert SURNAME not in flat.replace("-", ""), f"{kind}: person readable via {where}"
        assert "24681357" not in flat.replace("-", ""), f"{kind}: mobile number via {where}"
    # Public text survives.
    assert "begroting" in _attacker_reads(out)["pdfium"]


FORGET_REBUILD = [
    "bladwijzer", "formulierveld-zonder-widget", "xfa", "bijgevoegd-bestand-af", "paginalabels",
    "benoemde-bestemming", "artikeldraad", "openaction-mailto", "structuurboom", "ongebruikt-patroon",
]  # fmt: skip


def _no_rebuild(src: pymupdf.Document, needles: object) -> tuple[pymupdf.Document, dict[str, int]]:
    return pymupdf.open("pdf", src.tobytes()), {}


@pytest.mark.parametrize(
    "kind,fault",
    [(k, "rebuild") for k in FORGET_REBUILD]
    + [("buiten-mediabox", "crop"), ("buiten-cropbox", "crop"), ("verborgen-laag", "hidden")]
    + [(k, "joined") for k in ("afbreekstreep", "zacht-afbreekteken", "regelovergang", "pagina-overgang")]
    + [(k, "seen") for k in ("klein-plaatje", "gedraaid-plaatje", "plaatje-in-stroken", "vectorletters")]
    + [("foute-ocr-laag", "forms")],
)
def test_verifier_withholds_when_the_redactor_forgets_a_class(kind, fault, tmp_path, monkeypatch):
    if fault == "rebuild":
        monkeypatch.setattr(redact_pdf_module, "rebuild", _no_rebuild)
    elif fault == "joined":
        monkeypatch.setattr(batch_module, "complete_findings", lambda text, findings, names=(): list(findings))
    elif fault == "seen":
        monkeypatch.setattr(redact_pdf_module, "seen_text_boxes", lambda pdf, needles, skip: [])
    elif fault == "forms":
        monkeypatch.setattr(redact_pdf_module, "name_forms", lambda findings, names=(): [])
    elif fault == "crop":
        monkeypatch.setattr(rebuild_module, "crop_outside", lambda page: False)
    else:
        monkeypatch.setattr(redact_pdf_module, "remove_hidden_content", lambda pdf: 0)
    with pytest.raises(VerificationFailed) as info:
        _redact(kind, tmp_path)
    assert "LEK" in info.value.report.summary()


def test_name_forms_come_from_persons_and_personal_mail_addresses():
    def f(text: str, category: str, action: str = "redact") -> Finding:
        return Finding(0, len(text), text, category, action, "5.1.2e", 1.0, "t", "")

    forms = name_forms(
        [
            f("Marieke Brouwer", "person"),
            f("j.de-vries@x.nl", "email"),
            f("info@gemeente.nl", "email"),
            f("Hugo Jonker", "person", "keep"),
        ],  # fmt: skip
        names=["Sanne de Wit"],
    )
    assert {"marieke brouwer", "brouwer", "j.de-vries", "de vries", "sanne de wit"} <= set(forms)
    assert not {"info", "jonker", "hugo jonker", "wit", "de wit", "vries"} & set(forms)
    # A surname keeps its tussenvoegsel: "jong" alone is a word ("jong volwassenen").
    assert "de jong" in name_forms([f("Marloes de Jong", "person")])
    assert "jong" not in name_forms([f("Marloes de Jong", "person")])


def test_name_broken_over_a_line_gets_a_finding_for_both_halves():
    from wooflow.redact.joined import complete_findings

    text = "Contact: m.brouwer@voorbeeld.nl\nGemaakt door Marieke Brou-\nwer en door de heer Brouwer.\f"
    email = text.index("m.brouwer")
    findings = [Finding(email, email + 21, text[email : email + 21], "email", "redact", "5.1.2e", 1, "t", "")]
    kept_at = text.index("Brouwer.")
    keep = Finding(kept_at, kept_at + 7, "Brouwer", "person", "keep", None, 1, "t", "ambtsdrager")
    extra = complete_findings(text, [*findings, keep])[2:]
    assert [f.text for f in extra] == ["Brou-\nwer"]
    assert extra[0].action == "redact" and extra[0].ground == "5.1.2e"


def test_content_filter_drops_hidden_sections_and_marked_content_properties():
    data = (
        b"q BT /F1 9 Tf (zichtbaar) Tj ET Q\n/OC /MC0 BDC BT (verborgen) Tj /P <</MCID 1>> BDC "
        b"(ook) Tj EMC ET EMC\n/Span <</ActualText (Marieke \\(x\\) Brouwer)>> BDC (Xx) Tj EMC\n"
        b"/Im1 Do /Im2 Do\nBI /W 1 /H 1 /BPC 8 /CS /G ID \xff EI Q"
    )
    refs = {("Properties", "MC0"): 7, ("XObject", "Im1"): 8, ("XObject", "Im2"): 9}
    out, dropped, props = filter_content(
        data,
        lambda cat, name: refs.get((cat, name), 0),
        lambda inline, xref: xref == 7,
        lambda xref: xref == 9,
    )
    assert b"verborgen" not in out and b"ook" not in out and b"ActualText" not in out
    assert b"zichtbaar" in out and b"/Im1 Do" in out and b"/Im2" not in out
    assert b"/Span BMC" in out and b"ID \xff EI" in out
    assert (dropped, props) == (2, 1)
    assert [t.raw for t in tokenize(b"(a(b)c) <41> [1 (x)] /N")] == [b"(a(b)c)", b"<41>", b"[1 (x)]", b"/N"]
