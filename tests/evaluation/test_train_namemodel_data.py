"""The name model's extra training corpora: only the parts meant are read, and the fold
models of the whole-detector evaluation use the same corpora as the shipped model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def tn():
    return _load("train_namemodel", REPO / "training" / "train_namemodel.py")


@pytest.mark.skipif(not (SHARED / "voc-missives-nl" / "documents.tsv").is_file(), reason="shared data absent")
def test_voc_notes_reads_only_the_modern_notes(tn) -> None:
    rows = [r.split("\t") for r in (SHARED / "voc-missives-nl" / "documents.tsv").read_text(
        encoding="utf-8").splitlines()[1:]]
    notes = [r for r in rows if r[2] == "notes"]
    docs = tn.voc_notes()
    assert len(docs) == len(notes) < len(rows)
    # token and person counts per document agree with the table, in file order
    assert [sum(len(t) for t, _ in d) for d in docs] == [int(r[5]) for r in notes]
    assert [sum(lab == "B-PER" for _, labs in d for lab in labs) for d in docs] == [int(r[6]) for r in notes]


@pytest.mark.skipif(not (SHARED / "europeana-nl-kb").is_dir(), reason="shared data absent")
def test_europeana_is_cut_into_pseudo_documents(tn) -> None:
    docs = tn.europeana(per_doc=40)
    assert all(len(d) <= 40 for d in docs) and len(docs) > 100
    assert all(len(t) == len(labs) for d in docs for t, labs in d)


def test_extra_docs_follows_the_names_in_order(tn, monkeypatch) -> None:
    a = [[(["Jan"], ["B-PER"])]]
    b = [[(["Zeist"], ["B-LOC"])]]
    monkeypatch.setitem(tn.EXTRA, "a", lambda: a)
    monkeypatch.setitem(tn.EXTRA, "b", lambda: b)
    assert tn.extra_docs(["b", "a"]) == b + a
    assert tn.extra_docs([]) == []
