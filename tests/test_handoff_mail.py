"""Emails against a real SMTP server (aiosmtpd): the team's notification with
the summary; the physician's receipt, acknowledgement and closure; the
team's half-time alert; kept and retried through an outage; never sent twice."""
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from bot.handoff import use_cases
from bot.handoff.requests import Draft
from mail.mailers import FileMailer, SmtpMailer
from mail.outbox import drain_outbox, pending_count, retry_delay
from storage import requests as records
from storage.engine import make_engine
from storage.migrate import upgrade_project
from storage.schema import outbox
from tests.conftest import DRAFT, FR_AAC
from tests.conftest import HANDOFF_FILLED as FILLED

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
NOTIFY = {"recipient": "team@example.com", "subject": "Managed access request {reference}",
          "body": "Managed access request {reference}\nAcknowledge by: {acknowledge_by}\nScheme: FR_AAC"}


def store(engine, conversation="c1"):
    draft = Draft(conversation, "physician_request", False, "FR", {"facts": {}}, {"email": "jane@chu-lyon.fr"})
    return records.create_request(engine, draft, 1, "FR", NOTIFY, now=NOW)[0]


def engine_at(tmp_path):
    return upgrade_project(make_engine(f"sqlite:///{tmp_path / 'access.db'}"))


def test_the_team_email_arrives_with_the_summary(tmp_path, smtp_server):
    engine = engine_at(tmp_path)
    request = store(engine)
    result = drain_outbox(engine, SmtpMailer(smtp_server.host, smtp_server.port), "bot@example.com", now=NOW)
    assert (result.sent, result.failed) == (1, 0)
    [mail] = smtp_server.messages
    assert mail["Subject"] == f"Managed access request {request.reference}"
    assert mail["To"] == "team@example.com" and mail["From"] == "bot@example.com"
    body = mail.get_content()
    assert f"Managed access request {request.reference}" in body and "Acknowledge by: 2026-11-24" in body
    assert "FR_AAC" in body
    assert pending_count(engine) == 0


def test_a_mail_outage_loses_nothing_and_the_retry_delivers_once(tmp_path, smtp_server):
    engine = engine_at(tmp_path)
    mailer = SmtpMailer(smtp_server.host, smtp_server.port, timeout=3)
    smtp_server.stop()
    request = store(engine)
    down = drain_outbox(engine, mailer, "bot@example.com", now=NOW)
    assert (down.sent, down.failed) == (0, 1)
    assert records.get_request(engine, request.reference) is not None  # the request is kept
    with engine.connect() as conn:
        row = conn.execute(select(outbox)).one()
    assert row.status == "pending" and row.attempts == 1 and "Error" in row.last_error
    smtp_server.start()
    # Not due yet: the retry waits for its delay.
    assert drain_outbox(engine, mailer, "bot@example.com", now=NOW).sent == 0
    later = NOW + retry_delay(1)
    assert drain_outbox(engine, mailer, "bot@example.com", now=later).sent == 1
    assert drain_outbox(engine, mailer, "bot@example.com", now=later + dt.timedelta(hours=1)).sent == 0
    assert len(smtp_server.messages) == 1 and request.reference in smtp_server.messages[0]["Subject"]


def test_concurrent_workers_send_each_email_once(tmp_path, smtp_server):
    engine = engine_at(tmp_path)
    for i in range(5):
        store(engine, conversation=f"c{i}")
    mailer = SmtpMailer(smtp_server.host, smtp_server.port)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: drain_outbox(engine, mailer, "bot@example.com", now=NOW), range(4)))
    assert sum(r.sent for r in results) == 5
    assert sorted(m["Subject"] for m in smtp_server.messages) == sorted(
        f"Managed access request {r.reference}" for r in records.list_requests(engine))


def test_retry_delay_grows_and_is_capped():
    assert retry_delay(1) < retry_delay(2) < retry_delay(3)
    assert retry_delay(50) == dt.timedelta(minutes=15)


def test_local_mode_writes_the_email_to_a_file(tmp_path):
    engine = engine_at(tmp_path)
    request = store(engine)
    assert drain_outbox(engine, FileMailer(tmp_path / "mail"), "bot@example.com", now=NOW).sent == 1
    [eml] = list((tmp_path / "mail").glob("*.eml"))
    assert request.reference in eml.read_text()


# --- the requester's emails, through the use cases, the SQL store and SMTP ----------------

def submitted_with_sql(tmp_path, kb, settings):
    engine = engine_at(tmp_path)
    store = records.SqlRequestStore(engine)
    for field, value in DRAFT.items():
        store.save_draft("conv-1", field, value)
    request = use_cases.submit_request({**FR_AAC, **FILLED}, "conv-1", store, kb, settings, lambda: NOW).request
    return engine, store, request


def delivered_to(smtp_server, recipient):
    return [m for m in smtp_server.messages if m["To"] == recipient]


def test_receipt_acknowledgement_and_closure_reach_the_physician_once_each(tmp_path, smtp_server, kb, settings):
    engine, store, request = submitted_with_sql(tmp_path, kb, settings)
    mailer = SmtpMailer(smtp_server.host, smtp_server.port)
    assert drain_outbox(engine, mailer, "bot@example.com", now=NOW).sent == 2  # the team's and the receipt
    [receipt] = delivered_to(smtp_server, "jane@chu-lyon.fr")
    assert request.reference in receipt["Subject"] and "Tuesday, November 24, 2026" in receipt.get_content()
    later = NOW + dt.timedelta(hours=3)
    use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: later, settings,
                            assignee="Dr Lee Chen")
    use_cases.change_status(store, request.reference, "in_review", "Dr Lee Chen", lambda: later, settings)
    use_cases.change_status(store, request.reference, "closed", "Dr Lee Chen", lambda: later, settings,
                            reason="supply_agreed", note="internal: dose agreed by phone")
    for _ in range(3):  # drained again and again: nothing goes twice
        drain_outbox(engine, mailer, "bot@example.com", now=later + dt.timedelta(minutes=1))
    to_physician = delivered_to(smtp_server, "jane@chu-lyon.fr")
    assert [m["Subject"] for m in to_physician] == [
        f"We have received your managed access request {request.reference}",
        f"Your managed access request {request.reference} has been acknowledged",
        f"Your managed access request {request.reference} is closed",
    ]
    assert "Dr Lee Chen will handle it" in to_physician[1].get_content()
    assert "supply of the medicine has been agreed" in to_physician[2].get_content()
    assert "dose" not in to_physician[2].get_content()
    assert [e["kind"] for e in records.emails_of(engine, request)] == [
        "team_notification", "receipt", "acknowledgement", "closure"]
    assert len(delivered_to(smtp_server, "team@example.com")) == 1


def test_an_outage_delays_the_acknowledgement_and_loses_nothing(tmp_path, smtp_server, kb, settings):
    engine, store, request = submitted_with_sql(tmp_path, kb, settings)
    mailer = SmtpMailer(smtp_server.host, smtp_server.port, timeout=3)
    drain_outbox(engine, mailer, "bot@example.com", now=NOW)
    smtp_server.stop()
    later = NOW + dt.timedelta(hours=1)
    use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: later, settings)
    down = drain_outbox(engine, mailer, "bot@example.com", now=later)
    assert (down.sent, down.failed) == (0, 1)
    assert records.get_request(engine, request.reference).status == "acknowledged"  # the change is kept
    smtp_server.start()
    again = later + retry_delay(1)
    assert drain_outbox(engine, mailer, "bot@example.com", now=again).sent == 1
    assert drain_outbox(engine, mailer, "bot@example.com", now=again + dt.timedelta(hours=1)).sent == 0
    acks = [m for m in smtp_server.messages if "acknowledged" in m["Subject"]]
    assert len(acks) == 1 and acks[0]["To"] == "jane@chu-lyon.fr"


def test_the_half_time_alert_reaches_the_team_once_even_with_two_workers(tmp_path, smtp_server, kb, settings):
    engine, store, request = submitted_with_sql(tmp_path, kb, settings)
    # Received Monday 23 November at 10:00 Paris, due Tuesday at 18:00: 8 h on
    # Monday and 9 h on Tuesday, so half is gone on Tuesday at 09:30 Paris.
    half = dt.datetime(2026, 11, 24, 8, 30, tzinfo=dt.timezone.utc)
    assert use_cases.alert_half_time(store, lambda: half - dt.timedelta(minutes=1), settings) == []
    with ThreadPoolExecutor(max_workers=2) as pool:
        alerted = list(pool.map(lambda _: use_cases.alert_half_time(store, lambda: half, settings), range(2)))
    assert sum(len(a) for a in alerted) == 1
    mailer = SmtpMailer(smtp_server.host, smtp_server.port)
    drain_outbox(engine, mailer, "bot@example.com", now=half)
    [alert] = [m for m in smtp_server.messages if "half of its time is gone" in m["Subject"]]
    assert alert["To"] == settings.team_email and request.reference in alert["Subject"]
    assert use_cases.alert_half_time(store, lambda: half + dt.timedelta(hours=2), settings) == []
