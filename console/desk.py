"""The request desk of the managed access team, inside the console: the
queue with its filters and each request with its assessment, contact
details, conversation, audit trail and emails; acknowledge, assign, note and
change status. Every action goes through the handoff use cases, so it is
audited with the logged-in user's name and sends the requester's emails.
Only accounts with the team role reach these pages (console.app.guard)."""
from __future__ import annotations

from typing import List, Mapping, Optional, Tuple

from aiohttp import web

from bot.handoff import use_cases
from bot.handoff.queue import QueueFilters, queue_rows
from bot.handoff.requests import CLOSE_REASONS, STATUS_LABELS, STATUSES, TRANSITIONS, HandoffError, now_utc
from bot.handoff.summary import CONTACT_LABELS, assessment_lines
from console.pages import ENGINE, KB, PROJECT_ENGINE, SCHEMES, SETTINGS, render
from console.query import one_of, yes_no
from storage import requests as records
from storage import review

DESK_FILTER_KEYS = ("status", "urgent", "country", "scheme", "overdue")
ACTIONS = ("acknowledge", "assign", "note", "status")


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/desk", desk_queue, name="desk")
    r.add_get("/desk/requests/{reference}", desk_request, name="desk_request")
    r.add_post("/desk/requests/{reference}", desk_action, name="desk_action")


def desk_filters(query: Mapping[str, str], schemes) -> Tuple[QueueFilters, List[str]]:
    """Queue filters from a query string, and what was wrong with it, in words."""
    errors: List[str] = []
    country = query.get("country", "").strip().upper()
    if country and not (len(country) == 2 and country.isalpha()):
        errors.append(f"country: {country!r} is not a two-letter country code like FR")
        country = ""
    filters = QueueFilters(status=one_of(query, "status", STATUSES, errors), urgent=yes_no(query, "urgent", errors),
                           country=country or None, scheme=one_of(query, "scheme", schemes, errors),
                           overdue=yes_no(query, "overdue", errors))
    return filters, errors


async def desk_queue(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    filters, errors = desk_filters(request.query, request.app[SCHEMES])
    rows = []
    if not errors:
        stored = records.list_requests(request.app[PROJECT_ENGINE], limit=1000)
        rows = queue_rows(stored, filters, now_utc(), settings.default_country, settings.business_hours)
    query = {key: request.query[key] for key in DESK_FILTER_KEYS if request.query.get(key, "").strip()}
    return render(request, "desk.html", page="desk", rows=rows, errors=errors, query=query,
                  STATUSES=STATUSES, STATUS_LABELS=STATUS_LABELS)


async def desk_request(request: web.Request, error: Optional[str] = None, status: int = 200) -> web.Response:
    engine, settings = request.app[PROJECT_ENGINE], request.app[SETTINGS]
    found = records.get_request(engine, request.match_info["reference"])
    if found is None:
        raise web.HTTPNotFound(text="No such request.")
    [row] = queue_rows([found], QueueFilters(), now_utc(), settings.default_country, settings.business_hours)
    return render(request, "desk_request.html", status=status, page="desk", row=row, req=found, error=error,
                  contact=[(label, found.contact.get(key)) for key, label in CONTACT_LABELS.items()
                           if found.contact.get(key)],
                  assessment=assessment_lines(found.assessment, request.app[KB]),
                  events=records.events_for(engine, found.reference), emails=records.emails_of(engine, found),
                  lines=review.transcript(request.app[ENGINE], found.conversation_id),
                  next_statuses=TRANSITIONS[found.status], CLOSE_REASONS=CLOSE_REASONS, STATUS_LABELS=STATUS_LABELS)


async def desk_action(request: web.Request) -> web.Response:
    """One action of the form, as the logged-in team member; a refused action
    is shown on the page with nothing changed."""
    engine, settings = request.app[PROJECT_ENGINE], request.app[SETTINGS]
    reference = request.match_info["reference"]
    found = records.get_request(engine, reference)
    if found is None:
        raise web.HTTPNotFound(text="No such request.")
    form = await request.post()
    field = {key: str(form.get(key, "")).strip() for key in ("action", "assignee", "note", "status", "reason")}
    actor, store = request["session"].username, records.SqlRequestStore(engine)
    try:
        if field["action"] == "acknowledge":
            use_cases.change_status(store, found.reference, "acknowledged", actor, now_utc, settings,
                                    note=field["note"] or None, assignee=field["assignee"] or None)
        elif field["action"] == "assign":
            use_cases.assign_request(store, found.reference, field["assignee"], actor, now_utc)
        elif field["action"] == "note":
            use_cases.add_note(store, found.reference, field["note"], actor, now_utc)
        elif field["action"] == "status":
            use_cases.change_status(store, found.reference, field["status"], actor, now_utc, settings,
                                    reason=field["reason"] or None, note=field["note"] or None)
        else:
            raise HandoffError(f"unknown action {field['action']!r}; use one of {', '.join(ACTIONS)}")
    except HandoffError as exc:
        return await desk_request(request, error=str(exc), status=400)
    raise web.HTTPSeeOther(str(request.app.router["desk_request"].url_for(reference=found.reference)))
