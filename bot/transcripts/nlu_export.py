"""From review to training data: a reviewer marks a message the assistant
misunderstood with the intent and the facts it should have read; the marks
are exported as a Rasa NLU YAML file (redacted again, one example per
message text, the reviewer and date as comments, the facts as example
metadata) for people to look at before any of it joins data/nlu. Nothing
here writes to the training data."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.facts import FACT_SLOTS, valid_value
from bot.personal_data import redact

DOMAIN = PROJECT_ROOT / "domain"
_TRUE, _FALSE = {"yes", "true", "y", "1"}, {"no", "false", "n", "0"}


@lru_cache(maxsize=4)
def domain_intents(folder: Path = DOMAIN) -> Tuple[str, ...]:
    """The intents of the domain files (domain/*.yml), in their order."""
    found: List[str] = []
    for path in sorted(Path(folder).glob("*.yml")):
        for intent in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("intents") or ():
            name = intent if isinstance(intent, str) else next(iter(intent))
            if name not in found:
                found.append(name)
    return tuple(found)


class CorrectionError(ValueError):
    """A mark that cannot be recorded, in words."""


def parse_facts(text: str) -> Dict[str, Any]:
    """'country=FR, alternatives_exhausted=yes' -> {'country': 'FR', 'alternatives_exhausted': True};
    every fact a contract slot with one of its values."""
    facts: Dict[str, Any] = {}
    for part in (p.strip() for p in re.split(r"[,;\n]", text or "")):
        if not part:
            continue
        slot, sep, raw = (x.strip() for x in part.partition("="))
        if not sep or not slot or not raw:
            raise CorrectionError(f"{part!r}: write a fact as slot=value, like country=FR")
        if slot not in FACT_SLOTS:
            raise CorrectionError(f"{slot!r} is not a fact; the facts are {', '.join(FACT_SLOTS)}")
        value: Any = raw.upper() if slot == "country" else raw
        if raw.lower() in _TRUE | _FALSE and not valid_value(slot, raw):
            value = raw.lower() in _TRUE
        if not valid_value(slot, value):
            raise CorrectionError(f"{raw!r} is not a value of {slot}")
        facts[slot] = value
    return facts


def check_intent(intent: str, intents: Iterable[str]) -> str:
    intent = (intent or "").strip()
    if intent not in tuple(intents):
        raise CorrectionError(f"{intent!r} is not an intent of the domain")
    return intent


@dataclass(frozen=True)
class Correction:
    sender_id: str
    text: str
    intent: str
    reviewer: str
    at: float  # seconds since the epoch
    facts: Mapping[str, Any] = field(default_factory=dict)


def _key(text: str) -> str:
    """Texts that are the same example: case, spacing and end punctuation aside."""
    return " ".join(re.sub(r"[\s.!?]+$", "", text.strip().lower()).split())


def _day(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.timezone.utc).date().isoformat()


def _scalar(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def nlu_yaml(marks: Iterable[Correction], exported_at: dt.datetime, country: Optional[str] = None) -> str:
    """The marks as Rasa NLU training data. The latest mark of a text wins;
    an earlier, different mark of the same text is named in a comment."""
    latest: Dict[str, Correction] = {}
    overruled: Dict[str, List[Correction]] = {}
    for mark in sorted(marks, key=lambda m: m.at):
        key = _key(mark.text)
        if key in latest and latest[key].intent != mark.intent:
            overruled.setdefault(key, []).append(latest[key])
        latest[key] = mark
    by_intent: Dict[str, List[Tuple[str, Correction]]] = {}
    for key, mark in latest.items():
        by_intent.setdefault(mark.intent, []).append((key, mark))
    lines = [
        "# Messages reviewers marked as misunderstood in the review console,",
        f"# exported {exported_at.astimezone(dt.timezone.utc):%Y-%m-%d %H:%M} UTC: redacted, one example per text.",
        "# For people to review before any of it joins data/nlu; nothing was added",
        "# to the training data. Facts the assistant should have read are metadata.",
        'version: "3.1"',
        "nlu:",
    ]
    if not by_intent:
        return "\n".join(lines[:-1] + ["nlu: []", ""])
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples:"]
        for key, mark in sorted(by_intent[intent], key=lambda km: km[1].at):
            facts = ", ".join(f"{slot} = {_scalar(value)}" for slot, value in mark.facts.items())
            note = f"# {mark.reviewer}, {_day(mark.at)}, conversation {mark.sender_id}"
            lines.append(f"  {note}" + (f"; should have read: {facts}" if facts else ""))
            for earlier in overruled.get(key, ()):
                lines.append(f"  # earlier marked {earlier.intent} by {earlier.reviewer}, {_day(earlier.at)}")
            lines.append(f"  - text: {_scalar(redact(mark.text, country))}")
            if mark.facts:
                lines.append("    metadata:")
                lines.append("      facts:")
                lines += [f"        {slot}: {_scalar(value)}" for slot, value in mark.facts.items()]
    return "\n".join(lines) + "\n"
