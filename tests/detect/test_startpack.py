"""The start-up pack (wooflow/detect/startpack.py) is exact and fresh: every packed regex program and
code object equals a fresh compile, the patterns the detect modules compile at import are all in
it, and a pack for another interpreter, a changed source or a changed file is never used."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path

import pytest

from wooflow.detect import startpack
from wooflow.detect.config import DEFAULT_PATH


def _pack() -> dict:
    data = startpack.read()
    if data is None:
        pytest.skip("start-up pack built for another interpreter (python -m wooflow.detect.data.build_startpack)")
    return data


def test_pack_is_fresh_and_equals_fresh_compiles() -> None:
    """Fails when a pattern compiled at import is missing (rebuild the pack) or when any packed
    program, code object or parsed configuration differs from what compiling it now gives."""
    _pack()
    run = subprocess.run([sys.executable, "-m", "wooflow.detect.data.build_startpack", "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_packed_patterns_are_the_ones_re_compile_returns() -> None:
    data = _pack()
    assert startpack._loaded  # importing wooflow.detect installs the pack
    samples = ["Beste Jan Jansen, bel 06-12345678.", "Dorpsstraat 12, 1234 AB Amsterdam", "wethouder De Vries",
               "BSN 111222333 IBAN NL91ABNA0417164300 geboren 1 januari 1970", "p.devries@example.nl"]
    for pattern, flags, *_ in data["patterns"][:60]:
        packed = re.compile(pattern, flags)
        fresh = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        assert (packed.pattern, packed.flags, packed.groups, packed.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for text in samples:
            if isinstance(pattern, bytes):
                text = text.encode()  # type: ignore[assignment]
            a, b = packed.search(text), fresh.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_a_pack_for_another_interpreter_is_ignored(tmp_path: Path) -> None:
    data = _pack()
    stale = tmp_path / "startpack.marshal.zlib"
    stale.write_bytes(zlib.compress(marshal.dumps({**data, "stamp": ["cpython-0", *data["stamp"][1:]]})))
    assert startpack.read(stale) is None
    stale.write_bytes(zlib.compress(marshal.dumps({**data})))
    assert startpack.read(stale) is not None  # (the same pack with its own stamp is read)
    stale.write_bytes(zlib.compress(marshal.dumps({**data, "stamp": ["cpython-0", *data["stamp"][1:]]})))
    assert startpack.read(stale) is None
    stale.write_bytes(b"not a pack")
    assert startpack.read(stale) is None
    assert startpack.read(tmp_path / "missing.marshal.zlib") is None


def test_generated_code_is_taken_only_for_the_identical_source() -> None:
    data = _pack()
    source, code = next(iter(data["code"].items()))
    assert startpack.compiled(source, code.co_filename) is startpack._code[source]
    changed = source.replace("return ", "return 1.0 + ", 1)
    assert startpack.compiled(changed, code.co_filename) == compile(changed, code.co_filename, "exec")
    assert startpack.compiled(changed, code.co_filename) != code


def test_default_configuration_is_parsed_as_tomllib_does() -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    first, second = startpack.toml(text), startpack.toml(text)
    assert first == second == tomllib.loads(text)
    first["detect"]["min_score"] = 0.0  # a caller changing its dict changes nothing for the next
    assert startpack.toml(text) == tomllib.loads(text)
    other = text + "\n[extra]\nx = 1\n"
    assert startpack.toml(other) == tomllib.loads(other)
