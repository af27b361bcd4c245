"""Reading stored conversations for review: the filtered list, one
transcript in order (messages, intents, slot changes, actions, outcome,
flags), and export rows. Everything read here was redacted when stored."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from sqlalchemy import and_, exists, select
from sqlalchemy.engine import Engine

from storage.schema import conversations, events, flags, reviews


@dataclass(frozen=True)
class Filters:
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    role: Optional[str] = None
    country: Optional[str] = None
    scheme: Optional[str] = None
    flag: Optional[str] = None
    reviewed: Optional[bool] = None
    text: Optional[str] = None
    limit: int = 200


@dataclass
class Summary:
    sender_id: str
    started_at: Optional[float]
    last_at: Optional[float]
    role: Optional[str]
    country: Optional[str]
    pathway: Optional[str]
    reviewed: bool
    flags: Dict[str, float] = field(default_factory=dict)


def epoch(day: dt.date, end: bool = False) -> float:
    """The first (or last) moment of a UTC day, in seconds since the epoch."""
    moment = dt.datetime.combine(day, dt.time.max if end else dt.time.min, tzinfo=dt.timezone.utc)
    return moment.timestamp()


def list_conversations(engine: Engine, f: Optional[Filters] = None) -> List[Summary]:
    """Newest first."""
    f = f or Filters()
    query = select(conversations)
    conds = []
    if f.since:
        conds.append(conversations.c.last_at >= epoch(f.since))
    if f.until:
        conds.append(conversations.c.started_at <= epoch(f.until, end=True))
    for column, value in ((conversations.c.role, f.role), (conversations.c.country, f.country),
                          (conversations.c.pathway, f.scheme)):
        if value:
            conds.append(column == value)
    if f.reviewed is not None:
        conds.append(conversations.c.reviewed == f.reviewed)
    if f.flag:
        conds.append(exists().where(and_(flags.c.sender_id == conversations.c.sender_id, flags.c.flag == f.flag)))
    if f.text:
        # Search the stored (redacted) messages; the term is bound, never pasted.
        conds.append(exists().where(and_(events.c.sender_id == conversations.c.sender_id,
                                         events.c.type_name.in_(("user", "bot")),
                                         events.c.data.ilike(f"%{f.text}%"))))
    if conds:
        query = query.where(and_(*conds))
    query = query.order_by(conversations.c.last_at.desc()).limit(f.limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        raised: Dict[str, Dict[str, float]] = {}
        if rows:
            for r in conn.execute(select(flags).where(flags.c.sender_id.in_([row.sender_id for row in rows]))):
                raised.setdefault(r.sender_id, {})[r.flag] = r.first_at
    return [Summary(r.sender_id, r.started_at, r.last_at, r.role, r.country, r.pathway, bool(r.reviewed),
                    raised.get(r.sender_id, {})) for r in rows]


def summary_of(engine: Engine, sender_id: str) -> Optional[Summary]:
    """One conversation's index entry and flags; None if it is not stored."""
    with engine.connect() as conn:
        r = conn.execute(select(conversations).where(conversations.c.sender_id == sender_id)).first()
        if r is None:
            return None
        raised = {f.flag: f.first_at for f in conn.execute(select(flags).where(flags.c.sender_id == sender_id))}
    return Summary(r.sender_id, r.started_at, r.last_at, r.role, r.country, r.pathway, bool(r.reviewed), raised)


def transcript(engine: Engine, sender_id: str) -> List[Dict[str, Any]]:
    """The conversation as review lines: who, when, text, intent and
    confidence, slots changed, actions run, payloads (outcome, handoff)."""
    with engine.connect() as conn:
        rows = conn.execute(select(events.c.id, events.c.data).where(events.c.sender_id == sender_id)
                            .order_by(events.c.id)).all()
    lines: List[Dict[str, Any]] = []
    for row in rows:
        data = json.loads(row.data)
        kind, at = data.get("event"), data.get("timestamp")
        if kind == "user":
            intent = (data.get("parse_data") or {}).get("intent") or {}
            lines.append({"at": at, "who": "user", "text": data.get("text"), "intent": intent.get("name"),
                          "confidence": intent.get("confidence"), "event_id": row.id})
        elif kind == "bot":
            custom = (data.get("data") or {}).get("custom")
            lines.append({"at": at, "who": "bot", "text": data.get("text"), "custom": custom})
        elif kind == "slot":
            lines.append({"at": at, "who": "slot", "name": data.get("name"), "value": data.get("value")})
        elif kind == "action" and data.get("name") != "action_listen":
            lines.append({"at": at, "who": "action", "name": data.get("name")})
    return lines


def export_rows(engine: Engine, f: Optional[Filters] = None) -> List[Dict[str, Any]]:
    """One row per conversation: index, flags, outcome and the redacted messages."""
    f = f or Filters()
    out = []
    for s in list_conversations(engine, f):
        lines = transcript(engine, s.sender_id)
        outcome = next((line["custom"]["pathway"] for line in reversed(lines)
                        if line["who"] == "bot" and isinstance(line.get("custom"), dict) and "pathway" in line["custom"]), None)
        out.append({
            "conversation": s.sender_id,
            "started": _iso(s.started_at), "last": _iso(s.last_at),
            "role": s.role, "country": s.country, "scheme": s.pathway, "reviewed": s.reviewed,
            "flags": {name: _iso(at) for name, at in sorted(s.flags.items())},
            "outcome": outcome,
            "messages": [{"who": line["who"], "text": line["text"]} for line in lines if line["who"] in ("user", "bot") and line.get("text")],
        })
    return out


EXPORT_COLUMNS = ("conversation", "started", "last", "role", "country", "scheme", "reviewed", "flags", "outcome",
                  "messages")


def export_csv(rows: List[Dict[str, Any]]) -> str:
    """Export rows as CSV text: flags and outcome as JSON, one message a line."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for r in rows:
        writer.writerow([r["conversation"], r["started"], r["last"], r["role"], r["country"], r["scheme"],
                         r["reviewed"], json.dumps(r["flags"]), json.dumps(r["outcome"], ensure_ascii=False),
                         "\n".join(f"{m['who']}: {m['text']}" for m in r["messages"])])
    return out.getvalue()


def _iso(ts: Optional[float]) -> Optional[str]:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).isoformat(timespec="seconds") if ts else None


DISPOSITIONS = {
    "no_issue": "no issue",
    "forwarded_pv": "forwarded to pharmacovigilance",
    "content_correction": "content correction needed",
}


class ReviewError(ValueError):
    """A review that cannot be recorded, in words."""


def mark_reviewed(engine: Engine, sender_id: str, reviewer: str, disposition: str, comment: str = "",
                  now: Optional[float] = None) -> None:
    """Record a review (kept as an audit trail) and mark the conversation reviewed."""
    import time

    if disposition not in DISPOSITIONS:
        raise ReviewError(f"unknown disposition {disposition!r}; use one of {', '.join(DISPOSITIONS)}")
    if not (reviewer or "").strip():
        raise ReviewError("a review needs the reviewer's name")
    with engine.begin() as conn:
        found = conn.execute(conversations.update().where(conversations.c.sender_id == sender_id)
                             .values(reviewed=True)).rowcount
        if not found:
            raise ReviewError(f"no conversation {sender_id!r}")
        conn.execute(reviews.insert().values(sender_id=sender_id, reviewer=reviewer.strip()[:100], at=now or time.time(),
                                             disposition=disposition, comment=(comment or "")[:2000]))


def reviews_of(engine: Engine, sender_id: str) -> List[Dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(reviews).where(reviews.c.sender_id == sender_id).order_by(reviews.c.id))]
