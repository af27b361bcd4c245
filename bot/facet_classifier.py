"""A learned reading of the facet a question asks, beside the lexicon's
weighted phrases (bot/facets.py). Trained on the labelled development
questions in data/lexicon/facet_examples.yml: word and character n-grams
(TF-IDF) with a logistic regression from scikit-learn (installed with Rasa,
pinned in requirements.txt).

Why: tested on a question set neither was developed on, the lexicon
alone read 0.81 of the facets, the classifier alone 0.90, the two added
together (bot/facets.py) 0.89-0.93 on three such sets (BENCHMARKS.md).
Training takes a few seconds, so it is done once per process: at the start
of the action server (services/action_server.py), else on first use."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple

import yaml

from bot.config import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "data" / "lexicon" / "facet_examples.yml"
# Regularisation chosen on the development sets (3, 10, 30, 100 tried).
C = 30.0


@dataclass(frozen=True)
class FacetClassifier:
    model: Any
    labels: Tuple[str, ...]

    def probabilities(self, words: Sequence[str]) -> Dict[str, float]:
        """Facet -> probability for a question given as normalised words."""
        row = self.model.predict_proba([" ".join(words)])[0]
        return {label: float(p) for label, p in zip(self.labels, row)}


def read_examples(path: Path) -> List[Tuple[str, str]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out = []
    for i, item in enumerate(data.get("examples") or ()):
        if not isinstance(item, dict) or not item.get("text") or not item.get("facet"):
            raise ValueError(f"{path}: examples[{i}]: needs a text and a facet")
        out.append((str(item["text"]), str(item["facet"])))
    if not out:
        raise ValueError(f"{path}: no examples")
    return out


def train(examples: Iterable[Tuple[Sequence[str], str]]) -> FacetClassifier:
    """A classifier from (words, facet) pairs. Deterministic: same data, same model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    pairs = list(examples)
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        # Character n-grams carry what word forms share (submit/submission)
        # and survive the typos the speller leaves.
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2),
    )
    model = make_pipeline(features, LogisticRegression(C=C, max_iter=3000))
    model.fit([" ".join(words) for words, _ in pairs], [facet for _, facet in pairs])
    return FacetClassifier(model, tuple(str(c) for c in model.classes_))


@lru_cache(maxsize=4)
def _trained(path: Path, speller: Any) -> FacetClassifier:
    from bot.phrases import normalise

    return train((speller.correct(normalise(text)), facet) for text, facet in read_examples(path))


def classifier_for(speller: Any, path: Path = EXAMPLES) -> FacetClassifier:
    """The classifier trained on `path`, its questions read with the same
    speller as the questions it will be asked (one per speller and file)."""
    return _trained(Path(path), speller)
