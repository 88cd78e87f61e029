"""Every regex wooflow.detect compiles, for a ReDoS scan: module globals, class attributes and the
patterns built inside functions, collected while importing every module of wooflow.detect and
wooflow.detect.recognizers and detecting the first 40 corpus texts (a pattern built on a path
those texts do not take is missed; grep for ``re.compile`` too).

    .venv/bin/python evaluation/detect/regex_patterns.py OUT.json    # {"file.py:line": [pattern, flags]}

Scan the file with regexploit in a separate virtual environment (it is not a dependency of
wooflow): ``python evaluation/detect/redos_scan.py OUT.json`` (see docs/DETECTION.md, 'Regex run time').
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def collect() -> dict[str, list[Any]]:
    seen: dict[tuple[str, int], str] = {}
    compile_ = re._compile  # type: ignore[attr-defined]
    re_dir = str(Path(re.__file__).parent)

    def recording(pattern: Any, flags: Any) -> Any:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith(re_dir):
            frame = frame.f_back
        if frame is not None and "/wooflow/" in frame.f_code.co_filename and isinstance(pattern, str):
            where = f"{frame.f_code.co_filename.split('/wooflow/')[1]}:{frame.f_lineno}"
            seen.setdefault((pattern, int(flags)), where)
        return compile_(pattern, flags)

    re._compile = recording  # type: ignore[attr-defined]
    try:
        import wooflow.detect as detect
        import wooflow.detect.recognizers as recognizers

        for pkg in (detect, recognizers):
            for info in pkgutil.iter_modules(pkg.__path__):
                importlib.import_module(f"{pkg.__name__}.{info.name}")
        texts = sorted((ROOT / "evaluation/detect/corpus").glob("*.txt"))[:40]
        corpus = {p.name: p.read_text(encoding="utf-8") for p in texts}
        detect.Detector().detect_case(corpus)
        for text in list(corpus.values())[:10]:
            detect.detect_text(text)
    finally:
        re._compile = compile_  # type: ignore[attr-defined]
    out: dict[str, list[Any]] = {}
    for (pattern, flags), where in seen.items():
        name, n = where, 2
        while name in out:
            name, n = f"{where}#{n}", n + 1
        out[name] = [pattern, flags]
    return out


if __name__ == "__main__":
    patterns = collect()
    Path(sys.argv[1]).write_text(json.dumps(patterns), encoding="utf-8")
    print(f"{len(patterns)} patterns -> {sys.argv[1]}")
