"""Servers for the benchmarks: our stack (action server + Rasa server with
the embedded SQLite stores, in a temporary folder) and the baseline, the
stock assistant `rasa init` creates, trained once into var/bench/baseline
with the same Rasa version."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from scripts.run import commands, free_port, service_env, stop_all, wait_http, write_endpoints  # noqa: E402

TOKEN = "bench-token"
BASELINE_DIR = ROOT / "var" / "bench" / "baseline"


@dataclass
class Running:
    url: str
    rasa_pid: int
    action_pid: Optional[int]
    started_in_s: float
    tracker_db: Optional[Path] = None


@contextlib.contextmanager
def our_stack(model: Path = ROOT / "models" / "assistant.tar.gz", tracker_db: Optional[Path] = None) -> Iterator[Running]:
    """Our assistant as `make run` starts it, on free ports and fresh databases
    (or the given tracker database, e.g. one filled with old conversations)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp_path = Path(tmp)
        db = tracker_db or tmp_path / "tracker.db"
        settings = replace(load_settings(), rasa_port=free_port(), action_port=free_port(), rasa_api_token=TOKEN,
                           tracker_db_url=str(db), tracker_store_url="")
        env = service_env(settings)
        env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'access.db'}", "SMTP_HOST": "", "MAIL_DIR": str(tmp_path / "mail")})
        action_cmd, server_cmd = commands(settings, model, endpoints=write_endpoints(settings, env, tmp_path / "endpoints.yml"))
        start = time.perf_counter()
        procs = _start([action_cmd, server_cmd], env, tmp_path)
        try:
            url = f"http://127.0.0.1:{settings.rasa_port}"
            _wait(url, procs, tmp_path)
            if not wait_http(f"http://127.0.0.1:{settings.action_port}/health", 120):
                raise RuntimeError("the action server did not start")
            yield Running(url, procs[1].pid, procs[0].pid, _first_answer(url, start), db)
        finally:
            stop_all(procs)


def baseline_model() -> Path:
    """`rasa init --no-prompt` (it trains the model), done once."""
    models = sorted((BASELINE_DIR / "models").glob("*.tar.gz")) if BASELINE_DIR.exists() else []
    if not models:
        BASELINE_DIR.mkdir(parents=True, exist_ok=True)  # rasa init wants the folder to exist
        subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(BASELINE_DIR)],
                       check=True, cwd=BASELINE_DIR.parent, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        models = sorted((BASELINE_DIR / "models").glob("*.tar.gz"))
    return models[-1]


@contextlib.contextmanager
def baseline() -> Iterator[Running]:
    """The stock assistant with Rasa's defaults (in-memory tracker store)."""
    model = baseline_model()
    with tempfile.TemporaryDirectory(prefix="bench-base-") as tmp:
        port = free_port()
        cmd = [sys.executable, "-m", "rasa", "run", "--model", str(model), "--enable-api", "--auth-token", TOKEN,
               "--interface", "127.0.0.1", "--port", str(port)]
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
        start = time.perf_counter()
        procs = _start([cmd], env, Path(tmp), cwd=BASELINE_DIR)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait(url, procs, Path(tmp))
            yield Running(url, procs[0].pid, None, _first_answer(url, start))
        finally:
            stop_all(procs)


def _start(cmds: List[List[str]], env: dict, logs: Path, cwd: Path = ROOT) -> List[subprocess.Popen]:
    return [subprocess.Popen(cmd, cwd=cwd, env=env, stdout=open(logs / f"server{i}.log", "w"), stderr=subprocess.STDOUT)
            for i, cmd in enumerate(cmds)]


def _wait(url: str, procs: List[subprocess.Popen], logs: Path) -> None:
    if not wait_http(f"{url}/status?token={TOKEN}", 300):
        stop_all(procs)
        tails = "\n".join(p.read_text()[-2000:] for p in sorted(logs.glob("server*.log")))
        raise RuntimeError(f"server did not start:\n{tails}")


def _first_answer(url: str, start: float) -> float:
    """Seconds from process start to the first answered message."""
    import requests

    requests.post(f"{url}/webhooks/rest/webhook", json={"sender": "bench-warmup", "message": "hello"}, timeout=120)
    return round(time.perf_counter() - start, 1)
