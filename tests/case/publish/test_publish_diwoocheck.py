"""Package-level DiWoo checks: a clean package passes, each broken rule is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.diwoocheck import check_package
from wooflow.case.publish.process import process

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    base = tmp_path_factory.mktemp("diwoo")
    (base / "in").mkdir()
    for name in ("mail-1-notitie.eml", "nota-kamervragen-ocw-2024.txt", "bsn-notitie.txt"):
        shutil.copyfile(MIXED / name, base / "in" / name)
    out = base / "out"
    summary = process([base / "in"], out, ProcessConfig(case_number="WOO-DW-1"))
    return out, summary


def test_clean_package_passes(package):
    out, summary = package
    assert summary.metadata == [] and check_package(out) == []
    assert summary.exit_code == 0


def _copy(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(out, target)
    return target


def test_each_rule_is_named(package, tmp_path):
    out, _ = package
    p = _copy(out, tmp_path)
    xml = sorted(x for x in p.glob("0*.xml"))
    first = xml[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("WOO-DW-1-besluit", "ander-besluit"), encoding="utf-8")
    second = xml[1]
    second.write_text(second.read_text(encoding="utf-8").replace(">WOO-DW-1-0", ">WOO-DW-1-9"), encoding="utf-8")
    (p / (xml[-1].stem + ".pdf")).unlink()
    problems = check_package(p)
    assert any("isPartOf wijst niet naar het besluit" in x for x in problems), problems
    assert any(second.name in x and "eerste identifier" in x for x in problems)
    assert any("hoort bij geen gepubliceerde PDF" in x for x in problems)
    assert any("ontbreekt in hasParts" in x for x in problems)
