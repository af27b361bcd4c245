"""Erasure and retention: of stored conversations (the transcripts database)
and of handoff requests (the project database). Each run is logged in
`transcript_erasures` with who, when and how much was removed, never with
what was removed. The two databases are separate engines, so an erasure is
two transactions: the project's first (contact details, the more sensitive),
then the transcript's; running it again after a failure finishes the job."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Iterable, Optional

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from storage.schema import (
    access_requests,
    conversations,
    corrections,
    erasures,
    events,
    flags,
    handoff_drafts,
    outbox,
    request_events,
    reviews,
)

# What an erased request keeps of its contact and of the emails already sent.
ERASED_CONTACT = {"erased": True}
ERASED_BODY = "[erased]"


@dataclass(frozen=True)
class Erased:
    events: int        # the conversation's events
    comments: int      # reviewers' comments on it
    requests: int      # its handoff requests whose contact details were erased


def _log(conn: Connection, actor: str, reason: str, now: float, items: int, entries: int) -> None:
    conn.execute(erasures.insert().values(at=now, actor=actor[:100], reason=reason,
                                          conversations=items, events=entries))


def _remove(engine: Engine, sender_ids: Iterable[str], actor: str, reason: str, now: float) -> tuple[int, int]:
    """Events, flags, index entry and reviewers' comments (they may quote the
    conversation) of each conversation; returns (events, comments) removed."""
    ids = list(sender_ids)
    removed = comments = 0
    with engine.begin() as conn:
        for sender_id in ids:
            removed += conn.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount
            comments += conn.execute(delete(reviews).where(reviews.c.sender_id == sender_id)).rowcount
            # Marks quote the conversation's messages: they go with it.
            conn.execute(delete(corrections).where(corrections.c.sender_id == sender_id))
            conn.execute(delete(flags).where(flags.c.sender_id == sender_id))
            conn.execute(delete(conversations).where(conversations.c.sender_id == sender_id))
        _log(conn, actor, reason, now, len(ids), removed)
    return removed, comments


def _utc(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def erase_request_contacts(project: Engine, conversation_id: str, actor: str, now: dt.datetime) -> int:
    """The contact details a conversation left in the project database: its
    requests' contact (replaced by a marker), its draft, its unsent team emails
    (deleted) and the bodies of those sent (emptied). The request itself, its
    assessment (facts about the case, no person) and its status history stay
    for the team, with an `erased` entry that says who, when, and nothing
    else. Returns the number of requests."""
    with project.begin() as conn:
        ids = conn.execute(select(access_requests.c.id).where(
            access_requests.c.conversation_id == conversation_id)).scalars().all()
        conn.execute(delete(handoff_drafts).where(handoff_drafts.c.conversation_id == conversation_id))
        if not ids:
            return 0
        conn.execute(delete(outbox).where(and_(outbox.c.request_id.in_(ids), outbox.c.status != "sent")))
        conn.execute(update(outbox).where(outbox.c.request_id.in_(ids)).values(body=ERASED_BODY, last_error=None))
        conn.execute(update(access_requests).where(access_requests.c.id.in_(ids)).values(contact=ERASED_CONTACT))
        conn.execute(insert(request_events), [
            {"request_id": request_id, "at": now, "actor": actor[:100], "action": "erased"} for request_id in ids])
    return len(ids)


def erase(transcripts: Engine, project: Engine, sender_id: str, actor: str, now: Optional[float] = None) -> Erased:
    """Erase one conversation (an erasure request): its transcript and
    reviewers' comments, and its handoff requests' contact details."""
    now = now or time.time()
    requests = erase_request_contacts(project, sender_id, actor, _utc(now))
    removed, comments = _remove(transcripts, [sender_id], actor, "request", now)
    return Erased(removed, comments, requests)


def apply_retention(engine: Engine, days: int, actor: str, now: Optional[float] = None) -> int:
    """Delete conversations whose last event is older than `days` days.
    Returns the number of conversations removed."""
    if days < 1:
        raise ValueError("retention must be at least one day")
    now = now or time.time()
    cutoff = now - days * 86400
    with engine.connect() as conn:
        last = select(events.c.sender_id, func.max(events.c.timestamp).label("last")).group_by(events.c.sender_id).subquery()
        old = [r.sender_id for r in conn.execute(select(last.c.sender_id).where(last.c.last < cutoff))]
    _remove(engine, old, actor, "retention", now)
    return len(old)


def apply_request_retention(project: Engine, transcripts: Engine, days: int, actor: str,
                            now: Optional[float] = None) -> int:
    """Delete handoff requests not updated for `days` days, logged beside the
    conversations' retention runs (reason request_retention; `conversations`
    counts the requests, `events` their audit entries). Returns the number of
    requests removed.

    Removed with a request: its audit entries (they only describe it and
    point at it), its team emails (they hold the contact details); and every
    draft untouched as long (contact details of a request never made). The
    last update counts, whatever the status: an open request nobody touched
    for that long is abandoned, and keeping contact data because nobody closed
    it is what retention is there to prevent."""
    if days < 1:
        raise ValueError("request retention must be at least one day")
    now = now or time.time()
    cutoff = _utc(now - days * 86400)
    removed = audit = 0
    with project.begin() as conn:
        # Locked, so a status change meanwhile waits and then finds it gone.
        ids = conn.execute(select(access_requests.c.id).where(access_requests.c.updated_at < cutoff)
                           .with_for_update()).scalars().all()
        for start in range(0, len(ids), 500):
            batch = ids[start:start + 500]
            audit += conn.execute(delete(request_events).where(request_events.c.request_id.in_(batch))).rowcount
            conn.execute(delete(outbox).where(outbox.c.request_id.in_(batch)))
            removed += conn.execute(delete(access_requests).where(access_requests.c.id.in_(batch))).rowcount
        conn.execute(delete(handoff_drafts).where(handoff_drafts.c.updated_at < cutoff))
    with transcripts.begin() as conn:
        _log(conn, actor, "request_retention", now, removed, audit)
    return removed
