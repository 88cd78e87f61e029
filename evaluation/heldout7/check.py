"""Validate the heldout7 gold (here or already moved into evaluation/detect/sources/) and print
its counts; the logic is shared by all batches in evaluation/heldout_batch.py."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_batch import check  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(check(HERE, "heldout7"))
