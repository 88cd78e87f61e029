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


def _fresh_streets(monkeypatch: object) -> None:
    from wooflow.detect import lexicon

    lexicon.streets.cache_clear()
    lexicon._street_text.cache_clear()
    monkeypatch.setattr(lexicon, "_street_searches", 0)  # type: ignore[attr-defined]


def test_street_search_answers_as_the_set(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from wooflow.detect import lexicon

    full = lexicon.streets()
    names = random.Random(7).sample(sorted(full), 300)
    names += [n.lower() for n in names[:20]] + [n[:-1] for n in names[:20]] + [n + " 12" for n in names[:10]]
    names += ["Kerkstraat", " Kerkstraat", "Kerkstraat ", "Kerk\nstraat", "#Kerkstraat", "", "a", "straat",
              "Kerkstraat\xa0", "Dorpsstraat\t", "xqzwv"]
    _fresh_streets(monkeypatch)
    monkeypatch.setattr(lexicon, "STREET_SEARCHES", len(names) + 1)
    assert lexicon._street_text() is not None  # the packaged list is clean: searched
    assert [lexicon.is_street(n) for n in names] == [n in full for n in names]
    assert lexicon.streets.cache_info().currsize == 0  # every answer came from the text
    _fresh_streets(monkeypatch)


def test_street_search_falls_back_on_an_untidy_list(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gzip
    import sys

    from wooflow.detect import lexicon

    assert lexicon.WHITESPACE == "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    for untidy in (" Kerkstraat\nDorpsweg\n", "Kerkstraat \nDorpsweg\n", "# lijst\nKerkstraat\n",
                   "Kerkstraat\r\nDorpsweg\n", "Kerkstraat\u2028Dorpsweg\n"):
        (tmp_path / "streets.txt.gz").write_bytes(gzip.compress(untidy.encode("utf-8")))
        monkeypatch.setattr(lexicon, "DATA", tmp_path)
        _fresh_streets(monkeypatch)
        assert lexicon._street_text() is None, untidy
        assert lexicon.is_street("Kerkstraat") and lexicon.is_street("Dorpsweg") != untidy.startswith("#")
        assert not lexicon.is_street("# lijst")
    (tmp_path / "streets.txt.gz").write_bytes(gzip.compress(b"Kerkstraat\nDorpsweg\n"))
    _fresh_streets(monkeypatch)
    assert lexicon._street_text() is not None and lexicon.is_street("Dorpsweg") and not lexicon.is_street("Dorps")
    monkeypatch.undo()
    _fresh_streets(monkeypatch)
