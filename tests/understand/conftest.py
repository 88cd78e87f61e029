from __future__ import annotations

from pathlib import Path

import pytest
from understand_helpers import SHARED


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/examples ontbreekt")
    return SHARED
