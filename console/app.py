"""The review console's web app (aiohttp): its routes, the session and CSRF
checks that every request passes, and the security headers of every response.
Pages are Jinja2 templates with autoescaping on: stored text is always text."""
from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import json
import secrets
from typing import List, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.config import settings as process_settings
from bot.facts import ROLES
from bot.knowledge import get_knowledge_base
from bot.transcripts.flags import FLAGS
from console import accounts, corrections, dashboard, desk, sessions
from console.pages import (
    ENGINE,
    HERE,
    KB,
    PROJECT_ENGINE,
    SCHEMES,
    SESSION_MINUTES,
    SETTINGS,
    TEMPLATES,
    render,
    templates,
)
from console.query import day, one_of, yes_no
from storage import review

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
# Everything else needs a session: pages redirect to the login, the rest is refused.
PUBLIC_ROUTES = frozenset({"login", "login_post", "static", "dashboard_js"})
# Any logged-in account; the other routes belong to one role.
ANY_ROLE_ROUTES = frozenset({"logout", "account", "account_post", "home"})
TEAM_ROUTES = frozenset({"desk", "desk_request", "desk_action"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# The one page that runs a script: the dashboard's bundle, from the console itself.
SCRIPT_ROUTES = frozenset({"dashboard"})
FILTER_KEYS = ("since", "until", "role", "country", "scheme", "flag", "reviewed", "text")


def create_app(engine: Engine, session_minutes: int, schemes: Optional[Sequence[str]] = None,
               project_engine: Optional[Engine] = None, settings: Optional[Settings] = None) -> web.Application:
    """`engine`: the transcripts database (conversations, reviews, accounts);
    `project_engine`: the handoff requests the team's desk works on.
    `schemes`: the codes the scheme filters offer and accept; by default
    the knowledge base's, so a country added as data is filtered like any other."""
    kb = get_knowledge_base()
    schemes = tuple(kb.scheme_codes if schemes is None else schemes)
    app = web.Application(middlewares=[guard])
    app[ENGINE], app[SESSION_MINUTES], app[TEMPLATES] = engine, session_minutes, templates(schemes)
    app[SCHEMES], app[KB] = schemes, kb
    app[SETTINGS] = settings or process_settings()
    if project_engine is not None:
        app[PROJECT_ENGINE] = project_engine
    app.on_response_prepare.append(_security_headers)
    r = app.router
    r.add_get("/login", login_page, name="login")
    r.add_post("/login", login, name="login_post")
    r.add_post("/logout", logout, name="logout")
    r.add_get("/home", home, name="home")
    r.add_get("/account", account_page, name="account")
    r.add_post("/account", change_password, name="account_post")
    r.add_get("/", screen, name="screen")
    r.add_get("/conversations", conversation_list, name="conversations")
    r.add_get("/conversations/{sender_id:.+}", transcript_page, name="transcript")
    r.add_post("/conversations/{sender_id:.+}", record_review, name="review")
    r.add_get("/export.csv", export_csv, name="export_csv")
    r.add_get("/export.json", export_json, name="export_json")
    corrections.add_routes(app)
    dashboard.add_routes(app)
    desk.add_routes(app)
    r.add_static("/static/", HERE / "static", name="static")
    return app


def home_of(role: str) -> str:
    return "/desk" if role == "team" else "/"


# --- every request and response ------------------------------------------------

@web.middleware
async def guard(request: web.Request, handler):
    """A live session for every non-public route, of the role the route
    belongs to; a valid CSRF token for every state-changing request (the
    session's, or the login form's cookie)."""
    name = request.match_info.route.name or ""
    expected: Optional[str] = None
    if name in PUBLIC_ROUTES:
        expected = request.cookies.get(LOGIN_CSRF_COOKIE)
    else:
        session = sessions.current_session(request.app[ENGINE], request.cookies.get(SESSION_COOKIE),
                                           request.app[SESSION_MINUTES])
        if session is None:
            if request.method in ("GET", "HEAD") and not name.startswith("export"):
                raise web.HTTPSeeOther("/login")
            raise web.HTTPUnauthorized(text="Log in first.")
        request["session"] = session
        needed = None if name in ANY_ROLE_ROUTES else "team" if name in TEAM_ROUTES else "reviewer"
        if needed and session.role != needed:
            if request.method in ("GET", "HEAD") and name == "screen":
                raise web.HTTPSeeOther(home_of(session.role))  # the team's landing page is its desk
            raise web.HTTPForbidden(text="This page is not open to your account's role.")
        expected = session.csrf_token
    if request.method not in SAFE_METHODS:
        sent = (await request.post()).get("csrf")
        if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
            raise web.HTTPForbidden(text="This form has expired or did not come from the console. "
                                         "Reload the page and try again.")
    return await handler(request)


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)
    route = request.match_info.route.name if request.match_info.route else None
    if route in SCRIPT_ROUTES:
        response.headers["Content-Security-Policy"] = SECURITY_HEADERS["Content-Security-Policy"] + "; script-src 'self'"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"


def _set_cookie(response: web.StreamResponse, request: web.Request, name: str, value: str, max_age=None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True, samesite="Strict",
                        secure=request.secure or None)


# --- login, logout and the account ---------------------------------------------------

def _login_form(request: web.Request, error: Optional[str] = None, status: int = 200,
                notice: Optional[str] = None) -> web.Response:
    # Double-submit: the form's token must equal this HttpOnly, SameSite=Strict cookie.
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    if len(token) < 32:
        token = secrets.token_urlsafe(32)
    response = render(request, "login.html", status=status, csrf=token, error=error, notice=notice)
    _set_cookie(response, request, LOGIN_CSRF_COOKIE, token)
    return response


async def login_page(request: web.Request) -> web.Response:
    notice = "Your password was changed: log in with the new one." if request.query.get("changed") else None
    return _login_form(request, notice=notice)


def _address(request: web.Request) -> str:
    """The client's address as the console sees it (behind a proxy, the proxy's)."""
    return request.remote or "unknown"


async def login(request: web.Request) -> web.Response:
    form = await request.post()
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    engine = request.app[ENGINE]
    # argon2 takes tens of milliseconds: off the event loop.
    attempt = await asyncio.get_running_loop().run_in_executor(
        None, accounts.log_in, engine, username, password, _address(request))
    if attempt.retry_after:
        minutes = max(1, round(attempt.retry_after / 60))
        response = _login_form(request, f"Too many failed logins. Wait {minutes} minute{'s' if minutes > 1 else ''} "
                                        "and try again, or ask an administrator to reset your password.", status=429)
        response.headers["Retry-After"] = str(attempt.retry_after)
        return response
    if not attempt.ok:
        return _login_form(request, "Wrong username or password.", status=401)
    token = sessions.open_session(engine, username, request.app[SESSION_MINUTES])
    response = web.HTTPSeeOther(home_of(attempt.role))
    _set_cookie(response, request, SESSION_COOKIE, token)
    _set_cookie(response, request, LOGIN_CSRF_COOKIE, "", max_age=0)
    raise response


async def logout(request: web.Request) -> web.Response:
    sessions.close_session(request.app[ENGINE], request.cookies.get(SESSION_COOKIE))
    response = web.HTTPSeeOther("/login")
    _set_cookie(response, request, SESSION_COOKIE, "", max_age=0)
    raise response


async def home(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther(home_of(request["session"].role))


async def account_page(request: web.Request, error: Optional[str] = None, status: int = 200) -> web.Response:
    return render(request, "account.html", status=status, page="account", error=error,
                  min_password=accounts.MIN_PASSWORD)


async def change_password(request: web.Request) -> web.Response:
    """The user's own password; every session of the account ends, this one too."""
    form = await request.post()
    current, new, again = (str(form.get(key, "")) for key in ("current", "new", "again"))
    if new != again:
        return await account_page(request, "The two new passwords differ.", status=400)
    try:
        await asyncio.get_running_loop().run_in_executor(
            None, accounts.change_password, request.app[ENGINE], request["session"].username, current, new)
    except accounts.AccountError as exc:
        return await account_page(request, f"Not changed: {exc}.", status=400)
    response = web.HTTPSeeOther("/login?changed=1")
    _set_cookie(response, request, SESSION_COOKIE, "", max_age=0)
    raise response


# --- pages ---------------------------------------------------------------------------

def filters_from(query: Mapping[str, str], schemes: Sequence[str]) -> Tuple[review.Filters, List[str]]:
    """Filters from a query string, and what was wrong with it, in words."""
    errors: List[str] = []
    filters = review.Filters(
        since=day(query, "since", errors), until=day(query, "until", errors),
        role=one_of(query, "role", ROLES, errors), country=query.get("country", "").strip().upper() or None,
        scheme=one_of(query, "scheme", schemes, errors), flag=one_of(query, "flag", FLAGS, errors),
        reviewed=yes_no(query, "reviewed", errors), text=query.get("text", "").strip() or None)
    return filters, errors


async def screen(request: web.Request) -> web.Response:
    """Adverse events not yet reviewed, oldest report first (the reporting clock runs from it)."""
    rows = review.list_conversations(request.app[ENGINE], review.Filters(flag="adverse_event", reviewed=False))
    rows.sort(key=lambda s: s.flags.get("adverse_event") or 0)
    return render(request, "screen.html", page="screen", rows=rows)


async def conversation_list(request: web.Request) -> web.Response:
    filters, errors = filters_from(request.query, request.app[SCHEMES])
    rows = [] if errors else review.list_conversations(request.app[ENGINE], filters)
    query = {key: request.query[key] for key in FILTER_KEYS if request.query.get(key, "").strip()}
    return render(request, "conversations.html", page="conversations", rows=rows, errors=errors, query=query,
                  query_string=urlencode(query), limit=filters.limit)


async def transcript_page(request: web.Request, error: Optional[str] = None, status: int = 200) -> web.Response:
    return corrections.transcript_view(request, request.match_info["sender_id"], error, status)


async def record_review(request: web.Request) -> web.Response:
    """Mark the conversation reviewed, recorded with the logged-in reviewer's name."""
    engine, sender_id = request.app[ENGINE], request.match_info["sender_id"]
    if review.summary_of(engine, sender_id) is None:
        raise web.HTTPNotFound(text="No such conversation.")
    form = await request.post()
    try:
        review.mark_reviewed(engine, sender_id, request["session"].username, str(form.get("disposition", "")),
                             str(form.get("comment", "")))
    except review.ReviewError as exc:
        return await transcript_page(request, error=str(exc), status=400)
    raise web.HTTPSeeOther(str(request.app.router["transcript"].url_for(sender_id=sender_id)))


# --- exports (redacted data only: what export_rows reads was redacted when stored) --------

def _export(request: web.Request, extension: str, content_type: str, render_rows) -> web.Response:
    filters, errors = filters_from(request.query, request.app[SCHEMES])
    if errors:
        raise web.HTTPBadRequest(text="; ".join(errors))
    body = render_rows(review.export_rows(request.app[ENGINE], filters))
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    return web.Response(text=body, content_type=content_type, charset="utf-8", headers={
        "Content-Disposition": f'attachment; filename="conversations-{stamp}.{extension}"'})


async def export_csv(request: web.Request) -> web.Response:
    return _export(request, "csv", "text/csv", review.export_csv)


async def export_json(request: web.Request) -> web.Response:
    return _export(request, "json", "application/json",
                   lambda rows: json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
