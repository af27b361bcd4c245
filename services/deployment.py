"""Deployment as configuration: TRACKER_STORE_URL -> the tracker_store
section of Rasa's endpoints file, LOCK_STORE_URL -> its lock_store section,
and the round-robin front (an nginx configuration) before N Rasa replicas.
Pure functions, no Rasa import."""
from __future__ import annotations

from typing import Any, Dict, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy.engine import make_url

# The project's tracker store: Rasa's SQL store, every event redacted.
TRACKER_STORE_TYPE = "rasa_plugins.tracker_store.RedactingSQLTrackerStore"

# Rasa's Redis lock store, with each change of a lock made atomic (rasa_plugins/lock_store.py).
LOCK_STORE_TYPE = "rasa_plugins.lock_store.AtomicRedisLockStore"


def tracker_store_config(url: str) -> Dict[str, Any]:
    """Rasa's tracker_store section for a SQLAlchemy URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": parsed.database}
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"TRACKER_STORE_URL must be sqlite or postgresql, got {parsed.get_backend_name()!r}")
    # Rasa passes the endpoint's `url` to the store as its host.
    config = {"type": TRACKER_STORE_TYPE, "dialect": "postgresql", "url": parsed.host or "127.0.0.1",
              "port": parsed.port or 5432, "db": parsed.database, "username": parsed.username}
    if parsed.password:
        config["password"] = parsed.password
    return config


def lock_store_config(url: str) -> Dict[str, Any]:
    """Rasa's lock_store section for redis://[[user]:password@]host[:port][/db][?key_prefix=name]
    (rediss:// for TLS). The database defaults to 0, the port to 6379."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"LOCK_STORE_URL must be redis://host:6379/0 (or rediss://), got {url!r}")
    try:
        port = parts.port or 6379
        db = int(parts.path.strip("/") or 0)
    except ValueError as exc:
        raise ValueError(f"LOCK_STORE_URL: port and database must be numbers, got {url!r}") from exc
    # Rasa passes the endpoint's `url` to the store as its host.
    config: Dict[str, Any] = {"type": LOCK_STORE_TYPE, "url": parts.hostname or "127.0.0.1", "port": port, "db": db}
    if parts.username:
        config["username"] = unquote(parts.username)
    if parts.password:
        config["password"] = unquote(parts.password)
    if parts.scheme == "rediss":
        config["use_ssl"] = True
    prefix = (parse_qs(parts.query).get("key_prefix") or [""])[0]
    if prefix:
        if not prefix.isalnum():
            raise ValueError(f"LOCK_STORE_URL: key_prefix must be letters and digits only, got {prefix!r}")
        config["key_prefix"] = prefix
    return config


def nginx_config(listen: str, replicas: Iterable[str], workdir: str) -> str:
    """An nginx configuration (run in the foreground, everything under workdir)
    that spreads the REST channel and the HTTP API round-robin over the
    replicas (`host:port` each). Socket.IO keeps one client on one replica
    (ip_hash): its long-polling transport is not stateless. A replica that
    refuses connections is skipped. X-Upstream names the replica that answered."""
    servers = "".join(f"    server {address} max_fails=1 fail_timeout=5s;\n" for address in replicas)
    if not servers:
        raise ValueError("at least one replica is needed")
    proxy = ("    proxy_http_version 1.1;\n    proxy_set_header Host $host;\n"
             "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
             "    proxy_read_timeout 120s;\n    add_header X-Upstream $upstream_addr always;\n")
    temp = "".join(f"  {kind}_temp_path {workdir}/{kind}_temp;\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"worker_processes 1;\npid {workdir}/nginx.pid;\nerror_log {workdir}/error.log warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"  access_log {workdir}/access.log;\n{temp}"
        f"  upstream rasa {{\n{servers}  }}\n"
        f"  upstream rasa_socketio {{\n    ip_hash;\n{servers}  }}\n"
        "  server {\n"
        f"    listen {listen};\n"
        f"    location / {{\n      proxy_pass http://rasa;\n{_indent(proxy)}    }}\n"
        "    location /socket.io/ {\n      proxy_pass http://rasa_socketio;\n"
        "      proxy_set_header Upgrade $http_upgrade;\n      proxy_set_header Connection \"upgrade\";\n"
        f"{_indent(proxy)}    }}\n"
        "  }\n}\n"
    )


def _indent(block: str) -> str:
    return "".join("  " + line + "\n" for line in block.splitlines())
