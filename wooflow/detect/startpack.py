"""A packed start-up cache: regular expressions and generated code, compiled ahead and used only
where the input is identical.

Why: a fresh process spent ~0.2 CPU-s in Python's regex parser compiling the ~270 patterns the
detect modules build at import, and ~35 ms compiling the generated source of the two tree
combiners (``resolver._compile``). Both results are pure functions of their input, so they are
computed once by a build step and stored in ``data/startpack.marshal.zlib`` (marshal, zlib-compressed:
170 KB instead of 1 MB in the repository for ~4 ms of start-up):

- **patterns**: per static pattern, the program ``re`` compiles it to (code list, number of
  groups, group names), keyed by (type, pattern, flags) exactly as ``re`` keys its own cache.
  :func:`install` puts them into that cache, so ``re.compile``/``re.search`` of the same string
  and flags return them without parsing. A new or edited pattern is not in the pack and compiles
  as before.
- **code**: the code object of each generated source, stored with its full source text and used
  by :func:`compiled` only when the source is the same string.
- **toml**: the packaged default configuration, parsed, stored with its full text and used by
  :func:`toml` only when the file's text is the same (importing tomllib is ~18 ms).

The pack is tied to the interpreter (``re``'s engine magic and code width, the bytecode magic):
any mismatch and it is ignored whole. A stale pack therefore only makes start-up slower, never
detection different. ``tests/detect/test_startpack.py`` fails when any packed program differs
from a fresh compile or when the pack misses patterns the modules compile at import (then
rebuild: ``python -m wooflow.detect.data.build_startpack``; ``--check`` reports what is missing).
"""

from __future__ import annotations

import _sre
import marshal
import re
import sys
import zlib
from pathlib import Path
from types import CodeType
from typing import Any

PACK = Path(__file__).resolve().parent / "data" / "startpack.marshal.zlib"
_SPARE = 128
"""Slots of ``re``'s cache (512 in CPython 3.11) left free for the patterns built from text."""

_code: dict[str, CodeType] = {}
_toml: dict[str, bytes] = {}
_loaded = False
RECORD: list[tuple[str, str]] | None = None
"""When a list (build and check only): every (source, filename) given to :func:`compiled`."""


def stamp() -> list[Any]:
    """What a pack is only valid for: interpreter, regex engine and bytecode versions."""
    from importlib.util import MAGIC_NUMBER

    return [sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, int(_sre.MAXREPEAT), int(_sre.MAXGROUPS),
            MAGIC_NUMBER]


def read(path: Path = PACK) -> dict[str, Any] | None:
    """The pack's contents, or None when it is missing, unreadable or for another interpreter."""
    try:
        data = marshal.loads(zlib.decompress(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, zlib.error):
        return None
    if not isinstance(data, dict) or data.get("stamp") != stamp():
        return None
    return data


def install(path: Path = PACK) -> int:
    """Load the pack once per process: its patterns into ``re``'s cache (returns how many), its
    code objects for :func:`compiled`."""
    global _loaded
    if _loaded:
        return 0
    _loaded = True
    data = read(path)
    cache = getattr(re, "_cache", None)
    if data is None or not isinstance(cache, dict):
        return 0
    room = getattr(re, "_MAXCACHE", 0) - _SPARE
    added = 0
    for pattern, flags, final, code, groups, groupindex, indexgroup in data["patterns"]:
        key = (type(pattern), pattern, flags)
        if key in cache:
            continue
        if len(cache) >= room:
            break
        cache[key] = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
        added += 1
    _code.update(data["code"])
    _toml.update(data.get("toml", {}))
    return added


def compiled(source: str, filename: str) -> CodeType:
    """``compile(source, filename, "exec")``, from the pack when it holds this exact source."""
    if RECORD is not None:
        RECORD.append((source, filename))
    install()
    code = _code.get(source)
    if code is not None and code.co_filename == filename:
        return code
    return compile(source, filename, "exec")


def toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the pack when it holds this exact text (a new dict each call)."""
    install()
    packed = _toml.get(text)
    if packed is not None:
        parsed: dict[str, Any] = marshal.loads(packed)
        return parsed
    import tomllib

    return tomllib.loads(text)
