"""The verifier's occurrence count equals a whole-text regex scan, without scanning per needle."""

from __future__ import annotations

import random
import re

from wooflow.redact.verify import count_occurrences


def _reference(needle: str, hay: str) -> int:
    pattern = r"(?<!\w)" + re.escape(needle).replace(r"\ ", r"\s*") + r"(?!\w)"
    return len(re.findall(pattern, hay))


def test_count_equals_the_regex_scan() -> None:
    rnd = random.Random(7)
    words = ["jan", "jansen", "de", "vries", "janjansen", "aa", "a", "06", "12", "x.y", "jan-jansen", "éric",
             "JAN", "İlker", "ß", "+31"]
    for _ in range(5000):
        hay = " ".join(rnd.choice(words) + rnd.choice(["", " ", "\n", ",", "-"]) for _ in range(30))
        needle = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3)))
        assert count_occurrences(needle, hay) == _reference(needle, hay), (needle, hay)
