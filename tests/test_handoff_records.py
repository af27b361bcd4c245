"""Handoff records on SQLite and on a real PostgreSQL server: creation,
idempotency (also under concurrency), status changes with audit, the status
lookup, and the business-day acknowledgement date."""
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.handoff.requests import Draft, HandoffError
from storage import requests as records
from storage.engine import make_engine
from storage.migrate import downgrade, upgrade_project
from storage.schema import access_requests, outbox, request_events

NOTIFY = {"recipient": "team@example.com", "subject": "Request {reference}", "body": "Ref {reference}, ack {acknowledge_by}"}
MONDAY = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = upgrade_project(make_engine(f"sqlite:///{tmp_path / 'access.db'}"))
    else:
        eng = make_engine(request.getfixturevalue("postgres_url"))
        downgrade(eng, "project")  # an empty database for each test: the session shares the server
        upgrade_project(eng)
    yield eng
    eng.dispose()


def draft(conversation="conv-1", kind="physician_request", urgent=False, country="FR", email="jane@chu-lyon.fr"):
    return Draft(
        conversation_id=conversation, kind=kind, urgent=urgent, country=country,
        assessment={"facts": {"country": country, "product_type": "medicine"}, "outcome": {"scheme": "FR_AAC"}},
        contact={"name": "Dr Jane Martin", "institution": "CHU de Lyon", "email": email, "phone": "+33123456789"},
    )


def create(engine, d=None, now=MONDAY, days=1):
    return records.create_request(engine, d or draft(), days, "FR", NOTIFY, now=now)


def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_request_is_stored_with_everything_the_team_needs(engine):
    request, created = create(engine)
    assert created
    assert records.normalise_reference(request.reference) == request.reference
    assert request.status == "received" and request.queue == "managed_access" and not request.urgent
    assert request.assessment["outcome"]["scheme"] == "FR_AAC"
    assert request.contact["email"] == "jane@chu-lyon.fr"
    assert request.conversation_id == "conv-1"
    assert request.created_at == MONDAY
    assert request.acknowledge_by == dt.date(2026, 11, 24)
    with engine.connect() as conn:
        mail = conn.execute(select(outbox)).one()
    assert mail.status == "pending" and request.reference in mail.subject
    assert f"Ref {request.reference}, ack 2026-11-24" == mail.body
    assert [e["action"] for e in records.events_for(engine, request.reference)] == ["created"]


def test_asking_twice_in_a_conversation_returns_the_same_request(engine):
    first, _ = create(engine)
    second, created = create(engine)
    assert not created and second.reference == first.reference
    assert count(engine, access_requests) == 1 and count(engine, outbox) == 1


def test_concurrent_handoffs_in_one_conversation_make_exactly_one_record(engine):
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: create(engine), range(16)))
    assert len({r.reference for r, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert count(engine, access_requests) == 1 and count(engine, outbox) == 1


def test_other_conversations_and_kinds_get_their_own_requests(engine):
    a, _ = create(engine)
    b, _ = create(engine, draft(conversation="conv-2"))
    c, _ = create(engine, draft(kind="mi_contact"))
    assert len({a.reference, b.reference, c.reference}) == 3
    assert c.queue == "medical_information"


def test_an_emergency_request_is_urgent_and_listed_first(engine):
    create(engine, draft(conversation="calm"))
    urgent, _ = create(engine, draft(conversation="urgent", urgent=True), now=MONDAY + dt.timedelta(hours=1))
    assert urgent.urgent and urgent.queue == "urgent"
    queue = records.list_requests(engine)
    assert [r.conversation_id for r in queue] == ["urgent", "calm"]
    assert [r.conversation_id for r in records.list_requests(engine, urgent=True)] == ["urgent"]


def test_status_changes_are_recorded_with_who_when_and_what(engine):
    request, _ = create(engine)
    later = MONDAY + dt.timedelta(hours=3)
    records.set_status(engine, request.reference, "acknowledged", "A. Team", now=later)
    records.set_status(engine, request.reference, "in_review", "Dr B. Medic", note="asked for records", now=later)
    closed = records.set_status(engine, request.reference, "closed", "Dr B. Medic", reason="supply_agreed", now=later)
    assert closed.status == "closed" and closed.close_reason == "supply_agreed"
    history = records.events_for(engine, request.reference)
    assert [(e["actor"], e["from_status"], e["to_status"]) for e in history] == [
        ("assistant", None, "received"),
        ("A. Team", "received", "acknowledged"),
        ("Dr B. Medic", "acknowledged", "in_review"),
        ("Dr B. Medic", "in_review", "closed"),
    ]
    assert history[2]["detail"] == "asked for records" and history[3]["detail"] == "supply_agreed"
    assert records.list_requests(engine, status="closed")[0].reference == request.reference


@pytest.mark.parametrize("status, reason, message", [
    ("closed", None, "closing needs a reason"),
    ("closed", "because", "closing needs a reason"),
    ("acknowledged", "supply_agreed", "only given when closing"),
    ("archived", None, "unknown status"),
])
def test_bad_status_changes_are_refused_and_change_nothing(engine, status, reason, message):
    request, _ = create(engine)
    with pytest.raises(HandoffError, match=message):
        records.set_status(engine, request.reference, status, "A. Team", reason=reason)
    assert records.get_request(engine, request.reference).status == "received"
    assert count(engine, request_events) == 1


def test_a_closed_request_stays_closed_and_an_actor_is_required(engine):
    request, _ = create(engine)
    with pytest.raises(HandoffError, match="who makes the change"):
        records.set_status(engine, request.reference, "acknowledged", "  ")
    records.set_status(engine, request.reference, "closed", "A. Team", reason="withdrawn")
    with pytest.raises(HandoffError, match="can move to: none"):
        records.set_status(engine, request.reference, "in_review", "A. Team")


def test_a_reference_that_does_not_exist_is_a_clear_error(engine):
    assert records.get_request(engine, "MA-2345-6789") is None
    assert records.get_request(engine, "not a reference") is None
    with pytest.raises(HandoffError, match="no request with reference"):
        records.set_status(engine, "MA-2345-6789", "acknowledged", "A. Team")


def test_status_lookup_needs_the_email_that_filed_it_and_shows_no_contact_data(engine):
    request, _ = create(engine)
    view = records.lookup_status(engine, request.reference.lower().replace("-", " "), "  Jane@CHU-Lyon.fr ")
    assert view.reference == request.reference and view.status == "received"
    assert view.acknowledge_by == dt.date(2026, 11, 24)
    assert "jane" not in repr(view).lower() and "+33" not in repr(view)
    assert records.lookup_status(engine, request.reference, "someone@else.org") is None
    assert records.lookup_status(engine, "MA-2345-6789", "jane@chu-lyon.fr") is None
    assert records.lookup_status(engine, request.reference, "") is None


@pytest.mark.parametrize("country, created, expected", [
    # France: Friday -> Monday; Friday 10 July 2026 -> Monday 13 (Bastille Day is Tuesday 14).
    ("FR", dt.datetime(2026, 11, 20, 16, 0), dt.date(2026, 11, 23)),
    ("FR", dt.datetime(2026, 7, 13, 10, 0), dt.date(2026, 7, 15)),   # Mon -> Wed: 14 July holiday
    ("FR", dt.datetime(2026, 12, 24, 10, 0), dt.date(2026, 12, 28)),  # Thu -> Mon: Christmas, weekend
    ("US", dt.datetime(2026, 11, 25, 10, 0), dt.date(2026, 11, 27)),  # Wed -> Fri: Thanksgiving
    ("US", dt.datetime(2026, 7, 2, 10, 0), dt.date(2026, 7, 6)),    # Thu -> Mon: 3 July observed holiday
    ("JP", dt.datetime(2026, 5, 1, 10, 0), dt.date(2026, 5, 7)),    # Fri -> Thu: weekend + Golden Week
    ("JP", dt.datetime(2026, 11, 21, 10, 0), dt.date(2026, 11, 24)),  # Sat -> Tue: Labour Thanksgiving Day (Mon)
])
def test_acknowledge_by_skips_weekends_and_public_holidays(engine, country, created, expected):
    request, _ = create(engine, draft(country=country), now=created.replace(tzinfo=dt.timezone.utc))
    assert request.acknowledge_by == expected


def test_acknowledge_by_uses_the_configured_days_and_the_default_country(engine):
    request, _ = create(engine, draft(country=None), now=dt.datetime(2026, 7, 10, 10, 0, tzinfo=dt.timezone.utc), days=2)
    assert request.acknowledge_by == dt.date(2026, 7, 15)  # FR default: Mon 13, (Tue 14 holiday), Wed 15
