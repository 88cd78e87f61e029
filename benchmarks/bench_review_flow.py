"""Three people take a generated case from proposals to a downloaded package, through the
review app's HTTP API: prints the time of every kind of request, asserts nothing.

    .venv/bin/python benchmarks/bench_review_flow.py [--docs 2000] [--seed 7] [--keep DIR]
        [--reuse] [--multi]

1. ``bench_process.generate`` makes ``--docs`` documents; ``process`` turns them into a case
   with proposals (and a draft package).
2. A coordinator (``coord``) and two reviewers (``anna``, ``bert``) log in (in-process HTTP,
   Starlette's TestClient: no network, but every request goes through routing, the session
   and CSRF checks, the templates and the case database).
3. The coordinator assigns half of the documents to each reviewer. The reviewers decide the
   persons on the persons page (one decision per person, propagated) and accept the
   keep-public items per category; then each opens "Mijn werk" and every assigned document,
   decides each remaining proposal there (accept), opens the page view of the first
   ``--detail`` documents, and marks every document "beoordeeld".
4. The coordinator opens the pre-flight page, builds the package and downloads the zip.

Figures: per request kind the count, median, 95th percentile and maximum in ms; the time of
each phase; the package size.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import generate  # noqa: E402

from wooflow.case import Case, persons  # noqa: E402
from wooflow.case.publish.config import ProcessConfig  # noqa: E402
from wooflow.case.publish.process import process  # noqa: E402
from wooflow.case.users import add_user, users  # noqa: E402

PASSWORD = "bench-wachtwoord-1"
TIMES: dict[str, list[float]] = defaultdict(list)


def timed(client: Any, kind: str, method: str, url: str, **kw: Any) -> Any:
    t = time.perf_counter()
    r = client.request(method, url, **kw)
    TIMES[kind].append(1000 * (time.perf_counter() - t))
    if r.status_code >= 400:
        raise SystemExit(f"{method} {url}: HTTP {r.status_code}")
    return r


def client_for(app: Any, user: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    import sqlite3

    from wooflow.case.users import session_user
    from wooflow.web.auth import COOKIE

    c = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    timed(c, "POST /inloggen", "POST", "/inloggen", data={"username": user, "password": PASSWORD})
    conn = sqlite3.connect(app.state.web.case_dir / "case.sqlite")
    found = session_user(conn, c.cookies.get(COOKIE))
    conn.close()
    assert found is not None
    c.headers["X-CSRF-Token"] = found[1]
    return c


def phase(name: str, t0: float) -> float:
    now = time.perf_counter()
    print(f"  {name:58} {now - t0:8.1f} s", flush=True)
    return now


def table() -> None:
    """Per request kind: count, median, 95th percentile, maximum (also when stopped early)."""
    print(f"\n{'request':40} {'count':>6} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}", flush=True)
    for kind, times in TIMES.items():
        times = sorted(times)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{kind:40} {len(times):6} {statistics.median(times):10.0f} {p95:8.0f} {max(times):8.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--detail", type=int, default=25, help="documents per reviewer also seen as page images")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true",
                    help="the case in --keep is already processed: skip generate and process")
    ap.add_argument("--multi", action="store_true",
                    help="decide each document page's proposals with one multi-select post")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="wooflow-flowbench-"))
    work.mkdir(parents=True, exist_ok=True)
    src, out = work / "in", work / "pakket"
    case_dir = work / "pakket.zaak"
    print(f"three-user review flow on {args.docs} generated documents ({work})")
    t = time.perf_counter()
    if not src.exists():
        src.mkdir(parents=True)
        generate(src, args.docs, args.seed)
    t = phase("generate", t)
    if not (args.reuse and case_dir.exists()):
        summary = process([src], out, ProcessConfig(case_number="WOO-BENCH-FLOW"), case_dir)
        t = phase(f"process (proposals, draft package): {summary.proposed} proposals", t)
    with Case(case_dir, actor="bench") as case:
        have = {u.username for u in users(case.conn, active_only=False)}
        for name, role in (("coord", "coordinator"), ("anna", "reviewer"), ("bert", "reviewer")):
            if name not in have:
                add_user(case, name, role, PASSWORD)
        ids = [r.doc_id for r in case.records(in_scope=True) if r.kind not in ("zip", "mbox")]
    from wooflow.web import create_app

    app = create_app(case_dir)
    coord, anna, bert = (client_for(app, u) for u in ("coord", "anna", "bert"))
    t = phase("create_app and three logins", t)

    timed(coord, "GET /", "GET", "/")
    timed(coord, "GET /documenten", "GET", "/documenten")
    half = len(ids) // 2
    for user, part in (("anna", ids[:half]), ("bert", ids[half:])):
        for i in range(0, len(part), 500):  # a form takes at most 1,000 fields (Starlette)
            data = {"username": user, "doc": [str(d) for d in part[i : i + 500]]}
            timed(coord, "POST /toewijzen (500 documenten)", "POST", "/toewijzen", data=data)
    t = phase("coordinator: overview, documents, assign", t)

    with Case(case_dir) as case:
        undecided = [p.key for p in persons(case) if p.decision == "undecided"]
    timed(anna, "GET /personen", "GET", "/personen")
    for i, key in enumerate(undecided):
        timed(anna if i % 2 else bert, "POST /personen/besluit", "POST", "/personen/besluit",
              data={"key": key, "decision": "redact"})  # fmt: skip
    if undecided:
        timed(anna, "GET /personen/persoon", "GET", "/personen/persoon", params={"key": undecided[0]})
    timed(anna, "GET /zoeken-lakken", "GET", "/zoeken-lakken", params={"q": "verkiezingsuitslag"})
    overview = timed(coord, "GET /", "GET", "/").text
    for soort in dict.fromkeys(re.findall(r'name="soort" value="([^"]+)"', overview)):
        timed(anna, "POST /openbaar-akkoord", "POST", "/openbaar-akkoord", data={"soort": soort})
    t = phase(f"persons ({len(undecided)} decided) and keep-public items per category", t)

    for client, part in ((anna, ids[:half]), (bert, ids[half:])):
        timed(client, "GET /mijn-werk", "GET", "/mijn-werk")
        for n, doc in enumerate(part):
            html = timed(client, "GET /documenten/N", "GET", f"/documenten/{doc}").text
            if args.multi:  # the open proposals, 50 a page: "alles op deze pagina" + "lakken / akkoord"
                seen = ""
                html_open = timed(client, "GET /documenten/N?toon=open", "GET", f"/documenten/{doc}?toon=open").text
                while True:
                    page_ids = re.search(r'name="pagina_ids" value="([^"]*)"', html_open)
                    if page_ids is None or page_ids.group(1) == seen:
                        break
                    seen = page_ids.group(1)
                    timed(client, "POST selectie (alles op de pagina)", "POST", f"/documenten/{doc}/selectie",
                          data={"pagina_alle": "ja", "pagina_ids": seen, "actie": "accept", "toon": "open"})
                    html_open = timed(client, "GET /documenten/N?toon=open", "GET",
                                      f"/documenten/{doc}?toon=open").text
            form = rf'action="/documenten/{doc}/bevindingen/(\d+)/accepteren"'
            accepts = [] if args.multi else re.findall(form, html)
            for fid in dict.fromkeys(accepts):
                timed(client, "POST accept", "POST", f"/documenten/{doc}/bevindingen/{fid}/accepteren")
            if n < args.detail and "/paginas" in html:
                timed(client, "GET page view", "GET", f"/documenten/{doc}/paginas")
    t = phase("reviewers: my work, every document page, each remaining proposal decided", t)

    refused = 0
    for client, part in ((anna, ids[:half]), (bert, ids[half:])):
        for doc in part:
            r = timed(client, "POST status beoordeeld", "POST", f"/documenten/{doc}/status",
                      data={"status": "beoordeeld"})  # fmt: skip
            refused += "fout=" in r.headers.get("location", "")
    t = phase(f"every document marked beoordeeld ({refused} refused: open proposals)", t)

    timed(coord, "GET /publiceren", "GET", "/publiceren")
    timed(coord, "POST /publiceren/pakket", "POST", "/publiceren/pakket")
    while app.state.web.builder.build.state == "running":
        timed(coord, "GET /publiceren (while building)", "GET", "/publiceren")
        time.sleep(2)
    build = app.state.web.builder.build
    print(f"  build: {build.state} {build.error} " + " | ".join(build.lines[:3]))
    z = timed(coord, "GET /publiceren/publicatie.zip", "GET", "/publiceren/publicatie.zip")
    t = phase(f"package built and downloaded ({len(z.content) / 2**20:.1f} MiB zip)", t)

    for c in (coord, anna, bert):
        c.close()
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        main()
    except KeyboardInterrupt:
        print("\nstopped early; figures so far:")
    finally:
        table()
