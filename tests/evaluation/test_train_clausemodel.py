"""The written training sentences of the clause model (training/data/clauses_written.txt) read as
texts with gold spans: the whole sentence, or its bracketed parts, of the line's kind."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _trainer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "evaluation" / "detect"))
    spec = importlib.util.spec_from_file_location("train_clausemodel", REPO / "training" / "train_clausemodel.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_written_sentences_read_as_gold(tmp_path: Path) -> None:
    t = _trainer()
    path = tmp_path / "written.txt"
    path.write_text("# comment\nfinancieel|Wij leven van een klein pensioen.\n"
                    "gezondheid|Wij bellen u, [mijn man ligt in het ziekenhuis].\n"
                    "geen|De AOW-leeftijd stijgt.\n", encoding="utf-8")
    docs = t.written_set(path)
    assert docs[0] == ("Wij leven van een klein pensioen.",
                       [{"start": 0, "end": 33, "kind": "P", "category": "financial_situation"}])
    text, spans = docs[1]
    assert "[" not in text and text[spans[0]["start"]:spans[0]["end"]] == "mijn man ligt in het ziekenhuis"
    assert docs[2] == ("De AOW-leeftijd stijgt.", [])
    rows = t.rows(docs)
    assert [c for _, c in rows] == [2, 0, 1, 0]  # financieel; 'Wij bellen u' geen, its statement gezondheid


def test_shipped_written_file_parses() -> None:
    docs = _trainer().written_set()
    assert len(docs) > 100 and all(text and "[" not in text for text, _ in docs)
