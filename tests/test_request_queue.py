"""The desk's queue as a pure function: urgent requests first, then the ones
whose acknowledge-by time runs out first, closed ones last; filters by
status, urgency, country, scheme and overdue; no clock once a person has
taken a request on."""
import datetime as dt
from dataclasses import replace

from bot.handoff.queue import QueueFilters, queue_rows
from bot.handoff.requests import Request

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # a Wednesday


def request(ref, *, urgent=False, status="received", country="FR", scheme="FR_AAC", days_ago=0, ack_in=1):
    created = NOW - dt.timedelta(days=days_ago)
    return Request(int(ref[-1]), ref, f"c{ref}", "physician_request", "urgent" if urgent else "managed_access",
                   status, "answered" if status == "closed" else None, urgent, country,
                   {"outcome": {"scheme": scheme}}, {}, created, created,
                   created.date() + dt.timedelta(days=ack_in))


STORED = [
    request("MA-1", days_ago=0),                          # due tomorrow
    request("MA-2", days_ago=7),                          # overdue
    request("MA-3", urgent=True, days_ago=0),
    request("MA-4", status="acknowledged", country="US", scheme="US_EA"),
    request("MA-5", status="closed"),
]


def refs(rows):
    return [r.request.reference for r in rows]


def test_urgent_first_then_the_earliest_due_and_closed_last():
    rows = queue_rows(STORED, QueueFilters(), NOW, "FR")
    assert refs(rows) == ["MA-3", "MA-2", "MA-1", "MA-4", "MA-5"]
    overdue = {r.request.reference: r.overdue for r in rows}
    assert overdue == {"MA-3": False, "MA-2": True, "MA-1": False, "MA-4": False, "MA-5": False}
    assert [r.clock is None for r in rows] == [False, False, False, True, True]


def test_each_filter_narrows_the_queue():
    cases = {
        QueueFilters(status="received"): ["MA-3", "MA-2", "MA-1"],
        QueueFilters(urgent=False, status="received"): ["MA-2", "MA-1"],
        QueueFilters(country="US"): ["MA-4"],
        QueueFilters(scheme="US_EA"): ["MA-4"],
        QueueFilters(overdue=True): ["MA-2"],
        QueueFilters(overdue=False, urgent=True): ["MA-3"],
    }
    for filters, expected in cases.items():
        assert refs(queue_rows(STORED, filters, NOW, "FR")) == expected, filters


def test_a_request_without_an_outcome_has_no_scheme():
    undecided = replace(STORED[0], assessment={"outcome": None, "options": []})
    [row] = queue_rows([undecided], QueueFilters(), NOW, "FR")
    assert row.scheme is None
    assert queue_rows([undecided], QueueFilters(scheme="FR_AAC"), NOW, "FR") == []
