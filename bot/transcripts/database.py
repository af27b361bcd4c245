"""Where conversations are stored: SQLite (TRACKER_DB, the embedded default)
or PostgreSQL (TRACKER_STORE_URL), as a SQLAlchemy URL for the review tools
and as the tracker_store section of Rasa's endpoints file."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from bot.config import PROJECT_ROOT, Settings

STORE_TYPE = "bot.transcripts.store.RedactingSQLTrackerStore"


def tracker_store_url(settings: Settings) -> str:
    if settings.tracker_store_url:
        return settings.tracker_store_url
    path = Path(settings.tracker_db_url)
    return f"sqlite:///{path if path.is_absolute() else PROJECT_ROOT / path}"


def endpoint_config(url: str) -> Dict[str, Any]:
    """Rasa's tracker_store section for a SQLAlchemy URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return {"type": STORE_TYPE, "dialect": "sqlite", "db": parsed.database}
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"TRACKER_STORE_URL must be sqlite or postgresql, got {parsed.get_backend_name()!r}")
    # Rasa passes the endpoint's `url` to the store as its host.
    config = {"type": STORE_TYPE, "dialect": "postgresql", "url": parsed.host or "127.0.0.1",
              "port": parsed.port or 5432, "db": parsed.database, "username": parsed.username}
    if parsed.password:
        config["password"] = parsed.password
    return config


def tracker_engine(settings: Settings) -> Engine:
    return create_engine(tracker_store_url(settings), future=True)
