"""The reviewers' dashboard read from the databases: the conversations
started in a date range with their flags and repair counts (transcripts
database) and the handoff requests received in it (project database),
handed to bot.transcripts.metrics, and each chart's CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Dict, List, Optional

from sqlalchemy import and_, select
from sqlalchemy.engine import Engine

from bot.transcripts.metrics import Chart, ConversationRow, RequestRow, dashboard, questions_asked_again
from storage.review import epoch
from storage.schema import access_requests, conversations, events, flags


def conversation_rows(engine: Engine, since: dt.date, until: dt.date) -> List[ConversationRow]:
    start, end = epoch(since), epoch(until, end=True)
    with engine.connect() as conn:
        rows = conn.execute(select(conversations).where(and_(conversations.c.started_at >= start,
                                                             conversations.c.started_at <= end))).all()
        ids = [r.sender_id for r in rows]
        raised: Dict[str, Dict[str, float]] = {}
        asked: Dict[str, List[dict]] = {}
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for f in conn.execute(select(flags).where(flags.c.sender_id.in_(chunk))):
                raised.setdefault(f.sender_id, {})[f.flag] = f.first_at
            for e in conn.execute(select(events.c.sender_id, events.c.type_name, events.c.data)
                                  .where(and_(events.c.sender_id.in_(chunk),
                                              events.c.type_name.in_(("user", "slot"))))
                                  .order_by(events.c.id)):
                asked.setdefault(e.sender_id, []).append(json.loads(e.data))
    return [ConversationRow(r.sender_id, r.started_at, r.country, r.pathway, raised.get(r.sender_id, {}),
                            questions_asked_again(asked.get(r.sender_id, ()))) for r in rows]


def request_rows(engine: Optional[Engine], since: dt.date, until: dt.date) -> List[RequestRow]:
    if engine is None:
        return []
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.timezone.utc)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=dt.timezone.utc)
    with engine.connect() as conn:
        rows = conn.execute(select(access_requests.c.created_at, access_requests.c.acknowledged_at)
                            .where(and_(access_requests.c.created_at >= start, access_requests.c.created_at < end)))
        return [RequestRow(r.created_at, r.acknowledged_at) for r in rows]


def dashboard_charts(transcripts: Engine, project: Optional[Engine], since: dt.date, until: dt.date) -> Dict[str, Chart]:
    return dashboard(conversation_rows(transcripts, since, until), request_rows(project, since, until), since, until)


def chart_csv(chart: Chart) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["scheme" if chart.name == "outcomes" else "day", *chart.series])
    writer.writerows(chart.rows())
    return out.getvalue()
