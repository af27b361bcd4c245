"""A learned reading of whether a message reports harm, beside the
detector's vocabularies (bot/harm.py). It replaces the intent classifier's
word on reports: the intent classifier learns twenty intents from a few
hundred examples each, and on the blind safety sets it took a third of the
ordinary messages about side effects, the disease or other products for
reports. This reader learns one thing from several thousand labelled
messages: the development safety sets and conversation pools
(data/lexicon/harm_examples.yml) and the assistant's own NLU examples
(report_adverse_event against every other intent but emergency, which is
an urgent need, not a report).

Word and character n-grams (TF-IDF) with a logistic regression from
scikit-learn (installed with Rasa, pinned in requirements.txt). Reports
weigh more than non-reports in training: a missed report is the worse
error. Settings chosen by leaving one development set out at a time
(bench/safety_reader_cv.py, BENCHMARKS.md).

Either reader is enough: the detector's finding alone still makes a report
(rasa_plugins/harm_detector.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, List, Tuple

import yaml

from bot.config import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "data" / "lexicon" / "harm_examples.yml"
# Chosen on the development sets, one left out at a time (3, 10, 30 tried).
C = 10.0
# How much more a report weighs than a non-report (1, 2, 3 tried).
REPORT_WEIGHT = 2.0
# A message is a report from this probability on (0.25 to 0.7 tried). 0.35
# since the reader learnt every development set (twenty-seventh session):
# leaving each of the 19 out in turn, it lost no death or life-threatening
# event that 0.3 caught, with false alarms 0.116 against 0.128; 0.4 lost one.
THRESHOLD = 0.35
# Shorter messages with no harm word are answers, not reports: the reader
# is not asked ("bang on", "in the United Kingdom"); none of the
# development sets' reports was that short without a harm word.
MIN_WORDS_WITHOUT_HARM_WORD = 6
REPORT_INTENT = "report_adverse_event"
EMERGENCY_INTENT = "emergency"


def asked(text: str, harm_words: int) -> bool:
    """Whether the reader is asked about a message: not about a short answer
    in which the detector saw no harm word."""
    return harm_words > 0 or len(text.split()) >= MIN_WORDS_WITHOUT_HARM_WORD


@dataclass(frozen=True)
class HarmReader:
    model: Any

    def probability(self, text: str) -> float:
        """How likely the message reports harm, from 0 to 1."""
        return float(self.model.predict_proba([_prepare(text)])[0][1])


def _prepare(text: str) -> str:
    return " ".join(text.lower().split())


def read_examples(path: Path = EXAMPLES) -> List[Tuple[str, bool]]:
    """(text, is_report) pairs from a file with `reports` and `non_reports`
    lists and, optionally, `conversation` (answers and openings) and
    `questions` (about the schemes and the programme) that report nothing."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out = []
    for key, is_report in (("reports", True), ("non_reports", False), ("conversation", False), ("questions", False)):
        for i, text in enumerate(data.get(key) or ()):
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}: {key}[{i}]: needs a text")
            out.append((text, is_report))
    if not any(r for _, r in out) or all(r for _, r in out):
        raise ValueError(f"{path}: needs both reports and non-reports")
    return out


def with_intent_examples(
    examples: Iterable[Tuple[str, bool]], intent_examples: Iterable[Tuple[str, str]]
) -> List[Tuple[str, bool]]:
    """The safety messages and the assistant's own (text, intent) examples:
    reports against every other intent but emergency (an urgent need, not a
    report), so that short answers, names and questions are read as what
    they are."""
    return list(examples) + [
        (text, intent == REPORT_INTENT) for text, intent in intent_examples if text and intent != EMERGENCY_INTENT
    ]


def train(examples: Iterable[Tuple[str, bool]]) -> HarmReader:
    """A reader from (text, is_report) pairs. Deterministic: same data, same model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    pairs = list(examples)
    if len({is_report for _, is_report in pairs}) < 2:
        raise ValueError("the harm reader needs reports and non-reports to learn from")
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        # Character n-grams carry typos, inflections and the other languages'
        # word forms (décédé/décès, murió/muerte).
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2),
    )
    model = make_pipeline(
        features, LogisticRegression(C=C, max_iter=3000, class_weight={False: 1.0, True: REPORT_WEIGHT})
    )
    model.fit([_prepare(text) for text, _ in pairs], [bool(is_report) for _, is_report in pairs])
    return HarmReader(model)
