"""The project's tracker store: Rasa's SQL tracker store (SQLite or
PostgreSQL), with every event redacted before it is written, and a review
index (conversation, flags) kept in the same database as it happens.

endpoints.yml: tracker_store: {type: rasa_plugins.tracker_store.RedactingSQLTrackerStore,
dialect: sqlite, db: var/tracker.db} (or dialect postgresql with host, port,
username, password)."""
from __future__ import annotations

import json
import logging
import time
from typing import Any, Dict, List

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot.transcripts.events import redact_event
from bot.transcripts.flags import flags_in, latest_slots
from storage.engine import sqlite_pragmas
from storage.migrate import upgrade_transcripts
from storage.schema import conversations, flags

logger = logging.getLogger(__name__)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("event_broker") is not None:
            # A broker would receive the events before redaction.
            raise ValueError("RedactingSQLTrackerStore does not publish to an event broker")
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # Rasa's engine for a SQLite file opens a new connection for every
            # retrieve and save (NullPool), with our pragmas each time: a pool
            # of connections kept open takes a turn's store time from about
            # 6 to 3.5 ms (BENCHMARKS.md, speed, seventeenth session).
            self.engine.dispose()
            self.engine = create_engine(self.engine.url, poolclass=QueuePool,
                                        connect_args={"check_same_thread": False})
            self.sessionmaker = sessionmaker(bind=self.engine)
            # WAL, as for the project database: the review console and the
            # retention job read while Rasa writes, and writers wait their turn.
            event.listen(self.engine, "connect", sqlite_pragmas)
        _upgrade_tables(self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        country = tracker.get_slot("country")
        with self.session_scope() as session:
            new = [redact_event(event.as_dict(), country) for event in self._additional_events(session, tracker)]
            for data in new:
                session.add(self.SQLEvent(
                    sender_id=tracker.sender_id,
                    type_name=data.get("event"),
                    timestamp=data.get("timestamp"),
                    intent_name=((data.get("parse_data") or {}).get("intent") or {}).get("name"),
                    action_name=data.get("name"),
                    data=json.dumps(data),
                ))
            if new:
                _index(session, tracker.sender_id, new)
            session.commit()


def _upgrade_tables(engine: Any, attempts: int = 10) -> None:
    """Upgrade the review tables to head (storage.migrate), beside the events
    table Rasa has just created. Replicas starting together on one PostgreSQL
    database take turns under the migration lock, so none races to create a
    table; what is worth another try is a database that is not accepting
    connections yet, or a SQLite file locked beyond the busy timeout."""
    for attempt in range(attempts):
        try:
            upgrade_transcripts(engine)
            return
        except OperationalError as error:
            if attempt == attempts - 1:
                raise
            logger.warning("Upgrading the review tables failed (%s); trying again.", error.__class__.__name__)
            time.sleep(0.5 + attempt * 0.5)


def _index(session: Any, sender_id: str, events: List[Dict[str, Any]]) -> None:
    """Keep the review list and the flags current (first time of each flag)."""
    times = [e.get("timestamp") for e in events if e.get("timestamp")]
    slots = latest_slots(events)
    row = session.execute(select(conversations).where(conversations.c.sender_id == sender_id)).first()
    if row is None:
        session.execute(conversations.insert().values(
            sender_id=sender_id, started_at=min(times) if times else None, last_at=max(times) if times else None,
            **slots))
    else:
        values: Dict[str, Any] = dict(slots)
        if times:
            values["last_at"] = max(times + [row.last_at or 0])
        if values:
            session.execute(conversations.update().where(conversations.c.sender_id == sender_id).values(**values))
    raised = flags_in(events)
    if not raised:
        return  # most turns raise no flag: no need to read the stored ones
    known = {r.flag for r in session.execute(select(flags.c.flag).where(flags.c.sender_id == sender_id))}
    for flag in raised:
        if flag.name not in known:
            session.execute(flags.insert().values(sender_id=sender_id, flag=flag.name, first_at=flag.at, detail=flag.detail))
            known.add(flag.name)
