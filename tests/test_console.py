"""The review console over HTTP (no browser), against a real server: every
route but the login and static files needs a session, logins, CSRF on every
POST, session expiry and logout, escaping, exports without personal data,
and the add-reviewer command."""
import hashlib
import json
import time

import pytest
import requests
from sqlalchemy import create_engine, select

from console import accounts, sessions
from console.app import PUBLIC_ROUTES, SESSION_COOKIE, create_app
from storage import review
from storage.migrate import upgrade_transcripts
from storage.schema import console_sessions, reviewers
from tests.console_server import PASSWORD, REVIEWER, XSS, cli, csrf_in, log_in


@pytest.fixture
def http(console):
    """A logged-in client."""
    client = requests.Session()
    assert log_in(client, console.url).status_code == 303
    yield client
    client.close()


def _session_row(console, client):
    token_hash = hashlib.sha256(client.cookies[SESSION_COOKIE].encode()).hexdigest()
    with console.engine.connect() as conn:
        return conn.execute(select(console_sessions).where(console_sessions.c.token_hash == token_hash)).first()


def _session_count(console):
    with console.engine.connect() as conn:
        return len(conn.execute(select(console_sessions)).all())


def test_every_route_but_login_and_static_refuses_unauthenticated_requests(console):
    app = create_app(console.engine, 30)
    checked = set()
    for route in app.router.routes():
        name, method = route.name, route.method
        path = "/static/console.css" if name == "static" else route.resource.canonical.format(
            sender_id="ae-1", reference="MA-2345-6789", chart="conversations")
        response = requests.request(method, console.url + path, data={} if method == "POST" else None,
                                    allow_redirects=False, timeout=10)
        if name in PUBLIC_ROUTES:
            continue
        checked.add(name)
        if method == "GET" and not name.startswith("export"):
            assert response.status_code == 303 and response.headers["Location"] == "/login", (method, path)
        elif method == "HEAD":
            assert response.status_code in (303, 401), (method, path)
        else:
            assert response.status_code in (401, 403), (method, path)
    assert PUBLIC_ROUTES == {"login", "login_post", "static", "dashboard_js"}
    assert checked == {"logout", "screen", "conversations", "transcript", "review", "export_csv", "export_json",
                       "home", "account", "account_post", "desk", "desk_request", "desk_action", "dashboard",
                       "dashboard_csv", "corrections", "mark", "export_nlu"}
    # Even paths that match no route say nothing without a session.
    assert requests.get(f"{console.url}/nothing-here", allow_redirects=False, timeout=10).status_code == 303


def test_every_response_carries_the_security_headers(console):
    for path in ("/login", "/static/console.css", "/", "/export.csv"):
        headers = requests.get(console.url + path, allow_redirects=False, timeout=10).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_login_fails_with_a_generic_error_and_succeeds_with_the_right_password(console):
    client = requests.Session()
    wrong = log_in(client, console.url, password="not the password at all")
    unknown = log_in(client, console.url, username="nobody", password=PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401 and "Wrong username or password." in response.text
        assert SESSION_COOKIE not in client.cookies
    assert wrong.text.replace(csrf_in(wrong.text), "") == unknown.text.replace(csrf_in(unknown.text), "")
    ok = log_in(client, console.url)
    assert ok.status_code == 303 and ok.headers["Location"] == "/"
    [cookie] = [c for c in ok.raw.headers.getlist("Set-Cookie") if c.startswith(SESSION_COOKIE + "=")]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    landing = client.get(console.url + "/", timeout=10)
    assert landing.status_code == 200 and "Adverse events to screen" in landing.text and "ae-1" in landing.text
    assert "calm-1" not in landing.text


def test_login_without_the_csrf_token_is_refused(console):
    before = _session_count(console)
    for token in (None, "forged-token-forged-token-forged-token"):
        client = requests.Session()
        client.get(console.url + "/login", timeout=10)  # sets the pre-session cookie
        data = {"username": REVIEWER, "password": PASSWORD, **({"csrf": token} if token else {})}
        response = client.post(console.url + "/login", data=data, allow_redirects=False, timeout=10)
        assert response.status_code == 403 and SESSION_COOKIE not in client.cookies
    assert _session_count(console) == before


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused_and_changes_nothing(console, http):
    for data in ({"disposition": "no_issue"}, {"disposition": "no_issue", "csrf": "wrong"}):
        response = http.post(f"{console.url}/conversations/calm-1", data=data, allow_redirects=False, timeout=10)
        assert response.status_code == 403
        assert http.post(f"{console.url}/logout", data={k: v for k, v in data.items() if k == "csrf"},
                         allow_redirects=False, timeout=10).status_code == 403
    assert review.reviews_of(console.engine, "calm-1") == []
    assert not review.summary_of(console.engine, "calm-1").reviewed
    assert http.get(console.url + "/", allow_redirects=False, timeout=10).status_code == 200  # still logged in


def test_marking_reviewed_records_the_logged_in_reviewer(console, http):
    page = http.get(f"{console.url}/conversations/calm-1", timeout=10)
    response = http.post(f"{console.url}/conversations/calm-1", allow_redirects=False, timeout=10, data={
        "csrf": csrf_in(page.text), "disposition": "content_correction", "comment": "answer <b>too</b> long",
        "reviewer": "someone.else"})
    assert response.status_code == 303 and response.headers["Location"] == "/conversations/calm-1"
    [entry] = review.reviews_of(console.engine, "calm-1")
    assert (entry["reviewer"], entry["disposition"], entry["comment"]) == (
        REVIEWER, "content_correction", "answer <b>too</b> long")
    shown = http.get(f"{console.url}/conversations/calm-1", timeout=10).text
    assert "answer &lt;b&gt;too&lt;/b&gt; long" in shown and REVIEWER in shown
    bad = http.post(f"{console.url}/conversations/calm-1", timeout=10,
                    data={"csrf": csrf_in(shown), "disposition": "fine"})
    assert bad.status_code == 400 and "unknown disposition" in bad.text
    assert len(review.reviews_of(console.engine, "calm-1")) == 1


def test_sessions_expire_after_inactivity(console, http):
    row = _session_row(console, http)
    minutes = int(console.env["CONSOLE_SESSION_MINUTES"])
    assert row.username == REVIEWER and row.expires_at > time.time() + minutes * 60 - 30
    with console.engine.begin() as conn:
        conn.execute(console_sessions.update().where(console_sessions.c.token_hash == row.token_hash)
                     .values(expires_at=time.time() + 5))
    http.get(console.url + "/conversations", timeout=10)
    assert _session_row(console, http).expires_at > time.time() + minutes * 60 - 30  # activity pushes it on
    with console.engine.begin() as conn:
        conn.execute(console_sessions.update().where(console_sessions.c.token_hash == row.token_hash)
                     .values(expires_at=time.time() - 1))
    response = http.get(console.url + "/conversations", allow_redirects=False, timeout=10)
    assert response.status_code == 303 and response.headers["Location"] == "/login"
    assert http.get(console.url + "/export.json", timeout=10).status_code == 401
    assert _session_row(console, http) is None


def test_session_expiry_by_the_clock(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}", future=True)
    upgrade_transcripts(engine)
    accounts.add_reviewer(engine, "r", PASSWORD)
    token = sessions.open_session(engine, "r", minutes=1, now=1000.0)
    assert sessions.current_session(engine, token, 1, now=1059.0).username == "r"
    assert sessions.current_session(engine, token, 1, now=1118.0) is not None  # 59 s after the last request
    assert sessions.current_session(engine, token, 1, now=1178.5) is None
    assert sessions.current_session(engine, "other", 1, now=1000.0) is None


def test_logout_ends_the_session(console, http):
    page = http.get(console.url + "/", timeout=10)
    cookie = http.cookies[SESSION_COOKIE]
    response = http.post(console.url + "/logout", data={"csrf": csrf_in(page.text)}, allow_redirects=False, timeout=10)
    assert response.status_code == 303 and response.headers["Location"] == "/login"
    again = requests.get(console.url + "/", cookies={SESSION_COOKIE: cookie}, allow_redirects=False, timeout=10)
    assert again.status_code == 303


def test_the_transcript_shows_stored_text_as_text(console, http):
    page = http.get(f"{console.url}/conversations/xss-1", timeout=10)
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt; my email is [email]" in page.text
    assert XSS not in page.text and "a@b.org" not in page.text
    ae = http.get(f"{console.url}/conversations/ae-1", timeout=10).text
    assert "report_adverse_event" in ae and "action_adverse_event" in ae and "(0.99)" in ae
    assert http.get(f"{console.url}/conversations/nobody", timeout=10).status_code == 404


def test_filters_and_text_search(console, http):
    listed = http.get(f"{console.url}/conversations", params={"flag": "adverse_event"}, timeout=10).text
    assert "ae-1" in listed and "calm-1" not in listed and "xss-1" not in listed
    found = http.get(f"{console.url}/conversations", params={"text": "script", "country": "de"}, timeout=10).text
    assert "xss-1" in found and "ae-1" not in found
    bad = http.get(f"{console.url}/conversations", params={"since": "yesterday"}, timeout=10)
    assert bad.status_code == 200 and "is not a date" in bad.text


def test_exports_are_attachments_without_personal_data(console, http):
    for extension in ("csv", "json"):
        response = http.get(f"{console.url}/export.{extension}", timeout=10)
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert "ae-1" in response.text and "xss-1" in response.text and "@" not in response.text
    rows = http.get(f"{console.url}/export.json", params={"flag": "adverse_event"}, timeout=10).json()
    assert [r["conversation"] for r in rows] == ["ae-1"]
    assert json.dumps(rows).count("[email]") >= 1


def test_add_reviewer_hashes_the_password_and_refuses_duplicates(console):
    with console.engine.connect() as conn:
        stored = conn.execute(select(reviewers.c.password_hash).where(reviewers.c.username == REVIEWER)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.check_password(console.engine, REVIEWER, PASSWORD)
    assert not accounts.check_password(console.engine, REVIEWER, PASSWORD + "x")
    again = cli(console.env, "add-reviewer", REVIEWER, "--password-stdin", stdin="another long password\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    short = cli(console.env, "add-reviewer", "reviewer.two", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "at least" in short.stderr
