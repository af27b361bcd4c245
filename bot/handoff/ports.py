"""What the handoff use cases need from the outside, as small interfaces: a
store for requests and the drafts of their contact details, and a notifier
that sends the team emails that are due. storage.requests and mail.outbox
fill them; tests pass fakes."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Dict, Iterable, List, Optional, Protocol, Tuple

from bot.handoff.emails import Email
from bot.handoff.requests import Draft, Request

# The current time, timezone-aware UTC; passed in so dates can be tested.
Clock = Callable[[], dt.datetime]
# The emails a stored request or change sends, from the request as stored.
EmailsFor = Callable[[Request], Iterable[Email]]


class RequestStore(Protocol):
    def save_draft(self, conversation_id: str, field_name: str, value: Any) -> None:
        """Keep one contact detail while the handoff form collects them."""

    def load_draft(self, conversation_id: str) -> Dict[str, Any]: ...

    def clear_draft(self, conversation_id: str) -> None: ...

    def create(self, draft: Draft, acknowledge_by: dt.date, emails: EmailsFor,
               now: dt.datetime) -> Tuple[Request, bool]:
        """Store the request and the emails `emails` composes from it (team
        notification, receipt) together. Once per conversation and kind: a
        second call returns the first request and created=False, storing nothing."""

    def get(self, reference: str) -> Optional[Request]: ...

    def list(self, status: Optional[str] = None, urgent: Optional[bool] = None, limit: int = 100) -> List[Request]:
        """The queue: urgent first, then oldest first."""

    def set_status(self, request: Request, status: str, actor: str, reason: Optional[str],
                   note: Optional[str], now: dt.datetime, assignee: Optional[str] = None,
                   emails: Optional[EmailsFor] = None) -> Request:
        """Record a change already checked by the domain, with its audit entry
        and the emails `emails` composes from the changed request, together;
        the first time a person takes it on (bot.handoff.requests.takes_on),
        also when and who handles it (`assignee`, else the actor). HandoffError
        when the request changed meanwhile."""

    def assign(self, request: Request, assignee: str, actor: str, now: dt.datetime) -> Request:
        """Record who handles the request, with its audit entry."""

    def add_note(self, request: Request, note: str, actor: str, now: dt.datetime) -> Request:
        """Record an internal note as an audit entry."""

    def queue_email_once(self, request: Request, email: Email, now: dt.datetime) -> bool:
        """Queue the email unless the request already has one of its kind;
        True when queued now, also when several workers try at once."""


class Notifier(Protocol):
    def send_due(self) -> Any:
        """Send the team emails that are due; what cannot be sent stays due."""
