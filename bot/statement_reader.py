"""A learned reading of which yes/no fact a clause states, beside the
anchors of bot/statements.py. Openings that state every fact lost most of
their yes/no facts to those anchors: "pronostic vital engagé", "Er hat das
Präparat noch nie erhalten", "she has used the device before" each hold no
anchor the lexicon's authors thought of, so the assistant asked again what
it had been told (up to seven questions after such an opening).

The reader learns which fact a clause is about, and which way, from the
answers people gave to each question in the development conversation
pools (data/lexicon/statement_examples.yml, built by
scripts/build_statement_examples.py): the answers to the trial question
are about the trial, whatever their words. Whether the clause says yes or
no is the tested polarity rules' word (bot/polarity.clause_polarity:
negations, negative words, phrases that affirm); the classifier's own
reading of the value, which n-grams give less well ("it's serious" next to
"it's not serious"), can only veto it: a clause is read only when both
agree, since a fact read wrong costs the outcome and a fact missed one
more question.

Word and character n-grams (TF-IDF) with a logistic regression from
scikit-learn, as the harm and facet readers. Settings chosen by leaving one
development pool out at a time (bench/statement_reader_cv.py, BENCHMARKS.md).
Training takes a few seconds: once per process, at the action server's
start (services/action_server.py), else on first use."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.places import fold
from bot.polarity import AnswerLexicon, answer_to, clause_polarity, clauses, load_lexicon, sentences

EXAMPLES = PROJECT_ROOT / "data" / "lexicon" / "statement_examples.yml"
NONE = "none"
# A clause is about a fact from this probability on (0.5 to 0.8 tried with one
# development pool left out at a time, bench/statement_reader_cv.py). With the
# veto of a value the reader finds less likely, at 0.6 the openings' yes/no
# facts read right go from 75.9% (anchors alone) to 82.9% and read wrong from
# 27 to 28 of 5,487; without the veto (0.7) wrong rose to 37.
THRESHOLD = 0.6
# Two-word clauses ("no trial") are left to the rules: which trial?
MIN_WORDS = 3
# Regularisation, as the other readers (3, 10, 30 tried).
C = 10.0


def prepare(text: str) -> str:
    """The form the reader sees: folded (accents and case), one space."""
    return " ".join(fold(text).replace("\u2019", "'").split())


def label(slot: str, value: bool) -> str:
    """The class of a clause that states `slot` is `value`."""
    return f"{slot}={'true' if value else 'false'}"


@dataclass(frozen=True)
class Reading:
    """What the reader makes of one clause: the fact it is most likely about
    (None for none), that probability (both values together), and the
    probability of each value."""
    slot: Optional[str]
    probability: float
    values: Dict[bool, float]


@dataclass(frozen=True)
class StatementReader:
    model: Any
    labels: Tuple[str, ...]

    def about(self, clause_texts: List[str]) -> List[Reading]:
        if not clause_texts:
            return []
        out = []
        for row in self.model.predict_proba([prepare(text) for text in clause_texts]):
            by_slot: Dict[str, Dict[bool, float]] = defaultdict(dict)
            for name, p in zip(self.labels, row):
                slot, _, value = name.partition("=")
                by_slot[slot][value == "true"] = float(p)
            slot, values = max(by_slot.items(), key=lambda item: sum(item[1].values()))
            out.append(Reading(None if slot == NONE else slot, sum(values.values()), dict(values)))
        return out


def read_examples(path: Path = EXAMPLES) -> List[Tuple[str, str]]:
    """(text, "slot=true", "slot=false" or "none") pairs from a file with
    `facts` (fact -> value -> texts) and `none` (texts about no yes/no fact)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not all(isinstance(by_value, dict) for by_value in (data.get("facts") or {}).values()):
        raise ValueError(f"{path}: each fact maps its values (true, false) to texts")
    out = [(str(text), label(slot, bool(value)))
           for slot, by_value in (data.get("facts") or {}).items()
           for value, texts in (by_value or {}).items() for text in texts or ()]
    out += [(str(text), NONE) for text in data.get("none") or ()]
    if len({name for _, name in out}) < 2 or not any(name == NONE for _, name in out):
        raise ValueError(f"{path}: needs texts for facts and for none")
    return out


def train(examples: Iterable[Tuple[str, str]]) -> StatementReader:
    """A reader from (text, fact or "none") pairs. Deterministic: same data, same model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    pairs = list(examples)
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        # Character n-grams carry typos, inflections and other languages' forms.
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2),
    )
    model = make_pipeline(features, LogisticRegression(C=C, max_iter=3000))
    model.fit([prepare(text) for text, _ in pairs], [name for _, name in pairs])
    return StatementReader(model, tuple(str(c) for c in model.classes_))


@lru_cache(maxsize=2)
def reader_for(path: Path = EXAMPLES) -> StatementReader:
    return train(read_examples(path))


def warm_up() -> None:
    reader_for()


def stated_by_reader(
    text: str,
    skip: Optional[str] = None,
    reader: Optional[StatementReader] = None,
    lexicon: Optional[AnswerLexicon] = None,
    threshold: float = THRESHOLD,
    agree: bool = True,
) -> Dict[str, bool]:
    """Slot -> value for the yes/no facts the message's clauses state, as the
    reader finds the fact and the polarity rules its value, when the reader
    does not find the other value likelier (`agree`); never `skip` (the open
    question, read by bot/polarity.answer_to). A fact two clauses state both
    ways is not read."""
    if not text or text.startswith("/"):
        return {}
    lex = lexicon or load_lexicon()
    reader = reader or reader_for()
    seen: Dict[str, Set[bool]] = defaultdict(set)
    # Every clause of the message in one call to the classifier (most of its cost).
    parts = [(sentence, words) for sentence in sentences(text)
             for _, words in clauses(sentence, lex) if len(words) >= MIN_WORDS]
    readings = reader.about([" ".join(words) for _, words in parts])
    for (sentence, words), reading in zip(parts, readings):
        slot = reading.slot
        if slot is None or slot == skip or reading.probability < threshold or slot not in lex.topics:
            continue
        # The sentence's say, as for an answer: "not life-threatening but
        # seriously debilitating" is serious; else the clause's own.
        own = clause_polarity(lex.topics[slot], words, lex)
        value = answer_to(slot, sentence, lex)
        if value is None:
            value = own
        if value is None:
            continue
        seen[slot].add(value)
        # The reader's value against the clause's own (in "not life-threatening,
        # but seriously disabling" the first clause's no is the sentence's yes).
        checked = value if own is None else own
        if agree and reading.values.get(checked, 0.0) < reading.values.get(not checked, 0.0):
            seen[slot].add(not value)  # the reader and the rules disagree: not read
    return {slot: values.pop() for slot, values in seen.items() if len(values) == 1}

