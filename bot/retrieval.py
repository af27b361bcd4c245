"""Which facet of a scheme a question's content words point at, from the
knowledge base's own fact texts: "is the patient's full identity sent?"
shares a rare word with the AAC `documents` fact, whatever the question's
phrasing. Words are compared by a crude stem (their first letters), weighted
by how rare they are among all facts (IDF), so words every fact uses
("ANSM", "medicine") count for little."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, Iterable, Mapping, Sequence, Set, Tuple

from bot.knowledge import Fact, KnowledgeBase
from bot.phrases import normalise

STEM_LENGTH = 6  # "renewal" and "renewable" share "renewa"; "renew" is its own
MIN_WORD = 4  # shorter words carry no content here
# Words too common in questions to say anything about a fact.
COMMON = frozenset("""
about above after again against also among another answer anyone anything because been before being below
between both cannot could does doing done down during each either else even ever every from further have
having here into just know like made make many more most much must need needs only other ours over same
should since some such than that their them then there these they this those through under until upon very
want what when where which while whom whose will with within without would your yours still that's please
thanks hello able
""".split())


def stem(word: str) -> str:
    return word[:STEM_LENGTH]


def content_stems(text: str, ignore: Set[str] = frozenset()) -> Set[str]:
    return {stem(w) for w in normalise(text) if len(w) >= MIN_WORD and w not in COMMON and w not in ignore}


def _fact_text(fact: Fact) -> str:
    return fact.text if not fact.unconfirmed else f"{fact.topic}"


@dataclass(frozen=True)
class FactIndex:
    """Per scheme and facet, the stems of the facts that answer it, and the
    IDF of every stem across all facts of the knowledge base."""

    facets: Mapping[str, Mapping[str, Tuple[Set[str], ...]]]
    idf: Mapping[str, float]

    def scores(self, code: str, question_stems: Set[str]) -> Dict[str, float]:
        """Facet -> how much rare content the question shares with its best fact."""
        out: Dict[str, float] = {}
        for facet, facts in self.facets.get(code, {}).items():
            best = max((sum(self.idf.get(s, 0.0) for s in question_stems & stems) for stems in facts), default=0.0)
            if best:
                out[facet] = best
        return out


def build_index(kb: KnowledgeBase, codes: Iterable[str], ignore: Set[str]) -> FactIndex:
    """`ignore`: words that name schemes, which say nothing about a facet."""
    facets: Dict[str, Dict[str, Tuple[Set[str], ...]]] = {}
    documents: Dict[Tuple[str, str, str], Set[str]] = {}  # each fact once, however many facets cite it
    for code in codes:
        for facet in kb.facet_catalogue.labels:
            facts = kb.facet_facts(code, facet)
            if facts:
                stems = tuple(content_stems(_fact_text(f), ignore) for f in facts)
                facets.setdefault(code, {})[facet] = stems
                for f, st in zip(facts, stems):
                    documents[(code, f.key, _fact_text(f))] = st
    n = len(documents) or 1
    df: Dict[str, int] = {}
    for doc in documents.values():
        for s in doc:
            df[s] = df.get(s, 0) + 1
    idf = {s: math.log(n / count) for s, count in df.items()}
    return FactIndex(facets, idf)


def best(scores: Mapping[str, float], order: Sequence[str]) -> Tuple[str, float]:
    facet = max(scores, key=lambda f: (scores[f], -order.index(f) if f in order else 0))
    return facet, scores[facet]
