"""A redacted person never reaches a published name, and the restlekcontrole stops a package
that still holds one (planted in a file name, an e-mail subject, a docx property, an inventory
cell)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from wooflow.case.publish import decision, inventory, source
from wooflow.case.publish import process as process_mod
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.leakcheck import REPORT, check_package
from wooflow.case.publish.names import build_needles, make_scrubber
from wooflow.case.publish.package import MANIFEST, ZIP_NAME

NOTE = """Verslag gesprek subsidieaanvraag

Op 12 maart 2024 sprak de afdeling met de heer Jan Jansen over de subsidieaanvraag voor het
buurthuis. De heer Jansen lichtte de begroting toe. Hij is bereikbaar via j.jansen@example.nl.
Minister Kuipers is over de uitkomst geïnformeerd.
"""

MAIL = """From: Jan Jansen <j.jansen@example.nl>
To: Afdeling Subsidies <subsidies@minvws.nl>
Subject: Afspraak Jan Jansen over de subsidie
Date: Tue, 12 Mar 2024 10:00:00 +0100
Message-ID: <afspraak-1@example.nl>
Content-Type: text/plain; charset=utf-8

Beste collega,

Graag maak ik een afspraak over de subsidieaanvraag van het buurthuis.

Met vriendelijke groet,
Jan Jansen
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lek") / "in"
    folder.mkdir()
    (folder / "verslag gesprek Jansen.txt").write_text(NOTE, encoding="utf-8")
    (folder / "afspraak.eml").write_text(MAIL, encoding="utf-8")
    return folder


CFG = ProcessConfig(case_number="WOO-LEK-1", request="Stukken over de subsidie voor het buurthuis.")


def _run(inputs: Path, base: Path, name: str):
    out = base / name
    return out, process_mod.process([inputs], out, CFG, case_dir=base / "zaak")


@pytest.fixture(scope="module")
def clean(inputs, tmp_path_factory):
    base = tmp_path_factory.mktemp("lekrun")
    out, summary = _run(inputs, base, "schoon")
    return base, out, summary


def _everything(out: Path) -> dict[str, bytes]:
    """Every published byte by where it is: file names, zip names, each file, each xml part."""
    parts: dict[str, bytes] = {"<namen>": "\n".join(p.name for p in out.iterdir()).encode()}
    for p in out.iterdir():
        parts[p.name] = p.read_bytes()
        if p.suffix in (".docx", ".xlsx", ".zip"):
            with zipfile.ZipFile(p) as zf:
                parts[f"{p.name}:<namen>"] = "\n".join(zf.namelist()).encode()
                if p.suffix != ".zip":
                    for n in zf.namelist():
                        parts[f"{p.name}:{n}"] = zf.read(n)
    return parts


def test_surname_never_in_a_published_name(clean):
    _, out, summary = clean
    assert summary.exit_code == 0 and not summary.residual, summary.residual
    names = [p.name for p in out.iterdir()]
    assert any("verslag gesprek 5.1.2e" in n for n in names), names
    for where, data in _everything(out).items():
        if where.endswith(".pdf"):
            continue  # compressed streams: the restlekcontrole reads their text
        assert b"Jansen" not in data and b"j.jansen" not in data, where
    report = (out / REPORT).read_text(encoding="utf-8")
    assert "GEEN gelakte gegevens gevonden" in report and "Jansen" not in report
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["restlekcontrole"]["zoektermen"] >= 4 and not manifest["restlekcontrole"]["geblokkeerd"]
    assert (out / ZIP_NAME).is_file()


def test_minister_stays_and_is_no_leak(clean):
    _, out, _ = clean
    import pymupdf

    pdf = next(out.glob("*verslag gesprek*.pdf"))
    with pymupdf.open(pdf) as doc:
        text = " ".join(page.get_text() for page in doc)
    assert "Kuipers" in text and "Jansen" not in text


def _assert_blocked(out: Path, summary, where: str) -> None:
    assert summary.exit_code == 5
    assert summary.residual and any(where in line for line in summary.residual), summary.residual
    assert not (out / ZIP_NAME).exists() and not (out / where).exists()  # what leaks is removed
    report = (out / REPORT).read_text(encoding="utf-8")
    assert "GELAKTE GEGEVENS GEVONDEN" in report and where in report
    assert "Jan Jansen" not in report  # the report names owner and form, never the term
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["restlekcontrole"]["geblokkeerd"]


def test_planted_in_file_name_blocks(clean, inputs, monkeypatch):
    base, _, _ = clean
    real = inventory.published_file_name
    monkeypatch.setattr(inventory, "published_file_name", lambda i, n: real(i, n)[:-4] + " J. Jansen.pdf")
    out, summary = _run(inputs, base, "bestandsnaam")
    leaked = [line for line in summary.residual if "J. Jansen.pdf" in line]
    assert leaked and not any("Jansen" in p.name for p in out.iterdir())
    _assert_blocked(out, summary, leaked[0].split(": ")[1])


def test_planted_in_email_subject_blocks(clean, inputs, monkeypatch):
    base, _, _ = clean
    # a scrubber that misses names: the e-mail's subject reaches its DiWoo title
    monkeypatch.setattr(source, "make_scrubber", lambda needles: lambda s: s)
    out, summary = _run(inputs, base, "onderwerp")
    _assert_blocked(out, summary, "0001 - afspraak.xml")  # officieleTitel: the subject


def test_planted_in_docx_property_blocks(clean, inputs, monkeypatch):
    import io

    import docx

    base, _, _ = clean
    real = decision.write_docx

    def with_author(md, rows, case, fh):
        made = io.BytesIO()
        real(md, rows, case, made)
        d = docx.Document(io.BytesIO(made.getvalue()))
        d.core_properties.author = "Jan Jansen"
        d.save(fh)

    monkeypatch.setattr(decision, "write_docx", with_author)
    out, summary = _run(inputs, base, "docx")
    _assert_blocked(out, summary, "besluit.docx")
    assert "docProps/core.xml" in (out / REPORT).read_text(encoding="utf-8")


def test_planted_in_inventory_cell_blocks(clean, inputs, monkeypatch):
    from dataclasses import replace

    base, _, _ = clean
    real = inventory.build_rows

    def planted(*args, **kwargs):
        rows = real(*args, **kwargs)
        return [replace(rows[0], explanation="besproken met J.Jansen"), *rows[1:]]

    monkeypatch.setattr(inventory, "build_rows", planted)
    out, summary = _run(inputs, base, "cel")
    for name in ("inventaris.csv", "inventaris.xlsx", "inventaris.pdf"):
        _assert_blocked(out, summary, name)


def test_checker_forms_and_public_role(tmp_path):
    needles = build_needles([("5.1.2e", ["de heer Jan Jansen", "j.jansen@example.nl"])],
                            [("NL91 ABNA 0417 1643 00", "iban", "5.1.2e")], set())  # fmt: skip
    scrub = make_scrubber(needles)
    assert scrub("verslag gesprek Jansen.txt") == "verslag gesprek 5.1.2e.txt"
    assert scrub("RE: afspraak J.Jansen") == "RE: afspraak 5.1.2e"
    assert scrub("Jansenstraat 4") == "Jansenstraat 4"
    (tmp_path / "a.txt").write_text("minister Jansen sprak; rekening nl91abna0417164300", encoding="utf-8")
    (tmp_path / "b.txt").write_text("De heer Jansen en jan  jansen", encoding="utf-8")
    report = check_package(tmp_path, ["a.txt", "b.txt"], needles)
    assert {(h.file, h.needle.kind, h.excused) for h in report.hits} == {
        ("a.txt", "achternaam", True), ("a.txt", "iban", False),
        ("b.txt", "achternaam", False), ("b.txt", "volledige naam", False),
    }  # fmt: skip
    # a public namesake keeps the bare surname out of the needles
    assert all(n.kind != "achternaam" for n in build_needles([("5.1.2e", ["Jan Jansen"])], [], {"jansen"}))


def _pdf(path: Path, text: str, title: str = "") -> None:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text, fontname="helv")
    if title:
        doc.set_metadata({"title": title})
    doc.save(path)
    doc.close()


def test_a_surname_of_particles_only_is_no_needle():
    """'den' of a garbled 'W. Vanderlin den' would hit every 'Den Haag' and block the package."""
    needles = build_needles([("5.1.2e", ["W. Vanderlin den"])], [], set())
    assert [n.text for n in needles if n.kind == "achternaam"] == []
    assert any(n.text == "W. Vanderlin den" for n in needles)
    assert [n.text for n in build_needles([("5.1.2e", ["Jan van den Berg"])], [], set())
            if n.kind == "achternaam"] == ["van den Berg"]


def test_worker_content_check_used_only_for_the_same_bytes(tmp_path):
    """A content check made where the PDF was written (with the verifier's texts) is what the
    package stage reads itself; once the file's bytes change, the file is read again."""
    from wooflow.case.publish.leakcheck import Checker, ReadTexts, check_content
    from wooflow.redact.verify import verify_pdf

    needles = build_needles([("5.1.2e", ["Jan Jansen"])], [], set())
    checker = Checker(needles)
    _pdf(tmp_path / "schoon.pdf", "Verslag van het overleg over de begroting.")
    _pdf(tmp_path / "lek.pdf", "Verslag van het overleg met Jan Jansen.", title="Gesprek Jansen")
    for name in ("schoon.pdf", "lek.pdf"):
        verified = verify_pdf(tmp_path / name, [], ocr=False, raise_on_failure=False)
        read = ReadTexts(verified.texts.get("mupdf"), verified.texts.get("pdftotext"))
        assert read.mupdf is not None
        assert check_content(checker, tmp_path / name, name, read) == check_content(checker, tmp_path / name, name)
    clean = check_content(checker, tmp_path / "schoon.pdf", "doc.pdf")
    assert clean.hits == ()
    (tmp_path / "doc.pdf").write_bytes((tmp_path / "schoon.pdf").read_bytes())
    report = check_package(tmp_path, ["doc.pdf"], needles, {"doc.pdf": clean})
    assert report.clean and report.checked == [("doc.pdf", "tekst en metadata (pdf)")]
    # the same file name now holds other bytes: the stale clean check must not hide the leak
    (tmp_path / "doc.pdf").write_bytes((tmp_path / "lek.pdf").read_bytes())
    report = check_package(tmp_path, ["doc.pdf"], needles, {"doc.pdf": clean})
    assert not report.clean
    assert {h.where for h in report.leaks} >= {"pdf-tekst", "pdf-metadata"}


def test_package_uses_the_workers_checks_and_reports_the_same(inputs, tmp_path, monkeypatch):
    """process: the package stage reads no published document PDF again (the worker searched
    it with the verifier's texts), and its report is the one it writes reading every file."""
    from wooflow.case.publish import leakcheck, redactjob

    calls: list[bool] = []
    real = leakcheck._pdf_texts

    def counted(data: bytes, read: leakcheck.ReadTexts | None = None) -> list[tuple[str, str]]:
        calls.append(read is not None)
        return real(data, read)

    monkeypatch.setattr(leakcheck, "_pdf_texts", counted)
    cfg = ProcessConfig(case_number=CFG.case_number, request=CFG.request, workers=1)  # calls seen here
    out = tmp_path / "met"
    summary = process_mod.process([inputs], out, cfg, case_dir=tmp_path / "zaak")
    documents = [p for p in out.glob("*.pdf") if p.name not in ("besluit.pdf", "inventaris.pdf")]
    assert summary.published == len(documents) >= 2
    assert calls.count(True) == len(documents)  # in the worker, with the verifier's texts
    assert calls.count(False) == 2  # besluit.pdf and inventaris.pdf, read by the package stage
    calls.clear()
    monkeypatch.setattr(redactjob, "_content_check", lambda *args: None)
    out2 = tmp_path / "zonder"
    process_mod.process([inputs], out2, cfg, case_dir=tmp_path / "zaak2")
    assert calls.count(True) == 0 and calls.count(False) == len(documents) + 2
    assert (out / REPORT).read_text(encoding="utf-8") == (out2 / REPORT).read_text(encoding="utf-8")


def test_number_needles_found_alike_by_substring_and_by_window(monkeypatch):
    """Few number needles are found by a substring search per prefix, many by a window over
    the text: the same candidates either way."""
    import random

    from wooflow.case.publish import names

    rnd = random.Random(3)
    numbers = [("".join(rnd.choice("0123456789") for _ in range(rnd.randint(4, 11))), "telefoonnummer", "5.1.2e")
               for _ in range(40)] + [("NL91 ABNA 0417 1643 00", "iban", "5.1.2e")]  # fmt: skip
    index = names.NeedleIndex(build_needles([("5.1.2e", ["Jan Jansen"])], numbers, set()))
    def text() -> str:
        pieces = [rnd.choice(numbers)[0][: rnd.randint(3, 12)], "bel", "06-", "nl91abna"]
        return " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))

    texts = [text() for _ in range(40)] + ["rekening NL91 ABNA 0417 1643 00 van Jan Jansen"]
    small = [index.candidates(t) for t in texts]
    monkeypatch.setattr(names, "SUBSTRING_PREFIXES", 0)
    assert [index.candidates(t) for t in texts] == small
    assert any(small) and not all(small)


def test_number_needles_found_alike_at_digit_windows_and_at_every_position(monkeypatch):
    """Many number needles whose prefixes all hold a digit are looked up only at the windows
    of a text that hold one (issue 15p): the same candidates as a lookup at every position and
    as a substring search per prefix, Unicode digits and letters-only windows included."""
    import random

    from wooflow.case.publish import names

    rnd = random.Random(15)
    digits = "0123456789" * 3 + "٠١٢٣٤٥٦٧٨٩" + "௧௨"  # Arabic-Indic and Tamil digits count as \d
    alnum = digits + "abcdefghijklmnopqrstuvwxyz"
    numbers = [("".join(rnd.choice(digits) for _ in range(rnd.randint(4, 11))), "phone", "5.1.2e")
               for _ in range(500)]  # fmt: skip
    numbers += [("NL91 ABNA 0417 1643 00", "iban", "5.1.2e"), ("1234 AB", "postcode", "5.1.2e"),
                ("XB-12-ZZ", "plate", "5.1.2e"), ("abcd1e-77", "plate", "5.1.2e"),
                ("ABCDE-1X", "plate", "5.1.2e")]  # fmt: skip
    index = names.NeedleIndex(build_needles([("5.1.2e", ["Jan Jansen"])], numbers, set()))
    assert len(index._prefixes) > names.SUBSTRING_PREFIXES and index._digit_prefixes

    def text() -> str:
        pieces = [rnd.choice(numbers)[0][: rnd.randint(2, 14)], "bel", "06-", "nl91abna", "xb12", "abcd1e",
                  "abcde1x", "abcde-1", "".join(rnd.choice(alnum) for _ in range(rnd.randint(1, 12))), "Jan", "-", ".",
                  "/", "\n"]  # fmt: skip
        return rnd.choice(["", " "]).join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60)))

    texts = [text() for _ in range(400)] + ["", "12345", "abcdef", "rekening NL91 ABNA 0417 1643 00 van Jan Jansen"]
    windows = [index.candidates(t) for t in texts]
    monkeypatch.setattr(index, "_digit_prefixes", False)
    assert [index.candidates(t) for t in texts] == windows  # a lookup at every position
    monkeypatch.setattr(names, "SUBSTRING_PREFIXES", 10_000)
    assert [index.candidates(t) for t in texts] == windows  # a substring search per prefix
    assert sum(map(bool, windows)) > 100 and not all(windows)


def test_a_number_prefix_without_a_digit_is_looked_up_at_every_position():
    from wooflow.case.publish import names

    numbers = [(f"{n:09d}", "bsn", "5.1.2e") for n in range(100_000_000, 100_000_000 + 300 * 7919, 7919)]
    index = names.NeedleIndex(build_needles([], [*numbers, ("ABCDEF-GH", "plate", "5.1.2e")], set()))
    assert len(index._prefixes) > names.SUBSTRING_PREFIXES and not index._digit_prefixes
    found = index.candidates("kenteken abcdef-gh gezien")
    assert [index.needles[i].text for i in found] == ["ABCDEF-GH"]


def test_the_restlekcontrole_finds_a_number_among_many_number_needles(tmp_path):
    """With hundreds of number needles (digit windows) a BSN left in a published file's text
    is still a hit, written with or without separators."""
    from wooflow.case.publish import leakcheck

    numbers = [(f"06-{n:08d}", "phone", "5.1.2e") for n in range(10_000_000, 10_000_000 + 400 * 7919, 7919)]
    needles = build_needles([("5.1.2e", ["Jan Jansen"])], [*numbers, ("123456782", "bsn", "5.1.2e")], set())
    checker = leakcheck.Checker(needles)
    assert checker.index._digit_prefixes and len(checker.index._prefixes) > 256
    for text in ("Het BSN 123456782 staat hier.", "BSN: 1234.56.782", "bsn 123 456 782", "tel. 06 1000 7919."):
        hits = checker.search(text, "0001.pdf", "pdftotext")
        assert hits and all(h.needle.kind in ("bsn", "phone") for h in hits), text
    assert not checker.search("BSN 123456789 en 06-1000791", "0001.pdf", "pdftotext")
    (tmp_path / "0001.txt").write_text("Bel Jan op 06-10007919 of mail.", encoding="utf-8")
    report = check_package(tmp_path, ["0001.txt"], needles)
    assert not report.clean and {h.needle.text for h in report.leaks} >= {"06-10007919"}
