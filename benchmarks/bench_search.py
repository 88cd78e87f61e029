"""Search benchmark: a synthetic 100,000-document case, index build time and size, query latency.

Run: ``.venv/bin/python benchmarks/bench_search.py [--docs 100000] [--queries 200]
[--store sqlite|postgresql|both] [--url postgresql://...]``; ``--dedupe 2000`` prints
duplicate-detection figures instead. ``--store postgresql`` without ``--url`` starts a throwaway
cluster (initdb + pg_ctl on loopback, wooflow.store.postgres.cluster) and removes it afterwards.
Prints figures; asserts nothing. Documents are generated from a Dutch policy vocabulary with
inflected forms and a Zipf-distributed tail of compound words, so stemming and ranking do
real work. Rows go straight into the store's ``documents`` table in one transaction (the store's
per-document blob copies are not what this measures); indexing uses the case's own code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wooflow.case import Case, CaseInfo, SearchFilters, search  # noqa: E402
from wooflow.case.index import IndexRow, insert_rows, optimize_index, refresh_attachments  # noqa: E402

STEMS = """
begroting vergadering minister staatssecretaris gemeente provincie overleg besluit nota advies
rapport regeling subsidie uitvoering beleid financiering wetsvoorstel kamerbrief verslag agenda
toezicht inspectie zorg onderwijs woning energie stikstof klimaat asiel opvang veiligheid politie
rechtspraak belasting toeslag uitkering pensioen arbeidsmarkt werkgever werknemer onderzoek
evaluatie monitor dashboard planning afspraak bijeenkomst directeur afdeling directie ministerie
medewerker projectleider werkgroep stuurgroep programma project contract aanbesteding leverancier
factuur bedrag tekort overschot raming prognose scenario maatregel crisis pandemie vaccin
ziekenhuis huisarts apotheek geneesmiddel kwaliteit capaciteit personeel opleiding school leraar
student universiteit onderzoeker wetenschap innovatie digitalisering privacy gegevens datalek
systeem applicatie netwerk storing incident melding klacht bezwaar beroep uitspraak rechter
advocaat procedure termijn verzoek informatie openbaarmaking document bijlage concept versie
reactie vraag antwoord toezegging motie amendement debat commissie fractie coalitie oppositie
verkiezing uitslag stembureau burgemeester wethouder gemeenteraad statenlid gedeputeerde
waterschap dijk rivier natuur landbouw boer visserij voedsel dierenwelzijn mest vergunning
handhaving boete sanctie controle risico analyse strategie visie doelstelling resultaat
""".split()
SUFFIXES = ["", "", "", "en", "s", "je", "jes", "ing", "ingen", "e", "er", "ste"]
FILLER = """de het een en van in op te voor met aan over door bij als om dat die dit deze
niet ook nog wel al maar of dan want omdat zodat waardoor wordt worden is zijn was waren heeft
hebben zal zullen kan kunnen moet moeten wij we u ik zij hij het graag verder daarnaast echter
""".split()
DIACRITIC = ["financiële", "coördinatie", "reëel", "ideeën", "geïnformeerd", "creëren", "efficiënt",
             "beëindiging", "geëvalueerd", "categorieën", "privé", "café", "overeenkomst"]
TYPES = ["nota", "email", "verslag", "kamerbrief", "advies", "rapport", "brief", "agenda", "besluit"]
FIRST = ["Sanne", "Piet", "Marieke", "Jan", "Fatima", "Mohammed", "Eva", "Daan", "Lotte", "Kees"]
LAST = ["Kuipers", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Wit", "Dijkstra"]


def vocabulary(rng: random.Random) -> list[str]:
    words = [s + suf for s in STEMS for suf in SUFFIXES]
    for _ in range(6000):  # compound tail: "begrotingsoverleg", "zorgmonitor"
        a, b = rng.sample(STEMS, 2)
        words.append(a + ("s" if rng.random() < 0.4 else "") + b)
    rng.shuffle(words)
    return words + DIACRITIC


def make_docs(n: int, seed: int = 7) -> tuple[list[IndexRow], list[str]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1.0 / (i + 1) ** 1.05 for i in range(len(vocab))]
    senders = [f"{f} {ln}" for f in FIRST for ln in LAST]
    start = date(2019, 1, 1)
    rows: list[IndexRow] = []
    for doc_id in range(1, n + 1):
        length = rng.randint(60, 400)
        content = rng.choices(vocab, weights, k=length // 2)
        filler = rng.choices(FILLER, k=length - len(content))
        tokens = content + filler
        rng.shuffle(tokens)
        sentences, i = [], 0
        while i < len(tokens):
            k = rng.randint(6, 16)
            sentences.append(" ".join(tokens[i : i + k]).capitalize() + ".")
            i += k
        sender = rng.choice(senders)
        text = f"Van: {sender}\nOnderwerp: {' '.join(content[:4])}\n\n" + " ".join(sentences)
        rows.append(IndexRow(
            doc_id=doc_id, parent_id=None, path=f"/bench/{doc_id}.txt", name=f"{doc_id}.txt",
            kind="text", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
            type=rng.choice(TYPES), date=(start + timedelta(days=rng.randint(0, 2000))).isoformat(),
            title=" ".join(content[:4]), sender=sender,
            addressees=[rng.choice(senders) for _ in range(rng.randint(1, 3))],
        ))
    return rows, vocab


def make_queries(vocab: list[str], n: int, seed: int = 11) -> list[tuple[str, SearchFilters | None]]:
    rng = random.Random(seed)
    common, mid, rare = vocab[:60], vocab[60:1500], vocab[1500:]
    out: list[tuple[str, SearchFilters | None]] = []
    kinds = ["word", "word_rare", "and", "phrase", "or", "not", "prefix", "diacritic", "filter", "common"]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "word":
            q = rng.choice(mid)
        elif kind == "word_rare":
            q = rng.choice(rare)
        elif kind == "and":
            q = f"{rng.choice(mid)} {rng.choice(mid)}"
        elif kind == "phrase":
            q = f'"{rng.choice(common)} {rng.choice(mid)}"'
        elif kind == "or":
            q = f"{rng.choice(mid)} OR {rng.choice(rare)}"
        elif kind == "not":
            q = f"{rng.choice(mid)} NOT {rng.choice(common)}"
        elif kind == "prefix":
            q = rng.choice(STEMS)[:5] + "*"
        elif kind == "diacritic":
            q = rng.choice(DIACRITIC).replace("ë", "e").replace("ï", "i").replace("é", "e")
        elif kind == "filter":
            out.append((rng.choice(mid), SearchFilters(type=rng.choice(TYPES), date_from="2021-01-01",
                                                         date_to="2022-12-31", sender=rng.choice(LAST))))
            continue
        else:
            q = rng.choice(common)
        out.append((q, None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None, help="keep the case here (default: temp)")
    ap.add_argument("--reuse", action="store_true", help="query a case built before in --dir")
    ap.add_argument("--dedupe", type=int, default=0, help="instead: dedupe figures on N documents")
    ap.add_argument("--store", choices=["sqlite", "postgresql", "both"], default="sqlite")
    ap.add_argument("--url", default=None, help="an empty PostgreSQL database (default: throwaway cluster);"
                    " with --reuse: the database of an earlier run")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="another wooflow checkout: after the build, its search code is measured on the"
                         " same case in the same run (then this checkout's again)")
    args = ap.parse_args()
    global BASELINE
    BASELINE = args.baseline

    workdir = args.dir or Path(tempfile.mkdtemp(prefix="wooflow-bench-"))
    if args.dedupe:
        bench_dedupe(args.dedupe, workdir)
        return
    if args.reuse and (args.url or (workdir / "zaak" / "case.sqlite").exists()):
        case = Case.open(args.url or workdir / "zaak")
        measure(case, vocabulary(random.Random(7)), args.queries)  # same seed as make_docs
        case.close()
        return
    t0 = time.perf_counter()
    rows, vocab = make_docs(args.docs)
    t_gen = time.perf_counter() - t0
    print(f"documents:            {args.docs:,} (generated in {t_gen:.1f} s)")
    stores = ["sqlite", "postgresql"] if args.store == "both" else [args.store]
    for store in stores:
        print(f"--- store: {store}")
        if store == "sqlite":
            build_and_measure(str(workdir / "zaak"), rows, vocab, args.queries)
            continue
        cluster = None
        url = args.url
        if url is None:
            from wooflow.store.postgres.cluster import start_cluster

            cluster = start_cluster()
            url = cluster.createdb("bench_search")
        try:
            build_and_measure(f"{url}?files={workdir / 'zaak_pg'}", rows, vocab, args.queries)
        finally:
            if cluster is not None:
                cluster.stop()


def build_and_measure(location: str, rows: list[IndexRow], vocab: list[str], queries: int) -> None:
    case = Case.init(location, CaseInfo(request="benchmark", received=date(2024, 1, 10)), actor="bench")
    t0 = time.perf_counter()
    now = "2024-01-10T00:00:00+00:00"
    with case.transaction() as conn:
        conn.executemany(
            "INSERT INTO documents(id, parent_id, path, name, kind, sha256, text, fields, added_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(r.doc_id, None, r.path, r.name, r.kind, r.sha256, r.text, json.dumps({}), now) for r in rows],
        )
    t_store = time.perf_counter() - t0
    t0 = time.perf_counter()
    with case.transaction() as conn:
        insert_rows(conn, rows)
        refresh_attachments(conn)
    t_index = time.perf_counter() - t0
    t0 = time.perf_counter()
    optimize_index(case)
    t_opt = time.perf_counter() - t0
    size = _sizes(case)
    case.close()
    case = Case.open(location)
    print(f"store insert:         {t_store:.1f} s")
    print(f"index build:          {t_index:.1f} s ({len(rows) / t_index:,.0f} docs/s; stem+fold+index)")
    print(f"index optimize:       {t_opt:.1f} s")
    print(f"database size:        {size}")
    measure(case, vocab, queries)
    case.close()
    if BASELINE is not None:
        _measure_with(BASELINE, location, queries)
        print("this checkout again:")
        _measure_with(Path(__file__).resolve().parents[1], location, queries)


BASELINE: Path | None = None


def _measure_with(code: Path, location: str, queries: int) -> None:
    """Query the case just built with the search code of checkout ``code`` (a child process)."""
    import subprocess

    base, _, files = location.partition("?files=")
    cmd = [sys.executable, str(code / "benchmarks" / "bench_search.py"), "--reuse", "--queries", str(queries)]
    if base.startswith("postgresql"):
        cmd += ["--url", location]
    else:
        cmd += ["--dir", str(Path(base).parent)]
    print(f"--- search code of {code}:", flush=True)
    subprocess.run(cmd, env=dict(os.environ, PYTHONPATH=str(code)), check=False)


def _sizes(case: Case) -> str:
    if case.store.is_postgres:
        db, idx = case.conn.execute(
            "SELECT pg_database_size(current_database()), pg_total_relation_size('case_search')"
        ).fetchone()
        return f"{db / 1e6:.0f} MB (search index incl. GIN {idx / 1e6:.0f} MB)"
    db_size = os.path.getsize(case.dir / "case.sqlite")
    fts_bytes = sum(
        r[0] for r in case.conn.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'case_fts%'")
    ) if _has_dbstat(case) else None
    return f"{db_size / 1e6:.0f} MB" + (f" (FTS index {fts_bytes / 1e6:.0f} MB)" if fts_bytes else "")


def _server_ns(pid: int | None) -> int:
    """CPU nanoseconds the PostgreSQL backend serving us has run (``/proc/PID/schedstat``);
    0 for SQLite (its work is in this process)."""
    if pid is None:
        return 0
    try:
        with open(f"/proc/{pid}/schedstat") as fh:
            return int(fh.read().split()[0])
    except OSError:
        return 0


def measure(case: Case, vocab: list[str], n: int) -> None:
    """Run the query mix and print latency percentiles.

    Besides wall-clock latency, the CPU time of each query (this process's thread plus, on
    PostgreSQL, the server backend that answers it, from ``/proc/PID/schedstat``): on a
    machine shared with other jobs the wall figures follow the load, the CPU figures are what
    the query costs on a core of its own (with the data cached, as it is after the warm-up)."""
    queries = make_queries(vocab, n)
    for q, f in queries[:10]:  # warm the page cache like a reviewer's second query
        search(case, q, f)
    pid = int(case.conn.execute("SELECT pg_backend_pid()").fetchone()[0]) if case.store.is_postgres else None
    if pid is not None and _server_ns(pid) == 0:
        pid = None  # the server is elsewhere or its /proc entry unreadable: client CPU only
    lat: list[float] = []
    cpu: list[float] = []
    hits_per_query: list[int] = []
    load0 = os.getloadavg()[0]
    for q, f in queries:
        t, c, s = time.perf_counter(), time.thread_time_ns(), _server_ns(pid)
        hits = search(case, q, f, limit=20)
        lat.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time_ns() - c + _server_ns(pid) - s) / 1e6)
        hits_per_query.append(len(hits))

    def pct(values: list[float], x: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(x * (len(ordered) - 1))))]

    worst = sorted(zip(lat, queries, strict=True), key=lambda z: -z[0])[:3]
    print(f"queries:              {len(queries)} (search() incl. ranking, filters, 20 snippets)")
    print(f"latency p50/p95/max:  {pct(lat, 0.5):.1f} / {pct(lat, 0.95):.1f} / {max(lat):.1f} ms"
          f" (mean {statistics.mean(lat):.1f}); load average {load0:.1f} -> {os.getloadavg()[0]:.1f}"
          f" on {os.cpu_count()} cores")
    who = "client + server backend" if pid is not None else "this process"
    print(f"CPU per query p50/p95/max: {pct(cpu, 0.5):.1f} / {pct(cpu, 0.95):.1f} / {max(cpu):.1f} ms ({who})")
    print(f"queries with hits:    {sum(1 for h in hits_per_query if h)}/{len(queries)}")
    for ms, (q, f) in worst:
        print(f"slowest:              {ms:.1f} ms  {q!r}{' + filters' if f else ''}")
    worst_cpu = sorted(zip(cpu, queries, strict=True), key=lambda z: -z[0])[:3]
    for ms, (q, f) in worst_cpu:
        print(f"most CPU:             {ms:.1f} ms  {q!r}{' + filters' if f else ''}")


def bench_dedupe(n: int, workdir: Path) -> None:
    """Near-duplicate detection quality and speed: n documents, 10% exact copies, 10% copies
    with 1-3 word edits (should be found at 0.9 when the text is long), 10% with 20 edits."""
    from wooflow.case import find_duplicates
    from wooflow.case.index import index_new

    rng = random.Random(3)
    rows, vocab = make_docs(n, seed=5)
    case = Case.init(workdir / "dedupe", CaseInfo(request="dedupe", received=date(2024, 1, 10)), actor="bench")
    now = "2024-01-10T00:00:00+00:00"
    truth: dict[int, tuple[int, str]] = {}
    docs = [(r.doc_id, r.text) for r in rows]
    next_id = n + 1
    for doc_id, text in docs[: n // 10 * 3]:
        kind = ("exact", "few", "many")[doc_id % 3]
        words = text.split(" ")
        edits = {"exact": 0, "few": rng.randint(1, 3), "many": 20}[kind]
        for _ in range(edits):
            words[rng.randrange(8, len(words))] = rng.choice(vocab)
        truth[next_id] = (doc_id, kind)
        docs.append((next_id, " ".join(words)))
        next_id += 1
    with case.transaction() as conn:
        conn.executemany(
            "INSERT INTO documents(id, parent_id, path, name, kind, sha256, text, fields, added_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(d, None, f"/d/{d}.txt", f"{d}.txt", "text", hashlib.sha256(t.encode()).hexdigest(), t, "{}", now)
             for d, t in docs],
        )
    t0 = time.perf_counter()
    index_new(case)
    t_index = time.perf_counter() - t0
    for threshold in (0.9, 0.8):
        t0 = time.perf_counter()
        groups = find_duplicates(case, threshold)
        took = time.perf_counter() - t0
        found = {d: g.kept for g in groups for d, _ in g.duplicates}
        pairs = {frozenset((d, k)) for d, k in found.items()}
        for kind in ("exact", "few", "many"):
            want = [frozenset((c, o)) for c, (o, k) in truth.items() if k == kind]
            hit = sum(1 for w in want if w in pairs)
            print(f"dedupe {threshold}: {kind:5} copies found {hit}/{len(want)}")
        false = [p for p in pairs if not any(p == frozenset((c, o)) for c, (o, _) in truth.items())]
        print(f"dedupe {threshold}: false pairs {len(false)}; {len(docs):,} documents in {took:.1f} s"
              f" (index {t_index:.1f} s)")
    case.close()


def _has_dbstat(case: Case) -> bool:
    try:
        case.conn.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main()
