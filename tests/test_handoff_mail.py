"""Team notifications against a real SMTP server (aiosmtpd): delivered with
the summary; kept and retried through an outage; never sent twice."""
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from bot.handoff.requests import Draft
from mail.mailers import FileMailer, SmtpMailer
from mail.outbox import drain_outbox, pending_count, retry_delay
from storage import requests as records
from storage.engine import make_engine
from storage.migrate import upgrade_project
from storage.schema import outbox

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
