from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from wooflow.case import Case, CaseInfo
from wooflow.case.deadlines import Suspension, compute, easter, holidays, next_working_day
from wooflow.exceptions import CaseError


def test_four_weeks_after_receipt() -> None:
    d = compute(date(2024, 1, 10), today=date(2024, 1, 20))
    assert d.base_due == date(2024, 2, 7)
    assert d.due == date(2024, 2, 7)
    assert d.days_left == 18 and not d.overdue


def test_extension_adds_two_weeks() -> None:
    d = compute(date(2024, 1, 10), extended=True)
    assert d.due == d.extended_due == date(2024, 2, 21)


def test_suspension_adds_suspended_days() -> None:
    s = [Suspension(date(2024, 2, 1), date(2024, 2, 15))]
    d = compute(date(2024, 1, 10), extended=True, suspensions=s, today=date(2024, 2, 20))
    assert d.suspended_days == 14
    assert d.due == date(2024, 3, 6)


def test_running_suspension_counts_until_today() -> None:
    s = [Suspension(date(2024, 2, 1), None)]
    d = compute(date(2024, 1, 10), suspensions=s, today=date(2024, 2, 4))
    assert d.suspension_running and d.suspended_days == 3
    assert d.due == date(2024, 2, 12)  # 7 Feb + 3 = Saturday 10 Feb -> Monday 12 Feb


def test_due_date_on_weekend_or_holiday_moves_to_working_day() -> None:
    # received Sat 2 Dec 2023 -> 30 Dec (Saturday) -> Monday 1 Jan is New Year -> 2 Jan
    d = compute(date(2023, 12, 2))
    assert d.moved_from == date(2023, 12, 30)
    assert d.due == date(2024, 1, 2)


def test_holidays() -> None:
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2025) == date(2025, 4, 20)
    h = holidays(2025)
    assert date(2025, 4, 21) in h  # tweede paasdag
    assert date(2025, 5, 29) in h  # hemelvaart
    assert date(2025, 6, 9) in h  # tweede pinksterdag
    assert date(2025, 4, 26) in h  # Koningsdag on Saturday because 27 April is a Sunday
    assert next_working_day(date(2024, 12, 25)) == date(2024, 12, 27)


def test_case_records_extension_and_suspension(case: Case) -> None:
    case.extend(date(2024, 1, 30), "veel documenten")
    with pytest.raises(CaseError):
        case.extend()
    case.suspend(date(2024, 2, 1), note="zienswijze derde")
    case.end_suspension(date(2024, 2, 11))
    d = case.deadlines(today=date(2024, 2, 12))
    assert d.extended and d.suspended_days == 10
    assert d.due == date(2024, 3, 4)  # 21 Feb + 10 = Saturday 2 Mar -> Monday 4 Mar
    assert case.extended_on() == date(2024, 1, 30)


def test_case_info_validation_and_reopen(case: Case) -> None:
    with pytest.raises(CaseError):
        CaseInfo(request="x", received=date(2024, 1, 1), requester_kind="meneer Jansen")
    with pytest.raises(CaseError):
        Case.init(case.dir, CaseInfo(request="x", received=date(2024, 1, 1)))
    case.update_info(period_from=date(2023, 1, 1))
    again = Case.open(case.dir)
    assert again.info.period_from == date(2023, 1, 1)
    assert again.info.requester_kind == "journalist"
    again.close()


def test_open_missing_case(tmp_path) -> None:
    with pytest.raises(CaseError):
        Case.open(tmp_path / "nergens")


def test_suspension_names_its_documents_and_the_inventory_marks_them(
    case: Case, add_text: Callable[..., int]
) -> None:
    from wooflow.case.publish.source import load

    asked = add_text("brief-aan-derde.txt", "Brief over het subsidiebesluit.")
    other = add_text("nota.txt", "Nota over de begroting.")
    with pytest.raises(CaseError):
        case.suspend(date(2024, 2, 1), doc_ids=[9999])
    case.suspend(date(2024, 2, 1), note="zienswijze Stichting X", doc_ids=[asked])
    assert case.suspended_documents() == {asked}
    view = load(case)
    flags = {view.doc_ids[r.key]: r.suspended for r in view.records}
    assert flags[asked] is True and flags[other] is False
    assert case.deadlines(today=date(2024, 2, 5)).suspension_running
