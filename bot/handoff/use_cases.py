"""The handoff use cases, as functions over the ports (bot.handoff.ports):
submit a request, keep a contact detail in the draft, look up a status,
change a status, assign, alert the team when half of a request's time is
gone (team tools). They decide, also which emails go out; the store and the
notifier carry out. Nothing here knows Rasa, SQL or SMTP."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional

from bot.business_days import add_business_days
from bot.config import Settings
from bot.handoff import dialogue, emails
from bot.handoff.deadlines import clock_of
from bot.handoff.dialogue import Step
from bot.handoff.ports import Clock, Notifier, RequestStore
from bot.handoff.requests import (
    Draft,
    HandoffError,
    Request,
    check_actor,
    check_assignment,
    check_status_change,
    status_view,
    takes_on,
)
from bot.handoff.summary import assessment_record, team_email
from bot.knowledge import KnowledgeBase

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    """What submitting gave: the bot's answer, and whether a new request (and
    so a new team email) was stored."""

    step: Step
    request: Optional[Request] = None
    created: bool = False


def submit_request(state: Mapping[str, Any], conversation_id: str, store: RequestStore, kb: KnowledgeBase,
                   settings: Settings, clock: Clock) -> Submission:
    """Store the conversation's request (once) with its assessment, contact,
    urgency, acknowledge-by date, the team's email and the requester's
    receipt (when they gave an email), and clear the draft."""
    if not state.get("handoff_reference") and (state.get("handoff_cancelled") or not state.get("contact_consent")):
        store.clear_draft(conversation_id)  # nothing is kept
        return Submission(dialogue.not_sent(state, settings))
    kind = dialogue.kind_for(state.get("role"))
    record = assessment_record(state, kb, settings)
    contact = dialogue.contact_of(store.load_draft(conversation_id), state)
    urgent = bool(state.get("emergency"))
    country = state.get("country")
    now = clock()
    acknowledge_by = add_business_days(now.date(), settings.ack_business_days, country or settings.default_country)
    notify = team_email(kind, urgent, conversation_id, record, contact, kb)

    def to_send(request: Request) -> List[emails.Email]:
        out = [emails.team_notification(request, settings.team_email, notify)]
        receipt = emails.receipt(request, settings.default_country)
        return out + ([receipt] if receipt else [])

    draft = Draft(conversation_id, kind, urgent, country, record, contact, emails.language_of(state.get("language")))
    request, created = store.create(draft, acknowledge_by, to_send, now)
    store.clear_draft(conversation_id)
    return Submission(dialogue.confirmation(request, created, settings), request, created)


def notify_team(notifier: Notifier) -> bool:
    """Send what is due now. Never raises: the request and its email are
    already stored, and the outbox worker retries what fails; a failure is
    logged, never lost silently."""
    try:
        notifier.send_due()
    except Exception:  # noqa: BLE001 - any failure here must not reach the user
        log.exception("sending the team email failed; the outbox worker will retry")
        return False
    return True


def keep_contact_detail(slot: str, step: Step, conversation_id: str, store: RequestStore) -> Step:
    """An accepted contact detail goes to the draft, and the step's slot only
    says that it was given, so the transcript never holds it."""
    kept = dialogue.for_draft(slot, step)
    if kept:
        store.save_draft(conversation_id, *kept)
    return step


def look_up_status(state: Mapping[str, Any], store: RequestStore, settings: Settings) -> Step:
    """Status and dates of a request, only for the email that filed it, with
    a limited number of attempts."""
    attempts = int(state.get("status_attempts") or 0)
    reference, email = state.get("status_reference"), state.get("status_email")
    if dialogue.too_many_attempts(state) or not reference or not email:
        return dialogue.status_answer(None, reference or "", max(attempts, dialogue.MAX_STATUS_ATTEMPTS - 1), settings)
    # The filing-email rule is the domain's (status_view), not the store's.
    view = status_view(store.get(reference), email)
    return dialogue.status_answer(view, reference, attempts, settings)


def team_contact(request: Request, settings: Settings) -> str:
    """How the requester reaches the team that handles their request."""
    return settings.managed_access_contact if request.kind == "physician_request" else settings.medical_info_contact


def change_status(store: RequestStore, reference: str, status: str, actor: str, clock: Clock, settings: Settings,
                  reason: Optional[str] = None, note: Optional[str] = None,
                  assignee: Optional[str] = None) -> Request:
    """Move a request along its life cycle (team tool), with the requester's
    email: the acknowledgement the first time a person takes it on (naming
    `assignee`, else the actor), the closure when it is closed. HandoffError
    in words when the request or the change is not possible."""
    request = store.get(reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    actor = check_status_change(request, status, actor, reason)
    if assignee is not None:
        assignee, _ = check_assignment(request, assignee, actor)
    first_time = takes_on(request, status)

    def to_send(changed: Request) -> List[emails.Email]:
        if first_time:
            sent = emails.acknowledgement(changed, changed.assignee or actor, team_contact(changed, settings))
        elif status == "closed":
            sent = emails.closure(changed, team_contact(changed, settings))
        else:
            sent = None
        return [sent] if sent else []

    return store.set_status(request, status, actor, reason, note, clock(), assignee, to_send)


def assign_request(store: RequestStore, reference: str, assignee: str, actor: str, clock: Clock) -> Request:
    """Give a request to a team member (team tool), audited."""
    request = store.get(reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    assignee, actor = check_assignment(request, assignee, actor)
    return store.assign(request, assignee, actor, clock())


NOTE_LIMIT = 2000


def add_note(store: RequestStore, reference: str, note: str, actor: str, clock: Clock) -> Request:
    """An internal note on a request (team tool), audited; never sent to the requester."""
    request = store.get(reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    text = (note or "").strip()
    if not text:
        raise HandoffError("write the note first")
    if len(text) > NOTE_LIMIT:
        raise HandoffError(f"a note has at most {NOTE_LIMIT} characters")
    return store.add_note(request, text, check_actor(actor), clock())


def alert_half_time(store: RequestStore, clock: Clock, settings: Settings, limit: int = 1000) -> List[Request]:
    """Queue the team's alert for every request still unacknowledged when
    half of its business time is gone; once per request, whoever runs this
    and however often. The requests alerted now."""
    now = clock()
    alerted = []
    for request in store.list(status="received", limit=limit):
        timing = clock_of(request.created_at, request.acknowledge_by, request.country, now,
                          settings.default_country, settings.business_hours)
        if not timing.half_gone:
            continue
        alert = emails.half_time_alert(request, timing, settings.team_email, settings.default_country)
        if store.queue_email_once(request, alert, now):
            alerted.append(request)
    return alerted
