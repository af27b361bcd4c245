"""Business days of a country: its weekend and public holidays (the
`holidays` library). A country the library does not know still has a
weekend, Saturday and Sunday."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import FrozenSet, Optional

import holidays

SAT_SUN = frozenset({5, 6})


@lru_cache(maxsize=256)
def _calendar(country: str, year: int) -> Optional[holidays.HolidayBase]:
    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return None


def weekend(country: str) -> FrozenSet[int]:
    calendar = _calendar(country, dt.date.today().year)
    return frozenset(getattr(calendar, "weekend", SAT_SUN)) if calendar is not None else SAT_SUN


def is_business_day(day: dt.date, country: str) -> bool:
    if day.weekday() in weekend(country):
        return False
    calendar = _calendar(country, day.year)
    return calendar is None or day not in calendar


def add_business_days(start: dt.date, days: int, country: str) -> dt.date:
    """The date `days` business days after `start`: a request received on any
    day is acknowledged by the end of the `days`-th business day after it
    (received Friday, one business day: Monday, or Tuesday if Monday is a
    holiday)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    day, left = start, days
    while left:
        day += dt.timedelta(days=1)
        if is_business_day(day, country):
            left -= 1
    return day
