"""Wording of the assessment questions, from `data/dialogue/questions.yml`,
with variants chosen by slot values (plain words for patients and advocates,
CE marking for devices)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping

import yaml

from bot.config import PROJECT_ROOT
from bot.facts import QUESTION_ORDER
from bot.render import Message

QUESTIONS = PROJECT_ROOT / "data" / "dialogue" / "questions.yml"


@lru_cache(maxsize=2)
def _load(path: Path = QUESTIONS) -> Dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [slot for slot in QUESTION_ORDER if slot not in data["questions"] or "default" not in data["questions"][slot]]
    if missing:
        raise ValueError(f"{path}: no default question for {missing}")
    no_rephrase = [slot for slot in QUESTION_ORDER if slot not in (data.get("rephrase") or {})]
    if no_rephrase:
        raise ValueError(f"{path}: rephrase: no rephrased question for {no_rephrase}")
    return data


def load_questions(path: Path = QUESTIONS) -> Dict[str, Dict[str, Any]]:
    return _load(path)["questions"]


def rephrased(slot: str, state: Mapping[str, Any]) -> Message:
    """The question put another way, with examples, and its choices."""
    text = " ".join(_load(QUESTIONS)["rephrase"][slot].split())
    return Message(text=text, buttons=question(slot, state).buttons)


def question(slot: str, state: Mapping[str, Any]) -> Message:
    variants = load_questions()[slot]
    chosen = variants["default"]
    for key, body in variants.items():
        if key == "default":
            continue
        name, _, value = key.partition("=")
        if str(state.get(name)) == value:
            chosen = body
            break
    buttons = chosen.get("buttons", variants["default"].get("buttons"))
    return Message(text=" ".join(chosen["text"].split()), buttons=buttons)
