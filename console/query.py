"""Reading a page's query string: each reader returns the value, or its
default, and adds what was wrong with it, in words, to `errors`."""
from __future__ import annotations

import datetime as dt
from typing import Collection, List, Mapping, Optional


def one_of(query: Mapping[str, str], name: str, allowed: Collection[str], errors: List[str]) -> Optional[str]:
    raw = query.get(name, "").strip()
    if raw and raw not in allowed:
        errors.append(f"{name}: unknown value {raw!r}")
        return None
    return raw or None


def yes_no(query: Mapping[str, str], name: str, errors: List[str]) -> Optional[bool]:
    value = one_of(query, name, ("yes", "no"), errors)
    return None if value is None else value == "yes"


def day(query: Mapping[str, str], name: str, errors: List[str], default: Optional[dt.date] = None) -> Optional[dt.date]:
    raw = query.get(name, "").strip()
    try:
        return dt.date.fromisoformat(raw) if raw else default
    except ValueError:
        errors.append(f"{name}: {raw!r} is not a date like 2026-11-01")
        return default
