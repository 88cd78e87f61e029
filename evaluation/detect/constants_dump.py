"""Dump every constant of wooflow.detect (strings, compiled patterns with their flags, word sets,
tuples, dicts; module level and class level), or compare two dumps: the check behind moving cue
vocabularies from code to data files ("every compiled pattern stays exactly the same", issue 10).

    PYTHONHASHSEED=0 .venv/bin/python evaluation/detect/constants_dump.py dump OUT.json
    .venv/bin/python evaluation/detect/constants_dump.py compare A.json B.json

Run ``dump`` on the code before (e.g. a copy of main with PYTHONPATH pointing at it) and after.
PYTHONHASHSEED=0 because a few patterns join words taken from a set (their order then follows
string hashing; a different order of equally long alternatives matches the same text, but the
pattern text differs). ``compare`` lists constants removed, added or changed and exits 1 when
one changed.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

_SKIP = object()


def _encode(v: Any) -> Any:
    if isinstance(v, re.Pattern):
        return ["re", v.pattern, v.flags]
    if isinstance(v, float) and v != v:
        return ["nan"]  # NaN never equals itself
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (frozenset, set, tuple, list)):
        items = [_encode(x) for x in v]
        if any(i is _SKIP for i in items):
            return _SKIP
        if isinstance(v, (frozenset, set)):
            return ["set", sorted(items, key=repr)]
        return [type(v).__name__, *items]
    if isinstance(v, dict):
        enc = {repr(k): _encode(x) for k, x in v.items()}
        return _SKIP if any(x is _SKIP for x in enc.values()) else ["dict", enc]
    return _SKIP


def dump(out: Path) -> None:
    import wooflow.detect as wd

    result: dict[str, Any] = {}
    for info in pkgutil.walk_packages(wd.__path__, "wooflow.detect."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("__") or inspect.ismodule(value):
                continue
            pairs = [(name, value)]
            if inspect.isclass(value):
                if value.__module__ != module.__name__:
                    continue
                pairs = [(f"{name}.{k}", v) for k, v in vars(value).items() if not k.startswith("__")]
            for key, v in pairs:
                if callable(v) and not isinstance(v, re.Pattern):
                    continue
                enc = _encode(v)
                if enc is not _SKIP:
                    result[f"{info.name}.{key}"] = enc
    out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} constants -> {out}")


def compare(a_path: Path, b_path: Path) -> int:
    a = json.loads(a_path.read_text(encoding="utf-8"))
    b = json.loads(b_path.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(a) | set(b)):
        if key not in b:
            print(f"removed {key}")
        elif key not in a:
            print(f"added   {key}")
        elif a[key] != b[key]:
            print(f"CHANGED {key}")
            changed += 1
    print(f"{changed} changed of {len(set(a) & set(b))} constants in both ({len(a)} before, {len(b)} after)")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        dump(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
