"""What the reviewers' dashboard counts (bot.transcripts.metrics), on plain
rows: per UTC day, flags on the day they were raised, a question counted as
asked again when it is still open after the user's reply."""
import datetime as dt

from bot.transcripts.metrics import ConversationRow, RequestRow, dashboard, questions_asked_again

UTC = dt.timezone.utc
D1, D2, D3 = dt.date(2026, 11, 30), dt.date(2026, 12, 1), dt.date(2026, 12, 2)


def at(day, hour=10):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=UTC)


def ts(day, hour=10):
    return at(day, hour).timestamp()


def ask(slot):
    return {"event": "slot", "name": "requested_slot", "value": slot}


USER = {"event": "user"}


def test_a_question_answered_and_followed_by_the_next_is_not_asked_again():
    assert questions_asked_again([ask("role"), USER, ask("country"), USER, ask("product_type")]) == 0


def test_a_question_still_open_after_the_reply_is_asked_again_each_time():
    events = [ask("role"), USER, ask("country"), USER, USER, ask("product_type"), USER, ask("product_type")]
    assert questions_asked_again(events) == 2  # country once, then product_type at the end


def test_no_open_question_counts_nothing():
    assert questions_asked_again([USER, USER, {"event": "slot", "name": "country", "value": "FR"}, USER]) == 0
    assert questions_asked_again([ask("country"), USER, ask(None), USER]) == 0


def test_every_chart_counts_by_day_and_leaves_out_what_is_outside_the_range():
    rows = [
        ConversationRow("a", ts(D1), "FR", "FR_AAC", {"fallback": ts(D1)}, asked_again=1),
        ConversationRow("b", ts(D1, 23), "FR", None, {"adverse_event": ts(D2, 1)}),
        ConversationRow("c", ts(D2), "DE", "COMPANY_MAP", {"emergency": ts(D2)}),
        ConversationRow("d", ts(D3), "FR", "FR_AAC", {}),
        ConversationRow("old", ts(D1 - dt.timedelta(days=1)), "FR", "FR_AAC", {"adverse_event": ts(D1)}),
    ]
    requests = [RequestRow(at(D1, 9), at(D1, 15)), RequestRow(at(D1, 11), at(D2, 11)),
                RequestRow(at(D2), None), RequestRow(at(D3 + dt.timedelta(days=1)), None)]
    charts = dashboard(rows, requests, D1, D3)
    assert charts["conversations"].labels == ["2026-11-30", "2026-12-01", "2026-12-02"]
    assert charts["conversations"].series == {"conversations": [2, 1, 1]}
    assert charts["outcomes"].labels == ["COMPANY_MAP", "FR_AAC"]
    assert charts["outcomes"].series == {"DE": [1, 0], "FR": [0, 2]}
    # The old conversation started before the range: its flag is not counted.
    assert charts["safety"].series == {"adverse_event": [0, 1, 0], "emergency": [0, 1, 0]}
    assert charts["repair"].series == {"fallback": [0.5, 0.0, 0.0], "question asked again": [0.5, 0.0, 0.0]}
    assert charts["handoffs"].series == {"handoffs": [2, 1, 0], "median hours to acknowledgement": [15.0, 0.0, 0.0]}
    assert charts["reached"].series == {"reached an outcome": [0.5, 1.0, 1.0]}
    assert charts["outcomes"].rows() == [["COMPANY_MAP", 1, 0], ["FR_AAC", 0, 2]]


def test_an_empty_range_gives_zeros_not_errors():
    charts = dashboard([], [], D1, D1)
    assert charts["conversations"].series == {"conversations": [0]}
    assert charts["repair"].series["fallback"] == [0.0] and charts["outcomes"].labels == []
