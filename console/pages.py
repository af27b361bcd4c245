"""What every console page shares: the application's keys (its databases,
settings and knowledge base) and rendering with Jinja2, autoescaping on, so
stored text is always text."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Optional, Tuple

import jinja2
from aiohttp import web
from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.facts import ROLES
from bot.knowledge import KnowledgeBase
from bot.transcripts.flags import FLAGS
from storage import review

HERE = Path(__file__).resolve().parent

ENGINE = web.AppKey("engine", Engine)                  # transcripts, reviews, accounts
PROJECT_ENGINE = web.AppKey("project_engine", Engine)  # handoff requests, audit, outbox
SETTINGS = web.AppKey("settings", Settings)
KB = web.AppKey("kb", KnowledgeBase)
SESSION_MINUTES = web.AppKey("session_minutes", int)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
SCHEMES = web.AppKey("schemes", tuple)


def _when(value: Any) -> str:
    """A stored time (epoch seconds or a datetime) as UTC text."""
    if value is None or value == "":
        return "–"
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    else:
        moment = dt.datetime.fromtimestamp(value, dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def templates(schemes: Tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    env.filters["pretty"] = lambda value: json.dumps(value, indent=2, ensure_ascii=False, default=str)
    env.globals.update(FLAGS=FLAGS, DISPOSITIONS=review.DISPOSITIONS, ROLES=ROLES, SCHEMES=schemes)
    return env


def render(request: web.Request, template: str, status: int = 200, **context: Optional[Any]) -> web.Response:
    def url(name: str, **parts: str) -> str:
        return str(request.app.router[name].url_for(**parts))

    html = request.app[TEMPLATES].get_template(template).render(session=request.get("session"), url=url, **context)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
