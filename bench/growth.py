"""Growth: per-turn latency at turn 5 and at turn 200 of one long
conversation, and per-turn latency with an empty tracker store and with
50,000 stored conversations (one user at a time, our stack, SQLite).

Usage: python bench/growth.py [--turns 200] [--stored 50000]"""
from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
from sqlalchemy import create_engine

from bench import load, servers
from storage.migrate import upgrade_transcripts
from storage.schema import rasa_metadata

# A side question keeps the conversation going without ending it.
LONG_TURNS = ["what is an AAC?", "what does the AAP cost?", "who can request early access?", "what is a CPC?"]


async def long_conversation(url: str, turns: int) -> dict:
    stats = load.Stats()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        for i in range(turns):
            await load._say(session, url, "growth-long", LONG_TURNS[i % len(LONG_TURNS)], stats)
    lat = stats.latencies

    def window(n: int) -> float:
        # Median of the five turns ending at turn n, to smooth single outliers.
        return round(statistics.median(lat[max(0, n - 5):n]), 1)

    return {"turn_5_ms": window(5), f"turn_{turns}_ms": window(turns), "errors": stats.errors}


def fill_tracker_db(path: Path, conversations: int) -> None:
    """Stored conversations as the tracker store writes them: Rasa's `events`
    table (10 events each) and the review index."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    rasa_metadata.create_all(engine)  # Rasa's events table, with its sender_id index
    upgrade_transcripts(engine)  # the review index, as the tracker store makes it
    engine.dispose()
    user = {"event": "user", "text": "what is an AAC?", "parse_data": {"intent": {"name": "ask_info", "confidence": 0.99}}}
    bot = {"event": "bot", "text": "An AAC is a named-patient authorisation...", "data": {}}
    now = time.time() - 86400
    with sqlite3.connect(path) as db:
        for c in range(conversations):
            sender = f"stored-{c:06d}"
            rows = []
            for k in range(5):
                t = now + c + k * 0.01
                rows.append((sender, "user", t, "ask_info", None, json.dumps({**user, "timestamp": t})))
                rows.append((sender, "bot", t + 0.001, None, None, json.dumps({**bot, "timestamp": t + 0.001})))
            db.executemany("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                           "VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.execute("INSERT INTO transcript_conversations (sender_id, started_at, last_at, reviewed) VALUES (?, ?, ?, 0)",
                       (sender, now + c, now + c + 0.05))


def small_case(running) -> dict:
    r = asyncio.run(load.run(running.url, servers.TOKEN, 1, 10, 1, True))
    return {k: r[k] for k in ("turns", "p50_ms", "p95_ms", "errors")}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--turns", type=int, default=200)
    p.add_argument("--stored", type=int, default=50000)
    args = p.parse_args()
    out = {}
    with servers.our_stack() as ours:
        out["long_conversation"] = asyncio.run(long_conversation(ours.url, args.turns))
        out["empty_store"] = small_case(ours)
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        db = Path(tmp) / "tracker.db"
        start = time.perf_counter()
        fill_tracker_db(db, args.stored)
        out["fill_seconds"] = round(time.perf_counter() - start, 1)
        with servers.our_stack(tracker_db=db) as ours:
            out[f"with_{args.stored}_stored"] = small_case(ours)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
