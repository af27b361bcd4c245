"""What a precise question asks: which scheme (by name, French name, acronym,
alias, former name, channel word, or described: "the named-patient route in
France"), which facet ("who pays", "how long is it valid"), and which of the
facet's facts. The vocabularies are data (data/lexicon/questions.yml); the
schemes' names come from the knowledge base."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.facet_classifier import classifier_for
from bot.knowledge import Fact, KnowledgeBase, Scheme
from bot.phrases import Phrase, Speller, Weighted, english_words, normalise, phrases
from bot.retrieval import FactIndex, build_index, content_stems

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "questions.yml"
# A scheme named with less than this (one weak word) is not taken as named.
SCHEME_MIN_SCORE = 3.0
FACET_MIN_SCORE = 3.0
# Content shared with a facet's facts (bot/retrieval.py) picks the facet only
# when the lexicon finds none: added to the lexicon's scores it did worse on
# the development questions (it let a fact's topic outweigh the question's
# own words). The IDF of one rare shared word is about 4.
CONTENT_MIN_SCORE = 3.0
TOPIC_MIN_SCORE = 5.0
# The learned facet reader (bot/facet_classifier.py) adds its probability
# times LEARNED_WEIGHT to the lexicon's scores. Trained without one
# development set and tested on it (three sets), 12, 16 and 20 gave the same
# mean (0.90, against 0.81-0.89 for the lexicon alone); 12 lets the lexicon's
# surest phrases (9) win over a split classifier. Alone, it decides only when it is
# at least LEARNED_MIN_PROBABILITY sure (below, it was right half the time).
LEARNED_WEIGHT = 12.0
LEARNED_MIN_PROBABILITY = 0.3
# Scores of what the knowledge base names: a national scheme's own names, the
# programme's (generic terms such as "compassionate use"), a channel or other
# word of the scheme.
NAME_WEIGHT, PROGRAMME_NAME_WEIGHT, CHANNEL_WEIGHT, COUNTRY_WEIGHT, AUTHORITY_WEIGHT = 10.0, 3.0, 3.0, 2.0, 3.0
COMPARISON_FACTOR = 0.3  # "a PUT-SP like AACs" is not about the AAC


@dataclass(frozen=True)
class QuestionLexicon:
    path: Path
    raw: Mapping[str, Any]
    stopwords: Tuple[str, ...]
    wh_words: Tuple[str, ...]
    alternative_words: Tuple[str, ...]
    comparison: Tuple[Phrase, ...]
    former_aware: Tuple[Phrase, ...]
    topics: Weighted
    facets: Weighted
    parts: Weighted
    fallback: Mapping[str, str]
    schemes: Weighted
    country_words: Mapping[str, Tuple[Phrase, ...]]
    general_forms: Tuple[Phrase, ...] = ()

    def facet_order(self) -> List[str]:
        return list(self.facets.entries)


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice (a second `8:` list would
    silently replace the first)."""


def _no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"line {node.start_mark.line + 1}: key(s) {twice} given twice")
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def read_lexicon(path: Path) -> Mapping[str, Any]:
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_StrictLoader)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc


def _section(data: Mapping[str, Any], key: str, path: Path) -> Any:
    if key not in data:
        raise ValueError(f"{path}: missing '{key}'")
    return data[key]


def concepts_of(data: Mapping[str, Any], path: Path) -> Dict[str, Tuple[str, ...]]:
    """The lexicon's concepts: NAME -> its words (one word each)."""
    concepts = {}
    for name, words in (data.get("concepts") or {}).items():
        bad = [w for w in words or () if not isinstance(w, str) or len(w.rstrip("*").split()) != 1]
        if bad or not words:
            raise ValueError(f"{path}: concepts: {name}: one word per entry, got {bad or words}")
        concepts[str(name)] = tuple(words)
    return concepts


@lru_cache(maxsize=4)
def load_question_lexicon(path: Path = LEXICON) -> QuestionLexicon:
    data = read_lexicon(path)
    concepts = concepts_of(data, path)
    facets = Weighted.parse(_section(data, "facets", path), f"{path}: facets", concepts)
    fallback = dict(data.get("fallback") or {})
    for a, b in fallback.items():
        if a not in facets.entries or b not in facets.entries:
            raise ValueError(f"{path}: fallback {a} -> {b}: both must be facets listed under 'facets'")
    return QuestionLexicon(
        path=Path(path),
        raw=data,
        stopwords=tuple(data.get("stopwords") or ()),
        wh_words=tuple(_section(data, "wh_words", path)),
        alternative_words=tuple(_section(data, "alternative_words", path)),
        comparison=phrases(_section(data, "comparison_words", path)),
        former_aware=phrases(_section(data, "former_aware", path)),
        topics=Weighted.parse(_section(data, "topics", path), f"{path}: topics", concepts),
        facets=facets,
        parts=Weighted.parse(_section(data, "parts", path), f"{path}: parts", concepts),
        fallback=fallback,
        schemes=Weighted.parse(_section(data, "schemes", path), f"{path}: schemes", concepts),
        country_words={str(c): phrases(ws) for c, ws in (data.get("country_words") or {}).items()},
        general_forms=phrases(data.get("general_forms") or (), concepts),
    )


def check_lexicon(lex: QuestionLexicon, kb: KnowledgeBase) -> None:
    """The lexicon's names agree with the knowledge base's."""
    facets = set(kb.facet_catalogue.labels)
    if set(lex.facets.entries) != facets:
        raise ValueError(f"{lex.path}: facets must be exactly the knowledge base's: {sorted(facets)}")
    unknown = set(lex.schemes.entries) - set(kb.schemes)
    if unknown:
        raise ValueError(f"{lex.path}: schemes: unknown scheme code(s) {sorted(unknown)}")


# --------------------------------------------------------------------------
# Names the knowledge base gives each scheme


@dataclass(frozen=True)
class SchemeNames:
    code: str
    names: Tuple[Phrase, ...]  # code, name, French name, aliases, former names
    weight: float
    channel_words: Tuple[re.Pattern, ...]
    words: Tuple[Phrase, ...]  # other words for it (protocols, channels)


def _name_phrases(texts: Sequence[str]) -> Tuple[Phrase, ...]:
    """A name as a phrase; its last word may take a plural "s" ("AACs")."""
    out = []
    for text in texts:
        words = normalise(text)
        if words:
            words[-1] = f"{words[-1]}|{words[-1]}s"
            out.append(Phrase.parse(" ".join(words)))
    return tuple(out)


CLAIM_SECTIONS = ("claims", "status", "actors", "speaker", "file_verbs", "decide_verbs", "obtain_verbs",
                  "other_channels", "phone_channels", "urgent_words", "request_from")


def _claim_phrases(lex: QuestionLexicon) -> List[Phrase]:
    """The phrases of the sections bot/premises.py reads."""
    out: List[Phrase] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            out.append(Phrase.parse(node, concepts_of(lex.raw, lex.path)))
        elif isinstance(node, Mapping):
            for key, value in node.items():
                if key != "files_as":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for section in CLAIM_SECTIONS:
        walk(lex.raw.get(section))
    return out


def answerable_schemes(kb: KnowledgeBase) -> List[Scheme]:
    """National schemes and the programme: the outcomes with facts of their own."""
    return [s for s in kb.schemes.values() if s.kind in ("national", "programme")]


@dataclass(frozen=True)
class Context:
    """What reading needs from one knowledge base, built once per base."""

    lexicon: QuestionLexicon
    names: Tuple[SchemeNames, ...]
    speller: Speller
    index: FactIndex
    name_words: FrozenSet[str] = frozenset()  # the words of the schemes' names


_CONTEXTS: Dict[int, Tuple[KnowledgeBase, Context]] = {}


def context_for(kb: KnowledgeBase, lexicon: Optional[QuestionLexicon] = None) -> Context:
    lex = lexicon or load_question_lexicon()
    cached = _CONTEXTS.get(id(kb))
    if cached and cached[0] is kb and cached[1].lexicon is lex:
        return cached[1]
    check_lexicon(lex, kb)
    names = []
    for s in answerable_schemes(kb):
        texts = [s.code, s.code.replace("_", " "), s.name, *s.aliases, *s.former_names]
        if s.local_name:
            texts.append(s.local_name)
        weight = PROGRAMME_NAME_WEIGHT if s.kind == "programme" else NAME_WEIGHT
        names.append(SchemeNames(s.code, _name_phrases(texts), weight, s.channel_words, _name_phrases(s.words)))
    vocabulary, prefixes = set(), set()
    for weighted in (lex.facets, lex.parts, lex.schemes, lex.topics):
        for phrase in weighted.all_phrases():
            vocabulary.update(phrase.vocabulary())
            prefixes.update(phrase.prefixes())
    for n in names:
        for phrase in n.names + n.words:
            vocabulary.update(phrase.vocabulary())
    for phrase in _claim_phrases(lex):  # so that a typo in a claim is read too
        vocabulary.update(phrase.vocabulary())
        prefixes.update(phrase.prefixes())
    name_words = frozenset(w for n in names for p in n.names for w in p.vocabulary())
    index = build_index(kb, [n.code for n in names], name_words)
    ctx = Context(lex, tuple(names), Speller(vocabulary, prefixes, keep=lex.stopwords, real_words=english_words()),
                  index, name_words)
    _CONTEXTS[id(kb)] = (kb, ctx)
    return ctx


# --------------------------------------------------------------------------
# Reading


def _compared(words: Sequence[str], start: int, lex: QuestionLexicon) -> bool:
    """Whether the words just before `start` make a comparison ("like AACs")."""
    before = words[max(0, start - 3):start]
    return any(p.find(before) is not None and p.find(before)[1] == len(before) for p in lex.comparison)


def scheme_scores(text: str, words: Sequence[str], ctx: Context) -> Dict[str, Tuple[float, int]]:
    """Scheme code -> (score, first position) for every scheme the words
    point at. Hits of one scheme on the same words count once (the
    heaviest): "non-CE-marked" is one mention of a device, not two."""
    lex = ctx.lexicon
    hits: Dict[str, List[Tuple[float, int, int]]] = {}

    def add(code: str, weight: float, span: Tuple[int, int]) -> None:
        factor = COMPARISON_FACTOR if _compared(words, span[0], lex) else 1.0
        hits.setdefault(code, []).append((weight * factor, span[0], span[1]))

    for n in ctx.names:
        for phrase in n.names:
            for span in phrase.find_all(words)[:1]:
                add(n.code, n.weight, span)
        for phrase in n.words:
            span = phrase.find(words)
            if span:
                add(n.code, CHANNEL_WEIGHT, span)
        if any(rx.search(text) for rx in n.channel_words) and not any(p.find(words) for p in n.words):
            hits.setdefault(n.code, []).append((CHANNEL_WEIGHT, len(words), len(words)))
    for code, items in lex.schemes.entries.items():
        for phrase, weight in items:
            span = phrase.find(words)
            if span:
                add(code, weight, span)
    out: Dict[str, Tuple[float, int]] = {}
    for code, found in hits.items():
        covered: set = set()
        total, first = 0.0, len(words)
        for weight, start, end in sorted(found, key=lambda h: (-h[0], h[1] - h[2])):
            span = set(range(start, end))
            if span and span & covered:
                continue
            covered |= span
            total += weight
            first = min(first, start)
        out[code] = (total, first)
    return out


def authorities_named(text: str, kb: KnowledgeBase) -> List[str]:
    """Authority codes the text names; a short name counts only in capitals
    ("HAS", not "has")."""
    found = []
    for code in kb.authority_codes:
        flags = 0 if len(code) <= 3 else re.IGNORECASE
        if code not in ("company", "none") and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text, flags):
            found.append(code)
    return found


def _authority_boost(text: str, words: Sequence[str], scores: Dict[str, Tuple[float, int]],
                     kb: KnowledgeBase) -> None:
    """Naming an authority points at the schemes it decides on."""
    for code in authorities_named(text, kb):
        for scheme in answerable_schemes(kb):
            if scheme.authority == code:
                score, first = scores.get(scheme.code, (0.0, len(words)))
                scores[scheme.code] = (score + AUTHORITY_WEIGHT, first)


def _country_boost(words: Sequence[str], scores: Dict[str, Tuple[float, int]], kb: KnowledgeBase,
                   lex: QuestionLexicon) -> None:
    for country, cues in lex.country_words.items():
        if any(p.find(words) for p in cues):
            for code, (score, first) in list(scores.items()):
                if kb.schemes[code].country == country:
                    scores[code] = (score + COUNTRY_WEIGHT, first)


def _top(scores: Mapping[str, float], order: Sequence[str]) -> str:
    """The best-scoring label; on a tie, the one listed first."""
    return max(scores, key=lambda f: (scores[f], -order.index(f) if f in order else -len(order)))


def best_facet(words: Sequence[str], lex: QuestionLexicon, content: Optional[Mapping[str, float]] = None,
               general: bool = False, learned: Optional[Mapping[str, float]] = None) -> Optional[str]:
    """The facet asked: the lexicon's scores plus the learned reader's
    (`learned`, facet -> probability); else the facet whose facts share the
    most rare content with the question (`content`). A general question
    ("what is an AAC?") gets a facet only from the lexicon."""
    order = lex.facet_order()
    scores = lex.facets.scores(words)
    lexicon_sure = bool(scores) and max(scores.values()) >= FACET_MIN_SCORE
    if learned and (lexicon_sure or not general and max(learned.values()) >= LEARNED_MIN_PROBABILITY):
        total = {f: scores.get(f, 0.0) + LEARNED_WEIGHT * learned.get(f, 0.0) for f in set(scores) | set(learned)}
        return _top(total, order)
    if lexicon_sure:
        return _top(scores, order)
    if content and not general:
        facet = _top(content, order)
        if content[facet] >= CONTENT_MIN_SCORE:
            return facet
    return None


def select_parts(facts: Sequence[Fact], words: Sequence[str], lex: QuestionLexicon) -> Tuple[Fact, ...]:
    """The facts of a facet the question asks for: those whose cues score
    best, all when none matches; unconfirmed facts are always kept, so what
    is not published is said, never hidden."""
    if len(facts) <= 1:
        return tuple(facts)
    scores = {f.key: _part_score(f.key, words, lex) for f in facts}
    top = max(scores.values())
    if not top:
        return tuple(facts)
    asked = [f for f in facts if scores[f.key] == top]
    return tuple(asked + [f for f in facts if f.unconfirmed and f not in asked])


def _part_score(key: str, words: Sequence[str], lex: QuestionLexicon) -> float:
    return sum(w for p, w in lex.parts.entries.get(key, ()) if p.find(words) is not None)


@dataclass(frozen=True)
class Reading:
    """What a question asks. `schemes`: the schemes it points at, the one it
    is about first; `facet`: the facet asked (after a fallback when the scheme
    has none), None for a general question; `topic`: a general topic
    (difference, post_trial_access); `facts`: what answers the facet."""

    words: Tuple[str, ...]
    schemes: Tuple[str, ...]
    named: bool  # the message names the scheme (not taken from the conversation)
    facet: Optional[str]
    asked_facet: Optional[str]
    topic: Optional[str]
    facts: Tuple[Fact, ...]

    @property
    def scheme(self) -> Optional[str]:
        return self.schemes[0] if self.schemes else None


def _named(text: str, kb: KnowledgeBase, ctx: Context) -> Tuple[Tuple[str, ...], List[str]]:
    """The message's words (spelling corrected) and the schemes it names, best first."""
    words = tuple(ctx.speller.correct(normalise(text)))
    scores = scheme_scores(text, words, ctx)
    _authority_boost(text, words, scores, kb)
    _country_boost(words, scores, kb, ctx.lexicon)
    ranked = sorted((c for c, (s, _) in scores.items() if s >= SCHEME_MIN_SCORE),
                    key=lambda c: (-scores[c][0], scores[c][1]))
    return words, ranked


def warm_up(kb: KnowledgeBase) -> None:
    """Build the reading context and train the learned facet reader now
    (a few seconds), so that the first precise question does not wait."""
    classifier_for(context_for(kb).speller)


def read_if_named(text: str, kb: KnowledgeBase, current_scheme: Optional[str] = None) -> Optional[Reading]:
    """The reading of a message that names a scheme, or None, after only the
    cheap first step (most messages of an assessment name none)."""
    ctx = context_for(kb)
    words, ranked = _named(text, kb, ctx)
    return _read(ctx, kb, words, ranked, current_scheme) if ranked else None


def names_scheme(reading: Reading, kb: KnowledgeBase) -> bool:
    """The message read names the scheme it is about by one of its names
    ("AAC", "the derogation"), not only by words that describe its case."""
    return any(phrase.find(reading.words) for n in context_for(kb).names if n.code == reading.scheme
               for phrase in n.names)


def read_question(text: str, kb: KnowledgeBase, current_scheme: Optional[str] = None,
                  lexicon: Optional[QuestionLexicon] = None) -> Reading:
    ctx = context_for(kb, lexicon)
    words, ranked = _named(text, kb, ctx)
    return _read(ctx, kb, words, ranked, current_scheme)


_FILLER = frozenset({"s", "is", "are", "a", "an", "the", "about", "exactly", "me", "whats", "this", "that"})


def _only_a_name(words: Sequence[str], ctx: Context) -> bool:
    """"What's NZ_SECTION_29?", "AAC?": a scheme named and nothing asked of it."""
    rest = [w for w in words if w not in _FILLER and w not in ctx.lexicon.wh_words and w not in ctx.name_words]
    return bool(words) and not rest


def _read(ctx: Context, kb: KnowledgeBase, words: Tuple[str, ...], ranked: List[str],
          current_scheme: Optional[str]) -> Reading:
    lex = ctx.lexicon
    named = bool(ranked)
    if not ranked:
        current = kb.schemes.get(current_scheme or "")
        if current is not None and current.kind == "national":
            ranked = [current.code]
        elif kb.programme_code:
            ranked = [kb.programme_code]
    topic_scores = lex.topics.scores(words)
    topic = max(topic_scores, key=topic_scores.get) if topic_scores else None
    if topic and topic_scores[topic] < TOPIC_MIN_SCORE or topic == "difference" and len(ranked) < 2:
        topic = None
    content = ctx.index.scores(ranked[0], content_stems(" ".join(words))) if ranked else {}
    general = any(p.find(words) for p in lex.general_forms) or _only_a_name(words, ctx)
    learned = classifier_for(ctx.speller).probabilities(words)
    asked = best_facet(words, lex, content, general, learned)
    facet, facts = asked, ()
    if asked and ranked:
        facts = kb.facet_facts(ranked[0], asked)
        if not facts and asked in lex.fallback:
            facet = lex.fallback[asked]
            facts = kb.facet_facts(ranked[0], facet)
        facts = select_parts(facts, words, lex)
    return Reading(words, tuple(ranked), named, facet, asked, topic, facts)
