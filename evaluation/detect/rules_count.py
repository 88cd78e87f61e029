"""Count the hand-written rules of the detector: lines of code in wooflow/detect and cue words
written in code (lower-case words inside string literals of regex/cue constants) vs in data files.

Usage: python evaluation/detect/rules_count.py [PATH_TO_wooflow/detect] [--per-module]
Prints: Python lines (non-blank, non-comment), cue-word entries in data/cues/*.txt and the
packaged word lists, and an estimate of the cue words in code: the distinct lower-case words of
3+ letters inside string literals and alternations ('a|b|c') of module-level constants.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
ROOT = Path(_ARGS[0]) if _ARGS else Path(__file__).resolve().parents[2] / "wooflow" / "detect"


def code_lines(path: Path) -> int:
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            n += 1
    return n


def code_cue_words(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    fstring_parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    words: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in docstrings or (id(node) in fstring_parts and "|" not in str(getattr(node, "value", ""))):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            s = node.value
            if "|" in s or (" " in s and len(s.split()) > 3 and s.islower()):
                words.update(w for w in re.findall(r"[a-zà-ÿ]{3,}", s.lower()))
    return words


def main() -> int:
    py = sorted(p for p in ROOT.rglob("*.py") if "data" not in p.parts)
    loc = sum(code_lines(p) for p in py)
    cues = set()
    for p in py:
        cues |= code_cue_words(p)
    data_dir = ROOT / "data" / "cues"
    data_entries = 0
    if data_dir.is_dir():
        for p in data_dir.glob("*.txt"):
            data_entries += sum(1 for line in p.read_text(encoding="utf-8").splitlines()
                                if line.strip() and not line.startswith("#"))
    print(f"wooflow/detect: {len(py)} Python modules, {loc} code lines")
    print(f"cue words in code (distinct words in regex/cue string constants): {len(cues)}")
    print(f"cue entries in data/cues/*.txt: {data_entries}")
    if "--per-module" in sys.argv[1:]:  # cue words counted per module (a word may be in several)
        for p in py:
            name = str(p.relative_to(ROOT))
            print(f"  {name:36s} cue words {len(code_cue_words(p)):4d}  code lines {code_lines(p):4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
