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
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.handoff.requests import reference_in
from bot.harm_reader import EMERGENCY_INTENT, REPORT_INTENT
from bot.understanding import speaks_of_a_request
from rasa_plugins.intents import set_intent

STATUS = "check_status"
KEY = "reference_reader"
# The classifier's word stands for these: safety first, whatever else is quoted.
KEEP = (REPORT_INTENT, EMERGENCY_INTENT)
# As FallbackClassifier in config.yml: a next reading less sure than this is the fallback.
FALLBACK, FALLBACK_THRESHOLD = "nlu_fallback", 0.45


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
    """Sets check_status on a message that quotes a reference; returns the
    reference. A status reading of a message that quotes none and speaks of no
    request ("Sì, già trattato", "impasse thérapeutique") gives way to the
    classifier's next reading: it had opened the status lookup in the middle
    of an assessment."""
    text = message.get(TEXT) or ""
    reference = reference_in(text) if not text.startswith("/") else None
    intent = message.get(INTENT) or {}
    original = intent.get(INTENT_NAME_KEY)
    if reference is None and original == STATUS and not text.startswith("/") and not speaks_of_a_request(text):
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != STATUS]
        nxt = ranking[0] if ranking else {}
        if nxt.get(PREDICTED_CONFIDENCE_KEY, 0.0) < FALLBACK_THRESHOLD:
            nxt = {INTENT_NAME_KEY: FALLBACK, PREDICTED_CONFIDENCE_KEY: FALLBACK_THRESHOLD}
        set_intent(message, nxt[INTENT_NAME_KEY], nxt.get(PREDICTED_CONFIDENCE_KEY, 0.0), drop=STATUS)
        message.set(KEY, {"original_intent": original, "reference": None}, add_to_output=True)
        return None
    if reference is None or original in KEEP or original == STATUS:
        return reference
    set_intent(message, STATUS, 1.0)
    message.set(KEY, {"original_intent": original, "reference": reference}, add_to_output=True)
    return reference
