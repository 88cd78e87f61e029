"""Session fixtures for the redaction tests (builders live in redact_fixtures.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The test modules import the builders by module name; with --import-mode=importlib pytest does
# not put test folders on sys.path, so this folder is added here (conftest loads first).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from redact_fixtures import make_pitfall_pdf  # noqa: E402

from wooflow.model import Document


@pytest.fixture(scope="session")
def pitfall_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pitfall_pdf(tmp_path_factory.mktemp("pitfall") / "pitfalls.pdf")


@pytest.fixture(scope="session")
def pitfall_doc(pitfall_pdf: Path) -> Document:
    from wooflow.ingest import read_path

    return read_path(pitfall_pdf)
