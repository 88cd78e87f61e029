"""One document in, one publishable file out: the choices ``wooflow redact`` makes per format.

Text (.txt/.md) stays text with each span replaced by its ground code; a PDF stays a PDF; every
other format (e-mail, docx, images) is rendered to PDF and published as ``<name>.pdf``, so that a
case publishes PDFs with boxes and codes. Every PDF written is verified unless told otherwise,
and a file that fails verification is deleted: a leaking file must not sit among the outputs.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from wooflow.exceptions import InputError, WooflowError
from wooflow.model import Document, Finding
from wooflow.redact.areas import Area, check_areas, words_under
from wooflow.redact.joined import complete_findings
from wooflow.redact.pdf import RedactionReport, redact_pdf
from wooflow.redact.render import render_document
from wooflow.redact.text import redact_spans, redact_text
from wooflow.redact.verify import VerificationFailed, VerifyReport, verify_pdf, verify_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class FindingsMismatch(WooflowError):
    """Given findings do not match the document's text (another version of the file?)."""

    exit_code = 2


@dataclass(slots=True)
class OutputResult:
    """What was written for one document."""

    source: str
    out_path: str
    kind: str  # "text" or "pdf"
    spans: int
    boxes: int = 0
    verify: VerifyReport | None = None
    report: RedactionReport | None = None


def output_name(doc: Document) -> str:
    """Same name for text and PDF; ``<name>.pdf`` for everything that is rendered."""
    name = _safe(doc.name)
    if doc.parent_path is not None:
        parent = _safe(Path(doc.parent_path.split("#")[-1]).name)
        name = f"{Path(parent).stem}_{name}"
    if is_text(doc) or doc.kind == "pdf":
        return name
    return f"{name}.pdf"


def _safe(name: str) -> str:
    base = os.path.basename(name.replace("\\", "/")) or "document"
    return re.sub(r"[\x00-\x1f/:*?\"<>|]", "_", base)


def is_text(doc: Document) -> bool:
    return doc.kind == "text" and doc.name.lower().endswith(TEXT_SUFFIXES)


def check_findings(doc: Document, findings: Sequence[Finding]) -> None:
    """Refuse findings whose text is not what the document holds at their offsets."""
    for f in findings:
        if f.end > len(doc.text) or doc.text[f.start : f.end] != f.text:
            raise FindingsMismatch(
                f"{doc.path}: bevinding {f.start}-{f.end} ({f.category}) past niet bij de tekst; "
                "is het document gewijzigd?"
            )


def source_bytes(doc: Document) -> bytes:
    if doc.data is not None:
        return doc.data
    try:
        return Path(doc.path).read_bytes()
    except OSError as exc:
        raise InputError(doc.path, f"niet te lezen: {exc.strerror}") from None


def unique_path(out_dir: Path, name: str, taken: set[str]) -> Path:
    """Two inputs with the same name (from different folders) must not overwrite each other."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    taken.add(candidate.lower())
    return out_dir / candidate


def _write_text_atomic(path: Path, text: str) -> None:
    """Temporary file beside the target, then a rename: no half-written output, usual mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def redact_document(
    doc: Document,
    findings: Sequence[Finding],
    out_path: Path,
    *,
    verify: bool = True,
) -> OutputResult:
    """Write the redacted form of ``doc`` to ``out_path``; raise VerificationFailed on a leak."""
    check_findings(doc, findings)
    n_spans = len(redact_spans(findings, len(doc.text)))
    if is_text(doc):
        findings = complete_findings(doc.text, findings)
        out = redact_text(doc.text, findings)
        result = OutputResult(doc.path, str(out_path), "text", n_spans)
        if verify:
            result.verify = verify_text(out, findings, doc.text, str(out_path))
        _write_text_atomic(out_path, out)
        return result
    report, verified = redact_to_pdf(doc, findings, out_path, verify=verify)
    result = OutputResult(doc.path, str(out_path), "pdf", n_spans, len(report.boxes), report=report)
    result.verify = verified
    return result


def redact_to_pdf(
    doc: Document,
    findings: Sequence[Finding],
    out_path: Path,
    *,
    verify: bool = True,
    ocr: bool = True,
    names: Iterable[str] = (),
    areas: Sequence[Area] = (),
) -> tuple[RedactionReport, VerifyReport | None]:
    """Redact ``doc`` as a PDF (rendering non-PDF documents first) and verify the output.

    The one place that writes a published PDF: ``wooflow redact`` and ``wooflow process`` both
    call it, so both verify against the text as drawn. A failed check removes the output.
    Every name form of a redacted person (and of ``names``, e.g. the accepted persons of a
    case) is redacted wherever it occurs, also broken over a line or page (joined.py).
    ``areas`` (drawn boxes) are blacked out too; the words they touch are redacted whole, and
    the output is read back under each area (areas.py).
    """
    names = list(names)
    findings = complete_findings(doc.text, findings, names)
    original = doc.text
    if doc.kind == "pdf":
        source: bytes = source_bytes(doc)
        target = doc
    else:
        rendered = render_document(doc)
        source, target = rendered.data, rendered.as_document(doc)
        original = rendered.shown_text or doc.text
    areas = list(areas)
    if areas:
        findings = [*findings, *words_under(target, areas)]
    # What render_text_pdf made: text only (redact_pdf reads no pictures there)
    rendered_text = doc.kind not in ("pdf", "image")
    if areas:
        report = redact_pdf(source, target, findings, out_path, areas=areas, rendered_text=rendered_text)
    else:
        report = redact_pdf(source, target, findings, out_path, rendered_text=rendered_text)
    if not verify:
        return report, None
    try:
        checked = [*findings, *getattr(report, "extra_findings", [])]
        if not areas:
            return report, verify_pdf(out_path, checked, original, ocr=ocr, names=names)
        verified = verify_pdf(out_path, checked, original, ocr=ocr, names=names, raise_on_failure=False)
        verified.problems.extend(check_areas(out_path, areas))
        if not verified.ok:
            raise VerificationFailed(verified)
        return report, verified
    except BaseException:
        Path(out_path).unlink(missing_ok=True)
        raise


def publishable(docs: Iterable[Document]) -> list[Document]:
    """Each document that becomes an output: containers give their members, mails their parts."""
    from wooflow.ingest import is_container

    out: list[Document] = []
    for doc in docs:
        if not is_container(doc):
            out.append(doc)
        out.extend(publishable(doc.children))
    return out


def load_findings(path: str | os.PathLike[str]) -> dict[str, list[Finding]]:
    """Findings from a CONTRACT ``detect --format jsonl`` file, grouped by their ``path``."""
    grouped: dict[str, list[Finding]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"bevindingen niet te lezen: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            finding = Finding.from_json(obj)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"regel {number}: geen geldige bevinding ({exc})") from None
        grouped.setdefault(str(obj.get("path", "")), []).append(finding)
    return grouped


def findings_for(doc: Document, grouped: Mapping[str, list[Finding]]) -> list[Finding]:
    """Match by the path as given; fall back to the file name (findings made elsewhere)."""
    if doc.path in grouped:
        return grouped[doc.path]
    norm = os.path.normpath(doc.path)
    for key, value in grouped.items():
        if key and os.path.normpath(key) == norm:
            return value
    by_name = [v for k, v in grouped.items() if k and os.path.basename(k) == doc.name]
    return by_name[0] if len(by_name) == 1 else []


def detect_all(docs: Sequence[Document]) -> dict[str, list[Finding]]:
    """Case-wide detection, so one person is redacted in every document of the call."""
    from wooflow import detect

    detector_cls = getattr(detect, "Detector", None)
    if detector_cls is not None:
        detector = detector_cls()
        if hasattr(detector, "detect_case"):
            result = detector.detect_case({d.path: d.text for d in docs})
            return {k: list(v) for k, v in dict(result).items()}
        return {d.path: list(detector.detect(d.text)) for d in docs}
    detect_text = getattr(detect, "detect_text", None)
    if detect_text is None:
        from wooflow.exceptions import ConfigError

        raise ConfigError("detectie is (nog) niet beschikbaar; geef bevindingen met --findings")
    return {d.path: list(detect_text(d.text)) for d in docs}


__all__ = [
    "FindingsMismatch",
    "OutputResult",
    "VerificationFailed",
    "check_findings",
    "detect_all",
    "findings_for",
    "load_findings",
    "output_name",
    "publishable",
    "redact_document",
    "unique_path",
]
