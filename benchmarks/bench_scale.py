"""Scale of ``wooflow process``: throughput, memory and accuracy on a generated case.

    .venv/bin/python benchmarks/bench_scale.py --docs 1000 [--workers 1,2] [--executor local|dask]
                                               [--seed 7] [--scans 0.02] [--work DIR]

Generates ``--docs`` documents with ``casegen.py`` (genre mix of a real request, gold spans),
then runs ``process`` on them once per worker count, each in a fresh case in its own child
process, one after the other on the same data (on a busy machine, compare runs of one call).
While a run goes, its process tree is sampled every 0.2 s for the peak RSS of the parent and
of the largest worker. Prints per stage seconds, documents/s and pages/s, end to end figures,
the speed-up over the first worker count, and recall / kept-public / duplicates found against
the gold over the published documents (a document judged "dubbel" is not published; an
e-mail address at an organisation's domain counts as redacted when its personal part is; an
office holder counts as blacked out when a redaction is their own mention, not a citizen whose
longer name holds the same surname). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent


def run_stages(args: argparse.Namespace) -> None:
    """Child, ``--until dedupe``: only the stages whose cost could grow with the case (ingest,
    understand, detect with the case-wide person step, deduplicate), no redaction or package."""
    from wooflow.case.publish import stages
    from wooflow.case.publish.config import ProcessConfig
    from wooflow.case.publish.execute import make_executor
    from wooflow.case.publish.process import _inputs, _State, open_case
    from wooflow.case.publish.source import CONTAINER_KINDS

    cfg = ProcessConfig(case_number="BENCH-SCALE", workers=args.workers)
    cdir = Path(str(args.out) + ".zaak")
    stamps: dict[str, float] = {}
    t0 = last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        stamps[stage] = now - last
        last = now
        following = {"inlezen": "begrijpen", "begrijpen": "detecteren", "detecteren": "ontdubbelen"}
        print(f"# stage {following.get(stage, 'einde')}", flush=True)
        print(f"# {stage} {stamps[stage]:.1f} s, RSS {psutil.Process().memory_info().rss / 2**20:.0f} MiB", flush=True)

    paths = _inputs([args.inputs], [])
    print("# stage inlezen", flush=True)
    with make_executor(args.executor, args.workers, args.scheduler or None) as ex:
        case = open_case(cdir, cfg)
        stages.ingest(case, paths, ex, lambda e: None)
        lap("inlezen")
        stages.understand(case, ex)
        lap("begrijpen")
        stages.detect(case, _State(cdir), None, ex, lambda *a: None, CONTAINER_KINDS)
        lap("detecteren")
        groups = stages.deduplicate(case, cfg.dedupe_threshold, ex)
        lap("ontdubbelen")
        docs = case.store.list_documents()
        case.close()
    print(json.dumps({
        "total": time.perf_counter() - t0, "stages": stamps, "inputs": len(paths), "documents": len(docs),
        "pages": sum(d.page_count for d in docs), "duplicates": sum(len(g.duplicates) for g in groups),
        "failed": 0, "withheld": 0,
    }))


def run_one(args: argparse.Namespace) -> None:
    """Child: one ``process`` run; prints one JSON line with what it measured."""
    from wooflow.case.case import Case
    from wooflow.case.publish.config import ProcessConfig
    from wooflow.case.publish.process import process
    try:
        from wooflow.case.review import iter_findings
    except ImportError:  # a checkout from before issue 15f (--baseline runs): one list
        from wooflow.case.review import findings as iter_findings

    stamps: dict[str, list[float]] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if stage not in stamps:
            print(f"# stage {stage}", flush=True)  # the sampler attributes its samples by these
        stamps.setdefault(stage, [now, now])[1] = now

    cfg = ProcessConfig(case_number="BENCH-SCALE", workers=args.workers, executor=args.executor,
                        scheduler=args.scheduler or "")
    t0 = time.perf_counter()
    s = process([args.inputs], args.out, cfg, progress=on_progress)
    total = time.perf_counter() - t0
    hwm = _vm_hwm()  # before the accuracy count below, which is the benchmark's own
    print("# stage accuracy", flush=True)  # the benchmark's own count, not process()
    case = Case.open(Path(str(args.out) + ".zaak"))
    pages = sum(d.page_count for d in case.store.list_documents())
    found: dict[str, list[str]] = {}
    for rec in iter_findings(case):  # page by page, as process() does
        if rec.finding.action == "redact" and rec.status in ("accepted", "proposed", "added"):
            found.setdefault(_top(case, rec.doc_id), []).append(rec.finding.text)
    dubbel = {Path(r.path).name for r in case.records() if r.judgement == "dubbel" and r.parent_id is None}
    case.close()
    gold_redact = hit = gold_keep = kept = dup_gold = dup_hit = 0
    with (Path(args.inputs).parent / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            if g["genre"].startswith(("exact", "near")):
                dup_gold += 1
                source = g["genre"].split(":", 1)[1]  # one of the pair is judged "dubbel", the other kept
                dup_hit += g["file"] in dubbel or source in dubbel
            if g["file"] in dubbel:
                continue  # not published: nothing in it can leak or be blacked out
            texts = found.get(g["file"], [])
            joined = "\n".join(texts)
            for item in g["redact"]:
                gold_redact += 1
                hit += redacted(item, joined)
            for item in g["keep"]:
                gold_keep += 1
                kept += not redacted_office_holder(item, texts)
    t = os.times()  # this process and every child it waited for (pool workers, Tesseract)
    print(json.dumps({
        "cpu": t.user + t.system + t.children_user + t.children_system,
        "total": total, "stages": {k: b - a for k, (a, b) in stamps.items()}, "inputs": s.inputs,
        "documents": s.documents, "pages": pages, "published_pages": s.pages, "duplicates": s.duplicates,
        "failed": s.failed, "withheld": len(s.withheld), "hwm_process": hwm,
        "recall": hit / max(gold_redact, 1), "kept_public": kept / max(gold_keep, 1),
        "duplicates_found": dup_hit / max(dup_gold, 1), "gold_duplicates": dup_gold,
    }))


_TUSSEN = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "el"})


def redacted(item: str, joined: str) -> bool:
    """A gold item is covered when the redacted text holds it; of an e-mail address at an
    organisation's domain only the personal part is redacted (the domain stays public)."""
    return item in joined or ("@" in item and f"{item.split('@')[0]}" in joined.split("\n"))


def redacted_office_holder(item: str, texts: list[str]) -> bool:
    """Whether a redaction is the office holder's own mention ('het lid Dijk (SP)': 'Dijk' or
    'lid Dijk'), not a citizen whose longer name holds the surname ('Merel van Dijk')."""
    surname = item.split("(")[0].split()[-1]
    for text in texts:
        words = text.split()
        if words and words[-1] == surname and all(
                w.islower() and w not in _TUSSEN for w in words[:-1]):
            return True
    return False


def _vm_hwm() -> float:
    """This process's peak RSS so far in MiB (``VmHWM``; 0 where /proc has none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


_TOPS: dict[int, str] = {}


def _top(case: object, doc_id: int) -> str:
    """The input file name a (child) document came from."""
    if doc_id not in _TOPS:
        rec = case.record(doc_id)  # type: ignore[attr-defined]
        _TOPS[doc_id] = _top(case, rec.parent_id) if rec.parent_id else Path(rec.path).name
    return _TOPS[doc_id]


def pss(pid: int) -> int:
    """Proportional set size in bytes (``/proc/PID/smaps_rollup``): each page shared by n
    processes counts 1/n in each, so the sum over a forked tree is the memory it really uses.
    0 where the kernel does not say (not Linux, or the process is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class TreeSampler:
    """Peaks of a process tree's memory, sampled: the parent's RSS, the largest child's RSS, the
    sum of RSS (counts pages shared after fork once per process: overstates) and the sum of PSS
    (each shared page split between its sharers: what the tree really uses), the parent's own
    PSS, plus the parent's RSS and the tree's PSS per stage (the child prints ``# stage NAME``
    lines into ``log``)."""

    def __init__(self, pid: int, log: Path) -> None:
        self.parent = psutil.Process(pid)
        self.log = log
        self.stage = "start"
        self.peak_parent = self.peak_worker = self.peak_total = self.peak_pss = self.peak_parent_pss = 0
        self.by_stage: dict[str, list[int]] = {}  # stage -> [parent RSS, tree PSS, workers, parent PSS]

    def sample(self) -> None:
        try:
            rss = self.parent.memory_info().rss
            kids = self.parent.children(recursive=True)
            kid_rss = [c.memory_info().rss for c in kids]
        except psutil.Error:
            return
        parent_pss = pss(self.parent.pid)
        tree_pss = parent_pss + sum(pss(c.pid) for c in kids)
        self.peak_parent_pss = max(self.peak_parent_pss, parent_pss)
        self.peak_parent = max(self.peak_parent, rss)
        self.peak_worker = max([self.peak_worker, *kid_rss])
        self.peak_total = max(self.peak_total, rss + sum(kid_rss))
        self.peak_pss = max(self.peak_pss, tree_pss)
        self._read_stage()
        row = self.by_stage.setdefault(self.stage, [0, 0, 0, 0])
        row[0], row[1], row[2] = max(row[0], rss), max(row[1], tree_pss), max(row[2], len(kids))
        row[3] = max(row[3], parent_pss)

    def _read_stage(self) -> None:
        try:
            with self.log.open("rb") as fh:
                fh.seek(max(0, self.log.stat().st_size - 4096))
                tail = fh.read().decode(errors="replace")
        except OSError:
            return
        for line in reversed(tail.splitlines()):
            if line.startswith("# stage "):
                self.stage = line[8:].strip()
                return


def measure(inputs: Path, out: Path, workers: int, executor: str, scheduler: str, until: str) -> dict[str, object]:
    """Run one child and sample its process tree's memory until it ends."""
    cmd = [sys.executable, __file__, "--run-one", "--inputs", str(inputs), "--out", str(out),
           "--workers", str(workers), "--executor", executor, "--scheduler", scheduler, "--until", until]
    log = Path(str(out) + ".log")  # the child's own lines, readable while it runs
    with log.open("w+b") as buf:
        proc = subprocess.Popen(cmd, stdout=buf)
        tree = TreeSampler(proc.pid, log)
        while proc.poll() is None:
            tree.sample()
            time.sleep(0.2)
        buf.seek(0)
        text = buf.read().decode()
    for line in text.splitlines():
        if line.startswith("# ") and not line.startswith("# stage "):
            print(f"  {line[2:]}")
    lines = [ln for ln in text.splitlines() if ln.startswith("{")]
    if proc.returncode not in (0, 2) or not lines:
        raise SystemExit(f"run with {workers} workers failed (exit {proc.returncode})")
    result: dict[str, object] = json.loads(lines[-1])
    result.update(peak_parent=tree.peak_parent / 2**20, peak_worker=tree.peak_worker / 2**20,
                  peak_total=tree.peak_total / 2**20, peak_pss=tree.peak_pss / 2**20,
                  peak_parent_pss=tree.peak_parent_pss / 2**20,
                  by_stage={k: [v[0] / 2**20, v[1] / 2**20, v[2], v[3] / 2**20] for k, v in tree.by_stage.items()})
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scans", type=float, default=0.02)
    ap.add_argument("--workers", default="1,2", help="worker counts, one run each (comma separated)")
    ap.add_argument("--executor", default="local", choices=["local", "dask"])
    ap.add_argument("--scheduler", default="", help="Dask scheduler address; empty: a LocalCluster")
    ap.add_argument("--work", type=Path, help="keep the generated case and the runs here")
    ap.add_argument("--until", default="", choices=["", "dedupe"],
                    help="dedupe: stop after deduplication (the stages that could grow with the case)")
    ap.add_argument("--run-one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_one:
        args.workers = int(args.workers)
        (run_stages if args.until else run_one)(args)
        return

    work = args.work or Path(tempfile.mkdtemp(prefix="wooflow-bench-scale-"))
    data = work / f"case-{args.docs}-{args.seed}-{args.scans}"
    gold = data / "gold.jsonl"
    t0 = time.perf_counter()
    if not gold.exists() or sum(1 for _ in gold.open()) != args.docs:
        shutil.rmtree(data, ignore_errors=True)
        sys.path.insert(0, str(HERE))
        from casegen import CaseGenerator

        counts = CaseGenerator(args.seed, args.scans).write(data, args.docs)
        print(f"generated {args.docs} documents in {time.perf_counter() - t0:.0f} s: "
              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    results = []
    for n in [int(w) for w in args.workers.split(",")]:
        out = work / f"out-{args.docs}-{args.executor}-{n}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(Path(str(out) + ".zaak"), ignore_errors=True)
        r = measure(data / "docs", out, n, args.executor, args.scheduler, args.until)
        results.append((n, r))
        _print(n, r, args.executor, results[0][1])
    print(f"cores: {psutil.cpu_count()}, load average at end: {os.getloadavg()[0]:.1f}, "
          f"python {sys.version.split()[0]}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


def _print(n: int, r: dict[str, object], executor: str, first: dict[str, object]) -> None:
    docs, pages, total = float(r["documents"]), float(r["pages"]), float(r["total"])  # type: ignore[arg-type]
    print(f"\n{executor}, {n} worker(s): {r['inputs']} inputs, {docs:.0f} documents (with attachments), "
          f"{pages:.0f} pages, {r['duplicates']} duplicates, {r['failed']} unreadable, {r['withheld']} withheld")
    print(f"  end to end {total:.1f} s: {docs / total:.2f} documents/s, {pages / total:.2f} pages/s"
          f"  (speed-up over {first is r and 'itself' or 'the first run'}: {float(first['total']) / total:.2f}x)")  # type: ignore[arg-type]
    if "cpu" in r:
        cpu = float(r["cpu"])  # type: ignore[arg-type]
        print(f"  CPU (process + waited-for children) {cpu:.1f} s = {1000 * cpu / docs:.0f} ms per document;"
              f" load average now {os.getloadavg()[0]:.1f}")
    for stage, sec in r["stages"].items():  # type: ignore[attr-defined]
        sec = max(float(sec), 1e-9)
        print(f"    {stage:<12} {sec:8.1f} s  {docs / sec:8.1f} documents/s  {pages / sec:8.1f} pages/s")
    print(f"  peak RSS: parent {r['peak_parent']:.0f} MiB, largest worker {r['peak_worker']:.0f} MiB, "
          f"whole tree {r['peak_total']:.0f} MiB (shared pages counted per process)")
    print(f"  peak PSS of the whole tree (parent + workers, shared pages split): {r['peak_pss']:.0f} MiB;"
          f" of the parent alone {r['peak_parent_pss']:.0f} MiB")
    if "hwm_process" in r:
        print(f"  parent's own peak during process() (VmHWM): {r['hwm_process']:.0f} MiB")
    for stage, (rss, tree_pss, kids, *own) in r.get("by_stage", {}).items():  # type: ignore[attr-defined]
        print(f"    {stage:<12} parent RSS {rss:6.0f} MiB  PSS {own[0] if own else 0:6.0f} MiB"
              f"  tree PSS {tree_pss:6.0f} MiB  processes {kids + 1}")
    if "recall" not in r:
        return
    print(f"  accuracy vs gold: recall {r['recall']:.3f}, kept public {r['kept_public']:.3f}, "
          f"duplicates found {r['duplicates_found']:.3f} of {r['gold_duplicates']}")


if __name__ == "__main__":
    main()
