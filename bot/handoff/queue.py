"""The team's queue as the request desk shows it: filters (status, urgent,
country, scheme, overdue) and each request with its acknowledge-by clock;
urgent requests first, then the ones whose time runs out first."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, List, Optional

from bot.handoff.deadlines import DEFAULT_HOURS, Clock, Hours, clock_of
from bot.handoff.requests import Request


@dataclass(frozen=True)
class QueueFilters:
    status: Optional[str] = None
    urgent: Optional[bool] = None
    country: Optional[str] = None
    scheme: Optional[str] = None
    overdue: Optional[bool] = None


@dataclass(frozen=True)
class QueueRow:
    request: Request
    # The acknowledge-by clock, while no one has taken the request on.
    clock: Optional[Clock]

    @property
    def scheme(self) -> Optional[str]:
        return scheme_of(self.request)

    @property
    def overdue(self) -> bool:
        return bool(self.clock and self.clock.overdue)


def scheme_of(request: Request) -> Optional[str]:
    """The scheme the engine decided for the request, if it reached one."""
    return ((request.assessment or {}).get("outcome") or {}).get("scheme")


def queue_rows(requests: Iterable[Request], filters: QueueFilters, now: dt.datetime, default_country: str,
               hours: Hours = DEFAULT_HOURS) -> List[QueueRow]:
    rows = []
    for request in requests:
        if filters.status and request.status != filters.status:
            continue
        if filters.urgent is not None and request.urgent != filters.urgent:
            continue
        if filters.country and (request.country or "") != filters.country:
            continue
        if filters.scheme and scheme_of(request) != filters.scheme:
            continue
        clock = (clock_of(request.created_at, request.acknowledge_by, request.country, now, default_country, hours)
                 if request.status == "received" else None)
        row = QueueRow(request, clock)
        if filters.overdue is not None and row.overdue != filters.overdue:
            continue
        rows.append(row)
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return sorted(rows, key=lambda r: (not r.request.urgent, r.request.status == "closed",
                                       r.clock.due if r.clock else far, r.request.created_at))
