"""Messages reviewers marked as misunderstood (bot.transcripts.nlu_export):
recorded against the stored (redacted) user message, one mark per message,
the latest replacing an earlier one; read back for the transcript page and
the export."""
from __future__ import annotations

import json
import time
from typing import Any, Dict, Iterable, List, Mapping, Optional

from sqlalchemy import and_, delete, select
from sqlalchemy.engine import Engine

from bot.transcripts.nlu_export import Correction, CorrectionError, check_intent
from storage.schema import corrections, events


def mark_misunderstood(engine: Engine, sender_id: str, event_id: int, intent: str, facts: Mapping[str, Any],
                       reviewer: str, intents: Iterable[str], now: Optional[float] = None) -> Correction:
    """Record what the message should have been read as; CorrectionError in words."""
    intent = check_intent(intent, intents)
    reviewer = " ".join((reviewer or "").split())[:100]
    if not reviewer:
        raise CorrectionError("a mark needs the reviewer's name")
    with engine.begin() as conn:
        row = conn.execute(select(events.c.data).where(and_(
            events.c.id == event_id, events.c.sender_id == sender_id, events.c.type_name == "user"))).first()
        if row is None:
            raise CorrectionError("no such message in this conversation")
        text = (json.loads(row.data).get("text") or "").strip()
        if not text:
            raise CorrectionError("this message has no text to learn from")
        conn.execute(delete(corrections).where(corrections.c.event_id == event_id))
        mark = Correction(sender_id, text, intent, reviewer, now or time.time(), dict(facts))
        conn.execute(corrections.insert().values(sender_id=sender_id, event_id=event_id, text=text, intent=intent,
                                                 facts=dict(facts), reviewer=reviewer, at=mark.at))
    return mark


def marks_in(engine: Engine, sender_id: str) -> Dict[int, Correction]:
    """The conversation's marks by message (event id)."""
    with engine.connect() as conn:
        rows = conn.execute(select(corrections).where(corrections.c.sender_id == sender_id)).all()
    return {r.event_id: _correction(r) for r in rows}


def all_marks(engine: Engine) -> List[Correction]:
    with engine.connect() as conn:
        return [_correction(r) for r in conn.execute(select(corrections).order_by(corrections.c.at))]


def _correction(row: Any) -> Correction:
    return Correction(row.sender_id, row.text, row.intent, row.reviewer, row.at, dict(row.facts or {}))
