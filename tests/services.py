"""Pytest fixtures that start REAL throwaway servers for tests (the servers
themselves are in services/local_servers.py, shared with bench/).

- ``postgres_url`` (session): a private PostgreSQL cluster, empty database ``testdb``.
- ``redis_url`` (session): a private redis-server without persistence.
- ``smtp_server`` (function): an aiosmtpd server that records what it receives
  and can be stopped and started again on the same port (to test outages).
- ``nginx_path`` (session): Debian's nginx, for the scale-out front.
- ``chromium_path`` (session): Debian's Chromium for Playwright (never ``playwright install``).
- ``browser`` (module): that Chromium launched headless by Playwright.

Anything that cannot be installed or started FAILS the test, it never skips.

Registered for every test module by tests/conftest.py (pytest_plugins).
"""
import contextlib
import email
import email.policy

import pytest
from aiosmtpd.controller import Controller

from services import local_servers
from services.run import free_port


@contextlib.contextmanager
def _failing_test_on_error():
    try:
        yield
    except local_servers.ServerError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def postgres_url():
    with _failing_test_on_error(), local_servers.postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url():
    with _failing_test_on_error(), local_servers.redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def nginx_path():
    with _failing_test_on_error():
        return local_servers.find_nginx()


@pytest.fixture(scope="session")
def chromium_path():
    with _failing_test_on_error():
        return local_servers.find_chromium()


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
