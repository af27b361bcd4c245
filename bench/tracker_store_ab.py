"""Per-turn latency of our stack with different tracker stores (one user at
a time): ours (redacting SQL), Rasa's plain SQL store, or in memory.

Usage: python bench/tracker_store_ab.py [redacting] [plain_sql] [memory] [--conversations 15]"""
from __future__ import annotations

import argparse
import asyncio
import json

import yaml

from bench import load, servers
from services import run

VARIANTS = ("redacting", "plain_sql", "memory")


def endpoints_for(kind: str, write):
    """services.run.write_endpoints (which start_services calls), with the
    tracker store section swapped."""

    def write_variant(settings, env, target):
        path = write(settings, env, target)
        data = yaml.safe_load(path.read_text())
        if kind == "plain_sql":
            data["tracker_store"]["type"] = "SQL"
        elif kind == "memory":
            data.pop("tracker_store")
        path.write_text(yaml.safe_dump(data))
        return path

    return write_variant


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Checked below: Python 3.10's argparse rejects an empty nargs="*" list given choices.
    p.add_argument("variants", nargs="*", help=f"any of {', '.join(VARIANTS)} (default: all)")
    p.add_argument("--conversations", type=int, default=15)
    args = p.parse_args()
    unknown = set(args.variants) - set(VARIANTS)
    if unknown:
        p.error(f"unknown variant {', '.join(sorted(unknown))}; choose from {', '.join(VARIANTS)}")
    original = run.write_endpoints
    try:
        for kind in args.variants or VARIANTS:
            run.write_endpoints = endpoints_for(kind, original)
            with servers.our_stack() as ours:
                r = asyncio.run(load.run(ours.url, servers.TOKEN, 1, args.conversations, 1, True))
            print(json.dumps({"tracker_store": kind, **{k: r[k] for k in ("turns", "p50_ms", "p95_ms", "errors")}}))
    finally:
        run.write_endpoints = original


if __name__ == "__main__":
    main()
