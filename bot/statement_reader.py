"""A learned reading of which yes/no fact a clause states, beside the
anchors of bot/statements.py. Openings that state every fact lost most of
their yes/no facts to those anchors: "pronostic vital engagé", "Er hat das
Präparat noch nie erhalten", "she has used the device before" each hold no
anchor the lexicon's authors thought of, so the assistant asked again what
it had been told (up to seven questions after such an opening).

The reader learns one thing, which fact a clause is about, from the
answers people gave to each question in the development conversation
pools (data/lexicon/statement_examples.yml, built by
scripts/build_statement_examples.py): the answers to the trial question
are about the trial, whatever their words. Whether the clause says yes or
no is left to the tested polarity rules (bot/polarity.clause_polarity:
negations, negative words, phrases that affirm), which the classifier's
n-grams read less well ("it's serious" next to "it's not serious").

Word and character n-grams (TF-IDF) with a logistic regression from
scikit-learn, as the harm and facet readers. Settings chosen by leaving one
development pool out at a time (bench/statement_reader_cv.py, BENCHMARKS.md).
Training takes a few seconds: once per process, at the action server's
start (services/action_server.py), else on first use."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.places import fold
from bot.polarity import AnswerLexicon, answer_to, clause_polarity, clauses, load_lexicon

EXAMPLES = PROJECT_ROOT / "data" / "lexicon" / "statement_examples.yml"
NONE = "none"
# A clause is about a fact from this probability on (0.5, 0.6, 0.7, 0.8 tried
# with one development pool left out at a time: at 0.7 the openings' yes/no
# facts read right went from 78.8% to 86.0%, read wrong from 0.41% to 0.52%).
THRESHOLD = 0.7
# Two-word clauses ("no trial") are left to the rules: which trial?
MIN_WORDS = 3
# Regularisation, as the other readers (3, 10, 30 tried).
C = 10.0


def prepare(text: str) -> str:
    """The form the reader sees: folded (accents and case), one space."""
    return " ".join(fold(text).replace("\u2019", "'").split())


@dataclass(frozen=True)
class StatementReader:
    model: Any
    labels: Tuple[str, ...]

    def about(self, clause_texts: List[str]) -> List[Tuple[Optional[str], float]]:
        """For each clause, the fact it is most likely about (None for none of
        them) and that probability."""
        if not clause_texts:
            return []
        out = []
        for row in self.model.predict_proba(clause_texts):
            best = max(zip(self.labels, row), key=lambda pair: pair[1])
            out.append((None if best[0] == NONE else best[0], float(best[1])))
        return out


def read_examples(path: Path = EXAMPLES) -> List[Tuple[str, str]]:
    """(text, fact or "none") pairs from a file with `facts` (fact -> texts)
    and `none` (texts about no yes/no fact)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out = [(str(text), fact) for fact, texts in (data.get("facts") or {}).items() for text in texts or ()]
    out += [(str(text), NONE) for text in data.get("none") or ()]
    if len({label for _, label in out}) < 2 or not any(label == NONE for _, label in out):
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
    model.fit([prepare(text) for text, _ in pairs], [label for _, label in pairs])
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
) -> Dict[str, bool]:
    """Slot -> value for the yes/no facts the message's clauses state, as the
    reader finds the fact and the polarity rules its value; never `skip`
    (the open question, read by bot/polarity.answer_to). A fact two clauses
    state both ways is not read."""
    if not text or text.startswith("/"):
        return {}
    lex = lexicon or load_lexicon()
    reader = reader or reader_for()
    seen: Dict[str, Set[bool]] = defaultdict(set)
    for sentence in _SENTENCES.findall(text):
        parts = [words for _, words in clauses(sentence, lex) if len(words) >= MIN_WORDS]
        for words, (slot, probability) in zip(parts, reader.about([" ".join(words) for words in parts])):
            if slot is None or slot == skip or probability < threshold or slot not in lex.topics:
                continue
            # The sentence's say, as for an answer: "not life-threatening but
            # seriously debilitating" is serious; else the clause's own.
            value = answer_to(slot, sentence, lex)
            if value is None:
                value = clause_polarity(lex.topics[slot], words, lex)
            if value is not None:
                seen[slot].add(value)
    return {slot: values.pop() for slot, values in seen.items() if len(values) == 1}


_SENTENCES = re.compile(r"[^.;!?\n]+[.;!?\n]*")
