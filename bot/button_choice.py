"""An answer that names a button by its place ("third button", "option 2",
"the first one", "la deuxième") instead of clicking it: the value of that
button of the open question, as the question shows it in this state
(bot/questions.py). Words are kept in data/lexicon/answers.yml (`ordinals`)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.facts import valid_value
from bot.places import fold
from bot.questions import question

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "answers.yml"
_PAYLOAD = re.compile(r"^/inform(\{.*\})$")
_WORD = re.compile(r"[a-z0-9#]+")


@lru_cache(maxsize=2)
def _ordinals(path: Path = LEXICON) -> Tuple[Dict[str, int], frozenset, frozenset]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["ordinals"]
    places = {fold(str(w)): (int(n) if str(n) != "last" else -1) for n, words in data["places"].items() for w in words}
    return places, frozenset(fold(str(w)) for w in data["nouns"]), frozenset(fold(str(w)) for w in data["fillers"])


def _place(text: str) -> Optional[int]:
    """1, 2, ... or -1 (last) when the whole answer names a place among the
    choices; None otherwise ("it would be the first time" names none)."""
    places, nouns, fillers = _ordinals()
    words = [w.lstrip("#") for w in _WORD.findall(fold(text or ""))]
    found = [places[w] for w in words if w in places]
    digits = [int(w) for w in words if w.isdigit()]
    rest = [w for w in words if w not in places and w not in nouns and w not in fillers and not w.isdigit()]
    if rest:
        return None  # other words: not only a place among the buttons
    if len(found) == 1 and not digits:
        return found[0]
    if not found and len(digits) == 1 and any(w in nouns for w in words):
        return digits[0]  # "option 2", "button 3"
    return None


def chosen_button(slot: str, text: str, state: Mapping[str, Any]) -> Optional[Any]:
    """The value of the button `text` names by its place, or None."""
    place = _place(text)
    if place is None:
        return None
    buttons = list(question(slot, state).buttons or [])  # as shown, "I don't know" included
    if not buttons or place == 0 or place > len(buttons):
        return None
    found = _PAYLOAD.match(buttons[place - 1 if place > 0 else -1].get("payload", ""))
    if not found:
        return None  # "the last one": "I don't know", which the dialogue reads from its own words
    value = json.loads(found.group(1)).get(slot)
    return value if valid_value(slot, value) else None
