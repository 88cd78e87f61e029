"""Zero crashes on any ingested file: analyse everything wooflow.ingest can read under the paths.

Every document and every child (attachments, zip members) goes through ``analyze`` and
``split_bundle``; unreadable inputs are ingest's business and only counted.

    .venv/bin/python evaluation/understand/crash_scan.py tests/resources ../shared/examples
"""

from __future__ import annotations

import sys
import time
import traceback

from wooflow.ingest import IngestFailure, iter_inputs
from wooflow.understand import analyze, split_bundle


def main(argv: list[str]) -> int:
    paths = argv or ["tests/resources"]
    docs = failures = crashes = 0
    types: dict[str, int] = {}
    t0 = time.perf_counter()
    for item in iter_inputs(paths):
        if isinstance(item, IngestFailure):
            failures += 1
            continue
        for doc in item.walk():
            docs += 1
            try:
                info = analyze(doc)
                split_bundle(doc)
            except Exception:  # noqa: BLE001 - counting crashes is the point of this script
                crashes += 1
                print(f"CRASH {doc.path}\n{traceback.format_exc(limit=3)}")
                continue
            types[info.type] = types.get(info.type, 0) + 1
    elapsed = time.perf_counter() - t0
    print(f"documenten geanalyseerd: {docs} (incl. bijlagen), onleesbaar voor ingest: {failures}")
    print(f"crashes: {crashes}")
    print("types: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    print(f"tijd incl. inlezen: {elapsed:.1f} s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
