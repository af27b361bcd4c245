"""A real review console for tests: a temp SQLite tracker database holding
three stored conversations (ae-1 reports an adverse event, calm-1 is quiet,
xss-1 has a `<script>` user message with an email address, redacted when
stored), a project database with three handoff requests (REQUESTS: a calm
French one from calm-1, an urgent one from ae-1, and an overdue American one
from xss-1 received ten days ago), one reviewer and one member of the
managed access team created with the CLI, and `python -m console serve` on
a free port.

Registered for every test module by tests/conftest.py (pytest_plugins).
"""
import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import pytest
import requests
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT
from bot.handoff import use_cases
from rasa_plugins.tracker_store import RedactingSQLTrackerStore
from services.run import free_port, stop_all
from storage.engine import make_engine
from storage.migrate import upgrade_project
from storage.requests import SqlRequestStore
from tests.conftest import DRAFT, FR_AAC, HANDOFF_FILLED
from tests.test_transcript_review import quiet
from tests.test_transcript_store import DOMAIN, conversation

REVIEWER = "reviewer.one"
TEAM_MEMBER = "team.one"
PASSWORD = "correct horse battery staple"
XSS = "<script>alert(1)</script>"


@dataclass
class Console:
    url: str
    engine: Engine
    env: dict
    project: Engine = None
    # conversation id -> reference of its request
    requests: dict = None


def seed_requests(db_url: str, kb, settings) -> dict:
    """The three requests of the module's console, made as the assistant makes them."""
    engine = upgrade_project(make_engine(db_url))
    store, now = SqlRequestStore(engine), dt.datetime.now(dt.timezone.utc)
    made = {}
    for sender, extra, age in (("calm-1", {}, dt.timedelta(minutes=30)),
                               ("ae-1", {"emergency": True}, dt.timedelta(minutes=10)),
                               ("xss-1", {"country": "US"}, dt.timedelta(days=10))):
        for field, value in DRAFT.items():
            store.save_draft(sender, field, value)
        done = use_cases.submit_request({**FR_AAC, **HANDOFF_FILLED, **extra}, sender, store, kb,
                                        replace(settings, team_email="team@example.com"), lambda a=age: now - a)
        made[sender] = done.request.reference
    engine.dispose()
    return made


def run_async(coroutine):
    """Run a coroutine to its end from synchronous test code, in a thread of
    its own: Playwright's sync API may already run an event loop here."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


def console_env(db, port: int, minutes: int = 30) -> dict:
    return {**os.environ, "TRACKER_DB": str(db), "DATABASE_URL": f"sqlite:///{db.parent / 'access.db'}",
            "HOST": "127.0.0.1", "CONSOLE_PORT": str(port),
            "CONSOLE_SESSION_MINUTES": str(minutes), "PYTHONPATH": str(PROJECT_ROOT)}


def cli(env: dict, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, env=env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60)


def csrf_in(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def log_in(http: requests.Session, url: str, username: str = REVIEWER, password: str = PASSWORD) -> requests.Response:
    token = csrf_in(http.get(f"{url}/login", timeout=10).text)
    return http.post(f"{url}/login", data={"csrf": token, "username": username, "password": password},
                     allow_redirects=False, timeout=10)


@pytest.fixture(scope="module")
def console(tmp_path_factory, kb, settings):
    tmp = tmp_path_factory.mktemp("console")
    db, now = tmp / "tracker.db", time.time()
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(db))
    run_async(store.save(conversation("ae-1", start=now - 7200)))
    run_async(store.save(quiet("calm-1", now - 3600)))
    run_async(store.save(quiet("xss-1", now - 60, f"{XSS} my email is a@b.org")))
    env = console_env(db, free_port())
    created = cli(env, "add-reviewer", REVIEWER, "--password-stdin", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stderr
    created = cli(env, "add-reviewer", TEAM_MEMBER, "--role", "team", "--password-stdin", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stderr
    made = seed_requests(env["DATABASE_URL"], kb, settings)
    log = tmp / "console.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "console", "serve"], env=env, cwd=PROJECT_ROOT,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{env['CONSOLE_PORT']}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/login", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the console did not start:\n{log.read_text()[-3000:]}", pytrace=False)
            time.sleep(0.2)
        yield Console(url, create_engine(f"sqlite:///{db}", future=True), env,
                      make_engine(env["DATABASE_URL"]), made)
    finally:
        stop_all([proc], timeout=10)
