"""Start the scale-out set on this machine, chosen by the environment alone:
one action server, N Rasa server replicas (default 2) sharing one endpoints
file (PostgreSQL tracker store from TRACKER_STORE_URL, Redis lock store from
LOCK_STORE_URL; it refuses to start without both), a round-robin HTTP front on
HOST:RASA_PORT, the chat page, the mail outbox worker and the review console.
Stops everything on Ctrl-C or SIGTERM.

Usage: python -m services.scale_out [--replicas 2] [--ports 5006,5007] [--model PATH]
Replicas listen on --ports, or else on the first free consecutive ports after RASA_PORT.

The front is Debian's nginx (`apt-get install -y nginx`), run in the
foreground from a configuration written to a temporary directory
(services.deployment.nginx_config): a real reverse proxy, as in production, that
spreads requests round-robin, skips a replica that refuses connections and
names the replica that answered (X-Upstream header). A Python proxy would be
one more thing to maintain and to trust under load; a load generator
alternating between replicas would leave the chat page and real clients with
no single address. Without nginx the replicas still start, without a front,
and their addresses are printed."""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT as ROOT
from bot.config import load_settings
from services.deployment import lock_store_config, nginx_config
from services.run import (
    commands,
    console_command,
    serve_chat_page,
    service_env,
    stop_all,
    upgrade_databases,
    wait_http,
    worker_command,
    write_endpoints,
)


def missing_shared_stores(settings) -> Optional[str]:
    """Why replicas cannot share conversations with these settings, or None."""
    problems = []
    url = settings.tracker_store_url
    if not url or make_url(url).get_backend_name() != "postgresql":
        problems.append("TRACKER_STORE_URL=postgresql://user:password@host:5432/db (the shared tracker store)")
    if not settings.lock_store_url:
        problems.append("LOCK_STORE_URL=redis://host:6379/0 (the shared lock store)")
    else:
        try:
            lock_store_config(settings.lock_store_url)
        except ValueError as error:
            problems.append(str(error))
    if not problems:
        return None
    return ("Rasa replicas must share the tracker store and the lock store, or they lose and mix up "
            "conversations. Set in .env or the environment:\n  " + "\n  ".join(problems))


def _free(host: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
            return True
        except OSError:
            return False


def replica_ports(host: str, after: int, count: int, taken: Iterable[int] = ()) -> List[int]:
    """The first `count` consecutive free ports after `after`, none of them in
    `taken` (ports other services are configured for but may not bind yet)."""
    taken = set(taken)
    start = after + 1
    while start + count <= 65536:
        busy = [p for p in range(start, start + count) if p in taken or not _free(host, p)]
        if not busy:
            return list(range(start, start + count))
        start = busy[-1] + 1
    raise RuntimeError(f"no {count} consecutive free ports after {after}")


@dataclass
class ScaleOut:
    procs: Dict[str, subprocess.Popen] = field(default_factory=dict)
    replicas: List[str] = field(default_factory=list)  # base URLs
    action_url: str = ""
    front_url: Optional[str] = None
    workdir: Optional[Path] = None

    def wait_ready(self, token: str, timeout: float = 300) -> bool:
        deadline = time.time() + timeout
        urls = [f"{base}/status?token={token}" for base in self.replicas]
        urls.append(self.action_url.replace("/webhook", "/health"))
        if self.front_url:
            urls.append(f"{self.front_url}/status?token={token}")
        return all(wait_http(url, max(1.0, deadline - time.time())) for url in urls)

    def stop(self) -> None:
        stop_all(list(self.procs.values()))
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def start(settings, model: Path, ports: List[int], env: Optional[dict] = None, logs: Optional[Path] = None,
          front: bool = True, singletons: bool = True) -> ScaleOut:
    """Start the action server, one Rasa replica per port, the nginx front on
    HOST:RASA_PORT (if `front` and nginx is installed) and, with `singletons`,
    the mail outbox worker and the review console. Output goes to logs/NAME.log."""
    problem = missing_shared_stores(settings)
    if problem:
        raise ValueError(problem)
    env = env or service_env(settings)
    upgrade_databases(settings, env)  # once, before the replicas start
    workdir = Path(tempfile.mkdtemp(prefix="scale-out-"))
    workdir.chmod(0o755)  # nginx workers run unprivileged
    endpoints = write_endpoints(settings, env, workdir / "endpoints.yml")
    action_cmd, _ = commands(settings, model, endpoints=endpoints)
    plan = {"actions": action_cmd}
    for i, port in enumerate(ports, 1):
        plan[f"rasa-{i}"] = commands(replace(settings, rasa_port=port), model, endpoints=endpoints)[1]
    if singletons:
        plan.update({"worker": worker_command(), "console": console_command()})
    nginx = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    cluster = ScaleOut(replicas=[f"http://{settings.host}:{p}" for p in ports], workdir=workdir,
                       action_url=env["ACTION_ENDPOINT_URL"])
    if front and nginx:
        conf = workdir / "nginx.conf"
        conf.write_text(nginx_config(f"{settings.host}:{settings.rasa_port}",
                                     [f"{settings.host}:{p}" for p in ports], str(workdir)))
        plan["nginx"] = [nginx, "-c", str(conf), "-e", str(workdir / "error.log"), "-g", "daemon off;"]
        cluster.front_url = f"http://{settings.host}:{settings.rasa_port}"
    elif front:
        print("nginx is not installed (apt-get install -y nginx): starting the replicas without a front.",
              file=sys.stderr)
    try:
        for name, cmd in plan.items():
            out = open(logs / f"{name}.log", "w") if logs else None
            cluster.procs[name] = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out,
                                                   stderr=subprocess.STDOUT if out else None)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--ports", help="comma-separated replica ports (default: free ports after RASA_PORT)")
    args = parser.parse_args()
    settings = load_settings()
    problem = missing_shared_stores(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    ports = [int(p) for p in args.ports.split(",")] if args.ports else replica_ports(
        settings.host, settings.rasa_port, args.replicas,
        taken=(settings.action_port, settings.chat_port, settings.console_port))
    if make_url(settings.database_url).get_backend_name() == "sqlite":
        print("Note: DATABASE_URL is SQLite; with action servers on several machines use PostgreSQL.", file=sys.stderr)
    cluster = start(settings, Path(args.model), ports)
    signal.signal(signal.SIGTERM, lambda *a: (cluster.stop(), sys.exit(0)))
    try:
        if not cluster.wait_ready(settings.rasa_api_token, 300):
            print("A server did not start; see the log above.", file=sys.stderr)
            return 1
        page = f"  Chat page:      http://{settings.host}:{settings.chat_port}/\n" if cluster.front_url else ""
        httpd = serve_chat_page(settings) if cluster.front_url else None
        print("\nScale-out set ready.\n"
              + (f"  Front (nginx):  {cluster.front_url}/webhooks/rest/webhook\n" if cluster.front_url else "")
              + "".join(f"  Rasa replica {i}: {base}\n" for i, base in enumerate(cluster.replicas, 1))
              + f"  Action server:  {cluster.action_url}\n{page}"
              + f"  Review console: http://{settings.host}:{settings.console_port}/\n"
              + "Press Ctrl-C to stop.", flush=True)
        while all(p.poll() is None for p in cluster.procs.values()):
            time.sleep(1)
        print("A server stopped; shutting down.", file=sys.stderr)
        if httpd:
            httpd.shutdown()
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
