"""Phrases matched on normalised words, for vocabularies kept in data.

A message is read as a list of words: lower case, accents removed,
punctuation as a space, "'s" dropped. A phrase is a list of places, each
one or more alternatives ("a|b"); a word ending in "*" matches any word that
starts with it, "<NAME>" stands for any word of the concept NAME (a list of
words kept with the phrases), and "..." lets up to GAP words come in
between ("..": up to SHORT_GAP words). Words that
no phrase knows are read as their closest known word when that is a likely
typo (rapidfuzz)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from rapidfuzz import process
from rapidfuzz.distance import OSA

GAP = 8  # words a "..." may skip
SHORT_GAP = 3  # words a ".." may skip
# A label's score adds up its best phrases, at most this many: many small
# hits for one label do not outweigh two strong ones for another.
MAX_EVIDENCE = 2
TYPO_MIN_LENGTH = 4  # shorter words are too easily confused
TYPO_TWO_EDITS_LENGTH = 9  # from this length, two edits make a typo (one below)
_SPLIT = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> List[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    return [w for w in _SPLIT.split(text) if w]


@dataclass(frozen=True)
class Place:
    """One word place of a phrase: its alternatives (prefix ones end in *)."""

    words: Tuple[str, ...]
    prefixes: Tuple[str, ...]

    def matches(self, word: str) -> bool:
        return word in self.words or any(word.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Phrase:
    text: str
    places: Tuple[Union[Place, int], ...]  # an int is a gap: how many words it may skip

    @classmethod
    def parse(cls, text: str, concepts: Optional[Mapping[str, Sequence[str]]] = None) -> "Phrase":
        places: List[Any] = []
        for token in str(text).split():
            if token in ("...", ".."):
                places.append(GAP if token == "..." else SHORT_GAP)
                continue
            words, prefixes = [], []
            alternatives: List[str] = []
            for alt in token.split("|"):
                if alt.startswith("<") and alt.endswith(">"):
                    if not concepts or alt[1:-1] not in concepts:
                        raise ValueError(f"unknown concept {alt} in {text!r}")
                    alternatives += list(concepts[alt[1:-1]])
                else:
                    alternatives.append(alt)
            for alt in alternatives:
                prefix = alt.endswith("*")
                for word in normalise(alt.rstrip("*")):
                    (prefixes if prefix else words).append(word)
            # "e-saturne" is two words: a place per word.
            if len(words) > 1 and not prefixes and "|" not in token and "<" not in token:
                places.extend(Place((w,), ()) for w in words)
            elif words or prefixes:
                places.append(Place(tuple(words), tuple(prefixes)))
        if not places or isinstance(places[0], int) or isinstance(places[-1], int):
            raise ValueError(f"bad phrase {text!r}")
        return cls(str(text), tuple(places))

    def find(self, words: Sequence[str], start: int = 0) -> Optional[Tuple[int, int]]:
        """(first, last + 1) of the first match at or after `start`."""
        for i in self._starts(words, start):
            end = self._match_from(words, i + 1, 1)
            if end is not None:
                return i, end
        return None

    def _starts(self, words: Sequence[str], start: int) -> List[int]:
        """Positions from `start` where the first place matches: found through
        an index of the message's words, so the many phrases that cannot
        start anywhere in it cost a few lookups."""
        first = self.places[0]
        index = _positions(tuple(words))
        starts = [i for w in first.words for i in index.get(w, ()) if i >= start]
        if first.prefixes:
            starts += [i for i in range(start, len(words))
                       if words[i] not in first.words and words[i].startswith(first.prefixes)]
        return sorted(starts)

    def find_all(self, words: Sequence[str]) -> List[Tuple[int, int]]:
        out, start = [], 0
        while True:
            hit = self.find(words, start)
            if hit is None:
                return out
            out.append(hit)
            start = hit[0] + 1

    def _match_from(self, words: Sequence[str], i: int, k: int) -> Optional[int]:
        if k == len(self.places):
            return i
        place = self.places[k]
        if isinstance(place, int):
            for skip in range(place + 1):
                end = self._match_from(words, i + skip, k + 1)
                if end is not None:
                    return end
            return None
        if i < len(words) and place.matches(words[i]):
            return self._match_from(words, i + 1, k + 1)
        return None

    def vocabulary(self) -> Iterable[str]:
        for place in self.places:
            if isinstance(place, Place):
                yield from place.words

    def prefixes(self) -> Iterable[str]:
        for place in self.places:
            if isinstance(place, Place):
                yield from place.prefixes


@lru_cache(maxsize=64)
def _positions(words: Tuple[str, ...]) -> Dict[str, Tuple[int, ...]]:
    index: Dict[str, List[int]] = {}
    for i, word in enumerate(words):
        index.setdefault(word, []).append(i)
    return {word: tuple(at) for word, at in index.items()}


def phrases(raw: Iterable[str], concepts: Optional[Mapping[str, Sequence[str]]] = None) -> Tuple[Phrase, ...]:
    return tuple(Phrase.parse(p, concepts) for p in raw)


@dataclass(frozen=True)
class Weighted:
    """Label -> weighted phrases; a label's score is the sum of the weights
    of its phrases found."""

    entries: Mapping[str, Tuple[Tuple[Phrase, float], ...]]

    @classmethod
    def parse(cls, raw: Mapping[str, Mapping[int, Sequence[str]]], where: str,
              concepts: Optional[Mapping[str, Sequence[str]]] = None) -> "Weighted":
        entries: Dict[str, Tuple[Tuple[Phrase, float], ...]] = {}
        for label, by_weight in (raw or {}).items():
            if not isinstance(by_weight, Mapping):
                raise ValueError(f"{where}: {label}: expected WEIGHT: [phrases]")
            items = []
            for weight, texts in by_weight.items():
                try:
                    items += [(Phrase.parse(t, concepts), float(weight)) for t in texts]
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"{where}: {label}: {exc}") from exc
            entries[str(label)] = tuple(items)
        return cls(entries)

    def scores(self, words: Sequence[str]) -> Dict[str, float]:
        """Label -> score. Phrases of one label that match overlapping words
        count once (the heaviest): synonyms and variants of one pattern do
        not add up, separate evidence does."""
        out: Dict[str, float] = {}
        for label, items in self.entries.items():
            hits = [(weight, hit) for phrase, weight in items for hit in [phrase.find(words)] if hit]
            covered: set = set()
            kept: List[float] = []
            for weight, (start, end) in sorted(hits, key=lambda h: (-h[0], h[1][0] - h[1][1])):
                span = set(range(start, end))
                if span & covered:
                    continue
                covered |= span
                kept.append(weight)
            if kept:
                out[label] = sum(kept[:MAX_EVIDENCE])
        return out

    def first_position(self, label: str, words: Sequence[str]) -> Optional[int]:
        hits = [h[0] for phrase, _ in self.entries.get(label, ()) for h in [phrase.find(words)] if h]
        return min(hits) if hits else None

    def all_phrases(self) -> Iterable[Phrase]:
        for items in self.entries.values():
            for phrase, _ in items:
                yield phrase


@lru_cache(maxsize=1)
def english_words() -> frozenset:
    """English words (pyspellchecker's frequency list): a real word such as
    "fixed" is never read as a typo of a known one ("filed")."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)


class Speller:
    """Reads an unknown word as the known word it is a likely typo of."""

    def __init__(self, known: Iterable[str], prefixes: Iterable[str] = (), keep: Iterable[str] = (),
                 real_words: Iterable[str] = ()):
        self.known = sorted({w for w in known if len(w) >= 3} | {p for p in prefixes if len(p) >= 4})
        self.exact = set(self.known) | set(keep) | set(real_words)
        self.prefixes = tuple(sorted({p for p in prefixes if len(p) >= 3}))
        self._cache: Dict[str, str] = {}

    def correct(self, words: Sequence[str]) -> List[str]:
        return [self._one(w) for w in words]

    def _one(self, word: str) -> str:
        if len(word) < TYPO_MIN_LENGTH or word in self.exact or word.isdigit() or word.startswith(self.prefixes):
            return word
        if word not in self._cache:
            # One edit (two in long words), a swap of two letters counting as one.
            edits = 1 if len(word) < TYPO_TWO_EDITS_LENGTH else 2
            best = process.extractOne(word, self.known, scorer=OSA.distance, score_cutoff=edits)
            # A known word inside this one is a derived word, not a typo:
            # "unauthorised" is not "authorised".
            self._cache[word] = best[0] if best and best[0] not in word else word
        return self._cache[word]
