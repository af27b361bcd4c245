"""Our assistant against the baseline (the stock `rasa init` assistant, same
Rasa version) under the same load: N concurrent simulated users over REST.
Prints both results, the overhead ratios at p50 and p95, start-up time to the
first answered message and peak RSS.

Usage: python bench/compare.py [--users 20] [--conversations 100] [--seed 1] [--think-ms 0]
(--think-ms: see bench/load.py; 0 measures the servers saturated)"""
from __future__ import annotations

import asyncio
import json

from bench import load
from bench.servers import TOKEN, baseline, our_stack


def measure(running, users: int, conversations: int, seed: int, use_tracker: bool, think_ms: float = 0) -> dict:
    result = asyncio.run(load.run(running.url, TOKEN, users, conversations, seed, use_tracker, think_ms))
    result["startup_to_first_answer_s"] = running.started_in_s
    result["rasa_peak_rss_mb"] = load.peak_rss_mb(running.rasa_pid)
    result["action_peak_rss_mb"] = load.peak_rss_mb(running.action_pid)
    return result


def main() -> None:
    args = load.load_arguments(__doc__.splitlines()[0]).parse_args()
    with our_stack() as ours:
        mine = measure(ours, args.users, args.conversations, args.seed, True, args.think_ms)
    with baseline() as base:
        theirs = measure(base, args.users, args.conversations, args.seed, False, args.think_ms)
    ratio = {q: round(mine[f"{q}_ms"] / theirs[f"{q}_ms"], 2) if mine[f"{q}_ms"] and theirs[f"{q}_ms"] else None
             for q in ("p50", "p95")}
    print(json.dumps({"ours": mine, "baseline": theirs, "overhead_ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()
