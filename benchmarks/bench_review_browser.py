"""Three people in three real browsers take a generated case from proposals to a downloaded
package: prints wall time per phase and the time of every kind of UI action; asserts nothing.

    .venv/bin/python benchmarks/bench_review_browser.py [--docs 2000] [--keep DIR] [--reuse]
        [--copy-from DIR] [--case-wide-keep] [--every 10] [--progress-s 60] [--table FILE]
        [--lean-gpu]

The case is built as ``bench_review_flow.py`` builds it (``bench_process.generate`` +
``process``); ``--reuse`` uses the processed case in ``--keep``, ``--copy-from`` first copies a
processed work folder (its ``in``, ``pakket``, ``pakket.zaak``) into ``--keep`` (a fresh start
from the same proposals, without processing again).

Then, against ``wooflow serve`` in its own process (a real HTTP server), Debian's Chromium
(headless, Playwright) with one browser context per person:

1. ``wooflow user add`` makes the coordinator ``coord``; coord logs in and adds the reviewers
   ``anna`` and ``bert`` on "Gebruikers".
2. Work division: coord filters the document list per document kind (binnen het verzoek) and
   assigns all results of each kind to whichever reviewer has fewer documents so far.
3. Persons: coord merges two forms of one person ("Samenvoegen"), then decides every undecided
   person case-wide ("Overal lakken", confirming the dialog); then accepts the keep-public
   proposals per category on the overview (``--case-wide-keep``; else each reviewer accepts a
   document's keep-public items with its own "Alle N ‘blijft openbaar’ accepteren").
4. The two reviewers at the same time: "Mijn werk", "Verder met het volgende document", and per
   document: every ``--every``-th document one proposal rejected and one accepted on its own;
   the open proposals accepted with "alles op deze pagina" + "Selectie lakken / akkoord" (page
   by page); every ``5 * --every``-th document an explicit judgement; then "Document
   beoordeeld" (with "en volgende" where the page offers it, else back to "Mijn werk").
5. Pre-flight: coord opens "Publiceren", prints what it lists, and works through it (opens
   the document, decides what is open, "Lakken" on a rejection of what is redacted elsewhere,
   marks it beoordeeld), then "Pakket maken" and waits until the page says done. When the
   restlekcontrole blocked the zip, coord opens each linked document, chooses "Lakken" on its
   rejected redactions, works through the pre-flight again and builds again (at most 3 builds).
   Then downloads the zip and checks it (CRC, inventory, decision letter, audit log, the
   restlekcontrole report and its verdict, one PDF per published document against the build
   page's count, no redacted name of a sample left in the PDFs' text).

Figures: wall time per phase; per UI action (click to the next page loaded) count, median,
p95, max in ms; the number of actions; documents marked beoordeeld per person; failures (an
action that raised, or a page that showed an error message), each with its message. A
progress line every ``--progress-s`` seconds, and the table saved to ``--table`` (default:
``<keep>-table.txt``) each time; SIGINT/SIGTERM print the progress line and the table, stop
the server and exit; SIGUSR1 prints the table so far. Shared parts: ``browserbench.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browserbench import (  # noqa: E402 - after the sys.path line
    ARGS,
    CHROMIUM,
    DOCS,
    FAILURES,
    LEAN_ARGS,
    PASSWORD,
    STATE,
    TIMEOUT_MS,
    TIMES,
    WOOFLOW,
    Person,
    check_zip,
    phase,
    reporter,
    stop,
    table,
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_case(args: argparse.Namespace, work: Path) -> Path:
    src, out, case_dir = work / "in", work / "pakket", work / "pakket.zaak"
    if args.copy_from:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(args.copy_from, work)
    work.mkdir(parents=True, exist_ok=True)
    if not (args.reuse or args.copy_from) or not case_dir.exists():
        from bench_process import generate

        from wooflow.case.publish.config import ProcessConfig
        from wooflow.case.publish.process import process

        t = time.perf_counter()
        if not src.exists():
            src.mkdir(parents=True)
            generate(src, args.docs, args.seed)
        t = phase("generate", t)
        summary = process([src], out, ProcessConfig(case_number="WOO-BENCH-FLOW"), case_dir)
        phase(f"process (proposals, draft package): {summary.proposed} proposals", t)
    return case_dir


async def login(p: Person, path: str = "/") -> None:
    await p.page.goto(p.base + path)
    await p.page.get_by_label("Gebruikersnaam").fill(p.name)
    await p.page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    await p.act("inloggen", lambda: p.page.get_by_role("button", name="Inloggen").click())


async def add_users(coord: Person) -> None:
    await coord.goto("GET /gebruikers", "/gebruikers")
    for name in ("anna", "bert"):
        form = coord.page.locator("form[action='/gebruikers/toevoegen']")
        await form.locator("input[name=username]").fill(name)
        await form.locator("select[name=role]").select_option("reviewer")
        await form.locator("input[name=password]").fill(PASSWORD)
        await form.locator("input[name=password2]").fill(PASSWORD)
        add = form.get_by_role("button", name="Gebruiker toevoegen")
        await coord.act("gebruiker toevoegen", lambda b=add: b.click())


async def divide_work(coord: Person) -> dict[str, int]:
    """Per document kind (within the request, largest first): all results to the reviewer
    with fewer so far."""
    pg = coord.page
    await coord.goto("GET /documenten", "/documenten?scope=in")
    kinds = [v for v in await pg.locator("select[name=type] option").evaluate_all("os => os.map(o => o.value)") if v]
    counts: dict[str, int] = {}
    for kind in kinds:
        await coord.goto("GET /documenten (zoeken)", f"/documenten?scope=in&type={kind}")
        status = await pg.locator("p[role=status]").first.inner_text()
        m = re.match(r"\s*(\d+)", status)
        counts[kind] = int(m.group(1)) if m else 0
    load = {"anna": 0, "bert": 0}
    owner: dict[str, str] = {}
    for kind in sorted(counts, key=lambda k: -counts[k]):  # largest first: an even split
        if not counts[kind]:
            continue
        who = min(load, key=lambda k: load[k])
        await coord.goto("GET /documenten (zoeken)", f"/documenten?scope=in&type={kind}")
        await pg.locator("summary", has_text="resultaten toewijzen").click()
        await pg.locator("form[action='/toewijzen'] select[name=username]").select_option(who)
        await coord.act("toewijzen (alle resultaten)", lambda: pg.locator("form[action='/toewijzen'] button").click())
        load[who] += counts[kind]
        owner[kind] = who
    # the biggest kind alone may outweigh the rest: hand its oldest part to the other reviewer
    # too (a date found by halving the range on the list's "t/m" filter, as a coordinator would)
    heavy, light = max(load, key=lambda k: load[k]), min(load, key=lambda k: load[k])
    # the heavy reviewer's largest kind (13e's run halved the light one's own kind: 910 / 1,434)
    kind = max((k for k in counts if owner.get(k) == heavy), key=lambda k: counts[k], default="")
    want = (load[heavy] - load[light]) // 2
    if want > 20 and kind:
        lo, hi, best = date(1990, 1, 1), date.today(), None
        for _ in range(14):
            mid = lo + (hi - lo) / 2
            await coord.goto("GET /documenten (zoeken)", f"/documenten?scope=in&type={kind}&tot={mid}")
            status = await pg.locator("p[role=status]").first.inner_text()
            m = re.match(r"\s*(\d+)", status)
            n = int(m.group(1)) if m else 0
            best = (mid, n)
            if abs(n - want) <= 10:
                break
            lo, hi = (mid, hi) if n < want else (lo, mid)
        if best and best[1]:
            await coord.goto("GET /documenten (zoeken)", f"/documenten?scope=in&type={kind}&tot={best[0]}")
            await pg.locator("summary", has_text="resultaten toewijzen").click()
            await pg.locator("form[action='/toewijzen'] select[name=username]").select_option(light)
            button = pg.locator("form[action='/toewijzen'] button")
            await coord.act("toewijzen (alle resultaten)", lambda: button.click())
            load[heavy] -= best[1]
            load[light] += best[1]
    return load


async def persons(coord: Person) -> tuple[int, str]:
    """Merge one pair of forms of the same person, then decide every undecided person."""
    pg = coord.page
    await coord.goto("GET /personen", "/personen?beslissing=undecided")
    rows = await pg.locator("table.persons tbody tr th a").evaluate_all(
        "as => as.map(a => [a.textContent.trim(), a.getAttribute('href')])"
    )
    merged = "geen paar gevonden"
    from urllib.parse import quote_plus, unquote_plus

    for display, href in rows:  # "Bram K" is "Bram Kuipers": same first name, surname abridged
        words = display.split()
        if len(words) < 2:
            continue
        await coord.goto("GET /personen (zoeken)", f"/personen?naam={quote_plus(words[0])}")
        others = await pg.locator("table.persons tbody tr th a").evaluate_all(
            "as => as.map(a => [a.textContent.trim(), a.getAttribute('href')])"
        )
        full = next((h for d, h in others if h != href and d.split()[0] == words[0]
                     and len(d.split()) == len(words) and d.split()[-1].startswith(words[-1])
                     and len(d) > len(display)), None)  # fmt: skip
        if full is None:
            continue
        await coord.goto("GET /personen/persoon", href)
        await pg.get_by_label(re.compile("Samenvoegen met")).fill(unquote_plus(full.split("key=", 1)[1]))
        await coord.act("samenvoegen (vraag)", lambda: pg.get_by_role("button", name="Samenvoegen…").click())
        if await coord.act("samenvoegen (bevestigd)", lambda: pg.locator("#confirm").click()):
            merged = f"{display} samengevoegd met {unquote_plus(full.split('key=', 1)[1])}"
        break
    decided = 0
    for _ in range(2000):
        await coord.goto("GET /personen (onbesloten)", "/personen?beslissing=undecided")
        button = pg.locator("table.persons button[name=decision][value=redact]")
        if not await button.count():
            break
        if not await coord.act("persoon: overal lakken", lambda b=button: b.first.click()):
            break
        decided += 1
    return decided, merged


async def keep_public(coord: Person) -> int:
    pg = coord.page
    n = 0
    for _ in range(50):
        await coord.goto("GET /", "/")
        form = pg.locator("form[action='/openbaar-akkoord']")
        if not await form.count():
            break
        if not await coord.act("blijft openbaar: alle van een soort", lambda f=form: f.locator("button").first.click()):
            break
        n += 1
    return n


async def decide_open(p: Person, per_finding: bool) -> int:
    """On a document page (?toon=open): decide its open proposals; returns the actions done.

    ``per_finding``: first one proposal on its own ("Lakken" / "Akkoord: openbaar"), and after
    the rest one redaction rejected on "alle tonen" ("Niet lakken"), as a reviewer who
    disagrees with one. The keep-public items go with the document's "Alle N ‘blijft openbaar’
    accepteren", the rest with "alles op deze pagina" + "Selectie lakken / akkoord"."""
    pg = p.page
    done = 0
    if per_finding and await pg.locator("li.finding button.accept").count():
        if await p.act("bevinding: lakken/akkoord (één)", lambda: pg.locator("li.finding button.accept").first.click()):
            done += 1
    keep = pg.locator("form[action$='/openbaar-akkoord'] button")
    if await keep.count() and await p.act("blijft openbaar: alle in dit document", lambda: keep.first.click()):
        done += 1
    for _ in range(400):  # 50 a page
        box = pg.locator("#sel-page")
        if not await box.count():
            break
        before = await pg.locator("input[name=pagina_ids]").get_attribute("value")
        await box.check()
        if not await p.click("selectie: alles op de pagina akkoord", "button[name=actie][value=accept]"):
            break
        done += 1
        if await pg.locator("input[name=pagina_ids]").count() and (
            await pg.locator("input[name=pagina_ids]").get_attribute("value") == before
        ):
            FAILURES.append(f"{p.name}: selectie veranderde niets ({pg.url})")
            break
    if per_finding:
        reject = pg.locator("li.finding.st-accepted button.reject[aria-label^='Niet lakken']")
        show_all = pg.locator("a[href='?toon=alle']")
        if not await reject.count() and await show_all.count():
            await p.act("alle bevindingen tonen", lambda: show_all.first.click())
        if await reject.count() and await p.act("bevinding: niet lakken (één)", lambda: reject.first.click()):
            done += 1
    return done


async def judge(p: Person) -> None:
    """An explicit judgement: the derived one, set by a person (radio 'automatisch' is not)."""
    pg = p.page
    current = (await pg.locator("section[aria-labelledby=oordeel] strong").first.inner_text()).strip()
    radio = pg.locator(f"section[aria-labelledby=oordeel] input[name=value][value='{current}']")
    if not await radio.count():
        return
    await radio.check()
    await p.act("oordeel opslaan", lambda: pg.get_by_role("button", name="Oordeel opslaan").click())


async def review(p: Person, every: int, stats: dict[str, int]) -> None:
    pg = p.page
    await p.goto("GET /mijn-werk", "/mijn-werk")
    n = 0
    while True:
        nxt = pg.locator("a.button-link", has_text="Verder met het volgende document")
        if not await nxt.count():
            break
        if not await p.act("mijn werk: verder (document openen)", lambda b=nxt: b.first.click()):
            break
        while True:
            n += 1
            stats["documents"] += 1
            stats["selection actions"] += await decide_open(p, per_finding=n % every == 0)
            if n % (5 * every) == 0:
                await judge(p)
            done_next = pg.locator("#done-next")
            if await done_next.count():
                ok = await p.act("document beoordeeld + volgende", lambda b=done_next: b.click())
                if ok:
                    DOCS[p.name] += 1
                if ok and "/documenten/" in pg.url and "melding=" in pg.url:
                    continue
                break
            if await p.click("document beoordeeld", "form[action$='/status'] button[data-key=d]"):
                DOCS[p.name] += 1
            break
        if not await p.goto("GET /mijn-werk", "/mijn-werk"):
            break


async def preflight(coord: Person, every: int) -> dict[str, int]:
    """Work through what "Publiceren" still lists, document by document."""
    pg = coord.page
    fixed: dict[str, int] = defaultdict(int)
    for _ in range(3000):
        await coord.goto("GET /publiceren", "/publiceren")
        if await pg.locator("text=Niets meer open").count():
            break
        link = pg.locator("section.card p a[href^='/documenten/']")
        if await link.count():
            title = (await link.first.locator("xpath=../../h2").inner_text()).split(":")[0]
            fixed[title] += 1
            href = await link.first.get_attribute("href")
            if "niet lakken" in title:  # rejected here, redacted elsewhere: the leak check would block
                await coord.goto("pre-flight: document openen", f"{href}?toon=alle")
                await redact_rejected(coord)
            else:
                await coord.goto("pre-flight: document openen", f"{href}?toon=open")
                await decide_open(coord, per_finding=False)
            if "Openbaar" in title or "openbaar" in title:
                auto = pg.locator("section[aria-labelledby=oordeel] input[name=value][value=auto]")
                await auto.check()
                await coord.act("oordeel opslaan", lambda: pg.get_by_role("button", name="Oordeel opslaan").click())
            button = pg.locator("form[action$='/status'] button[data-key=d]")
            if await button.count() and await coord.act("document beoordeeld", lambda b=button: b.first.click()):
                DOCS[coord.name] += 1
            continue
        persons_link = pg.locator("a[href='/personen?beslissing=undecided']")
        if await persons_link.count():
            fixed["personen"] += (await persons(coord))[0]
            continue
        break
    return dict(fixed)


async def build(coord: Person) -> tuple[str, list[str]]:
    """'Pakket maken', wait until the page says it is done; returns the status text and the
    documents the restlekcontrole blocked (links on the status)."""
    pg = coord.page
    await coord.goto("GET /publiceren", "/publiceren")
    await coord.act("pakket maken (klik)", lambda: pg.locator("#build-button").click())
    t0 = time.perf_counter()
    while True:  # the page refreshes itself every 2 s while the build runs
        await asyncio.sleep(2)
        try:
            status = pg.locator("#build-status")
            text = await status.inner_text(timeout=10_000) if await status.count() else ""
        except Exception:  # noqa: BLE001 - caught mid-refresh: look again
            continue
        if text and not text.startswith("Bezig"):
            break
        if time.perf_counter() - t0 > 3600:
            FAILURES.append("coord pakket maken: na een uur nog niet klaar")
            return text, []
    TIMES["pakket maken (wachten tot klaar)"].append(1000 * (time.perf_counter() - t0))
    leaks = await pg.locator("#build-status a.leak").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    return text, list(dict.fromkeys(leaks))


async def fix_leaks(coord: Person, leaks: list[str]) -> int:
    """A blocked package: per listed document, 'Lakken' on its rejected redactions (a person
    redacted elsewhere was left readable there), as the hint on the page says."""
    n = 0
    for href in leaks:
        await coord.goto("restlek: document openen", href)
        n += await redact_rejected(coord)
    return n


async def redact_rejected(p: Person) -> int:
    """On a document page: 'Lakken' on every rejected redaction, one at a time."""
    n = 0
    for _ in range(50):
        button = p.page.locator("li.finding.st-rejected button.accept[aria-label^='Lakken']")
        if not await button.count():
            break
        if not await p.act("afgewezen lakking toch lakken", lambda b=button: b.first.click()):
            break
        n += 1
    return n


async def download(coord: Person, target: Path) -> bool:
    pg = coord.page
    await coord.goto("GET /publiceren", "/publiceren")
    if not await pg.locator("#download-link").count():
        FAILURES.append("coord: geen downloadlink na het maken van het pakket")
        return False
    t0 = time.perf_counter()
    async with pg.expect_download(timeout=600_000) as dl_info:
        await pg.locator("#download-link").click()
    dl = await dl_info.value
    await dl.save_as(target)
    TIMES["pakket downloaden"].append(1000 * (time.perf_counter() - t0))
    return True


async def run(args: argparse.Namespace, case_dir: Path, work: Path) -> None:
    from playwright.async_api import async_playwright

    subprocess.run([*WOOFLOW, "user", "add", str(case_dir), "coord", "--role", "coordinator", "--password-stdin"],
                   input=PASSWORD + "\n", text=True, check=False, capture_output=True)  # fmt: skip
    port = free_port()
    server = subprocess.Popen([*WOOFLOW, "serve", str(case_dir), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=open(work / "serve.log", "w"))  # fmt: skip
    STATE["server"] = server
    ticker = asyncio.ensure_future(reporter(args.progress_s))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            await asyncio.sleep(0.1)
        t = phase("server started", time.perf_counter())
        async with async_playwright() as pw:
            flags = ARGS + (LEAN_ARGS if args.lean_gpu else [])
            print(f"  chromium {' '.join(flags)}", flush=True)
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=flags, headless=True)
            people: dict[str, Person] = {}
            for name in ("coord", "anna", "bert"):
                ctx = await browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
                page = await ctx.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                page.on("dialog", lambda d: asyncio.ensure_future(d.accept()))
                people[name] = Person(name, page, base)
            coord, anna, bert = people["coord"], people["anna"], people["bert"]
            await login(coord)
            await add_users(coord)
            await asyncio.gather(login(anna), login(bert))
            t = phase("coordinator logs in, adds two reviewers; they log in", t)
            load = await divide_work(coord)
            t = phase(f"work division per document kind: {load}", t)
            decided, merged = await persons(coord)
            t = phase(f"persons: {merged}; {decided} decided case-wide", t)
            if args.case_wide_keep:
                n = await keep_public(coord)
                t = phase(f"keep-public proposals accepted per category in the case ({n})", t)
            stats: dict[str, int] = defaultdict(int)
            a_stats: dict[str, int] = defaultdict(int)
            await asyncio.gather(review(anna, args.every, a_stats), review(bert, args.every, stats))
            for k, v in a_stats.items():
                stats[k] += v
            t = phase(f"two reviewers at once: {dict(stats)}", t)
            await coord.goto("GET /publiceren", "/publiceren")
            shown = await coord.page.locator("main section.card h2").all_inner_texts()
            print("  pre-flight list shown: " + " | ".join(shown), flush=True)
            fixed = await preflight(coord, args.every)
            t = phase(f"pre-flight list worked through: {fixed or 'niets open'}", t)
            target = work / "publicatie.zip"
            for attempt in range(1, 4):
                status, leaks = await build(coord)
                t = phase(f"package build {attempt}: {'zip' if not leaks else f'blocked, {len(leaks)} documents'}", t)
                print("  build: " + " | ".join(status.split("\n")[:8])[:1500], flush=True)
                if not leaks:
                    break
                relocked = await fix_leaks(coord, leaks)
                t = phase(f"restlekcontrole: {relocked} rejected redactions redacted after all", t)
                again = await preflight(coord, args.every)
                t = phase(f"pre-flight again: {again or 'niets open'}", t)
            if await download(coord, target):
                t = phase(f"package downloaded ({target.stat().st_size / 2**20:.1f} MiB)", t)
                m = re.search(r"(\d+) document\(en\) gepubliceerd", status)
                print("  zip: " + check_zip(target, case_dir, int(m.group(1)) if m else -1), flush=True)
            else:
                print("  no package to download", flush=True)
            await browser.close()
    finally:
        ticker.cancel()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="work folder (default: a new one in /tmp)")
    ap.add_argument("--reuse", action="store_true", help="the case in --keep is already processed")
    ap.add_argument("--copy-from", type=Path, help="copy this processed work folder into --keep first")
    ap.add_argument("--case-wide-keep", action="store_true",
                    help="the coordinator accepts every keep-public proposal per category in the case first")
    ap.add_argument("--every", type=int, default=10, help="every N-th document: single accept/reject")
    ap.add_argument("--table", type=Path, help="file for the latest table (default: next to --keep)")
    ap.add_argument("--progress-s", type=float, default=60.0, help="a progress line every N seconds")
    ap.add_argument("--lean-gpu", action="store_true",
                    help="launch Chromium with fewer GPU features (LEAN_ARGS)")
    args = ap.parse_args()
    work = args.keep or Path(f"/tmp/wooflow-browserbench-{os.getpid()}")
    print(f"three people in three browsers, {args.docs} generated documents ({work})", flush=True)
    t = STATE["t0"] = time.perf_counter()
    STATE["table_file"] = args.table or (work.parent / f"{work.name}-table.txt")
    print(f"  table saved to {STATE['table_file']} (every progress line and at the end)", flush=True)
    # a long run stopped from outside still prints its figures: SIGINT/SIGTERM print the
    # progress line and the table, end the server, exit; SIGUSR1 prints the table so far
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGUSR1, lambda *_: table())
    case_dir = build_case(args, work)
    try:
        asyncio.run(run(args, case_dir, work))
    finally:
        table()
        phase("total", t)


if __name__ == "__main__":
    main()
