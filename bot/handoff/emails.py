"""The emails a request sends besides the team's notification: the receipt,
the team's acknowledgement and the closure to the person who asked, in the
conversation's language, and the team's alert when half of the time to
acknowledge is gone. Texts are data (data/dialogue/emails.yml); nothing here
sends anything: the store puts an email in the outbox with its request, and
the outbox worker delivers it.

An email to a requester carries the reference, dates, who handles the
request, how to reach them and a close reason's category: never patient
data, never medical content."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import yaml
from babel import Locale
from babel.dates import format_date, format_datetime

from bot.config import PROJECT_ROOT
from bot.handoff.deadlines import Clock, country_zone
from bot.handoff.requests import CLOSE_REASONS, KINDS, Request

EMAILS = PROJECT_ROOT / "data" / "dialogue" / "emails.yml"
LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# One of each per request at most: the outbox refuses a second.
TEAM_NOTIFICATION = "team_notification"
RECEIPT = "receipt"
ACKNOWLEDGEMENT = "acknowledgement"
CLOSURE = "closure"
HALF_TIME_ALERT = "half_time_alert"
EMAIL_KINDS = (TEAM_NOTIFICATION, RECEIPT, ACKNOWLEDGEMENT, CLOSURE, HALF_TIME_ALERT)
TO_REQUESTER = (RECEIPT, ACKNOWLEDGEMENT, CLOSURE)


@dataclass(frozen=True)
class Email:
    kind: str
    recipient: str
    subject: str
    body: str


@lru_cache(maxsize=2)
def load_texts(path: Path = EMAILS) -> Dict[str, Any]:
    """The texts, checked: every requester email for every kind of request in
    every language, and a label for every close reason; a missing entry is
    named with its file and place."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    missing = [f"{email}.{kind}.{lang}.{part}" for email in TO_REQUESTER for kind in KINDS for lang in LANGUAGES
               for part in ("subject", "body")
               if not str(((data.get(email) or {}).get(kind) or {}).get(lang, {}).get(part) or "").strip()]
    missing += [f"close_reasons.{code}.{lang}" for code in CLOSE_REASONS for lang in LANGUAGES
                if not str(((data.get("close_reasons") or {}).get(code) or {}).get(lang) or "").strip()]
    missing += [f"business_days.{lang}" for lang in LANGUAGES if not (data.get("business_days") or {}).get(lang)]
    missing += [f"half_time_alert.{part}" for part in ("subject", "body")
                if not (data.get("half_time_alert") or {}).get(part)]
    unknown = sorted(set(data.get("close_reasons") or {}) - set(CLOSE_REASONS))
    if missing or unknown:
        raise ValueError(f"{path}: missing {', '.join(missing) or '-'}; unknown close reasons {unknown or '-'}")
    return data


def language_of(value: Optional[str]) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def country_label(code: Optional[str], language: str) -> str:
    """The country's name in the language (CLDR through Babel), or its code."""
    if not code:
        return ""
    return Locale.parse(language).territories.get(code.upper(), code.upper())


def _day(day: dt.date, language: str) -> str:
    return format_date(day, format="full", locale=language)


def _fill(template: str, values: Mapping[str, str]) -> str:
    # str.format would read any other brace in a text as a field: replace only ours.
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def team_notification(request: Request, recipient: str, notify: Mapping[str, str]) -> Email:
    """The team's email (bot.handoff.summary.team_email: subject and body with
    {reference} and {acknowledge_by}) for the stored request."""
    values = {"reference": request.reference, "acknowledge_by": request.acknowledge_by.isoformat()}
    return Email(TEAM_NOTIFICATION, recipient, _fill(notify["subject"], values), _fill(notify["body"], values))


def _to_requester(email: str, request: Request, values: Mapping[str, str]) -> Optional[Email]:
    recipient = str((request.contact or {}).get("email") or "").strip()
    if not recipient:
        return None  # nobody to write to: the chat gave the reference
    language = language_of(request.language)
    text = load_texts()[email][request.kind][language]
    values = {"reference": request.reference, **values}
    return Email(email, recipient, _fill(text["subject"].strip(), values), _fill(text["body"], values))


def receipt(request: Request, default_country: str) -> Optional[Email]:
    """Right after the request is stored: reference, acknowledge-by date and
    what happens next."""
    language = language_of(request.language)
    country = request.country or default_country
    where = _fill(load_texts()["business_days"][language], {"country": country_label(country, language)})
    return _to_requester(RECEIPT, request, {"acknowledge_by": _day(request.acknowledge_by, language),
                                            "business_days": where})


def acknowledgement(request: Request, handler: str, contact: str) -> Optional[Email]:
    """When a person acknowledges it: who handles it and how to reach them."""
    return _to_requester(ACKNOWLEDGEMENT, request, {"handler": handler, "contact": contact})


def closure(request: Request, contact: str) -> Optional[Email]:
    """When it is closed: the close reason's category, nothing more."""
    language = language_of(request.language)
    reason = load_texts()["close_reasons"][request.close_reason][language]
    return _to_requester(CLOSURE, request, {"reason": reason, "contact": contact})


def half_time_alert(request: Request, clock: Clock, team_email: str, default_country: str) -> Email:
    """To the team: the request is unacknowledged and half of its time is gone."""
    zone = country_zone(request.country or default_country)
    text = load_texts()[HALF_TIME_ALERT]
    values = {
        "reference": request.reference,
        "urgent": "URGENT: " if request.urgent else "",
        "queue": request.queue,
        "received": format_datetime(request.created_at.astimezone(zone), "EEEE d MMMM y, HH:mm zzzz", locale="en"),
        "due": format_datetime(clock.due.astimezone(zone), "EEEE d MMMM y, HH:mm zzzz", locale="en"),
        "left": clock.describe().capitalize(),
    }
    return Email(HALF_TIME_ALERT, team_email, _fill(text["subject"].strip(), values), _fill(text["body"], values))
