"""One poppler run for the page text and the text outside the page box (issue 15e).

The verifier reads every output with poppler's ``pdftotext`` twice: the file as published (the
"pdftotext" extractor, also the restlekcontrole's text) and a copy whose pages are 40,000 pt
wide, because poppler drops characters outside the page (``verify_deep.outside_texts``). Most
of a run's cost is the program starting (~10 CPU ms of ~11), so both readings are made by one
run here, over a copy of the file with an incremental update appended:

    the published file's bytes, unchanged  +  a page with a random marker  +  a wide copy of
    every page (the same /Contents, /Resources, /Annots ...; only /MediaBox widened, no /CropBox)

poppler reads the original pages from the same objects at the same offsets as in the published
file, and writes each page's text followed by a form feed; so the output up to the marker page
is the published file's output, and the output after it the wide copy's. The marker (128 random
bits, chosen after the file was written) is looked for once; anything unexpected (no flat page
tree, a file MuPDF cannot update incrementally, the marker not found exactly once where it
belongs, pdftotext missing or failing) returns None and the caller reads the old way, with two
runs. pdfium reads the wide pages of the same copy. tests/redact/test_redact_poppler.py compares
both readings with the two-run readings, adversarial files included.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile

import pymupdf
import pypdfium2 as pdfium

from wooflow.redact.rebuild import pages

WIDE_BOX = "[-20000 -20000 20000 20000]"
_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")


def outside_texts(path: str) -> dict[str, str]:
    """poppler and pdfium on a copy whose pages reach far beyond any page box."""
    out: dict[str, str] = {}
    doc = pymupdf.open(path)
    try:
        for page in pages(doc):
            doc.xref_set_key(page.xref, "MediaBox", WIDE_BOX)
            doc.xref_set_key(page.xref, "CropBox", "null")
        with tempfile.TemporaryDirectory(prefix="wooflow-verify-") as tmp:
            big = os.path.join(tmp, "groot.pdf")
            doc.save(big)
            exe = shutil.which("pdftotext")
            if exe:
                try:
                    res = subprocess.run([exe, "-q", "-enc", "UTF-8", big, "-"], capture_output=True,
                                         timeout=300, check=False)  # fmt: skip
                    out["pdftotext-buiten-pagina"] = res.stdout.decode("utf-8", "replace")
                except (OSError, subprocess.TimeoutExpired):
                    pass
            pdf = pdfium.PdfDocument(big)
            try:
                texts = []
                for page in pdf:
                    tp = page.get_textpage()
                    texts.append(tp.get_text_bounded())
                    tp.close()
                    page.close()
                out["pdfium-buiten-pagina"] = "\n".join(texts)
            finally:
                pdf.close()
    finally:
        doc.close()
    return out


def _append_wide_copies(path: str, marker: str) -> int | None:
    """Append (incrementally) a marker page and a wide copy of every page; the page count, or
    None when the file does not allow it (then nothing is promised about ``path``)."""
    doc = pymupdf.open(path)
    try:
        if doc.is_encrypted or doc.needs_pass or not doc.can_save_incrementally():
            return None
        n = doc.page_count
        if n == 0:
            return None
        root = doc.pdf_catalog()
        kind, value = doc.xref_get_key(root, "Pages")
        if kind != "xref":
            return None
        tree = int(value.split()[0])
        kids_kind, kids = doc.xref_get_key(tree, "Kids")
        page_xrefs = [doc[i].xref for i in range(n)]
        if kids_kind != "array" or kids.replace(" ", "") != "[" + "".join(f"{x}0R" for x in page_xrefs) + "]":
            return None  # not a flat page tree: inherited keys could differ on a copy
        if any(doc.xref_get_key(tree, key)[0] != "null" for key in _INHERITED):
            return None
        for xref in page_xrefs:
            if doc.xref_get_key(xref, "Resources")[0] == "null" or doc.xref_get_key(xref, "MediaBox")[0] == "null":
                return None
        sources = [doc.xref_object(x, compressed=True) for x in page_xrefs]
        page = doc.new_page(-1, width=595, height=842)  # the marker, in a standard font
        font = doc.get_new_xref()
        doc.update_object(font, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
        doc.xref_set_key(page.xref, "Resources", f"<</Font<</F1 {font} 0 R>>>>")
        contents = doc.get_new_xref()
        doc.update_object(contents, "<<>>")
        doc.update_stream(contents, f"BT /F1 10 Tf 72 770 Td ({marker}) Tj ET".encode("ascii"))
        doc.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
        kids_kind, kids = doc.xref_get_key(tree, "Kids")
        if kids_kind != "array" or doc.page_count != n + 1:
            return None
        refs = []
        for source in sources:
            xref = doc.get_new_xref()
            doc.update_object(xref, source)
            doc.xref_set_key(xref, "MediaBox", WIDE_BOX)
            doc.xref_set_key(xref, "CropBox", "null")
            doc.xref_set_key(xref, "Parent", f"{tree} 0 R")
            refs.append(f"{xref} 0 R")
        doc.xref_set_key(tree, "Kids", kids[:-1].rstrip() + " " + " ".join(refs) + "]")
        doc.xref_set_key(tree, "Count", str(2 * n + 1))
        doc.saveIncr()
        return n
    finally:
        doc.close()


def pages_and_outside(path: str) -> tuple[list[str], dict[str, str]] | None:
    """(``verify.pdftotext_pages(path)``, ``verify_deep.outside_texts(path)``) from one poppler
    run; None where that is not sure to give the same (see the module doc)."""
    exe = shutil.which("pdftotext")
    if not exe:
        return None
    marker = "wooflow" + secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="wooflow-verify-") as tmp:
        both = os.path.join(tmp, "samen.pdf")
        shutil.copyfile(path, both)
        try:
            n = _append_wide_copies(both, marker)
        except Exception:  # noqa: BLE001 - MuPDF refuses this file: two runs as before
            return None
        if n is None:
            return None
        with open(path, "rb") as a, open(both, "rb") as b:
            original = a.read()
            if b.read(len(original)) != original:
                return None  # not appended: the pages would not be read from the same bytes
        try:
            res = subprocess.run([exe, "-q", "-enc", "UTF-8", both, "-"], capture_output=True, timeout=300,
                                 check=False)  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            return None
        out = res.stdout.decode("utf-8", "replace")
        at = out.find(marker)
        if at <= 0 or out.count(marker) != 1 or out[at - 1] != "\f":
            return None
        feed = out.find("\f", at)  # the marker page's end: only line breaks after the marker
        if feed < 0 or out[at + len(marker) : feed].strip():
            return None
        normal, wide = out[:at], out[feed + 1 :]
        if normal.count("\f") < n or wide.count("\f") < n:
            return None
        try:
            pdf = pdfium.PdfDocument(both)
        except pdfium.PdfiumError:
            return None  # the two runs read the copy MuPDF saves whole
        try:
            if len(pdf) != 2 * n + 1:
                return None
            texts = []
            for number in range(n + 1, 2 * n + 1):
                page = pdf[number]
                tp = page.get_textpage()
                texts.append(tp.get_text_bounded())
                tp.close()
                page.close()
        except pdfium.PdfiumError:
            return None
        finally:
            pdf.close()
    return normal.split("\f"), {"pdftotext-buiten-pagina": wide, "pdfium-buiten-pagina": "\n".join(texts)}


__all__ = ["WIDE_BOX", "outside_texts", "pages_and_outside"]
