"""Leak verifier: reads a redacted PDF back with extractors other than the one that wrote it.

PyMuPDF writes the output, so the text is read with pdfium (pypdfium2) and poppler's pdftotext,
and every embedded image is OCR'd on its own (Tesseract, Dutch): reading the bare image bitmaps,
not a render of the page, proves the pixels under a box were destroyed rather than only covered.

A redacted string may legitimately appear elsewhere (a first name "Jan" in a sentence that was
not redacted, a surname that is also a street). So a string only counts as leaked when the output
holds more occurrences of it than the original text holds outside the redacted spans. Without the
original text every occurrence counts (strict).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pymupdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from wooflow.exceptions import CorruptDocument, LeakError
from wooflow.model import Finding
from wooflow.redact.inkproof import only_text_and_boxes
from wooflow.redact.poppler import pages_and_outside
from wooflow.redact.rebuild import pages
from wooflow.redact.text import redact_spans
from wooflow.redact.verify_deep import name_forms, read_deep
from wooflow.redact.verify_scan import check_scan_boxes, may_be_scan, needle_contexts, span_contexts

MIN_COVERAGE = 0.98  # share of non-redacted word tokens that must survive (text layer)
# OCR reads the same scan slightly differently each time; that is absorbed by matching OCR
# words with one edit of tolerance, not by a lower threshold: an offset OCR layer that costs 15
# public words of a page must not pass (issue 11).
MIN_COVERAGE_OCR = MIN_COVERAGE
OCR_FUZZY_MIN_LEN = 4
COMPACT_MIN_LEN = 6  # needles this long are also searched with all whitespace removed
OCR_LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
OCR_MIN_SIDE = 32
SEPARATOR = "\u2588"  # stands in for a redacted span in the baseline text; never a word char


@dataclass(frozen=True, slots=True)
class Leak:
    """A redacted string found where it must not be."""

    where: str  # "text", "ocr", "metadata", "xmp", "annotation", "embedded", "outline", ...
    needle: str
    found: int
    allowed: int


@dataclass(slots=True)
class VerifyReport:
    path: str
    pages: int = 0
    leaks: list[Leak] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # structure that must not be there
    coverage: float | None = None
    min_coverage: float = MIN_COVERAGE
    missing_words: list[str] = field(default_factory=list)
    ocr_images: int = 0
    extractors: list[str] = field(default_factory=list)
    edge_boxes: int = 0  # boxes on scanned pages whose edges were checked (verify_scan.py)
    name_forms: list[str] = field(default_factory=list)  # looked for everywhere, none allowed
    page_ocr: int = 0  # pages OCR'd whole because a font's Unicode was not trusted
    residual_ocr: int = 0  # page areas with ink the text layer does not explain, OCR'd
    sampled_lines: int = 0  # lines OCR'd to test the fonts' Unicode
    # page texts as read, not normalised: "pdftotext" (poppler's whole output), "mupdf"; the
    # package's restlekcontrole searches them instead of reading the same bytes again
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        lost = self.coverage is not None and self.coverage < self.min_coverage
        return not self.leaks and not self.problems and not lost

    def summary(self) -> str:
        """One Dutch line for a user; names what failed, never the redacted content itself."""
        if self.ok:
            cov = (
                f", {self.coverage:.1%} van de overige woorden aanwezig"
                if self.coverage is not None
                else ""
            )
            return f"{self.path}: controle geslaagd ({self.pages} pagina's{cov})"
        parts = []
        if self.leaks:
            wheres = sorted({leak.where for leak in self.leaks})
            parts.append(f"{len(self.leaks)} gelakte tekst(en) nog aanwezig in {', '.join(wheres)}")
        parts.extend(self.problems)
        if self.coverage is not None and self.coverage < self.min_coverage:
            parts.append(
                f"niet-gelakte tekst verloren: {self.coverage:.1%} aanwezig "
                f"(minimaal {self.min_coverage:.0%}), o.a. {', '.join(self.missing_words[:5])}"
            )
        return f"{self.path}: LEK — " + "; ".join(parts)


class VerificationFailed(LeakError):
    """The verifier rejected an output; ``report`` says why."""

    def __init__(self, report: VerifyReport) -> None:
        self.report = report
        super().__init__(report.summary())


def normalize(text: str, join_hyphens: bool = True) -> str:
    """Case-, ligature- and layout-insensitive form: NFKC, casefold, hyphenation and breaks gone."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    if join_hyphens:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)  # hyphenated breaks
    return " ".join(text.split()).casefold()


def word_tokens(text: str) -> Counter[str]:
    """Word tokens for the loss check; hyphens are not joined, so both sides split alike."""
    return Counter(re.findall(r"\w+", normalize(text, join_hyphens=False)))


def compact(normalized: str) -> str:
    return _SPACE_DASH.sub("", normalized)


_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*[\r\n\f]+[ \t]*(\w)")
_SPACE_DASH = re.compile(r"[\s\-]+")


def count_occurrences(needle: str, haystack: str) -> int:
    """Occurrences of a normalized needle as a whole word sequence in a normalized haystack.

    Same count as ``len(re.findall(pattern, haystack))``, but the pattern is only tried where a
    word starts with the needle's first characters (an index built once per haystack): a scan
    of the whole text per needle made verification quadratic in the document's length."""
    if not needle:
        return 0
    # Every match holds each space-separated piece of the needle literally (the pattern only
    # lets the whitespace between pieces vary), so a piece missing from the haystack means no
    # match: the usual answer for a redacted string in a clean output, found by a C substring
    # search without building the word index of the haystack.
    if not all(piece in haystack for piece in needle.split(" ")):
        return 0
    pattern = _needle_pattern(needle)
    if not needle[:1].isalnum() and needle[:1] != "_":
        return len(pattern.findall(haystack))  # a needle that opens with a sign: plain scan
    first = re.match(r"\w*", needle)
    head = first.group(0) if first else ""
    index = _word_starts(haystack)
    if len(head) >= _KEY:
        starts = index.get(head[:_KEY].lower(), [])
    else:
        starts = index.get("\x00" + needle[:1].lower(), [])
    count, last = 0, -1
    for pos in starts:
        if pos < last:
            continue
        m = pattern.match(haystack, pos)
        if m:
            count += 1
            last = m.end() if m.end() > pos else pos + 1
    return count


_KEY = 3  # characters of a word's start that index it


@lru_cache(maxsize=4096)
def _needle_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(needle).replace(r"\ ", r"\s*") + r"(?!\w)")


@lru_cache(maxsize=16)
def _word_starts(haystack: str) -> dict[str, list[int]]:
    """Start offsets of the haystack's words, by their first three characters (lower case) and,
    under '\\x00' + first character, by their first character (for needles shorter than three)."""
    index: dict[str, list[int]] = {}
    for m in re.finditer(r"(?<!\w)\w", haystack):
        pos = m.start()
        index.setdefault(haystack[pos : pos + _KEY].lower(), []).append(pos)
        index.setdefault("\x00" + haystack[pos].lower(), []).append(pos)
    return index


def count_compact(needle: str, haystack_compact: str) -> int:
    n = compact(needle)
    return haystack_compact.count(n) if len(n) >= COMPACT_MIN_LEN else 0


def joined_by_extractor(needle: str, hay_compact: str, base_compact: str) -> bool:
    """True when a surplus whole-word match is kept text that an extractor ran together.

    pdftotext drops the space in a short line such as "0 0" and reads "00": when the redacted
    string "00" is then counted as a word, kept text looks like a leak. Without whitespace the
    output holds the needle no more often than the kept original does, so nothing leaked.
    Only used with the original text (``base_compact`` non-empty); strict mode stays strict.
    """
    n = compact(needle)
    return bool(base_compact) and bool(n) and hay_compact.count(n) <= base_compact.count(n)


def redacted_needles(findings: Iterable[Finding], original_text: str | None) -> list[str]:
    """The normalized strings that were redacted, longest first, without duplicates."""
    findings = list(findings)
    out: set[str] = set()
    for f in findings:
        if f.action == "redact":
            out.add(normalize(f.text))
    if original_text is not None:
        for span in redact_spans(findings, len(original_text)):
            out.add(normalize(original_text[span.start : span.end]))
    return sorted((n for n in out if n and any(c.isalnum() for c in n)), key=len, reverse=True)


def baseline_text(original_text: str, findings: Iterable[Finding]) -> str:
    """The original text with each redacted span replaced by a non-word separator."""
    out = original_text
    for span in reversed(redact_spans(findings, len(original_text))):
        out = out[: span.start] + f" {SEPARATOR} " + out[span.end :]
    return out


def kept_tokens(original_text: str, findings: Iterable[Finding]) -> Counter[str]:
    """Word tokens of the original that must survive: whitespace words touching no span.

    A word partly inside a span is redacted whole (see pdf.py), so none of its pieces count.
    """
    spans = redact_spans(findings, len(original_text))
    tokens: Counter[str] = Counter()
    i = 0
    for m in re.finditer(r"\S+", original_text):
        while i < len(spans) and spans[i].end <= m.start():
            i += 1
        if i < len(spans) and spans[i].start < m.end():
            continue
        tokens.update(_word_pieces(m.group()))
    return tokens


@lru_cache(maxsize=65536)
def _word_pieces(word: str) -> tuple[str, ...]:
    """The word tokens of one whitespace word (a pure function: words repeat, read once)."""
    return tuple(re.findall(r"\w+", normalize(word, join_hyphens=False)))


# --- independent extraction -------------------------------------------------------------------


def pdfium_pages(path: str) -> tuple[list[str], list[list[object]]]:
    """Text per page (pdfium) and the image bitmaps per page as PIL images."""
    texts, images, _scans, _boxes_only = pdfium_read(path)
    return texts, images


def pdfium_read(path: str) -> tuple[list[str], list[list[object]], set[int], set[int]]:
    """``pdfium_pages``, the pages that may be scans (``verify_scan.may_be_scan``) and the pages
    with only text and boxes (``inkproof.only_text_and_boxes``), measured while each page is
    loaded anyway: the box-edge check and the residual-ink reading need not load them again."""
    scans: set[int] = set()
    boxes_only: set[int] = set()
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(path, f"pdfium kan de PDF niet lezen: {exc}") from None
    texts: list[str] = []
    images: list[list[object]] = []
    try:
        for number, page in enumerate(pdf):
            if may_be_scan(page):
                scans.add(number)
            try:
                if only_text_and_boxes(page):
                    boxes_only.add(number)
            except Exception:  # noqa: BLE001 - an object pdfium cannot describe: the page is rendered
                pass
            tp = page.get_textpage()
            texts.append(tp.get_text_bounded())
            page_images = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
                try:
                    bitmap = obj.get_bitmap(render=False)
                    img = bitmap.to_pil()
                except Exception:  # an image pdfium cannot decode is also not shown by it
                    continue
                if min(img.size) >= OCR_MIN_SIDE:
                    page_images.append(img)
            images.append(page_images)
            tp.close()
            page.close()
    finally:
        pdf.close()
    return texts, images, scans, boxes_only


def pdftotext_pages(path: str) -> list[str] | None:
    """poppler's text, one entry per page; None when poppler is not installed."""
    exe = shutil.which("pdftotext")
    if not exe:
        return None
    try:
        res = subprocess.run(
            [exe, "-q", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=300, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return res.stdout.decode("utf-8", "replace").split("\f")


def ocr_image(img: object) -> str:
    from wooflow.ingest.tessapi import image_to_string

    return image_to_string(img, OCR_LANG, "--psm 3")


# --- structure: metadata, annotations, attachments, outline, JavaScript ----------------------


def structure_texts(path: str) -> tuple[dict[str, list[str]], list[str]]:
    """Texts outside the page content, by where they live; plus structural problems."""
    where: dict[str, list[str]] = {
        k: [] for k in ("metadata", "xmp", "annotation", "embedded", "outline", "javascript")
    }
    problems: list[str] = []
    pdf = pdfium.PdfDocument(path)
    try:
        where["metadata"].extend(str(v) for v in pdf.get_metadata_dict().values() if v)
        where["outline"].extend(item.get_title() or "" for item in pdf.get_toc())
        n_att = pdf.count_attachments()
        for i in range(n_att):
            att = pdf.get_attachment(i)
            where["embedded"].append(att.get_name())
            try:
                where["embedded"].append(bytes(att.get_data()).decode("utf-8", "replace"))
            except Exception:
                pass
        if n_att:
            problems.append(f"{n_att} ingesloten bestand(en)")
    finally:
        pdf.close()
    doc = pymupdf.open(path)
    try:
        where["xmp"].append(doc.get_xml_metadata() or "")
        n_annots = 0
        for page in pages(doc):
            for annot in page.annots():
                n_annots += 1
                info = annot.info
                where["annotation"].extend(
                    [info.get("content", ""), info.get("title", ""), info.get("subject", "")]
                )
            for widget in page.widgets():
                n_annots += 1
                where["annotation"].extend([str(widget.field_value or ""), widget.field_name or ""])
            for link in page.get_links():
                where["annotation"].append(
                    str(link.get("uri") or "") + " " + str(link.get("file") or "")
                )
        if n_annots:
            problems.append(f"{n_annots} annotatie(s) of formulierveld(en)")
        if doc.version_count > 1:
            problems.append(
                f"{doc.version_count - 1} incrementele update(s): oude versies nog in het bestand"
            )
        for xref in range(1, doc.xref_length()):
            try:
                obj = doc.xref_object(xref, compressed=True)
            except Exception:
                continue
            if ("/JS" in obj or "/JavaScript" in obj) and _has_javascript(doc, xref):
                where["javascript"].append(obj)
                problems.append(f"JavaScript in object {xref}")
            if "/PieceInfo" in obj and doc.xref_get_key(xref, "PieceInfo")[0] != "null":
                problems.append(f"private applicatiegegevens (PieceInfo) in object {xref}")
            if doc.xref_get_key(xref, "Type")[1] == "/Metadata" and doc.xref_is_stream(xref):
                where["xmp"].append((doc.xref_stream(xref) or b"").decode("utf-8", "replace"))
    finally:
        doc.close()
    return where, problems


def _has_javascript(doc: pymupdf.Document, xref: int) -> bool:
    """A live script: a /JS entry, a JavaScript action, or the document's JavaScript name tree."""
    try:
        return (
            doc.xref_get_key(xref, "JS")[0] != "null"
            or doc.xref_get_key(xref, "S")[1] == "/JavaScript"
            or doc.xref_get_key(xref, "Names/JavaScript")[0] != "null"
            or "JavaScript" in doc.xref_get_key(xref, "OpenAction")[1]
        )
    except Exception:
        return True  # unreadable but mentions JavaScript: report it


# --- the verifier ------------------------------------------------------------------------------


def verify_pdf(
    path: str | os.PathLike[str],
    findings: Iterable[Finding],
    original_text: str | None = None,
    *,
    ocr: bool = True,
    raise_on_failure: bool = True,
    names: Iterable[str] = (),
    deep: bool = True,
) -> VerifyReport:
    """Check a redacted PDF; raise ``VerificationFailed`` (a LeakError) when it is not clean.

    ``names``: further person names (e.g. the accepted persons of a case) that must not occur.
    ``deep``: also read every object, text outside the page box, MuPDF's text, the allow-list
    and (with ``ocr``) what the rendered pages show (verify_deep.py).
    """
    path = os.fspath(path)
    if not Path(path).is_file():
        raise CorruptDocument(path, "bestand bestaat niet")
    findings = list(findings)
    report = VerifyReport(path)
    needles = redacted_needles(findings, original_text)
    base = normalize(baseline_text(original_text, findings)) if original_text is not None else ""
    base_compact = compact(base)

    texts, images, scans, boxes_only = pdfium_read(path)
    report.pages = len(texts)
    report.extractors.append("pdfium")
    sources: dict[str, str] = {"text": normalize("\n".join(texts))}
    # with ``deep``, one pdftotext run also reads the wide copy (poppler.py); else the old way
    both = pages_and_outside(path) if deep else None
    poppler = both[0] if both is not None else pdftotext_pages(path)
    if poppler is not None:
        report.extractors.append("pdftotext")
        sources["pdftotext"] = normalize("\n".join(poppler))
        report.texts["pdftotext"] = "\f".join(poppler)
    ocr_texts: list[str] = []
    if ocr:
        seen: set[str] = set()
        for page_images in images:
            for img in page_images:
                digest = hashlib.sha256(img.tobytes()).hexdigest()  # type: ignore[attr-defined]
                if digest in seen:
                    continue
                seen.add(digest)
                ocr_texts.append(ocr_image(img))
                report.ocr_images += 1
        if report.ocr_images:
            report.extractors.append("tesseract")
            sources["ocr"] = normalize("\n".join(ocr_texts))

    for where, hay in sources.items():
        hay_compact = compact(hay)
        for needle in needles:
            found = count_occurrences(needle, hay)
            allowed = count_occurrences(needle, base)
            if found > allowed and joined_by_extractor(needle, hay_compact, base_compact):
                continue
            if found <= allowed:
                found = count_compact(needle, hay_compact)
                allowed = count_compact(needle, base_compact)
            if found > allowed:
                report.leaks.append(Leak(where, needle, found, allowed))

    if deep:
        reading = read_deep(path, ocr=ocr, outside=both[1] if both is not None else None, boxes_only=boxes_only)
        report.problems.extend(reading.problems)
        report.page_ocr, report.residual_ocr = reading.ocr_pages, reading.residual_ocr
        report.sampled_lines = reading.sampled_lines
        for where, text in reading.sources.items():
            sources[where] = normalize(text)
        if "mupdf" in reading.sources:
            report.texts["mupdf"] = reading.sources["mupdf"]
        report.extractors.extend(w for w in ("mupdf", "objecten") if w in reading.sources)
        if reading.ocr_pages or reading.residual_ocr or reading.sampled_lines:
            report.extractors.append("tesseract-pagina")
        ocr_texts.extend(reading.page_ocr_texts)
        if reading.ocr_pages:
            report.problems.append(
                f"{reading.ocr_pages} pagina('s) met lettertypen waarvan de tekstlaag niet "
                "overeenkomt met wat er te zien is"
            )
        forms = name_forms(findings, names)
        report.name_forms = forms
        kept = normalize(" ".join(f.text for f in findings if f.action == "keep"))
        for where, hay in sources.items():
            for form in forms:
                found, allowed = count_occurrences(form, hay), count_occurrences(form, kept)
                if found > allowed:
                    report.leaks.append(Leak(where, form, found, allowed))

    if ocr:
        _check_edges(path, findings, original_text, needles, report, scans)

    structure, problems = structure_texts(path)
    report.problems.extend(problems)
    for where, values in structure.items():
        hay = normalize("\n".join(values))
        for needle in needles:
            found = count_occurrences(needle, hay)
            if found:
                report.leaks.append(Leak(where, needle, found, 0))

    if original_text is not None:
        want = kept_tokens(original_text, findings)
        have = word_tokens("\n".join(texts))
        if ocr_texts:
            have |= word_tokens("\n".join(ocr_texts))
            report.min_coverage = MIN_COVERAGE_OCR
        total = sum(want.values())
        missing = {t: n - have[t] for t, n in want.items() if have[t] < n}
        if ocr_texts and missing:
            missing = _fuzzy_present(missing, have)
        report.coverage = 1.0 - sum(missing.values()) / total if total else 1.0
        report.missing_words = sorted(missing, key=lambda t: -missing[t])[:50]

    if raise_on_failure and not report.ok:
        raise VerificationFailed(report)
    return report


def _fuzzy_present(missing: dict[str, int], have: Counter[str]) -> dict[str, int]:
    """Missing words that OCR read with one wrong, missing or extra character count as there."""
    from rapidfuzz.distance import Levenshtein

    spare = Counter(have)
    for token in missing:
        spare[token] = 0  # all of it is already counted against its own want
    out: dict[str, int] = {}
    pool = [t for t in spare if len(t) >= OCR_FUZZY_MIN_LEN - 1]
    for token, n in missing.items():
        if len(token) >= OCR_FUZZY_MIN_LEN:
            for cand in pool:
                if n and abs(len(cand) - len(token)) <= 1 and spare[cand] > 0:
                    if Levenshtein.distance(token, cand, score_cutoff=1) <= 1:
                        take = min(n, spare[cand])
                        n -= take
                        spare[cand] -= take
        if n:
            out[token] = n
    return out


def _check_edges(
    path: str,
    findings: Sequence[Finding],
    original_text: str | None,
    needles: Sequence[str],
    report: VerifyReport,
    scans: set[int] | None = None,
) -> None:
    """Glyphs a box on a scanned page missed or cut (see verify_scan.py). ``scans``: the only
    pages that may be scans (``pdfium_read``); none: nothing to check."""
    if scans is not None and not scans:
        return  # what check_scan_boxes finds on a file without a page that may be a scan
    if original_text is not None:
        spans = redact_spans(findings, len(original_text))
        contexts = span_contexts(original_text, [(s.start, s.end) for s in spans])
        baselines: list[str] | None = baseline_text(original_text, findings).split("\f")
    else:
        contexts, baselines = needle_contexts(needles), None
    leaks, report.edge_boxes = check_scan_boxes(path, contexts, baselines, scans)
    seen: set[tuple[str, int, str]] = set()
    for leak in leaks:
        if (leak.where, leak.page, leak.needle) not in seen:
            seen.add((leak.where, leak.page, leak.needle))
            report.leaks.append(Leak(leak.where, leak.needle, 1, 0))
    if report.edge_boxes and "tesseract" not in report.extractors:
        report.extractors.append("tesseract")


def verify_many(items: Sequence[tuple[str, Sequence[Finding], str | None]]) -> list[VerifyReport]:
    """Verify several outputs; convenience for the CLI and the benchmark."""
    return [verify_pdf(p, f, t) for p, f, t in items]


def verify_text(
    output: str,
    findings: Iterable[Finding],
    original_text: str | None,
    path: str = "",
    *,
    raise_on_failure: bool = True,
) -> VerifyReport:
    """The same leak and loss checks for a redacted text file (no extractor needed)."""
    findings = list(findings)
    report = VerifyReport(path or "<tekst>", pages=1, extractors=["text"])
    needles = redacted_needles(findings, original_text)
    base = normalize(baseline_text(original_text, findings)) if original_text is not None else ""
    hay = normalize(output)
    for needle in needles:
        found, allowed = count_occurrences(needle, hay), count_occurrences(needle, base)
        if found <= allowed:
            found, allowed = (
                count_compact(needle, compact(hay)),
                count_compact(needle, compact(base)),
            )
        if found > allowed:
            report.leaks.append(Leak("text", needle, found, allowed))
    if original_text is not None:
        want = kept_tokens(original_text, findings)
        have = word_tokens(output)
        total = sum(want.values())
        missing = {t: n - have[t] for t, n in want.items() if have[t] < n}
        report.coverage = 1.0 - sum(missing.values()) / total if total else 1.0
        report.missing_words = sorted(missing, key=lambda t: -missing[t])[:50]
    if raise_on_failure and not report.ok:
        raise VerificationFailed(report)
    return report
