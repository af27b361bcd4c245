"""Pytest fixtures that start REAL throwaway servers for tests.

- ``postgres_url`` (session): a private PostgreSQL cluster in a temp dir, on a
  free port of 127.0.0.1, trust auth, with an empty database ``testdb``;
  yields ``postgresql://USER@127.0.0.1:PORT/testdb``.
- ``redis_url`` (session): a private redis-server without persistence;
  yields ``redis://127.0.0.1:PORT/0``.
- ``smtp_server`` (function): an aiosmtpd server that records what it receives
  and can be stopped and started again on the same port (to test outages).
- ``nginx_path`` (session): Debian's nginx, for the scale-out front (scripts/scale_out.py).
- ``chromium_path`` (session): Debian's Chromium for Playwright; launch it with
  ``executable_path=chromium_path, args=["--no-sandbox"]`` (never ``playwright install``).
- ``browser`` (module): that Chromium launched headless by Playwright.

If ``pg_ctl``/``initdb``, ``redis-server``, ``nginx`` or ``chromium`` are missing they are installed with
apt-get (Debian/Ubuntu). PostgreSQL refuses to run as root, so as root it runs
as the ``postgres`` user (or a ``pgtest`` system user created on demand).
Anything that cannot be installed or started FAILS the test, it never skips.

Use from a test module:  from tests.services import postgres_url  # noqa: F401
Outside pytest (bench/): ``with postgres_server() as url`` and ``with redis_server() as url``.
"""
import contextlib
import email
import email.policy
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time

import psycopg2
import pytest
import redis
from aiosmtpd.controller import Controller

from scripts.run import stop_all

from tests.support import free_port

IS_ROOT = os.geteuid() == 0


def _tail(path):
    if not os.path.exists(path):
        return "(no log)"
    with open(path, errors="replace") as f:
        return f.read()[-3000:]


def _run(cmd, what, timeout=120, log=None, **kwargs):
    """Run cmd; pytest.fail with its output (and the tail of log) if it cannot run or exits non-zero."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
        problem = f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}" if proc.returncode else None
    except (OSError, subprocess.TimeoutExpired) as error:
        problem = str(error)
    if problem:
        pytest.fail(f"{what} failed: {cmd}\n{problem}" + (f"\n--- {log} ---\n{_tail(log)}" if log else ""),
                    pytrace=False)


def _wait_for(ready, errors, alive=lambda: True, timeout=30):
    """Call ready() until it stops raising errors; its result, or None on timeout or once alive() is False."""
    deadline = time.monotonic() + timeout
    while alive() and time.monotonic() < deadline:
        try:
            return ready()
        except errors:
            time.sleep(0.1)
    return None


def _apt_install(package):
    if not IS_ROOT and not shutil.which("sudo"):
        pytest.fail(f"{package} is not installed and we are not root: install it first", pytrace=False)
    sudo = "" if IS_ROOT else "sudo -n "
    apt = f"{sudo}env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300"
    _run(["sh", "-c", f"{apt} update -qq && {apt} install -y -qq {package}"],
         f"installing {package} with apt-get", timeout=1200)


def _find_pg_bindir():
    """A directory holding pg_ctl and initdb: Debian's newest first, then PATH."""
    def version(path):
        name = path.split("/")[-2]
        return float(name) if name.replace(".", "", 1).isdigit() else 0.0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    if shutil.which("pg_ctl"):
        candidates.append(os.path.dirname(os.path.realpath(shutil.which("pg_ctl"))))
    for bindir in candidates:
        if all(os.access(os.path.join(bindir, exe), os.X_OK) for exe in ("pg_ctl", "initdb", "postgres")):
            return bindir
    return None


def _pg_user():
    """The unprivileged user that runs PostgreSQL."""
    if not IS_ROOT:
        return pwd.getpwuid(os.geteuid()).pw_name
    for name in ("postgres", "pgtest"):
        try:
            return pwd.getpwnam(name).pw_name
        except KeyError:
            pass
    _run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "pgtest"], "creating user pgtest")
    return "pgtest"


@contextlib.contextmanager
def postgres_server():
    """A throwaway PostgreSQL cluster; yields its URL (also for bench/)."""
    bindir = _find_pg_bindir()
    if bindir is None:
        _apt_install("postgresql")
        bindir = _find_pg_bindir()
        if bindir is None:
            pytest.fail("PostgreSQL was installed but pg_ctl/initdb are still not found", pytrace=False)
    user = _pg_user()
    as_user = ["runuser", "-u", user, "--"] if IS_ROOT else []
    tmp = tempfile.mkdtemp(prefix="pgtest-")  # under /tmp: the user must be able to reach it
    data, log, port = os.path.join(tmp, "data"), os.path.join(tmp, "postgres.log"), free_port()
    pg_ctl = [*as_user, os.path.join(bindir, "pg_ctl"), "-D", data]
    if IS_ROOT:
        shutil.chown(tmp, user)
    try:
        _run([*as_user, os.path.join(bindir, "initdb"), "-D", data, "-U", user, "-A", "trust",
              "-E", "UTF8", "--locale=C", "--no-sync"], "initdb", cwd=tmp)
        with open(os.path.join(data, "postgresql.conf"), "a") as conf:
            conf.write(f"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{tmp}'\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        _run([*pg_ctl, "-l", log, "-w", "-t", "60", "start"], "starting PostgreSQL", log=log, cwd=tmp)
        conn = _wait_for(lambda: psycopg2.connect(host="127.0.0.1", port=port, user=user, dbname="postgres",
                                                  connect_timeout=2), psycopg2.OperationalError)
        if conn is None:
            pytest.fail(f"PostgreSQL does not accept connections on port {port}:\n{_tail(log)}", pytrace=False)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE testdb")
        conn.close()
        yield f"postgresql://{user}@127.0.0.1:{port}/testdb"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True, cwd=tmp, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url():
    with postgres_server() as url:
        yield url


@contextlib.contextmanager
def redis_server():
    """A throwaway redis-server; yields its URL (also for bench/)."""
    if shutil.which("redis-server") is None:
        _apt_install("redis-server")
    server = shutil.which("redis-server") or pytest.fail("redis-server is still not found after install", pytrace=False)
    tmp, port = tempfile.mkdtemp(prefix="redistest-"), free_port()
    url = f"redis://127.0.0.1:{port}/0"
    log = os.path.join(tmp, "redis.log")
    with open(log, "w") as out:
        proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--dir", tmp, "--daemonize", "no"], stdout=out, stderr=subprocess.STDOUT, cwd=tmp)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        ready = _wait_for(client.ping, (redis.ConnectionError, redis.TimeoutError), alive=lambda: proc.poll() is None)
        client.close()
        if not ready:
            pytest.fail(f"redis-server did not start on port {port}:\n{_tail(log)}", pytrace=False)
        yield url
    finally:
        stop_all([proc], timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def nginx_path():
    def find():
        return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)

    if find() is None:
        _apt_install("nginx")
    return find() or pytest.fail("nginx was installed but is still not found", pytrace=False)


@pytest.fixture(scope="session")
def chromium_path():
    path = "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        _apt_install("chromium")
        if not os.access(path, os.X_OK):
            pytest.fail(f"chromium was installed but {path} is still missing", pytrace=False)
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    """Headless Debian Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        yield browser
        browser.close()


class SMTPServer:
    """A real SMTP server on 127.0.0.1. ``messages`` holds what it received as
    ``email.message.EmailMessage`` objects, each with ``mail_from`` and
    ``rcpt_tos`` (the envelope) set as attributes. ``stop()`` takes it down;
    ``start()`` brings it back on the same port."""

    def __init__(self, host="127.0.0.1", port=None):
        self.host, self.port, self.messages, self._controller = host, port or free_port(), [], None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        message.mail_from, message.rcpt_tos = envelope.mail_from, list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def start(self):
        if self._controller is None:
            # A fresh controller each time; asyncio's create_server sets SO_REUSEADDR,
            # so the port can be bound again right after stop().
            self._controller = Controller(self, hostname=self.host, port=self.port)
            self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server():
    server = SMTPServer()
    try:
        server.start()
    except Exception as error:
        pytest.fail(f"cannot start the SMTP server on port {server.port}: {error!r}", pytrace=False)
    yield server
    server.stop()
