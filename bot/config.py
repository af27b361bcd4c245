"""All external settings in one place. `.env` is loaded first, then the
environment; every value has a safe local default (see `.env.example`)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Tuple
from urllib.parse import urlsplit

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    company_name: str
    medical_info_contact: str
    urgent_contact: str
    pharmacovigilance_contact: str
    ack_business_days: int
    host: str
    rasa_port: int
    action_port: int
    chat_port: int
    console_port: int
    console_session_minutes: int
    rasa_api_token: str
    tracker_db_url: str
    tracker_store_url: str
    lock_store_url: str
    retention_days: int
    knowledge_dir: Path
    database_url: str
    default_country: str
    team_email: str
    mail_from: str
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_starttls: bool
    mail_dir: Path
    # Origins of other sites that embed the chat widget (the chat page's own
    # origin is always allowed); Rasa's CORS list is built from them.
    widget_origins: Tuple[str, ...] = ()
    # Days after its last update that a handoff request (with its contact
    # details, audit entries and emails) is deleted by the retention command.
    request_retention_days: int = 730
    # The learned statement reader (bot/statement_reader.py) beside the anchors:
    # off by default. Even with its veto of a value it finds less likely, it gave
    # two wrong schemes on held-out pool 8 that the anchors alone do not (BENCHMARKS.md).
    statement_reader: bool = False
    # Given to requesters in the team's emails (acknowledgement, closure).
    managed_access_contact: str = "Managed access team, managed-access@example.com, +33 1 00 00 00 03"
    # Working hours of a business day, local time of the patient's country:
    # the time a request has to be acknowledged is counted in them.
    business_hours: Tuple[dt.time, dt.time] = (dt.time(9), dt.time(18))

    @property
    def tracker_url(self) -> str:
        """The conversations' database as a SQLAlchemy URL: TRACKER_STORE_URL,
        or the SQLite file TRACKER_DB."""
        return self.tracker_store_url or f"sqlite:///{self.tracker_db_url}"


def _int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from exc
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def _str(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be true or false, got {raw!r}")


def _origins(name: str) -> Tuple[str, ...]:
    """A comma- or space-separated list of origins (scheme://host[:port]), or "*" for any."""
    raw = os.environ.get(name, "").replace(",", " ").split()
    origins = []
    for item in raw:
        if item == "*":
            origins.append(item)
            continue
        parts = urlsplit(item.rstrip("/"))
        if (parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc
                or parts.path or parts.query or parts.fragment):
            raise ValueError(f"{name} must list origins like https://www.example.com, got {item!r}")
        origins.append(f"{parts.scheme}://{parts.netloc.lower()}")
    return tuple(dict.fromkeys(origins))


def _hours(name: str, default: str) -> Tuple[dt.time, dt.time]:
    raw = _str(name, default)
    try:
        start, end = (dt.time.fromisoformat(part.strip()) for part in raw.split("-"))
    except ValueError as exc:
        raise ValueError(f"{name} must look like 09:00-18:00, got {raw!r}") from exc
    if start >= end:
        raise ValueError(f"{name} must start before it ends, got {raw!r}")
    return start, end


def _project_path(raw: str) -> Path:
    """Relative paths are relative to the project, not the cwd."""
    path = Path(raw)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _database_url(raw: str) -> str:
    """SQLite paths in the URL are relative to the project, not the cwd."""
    prefix = "sqlite:///"
    if raw.startswith(prefix) and not raw.startswith(prefix + "/") and raw != prefix + ":memory:":
        return prefix + str(PROJECT_ROOT / raw[len(prefix):])
    return raw


def load_settings(env_file: Path | None = None) -> Settings:
    """Read settings; `.env` values never override variables already set."""
    load_dotenv(env_file or PROJECT_ROOT / ".env", override=False)
    return Settings(
        company_name=_str("COMPANY_NAME", "Example Pharma"),
        medical_info_contact=_str(
            "MEDICAL_INFO_CONTACT",
            "Medical Information, medinfo@example.com, +33 1 00 00 00 00",
        ),
        urgent_contact=_str(
            "URGENT_CONTACT", "the 24/7 urgent medical line, +33 1 00 00 00 01"
        ),
        pharmacovigilance_contact=_str(
            "PHARMACOVIGILANCE_CONTACT",
            "Pharmacovigilance, safety@example.com, +33 1 00 00 00 02",
        ),
        ack_business_days=_int("ACK_BUSINESS_DAYS", 1, minimum=1),
        host=_str("HOST", "127.0.0.1"),
        rasa_port=_int("RASA_PORT", 5005, minimum=1),
        action_port=_int("ACTION_PORT", 5055, minimum=1),
        chat_port=_int("CHAT_PORT", 8080, minimum=1),
        console_port=_int("CONSOLE_PORT", 8081, minimum=1),
        console_session_minutes=_int("CONSOLE_SESSION_MINUTES", 30, minimum=1),
        rasa_api_token=_str("RASA_API_TOKEN", "change-me-local-token"),
        tracker_db_url=str(_project_path(_str("TRACKER_DB", "var/tracker.db"))),
        tracker_store_url=_str("TRACKER_STORE_URL", ""),
        lock_store_url=_str("LOCK_STORE_URL", ""),
        retention_days=_int("RETENTION_DAYS", 365, minimum=1),
        knowledge_dir=Path(_str("KNOWLEDGE_DIR", str(PROJECT_ROOT / "data" / "knowledge"))),
        database_url=_database_url(_str("DATABASE_URL", "sqlite:///var/access.db")),
        default_country=_str("DEFAULT_COUNTRY", "FR").upper(),
        team_email=_str("TEAM_EMAIL", "managed-access@example.com"),
        mail_from=_str("MAIL_FROM", "assistant@example.com"),
        smtp_host=_str("SMTP_HOST", ""),
        smtp_port=_int("SMTP_PORT", 25, minimum=1),
        smtp_user=_str("SMTP_USER", ""),
        smtp_password=_str("SMTP_PASSWORD", ""),
        smtp_starttls=_bool("SMTP_STARTTLS", False),
        mail_dir=_project_path(_str("MAIL_DIR", "var/mail")),
        widget_origins=_origins("WIDGET_ORIGINS"),
        request_retention_days=_int("REQUEST_RETENTION_DAYS", 730, minimum=1),
        statement_reader=_bool("STATEMENT_READER", False),
        managed_access_contact=_str("MANAGED_ACCESS_CONTACT",
                                    "Managed access team, managed-access@example.com, +33 1 00 00 00 03"),
        business_hours=_hours("BUSINESS_HOURS", "09:00-18:00"),
    )


@lru_cache(maxsize=1)
def settings() -> Settings:
    """Settings of this process, read once on first use."""
    return load_settings()
