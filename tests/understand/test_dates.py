from __future__ import annotations

import datetime as dt

import pytest

from wooflow.understand.dates import coerce_date, find_dates, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7 februari 2024", dt.date(2024, 2, 7)),
        ("07 februari 2024", dt.date(2024, 2, 7)),
        ("3 okt. 2022", dt.date(2022, 10, 3)),
        ("3 sept 2022", dt.date(2022, 9, 3)),
        ("22 mrt. 2021", dt.date(2021, 3, 22)),
        ("donderdag 23 november 2023 14:02", dt.date(2023, 11, 23)),
        ("22-11-2023", dt.date(2023, 11, 22)),
        ("22/11/2023", dt.date(2023, 11, 22)),
        ("2023-11-22", dt.date(2023, 11, 22)),
        ("Thursday, November 23, 2023 2:02 PM", dt.date(2023, 11, 23)),
        ("Den Haag, 1e maart 2021", dt.date(2021, 3, 1)),
    ],
)
def test_formats(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31 februari 2024", "€ 12.11.2023,-", "pagina 12 van 30", "maart 2023"]
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_positions_and_order() -> None:
    text = "Periode 18-11-2023 tot 27-11-2023, brief van 7 februari 2024."
    hits = find_dates(text)
    assert [h.date.isoformat() for h in hits] == ["2023-11-18", "2023-11-27", "2024-02-07"]
    assert text[hits[2].start : hits[2].end] == "7 februari 2024"


def test_coerce_reader_values() -> None:
    assert coerce_date("2025-06-22T10:30:00+00:00") == dt.date(2025, 6, 22)
    assert coerce_date("Mon, 22 Mar 2021 12:00:00 +0100") == dt.date(2021, 3, 22)
    assert coerce_date(dt.datetime(2020, 1, 2, 3, 4)) == dt.date(2020, 1, 2)
    assert coerce_date("") is None and coerce_date(None) is None
