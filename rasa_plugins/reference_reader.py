"""NLU component: a message that quotes one of our request references asks
about that request.

The references are random letters and digits ("MA-7K8J-PZ98"), so the intent
classifier reads them as whatever their characters resemble: one reference in
fifty sent "status of <reference> please" to the handoff, to `inform` or to
the fallback (a status end-to-end test failed on MA-NM55-N39C). The format is
our own, so it is read exactly (bot/handoff/requests.reference_in) and the
intent becomes check_status. Placed before the safety readers: a report made
while quoting a reference ("MA-7K3Q-X9PD: she died on Sunday") is still a
report. What the classifier said stays in the message under
`reference_reader`."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.handoff.requests import reference_in
from bot.harm_reader import EMERGENCY_INTENT, REPORT_INTENT
from rasa_plugins.intents import set_intent

STATUS = "check_status"
KEY = "reference_reader"
# The classifier's word stands for these: safety first, whatever else is quoted.
KEEP = (REPORT_INTENT, EMERGENCY_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReferenceReader(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ReferenceReader":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            read_reference(message)
        return messages


def read_reference(message: Message) -> Optional[str]:
    """Sets check_status on a message that quotes a reference; returns the reference."""
    text = message.get(TEXT) or ""
    reference = reference_in(text) if not text.startswith("/") else None
    intent = message.get(INTENT) or {}
    original = intent.get(INTENT_NAME_KEY)
    if reference is None or original in KEEP or original == STATUS:
        return reference
    set_intent(message, STATUS, 1.0)
    message.set(KEY, {"original_intent": original, "reference": reference}, add_to_output=True)
    return reference
