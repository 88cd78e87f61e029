"""A real browser against a real server: clicks, text selection, forms without JavaScript.

Drives Debian's Chromium (/usr/bin/chromium) with Playwright; skipped when either is missing.
Never downloads a browser. Screenshots go to the system temp folder for a human to look at.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from wooflow.case import Case, findings, judgement, persons

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(tempfile.gettempdir())

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="geen Chromium in /usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(case_dir: Path) -> Iterator[str]:
    """uvicorn in a thread on a free port, serving a fresh copy of the test case."""
    import uvicorn

    from wooflow.web import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(case_dir), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


def login(page: Any, server: str, username: str, target: str = "/") -> None:
    """Log in through the login page (a fresh context has no session) and land on ``target``."""
    page.goto(server + target)
    assert "/inloggen" in page.url
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(server + target)


def new_page(browser: Any, **kw: Any) -> Any:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, **kw)
    pg = ctx.new_page()
    pg.set_default_timeout(5000)
    return pg


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """Logged in as reviewer anna."""
    pg = new_page(browser)
    login(pg, server, "anna")
    yield pg
    pg.context.close()


def _select(page: Any, needle: str) -> None:
    """Select the first occurrence of ``needle`` in the document text, as a mouse drag would."""
    page.evaluate(
        """needle => {
            const root = document.getElementById('doctext');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const i = node.data.indexOf(needle);
                if (i >= 0) {
                    const r = document.createRange();
                    r.setStart(node, i);
                    r.setEnd(node, i + needle.length);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(r);
                    root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return;
                }
            }
            throw new Error('not found: ' + needle);
        }""",
        needle,
    )


def test_accept_by_click_and_redact_a_selection(
    page: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    page.goto(f"{server}/documenten/{doc}")
    with Case(case_dir) as case:
        phone = next(r for r in findings(case, doc) if r.finding.category == "phone")
        text = case.text(doc)
    item = page.locator(f"#f-{phone.id}")
    item.get_by_role("button", name="Lakken: 06-12345678", exact=True).click()
    page.wait_for_url(f"**/documenten/{doc}*#f-{phone.id}")
    assert "st-accepted" in page.locator(f"#f-{phone.id}").get_attribute("class").split()
    assert page.evaluate("window.scrollY") == 0  # the message on top stays in view
    assert page.locator("mark.st-accepted", has_text="06-12345678").count() == 1
    assert "Gelakt" in page.get_by_role("status").first.inner_text()

    # the name sits after an emoji (2 UTF-16 units, 1 code point) and CR LF line ends
    _select(page, "Piet Pietersen")
    tool = page.locator("#sel-tool")
    assert tool.is_visible()
    assert "Piet Pietersen" in page.locator("#sel-preview").inner_text()
    page.locator("#add-category").select_option("person")
    page.locator("#sel-ground").select_option("5.1.2i")  # the ground picker in the selection bar
    assert tool.is_visible()
    page.locator("#sel-redact").click()
    page.wait_for_url("**#f-*")
    assert page.locator("mark.st-added", has_text="Piet Pietersen").count() == 1
    page.screenshot(path=str(SHOTS / "wooflow-web-document.png"))
    with Case(case_dir) as case:
        added = [r for r in findings(case, doc) if r.status == "added"]
    assert [(r.finding.start, r.finding.text, r.finding.ground) for r in added] == [
        (text.index("Piet Pietersen"), "Piet Pietersen", "5.1.2i")
    ]


def test_highlight_leads_to_its_finding(page: Any, server: str, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    page.goto(f"{server}/documenten/{doc}")
    page.locator("mark.st-keep", has_text="De Jonge").click()
    current = page.locator(".finding.current")
    assert current.count() == 1 and "publieke functie" in current.inner_text()
    # and back: a finding's button marks its place in the text
    current.get_by_role("button", name="toon in tekst").click()
    assert page.locator("mark.flash-hit").inner_text() == "De Jonge"
    # keyboard: j goes to the next finding (the phone number after the minister), a accepts it
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    assert "06-12345678" in page.locator(".finding.current").inner_text()
    page.keyboard.press("a")
    page.wait_for_url("**#f-*")
    assert page.locator("mark.st-accepted", has_text="06-12345678").count() == 1
    page.keyboard.press("?")
    assert page.locator("#sneltoetsen").get_attribute("open") is not None


def test_judgement_and_person_decision(
    page: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    page.goto(f"{server}/documenten/{doc}")
    page.get_by_role("radio", name="reeds openbaar", exact=True).check()
    page.get_by_label("Vindplaats (bij reeds openbaar)").fill("https://open.overheid.nl/doc/1")
    page.get_by_label("Toelichting").fill("eerder gepubliceerd")
    page.get_by_role("button", name="Oordeel opslaan").click()
    page.wait_for_url("**#oordeel")
    assert page.locator("h1 + p.meta .badge").inner_text() == "reeds openbaar"

    page.goto(f"{server}/personen")
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Karin de Vries overal lakken", exact=True).click()
    assert "1 vindplaats in 1 document" in asked[0]  # asked first, with counts; "nee"
    assert "melding" not in page.url
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Karin de Vries overal lakken", exact=True).click()
    page.wait_for_url("**/personen*#p-devries-k")
    row = page.locator("#p-devries-k")
    assert row.locator(".badge").inner_text() == "lakken"
    page.screenshot(path=str(SHOTS / "wooflow-web-persons.png"), full_page=True)
    with Case(case_dir) as case:
        assert judgement(case, doc).link == "https://open.overheid.nl/doc/1"
        assert next(p for p in persons(case) if p.key == "devries|k").decision == "redact"


def test_core_actions_work_without_javascript(
    browser: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    page = new_page(browser, java_script_enabled=False)
    ctx = page.context
    login(page, server, "anna")
    try:
        doc = ids["nota-overleg.txt"]
        with Case(case_dir) as case:
            text = case.text(doc)
        start = text.index("Pietersen")
        page.goto(f"{server}/documenten/{doc}")
        page.get_by_label("Begin").fill(str(start))
        page.get_by_label("Einde").fill(str(start + len("Pietersen")))
        page.locator("#add-ground").select_option("5.1.2e")
        page.locator("#add-submit").click()
        page.wait_for_url("**#f-*")
        assert page.locator("mark.st-added", has_text="Pietersen").count() == 1
        page.goto(f"{server}/documenten?q=begroting")
        assert page.locator(".snippet mark").first.inner_text().lower() == "begroting"
    finally:
        ctx.close()


def test_two_reviewers_conflict_and_the_second_is_told(
    browser: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    anna, bert = new_page(browser), new_page(browser)
    try:
        login(anna, server, "anna", f"/documenten/{doc}")
        login(bert, server, "bert", f"/documenten/{doc}")
        anna.get_by_role("button", name="Lakken: 06-12345678", exact=True).click()
        anna.wait_for_url("**#f-*")
        bert.get_by_role("button", name="Niet lakken: 06-12345678", exact=True).click()
        alert = bert.get_by_role("alert")
        assert "Niet opgeslagen: anna heeft “06-12345678” intussen geaccepteerd" in alert.inner_text()
        bert.screenshot(path=str(SHOTS / "wooflow-web-conflict.png"))
        with Case(case_dir) as case:
            phone = next(r for r in findings(case, doc) if r.finding.category == "phone")
        assert phone.status == "accepted" and phone.reviewer == "anna"
    finally:
        anna.context.close()
        bert.context.close()


def test_bulk_accept_undo_and_change_a_ground(
    page: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    page.goto(f"{server}/documenten/{doc}")
    page.get_by_role("button", name="Alle 1 ‘blijft openbaar’ accepteren").click()
    assert "1 gegevens blijven openbaar" in page.get_by_role("status").first.inner_text()
    page.get_by_role("button", name="Ongedaan maken: alle ‘blijft openbaar’").click()
    assert "Ongedaan gemaakt" in page.get_by_role("status").first.inner_text()
    with Case(case_dir) as case:
        phone = next(r for r in findings(case, doc) if r.finding.category == "phone")
        assert all(r.status == "proposed" for r in findings(case, doc) if r.finding.action == "keep")
    item = page.locator(f"#f-{phone.id}")
    item.locator("summary", has_text="Grond of soort wijzigen").click()
    item.get_by_label("Grond").select_option("5.1.2i")
    item.get_by_role("button", name="Wijzigen: 06-12345678").click()
    page.wait_for_url(f"**#f-{phone.id}")
    assert "grond 5.1.2i" in page.get_by_role("status").first.inner_text()
    page.screenshot(path=str(SHOTS / "wooflow-web-change.png"), full_page=True)
    with Case(case_dir) as case:
        assert next(r for r in findings(case, doc) if r.id == phone.id).finding.ground == "5.1.2i"


def test_review_on_the_page_image(page: Any, server: str, case_dir: Path, pdf_doc: int) -> None:
    page.goto(f"{server}/documenten/{pdf_doc}")
    page.get_by_role("link", name="Bekijk de pagina's zoals ze gepubliceerd worden").click()
    page.wait_for_url(f"**/documenten/{pdf_doc}/paginas")
    assert page.locator("svg.page image").evaluate("i => i.getBBox().width") > 100
    box = page.locator("svg.page a.box.st-proposed", has_text="5.1.2e").last  # the phone number
    box.click()
    target = page.locator(".finding:target")
    assert "06-12345678" in target.inner_text() and "Waarom" in target.inner_text()
    target.get_by_role("button", name="Lakken: 06-12345678", exact=True).click()
    page.wait_for_url("**/paginas?p=1*")
    assert page.locator("svg.page a.box.st-accepted").count() == 1
    assert page.evaluate("window.scrollY") == 0  # the page image and the message stay in view
    page.screenshot(path=str(SHOTS / "wooflow-web-pageview.png"))
    with Case(case_dir) as case:
        phone = [r for r in findings(case, pdf_doc) if r.finding.category == "phone"]
    assert sorted(r.status for r in phone) == ["accepted", "proposed"]


def test_multi_select_by_keyboard_and_select_all(
    page: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    from tests.web.test_web_flow import axe_violations

    doc = ids["nota-overleg.txt"]
    page.goto(f"{server}/documenten/{doc}")
    assert axe_violations(page) == []
    page.keyboard.press("j")  # the first finding ("Jan Jansen")
    page.keyboard.press("x")
    assert page.get_by_label("Selecteren: Jan Jansen").is_checked()
    assert "1 aangevinkt" in page.locator("#sel-count").inner_text()
    page.get_by_label("alles op deze pagina").check()  # ticks every box ...
    assert page.locator("input.pick:checked").count() == 4
    page.get_by_label("Selecteren: De Jonge").uncheck()  # ... and unticking one drops "alles"
    assert not page.get_by_label("alles op deze pagina").is_checked()
    page.get_by_role("button", name="Selectie niet lakken").click()
    page.wait_for_url("**#f-*")
    assert "Selectie: 3 niet gelakt" in page.get_by_role("status").first.inner_text()
    assert page.evaluate("window.scrollY") == 0  # the message stays in view: no jump
    page.screenshot(path=str(SHOTS / "wooflow-web-select.png"), full_page=True)
    with Case(case_dir) as case:
        st = {r.finding.text: r.status for r in findings(case, doc)}
    assert st == {"Jan Jansen": "rejected", "j.jansen": "rejected", "06-12345678": "rejected",
                  "De Jonge": "proposed"}
    page.get_by_role("button", name="Ongedaan maken: selectie: niet lakken (3 bevindingen)").click()
    assert "Ongedaan gemaakt" in page.get_by_role("status").first.inner_text()
    with Case(case_dir) as case:
        assert all(r.status == "proposed" for r in findings(case, doc))


def test_multi_select_works_without_javascript(
    browser: Any, server: str, case_dir: Path, ids: dict[str, int]
) -> None:
    page = new_page(browser, java_script_enabled=False)
    login(page, server, "anna")
    try:
        doc = ids["nota-overleg.txt"]
        page.goto(f"{server}/documenten/{doc}")
        page.get_by_label("Selecteren: Jan Jansen").check()
        page.get_by_label("Selecteren: 06-12345678").check()
        page.locator("#selectie select[name=ground]").select_option("5.1.2i")
        page.get_by_role("button", name="Grond van selectie wijzigen").click()
        page.wait_for_url("**#f-*")
        assert "2 naar grond 5.1.2i" in page.get_by_role("status").first.inner_text()
        with Case(case_dir) as case:
            grounds = {r.finding.text: r.finding.ground for r in findings(case, doc)}
        assert grounds["Jan Jansen"] == grounds["06-12345678"] == "5.1.2i"
    finally:
        page.context.close()


def test_user_admin_page_in_the_browser(browser: Any, server: str, case_dir: Path) -> None:
    from tests.web.test_web_flow import axe_violations
    from wooflow.case.users import users

    page = new_page(browser)
    login(page, server, "coord")
    try:
        page.get_by_role("link", name="Gebruikers").click()
        page.wait_for_url("**/gebruikers")
        assert axe_violations(page) == []
        page.get_by_label("Gebruikersnaam").fill("carla")
        page.locator("form[action=\"/gebruikers/toevoegen\"] select[name=role]").select_option("viewer")
        page.get_by_label("Wachtwoord (minstens 8 tekens)").fill("nieuw-wachtwoord-9")
        page.get_by_label("Wachtwoord nog een keer").fill("nieuw-wachtwoord-9")
        page.get_by_role("button", name="Gebruiker toevoegen").click()
        assert "Gebruiker carla aangemaakt (meelezer)." in page.get_by_role("status").inner_text()
        page.get_by_label("Rol van anna").select_option("coordinator")
        page.get_by_role("button", name="Rol opslaan voor anna").click()
        assert "anna is nu coördinator." in page.get_by_role("status").inner_text()
        page.once("dialog", lambda d: d.accept())  # "bert verwijderen? ..."
        page.get_by_role("button", name="bert verwijderen").click()
        assert "bert verwijderd" in page.get_by_role("status").inner_text()
        assert axe_violations(page) == []
        page.screenshot(path=str(SHOTS / "wooflow-web-users.png"), full_page=True)
    finally:
        page.context.close()
    with Case(case_dir) as case:
        roles = {u.username: u.role for u in users(case.conn)}
    assert roles == {"coord": "coordinator", "anna": "coordinator", "carla": "viewer", "vera": "viewer"}
