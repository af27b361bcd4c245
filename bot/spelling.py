"""Typing mistakes: which known word a typed word was meant to be (rapidfuzz),
and German and Dutch compounds, whose last part is the known word. Shared by
the readers of places, roles, the product's kind and its status."""
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


# A compound's first part is a word of its own: "Neuro" + "chirurg", "Herz" + "pumpe".
COMPOUND_FIRST_PART = 4


def ends_a_compound(word: str, heads: Iterable[str]) -> bool:
    """`word` is a compound whose last part is one of `heads`
    ("onderzoeksverpleegkundige", "Insulinpumpe")."""
    return any(len(word) >= len(head) + COMPOUND_FIRST_PART and word.endswith(head) for head in heads)
