"""Erasure and retention of stored conversations. Each run is logged with
who, when and how much was removed, never with what was removed."""
from __future__ import annotations

import time
from typing import Iterable, Optional

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from bot.transcripts.tables import conversations, erasures, events, flags, metadata


def _remove(engine: Engine, sender_ids: Iterable[str], actor: str, reason: str, now: float) -> int:
    ids = list(sender_ids)
    with engine.begin() as conn:
        removed = 0
        for sender_id in ids:
            removed += conn.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount
            conn.execute(delete(flags).where(flags.c.sender_id == sender_id))
            conn.execute(delete(conversations).where(conversations.c.sender_id == sender_id))
        conn.execute(erasures.insert().values(at=now, actor=actor[:100], reason=reason,
                                              conversations=len(ids), events=removed))
    return removed


def erase(engine: Engine, sender_id: str, actor: str, now: Optional[float] = None) -> int:
    """Erase one conversation (an erasure request). Returns the events removed."""
    metadata.create_all(engine)
    return _remove(engine, [sender_id], actor, "request", now or time.time())


def apply_retention(engine: Engine, days: int, actor: str, now: Optional[float] = None) -> int:
    """Delete conversations whose last event is older than `days` days.
    Returns the number of conversations removed."""
    if days < 1:
        raise ValueError("retention must be at least one day")
    metadata.create_all(engine)
    now = now or time.time()
    cutoff = now - days * 86400
    with engine.connect() as conn:
        last = select(events.c.sender_id, func.max(events.c.timestamp).label("last")).group_by(events.c.sender_id).subquery()
        old = [r.sender_id for r in conn.execute(select(last.c.sender_id).where(last.c.last < cutoff))]
    _remove(engine, old, actor, "retention", now)
    return len(old)
