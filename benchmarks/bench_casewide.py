"""Memory and time of the case-wide stages of ``wooflow process`` at up to 100,000 documents,
without running the per-document stages that many times.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_casewide.py --docs 2000,10000,100000 --work /tmp/cw
                                                              [--base-inputs 1000] [--seed 7]

1. **Base** (once, kept in ``WORK/base``): ``casegen`` writes ``--base-inputs`` inputs and
   ``process`` runs on them with 2 workers: a real case with its findings, persons,
   judgements and redacted PDFs.
2. **Clone** (per size, ``WORK/c<N>.zaak``): a copy of the base case with whole copies of its
   documents added until it holds at least N (so 2,000 gives two sets, 100,000 about 85).
   Copy ``k`` of document ``d`` gets id ``d + k * 100,000``, path ``/kloonK<path>``, a new
   SHA-256, and its text with the lower-case letters outside its findings permuted and every
   digit permuted (the findings' texts too), both by a permutation of ``k``: the copies are no
   duplicates of the original or of each other (no shared 3-shingles), while duplicates
   *within* a copy stay duplicates (the same permutation on the same text), so every copy has
   the base's share of duplicates; numbers found (phones, BSNs, IBANs) are new per copy, so the
   needles grow with the case; names stay (the base's 300 persons). Copied as they are, with
   the id shifted: pages (word boxes), understanding, findings, judgements, blobs (hard links).
   Message ids, In-Reply-To/References and thread ids get a per-copy suffix. Not copied: the
   search index (``case_fts``: ``process`` does not read it; its build at 100k is
   ``bench_search.py``'s), the audit rows.
3. **Run** (a fresh child process per size): ``process`` resumed on that case with no inputs,
   serially: every document is marked detected (no detection), understanding finds nothing
   new; the persons pass, duplicates (signatures computed here), acceptance policy, publication
   view, numbering, inventory rows, the redaction loop and the whole package stage run as in a
   real run. The redaction itself is replaced by a hard link to the base package's PDF of the
   same original and its SHA-256 (what a worker returns; its content check has no hits).

Prints per segment of the run (a wrapped function, or the code between two of them): wall,
CPU of the process, RSS at its start and its peak RSS (``VmHWM``, reset at each segment's start
through ``/proc/self/clear_refs``), and per segment and overall the slope in MiB per 10,000
documents between the smallest and largest size. Asserts nothing. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OFF = 100_000  # id offset per copy
TRIM = bool(os.environ.get("CASEWIDE_TRIM"))
LETTERS = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"


# -- the base case -----------------------------------------------------------------------------


def make_base(work: Path, inputs: int, seed: int) -> tuple[Path, Path]:
    """``work/base``: a generated case processed once (2 workers); reused when it exists."""
    base = work / "base"
    out, cdir = base / "pakket", base / "pakket.zaak"
    if (out / "manifest.json").is_file():
        return out, cdir
    shutil.rmtree(base, ignore_errors=True)
    sys.path.insert(0, str(HERE))
    from casegen import CaseGenerator

    t0 = time.perf_counter()
    CaseGenerator(seed, 0.02).write(base / "docs", inputs)
    from wooflow.case.publish.config import ProcessConfig
    from wooflow.case.publish.process import process

    s = process([base / "docs" / "docs"], out, ProcessConfig(case_number="BENCH-CASEWIDE", workers=2))
    print(f"base: {inputs} inputs, {s.documents} documents, {s.published} published, "
          f"{s.duplicates} duplicates, {len(s.withheld)} withheld, {time.perf_counter() - t0:.0f} s", flush=True)
    return out, cdir


# -- cloning -------------------------------------------------------------------------------------


def _perm(alphabet: str, k: int) -> str:
    chars = list(alphabet)
    random.Random(k).shuffle(chars)
    return "".join(chars)


def _tables(k: int) -> tuple[dict[int, int], dict[int, int]]:
    letters = str.maketrans(LETTERS, _perm(LETTERS, k))
    digits = str.maketrans(DIGITS, _perm(DIGITS, 1000 + k))
    return letters, digits


def cipher(text: str, spans: list[tuple[int, int]], k: int) -> str:
    """Letters outside ``spans`` and every digit permuted; same length, findings' offsets hold."""
    letters, digits = _tables(k)
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            a = pos
        if b <= a:
            continue
        out.append(text[pos:a].translate(letters))
        out.append(text[a:b])
        pos = b
    out.append(text[pos:].translate(letters))
    return "".join(out).translate(digits)


_ID = re.compile(r"<([^<>]+)>")


def _shift_ids(value: Any, k: int) -> Any:
    if isinstance(value, list):
        return [_shift_ids(v, k) for v in value]
    if not isinstance(value, str) or not value.strip():
        return value
    if "<" in value:
        return _ID.sub(lambda m: f"<{m.group(1)}.k{k}>", value)
    return " ".join(f"{v}.k{k}" for v in value.split())


def clone_case(base_cdir: Path, dest: Path, target_docs: int) -> dict[str, int]:
    """A copy of the base case with whole copies of its documents added until it has at least
    ``target_docs`` documents (containers not counted); returns counts."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for item in base_cdir.iterdir():
        if item.name in ("blobs", "zaak.lock", "pakket-bestanden.json") or item.name.startswith("case.sqlite"):
            continue
        shutil.copy2(item, dest / item.name)
    src = sqlite3.connect(base_cdir / "case.sqlite")
    src.execute(f"VACUUM INTO '{dest / 'case.sqlite'}'")  # a consistent copy, WAL included
    src.close()
    (dest / "blobs").mkdir()
    blobs = {p.name: p for p in (base_cdir / "blobs").iterdir() if not p.name.startswith(".")}
    for name, p in blobs.items():
        os.link(p, dest / "blobs" / name)

    con = sqlite3.connect(dest / "case.sqlite")
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA synchronous = OFF")
    con.create_function("digits", 2, lambda s, k: s.translate(_tables(k)[1]) if s else s, deterministic=True)
    docs = [dict(r) for r in con.execute("SELECT * FROM documents ORDER BY id")]
    if max(d["id"] for d in docs) >= OFF:
        raise SystemExit("base case too large for the id offset")
    case_doc = {r["doc_id"]: dict(r) for r in con.execute("SELECT * FROM case_doc")}
    spans: dict[int, list[tuple[int, int]]] = {}
    for r in con.execute('SELECT doc_id, start, "end" FROM case_findings ORDER BY doc_id, start, "end"'):
        spans.setdefault(r[0], []).append((r[1], r[2]))
    containers = {"zip", "mbox"}
    per_set = sum(1 for d in docs if d["kind"] not in containers)
    sets = max(0, -(-(target_docs - per_set) // per_set))
    from wooflow.case.text import text_hash

    doc_cols = [c for c in docs[0] if c != "id"]
    cd_cols = [c for c in next(iter(case_doc.values())) if c != "doc_id"]
    fcols = [r[1] for r in con.execute("PRAGMA table_info(case_findings)") if r[1] not in ("id",)]
    ui_cols = [r[1] for r in con.execute("PRAGMA table_info(understand_info)") if r[1] != "doc_id"]
    pg_cols = [r[1] for r in con.execute("PRAGMA table_info(pages)") if r[1] != "doc_id"]
    j_cols = [r[1] for r in con.execute("PRAGMA table_info(case_judgements)") if r[1] not in ("doc_id", "duplicate_of")]
    def q(cols: list[str]) -> str:
        return ", ".join(f'"{c}"' for c in cols)

    def marks(cols: list[str]) -> str:  # the id column and ``cols``
        return ", ".join("?" * (len(cols) + 1))
    for k in range(1, sets + 1):
        shift = k * OFF
        new_sha = {d["id"]: hashlib.sha256(f"{d['sha256']}:{k}".encode()).hexdigest() for d in docs}
        rows, cd_rows, texts = [], [], {}
        for d in docs:
            text = cipher(d["text"], spans.get(d["id"], []), k)
            texts[d["id"]] = text
            fields = json.loads(d["fields"] or "{}")
            for key in ("message_id", "in_reply_to", "references"):
                if key in fields:
                    fields[key] = _shift_ids(fields[key], k)
            new = dict(d, parent_id=None if d["parent_id"] is None else d["parent_id"] + shift,
                       path=f"/kloon{k:03d}{d['path']}", sha256=new_sha[d["id"]], text=text,
                       fields=json.dumps(fields, ensure_ascii=False))
            rows.append([d["id"] + shift] + [new[c] for c in doc_cols])
            blob = blobs.get(d["sha256"])
            if blob is not None and not (dest / "blobs" / new_sha[d["id"]]).exists():  # same bytes, one blob
                os.link(blob, dest / "blobs" / new_sha[d["id"]])
        con.executemany(f"INSERT INTO documents (id, {q(doc_cols)}) VALUES ({marks(doc_cols)})", rows)
        for doc_id, c in case_doc.items():
            new = dict(c, parent_id=None if c["parent_id"] is None else c["parent_id"] + shift,
                       path=f"/kloon{k:03d}{c['path']}", sha256=new_sha.get(doc_id, c["sha256"]),
                       text_hash=text_hash(texts[doc_id]) if doc_id in texts else c["text_hash"],
                       message_id=f"{c['message_id']}.k{k}" if c["message_id"] else c["message_id"],
                       thread_id=f"{c['thread_id']}-k{k}" if c["thread_id"] else c["thread_id"])
            cd_rows.append([doc_id + shift] + [new[col] for col in cd_cols])
        con.executemany(f"INSERT INTO case_doc (doc_id, {q(cd_cols)}) VALUES ({marks(cd_cols)})", cd_rows)
        con.execute(f"INSERT INTO pages (doc_id, {q(pg_cols)}) SELECT doc_id + ?, {q(pg_cols)} FROM pages "
                    "WHERE doc_id < ?", (shift, OFF))
        if ui_cols:  # made by `wooflow understand`, not by `process`
            con.execute(f"INSERT INTO understand_info (doc_id, {q(ui_cols)}) SELECT doc_id + ?, {q(ui_cols)} "
                        "FROM understand_info WHERE doc_id < ?", (shift, OFF))
        fsel = ", ".join("doc_id + :s" if c == "doc_id" else "digits(text, :k)" if c == "text" else f'"{c}"'
                         for c in fcols)
        con.execute(f"INSERT INTO case_findings ({q(fcols)}) SELECT {fsel} FROM case_findings "
                    "WHERE doc_id < :off ORDER BY id", {"s": shift, "k": k, "off": OFF})
        con.execute(f"INSERT INTO case_judgements (doc_id, duplicate_of, {q(j_cols)}) SELECT doc_id + ?, "
                    f"CASE WHEN duplicate_of IS NULL THEN NULL ELSE duplicate_of + ? END, {q(j_cols)} "
                    "FROM case_judgements WHERE doc_id < ?", (shift, shift, OFF))
        con.commit()
    ids = [r[0] for r in con.execute("SELECT id FROM documents WHERE kind NOT IN ('zip', 'mbox') ORDER BY id")]
    counts = {
        "sets": sets + 1, "documents": len(ids),
        "findings": con.execute("SELECT count(*) FROM case_findings").fetchone()[0],
        "person_findings": con.execute("SELECT count(*) FROM case_findings WHERE person_key IS NOT NULL").fetchone()[0],
    }
    con.close()
    state = json.loads((dest / "publicatie-status.json").read_text(encoding="utf-8"))
    state["detected"] = ids
    state["redacted"] = {}
    (dest / "publicatie-status.json").write_text(json.dumps(state), encoding="utf-8")
    counts["db_mib"] = round((dest / "case.sqlite").stat().st_size / 2**20)
    return counts


# -- the run (child process) ---------------------------------------------------------------------


def _hwm_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _reset_hwm() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


class Timeline:
    """Segments of the run: one per wrapped call and one for the code between two calls."""

    def __init__(self) -> None:
        self.segments: list[dict[str, Any]] = []
        self.stack: list[str] = []
        self._open("start")

    def _open(self, label: str) -> None:
        _reset_hwm()
        self.cur = {"label": label, "t": time.perf_counter(), "cpu": time.process_time(), "rss0": _rss_kib()}

    def close(self) -> None:
        c = self.cur
        self.segments.append({"label": c["label"], "wall": time.perf_counter() - c["t"],
                              "cpu": time.process_time() - c["cpu"], "rss0": c["rss0"] / 1024,
                              "peak": _hwm_kib() / 1024})

    def enter(self, label: str) -> None:
        self.close()
        self.stack.append(label)
        self._open(label)

    def leave(self, label: str, after: str) -> None:
        if TRIM:  # experiment: what the heap's free pages are worth (glibc gives them back)
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        self.close()
        self.stack.pop()
        self._open(after or (f"{self.stack[-1]} (rest)" if self.stack else f"na {label}"))


WRAP = [  # (module, attribute, label, label of the code after it returns)
    ("wooflow.case.publish.stages", "detect", "personen (detectie: niets nieuw)", ""),
    ("wooflow.case.publish.stages", "deduplicate", "ontdubbelen", ""),
    ("wooflow.case.review", "apply_policy", "acceptatiebeleid", "telling"),
    ("wooflow.case.publish.process", "load", "publicatieweergave (load)", "zaakgegevens"),
    ("wooflow.case.publish.inventory", "Numbering.assign", "nummering", "nummering opslaan, scrubber"),
    ("wooflow.case.publish.process", "_rows_by_key", "inventarisregels", ""),
    ("wooflow.case.publish.process", "_redact_all", "lakken (nagebootst)", "tellingen"),
    ("wooflow.case.publish.process", "_case_files", "auditlog + voortgang", "toelichtingen"),
    ("wooflow.case.publish.decision", "render_markdown", "besluittekst", ""),
    ("wooflow.case.publish.process", "_diwoo_records", "diwoo-verwijzingen", "diwoo-xml maken en valideren"),
    ("wooflow.case.publish.inventory", "write_csv", "inventaris.csv", ""),
    ("wooflow.case.publish.inventory", "write_xlsx", "inventaris.xlsx", ""),
    ("wooflow.case.publish.inventory", "write_pdf", "inventaris.pdf", ""),
    ("wooflow.case.publish.decision", "write_docx", "besluit.docx", ""),
    ("wooflow.case.publish.decision", "write_pdf", "besluit.pdf", "diwoo-xml naar het pakket"),
    ("wooflow.case.publish.process", "render", "rapport.html", "auditlog schrijven, tellingen"),
    ("wooflow.case.publish.leakcheck", "check_package", "restlekcontrole", ""),
    ("wooflow.case.publish.diwoocheck", "check_package", "diwoo-controle", ""),
    ("wooflow.case.publish.package", "Package.finish", "manifest (+ zip)", ""),
    ("wooflow.case.publish.package", "Package._zip", "zip", ""),
    ("wooflow.case.publish.process", "_publishable_modes", "bestandsrechten", ""),
]


def _wrap(tl: Timeline) -> None:
    import importlib

    for mod_name, attr, label, after in WRAP:
        owner: Any = importlib.import_module(mod_name)
        name = attr
        if "." in attr:
            cls, name = attr.split(".")
            owner = getattr(owner, cls)
        fn = getattr(owner, name)

        def wrapped(*a: Any, _fn: Any = fn, _label: str = label, _after: str = after, **kw: Any) -> Any:
            tl.enter(_label)
            try:
                return _fn(*a, **kw)
            finally:
                tl.leave(_label, _after)

        setattr(owner, name, wrapped)


def _templates(base_out: Path, base_cdir: Path) -> dict[str, str]:
    """Original path -> the base package's PDF of that document (its name starts with the
    inventory number: ``published_file_name``)."""
    from wooflow.case.publish.inventory import NUMBERS_FILE

    numbers = json.loads((base_cdir / NUMBERS_FILE).read_text(encoding="utf-8"))["numbers"]
    by_number: dict[int, str] = {}
    for pdf in base_out.glob("* - *.pdf"):
        head = pdf.name.split(" - ", 1)[0]
        if head.isdigit():
            by_number[int(head)] = str(pdf)
    return {key.rsplit("@", 1)[0]: by_number[n] for key, n in numbers.items() if n in by_number}


def run_child(args: argparse.Namespace) -> None:
    from wooflow.case.publish import leakcheck
    from wooflow.case.publish import process as proc_mod
    from wooflow.case.publish.config import ProcessConfig

    base_out, base_cdir = Path(args.base_out), Path(args.base_case)
    templates = _templates(base_out, base_cdir)
    fallback = sorted(templates.values())[0]
    info: dict[str, tuple[str, int, str]] = {}

    def fake_redact(checker: Any, item: tuple[Any, ...]) -> tuple[int, str, str, bytes | None, Any]:
        doc, _source, _found, out, _ocr, _areas, _rel = item
        if not info:  # what `warm` imports into a pool's parent before it forks (a real run's 2 workers)
            import importlib

            for name in ("wooflow.redact.batch", "wooflow.redact.glyphs", "wooflow.ingest.tessapi", "PIL.Image",
                         "rapidfuzz.fuzz", "rapidfuzz.distance.Levenshtein"):
                importlib.import_module(name)
        orig = re.sub(r"^/kloon\d{3}", "", doc.path)
        tpl = templates.get(orig, fallback)
        if tpl not in info:
            import pymupdf

            data = Path(tpl).read_bytes()
            with pymupdf.open("pdf", data) as pdf:
                pages = pdf.page_count
            info[tpl] = (hashlib.sha256(data).hexdigest(), pages, tpl)
        sha, pages, _ = info[tpl]
        Path(out).unlink(missing_ok=True)
        os.link(tpl, out)
        return pages, "", "", None, leakcheck.FileCheck(sha, "tekst en metadata (pdf)", ())

    proc_mod.redact_task = fake_redact  # type: ignore[assignment]
    import wooflow.case.publish.decision  # noqa: F401  (modules the wrappers patch, loaded first)
    import wooflow.case.publish.diwoocheck  # noqa: F401
    import wooflow.case.review  # noqa: F401

    tl = Timeline()
    _wrap(tl)
    if os.environ.get("CASEWIDE_TRACE"):  # diagnosis: what the heap holds when that segment starts
        import tracemalloc

        tracemalloc.start()
        when = os.environ["CASEWIDE_TRACE"]
        enter = tl.enter

        def traced(label: str) -> None:
            if label == when:
                snap = tracemalloc.take_snapshot()
                for stat in snap.statistics("lineno")[:30]:
                    print(f"# {stat.size / 2**20:7.1f} MiB {stat.count:9d} {stat.traceback[0]}", file=sys.stderr)
            enter(label)

        tl.enter = traced  # type: ignore[method-assign]
    cfg = ProcessConfig(case_number="BENCH-CASEWIDE", workers=1)
    t0, c0 = time.perf_counter(), time.process_time()
    s = proc_mod.process([], args.out, cfg, case_dir=args.case)
    tl.close()
    total = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}
    print(json.dumps({
        "segments": tl.segments, "total": total, "documents": s.documents, "published": s.published,
        "duplicates": s.duplicates, "withheld": len(s.withheld), "residual": len(s.residual),
        "metadata": len(s.metadata), "zip": (Path(args.out) / "publicatie.zip").is_file(),
    }))


# -- the parent ----------------------------------------------------------------------------------


def _aggregate(segments: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    seen: dict[str, int] = {}
    for s in segments:  # a label met again (a function called twice) gets its count: "x (2)"
        seen[s["label"]] = seen.get(s["label"], 0) + 1
        label = s["label"] if seen[s["label"]] == 1 else f"{s['label']} ({seen[s['label']]})"
        a = out.setdefault(label, {"wall": 0.0, "cpu": 0.0, "rss0": s["rss0"], "peak": 0.0})
        a["wall"] += s["wall"]
        a["cpu"] += s["cpu"]
        a["peak"] = max(a["peak"], s["peak"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", default="2000,10000", help="case sizes in documents (comma separated)")
    ap.add_argument("--base-inputs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--base", type=Path, help="an existing package of `process` to clone (default: made in WORK/base)")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--keep", action="store_true", help="keep each size's case and package")
    ap.add_argument("--reuse", action="store_true", help="reuse a size's cloned case when it exists")
    ap.add_argument("--run-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--base-out", help=argparse.SUPPRESS)
    ap.add_argument("--base-case", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_child:
        run_child(args)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    if args.base:  # a package made by ``process`` (its case beside it, ``<out>.zaak``)
        base_out, base_cdir = args.base, Path(str(args.base) + ".zaak")
    else:
        base_out, base_cdir = make_base(args.work, args.base_inputs, args.seed)
    results = []
    for n in [int(x) for x in args.docs.split(",")]:
        cdir, out = args.work / f"c{n}.zaak", args.work / f"c{n}"
        t0 = time.perf_counter()
        marker = cdir / "clone.json"
        if args.reuse and marker.is_file():
            counts = json.loads(marker.read_text())
            shutil.copy2(cdir / "clone-state.json", cdir / "publicatie-status.json")
            (cdir / "pakket-bestanden.json").unlink(missing_ok=True)
            (cdir / "inventaris-nummers.json").write_bytes((base_cdir / "inventaris-nummers.json").read_bytes())
        else:
            counts = clone_case(base_cdir, cdir, n)
            marker.write_text(json.dumps(counts))
            shutil.copy2(cdir / "publicatie-status.json", cdir / "clone-state.json")
        shutil.rmtree(out, ignore_errors=True)
        print(f"\n{n}: case of {counts['documents']} documents ({counts['sets']} sets), {counts['findings']} findings "
              f"({counts['person_findings']} of persons), database {counts['db_mib']} MiB; "
              f"cloned in {time.perf_counter() - t0:.0f} s", flush=True)
        cmd = [sys.executable, __file__, "--run-child", "--work", str(args.work), "--case", str(cdir),
               "--out", str(out), "--base-out", str(base_out), "--base-case", str(base_cdir)]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode not in (0, 2) or not res.stdout.strip():
            print(res.stdout[-3000:], res.stderr[-5000:])
            raise SystemExit(f"run at {n} failed (exit {res.returncode})")
        r = json.loads(res.stdout.strip().splitlines()[-1])
        r["n"] = counts["documents"]
        results.append(r)
        _print_one(r)
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    if len(results) > 1:
        _print_slopes(results)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


def _print_one(r: dict[str, Any]) -> None:
    print(f"  run: {r['documents']} documents, {r['published']} published, {r['duplicates']} duplicates, "
          f"{r['withheld']} withheld, restlekcontrole {r['residual']} files, diwoo {r['metadata']} problems, "
          f"zip {'made' if r['zip'] else 'NOT made'}; wall {r['total']['wall']:.0f} s, CPU {r['total']['cpu']:.0f} s, "
          f"peak RSS {max(s['peak'] for s in r['segments']):.0f} MiB")
    print(f"  {'segment':<34} {'wall s':>8} {'CPU s':>8} {'RSS in':>8} {'peak':>8}")
    for label, a in _aggregate(r["segments"]).items():
        if a["wall"] < 0.05 and a["peak"] - a["rss0"] < 2:
            continue
        print(f"  {label:<34} {a['wall']:8.1f} {a['cpu']:8.1f} {a['rss0']:8.0f} {a['peak']:8.0f}")


def _print_slopes(results: list[dict[str, Any]]) -> None:
    """Per segment, per 10,000 documents between the smallest and the largest case: its peak,
    its own rise (peak less the RSS it started with), wall and CPU."""
    lo, hi = results[0], results[-1]
    per10k = (hi["n"] - lo["n"]) / 10_000
    a_lo, a_hi = _aggregate(lo["segments"]), _aggregate(hi["segments"])
    print(f"\nslope between {lo['n']} and {hi['n']} documents (per 10,000 documents):")
    print(f"  {'segment':<34} {'peak MiB':>9} {'own MiB':>8} {'wall s':>8} {'CPU s':>8}")
    for label, b in a_hi.items():
        a = a_lo.get(label)
        if a is None or (b["wall"] < 0.05 and b["peak"] - b["rss0"] < 2):
            continue
        own = ((b["peak"] - b["rss0"]) - (a["peak"] - a["rss0"])) / per10k
        print(f"  {label:<34} {(b['peak'] - a['peak']) / per10k:9.1f} {own:8.1f}"
              f" {(b['wall'] - a['wall']) / per10k:8.1f} {(b['cpu'] - a['cpu']) / per10k:8.1f}")
    pk = [max(s["peak"] for s in r["segments"]) for r in (lo, hi)]
    wall, cpu = (hi["total"][k] - lo["total"][k] for k in ("wall", "cpu"))
    print(f"  {'whole run (peak)':<34} {(pk[1] - pk[0]) / per10k:9.1f} {'':8} {wall / per10k:8.1f} {cpu / per10k:8.1f}")


if __name__ == "__main__":
    main()
