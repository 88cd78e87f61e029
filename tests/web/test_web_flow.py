"""The "Done when" flow of issue 13 in a real browser, on a small case made from scratch, and
axe-core over the main pages (0 serious or critical violations).

Debian's Chromium (/usr/bin/chromium) through Playwright; axe-core is the pinned JavaScript
file ``scripts/install.sh --test`` puts in ``.test-deps`` (never a downloaded browser). Skipped
without Chromium; without axe-core the accessibility checks fail (CI installs it).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from tests.web.conftest import PASSWORD, finding
from tests.web.test_web_browser import ARGS, CHROMIUM, SHOTS, browser, login, new_page  # noqa: F401
from wooflow.case import Case, CaseInfo, findings, judgement, persons, record_findings
from wooflow.case.users import add_user
from wooflow.redact.areas import dark_share

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".test-deps" / "node_modules" / "axe-core" / "axe.min.js"
SIGNATURE = pymupdf.Rect(72, 200, 232, 250)  # where the letter's signature image is
LINES = [
    (90, "Overleg met Hans Bakker over de vaccinatielocaties."),
    (110, "Johannes Bakker stuurt het verslag; minister De Jonge is akkoord."),
    (130, "Bel mij op 06-12345678 of mail h.bakker@example.nl."),
    (180, "Met vriendelijke groet,"),
    (270, "Afdeling Vergunningen"),
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="geen Chromium in /usr/bin/chromium")


def _letter(path: Path) -> None:
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    for y, line in LINES:
        page.insert_text((72, y), line, fontsize=11)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 160, 50), False)
    pix.clear_with(255)
    for x in range(10, 150):  # a signature: a stroke of blue ink
        for dy in range(4):
            pix.set_pixel(x, 8 + (x * 29) % 34 + dy, (20, 20, 140))
    page.insert_image(SIGNATURE, pixmap=pix)
    pdf.save(path)
    pdf.close()


def _wooflow(*args: str, stdin: str = "") -> None:
    subprocess.run([sys.executable, "-m", "wooflow", *args], input=stdin, text=True, check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip


@pytest.fixture
def flow_case(tmp_path: Path) -> tuple[Path, int, int]:
    return make_flow_case(tmp_path)


def make_flow_case(tmp_path: Path) -> tuple[Path, int, int]:
    """A case with a signed letter (PDF) and a short note, findings written by hand."""
    folder = tmp_path / "verzoek.zaak"
    _letter(tmp_path / "brief.pdf")
    (tmp_path / "notitie.txt").write_text(
        "Notitie\n\nHans Bakker vraagt minister De Jonge om een besluit over de locaties.\n", encoding="utf-8"
    )
    info = CaseInfo(request="Documenten over vaccinatielocaties.", received=date(2024, 4, 2),
                    requester_kind="journalist", case_number="WOO-FLOW-1", title="Locaties",
                    organisation="Ministerie van Volksgezondheid, Welzijn en Sport")  # fmt: skip
    with Case.init(folder, info, actor="tester") as case:
        case.add_paths([tmp_path / "brief.pdf", tmp_path / "notitie.txt"])
        ids = {r.name: r.doc_id for r in case.records()}
        letter, note = ids["brief.pdf"], ids["notitie.txt"]
        t, n = case.text(letter), case.text(note)
        record_findings(case, {
            letter: [
                finding(t, "Hans Bakker", "person", score=0.8),
                finding(t, "Johannes Bakker", "person", score=0.8),
                finding(t, "De Jonge", "person", action="keep", reason="publieke functie (minister)"),
                finding(t, "06-12345678", "phone", score=0.7),
                finding(t, "h.bakker", "email", score=0.7),
            ],
            note: [
                finding(n, "Hans Bakker", "person", score=0.8),
                finding(n, "De Jonge", "person", action="keep", reason="publieke functie (minister)"),
            ],
        })  # fmt: skip
    # the first coordinator is made with the command line; the coordinator adds the reviewers
    _wooflow("user", "add", str(folder), "coord", "--role", "coordinator", "--password-stdin", stdin=PASSWORD)
    with Case(folder, actor="coord") as case:
        for name in ("anna", "bert"):
            add_user(case, name, "reviewer", PASSWORD)
    return folder, letter, note


def _serve(case_dir: Path) -> tuple[Any, Any, str, Any]:
    import socket
    import threading

    import uvicorn

    from wooflow.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = create_app(case_dir)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    return srv, thread, f"http://127.0.0.1:{port}", app


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations of the page as it is now."""
    assert AXE.is_file(), f"axe-core ontbreekt ({AXE}); draai scripts/install.sh --test"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")  # CDP evaluation: not blocked by the CSP
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


def test_three_people_take_a_case_to_a_downloaded_package(browser: Any, flow_case: tuple[Path, int, int]) -> None:  # noqa: F811
    case_dir, letter, note = flow_case
    srv, thread, server, app = _serve(case_dir)
    anna, bert, coord = new_page(browser), new_page(browser), new_page(browser, accept_downloads=True)
    checked: dict[str, list[Any]] = {}

    def axe(pg: Any, name: str) -> None:
        checked[name] = axe_violations(pg)

    try:
        axe(anna, "inloggen") if anna.goto(server + "/") else None
        login(anna, server, "anna", f"/documenten/{letter}/paginas")
        login(bert, server, "bert", f"/documenten/{letter}")  # bert's page goes stale below
        login(coord, server, "coord", "/")
        axe(coord, "overzicht")

        # -- anna reviews on the page image --------------------------------------------------
        anna.locator("svg.page a.box", has_text="5.1.2e").first.click()  # Hans Bakker's box
        anna.locator(".finding:target").get_by_role("button", name="Lakken: Hans Bakker", exact=True).click()
        anna.wait_for_url("**/paginas?p=1*")
        assert "Hans Bakker" in anna.get_by_role("status").first.inner_text()
        item = anna.locator(".finding", has_text="06-12345678").first
        item.get_by_role("button", name="Niet lakken: 06-12345678", exact=True).click()
        anna.wait_for_url("**/paginas?p=1*")
        item = anna.locator(".finding", has_text="h.bakker").first
        item.locator("summary", has_text="Grond of soort wijzigen").click()
        item.get_by_label("Grond").select_option("5.1.2i")
        item.get_by_role("button", name="Wijzigen: h.bakker").click()
        anna.wait_for_url("**/paginas?p=1*")
        assert "grond 5.1.2i" in anna.get_by_role("status").first.inner_text()
        # draw a box over the signature with the mouse
        svg = anna.locator("svg.page")
        bb = svg.bounding_box()
        scale = bb["width"] / 595
        anna.mouse.move(bb["x"] + (SIGNATURE.x0 - 4) * scale, bb["y"] + (SIGNATURE.y0 - 4) * scale)
        anna.mouse.down()
        anna.mouse.move(bb["x"] + 150 * scale, bb["y"] + 225 * scale, steps=4)
        anna.mouse.move(bb["x"] + (SIGNATURE.x1 + 4) * scale, bb["y"] + (SIGNATURE.y1 + 4) * scale, steps=4)
        anna.mouse.up()
        assert float(anna.locator("#area-x0").input_value()) == pytest.approx(SIGNATURE.x0 - 4, abs=2)
        anna.locator("#area-ground").select_option("5.1.2e")
        anna.get_by_role("button", name="Vlak lakken").click()
        anna.wait_for_url("**/paginas?p=1*")
        assert anna.locator("svg.page a.area").count() == 1
        anna.screenshot(path=str(SHOTS / "wooflow-web-area.png"))
        axe(anna, "paginaweergave")

        # -- bulk accept on the note, judge it -----------------------------------------------
        anna.goto(f"{server}/documenten/{note}")
        anna.get_by_role("button", name="Alle 1 ‘blijft openbaar’ accepteren").click()
        assert "blijven openbaar" in anna.get_by_role("status").first.inner_text()
        axe(anna, "document")
        anna.get_by_role("radio", name="deels openbaar", exact=True).check()
        anna.get_by_role("button", name="Oordeel opslaan").click()
        anna.wait_for_url("**#oordeel")

        # -- merge the two Bakkers -------------------------------------------------------------
        anna.goto(f"{server}/personen")
        axe(anna, "personen")
        anna.get_by_role("link", name="Johannes Bakker", exact=True).click()
        axe(anna, "persoon")
        anna.get_by_label("Samenvoegen met").fill("bakker|h")
        anna.get_by_role("button", name="Samenvoegen…").click()
        assert "3 vindplaatsen in 2 documenten verhuizen mee" in anna.locator("main").inner_text()
        axe(anna, "bevestigen")
        anna.get_by_role("button", name="Ja, samenvoegen").click()
        assert "samengevoegd" in anna.get_by_role("status").first.inner_text()

        # -- bert acts on a stale page: refused, in Dutch, naming anna -----------------------
        bert.get_by_role("button", name="Niet lakken: Hans Bakker", exact=True).first.click()
        alert = bert.get_by_role("alert").inner_text()
        assert "Niet opgeslagen: anna heeft “Hans Bakker” intussen" in alert
        axe(bert, "conflict")

        # -- the coordinator builds and downloads the package ---------------------------------
        coord.goto(f"{server}/zoeken-lakken?q=vaccinatielocaties")
        axe(coord, "zoeken en lakken")
        coord.goto(f"{server}/audit")
        axe(coord, "auditlog")
        coord.goto(f"{server}/publiceren")
        coord.get_by_role("button", name="Pakket maken").click()
        assert "Bezig" in coord.locator("#build-status").inner_text()
        builder = app.state.web.builder
        builder.wait(240)
        assert builder.build.state == "done", (builder.build.state, builder.build.error)
        coord.locator("#download-link").wait_for(timeout=10_000)  # the page refreshed itself
        axe(coord, "publiceren")
        with coord.expect_download() as dl:
            coord.locator("#download-link").click()
        data = Path(dl.value.path()).read_bytes()
        coord.screenshot(path=str(SHOTS / "wooflow-web-publish.png"), full_page=True)
    finally:
        for pg in (anna, bert, coord):
            pg.context.close()
        srv.should_exit = True
        thread.join(5)

    bad = {name: v for name, v in checked.items() if v}
    assert not bad, f"axe-core: ernstige of kritieke problemen: {bad}"
    assert len(checked) >= 10
    with Case(case_dir) as case:
        assert judgement(case, note).judgement == "deels openbaar"
        bakkers = [p for p in persons(case) if "bakker" in p.key]
        assert len(bakkers) == 1 and {"Hans Bakker", "Johannes Bakker"} <= set(bakkers[0].forms)
        phone = next(r for r in findings(case, letter) if r.finding.category == "phone")
        assert phone.status == "rejected"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert "auditlog.csv" in names
        (pdf_name,) = [n for n in names if n.endswith("brief.pdf")]
        published = zf.read(pdf_name)
    with pymupdf.open(stream=published, filetype="pdf") as pdf:
        text = pdf[0].get_text()
        assert "Hans Bakker" not in text and "Johannes Bakker" not in text  # merged and redacted
        assert "06-12345678" in text  # rejected: stays readable
        assert "Afdeling Vergunningen" in text and "Met vriendelijke groet" in text
        pix = pdf[0].get_pixmap(clip=SIGNATURE, alpha=False)
        assert dark_share(pix.samples, pix.n) > 0.6  # the signature is blacked out
        s, n = pdf[0].get_pixmap(alpha=False).samples, 3
        assert not any(s[i + 2] > 100 and s[i] < 60 for i in range(0, len(s), n))  # no blue ink left
