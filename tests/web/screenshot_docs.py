"""Take the screenshot of the page view in docs/ (headless Debian Chromium, never downloaded).

Run: ``.venv/bin/python tests/web/screenshot_docs.py CASE_DIR [--doc NAME] [--out docs/web-page-view.png]``
on a processed case (e.g. ``wooflow process examples/documents --out /tmp/ex`` -> ``/tmp/ex/case``).
The case is copied first; a throwaway coordinator account is added to the copy.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

from wooflow.case import Case
from wooflow.case.users import add_user

PASSWORD = "screenshot-wachtwoord"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("case", type=Path)
    ap.add_argument("--doc", default="brief-burger-scan.pdf", help="file name of the document")
    ap.add_argument("--page", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("docs/web-page-view.png"))
    ap.add_argument("--area", default="", help="x0,y0,x1,y1 in points: draw this box with the mouse first")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wooflow-shot-")) / "case"
    shutil.copytree(args.case, work)
    with Case(work) as case:
        add_user(case, "coordinator", "coordinator", PASSWORD)
        doc = next(r.doc_id for r in case.records() if r.name == args.doc)
    import uvicorn
    from playwright.sync_api import sync_playwright

    from wooflow.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(work), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/inloggen")
        page.get_by_label("Gebruikersnaam").fill("coordinator")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.goto(f"{base}/documenten/{doc}/paginas?p={args.page}")
        page.wait_for_load_state("networkidle")
        if args.area:  # drag a rectangle over the page image, as a reviewer would
            x0, y0, x1, y1 = (float(v) for v in args.area.split(","))
            svg = page.locator("svg.page")
            bb = svg.bounding_box()
            width = float(svg.evaluate("s => s.viewBox.baseVal.width"))
            k = bb["width"] / width
            page.mouse.move(bb["x"] + x0 * k, bb["y"] + y0 * k)
            page.mouse.down()
            page.mouse.move(bb["x"] + x1 * k, bb["y"] + y1 * k, steps=5)
            page.mouse.up()
            page.locator("#area-ground").select_option("5.1.2e")
            page.get_by_role("button", name="Vlak lakken").click()
            page.wait_for_load_state("networkidle")
        page.screenshot(path=str(args.out))
        browser.close()
    srv.should_exit = True
    shutil.rmtree(work.parent, ignore_errors=True)
    print(f"screenshot: {args.out}")


if __name__ == "__main__":
    main()
