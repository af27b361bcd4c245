"""The team's queue tool: list, show, set-status with audit, drain."""
import datetime as dt

import pytest

from bot.handoff.requests import Draft
from cli.handoff import main
from storage import requests as records
from storage.engine import engine_for
from storage.migrate import upgrade_project

NOTIFY = {"recipient": "team@example.com", "subject": "Request {reference}", "body": "Request {reference}"}


@pytest.fixture
def queue(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'access.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SMTP_HOST", "")
    monkeypatch.setenv("MAIL_DIR", str(tmp_path / "mail"))
    engine = upgrade_project(engine_for(url))
    made = []
    for i, urgent in enumerate((False, True)):
        draft = Draft(f"c{i}", "physician_request", urgent, "FR", {"facts": {"country": "FR"}}, {"email": "a@b.org"})
        made.append(records.create_request(engine, draft, 1, "FR", NOTIFY,
                                           now=dt.datetime(2026, 11, 20, 9, i, tzinfo=dt.timezone.utc))[0])
    return engine, made, tmp_path


def test_list_shows_urgent_first_and_filters(queue, capsys):
    _, (calm, urgent), _ = queue
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(urgent.reference) and "URGENT" in lines[0] and lines[1].startswith(calm.reference)
    main(["list", "--not-urgent"])
    assert capsys.readouterr().out.strip().startswith(calm.reference)
    main(["list", "--status", "closed"])
    assert capsys.readouterr().out.strip() == "no requests"


def test_set_status_records_the_change_and_show_prints_the_history(queue, capsys):
    _, (calm, _), _ = queue
    assert main(["set-status", calm.reference, "acknowledged", "--actor", "A. Team"]) == 0
    assert main(["set-status", calm.reference, "closed", "--actor", "Dr B", "--reason", "redirected_trial"]) == 0
    capsys.readouterr()
    assert main(["show", calm.reference.lower()]) == 0
    out = capsys.readouterr().out
    assert "A. Team: status received -> acknowledged" in out
    assert "Dr B: status acknowledged -> closed redirected_trial" in out
    assert "redirected to a clinical trial" in out


def test_bad_commands_get_a_clear_error_and_change_nothing(queue, capsys):
    engine, (calm, _), _ = queue
    assert main(["set-status", calm.reference, "closed", "--actor", "A. Team"]) == 2
    assert "closing needs a reason" in capsys.readouterr().err
    assert main(["show", "MA-2345-6789"]) == 2
    assert "no request with reference" in capsys.readouterr().err
    assert records.get_request(engine, calm.reference).status == "received"


def test_drain_sends_due_emails_once(queue, capsys):
    _, made, tmp_path = queue
    assert main(["drain"]) == 0
    assert "sent 2, failed 0, pending 0" in capsys.readouterr().out
    main(["drain"])
    assert "sent 0, failed 0, pending 0" in capsys.readouterr().out
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 2


def test_acknowledging_with_an_assignee_emails_the_requester_and_show_lists_the_emails(queue, capsys):
    _, (calm, _), _ = queue
    assert main(["assign", calm.reference, "Dr Lee Chen", "--actor", "A. Team"]) == 0
    assert main(["set-status", calm.reference, "acknowledged", "--actor", "A. Team"]) == 0
    capsys.readouterr()
    main(["show", calm.reference])
    out = capsys.readouterr().out
    assert "handled by: Dr Lee Chen" in out and "A. Team: assigned Dr Lee Chen" in out
    assert "acknowledgement" in out and "to a@b.org" in out and "pending (0 attempts)" in out


def test_assigning_a_closed_request_is_refused_in_words(queue, capsys):
    _, (calm, _), _ = queue
    main(["set-status", calm.reference, "closed", "--actor", "A. Team", "--reason", "withdrawn"])
    capsys.readouterr()
    assert main(["assign", calm.reference, "Dr Lee Chen", "--actor", "A. Team"]) == 2
    assert "is closed" in capsys.readouterr().err


def test_the_list_shows_the_time_left_and_alerts_go_once(queue, capsys):
    # Made on Friday 20 November 2026 (a long time ago by now): both overdue.
    _, (calm, urgent), _ = queue
    main(["list"])
    assert capsys.readouterr().out.count("(overdue)") == 2
    assert main(["alerts"]) == 0
    out = capsys.readouterr().out
    assert "alerted 2" in out and urgent.reference in out and calm.reference in out
    main(["alerts"])
    assert "alerted 0" in capsys.readouterr().out
