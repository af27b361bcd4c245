"""The one-business-day promise as time: when a request's acknowledge-by
date ends, how much business time it has left, and when half of it is gone
(the team's alert). Business time is the working hours of the patient's
country's business days (bot.business_days: its weekend and public
holidays), in that country's local time.

A country with several time zones takes the one whose day ends first (New
York before Los Angeles), so the promise is kept everywhere in it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Tuple
from zoneinfo import ZoneInfo

from babel.core import get_global

from bot.business_days import is_business_day

UTC = dt.timezone.utc
# Working hours of a business day, local time (BUSINESS_HOURS in settings).
Hours = Tuple[dt.time, dt.time]
DEFAULT_HOURS: Hours = (dt.time(9), dt.time(18))


@lru_cache(maxsize=64)
def country_zone(country: str) -> ZoneInfo:
    """The country's time zone whose day ends first (CLDR's zones of the
    territory, through Babel); UTC for a code it does not know."""
    names = get_global("territory_zones").get((country or "").upper()) or ()
    zones = [ZoneInfo(name) for name in names]
    if not zones:
        return ZoneInfo("UTC")
    # The largest offset from UTC ends its day first; January and July
    # together, so daylight saving time does not decide.
    def ahead(zone: ZoneInfo) -> dt.timedelta:
        return sum((dt.datetime(2026, month, 1, 12, tzinfo=zone).utcoffset() for month in (1, 7)), dt.timedelta())
    return max(zones, key=lambda zone: (ahead(zone), zone.key))


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def deadline(acknowledge_by: dt.date, country: str, hours: Hours = DEFAULT_HOURS) -> dt.datetime:
    """The end of the working day of `acknowledge_by` in the country, in UTC."""
    return dt.datetime.combine(acknowledge_by, hours[1], tzinfo=country_zone(country)).astimezone(UTC)


def business_time(start: dt.datetime, end: dt.datetime, country: str, hours: Hours = DEFAULT_HOURS) -> dt.timedelta:
    """Working time between two moments on the country's business days;
    zero when `end` is not after `start`."""
    zone = country_zone(country)
    start, end = _as_utc(start).astimezone(zone), _as_utc(end).astimezone(zone)
    total = dt.timedelta()
    day = start.date()
    while day <= end.date():
        if is_business_day(day, country):
            opens = dt.datetime.combine(day, hours[0], tzinfo=zone)
            closes = dt.datetime.combine(day, hours[1], tzinfo=zone)
            total += max(dt.timedelta(), min(closes, end) - max(opens, start))
        day += dt.timedelta(days=1)
    return total


@dataclass(frozen=True)
class Clock:
    """Where a request stands against its acknowledge-by date."""

    due: dt.datetime            # end of the acknowledge-by day's working hours, UTC
    allowed: dt.timedelta       # business time from receipt to `due`
    left: dt.timedelta          # business time from now to `due` (zero once overdue)
    overdue: bool
    half_gone: bool             # at least half of `allowed` has passed

    def describe(self) -> str:
        """'5 h 30 min of business time left', 'overdue'."""
        if self.overdue:
            return "overdue"
        minutes = int(self.left.total_seconds() // 60)
        hours, minutes = divmod(minutes, 60)
        amount = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
        return f"{amount} of business time left"


def clock_of(created_at: dt.datetime, acknowledge_by: dt.date, country: Optional[str], now: dt.datetime,
             default_country: str, hours: Hours = DEFAULT_HOURS) -> Clock:
    """The request's clock at `now`: its deadline, the business time it had
    and has left, whether it is overdue and whether half of its time is gone."""
    country = country or default_country
    due = deadline(acknowledge_by, country, hours)
    allowed = business_time(created_at, due, country, hours)
    left = business_time(now, due, country, hours)
    overdue = _as_utc(now) >= due
    return Clock(due, allowed, left, overdue, overdue or (allowed - left) * 2 >= allowed)
