"""The handoff use cases, as functions over the ports (bot.handoff.ports):
submit a request, keep a contact detail in the draft, look up a status,
change a status (team tool). They decide; the store and the notifier carry
out. Nothing here knows Rasa, SQL or SMTP."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from bot.business_days import add_business_days
from bot.config import Settings
from bot.handoff import dialogue
from bot.handoff.dialogue import Step
from bot.handoff.ports import Clock, Notifier, RequestStore
from bot.handoff.requests import Draft, HandoffError, Request, check_status_change, status_view
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
    urgency, acknowledge-by date and team email, and clear the draft."""
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
    notify = {"recipient": settings.team_email, **team_email(kind, urgent, conversation_id, record, contact, kb)}
    draft = Draft(conversation_id, kind, urgent, country, record, contact)
    request, created = store.create(draft, acknowledge_by, notify, now)
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


def change_status(store: RequestStore, reference: str, status: str, actor: str, clock: Clock,
                  reason: Optional[str] = None, note: Optional[str] = None) -> Request:
    """Move a request along its life cycle (team tool); HandoffError in words
    when the request or the change is not possible."""
    request = store.get(reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    actor = check_status_change(request, status, actor, reason)
    return store.set_status(request, status, actor, reason, note, clock())
