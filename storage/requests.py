"""Handoff requests: creation (idempotent per conversation), status changes
with an audit trail, the team's queue and the status lookup a user may do.
Every function takes an engine, so the same code runs on SQLite and
PostgreSQL."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Mapping, Optional, Tuple

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import IntegrityError

from bot.business_days import add_business_days
from bot.handoff.requests import (
    KINDS,
    STATUSES,
    Draft,
    HandoffError,
    Request,
    StatusView,
    as_utc,
    check_status_change,
    new_reference,
    normalise_reference,
    now_utc,
    queue_for,
    status_view,
)
from storage.schema import access_requests, handoff_drafts, outbox, request_events


def request_from_row(row: Row) -> Request:
    values = {name: row._mapping[name] for name in Request.__dataclass_fields__}
    for name in ("created_at", "updated_at"):
        values[name] = as_utc(values[name])
    return Request(**values)


def _find(conn: Connection, conversation_id: str, kind: str) -> Optional[Request]:
    row = conn.execute(
        select(access_requests).where(
            and_(access_requests.c.conversation_id == conversation_id, access_requests.c.kind == kind)
        )
    ).first()
    return request_from_row(row) if row else None


def find_for_conversation(engine: Engine, conversation_id: str, kind: str) -> Optional[Request]:
    with engine.connect() as conn:
        return _find(conn, conversation_id, kind)


def create_request(
    engine: Engine,
    draft: Draft,
    ack_business_days: int,
    default_country: str,
    notify: Mapping[str, str],
    now: Optional[dt.datetime] = None,
) -> Tuple[Request, bool]:
    """Store a request and its team notification in one transaction, due for
    acknowledgement `ack_business_days` business days from now.

    Returns (request, created). A second call for the same conversation and
    kind returns the first request and creates nothing, also when both calls
    race: the unique constraint decides. `notify` holds recipient, subject
    and body of the email to the team."""
    now = now or now_utc()
    acknowledge_by = add_business_days(now.date(), ack_business_days, draft.country or default_country)
    return store_request(engine, draft, acknowledge_by, notify, now)


def store_request(engine: Engine, draft: Draft, acknowledge_by: dt.date, notify: Mapping[str, str],
                  now: dt.datetime) -> Tuple[Request, bool]:
    """create_request with the acknowledge-by date already decided."""
    if draft.kind not in KINDS:
        raise HandoffError(f"unknown request kind {draft.kind!r}")
    existing = find_for_conversation(engine, draft.conversation_id, draft.kind)
    if existing:
        return existing, False
    for _ in range(5):
        reference = new_reference()
        try:
            with engine.begin() as conn:
                request_id = conn.execute(
                    insert(access_requests).values(
                        reference=reference,
                        conversation_id=draft.conversation_id,
                        kind=draft.kind,
                        queue=queue_for(draft.kind, draft.urgent),
                        status="received",
                        urgent=draft.urgent,
                        country=draft.country,
                        assessment=draft.assessment,
                        contact=draft.contact,
                        created_at=now,
                        updated_at=now,
                        acknowledge_by=acknowledge_by,
                    )
                ).inserted_primary_key[0]
                conn.execute(insert(request_events).values(
                    request_id=request_id, at=now, actor="assistant", action="created", to_status="received",
                    detail="urgent" if draft.urgent else None,
                ))
                def filled(text: str) -> str:
                    return text.replace("{reference}", reference).replace("{acknowledge_by}", acknowledge_by.isoformat())

                conn.execute(insert(outbox).values(
                    request_id=request_id, recipient=notify["recipient"], subject=filled(notify["subject"])[:200],
                    body=filled(notify["body"]), status="pending", attempts=0, created_at=now, next_attempt_at=now,
                ))
                return request_from_row(conn.execute(
                    select(access_requests).where(access_requests.c.id == request_id)).one()), True
        except IntegrityError:
            existing = find_for_conversation(engine, draft.conversation_id, draft.kind)
            if existing:
                return existing, False
            # Otherwise the random reference collided: draw another one.
    raise HandoffError("could not allocate a unique reference")


def save_draft(engine: Engine, conversation_id: str, field_name: str, value: Any) -> None:
    """Keep one contact detail of a handoff in progress."""
    with engine.begin() as conn:
        row = conn.execute(select(handoff_drafts.c.contact).where(
            handoff_drafts.c.conversation_id == conversation_id)).first()
        contact = {**(row.contact if row else {}), field_name: value}
        if row:
            conn.execute(update(handoff_drafts).where(handoff_drafts.c.conversation_id == conversation_id)
                         .values(contact=contact, updated_at=now_utc()))
        else:
            conn.execute(insert(handoff_drafts).values(conversation_id=conversation_id, contact=contact, updated_at=now_utc()))


def load_draft(engine: Engine, conversation_id: str) -> Dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(handoff_drafts.c.contact).where(
            handoff_drafts.c.conversation_id == conversation_id)).first()
    return dict(row.contact) if row else {}


def clear_draft(engine: Engine, conversation_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(handoff_drafts.delete().where(handoff_drafts.c.conversation_id == conversation_id))


def get_request(engine: Engine, reference: str) -> Optional[Request]:
    ref = normalise_reference(reference)
    if not ref:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(access_requests).where(access_requests.c.reference == ref)).first()
    return request_from_row(row) if row else None


def list_requests(engine: Engine, status: Optional[str] = None, urgent: Optional[bool] = None, limit: int = 100) -> List[Request]:
    """The queue: urgent first, then oldest first."""
    query = select(access_requests)
    if status:
        if status not in STATUSES:
            raise HandoffError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        query = query.where(access_requests.c.status == status)
    if urgent is not None:
        query = query.where(access_requests.c.urgent == urgent)
    query = query.order_by(access_requests.c.urgent.desc(), access_requests.c.created_at, access_requests.c.id).limit(limit)
    with engine.connect() as conn:
        return [request_from_row(row) for row in conn.execute(query)]


def events_for(engine: Engine, reference: str) -> List[Dict[str, Any]]:
    request = get_request(engine, reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    with engine.connect() as conn:
        rows = conn.execute(
            select(request_events).where(request_events.c.request_id == request.id).order_by(request_events.c.id)
        )
        return [dict(row._mapping) for row in rows]


def set_status(
    engine: Engine,
    reference: str,
    status: str,
    actor: str,
    reason: Optional[str] = None,
    note: Optional[str] = None,
    now: Optional[dt.datetime] = None,
) -> Request:
    """Move a request along its life cycle; every change is recorded."""
    request = get_request(engine, reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    actor = check_status_change(request, status, actor, reason)
    return record_status(engine, request, status, actor, reason, note, now or now_utc())


def record_status(engine: Engine, request: Request, status: str, actor: str, reason: Optional[str],
                  note: Optional[str], now: dt.datetime) -> Request:
    """Store a checked change and its audit entry, unless the request changed
    meanwhile (then HandoffError: look again)."""
    with engine.begin() as conn:
        changed = conn.execute(
            update(access_requests)
            .where(and_(access_requests.c.id == request.id, access_requests.c.status == request.status))
            .values(status=status, close_reason=reason, updated_at=now)
        ).rowcount
        if changed != 1:
            raise HandoffError(f"{request.reference} was changed by someone else meanwhile; look again")
        conn.execute(insert(request_events).values(
            request_id=request.id, at=now, actor=actor, action="status", from_status=request.status,
            to_status=status, detail="; ".join(x for x in (reason, note) if x) or None,
        ))
    return get_request(engine, request.reference)


def lookup_status(engine: Engine, reference: str, email: str) -> Optional[StatusView]:
    """The request's status, only when `email` is the one that filed it."""
    return status_view(get_request(engine, reference), email)


class SqlRequestStore:
    """The request store port (bot.handoff.ports.RequestStore) over an engine:
    SQLite or PostgreSQL. Blocking: call it from a thread in async code."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def save_draft(self, conversation_id: str, field_name: str, value: Any) -> None:
        save_draft(self.engine, conversation_id, field_name, value)

    def load_draft(self, conversation_id: str) -> Dict[str, Any]:
        return load_draft(self.engine, conversation_id)

    def clear_draft(self, conversation_id: str) -> None:
        clear_draft(self.engine, conversation_id)

    def create(self, draft: Draft, acknowledge_by: dt.date, notify: Mapping[str, str],
               now: dt.datetime) -> Tuple[Request, bool]:
        return store_request(self.engine, draft, acknowledge_by, notify, now)

    def get(self, reference: str) -> Optional[Request]:
        return get_request(self.engine, reference)

    def list(self, status: Optional[str] = None, urgent: Optional[bool] = None, limit: int = 100) -> List[Request]:
        return list_requests(self.engine, status, urgent, limit)

    def set_status(self, request: Request, status: str, actor: str, reason: Optional[str],
                   note: Optional[str], now: dt.datetime) -> Request:
        return record_status(self.engine, request, status, actor, reason, note, now)
