"""The start-up shortcuts answer exactly as the full tables do: Zipf classes searched in the
class lines, officials found in the register rows that can hold them, patterns compiled late."""

from __future__ import annotations

import random
import re

from wooflow.detect import register
from wooflow.detect.namefeatures import _DATA, ZipfTable, _zipf_bytes
from wooflow.detect.textutil import LazyPattern


def test_zipf_search_answers_as_the_table() -> None:
    gz = _zipf_bytes(_DATA, "nl")
    table = ZipfTable(gz).table()
    words = random.Random(7).sample(sorted(table), 150)
    words += [w.capitalize() for w in words[:30]] + ["", " ", "van dijk", "xqzwv", "de", "het"]
    searching = ZipfTable(gz)
    searching.SEARCHES = len(words) + 1
    assert [searching.get(w, 0) for w in words] == [table.get(w, 0) for w in words]
    assert searching._table is None  # every answer came from the lines
    assert searching.get("de") == table["de"]


def test_register_search_answers_as_the_index() -> None:
    index = register._index()
    keys = random.Random(7).sample(sorted(index), 200)
    keys += ["jansen", "van dijk", "de", "e", "", "xqzwv", "van"]
    assert register._searchable() is not None
    for key in keys:
        assert register._search(key) == index.get(key, ())


def test_lazy_pattern_is_the_compiled_pattern() -> None:
    lazy = LazyPattern(r"(?i:motie)-(\w+)")
    assert lazy.pattern == r"(?i:motie)-(\w+)"
    compiled = re.compile(lazy.pattern)
    text = "de Motie-Bikker en motie-Dassen"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.flags == compiled.flags
