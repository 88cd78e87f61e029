"""A detector for the Dask tests: finds one fixed name, slowly, and leaves a trace per batch.

Each batch writes ``<trace>/<pid>-<first doc id>.start`` before and ``.end`` after its work,
so a test can kill the worker process that is busy with a batch and see the batch run again."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from wooflow.model import Finding

NAME = "Sanne Kuipers"


class SlowNameDetector:
    def __init__(self, trace: str, delay: float) -> None:
        self.trace = trace
        self.delay = delay

    def detect_case(self, texts: dict[int, str]) -> dict[int, list[Finding]]:
        first = min(texts) if texts else 0
        mark = Path(self.trace) / f"{os.getpid()}-{first}"
        mark.with_suffix(".start").write_text(",".join(map(str, sorted(texts))))
        time.sleep(self.delay)
        out = {
            k: [Finding(m.start(), m.end(), m.group(), "person", "redact", "5.1.2e", 0.99, "test", "testnaam")
                for m in re.finditer(NAME, t)]
            for k, t in texts.items()
        }
        mark.with_suffix(".end").write_text("")
        return out
