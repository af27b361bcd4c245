"""The load of bench/compare.py against the scale-out set (PostgreSQL tracker
store, Redis lock store, N Rasa replicas and one action server behind the
nginx front, as services/scale_out.py starts them), beside the embedded
default (one Rasa server, SQLite) under the same load in the same run.

PostgreSQL and Redis are throwaway servers started for the run
(tests/services.py). Prints both results with the peak RSS of every
replica.

Usage: python bench/scale_out_load.py [--replicas 2] [--users 20]
       [--conversations 100] [--seed 1] [--think-ms 0]"""
from __future__ import annotations

import asyncio
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench import load
from bench.compare import measure
from bench.servers import TOKEN, our_stack
from bot.config import PROJECT_ROOT as ROOT
from bot.config import load_settings
from services.local_servers import postgres_server, redis_server
from services.run import free_port, service_env
from services.scale_out import start

MODEL = ROOT / "models" / "assistant.tar.gz"


def scale_out_run(replicas: int, users: int, conversations: int, seed: int, think_ms: float) -> dict:
    with postgres_server() as pg, redis_server() as redis, tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        settings = replace(load_settings(), host="127.0.0.1", rasa_port=free_port(), action_port=free_port(),
                           rasa_api_token=TOKEN, tracker_store_url=pg, lock_store_url=redis,
                           tracker_db_url=str(Path(tmp) / "unused.db"))
        env = {**service_env(settings), "DATABASE_URL": f"sqlite:///{tmp}/access.db", "SMTP_HOST": "",
               "MAIL_DIR": f"{tmp}/mail"}
        started = time.perf_counter()
        cluster = start(settings, MODEL, [free_port() for _ in range(replicas)], env, logs=Path(tmp),
                        singletons=False)
        try:
            if not cluster.wait_ready(TOKEN, 300):
                raise RuntimeError("the scale-out set did not start:\n" + (Path(tmp) / "rasa-1.log").read_text()[-3000:])
            ready_s = round(time.perf_counter() - started, 1)
            result = asyncio.run(load.run(cluster.front_url, TOKEN, users, conversations, seed, True, think_ms))
            result["startup_to_ready_s"] = ready_s
            result["replicas"] = replicas
            result["rasa_peak_rss_mb"] = {name: load.peak_rss_mb(proc.pid)
                                          for name, proc in cluster.procs.items() if name.startswith("rasa-")}
            result["action_peak_rss_mb"] = load.peak_rss_mb(cluster.procs["actions"].pid)
            return result
        finally:
            cluster.stop()


def main() -> None:
    p = load.load_arguments(__doc__.splitlines()[0])
    p.add_argument("--replicas", type=int, default=2)
    args = p.parse_args()
    with our_stack() as ours:
        embedded = measure(ours, args.users, args.conversations, args.seed, True, args.think_ms)
    scaled = scale_out_run(args.replicas, args.users, args.conversations, args.seed, args.think_ms)
    print(json.dumps({"embedded": embedded, "scale_out": scaled}, indent=2))


if __name__ == "__main__":
    main()
