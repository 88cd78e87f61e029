"""One published document on an executor: redact, verify, and search the new PDF's content.

``redact_task`` runs where the executor runs it (this process, a forked worker, a Dask worker):
it writes and verifies the redacted PDF (``wooflow.redact.batch.redact_to_pdf``) and then makes
the package's restlekcontrole of that PDF's content (``leakcheck.check_content``) with the
case's needles, from the page texts the verifier has just read of the same bytes. The package
stage uses that result only for a file whose bytes still have the SHA-256 it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wooflow.case.publish import leakcheck
from wooflow.exceptions import LeakError, WooflowError


def _redact_doc(
    doc: Any, source_path: str | None, findings: list[Any], out: Path, verify_ocr: bool,
    areas: Sequence[Any] = (),
) -> tuple[int, leakcheck.ReadTexts | None]:  # fmt: skip
    """Write the redacted PDF of one document and verify it; returns its page count and the
    page texts the verifier read (for the restlekcontrole).
    ``areas``: boxes a reviewer drew on its pages (wooflow.redact.areas.Area)."""
    from wooflow.redact.batch import redact_to_pdf

    if doc.kind == "pdf" and doc.data is None and source_path:
        doc.data = Path(source_path).read_bytes()
    report, verified = redact_to_pdf(doc, findings, out, ocr=verify_ocr, areas=areas)
    read = None
    if verified is not None:
        read = leakcheck.ReadTexts(verified.texts.get("mupdf"), verified.texts.get("pdftotext"))
    return int(getattr(report, "pages", 0) or 0), read


def _redact_job(
    doc: Any, source_path: str | None, findings: list[Any], out: str, verify_ocr: bool,
    areas: Sequence[Any] = (),
) -> tuple[int, str, str, leakcheck.ReadTexts | None]:  # fmt: skip
    """One document, in a worker process: ``(pages, "", "", texts)`` or ``(0, kind, message,
    None)``.

    Any failure withholds only this document; the batch goes on (an unexpected exception is
    reported with its type so it can be filed as a bug)."""
    try:
        pages, read = _redact_doc(doc, source_path, findings, Path(out), verify_ocr, areas)
        return pages, "", "", read
    except LeakError as exc:
        return 0, "leak", str(exc), None
    except WooflowError as exc:
        return 0, "error", str(exc), None
    except Exception:  # noqa: BLE001 - a crash in one document must not stop the batch
        Path(out).unlink(missing_ok=True)
        return 0, "error", "interne fout bij het lakken of controleren van dit document (meld dit als fout)", None


def _content_check(checker: Any, path: Path, rel: str, read: leakcheck.ReadTexts | None) -> Any:
    """The restlekcontrole of the PDF's content, made here with the verifier's texts; None
    (the package stage reads the file itself) when there is no checker or it fails."""
    if not isinstance(checker, leakcheck.Checker):
        return None
    try:
        return leakcheck.check_content(checker, path, rel, read)
    except Exception:  # noqa: BLE001 - the package stage checks the file as before
        return None


def redact_task(
    checker: Any, item: tuple[Any, ...]
) -> tuple[int, str, str, bytes | None, leakcheck.FileCheck | None]:
    """``_redact_job`` on an executor, then the restlekcontrole of the new PDF's content with
    ``checker`` (the case's needles). With ``out`` empty (a cluster worker, maybe on another
    machine) the PDF is made in a temporary folder and its bytes come back to be written here."""
    doc, source, found, out, verify_ocr, areas, rel = item
    if out:
        pages, kind, message, read = _redact_job(doc, source, found, out, verify_ocr, areas)
        check = None if kind else _content_check(checker, Path(out), rel, read)
        return pages, kind, message, None, check
    import tempfile

    with tempfile.TemporaryDirectory(prefix="wooflow-redact-") as tmp:
        target = Path(tmp) / "document.pdf"
        pages, kind, message, read = _redact_job(doc, source, found, str(target), verify_ocr, areas)
        data = target.read_bytes() if not kind and target.is_file() else None
        check = None if data is None else _content_check(checker, target, rel, read)
    return pages, kind, message, data, check


__all__ = ["redact_task"]
