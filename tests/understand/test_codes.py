from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.understand import WOB_TO_WOO, count_codes, find_redaction_codes


def codes(text: str) -> list[str]:
    return [c.code for c in find_redaction_codes(text)]


@pytest.mark.parametrize(
    "raw, code",
    [
        ("5.1.2e", "5.1.2e"),
        ("5.1.2.e", "5.1.2e"),
        ("5.1.2 e", "5.1.2e"),
        ("5.1.1d", "5.1.1d"),
        ("5.1.2.i", "5.1.2i"),
        ("10.2.e", "10.2e"),
        ("10.2.g", "10.2g"),
        ("10.1.c", "10.1c"),
    ],
)
def test_variants_normalised(raw: str, code: str) -> None:
    assert codes(f"Naam: {raw} (zie boven)") == [code]


def test_sup_tags_and_letterless_codes() -> None:
    text = "T 070 <sup>5.1.2e</sup> en <sup>5.2.1</sup>; <sup>5.2</sup>"
    found = find_redaction_codes(text)
    assert [c.code for c in found] == ["5.1.2e", "5.2", "5.2"]
    assert all(c.in_sup for c in found)
    assert text[found[0].start : found[0].end] == "5.1.2e"


def test_letterless_next_to_a_mark() -> None:
    assert codes("gelakt: 5.1.2e, 5.2") == ["5.1.2e", "5.2"]
    assert codes("10.2.e en 11.1") == ["10.2e", "11.1"]


@pytest.mark.parametrize(
    "text",
    [
        "Zie artikel 5.1.2e van de Woo.",  # citation
        "op grond van art. 5.2 Woo",
        "5.2 Meningsverschillen in het gezin",  # table of contents, no marks elsewhere
        "versie 5.2 van het document",
        "het bedrag van € 5.2 mln",
        "vergadering op 5.2.2021",
        "hoofdstuk 11.1 beschrijft",
        "artikel 10, tweede lid, onder e, van de Wob",
        "5.1.2 Hechting",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert codes(text) == []


def test_letterless_counts_when_document_has_marks() -> None:
    text = "Naam: 5.1.2e\nPassage over beleid: 5.2\nTotaal 5.2% groei"
    assert codes(text) == ["5.1.2e", "5.2"]


def test_wob_mapping_table() -> None:
    (hit,) = find_redaction_codes("naam 10.2.e weggelakt")
    assert (hit.law, hit.woo) == ("wob", "5.1.2e")
    assert (
        WOB_TO_WOO["11.1"] == "5.2"
        and WOB_TO_WOO["10.2g"] == "5.1.5"
        and WOB_TO_WOO["10.2f"] is None
    )


def test_counts_per_code_on_wob_decision() -> None:
    text = (Path(__file__).parents[1] / "resources/understand/besluit-wob-2019.txt").read_text(
        "utf-8"
    )
    assert count_codes(find_redaction_codes(text)) == {"10.2e": 4, "11.1": 2}


def test_vws_minutes_count_exactly(shared: Path) -> None:
    text = (shared / "verslag-mt-vws-2021.md").read_text("utf-8")
    found = find_redaction_codes(text)
    # 15 in <sup> tags, 3 printed inline ("5.1.2e heeft aangegeven", "MT 5.1.2e" twice).
    assert count_codes(found) == {"5.1.2e": 18}
    assert sum(c.in_sup for c in found) == 15


def test_report_table_of_contents_has_no_codes(shared: Path) -> None:
    import pymupdf

    with pymupdf.open(shared / "advies-belang-kind-meeroudergezinnen-2024.pdf") as pdf:
        text = "\f".join(page.get_text() for page in pdf)
    assert find_redaction_codes(text) == []


def test_glued_labels_from_pdf_extraction() -> None:
    assert codes("naam: 5.1.2e5.1.2e en 5.1.2e") == ["5.1.2e", "5.1.2e", "5.1.2e"]
    assert codes("x5.1.2e") == [] and codes("15.1.2e") == [] and codes("5.1.2e1") == []
    assert codes("(5.1.2.e.)") == ["5.1.2e"]
