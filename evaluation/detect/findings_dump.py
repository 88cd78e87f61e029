"""Dump every finding with all its fields, or compare two dumps: the check behind speed work
("no finding may change", issue 10).

    .venv/bin/python evaluation/detect/findings_dump.py dump OUT.json   # this checkout's code
    .venv/bin/python evaluation/detect/findings_dump.py compare A.json B.json

A dump holds the evaluation corpus per document (``detect_text``, what ``evaluate.py`` times)
and as one case (``Detector.detect_case``), and every other text of the repository
(examples/, tests/resources/, evaluation/understand/) per document. Scores are kept as their
full ``repr``: the resolver's trees split at exact probabilities, so a change in the last digit
can move a decision elsewhere. For whole annotated sets use ``score_sets.py --out DIR`` before
and after and compare the jsonl files byte for byte.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _rows(findings: list[Any]) -> list[list[Any]]:
    return [[repr(v) if isinstance(v, float) else v for v in dataclasses.astuple(f)] for f in findings]


def dump(out: Path) -> None:
    import wooflow.detect as wd

    corpus = {Path(p).name: Path(p).read_text(encoding="utf-8")
              for p in sorted(glob.glob(str(ROOT / "evaluation/detect/corpus/*.txt")))}
    result: dict[str, dict[str, list[list[Any]]]] = {
        "per_doc": {k: _rows(wd.detect_text(v)) for k, v in corpus.items()},
        "case": {k: _rows(v) for k, v in wd.Detector().detect_case(corpus).items()},
    }
    patterns = ("examples/**/*.txt", "tests/resources/**/*.txt", "evaluation/understand/**/*.txt")
    others = sorted({p for pattern in patterns for p in glob.glob(str(ROOT / pattern), recursive=True)})
    result["others"] = {}
    for p in others:
        text = Path(p).read_text(encoding="utf-8", errors="replace")
        result["others"][str(Path(p).relative_to(ROOT))] = _rows(wd.detect_text(text))
    out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    n_texts = sum(len(v) for v in result.values())
    n_findings = sum(len(f) for v in result.values() for f in v.values())
    print(f"{n_texts} texts, {n_findings} findings -> {out}")


def compare(a_path: Path, b_path: Path) -> int:
    a = json.loads(a_path.read_text(encoding="utf-8"))
    b = json.loads(b_path.read_text(encoding="utf-8"))
    bad = 0
    for part, docs in a.items():
        for key, rows in docs.items():
            other = b.get(part, {}).get(key)
            if rows != other:
                bad += 1
                gone = [r for r in rows if r not in (other or [])][:3]
                new = [r for r in (other or []) if r not in rows][:3]
                print(f"{part} {key}: only in A {gone}, only in B {new}")
    print(f"{bad} differing texts of {sum(len(v) for v in a.values())}")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        raise SystemExit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        raise SystemExit(__doc__)
