"""The reviewers' dashboard: charts of how the assistant is doing over a
date range (bot.transcripts.metrics, read by storage.dashboard), drawn by the
bundled Chart.js script, each with its numbers as a table and as CSV."""
from __future__ import annotations

import datetime as dt
from typing import List, Mapping, Optional, Tuple

from aiohttp import web

from bot.config import PROJECT_ROOT
from bot.transcripts.metrics import CHARTS
from console.pages import ENGINE, PROJECT_ENGINE, render
from console.query import day
from storage.dashboard import chart_csv, dashboard_charts

SCRIPT = PROJECT_ROOT / "web" / "dist" / "dashboard.js"
DEFAULT_DAYS = 30
MAX_DAYS = 366


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/dashboard", dashboard_page, name="dashboard")
    r.add_get("/dashboard/{chart}.csv", chart_csv_download, name="dashboard_csv")
    r.add_get("/assets/dashboard.js", dashboard_script, name="dashboard_js")


def date_range(query: Mapping[str, str], today: Optional[dt.date] = None) -> Tuple[dt.date, dt.date, List[str]]:
    """since and until from the query (the last 30 days by default), and
    what was wrong with them, in words."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    errors: List[str] = []
    until = day(query, "until", errors, today)
    since = day(query, "since", errors, until - dt.timedelta(days=DEFAULT_DAYS - 1))
    if since > until:
        errors.append("the range starts after it ends")
    elif (until - since).days >= MAX_DAYS:
        errors.append(f"a range covers at most {MAX_DAYS} days")
    return since, until, errors


def _charts(request: web.Request, since: dt.date, until: dt.date):
    project = request.app.get(PROJECT_ENGINE)
    return dashboard_charts(request.app[ENGINE], project, since, until)


async def dashboard_page(request: web.Request) -> web.Response:
    since, until, errors = date_range(request.query)
    charts = {} if errors else _charts(request, since, until)
    data = {"since": since.isoformat(), "until": until.isoformat(),
            "charts": {name: chart.as_dict() for name, chart in charts.items()}}
    return render(request, "dashboard.html", status=400 if errors else 200, page="dashboard", charts=charts,
                  data=data, since=since, until=until, errors=errors)


async def chart_csv_download(request: web.Request) -> web.Response:
    name = request.match_info["chart"]
    if name not in CHARTS:
        raise web.HTTPNotFound(text=f"No chart {name!r}; the charts are {', '.join(CHARTS)}.")
    since, until, errors = date_range(request.query)
    if errors:
        raise web.HTTPBadRequest(text="; ".join(errors))
    chart = _charts(request, since, until)[name]
    return web.Response(text=chart_csv(chart), content_type="text/csv", charset="utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}-{since}-{until}.csv"'})


async def dashboard_script(request: web.Request) -> web.StreamResponse:
    if not SCRIPT.exists():
        raise web.HTTPNotFound(text="The dashboard's script is not built: run make web.")
    return web.FileResponse(SCRIPT, headers={"Content-Type": "text/javascript; charset=utf-8"})
