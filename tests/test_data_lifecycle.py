"""The data lifecycle across the two databases: erasing a conversation also
removes its reviewers' comments and the contact details of its handoff
requests, leaving audit entries without content; handoff requests follow a
retention period of their own, run and logged like the conversations'."""
import asyncio
import datetime as dt
import json
import time

import pytest
from sqlalchemy import select, update

from bot.config import load_settings
from bot.handoff.requests import Draft
from cli.transcripts import main
from rasa_plugins.tracker_store import RedactingSQLTrackerStore
from storage import requests as records
from storage import review
from storage.engine import make_engine
from storage.erasure import apply_request_retention, erase
from storage.migrate import downgrade, upgrade_project
from storage.schema import erasures, handoff_drafts, outbox, project_metadata, request_events
from tests.test_transcript_store import DOMAIN, conversation

NOW = time.time()
NOTIFY = {"recipient": "team@example.com", "subject": "Request {reference}",
          "body": "Request {reference}\nContact: {contact}"}
JANE = {"name": "Dr Jane Martin", "institution": "CHU de Lyon", "email": "jane@chu-lyon.fr", "phone": "+33472112233"}
PAUL = {"name": "Dr Paul Keller", "institution": "CHU de Nantes", "email": "paul@chu-nantes.fr"}


def utc(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def file_request(project, conversation_id, contact, kind="physician_request", at=NOW):
    notify = {**NOTIFY, "body": NOTIFY["body"].replace("{contact}", json.dumps(contact))}
    draft = Draft(conversation_id, kind, False, "FR", {"facts": {"country": "FR"}}, contact)
    return records.create_request(project, draft, 1, "FR", notify, now=utc(at))[0]


@pytest.fixture
def tracker_db(tmp_path, monkeypatch):
    db = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(db))
    return RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(db))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def project(request, tmp_path, monkeypatch):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'access.db'}"
        engine = upgrade_project(make_engine(url))
    else:
        url = request.getfixturevalue("postgres_url")
        engine = make_engine(url)
        downgrade(engine, "project")  # an empty database for each test: the session shares the server
        upgrade_project(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    yield engine
    engine.dispose()


def project_text(project) -> str:
    """Every value stored in the project database, as one text."""
    with project.connect() as conn:
        return json.dumps([[list(row) for row in conn.execute(select(table))] for table in project_metadata.sorted_tables],
                          default=str)


@pytest.fixture
def two_conversations(tracker_db, project):
    """'erase-me' and 'keep': each with a transcript, a reviewer's comment and
    a handoff request; 'erase-me' also has a team email already sent and a
    contact request being collected (draft)."""
    for sender in ("erase-me", "keep"):
        asyncio.run(tracker_db.save(conversation(sender, start=NOW - 600)))
        review.mark_reviewed(tracker_db.engine, sender, "reviewer.one", "forwarded_pv",
                             f"Dr Martin called back about {sender}", now=NOW)
    erased = file_request(project, "erase-me", JANE)
    kept = file_request(project, "keep", PAUL)
    with project.begin() as conn:
        conn.execute(update(outbox).where(outbox.c.request_id == erased.id).values(status="sent", sent_at=utc(NOW)))
    records.save_draft(project, "erase-me", "email", "jane.private@example.org")
    second = file_request(project, "erase-me", {"email": "jane.private@example.org"}, kind="mi_contact")
    return erased, second, kept


def test_erasure_removes_comments_and_contact_details_and_keeps_an_audit_entry_without_content(
        tracker_db, project, two_conversations):
    erased, second, kept = two_conversations
    assert "jane" in project_text(project)  # what is about to go
    result = erase(tracker_db.engine, project, "erase-me", "dpo@example.com", now=NOW)
    assert (result.events, result.comments, result.requests) == (len(conversation().events), 1, 2)

    # Reviewers' comments: the erased conversation's are gone, the others' stay.
    assert review.reviews_of(tracker_db.engine, "erase-me") == []
    assert [c["comment"] for c in review.reviews_of(tracker_db.engine, "keep")] == ["Dr Martin called back about keep"]
    # Contact details: nowhere in the project database any more; the other request untouched.
    text = project_text(project)
    assert "jane" not in text.lower() and "+33472112233" not in text and "Martin" not in text
    assert records.get_request(project, kept.reference).contact == PAUL
    assert records.lookup_status(project, erased.reference, JANE["email"]) is None
    # The requests stay for the team, with their assessment and history.
    request = records.get_request(project, erased.reference)
    assert request.assessment == {"facts": {"country": "FR"}} and request.status == "received"
    with project.connect() as conn:
        mails = conn.execute(select(outbox.c.request_id, outbox.c.status)).all()
        drafts = conn.execute(select(handoff_drafts)).all()
    # The sent email of the erased request stays (emptied), its pending one is gone; the other's stays pending.
    assert sorted(mails) == sorted([(erased.id, "sent"), (kept.id, "pending")])
    assert drafts == []
    history = records.events_for(project, erased.reference)
    assert [(e["action"], e["actor"]) for e in history] == [("created", "assistant"), ("erased", "dpo@example.com")]
    assert (history[-1]["detail"], history[-1]["from_status"], history[-1]["to_status"]) == (None, None, None)
    assert [e["action"] for e in records.events_for(project, kept.reference)] == ["created"]
    # The erasure log: who, when, how much; not whose.
    with tracker_db.engine.connect() as conn:
        [log] = conn.execute(select(erasures)).all()
    assert (log.actor, log.reason, log.conversations, log.events) == ("dpo@example.com", "request", 1, result.events)
    assert "erase-me" not in json.dumps(list(log), default=str)


def test_erasing_a_conversation_without_a_handoff_request(tracker_db, project):
    asyncio.run(tracker_db.save(conversation("quiet", start=NOW - 600)))
    result = erase(tracker_db.engine, project, "quiet", "dpo@example.com", now=NOW)
    assert result.requests == 0 and result.comments == 0 and result.events == len(conversation().events)
    with project.connect() as conn:
        assert conn.execute(select(request_events)).all() == []


def test_the_erase_command_reports_what_it_removed(two_conversations, capsys):
    assert main(["erase", "erase-me", "--actor", "dpo@example.com"]) == 0
    out = capsys.readouterr().out
    assert "1 review comments" in out and "contact details of 2 handoff requests" in out


DAY = 86400


@pytest.fixture
def aged_requests(tracker_db, project):
    """old: filed and last touched 800 days ago; revived: filed 800 days ago,
    acknowledged 10 days ago; new: filed today. Drafts: one stale, one fresh."""
    old = file_request(project, "old", JANE, at=NOW - 800 * DAY)
    records.set_status(project, old.reference, "acknowledged", "A. Team", now=utc(NOW - 799 * DAY))
    revived = file_request(project, "revived", PAUL, at=NOW - 800 * DAY)
    records.set_status(project, revived.reference, "acknowledged", "A. Team", now=utc(NOW - 10 * DAY))
    new = file_request(project, "new", PAUL, at=NOW)
    records.save_draft(project, "stale", "email", "stale@example.org")
    records.save_draft(project, "fresh", "email", "fresh@example.org")
    with project.begin() as conn:
        conn.execute(update(handoff_drafts).where(handoff_drafts.c.conversation_id == "stale")
                     .values(updated_at=utc(NOW - 800 * DAY)))
    return old, revived, new


def test_request_retention_removes_only_requests_not_updated_for_the_period_and_logs_counts(
        tracker_db, project, aged_requests):
    old, revived, new = aged_requests
    assert apply_request_retention(project, tracker_db.engine, 730, "retention-job", now=NOW) == 1
    assert records.get_request(project, old.reference) is None
    assert {r.reference for r in records.list_requests(project)} == {revived.reference, new.reference}
    with project.connect() as conn:
        assert {r.request_id for r in conn.execute(select(request_events.c.request_id))} == {revived.id, new.id}
        assert {r.request_id for r in conn.execute(select(outbox.c.request_id))} == {revived.id, new.id}
        assert [r.conversation_id for r in conn.execute(select(handoff_drafts.c.conversation_id))] == ["fresh"]
    assert "jane" not in project_text(project).lower()
    with tracker_db.engine.connect() as conn:
        [log] = conn.execute(select(erasures)).all()
    # Counts only: one request and its two audit entries (created, acknowledged).
    assert (log.actor, log.reason, log.conversations, log.events, log.at) == (
        "retention-job", "request_retention", 1, 2, NOW)


def test_request_retention_needs_at_least_a_day(tracker_db, project, aged_requests):
    with pytest.raises(ValueError):
        apply_request_retention(project, tracker_db.engine, 0, "retention-job", now=NOW)
    assert len(records.list_requests(project)) == 3


def test_the_retention_command_applies_both_periods(tracker_db, project, aged_requests, monkeypatch, capsys):
    asyncio.run(tracker_db.save(conversation("ancient", start=NOW - 400 * DAY)))
    asyncio.run(tracker_db.save(conversation("recent", start=NOW - 600)))
    monkeypatch.setenv("RETENTION_DAYS", "365")
    monkeypatch.setenv("REQUEST_RETENTION_DAYS", "730")
    assert main(["retention", "--actor", "retention-job"]) == 0
    out = capsys.readouterr().out
    assert "deleted 1 conversations older than 365 days" in out
    assert "deleted 1 handoff requests not updated for 730 days" in out
    assert [s.sender_id for s in review.list_conversations(tracker_db.engine)] == ["recent"]
    with tracker_db.engine.connect() as conn:
        assert sorted(r.reason for r in conn.execute(select(erasures))) == ["request_retention", "retention"]
    # A period below a day is refused before anything is deleted.
    assert main(["retention", "--request-days", "0", "--actor", "retention-job"]) == 2
    assert len(records.list_requests(project)) == 2


def test_request_retention_days_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("REQUEST_RETENTION_DAYS", "90")
    assert load_settings().request_retention_days == 90
    monkeypatch.setenv("REQUEST_RETENTION_DAYS", "0")
    with pytest.raises(ValueError, match="REQUEST_RETENTION_DAYS"):
        load_settings()
