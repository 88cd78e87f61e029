"""Shared parts of ``bench_review_browser.py``: one person's timed browser actions, the
figures (per-action table, progress lines, the table file), the signal handler that prints
them when a long run is stopped, and the check of the downloaded zip."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import statistics
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

PASSWORD = "bench-wachtwoord-1"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
# --lean-gpu: fewer GPU features (software compositing, no separate GPU process). Measured on
# 40 document pages (200-document case, load 4-7): Chromium's CPU 6.9-9.0 s with these flags vs
# 7.0-8.5 s without (the GPU process is ~12% of it); no gain beyond noise, so not the default.
LEAN_ARGS = ["--disable-gpu-compositing", "--disable-software-rasterizer", "--in-process-gpu",
             "--disable-smooth-scrolling", "--disable-renderer-backgrounding"]  # fmt: skip
TIMES: dict[str, list[float]] = defaultdict(list)
FAILURES: list[str] = []
REFUSED: list[str] = []
DOCS: dict[str, int] = defaultdict(int)  # documents marked beoordeeld, per person
STATE: dict[str, Any] = {"phase": "start", "server": None, "t0": time.perf_counter(), "table_file": None}
TRACE = bool(os.environ.get("BENCH_TRACE"))
TIMEOUT_MS = int(os.environ.get("BENCH_TIMEOUT_MS", "120000"))
ROOT = Path(__file__).resolve().parent.parent
WOOFLOW = [str(ROOT / ".venv" / "bin" / "wooflow")] if (ROOT / ".venv/bin/wooflow").exists() else ["wooflow"]


class Person:
    """One person's browser page and base URL."""

    def __init__(self, name: str, page: Any, base: str) -> None:
        self.name, self.page, self.base = name, page, base

    async def act(self, kind: str, click: Callable[[], Awaitable[Any]], nav: bool = True) -> bool:
        """Time one UI action (a click and the page it loads); count failures and refusals."""
        t = time.perf_counter()
        if TRACE:
            print(f"    [{self.name}] {kind} ({self.page.url})", flush=True)
        try:
            if nav:
                async with self.page.expect_navigation(wait_until="load", timeout=TIMEOUT_MS):
                    await click()
            else:
                await click()
        except Exception as e:  # noqa: BLE001 - a benchmark counts, it does not stop
            FAILURES.append(f"{self.name} {kind}: {str(e).splitlines()[0][:200]} ({self.page.url})")
            return False
        TIMES[kind].append(1000 * (time.perf_counter() - t))
        err = self.page.locator(".flash.err, p.error, [role=alert].flash")
        if await err.count():
            REFUSED.append(f"{self.name} {kind}: {(await err.first.inner_text())[:200]} ({self.page.url})")
            return False
        return True

    async def goto(self, kind: str, path: str) -> bool:
        return await self.act(kind, lambda: self.page.goto(self.base + path, wait_until="load"), nav=False)

    async def click(self, kind: str, selector: str) -> bool:
        return await self.act(kind, lambda: self.page.locator(selector).first.click())


def utc() -> str:
    return time.strftime("%H:%M:%S", time.gmtime())


def phase(name: str, t0: float) -> float:
    now = time.perf_counter()
    print(f"  {name:64} {now - t0:8.1f} s   [{utc()} UTC]", flush=True)
    STATE["phase"] = name
    return now


def table_text() -> str:
    """The per-action table (count, median, p95, max) and the failures, as text."""
    lines = [f"{'UI action':46} {'count':>6} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"]
    total = 0
    for kind, times in list(TIMES.items()):
        times = sorted(times)
        if not times:
            continue
        total += len(times)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        lines.append(f"{kind:46} {len(times):6} {statistics.median(times):10.0f} {p95:8.0f} {max(times):8.0f}")
    lines.append(f"\nactions: {total}; documents beoordeeld: {dict(DOCS)}; failures: {len(FAILURES)};"
                 f" refused with a message: {len(REFUSED)}")  # fmt: skip
    lines += ["  " + line for line in (FAILURES + REFUSED)[:40]]
    return "\n".join(lines)


def table() -> None:
    text = table_text()
    print("\n" + text, flush=True)
    save_table(text)


def save_table(text: str) -> None:
    """Keep the latest table in a file too (a run killed with SIGKILL still leaves it)."""
    path = STATE.get("table_file")
    if path is None:
        return
    tmp = Path(str(path) + ".tmp")
    tmp.write_text(f"[{utc()} UTC, {time.perf_counter() - STATE['t0']:.0f} s, {STATE['phase']}]\n{text}\n")
    tmp.replace(path)


def progress_line() -> str:
    elapsed = time.perf_counter() - STATE["t0"]
    n = sum(len(v) for v in TIMES.values())
    docs = ", ".join(f"{k} {v}" for k, v in sorted(DOCS.items())) or "-"
    load = os.getloadavg()[0]
    return (f"  .. [{utc()} UTC] {elapsed:7.0f} s  {STATE['phase'][:40]}: documents beoordeeld {docs};"
            f" actions {n}; failures {len(FAILURES)}; refused {len(REFUSED)}; load {load:.1f}")


async def reporter(every_s: float) -> None:
    """A progress line every ``every_s`` seconds, and the table saved to its file."""
    while True:
        await asyncio.sleep(every_s)
        print(progress_line(), flush=True)
        save_table(table_text())


def stop(signum: int, _frame: object) -> None:
    """SIGINT/SIGTERM: print the figures so far first, then end the server and exit at once
    (Playwright's open waits would otherwise hold a plain KeyboardInterrupt for minutes)."""
    name = signal.Signals(signum).name
    try:
        print(progress_line(), flush=True)
        table()
        phase(f"stopped ({name})", STATE["t0"])
    finally:
        server = STATE.get("server")
        if server is not None and server.poll() is None:
            server.terminate()
        sys.stdout.flush()
        os._exit(128 + signum)


def check_zip(path: Path, case_dir: Path, published: int) -> str:
    """Open the zip: CRC, the parts a package must have, one PDF per published document (the
    build page's count), the restlekcontrole report's verdict, and a sample of redacted names
    searched in the PDFs' text."""
    from wooflow.case import Case, redactions

    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        names = z.namelist()
        pdfs = [n for n in names if n.lower().endswith(".pdf")]
        docs = [n for n in pdfs if re.match(r"\d+ - ", n)]  # "0001 - name.pdf"; besides: besluit, inventaris
        lines = [f"{len(names)} files, {len(pdfs)} PDFs of which {len(docs)} documents (build page: {published}"
                 f" published: {'equal' if len(docs) == published else 'DIFFERENT'}), CRC"
                 f" {'ok' if bad is None else 'BAD: ' + bad}"]  # fmt: skip
        for want in ("inventaris", "besluit", "audit", "restlekcontrole"):
            lines.append(f"{want}: {'ja' if any(want in n.lower() for n in names) else 'NEE'}")
        report = next((n for n in names if n.endswith("restlekcontrole.txt")), None)
        if report:
            verdict = [ln.strip() for ln in z.read(report).decode("utf-8", "replace").splitlines()
                       if ln.startswith(("Zoektermen:", "Gecontroleerde bestanden:", "Uitkomst:"))]  # fmt: skip
            lines.append("restlekcontrole.txt: " + " / ".join(verdict)[:300])
        import pymupdf as fitz

        text = ""
        for n in pdfs[:: max(1, len(pdfs) // 40)]:
            with fitz.open(stream=z.read(n), filetype="pdf") as doc:
                text += "\n".join(page.get_text() for page in doc)
    leaked = 0
    with Case(case_dir) as case:
        names_redacted = {
            r.text for d in case.doc_ids()[:300] for r in redactions(case, d)
            if r.category == "person" and len(r.text) > 6
        }
    leaked = sum(1 for t in names_redacted if t in text)
    lines.append(f"{len(names_redacted)} redacted names sampled, {leaked} found in the text of the sampled PDFs")
    return "; ".join(lines)
