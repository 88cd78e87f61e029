"""Page latency of the review UI on a large case. Prints figures; asserts nothing.

Run: ``.venv/bin/python tests/web/bench_web.py --case DIR [--findings 10] [--persons 5000]``
where DIR is a case folder, e.g. the 100,000-document case of
``benchmarks/bench_search.py --dir D`` (``D/zaak``). The case is copied to a temporary folder
first. ``--findings N`` adds N synthetic person findings per document (and the persons they
belong to) straight into the case tables, as a detection run on real documents would leave
them: mostly proposed, some accepted. Each page is requested ``--runs`` times in-process
(FastAPI TestClient, no network) and the median and worst times are printed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from wooflow.case import Case, workflow
from wooflow.case.users import add_user
from wooflow.web import create_app

PASSWORD = "bench-wachtwoord"


def add_findings(case_dir: Path, per_doc: int, n_persons: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    with Case(case_dir) as case:
        ids = case.doc_ids()
        keys = [f"persoon{i}|x" for i in range(n_persons)]
        rows = []
        for doc_id in ids:
            text = case.text(doc_id)
            if len(text) < 20:
                continue
            for _ in range(per_doc):
                s = rng.randrange(0, len(text) - 10)
                e = s + rng.randint(3, 10)
                key = rng.choice(keys)
                status = "accepted" if rng.random() < 0.6 else "proposed"
                rows.append(
                    (
                        doc_id,
                        s,
                        e,
                        text[s:e],
                        "person",
                        "redact",
                        "5.1.2e",
                        0.8,
                        "bench",
                        "synthetisch",
                        status,
                        "detect",
                        key,
                        "2024-01-01T00:00:00+00:00",
                    )
                )
        with case.transaction() as conn:
            conn.executemany(
                "INSERT INTO case_findings(doc_id, start, end, text, category, action, ground, score,"
                " recognizer, reason, status, source, person_key, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO case_persons(key, display, decision, forms) VALUES (?,?,?,?)",
                [
                    (k, f"Persoon {i}", "undecided", json.dumps([f"Persoon {i}"]))
                    for i, k in enumerate(keys)
                ],
            )
            conn.execute(
                "UPDATE case_doc SET judgement='deels openbaar' WHERE doc_id IN"
                " (SELECT doc_id FROM case_findings WHERE status='accepted')"
            )
        return len(rows)


def add_big_document(case_dir: Path, n: int, seed: int = 11) -> int:
    """Give the longest document ``n`` findings (the 20,000-finding document of issue 12)."""
    rng = random.Random(seed)
    with Case(case_dir) as case:
        doc_id, _ = case.conn.execute(
            "SELECT id, length(text) FROM documents ORDER BY length(text) DESC LIMIT 1"
        ).fetchone()
        text = case.text(doc_id)
        # a long text: repeat the document until it holds n findings of a few characters each
        if len(text) < n * 12:
            text = (text + "\n") * (n * 12 // max(1, len(text)) + 1)
            case.conn.execute("UPDATE documents SET text=? WHERE id=?", (text, doc_id))
        rows = []
        step = len(text) // n
        for i in range(n):
            s = i * step + rng.randrange(0, max(1, step - 8))
            e = s + rng.randint(3, 8)
            status = "accepted" if rng.random() < 0.6 else "proposed"
            rows.append((doc_id, s, e, text[s:e], "person", "redact", "5.1.2e", 0.8, "bench",
                         "synthetisch", status, "detect", "2024-01-01T00:00:00+00:00"))
        with case.transaction() as conn:
            conn.executemany(
                "INSERT INTO case_findings(doc_id, start, end, text, category, action, ground, score,"
                " recognizer, reason, status, source, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return int(doc_id)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--case", type=Path, required=True)
    ap.add_argument("--findings", type=int, default=0, help="synthetic findings per document")
    ap.add_argument("--persons", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-doc", type=int, default=0, help="one document with N findings")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wooflow-webbench-")) / "case"
    shutil.copytree(args.case, work)
    try:
        if args.findings:
            t = time.perf_counter()
            n = add_findings(work, args.findings, args.persons)
            print(f"synthetic findings: {n} in {time.perf_counter() - t:.1f} s")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        big = add_big_document(work, args.big_doc) if args.big_doc else None
        with Case(work) as case:
            add_user(case, "bench", "coordinator", PASSWORD)
            workflow.assign(case, case.doc_ids()[:1000], "bench")
        t = time.perf_counter()
        app = create_app(work)
        print(f"create_app: {1000 * (time.perf_counter() - t):.0f} ms")
        with Case(work) as case:
            ids = case.doc_ids()
        mid = ids[len(ids) // 2]
        pages = [
            "/",
            "/documenten",
            "/documenten?q=begroting",
            "/documenten?q=begroting&type=nota",
            "/documenten?oordeel=deels+openbaar&pagina=3",
            f"/documenten/{mid}",
            f"/documenten/{mid}?toon=open",
            f"/documenten/{mid}/gelakt",
            "/personen",
            "/personen?naam=persoon 12",
            "/audit",
            "/mijn-werk",
            "/publiceren",
            "/zoeken-lakken?q=begroting",
            "/zoeken-lakken?q=de+minister",
            "/gebruikers",
        ]
        with Case(work) as case:
            first = case.conn.execute("SELECT key FROM case_persons ORDER BY key LIMIT 1").fetchone()
        if first is not None:
            pages.append(f"/personen/persoon?key={first[0]}")
        if big is not None:
            pages += [f"/documenten/{big}", f"/documenten/{big}?pagina=50"]
        print(f"documents: {len(ids)}; runs per page: {args.runs}")
        print(f"{'page':48} {'median ms':>10} {'max ms':>8} {'KiB':>6}")
        with TestClient(app, base_url="http://127.0.0.1") as client:
            r = client.post("/inloggen", data={"username": "bench", "password": PASSWORD})
            assert r.status_code in (200, 303), r.status_code
            for url in pages:
                times, size = [], 0
                for _ in range(args.runs):
                    t = time.perf_counter()
                    r = client.get(url)
                    times.append(1000 * (time.perf_counter() - t))
                    size = len(r.content)
                    if r.status_code != 200:
                        break
                if r.status_code != 200:  # e.g. a page an older version does not have
                    print(f"{url:48} HTTP {r.status_code}")
                    continue
                print(
                    f"{url:48} {statistics.median(times):10.0f} {max(times):8.0f} {size / 1024:6.0f}"
                )
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
