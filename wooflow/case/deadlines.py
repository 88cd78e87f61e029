"""Legal decision term of a Woo request.

Rules (Woo art. 4.4; Awb 4:15; Algemene termijnenwet):
- decide within 4 weeks after the request was received;
- the body may extend that once by at most 2 weeks (art. 4.4 lid 2);
- while a third party is asked for its view (zienswijze, art. 4.4 lid 3 / Awb 4:15) the term is
  suspended: the suspended days are added;
- a statutory term that ends on a Saturday, Sunday or a holiday of the Algemene termijnenwet
  runs on to the next working day (Atw art. 1 and 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

BASE_TERM = timedelta(weeks=4)
EXTENSION = timedelta(weeks=2)


@dataclass(frozen=True, slots=True)
class Suspension:
    """A period in which the term stands still (third parties consulted)."""

    start: date
    end: date | None  # None: still running
    note: str = ""

    def days(self, today: date) -> int:
        end = self.end if self.end is not None else today
        return max(0, (end - self.start).days)


@dataclass(frozen=True, slots=True)
class Deadlines:
    received: date
    base_due: date
    extended: bool
    suspended_days: int
    suspension_running: bool
    due: date
    moved_from: date | None  # the calendar due date when the Atw moved it to a working day
    today: date
    suspensions: list[Suspension] = field(default_factory=list)

    @property
    def extended_due(self) -> date | None:
        """The term after the extension, before suspensions (None: not extended)."""
        return self.base_due + EXTENSION if self.extended else None

    @property
    def days_left(self) -> int:
        """Calendar days until the due date (negative: overdue)."""
        return (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def to_json(self) -> dict[str, Any]:
        return {
            "received": self.received.isoformat(),
            "base_due": self.base_due.isoformat(),
            "extended": self.extended,
            "extended_due": self.extended_due.isoformat() if self.extended_due else None,
            "suspended_days": self.suspended_days,
            "suspension_running": self.suspension_running,
            "due": self.due.isoformat(),
            "moved_from": self.moved_from.isoformat() if self.moved_from else None,
            "days_left": self.days_left,
            "overdue": self.overdue,
        }


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm; no dependency for one formula)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holidays(year: int) -> set[date]:
    """The 'algemeen erkende feestdagen' of Atw art. 3 in one year."""
    e = easter(year)
    kings = date(year, 4, 27)
    if kings.weekday() == 6:  # Koningsdag moves to Saturday when 27 April is a Sunday
        kings = date(year, 4, 26)
    return {
        date(year, 1, 1),
        e + timedelta(days=1),  # tweede paasdag
        e + timedelta(days=39),  # hemelvaartsdag
        e + timedelta(days=50),  # tweede pinksterdag
        kings,
        date(year, 5, 5),
        date(year, 12, 25),
        date(year, 12, 26),
    }


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while day.weekday() >= 5 or day in holidays(day.year):
        day += timedelta(days=1)
    return day


def compute(
    received: date,
    extended: bool = False,
    suspensions: list[Suspension] | None = None,
    today: date | None = None,
) -> Deadlines:
    """The decision due date from the received date, extension and suspensions."""
    today = today or date.today()
    suspensions = list(suspensions or [])
    base_due = received + BASE_TERM
    suspended = sum(s.days(today) for s in suspensions)
    calendar_due = base_due + (EXTENSION if extended else timedelta(0)) + timedelta(days=suspended)
    due = next_working_day(calendar_due)
    return Deadlines(
        received=received,
        base_due=base_due,
        extended=extended,
        suspended_days=suspended,
        suspension_running=any(s.end is None for s in suspensions),
        due=due,
        moved_from=calendar_due if due != calendar_due else None,
        today=today,
        suspensions=suspensions,
    )
