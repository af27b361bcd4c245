"""Typing mistakes: which known word a typed word was meant to be (rapidfuzz).
Shared by the readers of places, roles and the product's status."""
from __future__ import annotations

from typing import Iterable, Optional, Tuple

from rapidfuzz import fuzz, process


def long_single_words(vocabulary: Iterable[str], min_length: int) -> Tuple[str, ...]:
    """The one-word entries long enough to be matched despite a mistake."""
    return tuple(sorted(w for w in vocabulary if " " not in w and len(w) >= min_length))


def meant(word: str, candidates: Iterable[str], score: int) -> Optional[str]:
    """The candidate `word` is a mistyped form of, if one is at least `score`
    similar (0-100). Typing mistakes rarely change the first letter; requiring
    it keeps ordinary words apart ("trained" is not "Ukraine")."""
    match = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=score)
    return match[0] if match and match[0][:1] == word[:1] else None
