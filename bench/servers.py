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
from typing import Iterator, Optional

from bot.config import PROJECT_ROOT as ROOT
from bot.config import load_settings
from services.run import free_port, service_env, start_services, stop_all, wait_http

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
        start = time.perf_counter()
        procs = start_services(settings, model, env, tmp_path)
        try:
            url = f"http://{settings.host}:{settings.rasa_port}"
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
        log = Path(tmp) / "rasa.log"
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=BASELINE_DIR, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            if not wait_http(f"{url}/status?token={TOKEN}", 300):
                raise RuntimeError(f"the baseline did not start:\n{log.read_text()[-3000:]}")
            yield Running(url, proc.pid, None, _first_answer(url, start))
        finally:
            stop_all([proc])


def _first_answer(url: str, start: float) -> float:
    """Seconds from process start to the first answered message."""
    import requests

    requests.post(f"{url}/webhooks/rest/webhook", json={"sender": "bench-warmup", "message": "hello"}, timeout=120)
    return round(time.perf_counter() - start, 1)
