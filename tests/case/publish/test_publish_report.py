from __future__ import annotations

import re

from lxml import etree

from wooflow.case.publish.records import ReviewCounts
from wooflow.case.publish.report import ReportData, render


def test_report_is_self_contained_with_charts(case_meta, records):
    page = render(ReportData(case_meta, records, ReviewCounts(7, 3, 1, {"person": 6}),
                             failures=[("x/kapot.pdf", "corrupt")], pages=12))
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) >= 5
    for svg in svgs:
        etree.fromstring(svg.encode())  # each chart is well-formed SVG
    assert "Documenten per uitzonderingsgrond" in page and "5.1.2e" in page
    assert "2023-11" in page  # documents per month
    assert "kapot.pdf" not in page  # no file names (they may carry personal data)
    assert "73%" in page or "64%" in page  # (7+1)/11 reviewed


def test_empty_case_report(case_meta):
    page = render(ReportData(case_meta, []))
    assert "Geen gegevens." in page and "niets aangetroffen" in page
