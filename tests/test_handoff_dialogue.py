"""The handoff conversation without Rasa: who may file, which details are
asked, how bad input is answered, patient data kept out, confirmations."""
import datetime as dt

import pytest

from bot import contact, personal_data
from bot.handoff import dialogue
from bot.handoff.requests import Request, StatusView
from bot.handoff.summary import assessment_record, physician_summary, team_email

AAC_FACTS = dict(role="physician", country="FR", product_type="medicine", authorisation="not_authorised",
                 in_development=False, serious_condition=True, alternatives_exhausted=True,
                 previously_treated=False, in_company_trial=False, trial_available=False)


def request(**over):
    base = dict(id=1, reference="MA-7K3Q-X9PD", conversation_id="c1", kind="physician_request", queue="managed_access",
                status="received", close_reason=None, urgent=False, country="FR", assessment={}, contact={},
                created_at=dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.timezone.utc),
                updated_at=dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.timezone.utc),
                acknowledge_by=dt.date(2026, 11, 23))
    base.update(over)
    return Request(**base)


def texts(step):
    return " ".join(m.text or "" for m in step.messages)


# Who files: only the treating physician (programme page: "requests must come
# from the treating physician"); others get a summary and a contact offer.
@pytest.mark.parametrize("role, kind, slots", [
    ("physician", "physician_request", list(dialogue.PHYSICIAN_SLOTS)),
    ("patient", "mi_contact", list(dialogue.MI_CONTACT_SLOTS)),
    ("patient_advocate", "mi_contact", list(dialogue.MI_CONTACT_SLOTS)),
    ("other_hcp", "mi_contact", list(dialogue.MI_CONTACT_SLOTS)),
])
def test_only_the_treating_physician_files_a_request(role, kind, slots):
    assert dialogue.kind_for(role) == kind
    assert dialogue.required_slots({"role": role}) == slots


def test_nothing_more_is_asked_once_stopped_refused_or_filed():
    assert dialogue.required_slots({"role": "physician", "handoff_cancelled": True}) == []
    assert dialogue.required_slots({"role": "physician", "handoff_reference": "MA-7K3Q-X9PD"}) == []
    assert dialogue.required_slots({"role": "patient", "contact_consent": False}) == []


def test_an_advocate_gets_a_summary_for_the_physician_and_cannot_file(kb, settings):
    state = {**AAC_FACTS, "role": "patient_advocate"}
    step = dialogue.start(state, kb, settings, lambda: physician_summary(state, kb, settings))
    said = texts(step)
    assert "can only come from the treating physician" in said
    assert "summary you can give the treating physician" in said
    assert "Likely route: Compassionate access authorisation (AAC)." in said
    assert settings.medical_info_contact in said


def test_an_emergency_handoff_gives_the_urgent_contact_first(kb, settings):
    step = dialogue.start({**AAC_FACTS, "emergency": True}, kb, settings, lambda: "")
    assert settings.urgent_contact in step.messages[0].text


@pytest.mark.parametrize("slot, text, expected", [
    ("contact_name", "Dr Jane Martin", "Dr Jane Martin"),
    ("contact_name", "my name is Jane Martin", "Jane Martin"),
    ("contact_institution", "CHU de Lyon", "CHU de Lyon"),
    ("contact_email", "Jane.Martin@CHU-Lyon.fr", "Jane.Martin@chu-lyon.fr"),
    ("contact_phone", "04 72 11 22 33", "+33472112233"),
    ("contact_phone", "skip", "none"),
    ("contact_time", "weekday mornings, Paris time", "weekday mornings, Paris time"),
])
def test_good_contact_answers_are_cleaned(slot, text, expected):
    step = dialogue.validate_answer(slot, text, text, "inform", {"country": "FR"})
    assert step.slots == {slot: expected} and not step.messages


@pytest.mark.parametrize("slot, text, reason", [
    ("contact_email", "jane at chu lyon", "valid email address"),
    ("contact_email", "jane@", "valid email address"),
    ("contact_phone", "12345", "valid phone number"),
    ("contact_phone", "call me maybe", "valid phone number"),
    ("contact_name", "<script>alert(1)</script>", "plain text"),
    ("contact_name", "Jane" * 40, "under 100 characters"),
    ("contact_institution", "x" * 400, "under 150 characters"),
    ("contact_name", "12345", "in words"),
    ("contact_name", "what is an AAC?", "looks like a question"),
])
def test_bad_contact_answers_get_a_clear_re_ask_and_keep_nothing(slot, text, reason):
    step = dialogue.validate_answer(slot, text, text, "inform", {"country": "FR"})
    assert step.slots == {slot: None}
    assert reason in texts(step)


def test_patient_identifying_data_is_refused_and_not_kept():
    text = "Dr Martin, patient is John Smith born 12/03/1980"
    step = dialogue.validate_answer("contact_name", text, text, "inform", {})
    assert step.slots == {"contact_name": None}
    assert "secure channel" in texts(step)


def test_no_to_a_detail_stops_the_handoff_but_no_phone_is_allowed():
    stop = dialogue.validate_answer("contact_email", "no", "no", "deny", {})
    assert stop.slots["handoff_cancelled"] is True and "Nothing has been sent" in texts(stop)
    assert dialogue.validate_answer("contact_phone", "/deny", "/deny", "deny", {}).slots == {"contact_phone": "none"}
    # A name the classifier happens to read as "no" is still a name.
    assert dialogue.validate_answer("contact_name", "Jan Novak", "Jan Novak", "deny", {}).slots == {"contact_name": "Jan Novak"}


def test_accepted_details_go_to_the_draft_and_slots_keep_only_a_marker():
    step = dialogue.validate_answer("contact_email", "Jane@CHU-Lyon.fr", "Jane@CHU-Lyon.fr", "inform", {})
    assert dialogue.for_draft("contact_email", step) == ("email", "Jane@chu-lyon.fr")
    assert step.slots == {"contact_email": "[provided]"}
    skipped = dialogue.validate_answer("contact_phone", "skip", "skip", "deny", {})
    assert dialogue.for_draft("contact_phone", skipped) == ("phone", None) and skipped.slots == {"contact_phone": "none"}
    refused = dialogue.validate_answer("contact_email", "jane@", "jane@", "inform", {})
    assert dialogue.for_draft("contact_email", refused) is None and refused.slots == {"contact_email": None}
    assert dialogue.for_draft("contact_consent", dialogue.validate_answer("contact_consent", True, "yes", "affirm", {})) is None
    contact = dialogue.contact_of({"name": "Dr Jane Martin", "email": "jane@chu-lyon.fr"}, {"role": "physician", "contact_consent": True})
    assert contact == {"name": "Dr Jane Martin", "institution": None, "email": "jane@chu-lyon.fr", "phone": None,
                       "contact_time": None, "role": "physician", "consent": True}


def test_consent_must_be_yes_or_no():
    assert dialogue.validate_answer("contact_consent", True, "yes", "affirm", {}).slots == {"contact_consent": True}
    assert dialogue.validate_answer("contact_consent", False, "no", "deny", {}).slots == {"contact_consent": False}
    maybe = dialogue.validate_answer("contact_consent", "perhaps", "perhaps", "inform", {})
    assert maybe.slots == {"contact_consent": None} and "yes or no" in texts(maybe)


def test_leaving_the_form_for_the_assessment_sends_nothing_and_clears_the_form():
    step = dialogue.left_for_assessment()
    assert "nothing has been sent" in texts(step)
    assert step.slots["requested_slot"] is None and step.slots["contact_consent"] is None
    assert all(step.slots[slot] is None for slot in dialogue.PHYSICIAN_SLOTS)


def test_without_consent_nothing_is_sent_and_details_are_cleared(settings):
    step = dialogue.not_sent({"contact_consent": False, "contact_name": "Jane"}, settings)
    assert "Without your consent" in texts(step) and step.slots["contact_name"] is None


def test_confirmation_carries_the_contract_payload(settings):
    step = dialogue.confirmation(request(), True, settings)
    assert step.messages[1].custom == {"handoff": {"reference": "MA-7K3Q-X9PD", "acknowledge_by": "2026-11-23",
                                                   "queue": "managed_access"}}
    said = texts(step)
    assert "MA-7K3Q-X9PD" in said and "Monday 23 November 2026" in said and "business days in France" in said
    assert step.slots["handoff_reference"] == "MA-7K3Q-X9PD" and step.slots["contact_email"] is None
    again = dialogue.confirmation(request(), False, settings)
    assert "already have a request" in texts(again)
    urgent = dialogue.confirmation(request(urgent=True, queue="urgent"), True, settings)
    assert settings.urgent_contact in texts(urgent)


@pytest.mark.parametrize("text, ref", [
    ("status of MA-7K3Q-X9PD please", "MA-7K3Q-X9PD"),
    ("ma 7k3q x9pd", "MA-7K3Q-X9PD"),
    ("MA7K3QX9PD", "MA-7K3Q-X9PD"),
    ("my request from last week", None),
    ("MA-0000-1111", None),  # 0 and 1 are never used in references
])
def test_references_are_found_in_what_users_type(text, ref):
    found = dialogue.reference_in(text) or dialogue.validate_status_reference(text).slots["status_reference"]
    assert found == ref


@pytest.mark.parametrize("text", [
    "we are in Manchester", "the management so far", "MANCHESTER", "ma patiente a 54 ans",
])
def test_words_with_the_shape_of_a_reference_are_not_one(text):
    # "Manchester" is MA + 8 letters of the reference alphabet: a city in an
    # answer once started the status lookup in the middle of an assessment.
    assert dialogue.reference_in(text) is None


def test_a_reference_without_digits_is_found_when_written_with_its_hyphens():
    assert dialogue.reference_in("any news on MA-KXPW-QRTZ?") == "MA-KXPW-QRTZ"


def test_a_malformed_reference_gets_the_format(settings):
    step = dialogue.validate_status_reference("12345")
    assert step.slots == {"status_reference": None} and "MA-7K3Q-X9PD" in texts(step)


def test_status_answer_shows_status_and_dates_never_contact_data(settings):
    view = StatusView("MA-7K3Q-X9PD", "in_review", "under medical review", dt.date(2026, 11, 20),
                      dt.date(2026, 11, 23), dt.date(2026, 11, 21), None)
    step = dialogue.status_answer(view, "MA-7K3Q-X9PD", 0, settings)
    said = texts(step)
    assert "under medical review" in said and "2026-11-23" in said and "@" not in said
    assert step.messages[1].custom["handoff_status"]["status"] == "in_review"


def test_wrong_reference_or_email_counts_attempts_then_points_to_the_team(settings):
    first = dialogue.status_answer(None, "MA-7K3Q-X9PD", 0, settings)
    assert "couldn't find" in texts(first) and first.slots["status_attempts"] == 1
    third = dialogue.status_answer(None, "MA-7K3Q-X9PD", 2, settings)
    assert settings.medical_info_contact in texts(third)
    assert dialogue.too_many_attempts({"status_attempts": 3})


def test_the_stored_assessment_and_the_team_email_have_the_engine_outcome(kb, settings):
    record = assessment_record(AAC_FACTS, kb, settings)
    assert record["outcome"]["scheme"] == "FR_AAC" and record["outcome"]["unmet_criteria"] == []
    assert record["facts"]["country"] == "FR"
    mail = team_email("physician_request", True, "conv-9", record,
                      {"name": "Dr Jane Martin", "email": "jane@chu-lyon.fr"}, kb)
    assert mail["subject"].startswith("URGENT Managed access request {reference}")
    assert "FR_AAC" in mail["body"] and "conv-9" in mail["body"] and "jane@chu-lyon.fr" in mail["body"]
    assert "{acknowledge_by}" in mail["body"]


def test_an_unfinished_assessment_is_stored_as_it_stands(kb, settings):
    record = assessment_record({"role": "physician", "country": "FR", "unknown_facts": ["in_development"],
                                "product_type": "medicine", "authorisation": "not_authorised"}, kb, settings)
    assert record["outcome"] is None and record["unknown_facts"] == ["in_development"]


@pytest.mark.parametrize("text", [
    "the patient is John Smith", "her name is Marie Dupont", "DOB: 3 March 1975", "born 12/03/1980",
    "MRN 4471239", "NHS number 943 476 5919", "Patient: Paul Durand",
])
def test_patient_identifiers_are_recognised_and_redacted(text):
    assert personal_data.has_patient_identifiers(text)
    redacted = personal_data.redact(text)
    assert redacted != text and "[" in redacted


@pytest.mark.parametrize("text", [
    "the patient is treated in France", "she failed three lines of therapy", "Dr Jane Martin",
    "my number is +33 1 23 45 67 89", "patient is 45 years old", "in the trial since 2024",
])
def test_ordinary_answers_are_not_mistaken_for_patient_identifiers(text):
    assert not personal_data.has_patient_identifiers(text)


def test_phone_numbers_are_read_in_the_patients_country():
    assert contact.phone("(415) 555-2671", "US") == ("+14155552671", None)
    assert contact.phone("020 7946 0958", "GB") == ("+442079460958", None)
    assert contact.phone("+33 4 72 11 22 33", "US") == ("+33472112233", None)


def test_a_writer_who_said_nothing_of_themselves_is_not_told_what_they_are(kb, settings):
    # "Can I speak to a human please?" as the first message: the role is unknown.
    step = dialogue.start({}, kb, settings, lambda: physician_summary({}, kb, settings))
    said = texts(step)
    assert "other than the treating physician" not in said and "cannot file" not in said
    assert "no facts established" not in said
    assert "only the patient's treating physician can file" in said
    assert dialogue.kind_for(None) == "mi_contact"


def test_a_writer_of_unknown_role_with_facts_gets_the_summary(kb, settings):
    state = {k: v for k, v in AAC_FACTS.items() if k != "role"}
    step = dialogue.start(state, kb, settings, lambda: physician_summary(state, kb, settings))
    assert "summary you can give the treating physician" in texts(step)
