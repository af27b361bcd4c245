"""Fakes at the handoff ports (bot.handoff.ports): an in-memory request
store with the SQL store's promises, and recording or failing notifiers."""
from dataclasses import replace
from typing import Any, Dict, List, Tuple

from bot.handoff.emails import Email
from bot.handoff.requests import Draft, HandoffError, Request, new_reference, queue_for, takes_on


class InMemoryStore:
    """The request store port in a few dicts, with the same promises."""

    def __init__(self):
        self.drafts: Dict[str, Dict[str, Any]] = {}
        self.requests: Dict[str, Request] = {}
        self.emails: List[Dict[str, str]] = []
        self.events: List[Tuple[str, ...]] = []

    def save_draft(self, conversation_id, field_name, value):
        self.drafts.setdefault(conversation_id, {})[field_name] = value

    def load_draft(self, conversation_id):
        return dict(self.drafts.get(conversation_id, {}))

    def clear_draft(self, conversation_id):
        self.drafts.pop(conversation_id, None)

    def _queue(self, request: Request, email: Email) -> bool:
        if any(e["reference"] == request.reference and e["kind"] == email.kind for e in self.emails):
            return False
        self.emails.append({"reference": request.reference, "kind": email.kind, "recipient": email.recipient,
                            "subject": email.subject, "body": email.body, "status": "pending"})
        return True

    def create(self, draft: Draft, acknowledge_by, emails, now):
        for request in self.requests.values():
            if (request.conversation_id, request.kind) == (draft.conversation_id, draft.kind):
                return request, False
        reference = new_reference()
        request = Request(len(self.requests) + 1, reference, draft.conversation_id, draft.kind,
                          queue_for(draft.kind, draft.urgent), "received", None, draft.urgent, draft.country,
                          draft.assessment, draft.contact, now, now, acknowledge_by, draft.language)
        self.requests[reference] = request
        for email in emails(request):
            self._queue(request, email)
        return request, True

    def get(self, reference):
        return self.requests.get(reference)

    def list(self, status=None, urgent=None, limit=100):
        rows = [r for r in self.requests.values() if status in (None, r.status) and urgent in (None, r.urgent)]
        return sorted(rows, key=lambda r: (not r.urgent, r.created_at))[:limit]

    def set_status(self, request, status, actor, reason, note, now, assignee=None, emails=None):
        if self.requests[request.reference].status != request.status:
            raise HandoffError("changed meanwhile")
        changed = replace(request, status=status, close_reason=reason, updated_at=now)
        if takes_on(request, status):
            changed = replace(changed, acknowledged_at=now, assignee=assignee or request.assignee or actor)
        elif assignee:
            changed = replace(changed, assignee=assignee)
        self.requests[request.reference] = changed
        self.events.append((actor, request.status, status))
        for email in (emails(changed) if emails else ()):
            self._queue(changed, email)
        return changed

    def assign(self, request, assignee, actor, now):
        self.requests[request.reference] = replace(request, assignee=assignee, updated_at=now)
        self.events.append((actor, "assigned", assignee))
        return self.requests[request.reference]

    def add_note(self, request, note, actor, now):
        self.events.append((actor, "note", note))
        return self.requests[request.reference]

    def queue_email_once(self, request, email, now):
        return self._queue(request, email)


class RecordingNotifier:
    def __init__(self):
        self.calls = 0

    def send_due(self):
        self.calls += 1


class FailingNotifier:
    def send_due(self):
        raise ConnectionRefusedError("mail server down")
