"""Score `wooflow info` once on the heldout7 understanding labels (type, date, kenmerk, ...).

    .venv/bin/python evaluation/heldout7/measure_understand.py [-v] [--only NAME] [--from-json F]

Goes through the CONTRACT interface (`wooflow info PATH... --format json`); exact match after
whitespace collapse and case folding. Written to be run once, at measurement time: the labels are
held out. The logic is shared by all batches in evaluation/heldout_batch.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_batch import measure  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(measure(HERE, "heldout7", sys.argv[1:]))
