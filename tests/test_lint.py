"""The code checks CI holds the package to: ruff (E, F, I, B; config in pyproject.toml) and mypy
report nothing on wooflow/. Run as tests so the README's test command is all CI needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_ruff_is_clean_on_the_package() -> None:
    res = _run("ruff", "check", "wooflow")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_is_clean_on_the_package() -> None:
    res = _run("mypy", "wooflow")
    assert res.returncode == 0, res.stdout[-5000:] + res.stderr[-2000:]
