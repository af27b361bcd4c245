"""NLU component: the safety readers on every message.

Placed after the intent classifiers in config.yml. Two readers decide
whether a message reports harm, and either is enough:
- the detector (bot/harm.py): vocabularies of harms, outcomes, quality
  problems and special situations kept in data, with negation, suppositions
  and whose product it was;
- the harm reader (bot/harm_reader.py): a classifier of one question, report
  or not, trained here with the model from the development safety sets and
  the NLU examples.
When either finds a report, the intent becomes report_adverse_event (unless
it already is, or is emergency), so the safety rules give the reporting
guidance first in every state and the tracker store flags the conversation
(flags come from intents). The intent classifier's report reading is kept
only when one of them agrees: alone it took a third of ordinary messages
about side effects, the disease or other products for reports
(BENCHMARKS.md, safety). A report reading the detector sees only supposed
("what if she had a seizure on it?") is set aside too.

An emergency reading needs a second word too: a harm the detector keeps, a
word of urgency, or the reader's ("Nee, geen studie mogelijk" was read as
an emergency). Beyond that it stays the intent classifier's, and the detector may
overrule it only on its explicit word: the message says all is well and
speaks of no urgency ("labs normal, no toxicity"; "his last chemo put him in
intensive care, before any of this"; "say he needs surgery"), within the
reasons and confidences in config.yml. Whatever happens, what the classifier
said, what the detector found and the reader's probability stay in the
message under `harm_detector`.

Without a trained reader (a component built by hand, or `reader: false`),
the intent classifier's report reading counts as a reader's."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import harm_reader
from bot.config import PROJECT_ROOT
from bot.handoff.requests import without_references
from bot.harm import Screening, screen, warm_up
from bot.harm_reader import HarmReader
from rasa_plugins.intents import set_intent

logger = logging.getLogger(__name__)

REPORT = harm_reader.REPORT_INTENT
EMERGENCY = harm_reader.EMERGENCY_INTENT
FALLBACK = "nlu_fallback"
KEY = "harm_detector"
READER_FILE = "harm_reader.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class HarmDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # Train the harm reader with the model and let it replace the
            # intent classifier's word on reports.
            "reader": True,
            # Its development messages, relative to the project (beside the NLU examples).
            "reader_examples": str(harm_reader.EXAMPLES.relative_to(PROJECT_ROOT)),
            # A message is a report from this probability on.
            "reader_threshold": harm_reader.THRESHOLD,
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

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
        reader: Optional[HarmReader] = None,
    ) -> None:
        self.config = config
        self.overrule = bool(config.get("overrule", True))
        self.fallback_threshold = float(config.get("fallback_threshold", 0.45))
        reasons = config.get("overrule_reasons")
        self.overrule_reasons: Optional[frozenset] = frozenset(reasons) if reasons is not None else None
        self.overrule_below = float(config.get("overrule_below", 1.01))
        self.overrule_always = frozenset(config.get("overrule_always") or ())
        self.reader_threshold = float(config.get("reader_threshold", harm_reader.THRESHOLD))
        self.reader = reader
        self._model_storage = model_storage
        self._resource = resource
        warm_up()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "HarmDetector":
        return cls({**cls.get_default_config(), **config}, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "HarmDetector":
        import joblib

        config = {**cls.get_default_config(), **config}
        reader = None
        if config.get("reader"):
            try:
                with model_storage.read_from(resource) as directory:
                    reader = HarmReader(joblib.load(Path(directory) / READER_FILE))
            except (ValueError, FileNotFoundError):
                # A model trained before the reader existed: the classifier's word counts.
                logger.warning("No trained harm reader in this model; the intent classifier's report reading counts.")
        return cls(config, model_storage, resource, reader)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        # The reader's examples are read from a file the graph does not know:
        # a change to them must retrain it.
        if not config.get("reader", True):
            return None
        path = _examples_path(config)
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None

    def train(self, training_data: TrainingData) -> Resource:
        if not self.config.get("reader"):
            return self._resource
        import joblib

        examples = harm_reader.with_intent_examples(
            harm_reader.read_examples(_examples_path(self.config)),
            ((message.get(TEXT), message.get(INTENT)) for message in training_data.intent_examples),
        )
        self.reader = harm_reader.train(examples)
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self.reader.model, Path(directory) / READER_FILE)
        return self._resource

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
        text = without_references(text)
        screening = screen(text)
        # The reader is asked only where its word can count: a safety reading to
        # confirm, or a message long enough or with a harm word (most messages are
        # short answers: "yes", "in Lyon"), which saves its n-grams on those.
        readable = harm_reader.asked(text, screening.mentions)
        wanted = readable or original in (REPORT, EMERGENCY)
        probability = self.reader.probability(text) if self.reader is not None and wanted else None
        record: Dict[str, Any] = {
            "original_intent": original,
            "finding": _finding(screening),
            "action": None,
        }
        if probability is not None:
            record["reader"] = round(probability, 4)
        supposed_only = bool(screening.dismissed) and set(screening.dismissed) <= self.overrule_always
        reader_found = probability is not None and probability >= self.reader_threshold and not supposed_only \
            and readable
        if probability is not None:
            record["reader_found"] = reader_found  # whose word made a report (bench/eval_safety.py)
        if screening.finding is not None and original == EMERGENCY and screening.urgent and not screening.exposed:
            # "ICU, he won't survive the week without treatment": an urgent need for
            # the product, not harm from it; the emergency route stays.
            record["action"] = "kept_emergency"
        elif screening.finding is not None:
            if original != REPORT:
                set_intent(message, REPORT, 1.0)
                record["action"] = "set_report_adverse_event"
        elif reader_found:
            if original not in (REPORT, EMERGENCY):
                set_intent(message, REPORT, 1.0)
                record["action"] = "set_report_adverse_event_by_reader"
        elif probability is not None and original == REPORT and screening.asks_how_to_report:
            # "I have to declare a side effect": no report yet, but the reporting
            # guidance is the answer.
            record["action"] = "kept_wish_to_report"
        elif probability is not None and original == REPORT:
            # Neither reader found a report: the classifier's reading alone is not one.
            self._overrule(message, original, record, ["no_reader_found_a_report"] + list(screening.dismissed))
        elif original == EMERGENCY and not screening.urgent and set(screening.dismissed) <= _NOT_TODAY \
                and probability is not None and probability < self.reader_threshold:
            # No word of urgency, no harm of today (none, or only harms of the past,
            # of another product, denied or supposed), and the reader sees no
            # report ("Nee, geen studie mogelijk", "we're praying for her",
            # "anaphylaxis to penicillin as a child"): the classifier's emergency
            # reading alone is not one, as its report reading alone is not. A grave
            # state with no product named ("his organs are failing, we need this
            # drug now") keeps it.
            self._overrule(message, original, record, ["no_harm_or_urgency"] + list(screening.dismissed))
        elif self.overrule and self._may_overrule(intent, screening) and _overruled(original, screening):
            self._overrule(message, original, record, list(screening.dismissed))
        message.set(KEY, record, add_to_output=True)

    def _overrule(self, message: Message, original: str, record: Dict[str, Any], reasons: List[str]) -> None:
        replacement = self._next_intent(message)
        set_intent(message, replacement["name"], replacement["confidence"], drop=original)
        record["action"] = f"overruled_{original}"
        record["reasons"] = sorted(set(reasons))

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


# Why the detector set a harm aside, when that harm is not today's: it
# is no second word for an emergency reading.
_NOT_TODAY = frozenset({"past", "other_product", "negated", "unrelated", "resolved", "hypothetical", "question",
                        "never_exposed", "planned", "reassured"})


def _examples_path(config: Dict[str, Any]) -> Path:
    return PROJECT_ROOT / config.get("reader_examples", harm_reader.EXAMPLES.relative_to(PROJECT_ROOT))


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
