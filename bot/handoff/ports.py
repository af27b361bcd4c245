"""What the handoff use cases need from the outside, as small interfaces: a
store for requests and the drafts of their contact details, and a notifier
that sends the team emails that are due. storage.requests and mail.outbox
fill them; tests pass fakes."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple

from bot.handoff.requests import Draft, Request

# The current time, timezone-aware UTC; passed in so dates can be tested.
Clock = Callable[[], dt.datetime]


class RequestStore(Protocol):
    def save_draft(self, conversation_id: str, field_name: str, value: Any) -> None:
        """Keep one contact detail while the handoff form collects them."""

    def load_draft(self, conversation_id: str) -> Dict[str, Any]: ...

    def clear_draft(self, conversation_id: str) -> None: ...

    def create(self, draft: Draft, acknowledge_by: dt.date, notify: Mapping[str, str],
               now: dt.datetime) -> Tuple[Request, bool]:
        """Store the request and its team email (recipient, subject, body with
        {reference} and {acknowledge_by} to fill) together. Once per
        conversation and kind: a second call returns the first request and
        created=False, storing nothing."""

    def get(self, reference: str) -> Optional[Request]: ...

    def list(self, status: Optional[str] = None, urgent: Optional[bool] = None, limit: int = 100) -> List[Request]:
        """The queue: urgent first, then oldest first."""

    def set_status(self, request: Request, status: str, actor: str, reason: Optional[str],
                   note: Optional[str], now: dt.datetime) -> Request:
        """Record a change already checked by the domain, with its audit entry;
        HandoffError when the request changed meanwhile."""


class Notifier(Protocol):
    def send_due(self) -> Any:
        """Send the team emails that are due; what cannot be sent stays due."""
