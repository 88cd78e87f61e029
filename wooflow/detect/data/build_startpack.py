"""Build (or check) the start-up pack ``data/startpack.marshal.zlib`` (see wooflow/detect/startpack.py).

Run from a checkout after changing a pattern of the detect modules or the combiners' weights:

    .venv/bin/python -m wooflow.detect.data.build_startpack          # rebuild
    .venv/bin/python -m wooflow.detect.data.build_startpack --check  # exit 1 and list what is stale

The pack holds the patterns compiled while importing the detector and constructing it, plus
the static patterns (one distinct pattern per call site) compiled while detecting a sample and
the evaluation corpus, and the generated combiner sources.
"""

from __future__ import annotations

import marshal
import re
import sys
import tomllib
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from wooflow.detect import startpack
from wooflow.detect.startpack import PACK, read, stamp

Key = tuple[str | bytes, int]
ROOT = Path(__file__).resolve().parents[3]


def program(pattern: str | bytes, flags: int) -> list[Any]:
    """The pack entry of one pattern: what ``re._compiler.compile`` hands to ``_sre.compile``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return [pattern, flags, flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup)]


def _sample_texts(root: Path | None) -> list[str]:
    texts = ["Beste Jan Jansen, bel 06-12345678.",
             "Van: P. de Vries <p.devries@example.nl>\nAan: gemeente Utrecht\nOnderwerp: Woo-verzoek\n\n"
             "Geachte heer De Vries, uw BSN 111222333 en IBAN NL91ABNA0417164300, Dorpsstraat 12, "
             "1234 AB Amsterdam, geboren op 1 januari 1970. Met vriendelijke groet, wethouder Jansen"]
    if root is not None:
        corpus = sorted((root / "evaluation" / "detect" / "corpus").glob("*.txt"))
        texts += [p.read_text(encoding="utf-8") for p in corpus]
    return texts


def record(texts: Iterable[str]) -> tuple[list[Key], list[Key], list[tuple[str, str]]]:
    """In a fresh process: (patterns compiled while importing the detector, static patterns
    compiled while detecting ``texts``, generated sources compiled). A call site that compiled
    more than one distinct pattern builds them from text and is left out of the second list."""
    startpack.RECORD = []
    original = re._compile  # type: ignore[attr-defined]
    at_import: dict[Key, None] = {}
    by_site: dict[tuple[str, int], dict[Key, None]] = {}
    importing = [True]

    def spy(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, (str, bytes)):
            key = (pattern, int(flags))
            if importing[0]:
                at_import[key] = None
            else:
                f: FrameType | None = sys._getframe(1)
                while f is not None and f.f_code.co_filename == original.__code__.co_filename:
                    f = f.f_back
                site = (f.f_code.co_filename, f.f_lineno) if f is not None else ("?", 0)
                by_site.setdefault(site, {})[key] = None
        return original(pattern, flags)

    re._compile = spy  # type: ignore[attr-defined]
    try:
        from wooflow.detect import detector

        detector.default_detector()
        importing[0] = False
        for text in texts:
            detector.detect_text(text)
    finally:
        re._compile = original  # type: ignore[attr-defined]
    later = [k for keys in by_site.values() if len(keys) == 1 for k in keys if k not in at_import]
    sources = list(dict.fromkeys(startpack.RECORD))
    startpack.RECORD = None
    return list(at_import), list(dict.fromkeys(later)), sources


def build(root: Path, path: Path = PACK) -> str:
    """Write the pack from a fresh process's imports and a detection pass (run from a checkout)."""
    at_import, later, sources = record(_sample_texts(root))
    patterns = [program(p, f) for p, f in at_import + later]
    code = {s: compile(s, name, "exec") for s, name in sources}
    toml = {text: marshal.dumps(tomllib.loads(text)) for text in _toml_texts()}
    pack = marshal.dumps({"stamp": stamp(), "patterns": patterns, "code": code, "toml": toml})
    path.write_bytes(zlib.compress(pack, 9))
    return (f"{len(patterns)} patterns, {len(code)} code objects, {len(toml)} TOML file, "
            f"{path.stat().st_size:,} bytes -> {path}")


def _toml_texts() -> list[str]:
    from wooflow.detect.config import DEFAULT_PATH

    return [DEFAULT_PATH.read_text(encoding="utf-8")]


def check(path: Path = PACK) -> list[str]:
    """Problems of the pack, each one line: a packed program that differs from a fresh compile
    (never expected; the interpreter is stamped), or a pattern/source this process compiles at
    import or on a short text that the pack lacks (stale: rebuild)."""
    data = read(path)
    if data is None:
        return [f"{path}: missing, unreadable or built for another interpreter"]
    problems = []
    packed = {(e[0], e[1]): e for e in data["patterns"]}
    for key, entry in packed.items():
        if program(*key) != list(entry):
            problems.append(f"packed program differs from a fresh compile: {key[0]!r:.80}")
    at_import, _, sources = record(_sample_texts(None))
    problems += [f"not in the pack (stale): {k[0]!r:.80}" for k in at_import if k not in packed]
    problems += [f"generated source not in the pack (stale): {s[:60]!r}" for s, _ in sources if s not in data["code"]]
    for source, code in data["code"].items():
        if code != compile(source, code.co_filename, "exec"):
            problems.append(f"packed code differs from a fresh compile: {source[:60]!r}")
    toml = data.get("toml", {})
    problems += ["default configuration not in the pack (stale)" for text in _toml_texts() if text not in toml]
    problems += ["packed TOML differs from tomllib's parse" for text, packed in toml.items()
                 if marshal.loads(packed) != tomllib.loads(text)]
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--check"]:
        problems = check()
        for line in problems:
            print(line)
        print("startpack: stale, run `python -m wooflow.detect.data.build_startpack`" if problems else "startpack: ok")
        return 1 if problems else 0
    print(build(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())


