from __future__ import annotations

from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest"


@pytest.fixture
def good() -> Path:
    return RESOURCES / "good"


@pytest.fixture
def bad() -> Path:
    return RESOURCES / "bad"
