"""Review flags from events, each at the time of the event that raised it."""
from bot.transcripts.flags import FLAGS, flags_in, latest_slots


def user(intent, at):
    return {"event": "user", "timestamp": at, "parse_data": {"intent": {"name": intent}}}


def test_each_flag_is_raised_by_its_event():
    events = [
        user("report_adverse_event", 1.0),
        {"event": "action", "name": "action_adverse_event", "timestamp": 1.1},
        user("emergency", 2.0),
        {"event": "slot", "name": "emergency", "value": True, "timestamp": 2.1},
        user("ask_medical_advice", 3.0),
        user("ask_efficacy_safety", 4.0),
        user("nlu_fallback", 5.0),
        {"event": "action", "name": "action_default_fallback", "timestamp": 5.5},
        {"event": "slot", "name": "handoff_reference", "value": "MA-7K3Q-X9PD", "timestamp": 6.0},
        user("feedback_negative", 7.0),
    ]
    first = {}
    for flag in flags_in(events):
        first.setdefault(flag.name, flag)
    assert set(first) == set(FLAGS)
    # The pharmacovigilance clock starts when the user's message arrived.
    assert first["adverse_event"].at == 1.0
    assert first["handoff"].detail == "MA-7K3Q-X9PD"


def test_ordinary_turns_raise_nothing():
    events = [user("inform", 1.0), {"event": "slot", "name": "emergency", "value": False, "timestamp": 1.1},
              {"event": "action", "name": "action_assess", "timestamp": 1.2}, {"event": "bot", "text": "hi"}]
    assert flags_in(events) == []


def test_the_review_list_keeps_the_latest_role_country_and_scheme():
    events = [{"event": "slot", "name": "country", "value": "BE"}, {"event": "slot", "name": "country", "value": "FR"},
              {"event": "slot", "name": "pathway", "value": "FR_AAC"}, {"event": "slot", "name": "contact_email", "value": "x"}]
    assert latest_slots(events) == {"country": "FR", "pathway": "FR_AAC"}
