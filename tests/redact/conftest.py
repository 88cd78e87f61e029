"""Session fixtures for the redaction tests (builders live in redact_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from redact_fixtures import make_pitfall_pdf

from wooflow.model import Document


@pytest.fixture(scope="session")
def pitfall_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pitfall_pdf(tmp_path_factory.mktemp("pitfall") / "pitfalls.pdf")


@pytest.fixture(scope="session")
def pitfall_doc(pitfall_pdf: Path) -> Document:
    from wooflow.ingest import read_path

    return read_path(pitfall_pdf)
