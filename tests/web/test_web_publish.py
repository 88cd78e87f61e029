"""Publishing from the browser: a coordinator builds the package (the `wooflow process` code
path) and downloads the zip; drawn areas are blacked out in it, the audit log goes along."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from urllib.parse import unquote_plus

import pymupdf

from tests.web.conftest import make_client
from wooflow.redact.areas import dark_share
from wooflow.web.publishing import package_dir

AREA = {"p": "1", "x0": "60", "y0": "100", "x1": "420", "y1": "117", "ground": "5.1.2i", "kind": "stempel"}


def test_package_dir_is_where_process_puts_it(tmp_path: Path) -> None:
    assert package_dir(tmp_path / "verzoek.zaak") == (tmp_path / "verzoek").resolve()
    assert package_dir(tmp_path / "case") == (tmp_path / "case-pakket").resolve()


def test_build_and_download_the_package(case_dir: Path, pdf_doc: int) -> None:
    with make_client(case_dir, "anna") as c:  # a reviewer draws a box over the third line
        assert "Vlak+gelakt" in c.post(f"/documenten/{pdf_doc}/vlakken", data=AREA).headers["location"]
        assert c.post("/publiceren/pakket").status_code == 403  # coordinators only
        assert c.get("/publiceren/publicatie.zip").status_code == 403
        assert "Alleen een coördinator maakt" in c.get("/publiceren").text
    with make_client(case_dir, "coord") as c:
        page = c.get("/publiceren").text
        assert 'id="build-button"' in page and "download-link" not in page
        r = c.post("/publiceren/pakket")
        assert r.status_code == 303 and "wordt+gemaakt" in r.headers["location"]
        again = c.post("/publiceren/pakket")  # one build at a time (or already done)
        assert again.status_code == 303
        builder = c.app.state.web.builder
        builder.wait(300)
        assert builder.build.state == "done", builder.build.error
        page = c.get("/publiceren").text
        assert "Klaar in" in page and 'id="download-link"' in page and "CONCEPT" in page
        z = c.get("/publiceren/publicatie.zip")
        assert z.status_code == 200 and z.headers["content-type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
            names = zf.namelist()
            assert "auditlog.csv" in names and "inventaris.csv" in names and "rapport.html" in names
            audit = zf.read("auditlog.csv").decode("utf-8-sig")
            assert "vlak gelakt (getekend)" in audit and "beoordelaar 1" in audit
            assert "anna" not in audit and "coord" not in audit  # no account names in public
            assert "Jansen" not in audit and "jansen|j" not in audit  # nor what was redacted
            assert "documenten beoordeeld" in zf.read("rapport.html").decode()
            (pdf_name,) = [n for n in names if n.endswith("nota-scan.pdf")]
            data = zf.read(pdf_name)
        unquote_plus(r.headers["location"])
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        first, second = pdf[0].get_text(), pdf[1].get_text()
        assert "vraagt om een overzicht" not in first  # under the area
        assert "Nota aan de minister van VWS" in first  # above it, untouched
        assert "vraagt om een overzicht" in second  # the area is on page 1 only
        rect = pymupdf.Rect(60, 100, 420, 117)
        pix = pdf[0].get_pixmap(clip=rect, alpha=False)
        assert dark_share(pix.samples, pix.n) > 0.6
        assert dark_share(*(lambda p: (p.samples, p.n))(pdf[1].get_pixmap(clip=rect, alpha=False))) < 0.3


def test_a_blocked_package_links_the_documents_the_leak_check_names(case_dir: Path, ids: dict[str, int]) -> None:
    """A package the restlekcontrole blocked names files by inventory number; the page links
    each to its document (and says what to do), other lines stay plain text."""
    from wooflow.web.publishing import Build
    from wooflow.web.routes_preflight import linked_lines

    nota = ids["nota-overleg.txt"]
    with make_client(case_dir, "coord") as c:
        assert c.get("/publiceren").status_code == 200  # the numbers are read with the case
        number = c.app.state.web.numbers.label(nota)
        lines = [
            "3 document(en) gepubliceerd, 3 pagina's.",
            f"restlekcontrole: {number} - nota-overleg.pdf: gelakte gegevens gevonden (persoon 1,"
            " volledige naam, in pdf-tekst); pakket geblokkeerd (geen zip)",
            "restlekcontrole: 9999 - weg.pdf: gelakte gegevens gevonden; pakket geblokkeerd (geen zip)",
        ]
        assert [d for _l, d in linked_lines(lines, c.app.state.web.numbers.doc_of)] == [None, nota, None]
        c.app.state.web.builder.build = Build(state="done", lines=lines)
        page = c.get("/publiceren").text
        assert f'<a href="/documenten/{nota}?toon=alle" class="leak">restlekcontrole: {number} - ' in page
        assert "<li>restlekcontrole: 9999 - weg.pdf" in page and "Kies daar ‘Lakken’" in page
        assert 'id="download-link"' not in page
        c.app.state.web.builder.build = Build(state="done", lines=lines[:1])
        assert "Kies daar ‘Lakken’" not in c.get("/publiceren").text
