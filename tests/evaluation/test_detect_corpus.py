"""Gold of the detection evaluation corpus: offsets point at the annotated text, categories are
known, spans do not overlap, and the committed corpus is what the generator builds."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = REPO / "evaluation" / "detect"
CORPUS = HERE / "corpus"
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def _text(doc_id: str) -> str:
    # newline="" : offsets are into the exact file content, no newline translation.
    with open(CORPUS / f"{doc_id}.txt", encoding="utf-8", newline="") as fh:
        return fh.read()


SIBLINGS = ("markup", "pools", "templates")  # the scripts import each other by these names


def _load(name: str):
    """Load an evaluation script by path; its sibling imports resolve to evaluation/detect even
    if another test left a module of the same name in sys.modules."""
    spec = importlib.util.spec_from_file_location(f"_eval_{name}", HERE / f"{name}.py")
    assert spec and spec.loader
    saved = {k: sys.modules.pop(k) for k in SIBLINGS if k in sys.modules}
    sys.path.insert(0, str(HERE))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HERE))
        for k in SIBLINGS:
            sys.modules.pop(k, None)
        sys.modules.update(saved)
    return module


def test_corpus_size_and_genres() -> None:
    assert len(DOC_IDS) >= 60
    genres = {
        json.loads((CORPUS / f"{d}.json").read_text(encoding="utf-8"))["genre"] for d in DOC_IDS
    }
    assert {"email", "chat", "nota", "verslag", "burgerbrief", "kamerbrief", "gemeente"} <= genres


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_gold_offsets(doc_id: str) -> None:
    text = _text(doc_id)
    gold = json.loads((CORPUS / f"{doc_id}.json").read_text(encoding="utf-8"))
    markup = _load("markup")
    markup.validate(text, gold)  # raises with every problem listed
    for item in gold["redact"] + gold["keep"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_validate_catches_bad_offsets() -> None:
    markup = _load("markup")
    gold = {
        "genre": "x",
        "redact": [
            {"start": 0, "end": 5, "text": "Sanne", "category": "person", "ground": "5.1.2e"}
        ],
        "keep": [],
    }
    markup.validate("Sanne Kuipers", gold)
    gold["redact"][0]["start"] = 1
    with pytest.raises(ValueError):
        markup.validate("Sanne Kuipers", gold)


def test_generator_reproduces_committed_corpus() -> None:
    gen = _load("generate_corpus")
    docs = gen.build()
    assert sorted(docs) == DOC_IDS
    for doc_id, (text, gold) in docs.items():
        assert _text(doc_id) == text, doc_id
        assert json.loads((CORPUS / f"{doc_id}.json").read_text(encoding="utf-8")) == gold, doc_id
