"""Reviewing stored conversations: filters, transcript order, exports
without personal data, and the command line (list, show, export, erase,
retention)."""
import asyncio
import csv
import io
import json
import time

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from cli.transcripts import main
from rasa_plugins.tracker_store import RedactingSQLTrackerStore
from storage import review
from tests.test_transcript_store import DOMAIN, conversation, user

NOW = time.time()


def quiet(sender, start, text="what is an AAC?", intent="inform"):
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_listen", timestamp=start),
        user(text, intent, start + 1),
        SlotSet("country", "DE", timestamp=start + 2),
        BotUttered("An AAC is ...", {"custom": {"pathway": {"scheme": "COMPANY_MAP"}}}, timestamp=start + 3),
    ], slots=DOMAIN.slots)


@pytest.fixture
def stored(tmp_path, monkeypatch):
    db = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'access.db'}")  # handoff requests (erase)
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(db))
    asyncio.run(store.save(conversation("ae-1", start=NOW - 7200)))
    asyncio.run(store.save(quiet("calm-1", NOW - 3600)))
    asyncio.run(store.save(quiet("xss-1", NOW - 60, "<script>alert(1)</script> my email is a@b.org")))
    return store


def test_list_is_newest_first_and_filters(stored):
    assert [s.sender_id for s in review.list_conversations(stored.engine)] == ["xss-1", "calm-1", "ae-1"]
    assert [s.sender_id for s in review.list_conversations(stored.engine, review.Filters(flag="adverse_event"))] == ["ae-1"]
    assert [s.sender_id for s in review.list_conversations(stored.engine, review.Filters(country="FR"))] == ["ae-1"]
    assert [s.sender_id for s in review.list_conversations(stored.engine, review.Filters(text="script"))] == ["xss-1"]
    assert review.list_conversations(stored.engine, review.Filters(reviewed=True)) == []
    assert [s.sender_id for s in review.list_conversations(stored.engine, review.Filters(scheme="COMPANY_MAP"))] == []


def test_transcript_keeps_the_order_with_intents_slots_and_actions(stored):
    lines = review.transcript(stored.engine, "ae-1")
    assert [line["who"] for line in lines] == ["user", "slot", "bot", "user", "action", "slot"]
    assert lines[0]["intent"] == "inform" and lines[0]["confidence"] == pytest.approx(0.99)
    assert lines[4]["name"] == "action_adverse_event"
    assert "[email]" in lines[0]["text"]


def test_export_has_flags_and_outcomes_but_no_personal_data(stored, capsys):
    rows = review.export_rows(stored.engine)
    assert {r["conversation"] for r in rows} == {"ae-1", "calm-1", "xss-1"}
    ae = next(r for r in rows if r["conversation"] == "ae-1")
    assert list(ae["flags"]) == ["adverse_event"]
    calm = next(r for r in rows if r["conversation"] == "calm-1")
    assert calm["outcome"] == {"scheme": "COMPANY_MAP"}
    assert main(["export", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) and "@" not in out
    assert main(["export", "--format", "csv", "--flag", "adverse_event"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][0] == "conversation" and [r[0] for r in table[1:]] == ["ae-1"]
    assert "@" not in "".join(map(str, table))


def test_cli_list_show_erase_and_retention(stored, capsys):
    assert main(["list", "--flag", "adverse_event"]) == 0
    assert capsys.readouterr().out.startswith("ae-1")
    assert main(["show", "xss-1"]) == 0
    shown = capsys.readouterr().out
    assert "<script>alert(1)</script>" in shown and "a@b.org" not in shown
    assert main(["show", "nobody"]) == 2
    assert main(["erase", "calm-1", "--actor", "dpo"]) == 0
    assert "erased 4 events" in capsys.readouterr().out
    assert main(["retention", "--days", "0", "--actor", "job"]) == 2
    assert main(["list"]) == 0
    assert "calm-1" not in capsys.readouterr().out


def test_marking_reviewed_records_who_when_and_what(stored):
    review.mark_reviewed(stored.engine, "ae-1", "reviewer.one", "forwarded_pv", "sent to PV at 10:05", now=NOW)
    [entry] = review.reviews_of(stored.engine, "ae-1")
    assert (entry["reviewer"], entry["disposition"], entry["comment"], entry["at"]) == (
        "reviewer.one", "forwarded_pv", "sent to PV at 10:05", NOW)
    assert [s.sender_id for s in review.list_conversations(stored.engine, review.Filters(reviewed=True))] == ["ae-1"]
    with pytest.raises(review.ReviewError, match="unknown disposition"):
        review.mark_reviewed(stored.engine, "ae-1", "reviewer.one", "fine")
    with pytest.raises(review.ReviewError, match="no conversation"):
        review.mark_reviewed(stored.engine, "nobody", "reviewer.one", "no_issue")


def test_erasing_a_conversation_also_removes_the_marks_that_quote_it(stored):
    from sqlalchemy import select

    from storage.corrections import all_marks, mark_misunderstood
    from storage.schema import events as events_table

    with stored.engine.connect() as conn:
        [message] = conn.execute(select(events_table.c.id).where(events_table.c.sender_id == "calm-1",
                                                                 events_table.c.type_name == "user")).scalars().all()
    mark_misunderstood(stored.engine, "calm-1", message, "ask_info", {}, "r.one", ["ask_info"])
    assert [m.sender_id for m in all_marks(stored.engine)] == ["calm-1"]
    assert main(["erase", "calm-1", "--actor", "dpo"]) == 0
    assert all_marks(stored.engine) == []
