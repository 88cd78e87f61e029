"""`wooflow import`: a case started from a ZyLAB/VWS-style productierapport keeps its IDs,
family and thread IDs and judgements, and its package imports into the platform again."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
import vws_reader as vws

from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.process import process
from wooflow.case.publish.productierapport import import_report, read_report
from wooflow.exceptions import ConfigError

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"
HEADER = ["ID", "Matter", "Family ID", "Email Thread ID", "Document", "File type", "Datum", "Beoordeling",
          "Beoordelingsgrond", "Opgeschort", "Toelichting", "Publieke link", "Gerelateerd ID"]  # fmt: skip
ROWS = [
    ["981451", "134-123xyz", "981451", "981451", "RE: conceptnota", "email", "2024-03-13", "Deels openbaar",
     "5.1.2e", "", "", "", ""],
    ["981452", "134-123xyz", "981451", "", "nota kamervragen.txt", "doc", "2024-02-07", "Openbaar", "", "", "", "", ""],
    ["981453", "134-123xyz", "", "", "intern memo.docx", "doc", "2024-01-05", "Niet openbaar", "5.1.2i; 5.2", "",
     "persoonlijke beleidsopvattingen", "", ""],
    ["981454", "134-123xyz", "", "", "nota kopie.txt", "doc", "2024-02-07", "Niet openbaar", "dubbel", "", "", "",
     "981452"],
    ["981455", "134-123xyz", "", "", "Kamerbrief.pdf", "pdf", "2024-01-10", "Reeds openbaar", "", "", "",
     "https://open.overheid.nl/documenten/abc", ""],
]  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def imported(request, tmp_path_factory):
    """The import and a package from it, once per store (PostgreSQL: ``--case URL``)."""
    base = tmp_path_factory.mktemp("import")
    files = base / "bestanden"
    files.mkdir()
    shutil.copy(MIXED / "mail-2-reactie.eml", files / "981451.eml")
    shutil.copy(MIXED / "nota-kamervragen-ocw-2024.txt", files / "981452 - nota kamervragen.txt")
    shutil.copy(MIXED / "nota-kamervragen-ocw-2024.txt", files / "981454.txt")
    (files / "losse notitie.txt").write_text("hoort nergens bij", encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    report = base / "productierapport.xlsx"
    wb.save(report)
    case: Path | str = base / "zaak"
    if request.param == "postgresql":
        case = f"{request.getfixturevalue('pg_cluster').createdb(f'import_{base.name}')}?files={base / 'zaak'}"
    summary = import_report(report, files, case, ProcessConfig(request="Stukken over de nota."))
    out = base / "pakket"
    result = process([], out, ProcessConfig(), case_dir=case)
    rows = list(csv.DictReader(io.StringIO((out / "inventaris.csv").read_text(encoding="utf-8"))))
    return summary, result, out, {r["ID"]: r for r in rows}


def test_import_summary(imported):
    summary, result, _, _ = imported
    assert (summary.rows, summary.matched, summary.without_file) == (5, 3, 2)
    assert summary.problems == [] and [Path(p).name for p in summary.unmatched_files] == ["losse notitie.txt"]
    assert result.case_number == "134-123xyz"  # the Matter becomes the case number


def test_ids_families_threads_and_judgements_kept(imported):
    _, _, out, rows = imported
    assert set(rows) == {"981451", "981452", "981453", "981454", "981455"}
    assert rows["981451"]["Family ID"] == rows["981452"]["Family ID"] == "981451"
    assert rows["981451"]["Email Thread ID"] == "981451"
    assert rows["981451"]["Beoordeling"] == "deels openbaar" and "5.1.2e" in rows["981451"]["Beoordelingsgrond"]
    assert rows["981452"]["Beoordeling"] == "openbaar"
    assert rows["981453"]["Beoordeling"] == "niet openbaar" and rows["981453"]["Beoordelingsgrond"] == "5.1.2i; 5.2"
    assert rows["981454"]["Beoordelingsgrond"] == "dubbel" and rows["981454"]["Gerelateerd ID"] == "981452"
    assert rows["981455"]["Beoordeling"] == "reeds openbaar"
    assert rows["981455"]["Publieke link"] == "https://open.overheid.nl/documenten/abc"
    assert (out / "981452 - nota-kamervragen-ocw-2024.pdf").is_file() or any(out.glob("981452 - *.pdf"))


def test_imported_package_imports_into_the_platform(imported):
    _, _, out, _ = imported
    for name in ("inventaris.csv", "inventaris.xlsx"):
        result = vws.import_inventory(out / name)
        assert result.problems == [], result.problems
    rows = vws.import_inventory(out / "inventaris.csv").rows
    pdfs = [p.name for p in out.glob("98*.pdf")]
    assert sorted(vws.match_files(rows, pdfs).values()) == ["981451", "981452"]


def test_report_problems_are_lines_not_crashes(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("ID;Document;Beoordeling;Beoordelingsgrond\nabc;x;openbaar;\n12;y;dubbel;\n12;z;openbaar;\n",
                    encoding="utf-8")  # fmt: skip
    rows, problems = read_report(path)
    assert [r.id for r in rows] == [12, 12]
    assert any("niet numeriek" in p for p in problems) and any("'dubbel' onbekend" in p for p in problems)
    assert any("komt vaker voor" in p for p in problems)
    (tmp_path / "q.csv").write_text("Documentnummer,Documentnaam\n1,a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kolommen ontbreken"):
        read_report(tmp_path / "q.csv")
