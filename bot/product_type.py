"""Whether the product is a medicine or a medical device (contract slot
`product_type`), from the words people use for the product: a form ("eye
drops"), a kind ("monoclonal antibody", "stent"), another language
("médicament"), with typing mistakes ("divice"). Vocabularies are data
(`data/lexicon/product_type.yml`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import yaml

from bot.authorisation import load_vocabulary
from bot.config import PROJECT_ROOT
from bot.places import fold
from bot.spelling import ends_a_compound, long_single_words, meant
from bot.yaml_words import strings_only

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "product_type.yml"
VALUES = ("medicine", "medical_device")
FUZZY_SCORE, FUZZY_MIN_LENGTH = 80, 6


@dataclass(frozen=True)
class Kind:
    value: str
    phrases: Tuple[Tuple[str, ...], ...]
    typos: Tuple[str, ...]
    # The last part of a German or Dutch compound that names the kind:
    # "Herzunterstützungssystem", "Insulinpumpe", "Krebsmedikament".
    heads: Tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_kinds(path: Path = LEXICON) -> Tuple[Kind, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = []
    heads = data.get("compound_heads") or {}
    for value in VALUES:
        words = [fold(str(w)) for w in data[value]]
        kinds.append(Kind(value, tuple(tuple(_words(w)) for w in words), long_single_words(words, FUZZY_MIN_LENGTH),
                          tuple(fold(str(h)) for h in heads.get(value) or ())))
    return tuple(kinds)


def _words(text: str) -> List[str]:
    return re.findall(r"[a-z0-9]+", fold(text or "").replace("'", " "))


@dataclass(frozen=True)
class NotA:
    negations: FrozenSet[str]
    determiners: Tuple[Tuple[str, ...], ...]  # longest first


@lru_cache(maxsize=2)
def load_not_a(path: Path = LEXICON) -> NotA:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["not_a"]
    strings_only(data, f"{path}: not_a")
    determiners = sorted({tuple(_words(d)) for d in data["determiners"]}, key=len, reverse=True)
    return NotA(frozenset(fold(w) for w in data["negations"]), tuple(determiners))


def _after_not_a(words: List[str], i: int) -> bool:
    """The word at `i` follows "not a", "the device is not the", "no": it counts for nothing."""
    lex = load_not_a()
    before = words[max(0, i - 3):i]
    for determiner in lex.determiners:
        if len(before) > len(determiner) and tuple(before[-len(determiner):]) == determiner:
            before = before[:-len(determiner)]
            break
    return bool(before) and before[-1] in lex.negations


def _positions(words: List[str], kind: Kind, others: Tuple[str, ...]) -> List[int]:
    """Where the words name `kind` (the first word of a phrase)."""
    found = []
    for i in range(len(words)):
        if _after_not_a(words, i):
            continue  # "not a device"
        word = words[i]
        if any(tuple(words[i:i + len(p)]) == p for p in kind.phrases) \
                or (word not in others and ends_a_compound(word, kind.heads)) \
                or (len(word) >= FUZZY_MIN_LENGTH and word not in others and meant(word, kind.typos, FUZZY_SCORE)):
            found.append(i)
    return found


@lru_cache(maxsize=2)
def _known_words(path: Path = LEXICON) -> Tuple[str, ...]:
    """Every word of both vocabularies: never read as a typo of another."""
    return tuple(w for k in load_kinds(path) for p in k.phrases for w in p)


def read_product_type(text: str) -> Optional[str]:
    """'medicine', 'medical_device', or None when the message names neither or both."""
    words = _words(text)
    found = {k.value: _positions(words, k, _known_words()) for k in load_kinds()}
    # A medicine word right before a device's noun says what the device
    # delivers: "closed-loop insulin system (the hardware)", "a drug-eluting
    # stent" (blind pool 53).
    device = found.get("medical_device") or []
    found["medicine"] = [i for i in found.get("medicine") or [] if not any(i <= d <= i + 2 for d in device)]
    named = [value for value, positions in found.items() if positions]
    return named[0] if len(named) == 1 else None


@dataclass(frozen=True)
class InPassing:
    determiners: frozenset
    kinds: Tuple[Tuple[str, Tuple[Tuple[str, ...], ...]], ...]
    not_before: frozenset
    # Words right after a product word that name it without an article
    # ("médicament sans AMM en France", "Médicament : AMM dans le myélome").
    before_status: frozenset = frozenset()
    # Words that name the product with no article before them: a definite
    # ending ("legemiddelet", "läkemedlet") or a language without articles ("lek").
    article_in_word: frozenset = frozenset()
    # The verb after a sentence's first word that makes it the subject ("is", "ist", "est").
    copulas: frozenset = frozenset()


@lru_cache(maxsize=2)
def _in_passing(path: Path = LEXICON) -> InPassing:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["in_passing"]
    return InPassing(
        frozenset(fold(str(w)) for w in data["determiners"]),
        tuple((value, tuple(tuple(_words(str(p))) for p in data[value])) for value in VALUES),
        frozenset(fold(str(w)) for w in data["not_before"]),
        frozenset(fold(str(w)) for w in data.get("before_status") or ()),
        frozenset(fold(str(w)) for w in data.get("article_in_word") or ()),
        frozenset(fold(str(w)) for w in data.get("copulas") or ()),
    )


@lru_cache(maxsize=1)
def _status_words() -> FrozenSet[str]:
    """The one-word status terms of the authorisation vocabulary: after a
    product word, or later in a sentence it opens, they make it the product
    ("Farmaco autorizzato per questa indicazione", "Arzneimittel in
    Österreich für keine Indikation zugelassen": pool 47)."""
    vocabulary = load_vocabulary()
    return frozenset(w for w in vocabulary.approval + vocabulary.unapproved + vocabulary.available
                     if re.fullmatch(r"[a-z0-9]+", w))


def product_named_in_passing(text: str) -> Optional[str]:
    """The kind named with an article outside the product question ("je
    cherche un médicament qui..."), or None when neither or both are."""
    lex = _in_passing()
    words = _words(text)
    named = set()
    for i in range(len(words)):
        if i and _after_not_a(words, i):
            continue
        after_article = i > 0 and words[i - 1] in lex.determiners
        for value, phrases in lex.kinds:
            for phrase in phrases:
                end = i + len(phrase)
                if tuple(words[i:end]) != phrase:
                    continue
                if (after_article or " ".join(phrase) in lex.article_in_word) \
                        and (end >= len(words) or words[end] not in lex.not_before):
                    named.add(value)
                elif end < len(words) and (words[end] in lex.before_status or words[end] in _status_words()):
                    named.add(value)
    # A sentence that opens with the product word as its subject, no article:
    # "Geneesmiddel is in België geregistreerd", "Drug is licensed for ..."
    # (development pool 42)
    for sentence in re.split(r"[.!?;\n]+", text or ""):
        words = _words(sentence)
        for value, phrases in lex.kinds:
            for phrase in phrases:
                size = len(phrase)
                if tuple(words[:size]) == phrase and len(words) > size and (
                        words[size] in lex.copulas
                        or (words[size] not in lex.not_before and set(words[size:]) & _status_words())):
                    named.add(value)
    return named.pop() if len(named) == 1 else None
