"""Scan the patterns of ``regex_patterns.py`` for super-linear backtracking with regexploit.

Run it with a Python that has regexploit (not a wooflow dependency; unmaintained), e.g.

    python -m venv /tmp/rvenv && /tmp/rvenv/bin/pip install regexploit
    /tmp/rvenv/bin/python evaluation/detect/redos_scan.py PATTERNS.json

One line per finding with 'starriness' above 2 (3: cubic, ...), with regexploit's example
string. regexploit cannot parse atomic groups or possessive quantifiers ('NOT PARSED'): those
patterns are linear by construction where they are used that way, and measured by
``benchmarks/bench_hostile.py --text``. The scan does not see the other quadratic case, a
search that rescans a long run from every start position ('\\d+[.,]' on a run of digits):
the benchmark's shapes do.
"""

import json
import sys

from regexploit.ast.sre import SreOpParser  # type: ignore[import-not-found]
from regexploit.redos import find  # type: ignore[import-not-found]

for name, (pattern, flags) in sorted(json.load(open(sys.argv[1], encoding="utf-8")).items()):
    try:
        parsed = SreOpParser().parse_sre(pattern, flags)
    except Exception as exc:  # noqa: BLE001 - regexploit raises anything on syntax it lacks
        print(f"NOT PARSED {name}: {type(exc).__name__} {str(exc)[:60]}")
        continue
    try:
        for redos in find(parsed):
            if redos.starriness > 2:
                print(f"{name}: starriness {redos.starriness} example {redos.example()[:120]!r}")
    except Exception as exc:  # noqa: BLE001
        print(f"NOT SCANNED {name}: {type(exc).__name__} {str(exc)[:60]}")
