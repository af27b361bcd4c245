"""Handoff actions on built trackers: the form's checks and required slots,
the stored request and its contract payload, the status lookup."""
import asyncio
from dataclasses import replace
from email import message_from_bytes

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.handoff as handoff_actions
from actions.handoff import ActionHumanHandoff, ActionStatusLookup, ActionSubmitHandoff, ValidateHandoffForm, ValidateStatusForm
from mail.outbox import OutboxNotifier, pending_count
from storage.engine import engine_for
from storage.migrate import upgrade_project
from storage.requests import get_request, list_requests, load_draft, save_draft
from tests.conftest import DRAFT, FR_AAC
from tests.conftest import HANDOFF_FILLED as CONTACT


def with_draft(settings, conversation="conv-1"):
    for field, value in DRAFT.items():
        save_draft(engine_for(settings.database_url), conversation, field, value)
DOMAIN = {"forms": {"handoff_form": {"required_slots": list(CONTACT)},
                    "status_form": {"required_slots": ["status_reference", "status_email"]}},
          "slots": {}}


@pytest.fixture(autouse=True)
def project_db(tmp_path, monkeypatch, kb, settings):
    configured = replace(settings, database_url=f"sqlite:///{tmp_path / 'access.db'}", mail_dir=tmp_path / "mail")
    upgrade_project(engine_for(configured.database_url))
    monkeypatch.setattr(handoff_actions, "context", lambda: (kb, configured))
    return configured


def tracker(slots, text="", intent="inform", sender="conv-1", loop=None, extracted=None):
    """`extracted`: the slot candidates Rasa's form appends before validation."""
    events = [{"event": "user", "text": text}] + [
        {"event": "slot", "name": k, "value": v} for k, v in (extracted or {}).items()]
    return Tracker(sender_id=sender, slots=slots, latest_message={"text": text, "intent": {"name": intent}, "entities": []},
                   events=events, paused=False, followup_action=None, active_loop={"name": loop} if loop else {},
                   latest_action_name="action_listen")


def run(action, t, domain=None):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, domain or DOMAIN))
    return dispatcher.messages, [(e["name"], e["value"]) for e in events if e["event"] == "slot"]


def test_form_rejects_a_bad_email_with_a_clear_re_ask():
    slots = {**FR_AAC, "contact_name": "Dr Jane Martin", "contact_institution": "CHU de Lyon",
             "contact_email": "jane at chu", "requested_slot": "contact_email"}
    messages, events = run(ValidateHandoffForm(), tracker(slots, "jane at chu", "contact_details", loop="handoff_form",
                                                          extracted={"contact_email": "jane at chu"}))
    assert "valid email address" in messages[0]["text"]
    # The physician's list is the domain's, so Rasa's form asks the slot again itself.
    assert events == [("contact_email", None)]


def test_form_accepts_a_good_email_and_moves_on():
    slots = {**FR_AAC, "contact_name": "Dr Jane Martin", "contact_institution": "CHU de Lyon",
             "contact_email": "Jane@CHU-Lyon.fr", "requested_slot": "contact_email"}
    messages, events = run(ValidateHandoffForm(), tracker(slots, "Jane@CHU-Lyon.fr", "contact_details", loop="handoff_form",
                                                          extracted={"contact_email": "Jane@CHU-Lyon.fr"}))
    # The slot only says an email was given; the address waits in the draft.
    assert not messages and events == [("contact_email", "[provided]")]
    assert load_draft(engine_for(handoff_actions.context()[1].database_url), "conv-1") == {"email": "Jane@chu-lyon.fr"}


def test_form_for_an_advocate_asks_consent_name_and_email_only():
    slots = {"role": "patient_advocate", "contact_consent": True, "requested_slot": "contact_consent"}
    _, events = run(ValidateHandoffForm(), tracker(slots, "yes", "affirm", loop="handoff_form",
                                                   extracted={"contact_consent": True}))
    assert events == [("contact_consent", True), ("requested_slot", "contact_name")]


def test_a_stop_during_the_form_ends_it_with_nothing_stored():
    slots = {**FR_AAC, "contact_name": "no", "requested_slot": "contact_name"}
    messages, events = run(ValidateHandoffForm(), tracker(slots, "no", "deny", loop="handoff_form",
                                                          extracted={"contact_name": "no"}))
    assert "Nothing has been sent" in messages[0]["text"]
    assert ("handoff_cancelled", True) in events and ("requested_slot", None) in events


def test_submit_stores_one_request_and_sends_the_contract_payload(project_db):
    with_draft(project_db)
    messages, events = run(ActionSubmitHandoff(), tracker({**FR_AAC, **CONTACT}))
    [payload] = [m["custom"]["handoff"] for m in messages if m.get("custom")]
    assert payload["queue"] == "managed_access" and payload["reference"] in messages[0]["text"]
    request = get_request(engine_for(project_db.database_url), payload["reference"])
    assert request.assessment["outcome"]["scheme"] == "FR_AAC" and request.contact["email"] == "jane@chu-lyon.fr"
    assert request.acknowledge_by.isoformat() == payload["acknowledge_by"]
    assert ("handoff_reference", payload["reference"]) in events and ("contact_email", None) in events
    assert load_draft(engine_for(project_db.database_url), "conv-1") == {}
    again, _ = run(ActionSubmitHandoff(), tracker({**FR_AAC, **CONTACT}))
    assert "already have a request" in again[0]["text"]
    assert len(list_requests(engine_for(project_db.database_url))) == 1


def test_submit_without_consent_stores_nothing(project_db):
    with_draft(project_db)
    messages, _ = run(ActionSubmitHandoff(), tracker({**FR_AAC, **CONTACT, "contact_consent": False}))
    assert "nothing has been sent" in messages[0]["text"]
    assert list_requests(engine_for(project_db.database_url)) == []
    assert load_draft(engine_for(project_db.database_url), "conv-1") == {}


def test_emergency_handoff_gives_the_urgent_contact_first(project_db):
    messages, _ = run(ActionHumanHandoff(), tracker({**FR_AAC, "emergency": True}))
    assert project_db.urgent_contact in messages[0]["text"]


def test_status_form_takes_the_reference_from_the_first_message():
    slots = {"requested_slot": None}
    _, events = run(ValidateStatusForm(), tracker(slots, "what's the status of MA-7K3Q-X9PD?", "check_status", loop="status_form"))
    assert events == [("status_reference", "MA-7K3Q-X9PD")]


def test_status_lookup_with_and_without_the_right_email(project_db):
    with_draft(project_db)
    _, _ = run(ActionSubmitHandoff(), tracker({**FR_AAC, **CONTACT}))
    [request] = list_requests(engine_for(project_db.database_url))
    right, events = run(ActionStatusLookup(), tracker({"status_reference": request.reference, "status_email": "JANE@chu-lyon.fr"},
                                                      sender="later"))
    assert "received" in right[0]["text"] and "jane" not in right[0]["text"].lower()
    assert ("status_attempts", 0) in events
    wrong, events = run(ActionStatusLookup(), tracker({"status_reference": request.reference, "status_email": "x@y.org"},
                                                      sender="later"))
    assert "couldn't find" in wrong[0]["text"] and ("status_attempts", 1) in events


async def test_the_team_email_and_the_receipt_leave_at_once_and_a_failed_send_is_logged_not_lost(
        project_db, monkeypatch, caplog):
    engine = engine_for(project_db.database_url)
    with_draft(project_db)
    await ActionSubmitHandoff().run(CollectingDispatcher(), tracker({**FR_AAC, **CONTACT}), DOMAIN)
    await asyncio.gather(*handoff_actions._SENDING)
    sent = [message_from_bytes(p.read_bytes()) for p in project_db.mail_dir.glob("*.eml")]
    assert sorted(m["To"] for m in sent) == sorted([project_db.team_email, "jane@chu-lyon.fr"])
    assert pending_count(engine) == 0

    def mail_server_down(self):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(OutboxNotifier, "send_due", mail_server_down)
    with_draft(project_db, "conv-2")
    messages = CollectingDispatcher()
    await ActionSubmitHandoff().run(messages, tracker({**FR_AAC, **CONTACT}, sender="conv-2"), DOMAIN)
    await asyncio.gather(*handoff_actions._SENDING)
    assert "Your reference is" in messages.messages[0]["text"]
    assert "outbox worker will retry" in caplog.text
    assert len(list_requests(engine)) == 2 and pending_count(engine) == 2


def test_consent_answered_in_words_counts_whatever_the_classifier_said():
    """"yes, I agree" read as a question by the classifier still answers the
    consent question (the handoff form validates the slot set here)."""
    from bot.understanding import yes_or_no
    assert yes_or_no("yes, I agree") is True and yes_or_no("no thanks") is False
    assert yes_or_no("what would you do with my details?") is None
    # The consent given or refused without "yes" or "no"
    assert [yes_or_no(t) for t in ("I agree", "I consent", "agreed", "d'accord")] == [True] * 4
    assert [yes_or_no(t) for t in ("I don't agree", "I do not consent", "I refuse")] == [False] * 3


def test_help_asked_before_anything_is_known_begins_the_assessment_and_says_how_to_reach_a_person():
    # Development pool 16: "hey can someone help me", read as a request for a
    # person, told a writer of unknown role that they could not file.
    messages, slots = run(ActionHumanHandoff(), tracker({}, "hey can someone help me", intent="human_handoff"))
    texts = " ".join(m.get("text") or "" for m in messages)
    assert "talk to a person" in texts and "cannot file" not in texts
    assert ("requested_slot", "role") in slots


def test_asking_for_a_person_in_words_before_anything_is_known_starts_the_handoff():
    messages, slots = run(ActionHumanHandoff(), tracker({}, "can I speak to someone from your team please",
                                                        intent="human_handoff"))
    assert ("requested_slot", "role") not in slots
    assert any("treating physician" in (m.get("text") or "") for m in messages)


def test_the_talk_to_a_person_button_starts_the_handoff_before_anything_is_known():
    _, slots = run(ActionHumanHandoff(), tracker({}, "/human_handoff", intent="human_handoff"))
    assert ("requested_slot", "role") not in slots
