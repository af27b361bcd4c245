"""Handoff requests as the domain sees them: kinds, statuses and their
life cycle, close reasons, references, queues, and what a user may see of a
request. No storage here: `bot.handoff.ports` says what a store must do."""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

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
_REFERENCE_IN_TEXT = re.compile(r"\bMA[\s-]?[A-Z0-9]{4}[\s-]?[A-Z0-9]{4}\b", re.IGNORECASE)
# In running text a reference is written with its hyphens or has a digit:
# "Manchester", "management" and "ma patiente" have the shape of one.
_WRITTEN_AS_REFERENCE = re.compile(r"MA-[A-Z0-9]{4}-[A-Z0-9]{4}|.*\d", re.IGNORECASE)


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
    # The conversation's language (contract slot `language`): the requester's emails are in it.
    language: str = "en"


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
    language: str = "en"
    # The team member who handles it, named in the acknowledgement email.
    assignee: Optional[str] = None
    # When a person first took it on (it left `received`).
    acknowledged_at: Optional[dt.datetime] = None


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


def _as_written(candidate: str) -> Optional[str]:
    """The reference a candidate of running text is, normalised, or None."""
    return normalise_reference(candidate) if _WRITTEN_AS_REFERENCE.match(candidate) else None


def reference_in(text: str) -> Optional[str]:
    """The first of our references written in a message ('status of ma-7k3q-x9pd?'), normalised."""
    for match in _REFERENCE_IN_TEXT.finditer(text or ""):
        found = _as_written(match.group(0))
        if found:
            return found
    return None


def without_references(text: str) -> str:
    """The message with its references blanked out: their random letters and
    digits are no words ("MA-7K8J-PZ98" once read as a reaction to a product)."""
    return _REFERENCE_IN_TEXT.sub(lambda m: " " * len(m.group(0)) if _as_written(m.group(0)) else m.group(0), text or "")


def queue_for(kind: str, urgent: bool) -> str:
    if urgent:
        return "urgent"
    return "managed_access" if kind == "physician_request" else "medical_information"


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


def status_view(request: Optional[Request], email: str) -> Optional[StatusView]:
    """The request's status, only when `email` is the one that filed it."""
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


def _name(value: Optional[str], what: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise HandoffError(f"say who {what}")
    return name[:100]


def check_actor(actor: Optional[str]) -> str:
    """Who makes a change, tidied; HandoffError when no one is named."""
    return _name(actor, "makes the change (actor)")


def check_status_change(request: Request, status: str, actor: str, reason: Optional[str]) -> str:
    """The actor's name, once the change is allowed; HandoffError in words otherwise."""
    actor = _name(actor, "makes the change (actor)")
    if status not in STATUSES:
        raise HandoffError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if status == "closed" and reason not in CLOSE_REASONS:
        raise HandoffError(f"closing needs a reason: one of {', '.join(CLOSE_REASONS)}")
    if status != "closed" and reason:
        raise HandoffError("a reason is only given when closing")
    if status not in TRANSITIONS[request.status]:
        allowed = ", ".join(TRANSITIONS[request.status]) or "none (it is closed)"
        raise HandoffError(f"{request.reference} is {request.status}; it can move to: {allowed}")
    return actor


def takes_on(request: Request, status: str) -> bool:
    """Whether this change is the first time a person takes the request on:
    it leaves `received` for work (closing at once is not taking it on)."""
    return request.status == "received" and status in ("acknowledged", "in_review")


def check_assignment(request: Request, assignee: str, actor: str) -> Tuple[str, str]:
    """(assignee, actor) once the request may be given to someone; HandoffError otherwise."""
    actor = _name(actor, "makes the change (actor)")
    assignee = _name(assignee, "will handle it (assignee)")
    if request.status == "closed":
        raise HandoffError(f"{request.reference} is closed; it cannot be assigned")
    return assignee, actor
