"""Every inventory wooflow writes imports into (a port of) the VWS Woo platform with 0 problems."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import vws_reader as vws

from wooflow.case.publish.config import ProcessConfig, load_config
from wooflow.case.publish.inventory import COLUMNS, Numbering, build_rows, to_csv, to_xlsx
from wooflow.case.publish.process import process

ROOT = Path(__file__).resolve().parents[3]
MIXED = ROOT / "tests" / "resources" / "publish" / "mixed"


# -- the port itself can fail ---------------------------------------------------------------------


def _csv(tmp_path: Path, header: list[str], *rows: list[str], bom: bool = False) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path = tmp_path / "p.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + buf.getvalue().encode())
    return path


HEADER = ["ID", "Matter", "Document", "Beoordeling", "Beoordelingsgrond", "File type", "Family ID"]


def test_port_header_rules(tmp_path):
    assert vws.normalise_header("  Beoordeling ") == "beoordeling"
    assert vws.normalise_header("12 Document") == "document"  # leading digits dropped
    assert vws.normalise_header("Ë") == "Ë"  # strtolower is ASCII only
    old = ["Documentnummer", "Documentnaam", "Beoordeling", "Weigeringsgronden"]  # wooflow before
    assert vws.import_inventory(_csv(tmp_path, old, ["0001", "a", "openbaar", ""])).problems == [
        "missing headers: document, ground, id"
    ]
    # PHP's fgetcsv keeps a BOM: "\ufeffID" is not "id"
    bom = vws.import_inventory(_csv(tmp_path, HEADER, ["0001", "W-1", "a", "openbaar", "", "pdf", ""], bom=True))
    assert bom.problems == ["missing headers: id"]
    alias = ["Nr.", "Omschrijving", "Openbaarmaking", "Grond", "ID"]  # "nr." is an alias of Document
    ok = vws.import_inventory(_csv(tmp_path, alias, ["x", "y", "openbaar", "", "0001"]))
    assert ok.problems == [] and ok.rows[0].document == "x"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["0001", "W-1", "a", "dubbel", "", "pdf", ""], "beoordeling 'dubbel' wordt 'niet openbaar'"),
        (["0001", "W-1", "a", "openbaar", "", "eml", ""], "bestandstype 'eml' onbekend"),
        (["0001", "W-1", "a", "niet openbaar", "5.1.9", "pdf", ""], "grond '5.1.9' niet in de Woo-lijst"),
        (["00 01", "W-1", "a", "openbaar", "", "pdf", ""], "ongeldig ID"),
        (["0001", "W/1", "a", "openbaar", "", "pdf", ""], "ongeldige matter"),
        (["0001", "W-1", "a", "openbaar", "", "pdf", "0"], "ongeldig family"),
        (["0001", "W-1", "a", "openbaar", "", "pdf", "7"], "family id 7 noemt geen document"),
    ],
)
def test_port_row_rules(tmp_path, row, problem):
    result = vws.import_inventory(_csv(tmp_path, HEADER, row))
    assert any(problem in p for p in result.problems), result.problems


def test_port_grounds_and_file_matching():
    assert vws.separate_values("5.1.1.c; 5.1.2e;") == ["5.1.1.c", "5.1.2e"]
    row = vws.Row(1, "0012", "d", "public", [], "m", None, None, "pdf", None, False, [], None, [], [])
    names = ["0012 - nota.pdf", "12 - nota.pdf", "nota 0012.pdf", "0012-bijlage.pdf"]
    assert vws.match_files([row], names) == {"0012 - nota.pdf": "0012"}
    assert vws.match_files([row], names, strict=True) == {"0012 - nota.pdf": "0012", "0012-bijlage.pdf": "0012"}


# -- what wooflow writes -------------------------------------------------------------------------


def _check_package(out: Path) -> tuple[list[vws.Row], list[str]]:
    """Import both inventory files and the published PDFs as the platform would."""
    problems: list[str] = []
    imported = {}
    for name in ("inventaris.csv", "inventaris.xlsx"):
        result = vws.import_inventory(out / name)
        problems += [f"{name}: {p}" for p in result.problems]
        imported[name] = result.rows
    rows = imported["inventaris.csv"]
    assert [(r.id, r.judgement, r.grounds, r.family, r.date) for r in rows] == [
        (r.id, r.judgement, r.grounds, r.family, r.date) for r in imported["inventaris.xlsx"]
    ]
    pdfs = sorted(p.name for p in out.glob("*.pdf") if p.name not in ("besluit.pdf", "inventaris.pdf"))
    for strict in (False, True):
        matched = vws.match_files(rows, pdfs, strict=strict)
        problems += [f"{p}: geen rij" for p in pdfs if p not in matched]
        public = {r.id for r in rows if r.judgement in ("public", "partial_public")}
        problems += [f"rij {i}: geen bestand" for i in sorted(public - set(matched.values()))]
        problems += [f"{p}: rij {i} is niet openbaar" for p, i in matched.items() if i not in public]
    return rows, problems


@pytest.fixture(scope="module")
def examples_package(tmp_path_factory):
    out = tmp_path_factory.mktemp("vws") / "out"
    cfg = load_config(ROOT / "examples" / "woo-verzoek.toml")
    process([ROOT / "examples" / "documents"], out, cfg)
    return out


@pytest.fixture(scope="module")
def mixed_package(tmp_path_factory):
    base = tmp_path_factory.mktemp("vwsmixed")
    shutil.copytree(MIXED, base / "in")
    out = base / "pakket"
    cfg = ProcessConfig(case_number="WOO 2024/17", request="Stukken over de verkiezingsuitslag.")
    process([base / "in"], out, cfg)
    return out


def test_examples_package_imports_with_no_problems(examples_package):
    rows, problems = _check_package(examples_package)
    assert problems == []
    assert len(rows) == 11 and {r.matter for r in rows} == {"WOO-2024-0042"}
    dubbel = [r for r in rows if r.grounds == ["dubbel"]]
    assert len(dubbel) == 2 and all(r.judgement == "not_public" and r.refers_to for r in dubbel)
    assert all(r.date is not None for r in rows if r.remark is None or "Niet ingelezen" not in r.remark)


def test_mixed_package_imports_with_no_problems(mixed_package):
    rows, problems = _check_package(mixed_package)
    assert problems == []
    # a case number with a slash and a space becomes a valid Matter and Zaaknummer
    assert {r.matter for r in rows} == {"WOO-2024-17"}
    assert {tuple(r.inquiry_numbers) for r in rows} == {("WOO 2024-17",)}
    types = {r.source_type for r in rows}
    assert "unknown" not in types and {"email", "pdf", "doc"} <= types
    families = [r for r in rows if r.family is not None]
    assert families and all(any(vws.php_intval(o.id) == r.family for o in rows) for r in families)


def test_every_judgement_and_edge_imports(tmp_path, records, case_meta):
    """Writer-level: every judgement, a reeds-openbaar link, a bad link, a long name, a
    reviewer's remark that starts with a URL, an unreadable input."""
    from dataclasses import replace

    extra = [
        replace(records[2], key="in/reeds.pdf", name="reeds.pdf", judgement="reeds openbaar",
                public_link="https://open.overheid.nl/documenten/abc"),
        replace(records[2], key="in/link.pdf", name="link.pdf", judgement="reeds openbaar",
                public_link="zie website"),
        replace(records[2], key="in/lang.txt", name="é" * 400 + ".txt", judgement="openbaar"),
        replace(records[2], key="in/url.txt", name="url.txt", judgement="niet openbaar",
                grounds=("5.1.2e",), explanation="https://example.org staat al online"),
        replace(records[2], key="niet-ingelezen:in/kapot.pdf", name="kapot.pdf", judgement="niet openbaar",
                unreadable="het bestand is beschadigd"),
    ]  # fmt: skip
    recs = records + extra
    rows = build_rows(recs, Numbering(tmp_path).assign(recs), case_meta)
    for name, data in (("i.csv", to_csv(rows)), ("i.xlsx", to_xlsx(rows))):
        (tmp_path / name).write_bytes(data)
        result = vws.import_inventory(tmp_path / name)
        assert result.problems == [], result.problems
        assert len(result.rows) == len(rows) and {r.judgement for r in result.rows} == set(vws.JUDGEMENTS.values())
        by_doc = {r.document: r for r in result.rows}
        assert by_doc["reeds.pdf"].links == ["https://open.overheid.nl/documenten/abc"]
        assert by_doc["link.pdf"].links == [] and "zie website" in (by_doc["link.pdf"].remark or "")
    assert [h for _, h, _ in COLUMNS][:2] == ["ID", "Matter"]
