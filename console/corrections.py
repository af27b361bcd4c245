"""A transcript in the console and, from review to training data, the
marks on it: a reviewer marks a message as misunderstood, with the intent
and facts it should have been read as; the marks page lists them and
exports them as a Rasa NLU YAML file (bot.transcripts.nlu_export). Nothing
is added to the training data."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from aiohttp import web

from bot.facts import FACT_SLOTS
from bot.transcripts.nlu_export import CorrectionError, domain_intents, nlu_yaml, parse_facts
from console.pages import ENGINE, render
from storage import corrections as marks
from storage import review

FACT_HINT = "slot=value, comma-separated; slots: " + ", ".join(FACT_SLOTS)


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/corrections", corrections_page, name="corrections")
    r.add_post("/corrections", mark_message, name="mark")
    r.add_get("/corrections/export.yml", export_nlu, name="export_nlu")


def transcript_view(request: web.Request, sender_id: str, error: Optional[str] = None,
                    status: int = 200) -> web.Response:
    """One conversation: index entry, flags, lines with their marks, reviews."""
    engine = request.app[ENGINE]
    summary = review.summary_of(engine, sender_id)
    if summary is None:
        raise web.HTTPNotFound(text="No such conversation.")
    return render(request, "transcript.html", status=status, page="transcript", summary=summary,
                  lines=review.transcript(engine, sender_id), reviews=review.reviews_of(engine, sender_id),
                  error=error, marks=marks.marks_in(engine, sender_id), intents=domain_intents(),
                  fact_hint=FACT_HINT)


async def corrections_page(request: web.Request) -> web.Response:
    return render(request, "corrections.html", page="corrections", marks=marks.all_marks(request.app[ENGINE]))


async def mark_message(request: web.Request) -> web.Response:
    """Record the logged-in reviewer's mark, then back to the message."""
    engine = request.app[ENGINE]
    form = await request.post()
    sender_id = str(form.get("sender_id", ""))
    if review.summary_of(engine, sender_id) is None:
        raise web.HTTPNotFound(text="No such conversation.")
    try:
        event_id = int(str(form.get("event_id", "")))
        marks.mark_misunderstood(engine, sender_id, event_id, str(form.get("intent", "")),
                                 parse_facts(str(form.get("facts", ""))), request["session"].username,
                                 domain_intents())
    except ValueError as exc:  # CorrectionError, or an event id that is no number
        message = str(exc) if isinstance(exc, CorrectionError) else "no such message in this conversation"
        return transcript_view(request, sender_id, f"Not marked: {message}.", 400)
    url = request.app.router["transcript"].url_for(sender_id=sender_id)
    raise web.HTTPSeeOther(f"{url}#message-{event_id}")


async def export_nlu(request: web.Request) -> web.Response:
    body = nlu_yaml(marks.all_marks(request.app[ENGINE]), dt.datetime.now(dt.timezone.utc))
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    return web.Response(text=body, content_type="application/x-yaml", charset="utf-8", headers={
        "Content-Disposition": f'attachment; filename="nlu-from-review-{stamp}.yml"'})

