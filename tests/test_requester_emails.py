"""Emails to the person who asked, through the handoff use cases and a fake
store: a receipt when the request is stored, the team's acknowledgement when
a person takes it on, a short message when it is closed; in the
conversation's language; never patient data, medical content or the team's
internal notes; never twice."""
import datetime as dt

import pytest
import yaml

from bot.handoff import emails, use_cases
from bot.handoff.requests import CLOSE_REASONS, HandoffError
from tests.conftest import DRAFT, FR_AAC
from tests.conftest import HANDOFF_FILLED as FILLED
from tests.fakes import InMemoryStore

FRIDAY = dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.timezone.utc)
LATER = FRIDAY + dt.timedelta(days=3)


def submitted(kb, settings, state=None, conversation="conv-1", draft=DRAFT):
    store = InMemoryStore()
    for field, value in draft.items():
        store.save_draft(conversation, field, value)
    done = use_cases.submit_request(state or {**FR_AAC, **FILLED}, conversation, store, kb, settings,
                                    lambda: FRIDAY)
    return store, done.request


def sent(store, kind):
    return [e for e in store.emails if e["kind"] == kind]


def patient_data(request):
    """What the stored request holds about the patient and the case, as it
    would be written: none of it may appear in a requester's email."""
    facts = request.assessment["facts"]
    outcome = request.assessment.get("outcome") or {}
    return [DRAFT["phone"], DRAFT["institution"], outcome.get("scheme_name", ""), "AAC", "serious",
            "alternative", "trial"] + [str(v) for v in facts.values() if isinstance(v, str) and len(v) > 3]


def test_the_receipt_gives_the_reference_the_date_and_what_happens_next(kb, settings):
    store, request = submitted(kb, settings)
    [receipt] = sent(store, "receipt")
    assert receipt["recipient"] == "jane@chu-lyon.fr"
    assert request.reference in receipt["subject"] and request.reference in receipt["body"]
    assert "Monday, November 23, 2026" in receipt["body"] and "business days in France" in receipt["body"]
    assert "acknowledge" in receipt["body"] and "secure channel" in receipt["body"]
    assert not [word for word in patient_data(request) if word.lower() in receipt["body"].lower()]


def test_a_french_conversation_gets_its_receipt_in_french(kb, settings):
    store, request = submitted(kb, settings, {**FR_AAC, **FILLED, "language": "fr"})
    [receipt] = sent(store, "receipt")
    assert request.language == "fr"
    assert receipt["subject"].startswith("Nous avons bien reçu")
    assert "lundi 23 novembre 2026" in receipt["body"] and "France" in receipt["body"]
    assert "Monday" not in receipt["body"]


def test_a_language_the_assistant_does_not_speak_gets_english(kb, settings):
    store, request = submitted(kb, settings, {**FR_AAC, **FILLED, "language": "xx"})
    assert request.language == "en" and sent(store, "receipt")[0]["subject"].startswith("We have received")


def test_without_an_email_address_there_is_no_receipt_and_the_team_is_still_told(kb, settings):
    store, request = submitted(kb, settings, draft={k: v for k, v in DRAFT.items() if k != "email"})
    assert sent(store, "receipt") == [] and len(sent(store, "team_notification")) == 1


def test_an_advocates_contact_request_gets_the_medical_information_receipt(kb, settings):
    advocate = {"role": "patient_advocate", "country": "FR", "contact_consent": True}
    store, request = submitted(kb, settings, advocate)
    [receipt] = sent(store, "receipt")
    assert request.kind == "mi_contact" and "medical information team" in receipt["body"]
    assert "managed access request" not in receipt["body"]


def test_acknowledging_tells_the_requester_who_handles_it_and_how_to_reach_them(kb, settings):
    store, request = submitted(kb, settings)
    changed = use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: LATER, settings,
                                      assignee="Dr Lee Chen")
    assert changed.assignee == "Dr Lee Chen" and changed.acknowledged_at == LATER
    [ack] = sent(store, "acknowledgement")
    assert ack["recipient"] == "jane@chu-lyon.fr" and request.reference in ack["subject"]
    assert "Dr Lee Chen will handle it" in ack["body"] and settings.managed_access_contact in ack["body"]


def test_without_an_assignee_the_one_who_acknowledges_handles_it(kb, settings):
    store, request = submitted(kb, settings)
    use_cases.change_status(store, request.reference, "acknowledged", "  A.  Team ", lambda: LATER, settings)
    assert store.get(request.reference).assignee == "A. Team"
    assert "A. Team will handle it" in sent(store, "acknowledgement")[0]["body"]


def test_going_straight_to_review_also_acknowledges_and_review_after_acknowledging_sends_nothing(kb, settings):
    store, request = submitted(kb, settings)
    use_cases.change_status(store, request.reference, "in_review", "Dr B. Medic", lambda: LATER, settings)
    assert len(sent(store, "acknowledgement")) == 1
    other, second = submitted(kb, settings, conversation="conv-2")
    use_cases.change_status(other, second.reference, "acknowledged", "A. Team", lambda: LATER, settings)
    use_cases.change_status(other, second.reference, "in_review", "Dr B. Medic", lambda: LATER, settings)
    assert len(sent(other, "acknowledgement")) == 1 and len(other.emails) == 3


def test_closing_gives_the_reasons_category_and_never_the_internal_note(kb, settings):
    store, request = submitted(kb, settings)
    use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: LATER, settings)
    use_cases.change_status(store, request.reference, "closed", "A. Team", lambda: LATER, settings,
                            reason="declined_criteria", note="eGFR 25, hepatic impairment")
    [closure] = sent(store, "closure")
    assert "a criterion of the programme is not met" in closure["body"]
    assert "eGFR" not in closure["body"] and "hepatic" not in closure["body"]
    assert settings.managed_access_contact in closure["body"]


def test_closing_at_once_sends_the_closure_only(kb, settings):
    store, request = submitted(kb, settings)
    use_cases.change_status(store, request.reference, "closed", "A. Team", lambda: LATER, settings,
                            reason="duplicate")
    assert sent(store, "acknowledgement") == [] and len(sent(store, "closure")) == 1
    assert store.get(request.reference).acknowledged_at is None


def test_a_contact_request_is_answered_with_medical_informations_contact(kb, settings):
    advocate = {"role": "patient_advocate", "country": "FR", "contact_consent": True}
    store, request = submitted(kb, settings, advocate)
    use_cases.change_status(store, request.reference, "acknowledged", "M. Info", lambda: LATER, settings)
    assert settings.medical_info_contact in sent(store, "acknowledgement")[0]["body"]


def test_a_french_request_is_closed_in_french(kb, settings):
    store, request = submitted(kb, settings, {**FR_AAC, **FILLED, "language": "fr"})
    use_cases.change_status(store, request.reference, "closed", "A. Team", lambda: LATER, settings,
                            reason="redirected_trial")
    closure = sent(store, "closure")[0]
    assert "clôturée" in closure["subject"] and "essai clinique" in closure["body"]


def test_a_bad_change_sends_nothing(kb, settings):
    store, request = submitted(kb, settings)
    before = list(store.emails)
    with pytest.raises(HandoffError, match="closing needs a reason"):
        use_cases.change_status(store, request.reference, "closed", "A. Team", lambda: LATER, settings)
    with pytest.raises(HandoffError, match="who will handle it"):
        use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: LATER, settings,
                                assignee="  ")
    assert store.emails == before


def test_assigning_is_audited_and_refused_once_closed(kb, settings):
    store, request = submitted(kb, settings)
    assigned = use_cases.assign_request(store, request.reference, " Dr Lee  Chen ", "A. Team", lambda: LATER)
    assert assigned.assignee == "Dr Lee Chen" and store.events[-1] == ("A. Team", "assigned", "Dr Lee Chen")
    use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: LATER, settings)
    assert "Dr Lee Chen will handle it" in sent(store, "acknowledgement")[0]["body"]
    use_cases.change_status(store, request.reference, "closed", "A. Team", lambda: LATER, settings, reason="answered")
    with pytest.raises(HandoffError, match="is closed"):
        use_cases.assign_request(store, request.reference, "Someone", "A. Team", lambda: LATER)


def test_every_close_reason_has_words_in_both_languages():
    texts = emails.load_texts()
    assert set(texts["close_reasons"]) == set(CLOSE_REASONS)


def test_an_email_text_missing_a_language_is_named_with_its_file_and_place(tmp_path):
    data = yaml.safe_load(emails.EMAILS.read_text(encoding="utf-8"))
    del data["closure"]["mi_contact"]["fr"]
    data["close_reasons"]["invented"] = {"en": "x", "fr": "x"}
    broken = tmp_path / "emails.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError) as error:
        emails.load_texts(broken)
    assert "emails.yml" in str(error.value) and "closure.mi_contact.fr.subject" in str(error.value)
    assert "invented" in str(error.value)
