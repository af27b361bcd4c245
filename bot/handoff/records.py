"""Handoff requests: creation (idempotent per conversation), status changes
with an audit trail, the team's queue and the status lookup a user may do.
Every function takes an engine, so the same code runs on SQLite and
PostgreSQL."""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import IntegrityError

from bot.business_days import add_business_days
from bot.storage import access_requests, handoff_drafts, outbox, request_events

KINDS = ("physician_request", "mi_contact")
STATUSES = ("received", "acknowledged", "in_review", "closed")
STATUS_LABELS = {
    "received": "received, waiting for a person to acknowledge it",
    "acknowledged": "acknowledged by the team",
    "in_review": "under medical review",
    "closed": "closed",
}
CLOSE_REASONS = {
    "supply_agreed": "supply agreed with the physician",
    "declined_criteria": "declined: a programme criterion is not met",
    "declined_benefit_risk": "declined after the company's benefit-risk assessment",
    "redirected_trial": "redirected to a clinical trial",
    "redirected_other_route": "redirected to another access route",
    "answered": "question answered",
    "withdrawn": "withdrawn by the requester",
    "duplicate": "duplicate of another request",
}
TRANSITIONS = {
    "received": ("acknowledged", "in_review", "closed"),
    "acknowledged": ("in_review", "closed"),
    "in_review": ("closed",),
    "closed": (),
}
# Unambiguous characters only: no 0/O, 1/I/L, U.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "MA"


class HandoffError(ValueError):
    """A request the team tool or the assistant cannot carry out, in words."""


@dataclass(frozen=True)
class Draft:
    conversation_id: str
    kind: str
    urgent: bool
    country: Optional[str]
    assessment: Dict[str, Any]
    contact: Dict[str, Any]


@dataclass(frozen=True)
class Request:
    id: int
    reference: str
    conversation_id: str
    kind: str
    queue: str
    status: str
    close_reason: Optional[str]
    urgent: bool
    country: Optional[str]
    assessment: Dict[str, Any]
    contact: Dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    acknowledge_by: dt.date

    @classmethod
    def from_row(cls, row: Row) -> "Request":
        values = {name: row._mapping[name] for name in cls.__dataclass_fields__}
        for name in ("created_at", "updated_at"):
            values[name] = as_utc(values[name])
        return cls(**values)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; everything stored is UTC."""
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def new_reference() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"


def normalise_reference(text: str) -> Optional[str]:
    """'ma 7k3q x9pd' -> 'MA-7K3Q-X9PD'; None when it cannot be a reference."""
    compact = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if compact.startswith(REFERENCE_PREFIX):
        compact = compact[len(REFERENCE_PREFIX):]
    if len(compact) != 8 or any(ch not in _ALPHABET for ch in compact):
        return None
    return f"{REFERENCE_PREFIX}-{compact[:4]}-{compact[4:]}"


def queue_for(kind: str, urgent: bool) -> str:
    if urgent:
        return "urgent"
    return "managed_access" if kind == "physician_request" else "medical_information"


def _find(conn: Connection, conversation_id: str, kind: str) -> Optional[Request]:
    row = conn.execute(
        select(access_requests).where(
            and_(access_requests.c.conversation_id == conversation_id, access_requests.c.kind == kind)
        )
    ).first()
    return Request.from_row(row) if row else None


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
    """Store a request and its team notification in one transaction.

    Returns (request, created). A second call for the same conversation and
    kind returns the first request and creates nothing, also when both calls
    race: the unique constraint decides. `notify` holds recipient, subject
    and body of the email to the team."""
    if draft.kind not in KINDS:
        raise HandoffError(f"unknown request kind {draft.kind!r}")
    now = now or now_utc()
    acknowledge_by = add_business_days(now.date(), ack_business_days, draft.country or default_country)
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
                return Request.from_row(conn.execute(
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
    return Request.from_row(row) if row else None


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
        return [Request.from_row(row) for row in conn.execute(query)]


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
    actor = (actor or "").strip()
    if not actor:
        raise HandoffError("say who makes the change (actor)")
    if status not in STATUSES:
        raise HandoffError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if status == "closed" and reason not in CLOSE_REASONS:
        raise HandoffError(f"closing needs a reason: one of {', '.join(CLOSE_REASONS)}")
    if status != "closed" and reason:
        raise HandoffError("a reason is only given when closing")
    request = get_request(engine, reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    if status not in TRANSITIONS[request.status]:
        allowed = ", ".join(TRANSITIONS[request.status]) or "none (it is closed)"
        raise HandoffError(f"{request.reference} is {request.status}; it can move to: {allowed}")
    now = now or now_utc()
    with engine.begin() as conn:
        changed = conn.execute(
            update(access_requests)
            .where(and_(access_requests.c.id == request.id, access_requests.c.status == request.status))
            .values(status=status, close_reason=reason, updated_at=now)
        ).rowcount
        if changed != 1:
            raise HandoffError(f"{request.reference} was changed by someone else meanwhile; look again")
        conn.execute(insert(request_events).values(
            request_id=request.id, at=now, actor=actor[:100], action="status", from_status=request.status,
            to_status=status, detail="; ".join(x for x in (reason, note) if x) or None,
        ))
    return get_request(engine, request.reference)


@dataclass(frozen=True)
class StatusView:
    """What a user may see of a request: never the stored contact data."""

    reference: str
    status: str
    status_label: str
    submitted: dt.date
    acknowledge_by: dt.date
    last_update: dt.date
    close_reason: Optional[str]


def lookup_status(engine: Engine, reference: str, email: str) -> Optional[StatusView]:
    """The request's status, only when `email` is the one that filed it."""
    request = get_request(engine, reference)
    stored = str((request.contact if request else {}).get("email") or "")
    if not request or not stored or stored.lower() != (email or "").strip().lower():
        return None
    return StatusView(
        reference=request.reference,
        status=request.status,
        status_label=STATUS_LABELS[request.status],
        submitted=request.created_at.date(),
        acknowledge_by=request.acknowledge_by,
        last_update=request.updated_at.date(),
        close_reason=CLOSE_REASONS.get(request.close_reason or ""),
    )
