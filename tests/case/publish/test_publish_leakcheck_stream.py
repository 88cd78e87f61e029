"""The restlekcontrole of a large text, made segment by segment (issue 15p, case-wide memory):
the same hits in the same order as the search of the whole text, for every variant (as is,
entities resolved, markup dropped), on texts built to break a cut (tags, entities and names
across segment ends, long white space inside a name, a final sigma, role words)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from wooflow.case.publish import leakcheck
from wooflow.case.publish.names import build_needles

NUMBERS = [("06-12345678", "phone", "5.1.2e"), ("123456782", "bsn", "5.1.2e"),
           ("NL91 ABNA 0417 1643 00", "iban", "5.1.2e"), ("1234 AB", "postcode", "5.1.2e"),
           ("12", "phone", "5.1.2e")]  # fmt: skip
PERSONS = [("5.1.2e", ["Jan Jansen", "J. Jansen", "j.jansen@example.nl"]), ("5.1.2e", ["Σοφία Παπαδάκης"]),
           ("5.1.2e", ["Piet de Vries"])]  # fmt: skip


def _needles(many_numbers: bool = False) -> list[leakcheck.Needle]:
    numbers = list(NUMBERS)
    if many_numbers:  # past SUBSTRING_PREFIXES: the digit windows
        numbers += [(f"06-{n:08d}", "phone", "5.1.2e") for n in range(10_000_000, 10_000_000 + 300 * 7919, 7919)]
    return build_needles(PERSONS, numbers, {"kuipers"})


PARTS = [
    "Jan", "Jansen", "Jan Jansen", "Jan \n\n   Jansen", "jan jansen", "J. Jansen", "J.Jansen", "j.jansen@example.nl",
    "Vries", "de Vries", "Piet de\tVries", "minister Jansen", "Minister Jansen", "(minister) Jansen",
    "06-12345678", "06 1234 5678", "0612345678", "06-1234", "5678", "123456782", "1234.56.782", "NL91 ABNA",
    "0417 1643 00", "1234 AB", "1234AB", "12", "x12y", "Σοφία", "Παπαδάκης", "ΣΟΦΊΑ ΠΑΠΑΔΆΚΗΣ", "ΟΔΟΣ",
    "<w:t>", "</w:t>", "<w:r><w:t>Jan</w:t></w:r>", "<a\nb>", "<", ">", "><", "&amp;", "&lt;", "&gt;", "&amp",
    "&#74;an", "&#x4A;ansen", "&eacute", "&Jansen;", "Jan&nbsp;Jansen", "\n", "\n\n", " ", "\t", "\f", "   " * 20,
    "begroting", "buurthuis", "İstanbul", "ß", "Straße", "' ", "’", ".", "-", "/",
]  # fmt: skip


def _text(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(PARTS) + rnd.choice(["", " ", "", "\n"]) for _ in range(n))


def _pieces(text: str, rnd: random.Random) -> leakcheck.Pieces:
    cuts = sorted(rnd.sample(range(len(text) + 1), min(len(text) + 1, rnd.randint(0, 12))))
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return lambda: iter(parts)


@pytest.mark.parametrize("many", [False, True])
def test_segments_give_the_hits_of_the_whole_text(monkeypatch: pytest.MonkeyPatch, many: bool) -> None:
    rnd = random.Random(15 + many)
    checker = leakcheck.Checker(_needles(many))
    if many:
        assert checker.index._digit_prefixes
    texts = [_text(rnd, rnd.randint(0, 120)) for _ in range(300)]
    texts += ["", "Jan Jansen", "<a>&amp;</a>" * 50, "&amp<b></b>;Jansen", "x" * 300 + " Jan Jansen"]
    whole = [list(leakcheck._search(checker, t, "f.xml", "tekst")) for t in texts]
    assert sum(map(bool, whole)) > 100  # most texts hold a needle
    for size in (1, 7, 40):
        monkeypatch.setattr(leakcheck, "STREAM_ABOVE", -1)  # every text in pieces is segmented
        monkeypatch.setattr(leakcheck, "SEGMENT", size)
        got = [list(leakcheck._search(checker, _pieces(t, rnd), "f.xml", "tekst")) for t in texts]
        assert got == whole, size


def test_the_scan_window_keeps_what_a_match_and_its_role_word_need(monkeypatch: pytest.MonkeyPatch) -> None:
    """Matches far apart, one with a role word 40 characters before it, white space runs longer
    than the window's margin inside a name: the same hits when the text comes in tiny pieces."""
    checker = leakcheck.Checker(_needles())
    text = ("a " * 500 + "minister Jansen " + "b " * 300 + "Jan" + " " * 5000 + "Jansen " + "c " * 400
            + "bel 06-1234" + "\n" * 3000 + "5678 en 06 1234 5678")  # fmt: skip
    whole = list(leakcheck._search(checker, text, "f.txt", "tekst"))
    assert {h.needle.text for h in whole} >= {"Jansen", "Jan Jansen", "06-12345678"}
    assert any(h.excused for h in whole)
    monkeypatch.setattr(leakcheck, "STREAM_ABOVE", -1)
    monkeypatch.setattr(leakcheck, "SEGMENT", 3)
    parts = [text[i : i + 5] for i in range(0, len(text), 5)]
    assert list(leakcheck._search(checker, lambda: iter(parts), "f.txt", "tekst")) == whole


def test_cuts_are_where_the_transformations_are_local() -> None:
    rnd = random.Random(4)
    for _ in range(400):
        text = _text(rnd, rnd.randint(0, 60))
        segments = list(leakcheck._resegment(iter([text]), leakcheck._cut, rnd.randint(1, 30)))
        assert "".join(segments) == text
        import html

        assert "".join(s.lower() for s in segments) == text.lower()
        assert "".join(html.unescape(s) for s in segments) == html.unescape(text)
        assert "".join(leakcheck._TAG.sub("", s) for s in segments) == leakcheck._TAG.sub("", text)
        bare = leakcheck._TAG.sub(" ", text)
        again = list(leakcheck._resegment(iter([bare]), leakcheck._entity_cut, rnd.randint(1, 30)))
        assert "".join(html.unescape(s) for s in again) == html.unescape(bare)


def test_incremental_decoding_is_the_decoding_of_the_whole() -> None:
    rnd = random.Random(8)
    alphabet = "aé€😀\n<&".encode() + bytes([0xFF, 0xC3, 0xE2, 0x82, 0xF0, 0x9F])
    for _ in range(500):
        data = bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        cuts = sorted(rnd.sample(range(len(data) + 1), min(len(data) + 1, rnd.randint(0, 6))))
        bounds = [0, *cuts, len(data)]
        blocks = [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        assert "".join(leakcheck._decoded(blocks)) == data.decode("utf-8", "replace")


def _files(tmp: Path, rnd: random.Random) -> list[str]:
    body = "\n".join(_text(rnd, 40) for _ in range(200)) + "\nNa lange tijd: Jan Jansen, 06-12345678.\n"
    (tmp / "inventaris.csv").write_text(body, encoding="utf-8")
    (tmp / "manifest.json").write_text('{"files": [' + ", ".join(f'"{i:07d} - x.pdf"' for i in range(3000))
                                       + ', "0003001 - brief Jan Jansen.pdf"]}',
                                       encoding="utf-8")  # fmt: skip
    xml = "<w:document><w:body>" + "".join(f"<w:p><w:r><w:t>{_text(rnd, 5)}</w:t></w:r></w:p>" for _ in range(600))
    xml += "<w:p><w:r><w:t>Jan</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Jansen</w:t></w:r></w:p>"
    xml += "</w:body></w:document>"
    with zipfile.ZipFile(tmp / "besluit.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml.replace("&", "&amp;"))
        zf.writestr("docProps/core.xml", "<cp:coreProperties><dc:creator>wooflow</dc:creator></cp:coreProperties>")
    with zipfile.ZipFile(tmp / "publicatie.zip", "w") as zf:
        for i in range(300):
            zf.writestr(f"{i:07d} - stuk.pdf", b"")
        zf.writestr("0000301 - brief J. Jansen.pdf", b"")
    return ["inventaris.csv", "manifest.json", "besluit.docx", "publicatie.zip"]


def test_a_package_file_read_in_pieces_gives_the_same_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check_content reads large files from disk in blocks and searches them in segments:
    the same FileCheck (SHA-256, how, hits in order) as reading them whole."""
    import pymupdf

    rnd = random.Random(21)
    names = _files(tmp_path, rnd)
    doc = pymupdf.open()
    for i in range(6):
        page = doc.new_page()
        page.insert_text((72, 72), f"Pagina {i} " + ("Jan Jansen 06-12345678" if i == 5 else "begroting"))
    doc.save(tmp_path / "inventaris.pdf")
    names.append("inventaris.pdf")
    checker = leakcheck.Checker(_needles())
    whole = {n: leakcheck.check_content(checker, tmp_path / n, n) for n in names}
    assert all(whole[n].hits for n in names), {n: whole[n].hits for n in names}
    monkeypatch.setattr(leakcheck, "STREAM_ABOVE", 64)
    monkeypatch.setattr(leakcheck, "STREAM_PAGES", 1)
    monkeypatch.setattr(leakcheck, "SEGMENT", 50)
    monkeypatch.setattr(leakcheck, "BLOCK", 7)
    assert {n: leakcheck.check_content(checker, tmp_path / n, n) for n in names} == whole
    report = leakcheck.check_package(tmp_path, names, checker.needles)
    assert not report.clean and {h.file for h in report.leaks} == set(names)


def test_a_large_office_part_on_disk_is_searched_whatever_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inventory table of a 100k case is ~134 MB of XML in besluit.docx: a part read from a
    file is searched in pieces at any size (it was skipped above 50 MB, without a word)."""
    monkeypatch.setattr(leakcheck, "HELD_PART_MAX", 100)
    monkeypatch.setattr(leakcheck, "STREAM_ABOVE", 64)
    body = "<w:t>begroting</w:t>" * 20 + "<w:t>Jan Jansen</w:t>"
    path = tmp_path / "besluit.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", body)
    checker = leakcheck.Checker(_needles())
    assert leakcheck.check_content(checker, path, "besluit.docx").hits
