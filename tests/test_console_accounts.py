"""Console accounts done properly: logins rate-limited per account and per
address with a clear message, a user's own password change, an
administrator's reset and disabling; each of them ends the account's
sessions. Unit tests on the accounts module with a fake clock, then the
same through the running console and its command line."""
import requests
from sqlalchemy import create_engine

from console import accounts, sessions
from console.app import SESSION_COOKIE
from storage.migrate import upgrade_transcripts
from tests.console_server import PASSWORD, cli, csrf_in, log_in

NEW_PASSWORD = "a brand new passphrase"


def engine_with(tmp_path, *names, role="reviewer"):
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    upgrade_transcripts(engine)
    for name in names:
        accounts.add_reviewer(engine, name, PASSWORD, role=role)
    return engine


def test_five_failures_lock_the_account_for_the_window_whatever_the_password(tmp_path):
    engine = engine_with(tmp_path, "ana")
    for i in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        assert not accounts.log_in(engine, "ana", "wrong", "10.0.0.1", now=1000.0 + i).ok
    locked = accounts.log_in(engine, "ana", PASSWORD, "10.0.0.2", now=1010.0)
    assert not locked.ok and 0 < locked.retry_after <= accounts.WINDOW
    # Once the first failure has aged out of the window, the right password works again.
    assert accounts.log_in(engine, "ana", PASSWORD, "10.0.0.2", now=1000.0 + accounts.WINDOW + 1).role == "reviewer"


def test_one_address_trying_many_accounts_is_stopped(tmp_path):
    engine = engine_with(tmp_path, "ana")
    for i in range(accounts.MAX_FAILURES_PER_ADDRESS):
        accounts.log_in(engine, f"guess{i}", "wrong", "10.0.0.9", now=2000.0 + i)
    assert accounts.log_in(engine, "ana", PASSWORD, "10.0.0.9", now=2030.0).retry_after > 0
    assert accounts.log_in(engine, "ana", PASSWORD, "10.0.0.10", now=2030.0).ok  # another address is not


def test_a_successful_login_gives_the_role_and_a_failure_counts_once(tmp_path):
    engine = engine_with(tmp_path, "lee", role="team")
    assert accounts.log_in(engine, "lee", PASSWORD, "10.0.0.1", now=10.0).role == "team"
    for i in range(accounts.MAX_FAILURES_PER_ACCOUNT - 1):
        accounts.log_in(engine, "lee", "wrong", "10.0.0.1", now=20.0 + i)
    assert accounts.log_in(engine, "lee", PASSWORD, "10.0.0.1", now=30.0).ok


def test_changing_the_password_needs_the_current_one_and_ends_every_session(tmp_path):
    engine = engine_with(tmp_path, "ana", "bo")
    mine = [sessions.open_session(engine, "ana", 30) for _ in range(2)]
    theirs = sessions.open_session(engine, "bo", 30)
    for current, new, error in ((NEW_PASSWORD, "another long password", "current password is wrong"),
                                (PASSWORD, "short", "at least"), (PASSWORD, PASSWORD, "must differ")):
        try:
            accounts.change_password(engine, "ana", current, new)
        except accounts.AccountError as exc:
            assert error in str(exc)
        else:
            raise AssertionError(f"{new!r} was accepted")
    assert all(sessions.current_session(engine, token, 30) for token in mine)
    accounts.change_password(engine, "ana", PASSWORD, NEW_PASSWORD)
    assert [sessions.current_session(engine, token, 30) for token in mine] == [None, None]
    assert sessions.current_session(engine, theirs, 30) is not None
    assert accounts.check_password(engine, "ana", NEW_PASSWORD) and not accounts.check_password(engine, "ana", PASSWORD)


def test_a_disabled_account_cannot_log_in_and_loses_its_sessions_until_enabled(tmp_path):
    engine = engine_with(tmp_path, "ana")
    token = sessions.open_session(engine, "ana", 30)
    accounts.set_disabled(engine, "ana", True)
    assert sessions.current_session(engine, token, 30) is None
    assert not accounts.log_in(engine, "ana", PASSWORD, "10.0.0.1").ok and accounts.role_of(engine, "ana") is None
    assert accounts.reviewer_count(engine) == 0
    accounts.set_disabled(engine, "ana", False)
    assert accounts.log_in(engine, "ana", PASSWORD, "10.0.0.1").ok


def test_unknown_accounts_and_roles_are_refused_in_words(tmp_path):
    engine = engine_with(tmp_path)
    for call, message in ((lambda: accounts.add_reviewer(engine, "x", PASSWORD, role="admin"), "a role is one of"),
                          (lambda: accounts.reset_password(engine, "ghost", NEW_PASSWORD), "no account"),
                          (lambda: accounts.set_disabled(engine, "ghost", True), "no account")):
        try:
            call()
        except accounts.AccountError as exc:
            assert message in str(exc)
        else:
            raise AssertionError(message)


# --- through the running console and its command line ------------------------------------

def new_account(console, name, role="reviewer"):
    made = cli(console.env, "add-reviewer", name, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr


def test_too_many_failed_logins_get_a_clear_message_and_a_retry_time(console):
    new_account(console, "locked.one")
    client = requests.Session()
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        assert log_in(client, console.url, "locked.one", "not the password at all").status_code == 401
    refused = log_in(client, console.url, "locked.one", PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Too many failed logins. Wait 15 minutes" in refused.text and SESSION_COOKIE not in client.cookies


def test_a_password_changed_in_the_console_ends_the_sessions_and_the_new_one_logs_in(console):
    new_account(console, "changer.one", role="team")
    first, second = requests.Session(), requests.Session()
    for client in (first, second):
        assert log_in(client, console.url, "changer.one").status_code == 303
    page = first.get(console.url + "/account", timeout=10)
    form = {"csrf": csrf_in(page.text), "current": PASSWORD, "new": NEW_PASSWORD, "again": NEW_PASSWORD + "!"}
    differ = first.post(console.url + "/account", data=form, timeout=10)
    assert differ.status_code == 400 and "The two new passwords differ." in differ.text
    wrong = first.post(console.url + "/account", data={**form, "current": "nope", "again": NEW_PASSWORD}, timeout=10)
    assert wrong.status_code == 400 and "current password is wrong" in wrong.text
    done = first.post(console.url + "/account", data={**form, "again": NEW_PASSWORD}, allow_redirects=False, timeout=10)
    assert done.status_code == 303 and done.headers["Location"] == "/login?changed=1"
    for client in (first, second):
        assert client.get(console.url + "/desk", allow_redirects=False, timeout=10).headers["Location"] == "/login"
    assert "log in with the new one" in requests.get(console.url + "/login?changed=1", timeout=10).text
    assert log_in(requests.Session(), console.url, "changer.one").status_code == 401
    assert log_in(requests.Session(), console.url, "changer.one", NEW_PASSWORD).headers["Location"] == "/desk"


def test_the_administrator_resets_a_password_and_disables_an_account_from_the_command_line(console):
    new_account(console, "admin.target")
    client = requests.Session()
    assert log_in(client, console.url, "admin.target").status_code == 303
    reset = cli(console.env, "reset-password", "admin.target", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert reset.returncode == 0 and "sessions have ended" in reset.stdout
    assert client.get(console.url + "/", allow_redirects=False, timeout=10).headers["Location"] == "/login"
    assert log_in(client, console.url, "admin.target", NEW_PASSWORD).status_code == 303
    assert cli(console.env, "disable", "admin.target").returncode == 0
    assert client.get(console.url + "/", allow_redirects=False, timeout=10).headers["Location"] == "/login"
    assert log_in(requests.Session(), console.url, "admin.target", NEW_PASSWORD).status_code == 401
    assert cli(console.env, "enable", "admin.target").returncode == 0
    assert log_in(requests.Session(), console.url, "admin.target", NEW_PASSWORD).status_code == 303
    missing = cli(console.env, "disable", "nobody.here")
    assert missing.returncode == 2 and "no account" in missing.stderr
