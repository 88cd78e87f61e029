"""``process``: from input files to a publication package in one call (``wooflow process``).

Stages: ingest -> understand -> detect -> deduplicate -> acceptance policy -> judge -> redact +
verify -> write the package. Everything lands in the case folder first, so a re-run with the
same case resumes: stored files are not read again, documents already scanned are not
detected again, review decisions are kept, and unchanged redacted PDFs are reused.

The package is a DRAFT until every finding is reviewed: besides accepted findings it also
redacts the proposed ones, so nothing leaks before a reviewer has looked; the summary says how
many findings await review.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wooflow.case.faults import fault_point
from wooflow.case.publish import decision, diwoo, diwoocheck, inventory, leakcheck, stages
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.execute import Executor, Window, make_executor, warm
from wooflow.case.publish.lists import resolve_organisation
from wooflow.case.publish.package import (
    JOURNAL,
    MANIFEST,
    ZIP_NAME,
    Package,
    atomic_write,
    atomic_write_json,
    check_package_dir,
    default_case_dir,
    move_legacy_case,
)
from wooflow.case.publish.records import DUBBEL, CaseMeta, PublishRecord
from wooflow.case.publish.redactjob import redact_task
from wooflow.case.publish.report import ReportData, render
from wooflow.case.publish.source import CaseView, load
from wooflow.exceptions import LeakError, ValidationError
from wooflow.ingest.base import clean_text
from wooflow.store import CaseLocation, parse_location, resolve_location
from wooflow.store.lock import case_lock

STATE_FILE = "publicatie-status.json"
Progress = Callable[[str, int, int], None]  # (stage, done, total)
STAGES = ("inlezen", "begrijpen", "detecteren", "ontdubbelen", "lakken", "publiceren")
# lakken's tasks in flight on a local pool beyond 2 per worker (execute.Window): a scan's
# verification takes ~10x a text document's; sized by the characters (and bytes) sent
REDACT_WINDOW = Window(size=lambda item: len(item[0].text) + len(item[0].data or b""), budget=2 * 2**20, most=16)


@dataclass(slots=True)
class ProcessSummary:
    """What one run did; the CLI prints it as a table."""

    out_dir: Path
    case_dir: Path
    case_number: str = ""
    inputs: int = 0
    stored: int = 0
    reused: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, reason, detail)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # hidden files left out, said once
    documents: int = 0
    duplicates: int = 0
    auto_accepted: int = 0
    proposed: int = 0
    accepted: int = 0
    judgements: Counter[str] = field(default_factory=Counter)
    published: int = 0
    pages: int = 0
    withheld: list[str] = field(default_factory=list)  # one line per document not published
    leaks: int = 0  # documents the leak verifier rejected
    residual: list[str] = field(default_factory=list)  # restlekcontrole: one line per leaking file
    moved_case: str = ""  # a case of an older version moved out of the package folder
    metadata: list[str] = field(default_factory=list)  # DiWoo package check: one line per problem
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def exit_code(self) -> int:
        """0 when every input was read and every document published as judged."""
        if self.leaks or self.residual:
            return LeakError.exit_code
        if self.metadata:
            return ValidationError.exit_code
        if self.failures or self.withheld:
            return 2
        return 0


class _State:
    """Resume bookkeeping in the case folder: which documents were scanned, which PDFs made."""

    def __init__(self, case_dir: Path) -> None:
        self.path = case_dir / STATE_FILE
        self.data: dict[str, Any] = {"detected": [], "redacted": {}}
        if self.path.exists():
            try:
                self.data.update(json.loads(self.path.read_text(encoding="utf-8")))
            except ValueError:
                pass  # a damaged state only costs time: everything is redone

    @property
    def detected(self) -> set[int]:
        return set(self.data["detected"])

    def save(self) -> None:
        atomic_write_json(self.path, self.data, indent=1)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def open_case(case_dir: Path | CaseLocation, cfg: ProcessConfig) -> Any:
    """Open the case in ``case_dir`` (a folder or a PostgreSQL location) or create it from the
    configuration."""
    from wooflow.case.case import Case, CaseInfo
    from wooflow.exceptions import CaseError

    location = parse_location(case_dir)
    if location.is_postgres or (location.folder / "case.sqlite").exists():
        try:
            return Case.open(location)
        except CaseError:
            pass  # a store without case metadata (e.g. made by `wooflow ingest`): add it
    today = date.today()
    info = CaseInfo(
        request=cfg.request,
        received=cfg.received or today,
        requester_kind=cfg.requester_kind,
        period_from=cfg.period_from,
        period_to=cfg.period_to,
        organisation=cfg.organisation,
        case_number=cfg.case_number or f"WOO-{today:%Y%m%d}",
    )
    return Case.init(location, info)


def _inputs(
    inputs: Sequence[str | os.PathLike[str]], skip: Sequence[Path], on_hidden: Callable[[str], None] | None = None
) -> list[str]:
    """Input files in a stable order, leaving out our own output (a package inside the input).

    Paths are made absolute so that a re-run from another working directory finds the same
    documents in the case (the store knows a document by path and content)."""
    from wooflow.ingest import expand_paths

    skip_r = [p.resolve() for p in skip]
    out = []
    for path in expand_paths(inputs, on_skip=on_hidden):
        rp = Path(path).resolve()
        if any(rp == s or rp.is_relative_to(s) for s in skip_r):
            continue
        out.append(os.path.abspath(path))
    return out


def _ingest(case: Any, paths: list[str], summary: ProcessSummary, progress: Progress, executor: Executor) -> None:
    done = 0

    def on_event(event: Any) -> None:
        nonlocal done
        done += 1
        if event.status == "stored":
            summary.stored += 1
        elif event.status == "skipped":
            summary.reused += 1
        elif event.failure is not None:
            f = event.failure
            summary.failures.append((f.path, f.reason, f.detail))
        summary.warnings.extend(event.warnings)  # each names the file or attachment it is about
        progress("inlezen", done, len(paths))

    progress("inlezen", 0, len(paths))
    stages.ingest(case, paths, executor, on_event)


def _understand(case: Any, progress: Progress, executor: Executor) -> None:
    from wooflow.store.repos import case_docs

    todo = case_docs.count_unindexed(case.conn)
    progress("begrijpen", 0, todo)
    stages.understand(case, executor)
    progress("begrijpen", todo, todo)


def _fingerprint(sha256: str, findings: list[Any]) -> str:
    body = json.dumps([sha256, sorted((f.start, f.end, f.ground or "") for f in findings)])
    return hashlib.sha256(body.encode()).hexdigest()


@dataclass(slots=True)
class _Job:
    rec: PublishRecord
    document_id: str  # the inventory's ID
    file_name: str  # in the package
    doc_id: int
    fp: str
    areas: Sequence[Any] = ()


def _redact_all(
    case: Any, view: CaseView, names: Mapping[str, tuple[str, str]], pkg: Package,
    state: _State, cfg: ProcessConfig, summary: ProcessSummary, progress: Progress, executor: Executor,
) -> dict[str, leakcheck.FileCheck]:  # fmt: skip
    """Redact and verify every published document, on the executor's workers; returns the
    restlekcontrole of each new PDF's content, made by the worker with the case's needles.
    ``names``: (inventory ID, file name) of each published record (``_file_names``)."""
    todo = [r for r in view.records if r.published]
    progress("lakken", 0, len(todo))
    made: dict[str, Any] = {}
    checks: dict[str, leakcheck.FileCheck] = {}
    hows: dict[str, str] = {}  # a few texts ("tekst en metadata (pdf)"), each sent back per file
    done = 0

    def finish(
        job: _Job, pages: int, kind: str, message: str, data: bytes | None = None,
        check: leakcheck.FileCheck | None = None,
    ) -> None:  # fmt: skip
        nonlocal done
        rel, rec = job.file_name, job.rec
        if data is not None:
            atomic_write(pkg.out_dir / rel, data)
        if kind:
            rec.withheld = True
            if kind == "leak":
                summary.leaks += 1
                message = f"lek gevonden, niet gepubliceerd: {message}"
            else:
                message = f"niet gepubliceerd: {message}"
            if len(message) > 300:  # a leak report can quote a whole page: one readable line
                message = message[:300] + " …"
            summary.withheld.append(f"{job.document_id} ({rec.name}): {message}")
        else:
            pkg.add_existing(rel, "document")
            if check is not None:  # held until the restlekcontrole: its texts shared where equal
                sha = pkg.files[rel].sha256
                checks[rel] = leakcheck.FileCheck(sha if sha == check.sha256 else check.sha256,
                                                  hows.setdefault(check.how, check.how), check.hits)  # fmt: skip
            rec.pages = pages
            made[rel] = {"fp": job.fp, "pages": pages}
            summary.pages += pages
        done += 1
        progress("lakken", done, len(todo))
        fault_point("redact")

    pkg.expect([names[rec.key][1] for rec in todo])
    from wooflow.case.areas import redaction_areas

    drawn = redaction_areas(case)
    jobs: list[_Job] = []
    for rec in todo:
        document_id, file_name = names[rec.key]
        doc_id = view.doc_ids[rec.key]
        # the findings are read per document here and again when its task is sent: a case's
        # findings are never all in memory
        found = view.redact_findings(case, doc_id)
        areas = drawn.get(doc_id) or ()
        fp = _fingerprint(rec.key.rsplit("@", 1)[-1], found)
        if areas:  # the fingerprint of a document without areas stays as it was
            fp = hashlib.sha256((fp + repr(sorted(areas, key=repr))).encode()).hexdigest()
        job = _Job(rec, document_id, file_name, doc_id, fp, areas)
        old = state.data["redacted"].get(file_name)
        if old and old.get("fp") == job.fp and (pkg.out_dir / file_name).is_file():
            finish(job, int(old.get("pages", 0)), "", "")  # unchanged since the last run
        else:
            jobs.append(job)

    def items() -> Iterator[tuple[Any, ...]]:
        for job in jobs:  # loaded lazily: only the executor's window is in memory
            doc = case.document(job.doc_id)
            source = str(case.store.blob_path(doc.sha256)) if doc.data is None else None
            if executor.remote and source is not None and doc.kind == "pdf":
                doc.data, source = Path(source).read_bytes(), None  # the worker may be elsewhere
            out = "" if executor.remote else str(pkg.out_dir / job.file_name)
            found = view.redact_findings(case, job.doc_id)
            yield doc, source, found, out, cfg.verify_ocr, job.areas, job.file_name

    checker = leakcheck.Checker(view.needles)  # sent once to each worker
    if jobs:  # the redaction and verification libraries, imported once before the workers fork
        warm(executor, "wooflow.redact.batch", "wooflow.redact.glyphs", "wooflow.ingest.tessapi", "PIL.Image",
             "rapidfuzz.fuzz", "rapidfuzz.distance.Levenshtein")  # fmt: skip
    for job, result in zip(jobs, executor.map(redact_task, items(), checker, window=REDACT_WINDOW), strict=True):
        finish(job, *result)
    state.data["redacted"] = made
    state.save()
    return checks


def _diwoo_records(
    view: CaseView, rows: dict[str, inventory.InventoryRow], meta: CaseMeta, scrub: Callable[[str], str]
) -> tuple[Iterator[tuple[str, diwoo.DiWooRecord]], diwoo.DiWooRecord]:
    """Metadata for each published document (made one at a time as the iterator is read) and
    for the decision (which holds them all)."""
    decision_id = f"{meta.case_number}-besluit"
    decision_title = f"Besluit op Woo-verzoek {meta.case_number}"
    published = [r for r in view.records if r.published]
    refs = {
        r.key: diwoo.Reference(f"{meta.case_number}-{rows[r.key].document_id}", rows[r.key].file_name[:-4])
        for r in published
    }
    children: dict[str, list[PublishRecord]] = {}
    for rec in published:
        if rec.parent_key:
            children.setdefault(rec.parent_key, []).append(rec)

    def records() -> Iterator[tuple[str, diwoo.DiWooRecord]]:
        for rec in published:
            yield document(rec)

    def document(rec: PublishRecord) -> tuple[str, diwoo.DiWooRecord]:
        row = rows[rec.key]
        relations = [(diwoo.RELATIE_BIJLAGE, refs[child.key]) for child in children.get(rec.key, [])]
        if rec.reply_to_key in refs:
            relations.append((diwoo.RELATIE_REACTIE, refs[rec.reply_to_key]))
        title = scrub(rec.title).strip() if rec.title else ""
        return (
                row.file_name[:-4] + ".xml",
                diwoo.DiWooRecord(
                    identifier=refs[rec.key].identifier,
                    title=title or inventory.safe_stem(row.name),
                    organisation=meta.organisation,
                    handeling=diwoo.HANDELING_VASTSTELLING if rec.date else diwoo.HANDELING_ONTVANGST,
                    handeling_time=rec.date or meta.received,
                    creatiedatum=rec.date,
                    doc_type=rec.doc_type,
                    extra_identifiers=[row.file_name],
                    aggregatiekenmerk=meta.case_number,
                    is_part_of=diwoo.Reference(decision_id, decision_title),
                    relations=relations,
                ),
        )

    besluit = diwoo.DiWooRecord(
        identifier=decision_id,
        title=decision_title,
        organisation=meta.organisation,
        handeling=diwoo.HANDELING_VASTSTELLING,
        handeling_time=meta.decision_date,
        creatiedatum=meta.decision_date,
        documentsoort=diwoo.SOORT_WOO_BESLUIT,
        aggregatiekenmerk=meta.case_number,
        has_parts=[refs[r.key] for r in published],
    )
    return records(), besluit


def process(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    config: ProcessConfig | None = None,
    case_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    detector: Any = None,
    executor: Executor | None = None,
) -> ProcessSummary:
    """Run the whole pipeline and write the package into ``out_dir``; see the module doc.

    The per-document stages run on ``executor`` (default: from ``config``: ``workers`` local
    processes, or a Dask cluster; see ``execute.py``); the caller closes an executor it gives.
    The case is locked for the whole run (``case_lock``): a second run on it stops at once."""

    t0 = time.perf_counter()
    cfg = config or ProcessConfig()
    progress = progress or _noop
    out = Path(out_dir)
    loc = resolve_location(case_dir) if case_dir is not None else parse_location(default_case_dir(out))
    cdir = loc.folder  # the case folder (PostgreSQL: the case's files folder)
    moved = move_legacy_case(out) if case_dir is None else None  # OUT/case of older versions
    check_package_dir(out, cdir)  # before anything is written: the package holds only what is published
    out.mkdir(parents=True, exist_ok=True)
    summary = ProcessSummary(out_dir=out, case_dir=cdir)
    if moved is not None:
        summary.moved_case = f"zaak verplaatst uit de pakketmap: {out / 'case'} -> {moved}"
    hidden: list[str] = []
    paths = _inputs(list(inputs), [out, cdir], hidden.append)
    summary.notes = [f"{clean_text(p)}: verborgen of tijdelijk bestand, niet ingelezen" for p in hidden]
    summary.inputs = len(paths)
    with case_lock(loc):
        if executor is not None:
            _run(paths, out, loc, cfg, summary, progress, detector, executor)
        else:
            with make_executor(cfg.executor, cfg.workers, cfg.scheduler or None) as own:
                _run(paths, out, loc, cfg, summary, progress, detector, own)
    summary.seconds = time.perf_counter() - t0
    return summary


def _run(
    paths: list[str], out: Path, loc: CaseLocation, cfg: ProcessConfig, summary: ProcessSummary,
    progress: Progress, detector: Any, executor: Executor,
) -> None:  # fmt: skip
    from wooflow.case.review import AcceptancePolicy, apply_policy, count_findings

    cdir = loc.folder
    case = open_case(loc, cfg)
    try:
        resolve_organisation(case.info.organisation or None)  # fail before the long stages
        state = _State(cdir)
        _ingest(case, paths, summary, progress, executor)
        # every input, attachment, member or page of these inputs not read, also in earlier runs
        given = {clean_text(p) for p in paths}
        summary.failures = [
            (f.path, f.reason, f.detail) for f in case.store.failures()
            if not given or f.path.split("#", 1)[0] in given
        ]
        fault_point("ingest")
        _understand(case, progress, executor)
        from wooflow.case.publish.source import CONTAINER_KINDS

        stages.detect(case, state, detector, executor, progress, CONTAINER_KINDS)
        progress("ontdubbelen", 0, 1)
        groups = stages.deduplicate(case, cfg.dedupe_threshold, executor)
        fault_point("dedupe")
        summary.auto_accepted = apply_policy(
            case, AcceptancePolicy(categories=frozenset(cfg.auto_accept), min_score=cfg.min_score)
        )
        progress("ontdubbelen", 1, 1)
        fault_point("policy")
        view = load(case, redact_proposed=cfg.redact_proposed, contact=cfg.contact)
        meta = view.meta
        meta.decision_date = meta.decision_date or date.today()
        summary.case_number = meta.case_number
        summary.duplicates = sum(len(g.duplicates) for g in groups)
        summary.proposed = count_findings(case, status="proposed")
        summary.accepted = view.review.accepted

        numbering = inventory.Numbering(cdir)
        numbers = numbering.assign(view.records)
        numbering.save()
        scrub = view.scrubber()
        pkg = Package(out, journal=cdir / JOURNAL)
        # only the names here: the inventory's rows are made after the redaction, with the
        # withheld documents' explanations (a row each held through it was ~0.5 KiB per document)
        names = _file_names(view.records, numbers, scrub)
        checks = _redact_all(case, view, names, pkg, state, cfg, summary, progress, executor)
        del names
        summary.documents = sum(1 for r in view.records if not r.unreadable)
        summary.judgements = Counter(r.judgement for r in view.records if r.in_scope and not r.unreadable)
        summary.published = sum(1 for r in view.records if r.published)
        extras = _case_files(case, view, numbers)
        _write_package(view, numbers, meta, scrub, pkg, cfg, summary, progress, extras, checks)
    finally:
        case.close()


@dataclass(slots=True)
class _CaseFiles:
    """What the package takes from the case besides the documents: the audit log and the
    review progress (one definition: wooflow.case.workflow.progress)."""

    audit_csv: bytes
    progress: Any


def _case_files(case: Any, view: CaseView, numbers: dict[str, int]) -> _CaseFiles:
    from wooflow.case.publish import auditcsv
    from wooflow.case.workflow import progress as review_progress

    width = inventory.id_width(numbers)  # as the inventory
    by_doc = {view.doc_ids[k]: inventory.format_id(n, width) for k, n in numbers.items() if k in view.doc_ids}
    return _CaseFiles(auditcsv.to_csv(case, by_doc, AUDIT_LABELS), review_progress(case))


AUDIT_LABELS = {  # the audit actions by their Dutch names (as in the review app)
    "case.init": "zaak aangemaakt", "case.update": "zaakgegevens gewijzigd",
    "findings.detect": "detectie uitgevoerd", "policy.apply": "acceptatiebeleid toegepast",
    "finding.accept": "bevinding geaccepteerd", "finding.reject": "bevinding afgewezen",
    "finding.add": "lakking toegevoegd", "finding.change": "grond of soort gewijzigd",
    "finding.undo": "bevinding teruggezet (ongedaan)", "person.decide": "besluit over persoon",
    "person.merge": "personen samengevoegd", "person.split": "vorm van persoon afgesplitst",
    "person.notperson": "geen persoon", "person.undo": "persoonsbesluit teruggezet (ongedaan)",
    "person.restore": "personen teruggezet (ongedaan)", "judgement.set": "oordeel vastgesteld",
    "judgement.reset": "oordeel weer afgeleid", "judgement.undo": "oordeel teruggezet (ongedaan)",
    "scope.in": "binnen het verzoek", "scope.out": "buiten het verzoek",
    "dedupe": "ontdubbeling uitgevoerd", "undo": "ongedaan gemaakt",
    "doc.status": "status van document", "doc.assign": "documenten toegewezen",
    "user.add": "gebruiker aangemaakt", "user.password": "wachtwoord gewijzigd",
    "user.role": "rol gewijzigd", "user.remove": "gebruiker verwijderd", "user.login": "ingelogd",
    "area.add": "vlak gelakt (getekend)", "area.remove": "getekend vlak verwijderd",
    "area.undo": "getekend vlak teruggezet (ongedaan)",
    "search.redact": "zoeken en lakken in de hele zaak", "package.build": "publicatiepakket gemaakt",
}  # fmt: skip


def _rows_by_key(
    records: list[PublishRecord], numbers: dict[str, int], meta: CaseMeta, scrub: Callable[[str], str]
) -> dict[str, inventory.InventoryRow]:
    in_scope = [r for r in records if r.in_scope]
    rows = inventory.build_rows(in_scope, numbers, meta, scrub)
    by_number = {r.number: r for r in rows}
    return {r.key: by_number[numbers[r.key]] for r in in_scope}


def _file_names(
    records: list[PublishRecord], numbers: dict[str, int], scrub: Callable[[str], str]
) -> dict[str, tuple[str, str]]:
    """(inventory ID, file name) of each published record, as its inventory row has them."""
    width = inventory.id_width(numbers)
    out: dict[str, tuple[str, str]] = {}
    for rec in records:
        if rec.published:
            document_id = inventory.format_id(numbers[rec.key], width)
            out[rec.key] = (document_id, inventory.published_file_name(document_id, inventory.row_name(rec, scrub)))
    return out


def _write_package(
    view: CaseView, numbers: dict[str, int], meta: CaseMeta, scrub: Callable[[str], str],
    pkg: Package, cfg: ProcessConfig, summary: ProcessSummary, progress: Progress,
    extras: _CaseFiles | None = None, checks: Mapping[str, leakcheck.FileCheck] | None = None,
) -> None:  # fmt: skip
    steps = 6
    progress("publiceren", 0, steps)
    for rec in view.records:
        if rec.withheld:
            rec.explanation = (rec.explanation + " " if rec.explanation else "") + (
                "Publicatie tegengehouden: de controle van de gelakte versie is mislukt."
            )
    rows_by_key = _rows_by_key(view.records, numbers, meta, scrub)
    rows = sorted(rows_by_key.values(), key=lambda r: r.number)
    # Metadata and letter text first: an invalid file (ValidationError) or a broken template
    # (ConfigError) stops the run before anything of the previous package is overwritten.
    md = decision.render_markdown(
        meta, view.records, cfg.templates, cfg.signer, cfg.objection_to, pending=summary.proposed
    )
    docs_meta, besluit_meta = _diwoo_records(view, rows_by_key, meta, scrub)
    # every XML is made and validated before anything is written, but kept on disk (a
    # temporary folder), not in memory: one file per published document
    staging = tempfile.TemporaryDirectory(prefix="wooflow-diwoo-")
    xml: list[str] = []
    with staging:
        for rel, md_rec in itertools.chain([("besluit.xml", besluit_meta)], docs_meta):
            (Path(staging.name) / f"{len(xml)}.xml").write_bytes(diwoo.to_xml(md_rec))
            xml.append(rel)
        _write_inventory_and_decision(md, rows, meta, pkg, progress, steps)
        # journalled once for all of them: per file (``write`` does it for a new name) the
        # journal, which lists every file of the package, was rewritten once per document
        pkg.expect(xml)
        for i, rel in enumerate(xml):
            pkg.write(rel, (Path(staging.name) / f"{i}.xml").read_bytes(), "metadata")
    del xml
    progress("publiceren", 4, steps)
    _write_reports(view, meta, pkg, cfg, summary, progress, extras, checks, steps)


def _write_inventory_and_decision(
    md: str, rows: list[inventory.InventoryRow], meta: CaseMeta, pkg: Package, progress: Progress, steps: int
) -> None:
    """The inventory (CSV, XLSX, PDF) and the decision (DOCX, PDF), each written to its file
    as it is made: none of them is held in memory whole (a 100,000-row inventory PDF or
    besluit table would be hundreds of MiB while being made)."""
    pkg.write_with("inventaris.csv", lambda tmp: inventory.write_csv(rows, tmp), "inventaris")
    pkg.write_with("inventaris.xlsx", lambda tmp: inventory.write_xlsx(rows, tmp), "inventaris")
    # also the decision's annex, read back from the package: made once
    inventory_pdf = pkg.write_with("inventaris.pdf", lambda tmp: inventory.write_pdf(rows, meta, tmp), "inventaris")
    progress("publiceren", 1, steps)
    fault_point("package")
    pkg.write_with("besluit.docx", lambda tmp: decision.write_docx(md, rows, meta, tmp), "besluit")
    pkg.write_with("besluit.pdf", lambda tmp: decision.write_pdf(md, meta, inventory_pdf, tmp), "besluit")
    progress("publiceren", 3, steps)


def _write_reports(
    view: CaseView, meta: CaseMeta, pkg: Package, cfg: ProcessConfig, summary: ProcessSummary,
    progress: Progress, extras: _CaseFiles | None, checks: Mapping[str, leakcheck.FileCheck] | None, steps: int,
) -> None:  # fmt: skip
    failures = [(p, reason) for p, reason, _ in summary.failures]
    read = [r for r in view.records if not r.unreadable]  # the unreadable are listed under failures
    report = render(ReportData(meta, read, view.review, failures, summary.pages,
                               progress=extras.progress if extras else None))  # fmt: skip
    pkg.write("rapport.html", report.encode("utf-8"), "rapport")
    if extras is not None:
        from wooflow.case.publish.auditcsv import FILE_NAME as AUDIT_FILE

        pkg.write(AUDIT_FILE, extras.audit_csv, "auditlog")
    progress("publiceren", 5, steps)
    in_scope = [r for r in view.records if r.in_scope and not r.unreadable]
    counts = {
        "documenten": sum(1 for r in view.records if not r.unreadable),
        "binnen_reikwijdte": len(in_scope),
        "dubbel": sum(1 for r in in_scope if r.judgement == DUBBEL),
        "gepubliceerd": sum(1 for r in in_scope if r.published),
        "tegengehouden": sum(1 for r in in_scope if r.withheld),
        "per_beoordeling": dict(Counter(r.judgement for r in in_scope)),
        "paginas": summary.pages,
        "niet_ingelezen": summary.failed,
        "bevindingen_voorgesteld": summary.proposed,
        "bevindingen_geaccepteerd": summary.accepted,
    }
    # Restlekcontrole: every published byte against every form of what was redacted.
    # (the PDFs' content was searched by the workers that wrote them, with these needles)
    check = leakcheck.check_package(pkg.out_dir, [*pkg.files, MANIFEST, ZIP_NAME], view.needles, checks)
    pkg.write(leakcheck.REPORT, check.text().encode("utf-8"), "restlekcontrole")
    extra: dict[str, object] = {"draft": summary.proposed > 0, "besluit": decision.decide(view.records)}
    summary.metadata = diwoocheck.check_package(pkg.out_dir, pkg.files)  # what a receiving platform relies on
    extra["diwoo_controle"] = summary.metadata or "in orde"
    extra["restlekcontrole"] = {
        "bestand": leakcheck.REPORT,
        "zoektermen": len(check.needles),
        "bestanden": len(check.checked),
        "lekken": len(check.leaks),
        "geblokkeerd": not check.clean,
    }
    for rel in sorted({h.file for h in check.leaks} - {leakcheck.REPORT, MANIFEST, ZIP_NAME}):
        # a blocked package keeps nothing that leaks: the folder may be shared all the same
        (pkg.out_dir / rel).unlink(missing_ok=True)
        pkg.files.pop(rel, None)
    pkg.finish(meta.case_number, counts, extra, make_zip=check.clean and not summary.metadata)
    if check.clean:  # what finish wrote: the manifest and the zip's member names
        after = leakcheck.check_package(pkg.out_dir, [leakcheck.REPORT, MANIFEST, ZIP_NAME], view.needles)
        if not after.clean:
            (pkg.out_dir / ZIP_NAME).unlink(missing_ok=True)
            (pkg.out_dir / MANIFEST).unlink(missing_ok=True)
            check = after
    summary.residual = check.messages()
    _publishable_modes(pkg.out_dir)
    progress("publiceren", steps, steps)


def _publishable_modes(out: Path) -> None:
    """One mode for every package file: readable by all (0644 under the usual umask), like the
    PDFs. Temporary files are created 0600, so without this the package had mixed modes."""
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask
    for item in out.iterdir():
        if item.is_file() and not item.is_symlink() and not item.name.startswith(".tmp-"):
            os.chmod(item, mode)


__all__ = ["STAGES", "ProcessSummary", "open_case", "process"]
