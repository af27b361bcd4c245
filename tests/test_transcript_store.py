"""The redacting tracker store on SQLite and a real PostgreSQL server: what
is stored is redacted, flags are recorded as they happen, the conversation
survives a restart, and retention and erasure remove exactly what they should."""
import asyncio
import time
from urllib.parse import urlparse

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, select

from rasa_plugins.tracker_store import RedactingSQLTrackerStore
from storage.engine import make_engine
from storage.erasure import apply_retention, erase
from storage.migrate import downgrade, upgrade_project
from storage.schema import conversations, erasures, events, flags

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [inform, report_adverse_event, check_status]
slots:
  country: {type: text, mappings: [{type: custom}]}
  status_email: {type: text, mappings: [{type: custom}]}
""")
T0 = time.time() - 3600


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def store_config(request, tmp_path):
    if request.param == "sqlite":
        return {"dialect": "sqlite", "db": str(tmp_path / "tracker.db")}
    url = urlparse(request.getfixturevalue("postgres_url"))
    config = {"dialect": "postgresql", "host": url.hostname, "port": url.port, "db": url.path.lstrip("/"),
              "username": url.username}
    engine = create_engine(request.getfixturevalue("postgres_url"), future=True)
    downgrade(engine, "transcripts")  # an empty database for each test: the session shares the server
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS events")
    return config


def make_store(config):
    return RedactingSQLTrackerStore(domain=DOMAIN, **config)


def user(text, intent, at):
    return UserUttered(text, {"name": intent, "confidence": 0.99}, [], timestamp=at)


def conversation(sender="conv-1", start=T0):
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_listen", timestamp=start),
        user("I'm Dr Jane Martin, jane.martin@chu-lyon.fr, +33 4 72 11 22 33; patient in France", "inform", start + 1),
        SlotSet("country", "FR", timestamp=start + 2),
        BotUttered("Thanks. Is the product a medicine or a device?", timestamp=start + 3),
        ActionExecuted("action_listen", timestamp=start + 4),
        user("my patient John Smith, born 12/03/1980, got a rash after ZX-301 under an AAC", "report_adverse_event", start + 5),
        ActionExecuted("action_adverse_event", timestamp=start + 6),
        SlotSet("status_email", "jane.martin@chu-lyon.fr", timestamp=start + 7),
    ], slots=DOMAIN.slots)


def raw_events(store):
    with store.engine.connect() as conn:
        return [r.data for r in conn.execute(select(events.c.data).order_by(events.c.id))]


def test_what_is_stored_is_redacted(store_config):
    store = make_store(store_config)
    asyncio.run(store.save(conversation()))
    stored = "\n".join(raw_events(store))
    for personal in ("jane.martin@chu-lyon.fr", "72 11 22 33", "John Smith", "12/03/1980", "Jane Martin"):
        assert personal not in stored, personal
    # What the reviewers need stays: countries, product codes, schemes, intents.
    for kept in ("France", "ZX-301", "AAC", "report_adverse_event", "[email]"):
        assert kept in stored, kept


def test_flags_and_index_are_recorded_as_it_happens(store_config):
    store = make_store(store_config)
    asyncio.run(store.save(conversation()))
    with store.engine.connect() as conn:
        flag_rows = {r.flag: r.first_at for r in conn.execute(select(flags))}
        row = conn.execute(select(conversations)).one()
    # The pharmacovigilance clock starts when the user's message arrived.
    assert flag_rows == {"adverse_event": pytest.approx(T0 + 5)}
    assert row.sender_id == "conv-1" and row.country == "FR" and not row.reviewed


def test_the_conversation_survives_a_restart(store_config):
    asyncio.run(make_store(store_config).save(conversation()))
    restarted = make_store(store_config)
    tracker = asyncio.run(restarted.retrieve("conv-1"))
    assert tracker.get_slot("country") == "FR"
    assert tracker.latest_message.intent["name"] == "report_adverse_event"
    assert len(tracker.events) == len(conversation().events)
    # New turns are appended once, not stored twice.
    tracker.update(user("thanks", "inform", T0 + 10))
    asyncio.run(restarted.save(tracker))
    assert len(raw_events(restarted)) == len(conversation().events) + 1


def test_erasure_removes_one_conversation_and_logs_no_content(store_config):
    store = make_store(store_config)
    asyncio.run(store.save(conversation("keep")))
    asyncio.run(store.save(conversation("erase-me")))
    project = upgrade_project(make_engine("sqlite://"))  # the handoff requests' database
    removed = erase(store.engine, project, "erase-me", "dpo@example.com").events
    assert removed == len(conversation().events)
    assert asyncio.run(store.retrieve("erase-me")) is None
    assert asyncio.run(store.retrieve("keep")) is not None
    with store.engine.connect() as conn:
        senders = {r.sender_id for r in conn.execute(select(conversations.c.sender_id))}
        log = conn.execute(select(erasures)).one()
        assert not conn.execute(select(flags).where(flags.c.sender_id == "erase-me")).first()
    assert senders == {"keep"}
    assert (log.actor, log.reason, log.conversations, log.events) == ("dpo@example.com", "request", 1, removed)


def test_retention_deletes_only_conversations_older_than_n_days(store_config):
    store = make_store(store_config)
    now = time.time()
    asyncio.run(store.save(conversation("old", start=now - 40 * 86400)))
    asyncio.run(store.save(conversation("recent", start=now - 5 * 86400)))
    assert apply_retention(store.engine, 30, "retention-job", now=now) == 1
    assert asyncio.run(store.retrieve("old")) is None
    assert asyncio.run(store.retrieve("recent")) is not None
    with pytest.raises(ValueError):
        apply_retention(store.engine, 0, "retention-job")


def test_the_endpoints_section_selects_the_redacting_store_on_postgresql(postgres_url):  # noqa: F811
    """What services/run.py writes into endpoints.yml for TRACKER_STORE_URL is
    what Rasa loads: the redacting store, on PostgreSQL."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import EndpointConfig

    from services.deployment import tracker_store_config as endpoint_config

    config = endpoint_config(postgres_url)
    store = TrackerStore.create(EndpointConfig.from_dict(config), domain=DOMAIN)
    assert isinstance(store, RedactingSQLTrackerStore) and store.engine.dialect.name == "postgresql"
    asyncio.run(store.save(conversation("via-endpoints")))
    assert "jane.martin@chu-lyon.fr" not in "".join(raw_events(store))
