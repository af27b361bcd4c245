"""Load generator: N concurrent simulated users hold whole assessment
conversations over the REST channel, each answering the question the bot
asks (read from the tracker through the HTTP API) in varied phrasings.

Prints per-turn latency (p50, p95, p99 in ms), turns per second, errors,
conversations finished, and the peak memory (RSS) of the Rasa server and the
action server when their process ids are given or found.

Usage: python bench/load.py [--url http://127.0.0.1:5005] [--token TOKEN]
       [--users 20] [--conversations 100] [--seed 1] [--rasa-pid PID] [--action-pid PID]
       [--tracker/--no-tracker] [--think-ms 0]
With --no-tracker the simulated user answers a fixed script instead of reading
the open question (for a baseline assistant that has no such slot); it still
fetches the tracker after each turn, so both assistants serve the same
request mix.

--think-ms gives each simulated user a pause before every message after the
first (uniform between half and one and a half times the value): people read
the answer and type. The users then also arrive spread over the first such
interval instead of all in the same instant (otherwise their first messages
form one burst, which was the whole p99). 0 (the default) sends at once,
which measures the server saturated rather than the latency people see."""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import aiohttp

from evaluation.simulated_user import ANSWERS, OPENERS

# For an assistant without `requested_slot`: a fixed script.
SCRIPT = ["hello", "yes", "I'm fine, thanks", "great", "bye"]


@dataclass
class Stats:
    latencies: List[float] = field(default_factory=list)
    errors: int = 0
    finished: int = 0
    unfinished: int = 0
    error_samples: List[str] = field(default_factory=list)
    unfinished_samples: List[str] = field(default_factory=list)

    def stopped(self, sender: str, why: str) -> None:
        """A conversation that ended without an outcome (not an HTTP error)."""
        self.unfinished += 1
        if len(self.unfinished_samples) < 5:
            self.unfinished_samples.append(f"{sender}: {why}")

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(what)


async def _say(session, url: str, sender: str, text: str, stats: Stats) -> Optional[list]:
    start = time.perf_counter()
    try:
        async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as r:
            body = await r.json(content_type=None)
            if r.status != 200:
                stats.error(f"HTTP {r.status}")
                return None
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        stats.error(type(exc).__name__)
        return None
    stats.latencies.append((time.perf_counter() - start) * 1000)
    return body


async def _asked(session, url: str, token: str, sender: str) -> Optional[str]:
    async with session.get(f"{url}/conversations/{sender}/tracker", params={"token": token}) as r:
        return ((await r.json()).get("slots") or {}).get("requested_slot")


def _has_outcome(messages: list) -> bool:
    return any(isinstance(m.get("custom"), dict) and ("pathway" in m["custom"] or "pathway_options" in m["custom"])
               for m in messages)


async def _think(rng: random.Random, think_ms: float) -> None:
    if think_ms > 0:
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think_ms / 1000)


async def conversation(session, url: str, token: str, rng: random.Random, stats: Stats, use_tracker: bool,
                       max_turns: int = 15, think_ms: float = 0) -> None:
    sender = f"load-{uuid.uuid4().hex[:12]}"
    if not use_tracker:
        for i, text in enumerate(SCRIPT):
            if i:
                await _think(rng, think_ms)
            if await _say(session, url, sender, text, stats) is None:
                return
            await _asked(session, url, token, sender)  # the same request mix as a tracker-reading user
        stats.finished += 1
        return
    messages = await _say(session, url, sender, rng.choice(OPENERS), stats)
    for _ in range(max_turns):
        if messages is None:
            return
        if _has_outcome(messages):
            stats.finished += 1
            return
        slot = await _asked(session, url, token, sender)
        if slot not in ANSWERS:
            stats.stopped(sender, f"no outcome and asked {slot!r}")
            return
        await _think(rng, think_ms)
        messages = await _say(session, url, sender, rng.choice(ANSWERS[slot]), stats)
    stats.stopped(sender, f"no outcome after {max_turns} answers")


def peak_rss_mb(pid: Optional[int]) -> Optional[float]:
    """Peak resident memory (VmHWM) of a process and its children."""
    if not pid:
        return None
    total = 0
    for p in [pid] + _children(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1)


def _children(pid: int) -> List[int]:
    try:
        kids = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def percentile(values: List[float], q: float) -> Optional[float]:
    if not values:
        return None
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1) if len(values) > 1 else round(values[0], 1)


async def run(url: str, token: str, users: int, conversations: int, seed: int, use_tracker: bool,
              think_ms: float = 0) -> dict:
    stats, rng = Stats(), random.Random(seed)
    queue: asyncio.Queue = asyncio.Queue()
    for _ in range(conversations):
        queue.put_nowait(None)
    timeout = aiohttp.ClientTimeout(total=60)

    async def user(session):
        if think_ms > 0:
            await asyncio.sleep(rng.uniform(0, think_ms) / 1000)
        while not queue.empty():
            queue.get_nowait()
            await conversation(session, url, token, rng, stats, use_tracker, think_ms=think_ms)

    start = time.perf_counter()
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=users)) as session:
        await asyncio.gather(*(user(session) for _ in range(users)))
    elapsed = time.perf_counter() - start
    return {
        "users": users, "conversations": conversations, "think_ms": think_ms, "turns": len(stats.latencies),
        "p50_ms": percentile(stats.latencies, 50), "p95_ms": percentile(stats.latencies, 95),
        "p99_ms": percentile(stats.latencies, 99),
        "turns_per_s": round(len(stats.latencies) / elapsed, 1) if elapsed else None,
        "errors": stats.errors, "error_samples": stats.error_samples,
        "finished": stats.finished, "unfinished": stats.unfinished,
        "unfinished_samples": stats.unfinished_samples, "seconds": round(elapsed, 1),
    }


def load_arguments(description: str) -> argparse.ArgumentParser:
    """The load options every benchmark script shares."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--conversations", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--think-ms", type=float, default=0)
    return p


def main() -> None:
    p = load_arguments(__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:5005")
    p.add_argument("--token", default="change-me-local-token")
    p.add_argument("--rasa-pid", type=int)
    p.add_argument("--action-pid", type=int)
    p.add_argument("--no-tracker", dest="tracker", action="store_false")
    args = p.parse_args()
    result = asyncio.run(run(args.url, args.token, args.users, args.conversations, args.seed, args.tracker, args.think_ms))
    result["rasa_peak_rss_mb"] = peak_rss_mb(args.rasa_pid)
    result["action_peak_rss_mb"] = peak_rss_mb(args.action_pid)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
