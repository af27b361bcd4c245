"""Start the assistant: action server, Rasa server (REST + socket.io, HTTP API
behind RASA_API_TOKEN), the chat page, the mail outbox worker and the review
console, all on HOST (127.0.0.1 by default).
Stops everything on Ctrl-C. Usage: python -m services.run [--model PATH]"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import PROJECT_ROOT as ROOT
from bot.config import load_settings
from services.deployment import lock_store_config, tracker_store_config
from storage.migrate import upgrade_all


def service_env(settings) -> dict:
    """Environment for the Rasa processes: endpoints.yml reads these."""
    db = Path(settings.tracker_db_url)  # absolute: bot.config resolves it
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "HOST": settings.host,
        "ACTION_PORT": str(settings.action_port),
        "ACTION_ENDPOINT_URL": f"http://{settings.host}:{settings.action_port}/webhook",
        "TRACKER_DB": str(db),
        "TRACKER_STORE_URL": settings.tracker_url,
        "SANIC_HOST": settings.host,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "PYTHONPATH": str(ROOT),
    }


def write_endpoints(settings, env: dict, target: Path) -> Path:
    """The endpoints file for these settings (Rasa does not expand env vars here)."""
    import yaml

    data = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    data["action_endpoint"]["url"] = env["ACTION_ENDPOINT_URL"]
    data["tracker_store"] = tracker_store_config(env["TRACKER_STORE_URL"])
    if settings.lock_store_url:  # else Rasa's in-memory lock store (one Rasa server)
        data["lock_store"] = lock_store_config(settings.lock_store_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(data))
    return target


def commands(settings, model: Path, python: str = sys.executable, endpoints: Path = ROOT / "endpoints.yml"):
    rasa = [python, "-m", "rasa"]
    action = [python, "-m", "services.action_server", "--actions", "actions", "--port", str(settings.action_port)]
    server = rasa + [
        "run", "--model", str(model), "--enable-api", "--auth-token", settings.rasa_api_token,
        "--interface", settings.host, "--port", str(settings.rasa_port),
        "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
        "--cors", *allowed_origins(settings),  # nargs="*": keep it last
    ]
    return action, server


def worker_command(python: str = sys.executable):
    """The mail outbox worker: team notifications, retried until delivered."""
    return [python, "-m", "cli.handoff", "worker"]


def console_command(python: str = sys.executable):
    """The review console (HOST:CONSOLE_PORT), reading the same tracker database."""
    return [python, "-m", "console", "serve"]


def upgrade_databases(settings, env: dict | None = None) -> dict:
    """Both databases at head before any service starts (storage.migrate):
    the tracker store's and the project database, the one DATABASE_URL names
    in `env` when the caller set it there (tests and bench do), else the settings'."""
    url = (env or {}).get("DATABASE_URL")
    if url and url != os.environ.get("DATABASE_URL"):
        settings = replace(settings, database_url=url)
    return upgrade_all(settings)


def start_services(settings, model: Path, env: dict, folder: Path, timeout: float = 300):
    """Action server and Rasa server for these settings, with the endpoints
    file and logs in `folder`; returned once both answer. If they do not,
    they are stopped and RuntimeError carries the end of the Rasa log."""
    upgrade_databases(settings, env)
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


# What the chat server publishes: the two pages, their stylesheet and the
# built widget. Nothing else under web/ (sources, node_modules, lockfile) can
# be fetched from it.
WEB_PUBLIC = ROOT / "web" / "public"
WEB_DIST = ROOT / "web" / "dist"
HTML, CSS, JS = "text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8"


def chat_page_files(dist: Path = WEB_DIST) -> dict:
    return {
        "/": (WEB_PUBLIC / "index.html", HTML),
        "/index.html": (WEB_PUBLIC / "index.html", HTML),
        "/embed.html": (WEB_PUBLIC / "embed.html", HTML),
        "/page.css": (WEB_PUBLIC / "page.css", CSS),
        "/widget.js": (dist / "widget.js", JS),
    }


def chat_origin(settings) -> str:
    return f"http://{settings.host}:{settings.chat_port}"


def allowed_origins(settings) -> list:
    """Pages allowed to talk to Rasa from a browser: the chat page and the sites in WIDGET_ORIGINS."""
    return list(dict.fromkeys([chat_origin(settings), *settings.widget_origins]))


def chat_page_config(settings) -> dict:
    """What the widget learns from the server (config.json): where Rasa listens
    and the facts its notice states, so they come from the same .env."""
    base = f"http://{settings.host}:{settings.rasa_port}"
    return {
        "rest_url": f"{base}/webhooks/rest/webhook",
        "server_url": base,
        "company_name": settings.company_name,
        "retention_days": settings.retention_days,
        "pharmacovigilance_contact": settings.pharmacovigilance_contact,
    }


def page_policy(settings) -> str:
    """Content-Security-Policy of the pages: scripts and styles from this server
    only, no inline script, connections to this server and Rasa only."""
    rasa = f"http://{settings.host}:{settings.rasa_port}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {rasa}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ChatPageHandler(http.server.BaseHTTPRequestHandler):
    """Serves the published files and, at /config.json, chat_page_config()."""

    files: dict = {}
    page_config: dict = {}
    origins: tuple = ()
    policy: str = ""

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body: bool):
        path = urlsplit(self.path).path
        headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
        if path == "/config.json":
            status, body, headers["Content-Type"] = 200, json.dumps(self.page_config).encode(), "application/json"
            origin = self.headers.get("Origin")
            if origin and ("*" in self.origins or origin in self.origins):
                headers.update({"Access-Control-Allow-Origin": origin, "Vary": "Origin"})
        elif path in self.files:
            file, headers["Content-Type"] = self.files[path]
            try:
                status, body = 200, file.read_bytes()
            except FileNotFoundError:
                status, body, headers["Content-Type"] = 503, b"The widget is not built: run make web\n", "text/plain"
            if headers["Content-Type"] == HTML:
                headers["Content-Security-Policy"] = self.policy
            if path == "/widget.js":
                headers["Cross-Origin-Resource-Policy"] = "cross-origin"  # other sites load it
        else:
            status, body, headers["Content-Type"] = 404, b"Not found\n", "text/plain"
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def serve_chat_page(settings, dist: Path = WEB_DIST) -> http.server.ThreadingHTTPServer:
    """The chat page, the embed example and widget.js on HOST:CHAT_PORT, in a thread."""
    handler = type("ConfiguredChatPageHandler", (ChatPageHandler,), {
        "files": chat_page_files(dist), "page_config": chat_page_config(settings),
        "origins": tuple(allowed_origins(settings)), "policy": page_policy(settings),
    })
    httpd = http.server.ThreadingHTTPServer((settings.host, settings.chat_port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    args = parser.parse_args()
    settings = load_settings()
    env = service_env(settings)
    upgrade_databases(settings)
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
        print(f"\nAssistant ready.\n  Chat page:      {chat_origin(settings)}/  (embed example: /embed.html)\n"
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
