"""The pathway engine: from the facts gathered so far to the next question or
the outcome. Pure functions over the knowledge base; no dialogue, no Rasa.

`step` walks one world where every fact is either known or not yet asked.
`assess` adds "I don't know": a fact the user could not give is tried with
each of its values, and when the outcomes differ the result says what each
case would mean instead of guessing."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Iterator, List, Mapping, Optional, Tuple, Union

from bot.facts import DOMAINS, QUESTION_ORDER, REQUIRED_KNOWN
from bot.knowledge import Criterion, KnowledgeBase, Route


@dataclass(frozen=True)
class Need:
    """The next fact to ask for."""

    slot: str


@dataclass(frozen=True)
class Outcome:
    scheme: str
    country: Optional[str]
    eligible: bool
    unmet_criteria: Tuple[str, ...] = ()
    route: Optional[Route] = field(default=None, repr=False)  # the route looked at
    met: Tuple[Criterion, ...] = field(default=(), repr=False)
    failed: Tuple[Criterion, ...] = field(default=(), repr=False)

    @property
    def key(self) -> Tuple[str, bool, Tuple[str, ...]]:
        return (self.scheme, self.eligible, self.unmet_criteria)

    @property
    def candidate_scheme(self) -> Optional[str]:
        """The scheme the route pointed to, when the outcome is another one."""
        if self.route and self.route.scheme != self.scheme:
            return self.route.scheme
        return None


@dataclass(frozen=True)
class Conditional:
    """The outcome depends on facts the user does not know."""

    depends_on: Tuple[str, ...]
    branches: Tuple[Tuple[Mapping[str, Any], Outcome], ...] = field(default_factory=tuple)


Result = Union[Need, Outcome, Conditional]


def resolve_route(routes: Tuple[Route, ...], facts: Mapping[str, Any]) -> Union[Route, Need, None]:
    """First route whose conditions all hold; a route whose known conditions
    hold but which reads an unknown fact asks for that fact first."""
    for route in routes:
        missing = None
        for slot, values in route.when.items():
            value = facts.get(slot)
            if value is None:
                missing = missing or slot
            elif value not in values:
                break
        else:
            return Need(missing) if missing else route
    return None


def _strength(criterion: Criterion) -> int:
    """Lower is stronger: the precedence of the outcome a failure leads to
    (a patient in a company trial stays in it; an open trial comes before the
    programme)."""
    return criterion.precedence


def evaluate_criteria(
    criteria: Tuple[Criterion, ...], facts: Mapping[str, Any]
) -> Tuple[Optional[Need], Tuple[Criterion, ...], Tuple[Criterion, ...]]:
    """(next fact to ask or None, criteria met, criteria failed).

    An open criterion is asked only if its answer could still change the
    outcome: when nothing has failed yet, or when failing it would lead to a
    stronger outcome than what has already failed."""
    met = tuple(c for c in criteria if facts.get(c.slot) is not None and c.is_met(facts[c.slot]))
    failed = tuple(c for c in criteria if facts.get(c.slot) is not None and not c.is_met(facts[c.slot]))
    strongest = min((_strength(c) for c in failed), default=None)
    for criterion in criteria:
        if facts.get(criterion.slot) is None:
            if strongest is None or _strength(criterion) < strongest:
                return Need(criterion.slot), met, failed
    return None, met, failed


def _failure_outcome(country: str, route: Optional[Route], met, failed) -> Outcome:
    worst = min(failed, key=_strength).otherwise
    unmet = tuple(c.slot for c in failed if c.otherwise == worst)
    return Outcome(worst, country, False, unmet, route, met, failed)


def step(facts: Mapping[str, Any], kb: KnowledgeBase) -> Union[Need, Outcome]:
    """Next question or outcome for facts that are known or not yet asked."""
    for slot in ("role", "country"):
        if facts.get(slot) is None:
            return Need(slot)
    country = facts["country"]
    programme = kb.programme.criteria

    # A product authorised for this use and available needs no programme and
    # no more questions, whatever else is true; otherwise a patient in a
    # company trial stays in it. The status is therefore asked before a
    # company trial decides: the same outcome whichever order the facts came
    # in ("he's in your trial" first, or "it's approved and on the market").
    for slot in ("product_type", "authorisation"):
        if facts.get(slot) is None:
            return Need(slot)
    available = programme["authorisation"]
    if not available.is_met(facts["authorisation"]):
        return _failure_outcome(country, None, (), (available,))
    in_trial = programme["in_company_trial"]
    if facts.get("in_company_trial") is not None and not in_trial.is_met(facts["in_company_trial"]):
        return _failure_outcome(country, None, (), (in_trial,))

    routing = kb.routing_for(country)
    route = resolve_route(routing.routes, facts)
    if route is None and routing.country != "*":
        route = resolve_route(kb.routing["*"].routes, facts)
    if route is None:
        raise LookupError(f"no route in the knowledge base for {dict(facts)}")
    if isinstance(route, Need):
        return route

    need, met, failed = evaluate_criteria(route.criteria, facts)
    if need:
        return need
    met = (available,) + met
    if failed:
        return _failure_outcome(country, route, met, failed)
    return Outcome(route.scheme, country, True, (), route, met, ())


def _explore(
    facts: Dict[str, Any], unknown: FrozenSet[str], assumed: Dict[str, Any], kb: KnowledgeBase
) -> Iterator[Tuple[Dict[str, Any], Union[Need, Outcome]]]:
    result = step(facts, kb)
    branchable = (
        isinstance(result, Need)
        and result.slot in unknown
        and result.slot not in REQUIRED_KNOWN
        and DOMAINS.get(result.slot)
    )
    if not branchable:
        yield assumed, result
        return
    for value in DOMAINS[result.slot]:
        yield from _explore({**facts, result.slot: value}, unknown, {**assumed, result.slot: value}, kb)


def assess(facts: Mapping[str, Any], kb: KnowledgeBase, unknown: FrozenSet[str] = frozenset()) -> Result:
    """Next question, single outcome, or outcomes per case of unknown facts."""
    known = {k: v for k, v in facts.items() if v is not None}
    leaves = list(_explore(dict(known), frozenset(unknown), {}, kb))
    needs = [r for _, r in leaves if isinstance(r, Need)]
    if needs:
        return min(needs, key=lambda n: QUESTION_ORDER.index(n.slot) if n.slot in QUESTION_ORDER else 99)
    keys = {r.key for _, r in leaves}
    if len(keys) == 1:
        return leaves[0][1]
    depends: List[str] = []
    for assumed, _ in leaves:
        for slot in assumed:
            if slot not in depends:
                depends.append(slot)
    return Conditional(tuple(depends), tuple((a, r) for a, r in leaves))


def depends_on(slot: str, facts: Mapping[str, Any], kb: KnowledgeBase, unknown: FrozenSet[str]) -> List[Outcome]:
    """Outcomes reachable for each value of `slot` with what is known now
    (used to say what an unknown fact decides)."""
    outcomes = []
    # Criteria not answered yet are taken as met: the question is which
    # scheme each value leads to.
    assumed_met = {c.slot: c.meets[0] for c in kb.programme.criteria.values() if c.slot != "authorisation"}
    for value in DOMAINS.get(slot) or ():
        result = assess({**assumed_met, **facts, slot: value}, kb, unknown - {slot})
        if isinstance(result, Outcome):
            outcomes.append(result)
    return outcomes
