"""Rebuild the packaged word lists from their sources (run by hand, never at run time).

Why a script: the lists are derived data; anyone must be able to regenerate them and see
exactly what was taken from where (see SOURCES.md next to this file).

Usage: .venv/bin/python -m wooflow.detect.data.build_lists [--conll ../shared/data/conll2002-nl]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _deduce_src() -> Path:
    import deduce  # benchmark-only dependency; needed only to rebuild the lists

    return Path(deduce.__file__).parent / "data" / "lookup" / "src"


def _read(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _items(folder: Path, keep_exceptions: bool = False) -> set[str]:
    """Deduce's items minus its exceptions (ordinary words), unless asked to keep them: for
    names wooflow keeps them ('Helder', 'Groot' are real surnames) and asks for context instead."""
    items = set(_read(folder / "items.txt"))
    return items if keep_exceptions else items - set(_read(folder / "exceptions.txt"))


def _write(name: str, words: set[str]) -> None:
    data = "\n".join(sorted(words)) + "\n"
    with gzip.GzipFile(HERE / name, "wb", mtime=0) as fh:  # mtime=0: reproducible bytes
        fh.write(data.encode("utf-8"))
    print(f"{name}: {len(words)} entries")


def _conll_common_words(conll: Path, min_count: int = 2) -> set[str]:
    """Lower-case words seen outside entities: a capitalised candidate that is one of these
    ('Groot', 'Helder', 'Bakker') needs context before it is called a name."""
    counts: collections.Counter[str] = collections.Counter()
    for line in (conll / "ned.train").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[2] != "O":
            continue
        tok = parts[0]
        if re.fullmatch(r"[a-zà-ÿ]{2,}", tok):
            counts[tok] += 1
    return {w for w, c in counts.items() if c >= min_count}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conll", default=str(HERE.parents[3] / "shared" / "data" / "conll2002-nl"))
    args = ap.parse_args()
    src = _deduce_src()
    _write("first_names.txt.gz", _items(src / "names" / "lst_first_name", True))
    _write("surnames.txt.gz", _items(src / "names" / "lst_surname", True))
    _write("interfix_surnames.txt.gz", _items(src / "names" / "lst_interfix_surname", True))
    places: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= _items(src / "locations" / "lst_placename" / sub)
    _write("places.txt.gz", places)
    _write("streets.txt.gz", _items(src / "locations" / "lst_street"))
    common = {w.lower() for w in _items(src / "whitelist" / "lst_common_word")}
    common |= {w.lower() for w in _items(src / "whitelist" / "lst_stop_word")}
    conll = Path(args.conll)
    if (conll / "ned.train").exists():
        common |= _conll_common_words(conll)
    _write("common_words.txt.gz", common)


if __name__ == "__main__":
    main()
