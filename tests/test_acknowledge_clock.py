"""The one-business-day promise kept visible: the time a request has left to
be acknowledged, counted in working hours of its country's business days,
and the team's alert when half of it is gone, once, driven by a fake clock
across a weekend and a public holiday. Holidays come from the `holidays`
library (France: Christmas Day; the US: Thanksgiving)."""
import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from bot.config import load_settings
from bot.handoff import use_cases
from bot.handoff.deadlines import clock_of, country_zone
from tests.conftest import DRAFT, FR_AAC
from tests.conftest import HANDOFF_FILLED as FILLED
from tests.fakes import InMemoryStore

PARIS = ZoneInfo("Europe/Paris")
# Thursday 24 December 2026, 10:00 in Paris. Friday 25 is Christmas Day, then
# the weekend: one business day later is Monday 28 December.
CHRISTMAS_EVE = dt.datetime(2026, 12, 24, 10, 0, tzinfo=PARIS)


def paris(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=PARIS)


def submitted(kb, settings, at, state=None, conversation="conv-1"):
    store = InMemoryStore()
    for field, value in DRAFT.items():
        store.save_draft(conversation, field, value)
    done = use_cases.submit_request(state or {**FR_AAC, **FILLED}, conversation, store, kb, settings,
                                    lambda: at.astimezone(dt.timezone.utc))
    return store, done.request


def alerts(store):
    return [e for e in store.emails if e["kind"] == "half_time_alert"]


def test_a_request_before_christmas_is_due_at_the_end_of_monday_with_seventeen_working_hours(kb, settings):
    _, request = submitted(kb, settings, CHRISTMAS_EVE)
    assert request.acknowledge_by == dt.date(2026, 12, 28)
    clock = clock_of(request.created_at, request.acknowledge_by, "FR", CHRISTMAS_EVE, "FR")
    # Thursday 10:00-18:00 and Monday 09:00-18:00; nothing on Christmas Day or the weekend.
    assert clock.due == paris(28, 18) and clock.allowed == dt.timedelta(hours=17)
    assert clock.describe() == "17 h 00 min of business time left"
    sunday = clock_of(request.created_at, request.acknowledge_by, "FR", paris(27, 23), "FR")
    assert sunday.left == dt.timedelta(hours=9) and not sunday.half_gone


def test_the_alert_goes_once_when_half_of_the_time_is_gone_across_the_weekend_and_the_holiday(kb, settings):
    store, request = submitted(kb, settings, CHRISTMAS_EVE)
    # Half of 17 h is 8 h 30: Thursday's 8 h, then Monday's first half hour.
    for moment in (paris(24, 17, 59), paris(25, 12), paris(26, 12), paris(27, 23, 59), paris(28, 9, 29)):
        assert use_cases.alert_half_time(store, lambda m=moment: m, settings) == [], moment
    assert alerts(store) == []
    [alerted] = use_cases.alert_half_time(store, lambda: paris(28, 9, 30), settings)
    assert alerted.reference == request.reference
    [alert] = alerts(store)
    assert alert["recipient"] == settings.team_email and request.reference in alert["subject"]
    assert "Monday 28 December 2026, 18:00" in alert["body"] and "8 h 30 min of business time left" in alert["body"]
    # Once: later runs, by this worker or another, queue nothing more.
    for moment in (paris(28, 9, 31), paris(28, 17), paris(29, 9)):
        assert use_cases.alert_half_time(store, lambda m=moment: m, settings) == []
    assert len(alerts(store)) == 1


def test_an_acknowledged_request_gets_no_alert(kb, settings):
    store, request = submitted(kb, settings, CHRISTMAS_EVE)
    use_cases.change_status(store, request.reference, "acknowledged", "A. Team", lambda: paris(24, 11), settings)
    assert use_cases.alert_half_time(store, lambda: paris(28, 17), settings) == []
    assert alerts(store) == []


def test_an_overdue_request_is_overdue_and_still_alerted_once(kb, settings):
    store, request = submitted(kb, settings, CHRISTMAS_EVE)
    late = clock_of(request.created_at, request.acknowledge_by, "FR", paris(28, 18), "FR")
    assert late.overdue and late.left == dt.timedelta() and late.describe() == "overdue"
    assert len(use_cases.alert_half_time(store, lambda: paris(29, 10), settings)) == 1
    assert "URGENT" not in alerts(store)[0]["subject"]


def test_an_urgent_request_says_so_in_the_alert(kb, settings):
    store, _ = submitted(kb, settings, CHRISTMAS_EVE, {**FR_AAC, **FILLED, "emergency": True})
    use_cases.alert_half_time(store, lambda: paris(28, 12), settings)
    assert alerts(store)[0]["subject"].startswith("URGENT: ")


def test_a_request_on_saturday_starts_its_time_on_monday_morning(kb, settings):
    saturday = dt.datetime(2026, 11, 21, 15, 0, tzinfo=PARIS)
    store, request = submitted(kb, settings, saturday)
    assert request.acknowledge_by == dt.date(2026, 11, 23)
    clock = clock_of(request.created_at, request.acknowledge_by, "FR", saturday, "FR")
    assert clock.allowed == dt.timedelta(hours=9)
    assert use_cases.alert_half_time(store, lambda: dt.datetime(2026, 11, 23, 13, 29, tzinfo=PARIS), settings) == []
    assert len(use_cases.alert_half_time(store, lambda: dt.datetime(2026, 11, 23, 13, 30, tzinfo=PARIS), settings)) == 1


def test_a_us_request_counts_thanksgiving_and_the_day_ending_first_in_new_york(kb, settings):
    # Wednesday 25 November 2026, 10:00 in New York; Thursday 26 is Thanksgiving.
    new_york = ZoneInfo("America/New_York")
    _, request = submitted(kb, settings, dt.datetime(2026, 11, 25, 10, 0, tzinfo=new_york),
                           {**FR_AAC, **FILLED, "country": "US"})
    assert request.acknowledge_by == dt.date(2026, 11, 27)
    assert country_zone("US") == new_york
    clock = clock_of(request.created_at, request.acknowledge_by, "US", request.created_at, "FR")
    assert clock.due == dt.datetime(2026, 11, 27, 18, 0, tzinfo=new_york)
    assert clock.allowed == dt.timedelta(hours=17)  # Wednesday 8 h, Friday 9 h


def test_other_working_hours_count_as_configured(kb, settings):
    short = replace(settings, business_hours=(dt.time(8), dt.time(12)))
    store, request = submitted(kb, short, CHRISTMAS_EVE)
    clock = clock_of(request.created_at, request.acknowledge_by, "FR", CHRISTMAS_EVE, "FR", short.business_hours)
    assert clock.allowed == dt.timedelta(hours=6)  # Thursday 10-12, Monday 8-12
    assert use_cases.alert_half_time(store, lambda: paris(28, 8, 59), short) == []
    assert len(use_cases.alert_half_time(store, lambda: paris(28, 9), short)) == 1


@pytest.mark.parametrize("raw, error", [("9-18", "must look like"), ("18:00-09:00", "start before"),
                                        ("09:00", "must look like")])
def test_business_hours_that_cannot_be_read_are_refused_in_words(monkeypatch, tmp_path, raw, error):
    monkeypatch.setenv("BUSINESS_HOURS", raw)
    with pytest.raises(ValueError, match=error):
        load_settings(tmp_path / "none.env")


def test_business_hours_default_to_nine_to_six(monkeypatch, tmp_path):
    monkeypatch.delenv("BUSINESS_HOURS", raising=False)
    assert load_settings(tmp_path / "none.env").business_hours == (dt.time(9), dt.time(18))
