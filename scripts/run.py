"""Start the assistant: action server, Rasa server (REST + socket.io, HTTP API
behind RASA_API_TOKEN), the chat page, the mail outbox worker and the review
console, all on HOST (127.0.0.1 by default).
Stops everything on Ctrl-C. Usage: python scripts/run.py [--model PATH]"""
from __future__ import annotations

import argparse
import json
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.deployment import lock_store_config  # noqa: E402
from bot.transcripts.database import endpoint_config  # noqa: E402


def service_env(settings) -> dict:
    """Environment for the Rasa processes: endpoints.yml reads these."""
    db = Path(settings.tracker_db_url)
    if not db.is_absolute():
        db = ROOT / db
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "HOST": settings.host,
        "ACTION_PORT": str(settings.action_port),
        "ACTION_ENDPOINT_URL": f"http://{settings.host}:{settings.action_port}/webhook",
        "TRACKER_DB": str(db),
        "TRACKER_STORE_URL": settings.tracker_store_url or f"sqlite:///{db}",
        "SANIC_HOST": settings.host,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "PYTHONPATH": str(ROOT),
    }


def write_endpoints(settings, env: dict, target: Path) -> Path:
    """The endpoints file for these settings (Rasa does not expand env vars here)."""
    import yaml

    data = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    data["action_endpoint"]["url"] = env["ACTION_ENDPOINT_URL"]
    data["tracker_store"] = endpoint_config(env["TRACKER_STORE_URL"])
    if settings.lock_store_url:  # else Rasa's in-memory lock store (one Rasa server)
        data["lock_store"] = lock_store_config(settings.lock_store_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(data))
    return target


def commands(settings, model: Path, python: str = sys.executable, endpoints: Path = ROOT / "endpoints.yml"):
    rasa = [python, "-m", "rasa"]
    action = [python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_port)]
    server = rasa + [
        "run", "--model", str(model), "--enable-api", "--auth-token", settings.rasa_api_token,
        "--interface", settings.host, "--port", str(settings.rasa_port),
        "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
        "--cors", f"http://{settings.host}:{settings.chat_port}",
    ]
    return action, server


def worker_command(python: str = sys.executable):
    """The mail outbox worker: team notifications, retried until delivered."""
    return [python, "-m", "bot.handoff", "worker"]


def console_command(python: str = sys.executable):
    """The review console (HOST:CONSOLE_PORT), reading the same tracker database."""
    return [python, "-m", "bot.console", "serve"]


def start_services(settings, model: Path, env: dict, folder: Path, timeout: float = 300):
    """Action server and Rasa server for these settings, with the endpoints
    file and logs in `folder`; returned once both answer. If they do not,
    they are stopped and RuntimeError carries the end of the Rasa log."""
    action_cmd, server_cmd = commands(settings, model, endpoints=write_endpoints(settings, env, folder / "endpoints.yml"))
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=open(folder / log, "w"), stderr=subprocess.STDOUT)
             for cmd, log in ((action_cmd, "actions.log"), (server_cmd, "rasa.log"))]
    base = f"http://{settings.host}"
    if wait_http(f"{base}:{settings.rasa_port}/status?token={settings.rasa_api_token}", timeout) \
            and wait_http(f"{base}:{settings.action_port}/health", 120):
        return procs
    stop_all(procs)
    raise RuntimeError("the servers did not start:\n" + (folder / "rasa.log").read_text()[-3000:])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except Exception:
            time.sleep(0.5)
    return False


def stop_all(procs, timeout: float = 20) -> None:
    """Terminate the processes, then kill any that do not stop in time."""
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()


def chat_page_config(settings) -> dict:
    return {"rest_url": f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook"}


class ChatPageHandler(http.server.SimpleHTTPRequestHandler):
    """Serves web/ and, at /config.json, where the Rasa REST channel listens."""

    page_config: dict = {}

    def do_GET(self):
        if self.path.split("?")[0] != "/config.json":
            return super().do_GET()
        body = json.dumps(self.page_config).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_chat_page(settings) -> http.server.ThreadingHTTPServer:
    handler_class = type("ConfiguredChatPageHandler", (ChatPageHandler,), {"page_config": chat_page_config(settings)})
    handler = partial(handler_class, directory=str(ROOT / "web"))
    httpd = http.server.ThreadingHTTPServer((settings.host, settings.chat_port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    args = parser.parse_args()
    settings = load_settings()
    env = service_env(settings)
    endpoints = write_endpoints(settings, env, ROOT / "var" / "endpoints.yml")
    action_cmd, server_cmd = commands(settings, Path(args.model), endpoints=endpoints)
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env) for cmd in (action_cmd, server_cmd, worker_command(),
                                                                  console_command())]

    def stop(*_):
        stop_all(procs)

    signal.signal(signal.SIGTERM, lambda *a: (stop(), sys.exit(0)))
    try:
        base = f"http://{settings.host}:{settings.rasa_port}"
        if not wait_http(f"{base}/status?token={settings.rasa_api_token}", 240):
            print("The Rasa server did not start; see the log above.", file=sys.stderr)
            stop()
            return 1
        httpd = serve_chat_page(settings)
        print(f"\nAssistant ready.\n  Chat page:      http://{settings.host}:{settings.chat_port}/\n"
              f"  REST channel:   {base}/webhooks/rest/webhook\n  Action server:  http://{settings.host}:{settings.action_port}/webhook\n"
              f"  Review console: http://{settings.host}:{settings.console_port}/\n"
              f"  Team emails:    {'SMTP ' + settings.smtp_host if settings.smtp_host else 'written to ' + str(settings.mail_dir)}\n"
              "Press Ctrl-C to stop.", flush=True)
        while all(p.poll() is None for p in procs):
            time.sleep(1)
        print("A server stopped; shutting down.", file=sys.stderr)
        httpd.shutdown()
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
