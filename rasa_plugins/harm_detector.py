"""NLU component: the second safety detector (bot/harm.py) on every message.

Placed after the intent classifiers in config.yml. When the detector finds a
report of harm with one of the company's products, the intent becomes
report_adverse_event (unless it already is), so the safety rules give the
reporting guidance first in every state and the tracker store flags the
conversation (flags come from intents). What the classifier said and what the
detector found stay in the message under `harm_detector`.

The detector may also overrule the classifier the other way (when
`overrule` is on; `overrule_reasons` and `overrule_below` narrow it to the
reasons and classifier confidences measured safe), but only on its explicit
word: every harm it saw is negated, supposed, asked about in general,
or put down to another product, the past or the disease itself ("no side
effects so far", "she had a rash on methotrexate last year"). Then a
report_adverse_event reading falls back to the classifier's next intent; an
emergency reading only when the message also says all is well and speaks of no
urgency ("labs normal, no toxicity"; "his last chemo put him in intensive care,
before any of this"; "say he needs surgery"). Either way the original is kept."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.harm import Screening, screen, warm_up

logger = logging.getLogger(__name__)

REPORT = "report_adverse_event"
EMERGENCY = "emergency"
FALLBACK = "nlu_fallback"
KEY = "harm_detector"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class HarmDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # Let the detector overrule a safety intent it has explicit reasons against.
            "overrule": True,
            # Keep in step with FallbackClassifier: an overruled intent whose next
            # reading is less sure than this becomes nlu_fallback.
            "fallback_threshold": 0.45,
            # Only for these reasons (None: every explicit reason) ...
            "overrule_reasons": None,
            # ... and only when the classifier is less sure than this,
            "overrule_below": 1.01,
            # ... except for these reasons, whatever its confidence.
            "overrule_always": [],
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.overrule = bool(config.get("overrule", True))
        self.fallback_threshold = float(config.get("fallback_threshold", 0.45))
        reasons = config.get("overrule_reasons")
        self.overrule_reasons: Optional[frozenset] = frozenset(reasons) if reasons is not None else None
        self.overrule_below = float(config.get("overrule_below", 1.01))
        self.overrule_always = frozenset(config.get("overrule_always") or ())
        warm_up()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "HarmDetector":
        return cls({**cls.get_default_config(), **config})

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.process_one(message)
        return messages

    def process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if not text.strip() or text.startswith("/"):
            return
        intent = message.get(INTENT) or {}
        original = intent.get(INTENT_NAME_KEY)
        screening = screen(text)
        record: Dict[str, Any] = {
            "original_intent": original,
            "finding": _finding(screening),
            "action": None,
        }
        if screening.finding is not None and original == EMERGENCY and screening.urgent and not screening.exposed:
            # "ICU, he won't survive the week without treatment": an urgent need for
            # the product, not harm from it; the emergency route stays.
            record["action"] = "kept_emergency"
        elif screening.finding is not None:
            if original != REPORT:
                _set_intent(message, REPORT, 1.0)
                record["action"] = "set_report_adverse_event"
        elif self.overrule and self._may_overrule(intent, screening) and _overruled(original, screening):
            replacement = self._next_intent(message)
            _set_intent(message, replacement["name"], replacement["confidence"], drop=original)
            record["action"] = f"overruled_{original}"
            record["reasons"] = sorted(set(screening.dismissed))
        message.set(KEY, record, add_to_output=True)

    def _may_overrule(self, intent: Dict[str, Any], screening: Screening) -> bool:
        reasons = set(screening.dismissed)
        if reasons and reasons <= self.overrule_always:
            return True
        return intent.get(PREDICTED_CONFIDENCE_KEY, 1.0) < self.overrule_below \
            and (self.overrule_reasons is None or reasons <= self.overrule_reasons)

    def _next_intent(self, message: Message) -> Dict[str, Any]:
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in (REPORT, EMERGENCY, FALLBACK)
        ]
        if not ranking or ranking[0].get(PREDICTED_CONFIDENCE_KEY, 0.0) < self.fallback_threshold:
            return {"name": FALLBACK, "confidence": self.fallback_threshold}
        return {"name": ranking[0][INTENT_NAME_KEY], "confidence": ranking[0].get(PREDICTED_CONFIDENCE_KEY, 0.0)}


def _overruled(intent: Optional[str], screening: Screening) -> bool:
    if intent == REPORT:
        return screening.explicitly_not_a_report
    if intent == EMERGENCY and not screening.urgent:
        # All is well, or the harms were the past, another product or a supposition.
        set_aside = screening.mentions > 0 and all(
            r in ("negated", "past", "other_product", "unrelated", "never_exposed") for r in screening.dismissed
        )
        return screening.reassured or set_aside or (screening.mentions == 0 and screening.supposition)
    return False


def _finding(screening: Screening) -> Optional[Dict[str, Any]]:
    finding = screening.finding
    if finding is None:
        return None
    return {"category": finding.category, "serious": finding.serious, "evidence": list(finding.evidence)}


def _set_intent(message: Message, name: str, confidence: float, drop: Optional[str] = None) -> None:
    message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in (name, drop)]
    message.set(
        INTENT_RANKING_KEY,
        [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}] + ranking,
        add_to_output=True,
    )
