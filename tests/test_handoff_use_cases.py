"""The handoff use cases against fakes at their ports: an in-memory request
store and recording or failing notifiers. No Rasa, no database, no SMTP
(one test checks that the SQL store keeps the same promises)."""
import datetime as dt
from dataclasses import replace

import pytest

from bot.handoff import dialogue, use_cases
from bot.handoff.requests import HandoffError
from storage.engine import make_engine
from storage.migrate import upgrade_project
from storage.requests import SqlRequestStore
from tests.conftest import DRAFT, FR_AAC
from tests.conftest import HANDOFF_FILLED as FILLED
from tests.fakes import FailingNotifier, InMemoryStore, RecordingNotifier

FRIDAY = dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.timezone.utc)


def clock_at(moment: dt.datetime):
    return lambda: moment


@pytest.fixture
def store():
    s = InMemoryStore()
    for field, value in DRAFT.items():
        s.save_draft("conv-1", field, value)
    return s


def submit(store, kb, settings, state=None, conversation="conv-1", at=FRIDAY):
    return use_cases.submit_request(state or {**FR_AAC, **FILLED}, conversation, store, kb, settings, clock_at(at))


def said(step) -> str:
    return " ".join(m.text or "" for m in step.messages)


def test_a_submitted_request_holds_the_assessment_contact_and_team_email(store, kb, settings):
    done = submit(store, kb, settings)
    assert done.created
    [request] = store.requests.values()
    assert request.conversation_id == "conv-1" and request.kind == "physician_request"
    assert request.assessment["outcome"]["scheme"] == "FR_AAC"
    assert request.contact["email"] == "jane@chu-lyon.fr" and request.contact["consent"] is True
    [email, receipt] = store.emails
    assert email["recipient"] == settings.team_email
    assert request.reference in email["subject"] and "jane@chu-lyon.fr" in email["body"]
    assert receipt["recipient"] == "jane@chu-lyon.fr" and request.reference in receipt["subject"]
    assert request.reference in said(done.step) and done.step.slots["handoff_reference"] == request.reference


def test_a_second_submit_returns_the_same_reference_and_stores_nothing(store, kb, settings):
    first = submit(store, kb, settings)
    second = submit(store, kb, settings, {**FR_AAC, **FILLED, "handoff_reference": first.request.reference})
    assert not second.created and second.request.reference == first.request.reference
    assert "already have a request" in said(second.step)
    assert len(store.requests) == 1 and [e["kind"] for e in store.emails] == ["team_notification", "receipt"]


def test_another_conversation_gets_its_own_request(store, kb, settings):
    a = submit(store, kb, settings)
    b = submit(store, kb, settings, conversation="conv-2")
    assert b.created and a.request.reference != b.request.reference


def test_an_emergency_goes_to_the_urgent_queue(store, kb, settings):
    done = submit(store, kb, settings, {**FR_AAC, **FILLED, "emergency": True})
    assert done.request.urgent and done.request.queue == "urgent"
    assert store.emails[0]["subject"].startswith("URGENT")
    assert settings.urgent_contact in said(done.step)


def test_a_calm_request_goes_to_managed_access_and_a_contact_request_to_medical_information(store, kb, settings):
    assert submit(store, kb, settings).request.queue == "managed_access"
    advocate = {"role": "patient_advocate", "country": "FR", "contact_consent": True}
    assert submit(store, kb, settings, advocate, conversation="conv-2").request.queue == "medical_information"


@pytest.mark.parametrize("state, at, days, expected", [
    (FR_AAC, FRIDAY, 1, dt.date(2026, 11, 23)),                                      # Fri -> Mon
    (FR_AAC, dt.datetime(2026, 7, 13, 10, 0, tzinfo=dt.timezone.utc), 1, dt.date(2026, 7, 15)),  # 14 July
    (FR_AAC, FRIDAY, 3, dt.date(2026, 11, 25)),
    ({**FR_AAC, "country": "US"}, dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone.utc), 1, dt.date(2026, 11, 27)),
    ({**FR_AAC, "country": None}, dt.datetime(2026, 7, 13, 10, 0, tzinfo=dt.timezone.utc), 1, dt.date(2026, 7, 15)),
])
def test_acknowledge_by_counts_business_days_of_the_patients_country(store, kb, settings, state, at, days, expected):
    done = submit(store, kb, replace(settings, ack_business_days=days, default_country="FR"), {**state, **FILLED}, at=at)
    assert done.request.acknowledge_by == expected
    assert expected.isoformat() == done.step.messages[1].custom["handoff"]["acknowledge_by"]


def test_the_draft_is_cleared_once_the_request_is_stored(store, kb, settings):
    submit(store, kb, settings)
    assert store.load_draft("conv-1") == {}


@pytest.mark.parametrize("stop", [{"contact_consent": False}, {"handoff_cancelled": True}])
def test_no_request_without_consent_or_when_cancelled(store, kb, settings, stop):
    done = submit(store, kb, settings, {**FR_AAC, **FILLED, **stop})
    assert not done.created and done.request is None
    assert store.requests == {} and store.emails == []
    assert store.load_draft("conv-1") == {}
    assert "nothing has been sent" in said(done.step).lower()


def test_an_accepted_contact_detail_waits_in_the_draft_not_in_the_slot(kb, settings):
    s = InMemoryStore()
    step = dialogue.validate_answer("contact_email", "Jane@CHU-Lyon.fr", "Jane@CHU-Lyon.fr", "inform", FR_AAC)
    kept = use_cases.keep_contact_detail("contact_email", step, "conv-9", s)
    assert kept.slots == {"contact_email": "[provided]"}
    assert s.load_draft("conv-9") == {"email": "Jane@chu-lyon.fr"}
    refused = dialogue.validate_answer("contact_email", "jane at chu", "jane at chu", "inform", FR_AAC)
    use_cases.keep_contact_detail("contact_email", refused, "conv-8", s)
    assert s.load_draft("conv-8") == {}


def test_the_status_is_given_only_for_the_filing_email(store, kb, settings):
    reference = submit(store, kb, settings).request.reference
    right = use_cases.look_up_status({"status_reference": reference, "status_email": " JANE@chu-lyon.fr"}, store, settings)
    assert "received" in said(right) and "jane" not in said(right).lower()
    assert right.slots["status_attempts"] == 0
    wrong = use_cases.look_up_status({"status_reference": reference, "status_email": "x@y.org"}, store, settings)
    assert "couldn't find" in said(wrong) and wrong.slots["status_attempts"] == 1
    unknown = use_cases.look_up_status({"status_reference": "MA-2345-6789", "status_email": "jane@chu-lyon.fr"},
                                       store, settings)
    assert "couldn't find" in said(unknown)


def test_after_too_many_attempts_the_status_is_not_given_even_with_the_right_email(store, kb, settings):
    reference = submit(store, kb, settings).request.reference
    step = use_cases.look_up_status({"status_reference": reference, "status_email": "jane@chu-lyon.fr",
                                     "status_attempts": 3}, store, settings)
    assert "couldn't find" in said(step) and settings.medical_info_contact in said(step)


def test_a_failing_notifier_never_loses_the_request(store, kb, settings, caplog):
    done = submit(store, kb, settings)
    assert use_cases.notify_team(FailingNotifier()) is False
    assert "outbox worker will retry" in caplog.text
    assert store.get(done.request.reference) == done.request
    assert store.emails[0]["status"] == "pending"
    recording = RecordingNotifier()
    assert use_cases.notify_team(recording) is True and recording.calls == 1


def test_the_team_changes_a_status_with_its_name_and_bad_changes_change_nothing(store, kb, settings):
    reference = submit(store, kb, settings).request.reference
    later = FRIDAY + dt.timedelta(hours=2)
    changed = use_cases.change_status(store, reference, "acknowledged", " A. Team ", clock_at(later), settings)
    assert changed.status == "acknowledged" and changed.updated_at == later
    assert store.events == [("A. Team", "received", "acknowledged")]
    with pytest.raises(HandoffError, match="closing needs a reason"):
        use_cases.change_status(store, reference, "closed", "A. Team", clock_at(later), settings)
    with pytest.raises(HandoffError, match="no request with reference"):
        use_cases.change_status(store, "MA-2345-6789", "acknowledged", "A. Team", clock_at(later), settings)
    assert store.get(reference).status == "acknowledged" and len(store.events) == 1


def test_the_sql_store_keeps_the_ports_promises(tmp_path, kb, settings):
    sql = SqlRequestStore(upgrade_project(make_engine(f"sqlite:///{tmp_path / 'access.db'}")))
    for field, value in DRAFT.items():
        sql.save_draft("conv-1", field, value)
    first = submit(sql, kb, settings, {**FR_AAC, **FILLED, "emergency": True})
    again = submit(sql, kb, settings)
    assert first.created and not again.created and again.request.reference == first.request.reference
    assert first.request.acknowledge_by == dt.date(2026, 11, 23) and first.request.queue == "urgent"
    assert sql.load_draft("conv-1") == {} and len(sql.list()) == 1
    view = use_cases.look_up_status({"status_reference": first.request.reference, "status_email": "jane@chu-lyon.fr"},
                                    sql, settings)
    assert "received" in said(view)
    closed = use_cases.change_status(sql, first.request.reference, "closed", "A. Team", clock_at(FRIDAY), settings,
                                     reason="withdrawn")
    assert closed.status == "closed" and closed.close_reason == "withdrawn"

