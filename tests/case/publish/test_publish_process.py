"""End to end: a mixed folder of real and generated files through ``process``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pymupdf
import pytest
from lxml import etree

from wooflow.case.publish import diwoo
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.package import MANIFEST, ZIP_NAME, verify_manifest
from wooflow.case.publish.process import process

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"


def _rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "inventaris.csv").read_text(encoding="utf-8"))))


def s_case(out: Path) -> Path:
    """The case folder of a package folder: its sibling OUT.zaak, never inside the package."""
    return out.with_name(out.name + ".zaak")


def _pdf_text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text(flags=0) for page in doc)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def run(request, tmp_path_factory):
    """The whole pipeline once per store: SQLite (the default OUT.zaak) and PostgreSQL (a URL,
    its files folder OUT.zaak, so later runs without --case find it through database.url)."""
    base = tmp_path_factory.mktemp("process")
    inputs = base / "in"
    shutil.copytree(MIXED, inputs)
    out = base / "out"
    cfg = ProcessConfig(case_number="WOO-TEST-1", request="Correspondentie over de verkiezingsuitslag.",
                        organisation="ministerie van Volksgezondheid, Welzijn en Sport")
    stages: list[str] = []
    case_dir = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        case_dir = f"{cluster.createdb(f'process_{base.name}')}?files={s_case(out)}"
    summary = process([inputs], out, cfg, case_dir=case_dir, progress=lambda s, d, t: stages.append(s))
    return inputs, out, cfg, summary, stages


def test_summary_counts_and_broken_input(run):
    _, out, _, s, stages = run
    assert s.inputs == 10 and s.stored == 9
    assert [f[1] for f in s.failures] == ["corrupt"] and s.failures[0][0].endswith("kapot.pdf")
    assert s.exit_code == 2  # a broken input makes the run fail, but the package is written
    assert s.documents == 10  # 8 files + an e-mail with its attachment; not the broken one
    assert s.duplicates == 2  # exact copy of the nota, and the mail quoted in full in the reply
    assert s.judgements["dubbel"] == 2
    assert s.published == 8 and s.pages >= 8 and not s.withheld
    assert s.auto_accepted > 0
    assert list(dict.fromkeys(stages)) == ["inlezen", "begrijpen", "detecteren", "ontdubbelen", "lakken", "publiceren"]


def test_inventory_rows_numbering_family_and_duplicates(run):
    _, out, _, _, _ = run
    rows = _rows(out)
    assert [r["ID"] for r in rows] == [f"{i:04d}" for i in range(1, 12)]  # 10 documents + the broken one
    by_name = {r["Document"]: r for r in rows}
    mail, att = by_name["mail-1-notitie.eml"], by_name["notitie-debat.pdf"]
    assert int(att["ID"]) == int(mail["ID"]) + 1
    assert att["Family ID"] == mail["Family ID"] == mail["ID"]  # the family is the e-mail's ID, both rows
    reply = by_name["mail-2-reactie.eml"]
    assert mail["Email Thread ID"] == reply["Email Thread ID"] == mail["ID"]
    # the platform's vocabulary: a duplicate is "niet openbaar" with the ground "dubbel"
    assert mail["Beoordeling"] == "niet openbaar" and mail["Beoordelingsgrond"] == "dubbel"
    assert mail["Gerelateerd ID"] == reply["ID"]
    copies = [by_name["nota-kamervragen-kopie.txt"], by_name["nota-kamervragen-ocw-2024.txt"]]
    assert sorted(c["Beoordelingsgrond"] for c in copies) == ["", "dubbel"]
    bsn = by_name["bsn-notitie.txt"]
    assert bsn["Beoordeling"] == "deels openbaar" and "5.1.1e" in bsn["Beoordelingsgrond"]
    assert all(r["Matter"] == r["Zaaknummer"] == "WOO-TEST-1" for r in rows)
    for r in rows:
        assert (r["Bestandsnaam publicatie"] != "") == (r["Beoordeling"] in ("openbaar", "deels openbaar"))
        assert r["Bestandsnaam publicatie"].startswith(r["ID"]) or not r["Bestandsnaam publicatie"]
    assert by_name["scan-gespreksverslag.pdf"]["Beoordeling"] == "deels openbaar"
    assert by_name["bsn-notitie.txt"]["File type"] == "doc" and mail["File type"] == "email"
    broken = by_name["kapot.pdf"]
    assert broken["Beoordeling"] == "niet openbaar" and broken["Beoordelingsgrond"] == ""
    assert broken["Toelichting"].startswith("Niet ingelezen: het bestand is beschadigd")
    assert (out / "inventaris.xlsx").is_file() and (out / "inventaris.pdf").is_file()


def test_letter_counts_match_inventory(run):
    _, out, _, _, _ = run
    rows = _rows(out)
    text = " ".join(_pdf_text(out / "besluit.pdf").split())
    assert f"Er zijn {len(rows)} documenten aangetroffen" in text
    assert f"noemt alle {len(rows)} documenten" in text
    assert "1 document kon niet worden ingelezen" in text
    judged = [
        r for r in rows if r["Beoordelingsgrond"] != "dubbel" and not r["Toelichting"].startswith("Niet ingelezen")
    ]
    assert f"Er zijn {len(judged)} documenten beoordeeld" in text


def test_pdfs_exist_and_hold_no_redacted_identifiers(run):
    _, out, _, _, _ = run
    published = [r["Bestandsnaam publicatie"] for r in _rows(out) if r["Bestandsnaam publicatie"]]
    assert len(published) == 8
    texts = {name: _pdf_text(out / name) for name in published}
    everything = "\n".join(texts.values())
    for secret in ("111222333", "NL91ABNA0417164300", "s.kuipers", "p.dewit"):
        assert secret not in everything
    assert "5.1.1e" in everything and "5.1.2e" in everything  # codes printed at the spot
    nota = next(t for n, t in texts.items() if "nota-kamervragen" in n)
    assert "Eerdmans" in nota  # an MP stays public
    scan = next(t for n, t in texts.items() if "scan-gespreksverslag" in n)
    assert "5.1.1e" in scan  # the BSN in the scanned image got a labelled box


def test_diwoo_xml_per_published_document_validates(run):
    _, out, _, _, _ = run
    pdfs = sorted(p.stem for p in out.glob("0*.pdf"))
    xmls = sorted(p.stem for p in out.glob("0*.xml"))
    assert pdfs == xmls and len(xmls) == 8
    for path in out.glob("*.xml"):
        diwoo.validate_file(path)
        root = etree.parse(str(path)).getroot()
        assert root.tag == f"{{{diwoo.NS}}}Document"
    besluit = etree.parse(str(out / "besluit.xml")).getroot()
    parts = besluit.findall(".//{%s}hasPart" % diwoo.NS)
    assert len(parts) == 8
    one = etree.parse(str(out / f"{pdfs[0]}.xml")).getroot()
    assert one.find(".//{%s}isPartOf" % diwoo.NS).get("resource") == "WOO-TEST-1-besluit"
    for path in out.glob("*.xml"):
        assert b"Kuipers" not in path.read_bytes()


def test_manifest_matches_files_and_zip(run):
    _, out, _, s, _ = run
    assert verify_manifest(out) == []
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {p.name for p in out.iterdir()} - {MANIFEST, ZIP_NAME}
    assert listed == on_disk  # nothing else: no case folder, no database, no originals
    assert (s_case(out) / "case.sqlite").is_file() or (s_case(out) / "database.url").is_file()
    assert manifest["restlekcontrole"]["lekken"] == 0 and not manifest["restlekcontrole"]["geblokkeerd"]
    assert "restlekcontrole.txt" in listed
    assert {"besluit.docx", "besluit.pdf", "inventaris.csv", "inventaris.xlsx", "rapport.html"} <= listed
    assert manifest["case_number"] == "WOO-TEST-1" and manifest["counts"]["gepubliceerd"] == 8
    assert manifest["counts"]["niet_ingelezen"] == 1
    with zipfile.ZipFile(out / ZIP_NAME) as zf:
        assert set(zf.namelist()) == listed | {MANIFEST}


def test_decision_mentions_grounds_used(run):
    _, out, _, _, _ = run
    text = _pdf_text(out / "besluit.pdf")
    assert "Nationale identificatienummers" in text and "persoonlijke levenssfeer" in text
    assert "Inventarislijst" in text


def test_rerun_keeps_numbers_and_review_decisions(run):
    from wooflow.case.case import Case
    from wooflow.case.review import findings, reject

    inputs, out, cfg, first, _ = run
    before = {r["Document"]: r["ID"] for r in _rows(out)}
    with Case.open(s_case(out)) as case:
        target = next(f for f in findings(case) if f.status == "accepted" and f.finding.category == "iban")
        reject(case, target.id)
    again = process([inputs], out, cfg)
    assert again.stored == 0 and again.reused == 9
    assert {r["Document"]: r["ID"] for r in _rows(out)} == before
    with Case.open(s_case(out)) as case:
        assert next(f for f in findings(case) if f.id == target.id).status == "rejected"
    bsn_pdf = next(out.glob("*bsn-notitie.pdf"))
    assert "NL91ABNA0417164300" in _pdf_text(bsn_pdf)  # the reviewer kept it: now published
    assert "111222333" not in _pdf_text(bsn_pdf)
    assert verify_manifest(out) == []


def test_case_view_links_reply_attachment_and_duplicate(run):
    from wooflow.case.case import Case
    from wooflow.case.publish.source import load

    _, out, _, _, _ = run
    with Case.open(s_case(out)) as case:
        view = load(case)
    by_name = {r.name: r for r in view.records}
    mail, reply = by_name["mail-1-notitie.eml"], by_name["mail-2-reactie.eml"]
    assert reply.reply_to_key == mail.key
    assert by_name["notitie-debat.pdf"].parent_key == mail.key
    assert mail.related_key == reply.key and mail.judgement == "dubbel"
    assert view.review.accepted > 0 and "bsn" in view.review.by_category


def test_case_view_the_same_read_in_chunks_and_without_all_records_at_once(run, monkeypatch):
    """``load`` reads the documents one at a time (``iter_records``: never every ``DocRecord``
    of the case at once) and their judgements a chunk at a time: any chunk size gives the same
    view; repeated values (file types, judgements, grounds, categories) are one object each."""
    from wooflow.case.case import Case
    from wooflow.case.publish import source

    _, out, _, _, _ = run
    with Case.open(s_case(out)) as case:
        whole = source.load(case)
        monkeypatch.setattr(source, "JUDGEMENT_CHUNK", 1)
        monkeypatch.setattr(Case, "records", lambda *a, **k: pytest.fail("every DocRecord read at once"))
        chunked = source.load(case)
    assert chunked.records == whole.records and len(whole.records) > 3
    assert chunked.doc_ids == whole.doc_ids and chunked.needles == whole.needles
    assert chunked.proposed == whole.proposed and chunked.terms == whole.terms and chunked.review == whole.review
    read = [r for r in chunked.records if not r.unreadable]  # (the inputs not read: a few, not shared)
    pdfs = [r for r in read if r.file_type == "pdf"]
    assert len(pdfs) > 1 and all(r.file_type is pdfs[0].file_type for r in pdfs)
    for attr in ("judgement", "grounds", "ground_categories"):
        by_value: dict[object, object] = {}
        for r in read:
            value = getattr(r, attr)
            assert by_value.setdefault(repr(value), value) is value, attr
