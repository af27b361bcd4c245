"""What the reviewers' dashboard counts, as pure functions over plain rows:
conversations per day, outcomes by scheme and country, adverse-event and
emergency flags, fallback and repair rates, handoffs and their time to
acknowledgement, and the share of conversations that reached an outcome.
Days are UTC calendar days; every chart comes as labels and named series,
so the page draws it and the CSV lists the same numbers."""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

UTC = dt.timezone.utc

CHARTS = {
    "conversations": "Conversations per day",
    "outcomes": "Outcomes by scheme and country",
    "safety": "Adverse-event and emergency flags per day",
    "repair": "Fallback and repair rate per day",
    "handoffs": "Handoffs per day and hours to acknowledgement",
    "reached": "Share of conversations that reached an outcome, per day",
}


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    labels: List[str]
    # Series name -> one value per label.
    series: Dict[str, List[float]] = field(default_factory=dict)
    kind: str = "bar"  # how the page draws it: bar, line
    unit: str = "count"

    def rows(self) -> List[List[Any]]:
        """The numbers as a table: one row per label, one column per series."""
        return [[label, *(self.series[name][i] for name in self.series)] for i, label in enumerate(self.labels)]

    def as_dict(self) -> Dict[str, Any]:
        return {"name": self.name, "title": self.title, "labels": self.labels, "series": self.series,
                "kind": self.kind, "unit": self.unit}


def days(since: dt.date, until: dt.date) -> List[dt.date]:
    return [since + dt.timedelta(days=i) for i in range((until - since).days + 1)]


def day_of(moment: Any) -> Optional[dt.date]:
    """The UTC day of an epoch time or a datetime (naive ones are UTC)."""
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()
    return dt.datetime.fromtimestamp(float(moment), UTC).date()


def questions_asked_again(events: Iterable[Mapping[str, Any]]) -> int:
    """How many times the user answered and the same question was still
    open after the bot's reply: asked again (repaired or repeated). Events in
    the order Rasa stored them (user messages and slot changes)."""
    open_question: Optional[str] = None
    before_reply: Optional[str] = None
    answered = False
    again = 0
    for event in events:
        kind = event.get("event")
        if kind == "user":
            if answered and before_reply and open_question == before_reply:
                again += 1
            before_reply, answered = open_question, True
        elif kind == "slot" and event.get("name") == "requested_slot":
            open_question = event.get("value")
    if answered and before_reply and open_question == before_reply:
        again += 1
    return again


@dataclass(frozen=True)
class ConversationRow:
    sender_id: str
    started_at: float
    country: Optional[str]
    pathway: Optional[str]
    flags: Mapping[str, float]      # flag -> first time
    asked_again: int = 0


@dataclass(frozen=True)
class RequestRow:
    created_at: dt.datetime
    acknowledged_at: Optional[dt.datetime]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def dashboard(conversations: Sequence[ConversationRow], requests: Sequence[RequestRow],
              since: dt.date, until: dt.date) -> Dict[str, Chart]:
    """Every chart for conversations started and requests received between
    `since` and `until` (both included)."""
    span = days(since, until)
    labels = [d.isoformat() for d in span]
    index = {d: i for i, d in enumerate(span)}
    per_day = [0] * len(span)
    reached = [0] * len(span)
    fallback = [0] * len(span)
    repaired = [0] * len(span)
    adverse = [0] * len(span)
    emergency = [0] * len(span)
    outcomes: Dict[str, Dict[str, int]] = {}
    for c in conversations:
        i = index.get(day_of(c.started_at))
        if i is None:
            continue
        per_day[i] += 1
        if c.pathway:
            reached[i] += 1
            outcomes.setdefault(c.pathway, {}).setdefault(c.country or "unknown", 0)
            outcomes[c.pathway][c.country or "unknown"] += 1
        fallback[i] += "fallback" in c.flags
        repaired[i] += c.asked_again > 0
        # A flag counts on the day it was raised, if that day is in the range.
        for name, series in (("adverse_event", adverse), ("emergency", emergency)):
            j = index.get(day_of(c.flags.get(name)))
            if j is not None:
                series[j] += 1
    handoffs = [0] * len(span)
    waits: List[List[float]] = [[] for _ in span]
    for r in requests:
        i = index.get(day_of(r.created_at))
        if i is None:
            continue
        handoffs[i] += 1
        if r.acknowledged_at is not None:
            waits[i].append((r.acknowledged_at - r.created_at).total_seconds() / 3600)
    schemes = sorted(outcomes)
    countries = sorted({country for by_country in outcomes.values() for country in by_country})
    charts = [
        Chart("conversations", CHARTS["conversations"], labels, {"conversations": per_day}),
        Chart("outcomes", CHARTS["outcomes"], schemes,
              {country: [outcomes[s].get(country, 0) for s in schemes] for country in countries}),
        Chart("safety", CHARTS["safety"], labels, {"adverse_event": adverse, "emergency": emergency}),
        Chart("repair", CHARTS["repair"], labels,
              {"fallback": [_share(f, n) for f, n in zip(fallback, per_day)],
               "question asked again": [_share(r, n) for r, n in zip(repaired, per_day)]}, "line", "share"),
        Chart("handoffs", CHARTS["handoffs"], labels,
              {"handoffs": handoffs,
               "median hours to acknowledgement": [round(statistics.median(w), 1) if w else 0.0 for w in waits]}),
        Chart("reached", CHARTS["reached"], labels,
              {"reached an outcome": [_share(r, n) for r, n in zip(reached, per_day)]}, "line", "share"),
    ]
    return {chart.name: chart for chart in charts}
