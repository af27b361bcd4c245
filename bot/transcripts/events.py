"""Redaction of one serialised Rasa event before it is stored: the user's
text (also inside parse_data), bot text, entity values and text slot values.
Contact details of a handoff never reach the tracker (they wait in the
handoff draft), and what a user types is redacted here."""
from __future__ import annotations

import copy
from typing import Any, Dict, Optional

from bot.personal_data import redact


def redact_event(data: Dict[str, Any], country: Optional[str] = None) -> Dict[str, Any]:
    out = copy.deepcopy(data)
    kind = out.get("event")
    if kind in ("user", "bot") and isinstance(out.get("text"), str):
        out["text"] = redact(out["text"], country)
    if kind == "user":
        parse = out.get("parse_data") or {}
        if isinstance(parse.get("text"), str):
            parse["text"] = redact(parse["text"], country)
        for entity in parse.get("entities") or []:
            if isinstance(entity.get("value"), str):
                entity["value"] = redact(entity["value"], country)
    if kind == "slot" and isinstance(out.get("value"), str):
        out["value"] = redact(out["value"], country)
    return out
