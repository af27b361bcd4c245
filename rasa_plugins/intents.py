"""What the project's NLU components do to a message's intent: one way to
replace it, shared by the safety readers and the reference reader."""

from __future__ import annotations

from typing import Optional

from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message


def set_intent(message: Message, name: str, confidence: float, drop: Optional[str] = None) -> None:
    """Make `name` the intent and the top of the ranking (without `drop`)."""
    message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in (name, drop)]
    message.set(
        INTENT_RANKING_KEY,
        [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}] + ranking,
        add_to_output=True,
    )
