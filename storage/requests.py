"""Handoff requests: creation (idempotent per conversation), status changes
with an audit trail, the team's queue and the status lookup a user may do.
Every function takes an engine, so the same code runs on SQLite and
PostgreSQL."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import IntegrityError

from bot.business_days import add_business_days
from bot.handoff.emails import Email, team_notification
from bot.handoff.requests import (
    KINDS,
    STATUSES,
    Draft,
    HandoffError,
    Request,
    StatusView,
    as_utc,
    check_assignment,
    check_status_change,
    new_reference,
    normalise_reference,
    now_utc,
    queue_for,
    status_view,
    takes_on,
)
from storage.schema import access_requests, handoff_drafts, outbox, request_events

# The emails a stored request or change sends, composed once the request as
# stored is known (its reference, its new status).
EmailsFor = Callable[[Request], Iterable[Email]]


def request_from_row(row: Row) -> Request:
    values = {name: row._mapping[name] for name in Request.__dataclass_fields__}
    for name in ("created_at", "updated_at", "acknowledged_at"):
        if values[name] is not None:
            values[name] = as_utc(values[name])
    return Request(**values)


def _queue_email(conn: Connection, request_id: int, email: Email, now: dt.datetime) -> bool:
    """Put an email in the outbox, unless one of its kind is already there
    for the request (the unique constraint backs this up)."""
    if conn.execute(select(outbox.c.id).where(and_(outbox.c.request_id == request_id,
                                                   outbox.c.kind == email.kind))).first():
        return False
    conn.execute(insert(outbox).values(
        request_id=request_id, kind=email.kind, recipient=email.recipient, subject=email.subject[:200],
        body=email.body, status="pending", attempts=0, created_at=now, next_attempt_at=now,
    ))
    return True


def _with_placeholders(notify: Mapping[str, str]) -> EmailsFor:
    """The team notification as a mapping whose subject and body hold
    {reference} and {acknowledge_by}, filled once the request is stored."""
    def emails(request: Request) -> List[Email]:
        return [team_notification(request, notify["recipient"], notify)]
    return emails


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
    return store_request(engine, draft, acknowledge_by, _with_placeholders(notify), now)


def store_request(engine: Engine, draft: Draft, acknowledge_by: dt.date, emails: EmailsFor,
                  now: dt.datetime) -> Tuple[Request, bool]:
    """create_request with the acknowledge-by date already decided, and the
    emails the new request sends (team notification, receipt) queued in the
    same transaction."""
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
                        language=draft.language,
                    )
                ).inserted_primary_key[0]
                conn.execute(insert(request_events).values(
                    request_id=request_id, at=now, actor="assistant", action="created", to_status="received",
                    detail="urgent" if draft.urgent else None,
                ))
                request = request_from_row(conn.execute(
                    select(access_requests).where(access_requests.c.id == request_id)).one())
                for email in emails(request):
                    _queue_email(conn, request_id, email, now)
                return request, True
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
                  note: Optional[str], now: dt.datetime, assignee: Optional[str] = None,
                  emails: Optional[EmailsFor] = None) -> Request:
    """Store a checked change, its audit entry and the emails it sends (from
    the request as changed) in one transaction, unless the request changed
    meanwhile (then HandoffError: look again). The first time a person takes
    the request on, it keeps when, and who handles it (`assignee`, or the actor)."""
    values: Dict[str, Any] = {"status": status, "close_reason": reason, "updated_at": now}
    if takes_on(request, status):
        values.update(acknowledged_at=now, assignee=assignee or request.assignee or actor)
    elif assignee:
        values["assignee"] = assignee
    with engine.begin() as conn:
        changed = conn.execute(
            update(access_requests)
            .where(and_(access_requests.c.id == request.id, access_requests.c.status == request.status))
            .values(**values)
        ).rowcount
        if changed != 1:
            raise HandoffError(f"{request.reference} was changed by someone else meanwhile; look again")
        conn.execute(insert(request_events).values(
            request_id=request.id, at=now, actor=actor, action="status", from_status=request.status,
            to_status=status, detail="; ".join(x for x in (reason, note) if x) or None,
        ))
        changed_request = request_from_row(conn.execute(
            select(access_requests).where(access_requests.c.id == request.id)).one())
        for email in (emails(changed_request) if emails else ()):
            _queue_email(conn, request.id, email, now)
    return changed_request


def assign(engine: Engine, request: Request, assignee: str, actor: str, now: dt.datetime) -> Request:
    """Give the request to a team member, with its audit entry."""
    assignee, actor = check_assignment(request, assignee, actor)
    with engine.begin() as conn:
        changed = conn.execute(
            update(access_requests)
            .where(and_(access_requests.c.id == request.id, access_requests.c.status == request.status))
            .values(assignee=assignee, updated_at=now)
        ).rowcount
        if changed != 1:
            raise HandoffError(f"{request.reference} was changed by someone else meanwhile; look again")
        conn.execute(insert(request_events).values(
            request_id=request.id, at=now, actor=actor, action="assigned", detail=assignee,
        ))
    return get_request(engine, request.reference)


def add_note(engine: Engine, request: Request, note: str, actor: str, now: dt.datetime) -> Request:
    """An internal note, kept as an audit entry of the request."""
    with engine.begin() as conn:
        conn.execute(insert(request_events).values(request_id=request.id, at=now, actor=actor, action="note",
                                                   detail=note))
    return get_request(engine, request.reference)


def queue_email_once(engine: Engine, request: Request, email: Email, now: dt.datetime) -> bool:
    """Put the email in the outbox unless the request already has one of its
    kind; True when it was queued now. Safe when several workers try at once."""
    try:
        with engine.begin() as conn:
            return _queue_email(conn, request.id, email, now)
    except IntegrityError:
        return False  # another worker queued it meanwhile


def emails_of(engine: Engine, request: Request) -> List[Dict[str, Any]]:
    """The request's emails: kind, recipient, subject, status and dates."""
    with engine.connect() as conn:
        rows = conn.execute(select(outbox.c.kind, outbox.c.recipient, outbox.c.subject, outbox.c.status,
                                   outbox.c.attempts, outbox.c.created_at, outbox.c.sent_at)
                            .where(outbox.c.request_id == request.id).order_by(outbox.c.id))
        return [dict(row._mapping) for row in rows]


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

    def create(self, draft: Draft, acknowledge_by: dt.date, emails: EmailsFor,
               now: dt.datetime) -> Tuple[Request, bool]:
        return store_request(self.engine, draft, acknowledge_by, emails, now)

    def get(self, reference: str) -> Optional[Request]:
        return get_request(self.engine, reference)

    def list(self, status: Optional[str] = None, urgent: Optional[bool] = None, limit: int = 100) -> List[Request]:
        return list_requests(self.engine, status, urgent, limit)

    def set_status(self, request: Request, status: str, actor: str, reason: Optional[str],
                   note: Optional[str], now: dt.datetime, assignee: Optional[str] = None,
                   emails: Optional[EmailsFor] = None) -> Request:
        return record_status(self.engine, request, status, actor, reason, note, now, assignee, emails)

    def assign(self, request: Request, assignee: str, actor: str, now: dt.datetime) -> Request:
        return assign(self.engine, request, assignee, actor, now)

    def add_note(self, request: Request, note: str, actor: str, now: dt.datetime) -> Request:
        return add_note(self.engine, request, note, actor, now)

    def queue_email_once(self, request: Request, email: Email, now: dt.datetime) -> bool:
        return queue_email_once(self.engine, request, email, now)
