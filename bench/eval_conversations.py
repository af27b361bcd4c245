"""The conversation evaluation (issue 11): whole conversations through the
real servers, a simulated user answering from a phrasing pool written blind.

Usage: python bench/eval_conversations.py [--pool tests/conversations/pool_blind_1.yml]
           [--count 320] [--seed 1] [--url http://127.0.0.1:5005 --token T] [--failures N] [--repeats N] [--wrong-reads N]
           [--long-openings N]
Without --url it starts our stack (action + Rasa servers, fresh databases) and
stops it at the end. Prints the figures as JSON, then every failure."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from bench.servers import TOKEN, our_stack
from bot.config import PROJECT_ROOT, load_settings
from bot.knowledge import get_knowledge_base
from evaluation.conversations import describe_failure, load_pool, run_all, scenarios, summarise

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", default=str(PROJECT_ROOT / "tests" / "conversations" / "pool_blind_1.yml"))
    parser.add_argument("--count", type=int, default=320)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--url")
    parser.add_argument("--token", default=TOKEN)
    parser.add_argument("--failures", type=int, default=1000, help="how many failures to print")
    parser.add_argument("--repeats", type=int, default=0,
                        help="how many successful conversations that asked a question twice to print")
    parser.add_argument("--long-openings", type=int, default=0,
                        help="how many conversations opened with every fact that still asked more than one "
                             "question to print")
    parser.add_argument("--wrong-reads", type=int, default=0,
                        help="how many successful conversations that read a fact wrongly to print (the outcome "
                             "did not depend on it)")
    args = parser.parse_args()

    settings = load_settings()
    kb = get_knowledge_base()
    pool = load_pool(Path(args.pool))
    chosen = scenarios(pool, kb, settings, args.count, seed=args.seed)
    stack = contextlib.nullcontext(None) if args.url else our_stack()
    with stack as running:
        url = args.url or running.url
        results = asyncio.run(run_all(url, args.token, chosen, pool, args.concurrency))
    report = summarise(results)
    print(json.dumps({"pool": Path(args.pool).name, "seed": args.seed, **asdict(report)}, indent=2))
    failures = [r for r in results if not r.success]
    for result in failures[: args.failures]:
        print(describe_failure(result))
    repeats = [r for r in results if r.success and r.repeated]
    for result in repeats[: args.repeats]:
        print("(succeeded, with a repeated question)")
        print(describe_failure(result))
    long_openings = [r for r in results if r.every_fact_opening and len(r.questions) > 1]
    for result in long_openings[: args.long_openings]:
        print(f"(opened with every fact, then asked {len(result.questions)} questions)")
        print(describe_failure(result))
    wrong_reads = [r for r in results if r.success and r.wrong_facts]
    for result in wrong_reads[: args.wrong_reads]:
        print("(succeeded, with a fact read wrongly)")
        print(describe_failure(result))


if __name__ == "__main__":
    main()
