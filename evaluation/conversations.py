"""Whole conversations through the running assistant (real NLU, real actions,
the engine): a simulated user answers each question the bot asks, read from
`requested_slot` in the tracker, with phrasings from a pool written blind
(tests/conversations/*.yml), sometimes volunteering several facts in one
message or opening with most of them.

A conversation succeeds when the outcome the bot sends (`custom.pathway`)
has the scheme, eligibility, unmet criteria, filer and authority that the
engine gives for the user's true facts: the engine's own correctness is
tested against the fact sheet elsewhere; this measures whether the
assistant understood the user."""
from __future__ import annotations

import asyncio
import random
import re
import statistics
import unicodedata
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import aiohttp
import yaml

from bot.config import Settings
from bot.facts import DOMAINS, QUESTION_ORDER
from bot.knowledge import KnowledgeBase
from bot.pathway import Outcome, step
from bot.render import outcome_payload

ROLES = DOMAINS["role"]
# What decides success, besides the scheme itself.
COMPARED = ("scheme", "eligible", "unmet_criteria", "filer", "authority")
MAX_TURNS = 25


@dataclass(frozen=True)
class Pool:
    facts: Mapping[str, Mapping[Any, Sequence[str]]]
    dont_know: Sequence[str]
    compound: Sequence[Mapping[str, Any]]
    openings: Sequence[Mapping[str, Any]]

    @property
    def countries(self) -> List[str]:
        return sorted(self.facts.get("country") or ())


def load_pool(path: Path) -> Pool:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = {slot: {_value(slot, v): list(texts) for v, texts in values.items()}
             for slot, values in data["facts"].items()}
    for slot, values in facts.items():
        if slot not in DOMAINS:
            raise ValueError(f"{path}: facts: {slot!r} is not a contract slot")
    openings = [{"text": o["text"], "facts": {k: _value(k, v) for k, v in (o.get("facts") or {}).items()}}
                for o in data.get("openings") or []]
    compound = [{"asked": c["asked"], "text": c["text"],
                 "facts": {k: _value(k, v) for k, v in c["facts"].items()}} for c in data.get("compound") or []]
    return Pool(facts, list(data.get("dont_know") or []), compound, openings)


def _value(slot: str, value: Any) -> Any:
    if slot == "country":
        return str(value).upper()
    if DOMAINS.get(slot) and True in DOMAINS[slot] and isinstance(value, str):
        return value.strip().lower() == "true"
    return value


@dataclass
class Scenario:
    id: str
    truth: Dict[str, Any]  # every fact the simulated user knows
    opening: str
    opening_states: Dict[str, Any]  # facts the opening states
    expected: Dict[str, Any]
    compound_rate: float


@dataclass
class Turn:
    user: str
    asked: Optional[str]  # the question this message answers
    bot: List[str] = field(default_factory=list)


@dataclass
class Result:
    scenario: Scenario
    turns: List[Turn]
    questions: List[str]  # requested slots, in the order asked
    got: Optional[Dict[str, Any]]
    wrong_facts: Dict[str, Tuple[Any, Any]]  # slot -> (read, true)
    error: Optional[str] = None

    @property
    def success(self) -> bool:
        return self.error is None and self.got is not None and all(
            _agrees(k, self.got.get(k), self.scenario.expected.get(k)) for k in COMPARED)

    @property
    def repeated(self) -> List[str]:
        return [slot for slot, n in Counter(self.questions).items() if n > 1]

    @property
    def every_fact_opening(self) -> bool:
        return set(QUESTION_ORDER) <= set(self.scenario.opening_states)


def _agrees(key: str, got: Any, expected: Any) -> bool:
    """One failed criterion settles NOT_ELIGIBLE and the others are not asked
    (the contract: a question only when its answer can change the outcome),
    so the unmet criteria listed are those of the true ones the bot learnt:
    at least one, none that is not truly unmet."""
    if key == "unmet_criteria" and expected:
        return bool(got) and set(got) <= set(expected)
    return got == expected


def expected_outcome(truth: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> Dict[str, Any]:
    result = step(truth, kb)
    if not isinstance(result, Outcome):
        raise ValueError(f"facts {dict(truth)} leave {result} open")
    payload = outcome_payload(result, truth, kb, settings)
    return {k: payload[k] for k in COMPARED}


def _random_truth(rng: random.Random, pool: Pool) -> Dict[str, Any]:
    truth: Dict[str, Any] = {}
    for slot in QUESTION_ORDER:
        values = [v for v in DOMAINS[slot] or pool.countries if v in pool.facts.get(slot, {})]
        truth[slot] = rng.choice(values)
    return truth


def _bias(rng: random.Random, truth: Dict[str, Any]) -> Dict[str, Any]:
    """Random facts mostly fail a criterion; push half of the draws towards
    the schemes themselves (criteria met), so that every outcome is common."""
    if rng.random() < 0.5:
        truth.update(in_company_trial=False, trial_available=False, serious_condition=True,
                     alternatives_exhausted=True)
        if rng.random() < 0.5:
            truth["country"] = "FR"
    return truth


def scenarios(pool: Pool, kb: KnowledgeBase, settings: Settings, count: int, seed: int = 1,
              compound_rate: float = 0.3) -> List[Scenario]:
    """`count` conversations spread over every (outcome, role) pair the pool
    can reach, about a third of them opened with a message that states facts."""
    rng = random.Random(seed)
    buckets: Dict[Tuple[str, str], List[Scenario]] = defaultdict(list)
    openings = [o for o in pool.openings if all(k in QUESTION_ORDER for k in o["facts"])]
    # Two in five conversations open with a message that states three facts
    # or more; the others with a short one (none to two facts), then answer.
    long_openings = [o for o in openings if len(o["facts"]) >= 3] or openings
    short_openings = [o for o in openings if len(o["facts"]) <= 2] or openings
    for n in range(count * 40):
        opening = rng.choice(long_openings if rng.random() < 0.4 else short_openings)
        truth = _bias(rng, _random_truth(rng, pool))
        truth.update(opening["facts"])
        expected = expected_outcome(truth, kb, settings)
        key = (expected["scheme"], truth["role"])
        if len(buckets[key]) < count:
            buckets[key].append(Scenario(f"s{seed}-{n}", truth, opening["text"], dict(opening["facts"]), expected,
                                         compound_rate))
    chosen: List[Scenario] = []
    keys = sorted(buckets)
    while len(chosen) < count and any(buckets.values()):
        for key in keys:
            if buckets[key] and len(chosen) < count:
                chosen.append(buckets[key].pop(0))
    return chosen


# The pools' status phrasings are written for medicines or for devices; a
# user asked about a medicine does not speak of CE marking, and the reverse.
_DEVICE_WORDS = re.compile(r"\bce[- ]?mark|\bdevice", re.IGNORECASE)
_MEDICINE_WORDS = re.compile(r"\b(drug|medicine|medication|tablet|infusion|licen[sc]ed)", re.IGNORECASE)


def _fits_product(text: str, truth: Mapping[str, Any]) -> bool:
    if truth.get("product_type") == "medicine":
        return not _DEVICE_WORDS.search(text)
    if truth.get("product_type") == "medical_device":
        return not _MEDICINE_WORDS.search(text)
    return True


# The pools' languages: a user whose patient is treated in France does not
# say "it isn't registered in Poland" (pool 42's status phrasings name
# countries). Country names from Babel (CLDR), not from the assistant's own
# lexicons; a name matches a word that begins as it does, give or take an
# ending ("Polska", "w Polsce").
_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt", "sv", "da", "nb", "pl")


_SHORT_NAMES = {"GB": ("uk", "england", "scotland", "wales"), "US": ("usa", "america")}


@lru_cache(maxsize=64)
def _country_names(code: str) -> Tuple[str, ...]:
    from babel import Locale

    names = set(_SHORT_NAMES.get(code, ()))
    for language in _LANGUAGES:
        name = Locale.parse(language).territories.get(code)
        if name:
            names.add(_plain(name))
    return tuple(sorted(names))


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()))


def _names_a_country(words: Sequence[str], joined: str, code: str) -> bool:
    for name in _country_names(code):
        if " " in name:
            if f" {name} " in joined:
                return True
            continue
        if len(name) < 5:
            if name in words:
                return True
            continue
        stem = name[:max(4, len(name) - 2)]
        if any(w.startswith(stem) and abs(len(w) - len(name)) <= 2 for w in words):
            return True
    return False


def _fits_country(text: str, truth: Mapping[str, Any], countries: Sequence[str]) -> bool:
    """The text names no country of the pool but the patient's."""
    joined = f" {_plain(text)} "
    words = joined.split()
    return not any(_names_a_country(words, joined, code) for code in countries if code != truth.get("country"))


def answer(slot: str, truth: Mapping[str, Any], pool: Pool, rng: random.Random, compound_rate: float) -> str:
    """What the simulated user says when `slot` is asked."""
    def fits(text: str) -> bool:
        return _fits_product(text, truth) and (slot == "country" or _fits_country(text, truth, pool.countries))

    if rng.random() < compound_rate:
        fitting = [c for c in pool.compound if c["asked"] == slot and fits(c["text"])
                   and all(truth.get(k) == v for k, v in c["facts"].items())]
        if fitting:
            return rng.choice(fitting)["text"]
    phrasings = list(pool.facts[slot][truth[slot]])
    return rng.choice([t for t in phrasings if fits(t)] or [t for t in phrasings if _fits_product(t, truth)]
                      or phrasings)


class Assistant:
    """The running assistant over REST, and its tracker over the HTTP API."""

    def __init__(self, session: aiohttp.ClientSession, base: str, token: str):
        self.session, self.base, self.token = session, base.rstrip("/"), token

    async def say(self, sender: str, text: str) -> List[Dict[str, Any]]:
        async with self.session.post(f"{self.base}/webhooks/rest/webhook",
                                     json={"sender": sender, "message": text}) as r:
            r.raise_for_status()
            return await r.json()

    async def slots(self, sender: str) -> Dict[str, Any]:
        async with self.session.get(f"{self.base}/conversations/{sender}/tracker",
                                    params={"token": self.token}) as r:
            r.raise_for_status()
            return (await r.json())["slots"]


# What the simulated user says, once, to the bot's offer to check a patient.
ACCEPT_OFFER = ["yes", "yes please", "ok", "oui", "sure, let's do that"]


# What the simulated user says, once, when asking for a person opened the
# contact form before any check: they came for the check, and ask for it.
CHECK_INSTEAD = ["actually, first I'd like to check whether the patient can get it",
                 "before that, can we check if the patient is eligible?", "let's look at the patient's case first"]


def _offers_assessment(messages: Sequence[Mapping[str, Any]]) -> bool:
    return any(b.get("payload") == "/start_assessment" for m in messages for b in m.get("buttons") or [])


def _pathway(messages: Sequence[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    found = [m["custom"]["pathway"] for m in messages if isinstance(m.get("custom"), dict) and "pathway" in m["custom"]]
    return found[-1] if found else None


async def converse(assistant: Assistant, scenario: Scenario, pool: Pool) -> Result:
    rng = random.Random(scenario.id)
    sender = f"eval-{scenario.id}-{uuid.uuid4().hex[:6]}"
    turns: List[Turn] = []
    questions: List[str] = []
    got = None
    text, asked = scenario.opening, None
    slots: Dict[str, Any] = {}
    accepted = switched = False
    try:
        for _ in range(MAX_TURNS):
            messages = await assistant.say(sender, text)
            turns.append(Turn(text, asked, [m.get("text") or "" for m in messages if m.get("text")]))
            got = _pathway(messages) or got
            slots = await assistant.slots(sender)
            requested = slots.get("requested_slot")
            if got is not None and not requested:
                break
            if requested is None and got is None and not accepted and _offers_assessment(messages):
                # The bot answered and offered to check a patient ("Shall we
                # check ...?"): a person says yes, in words.
                accepted = True
                text, asked = rng.choice(ACCEPT_OFFER), None
                continue
            if requested == "contact_consent" and got is None and not questions and not switched:
                switched = True
                text, asked = rng.choice(CHECK_INSTEAD), None
                continue
            if requested not in QUESTION_ORDER:
                return Result(scenario, turns, questions, got, _wrong(slots, scenario.truth),
                              error=f"no question open and no outcome (requested_slot={requested!r})")
            questions.append(requested)
            text, asked = answer(requested, scenario.truth, pool, rng, scenario.compound_rate), requested
        else:
            return Result(scenario, turns, questions, got, _wrong(slots, scenario.truth),
                          error=f"no outcome after {MAX_TURNS} messages")
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        return Result(scenario, turns, questions, got, {}, error=f"{type(exc).__name__}: {exc}")
    return Result(scenario, turns, questions, got, _wrong(slots, scenario.truth))


def _wrong(slots: Mapping[str, Any], truth: Mapping[str, Any]) -> Dict[str, Tuple[Any, Any]]:
    return {slot: (slots.get(slot), value) for slot, value in truth.items()
            if slots.get(slot) is not None and slots.get(slot) != value}


async def run_all(base: str, token: str, chosen: Sequence[Scenario], pool: Pool, concurrency: int = 4) -> List[Result]:
    limit = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        assistant = Assistant(session, base, token)

        async def one(scenario: Scenario) -> Result:
            async with limit:
                return await converse(assistant, scenario, pool)

        return list(await asyncio.gather(*(one(s) for s in chosen)))


@dataclass
class Report:
    conversations: int
    success_rate: float
    questions_mean: float
    repeated_in_success: int
    conversations_with_repeats: int
    wrong_fact_reads: int
    every_fact_openings: int
    every_fact_max_questions: Optional[int]
    by_outcome: Dict[str, Tuple[int, int]]
    by_role: Dict[str, Tuple[int, int]]


def summarise(results: Sequence[Result]) -> Report:
    ok = [r for r in results if r.success]
    full = [r for r in results if r.every_fact_opening]

    def split(key) -> Dict[str, Tuple[int, int]]:
        out: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        for r in results:
            out[key(r)][0] += r.success
            out[key(r)][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}

    return Report(
        conversations=len(results),
        success_rate=round(len(ok) / len(results), 4) if results else 0.0,
        questions_mean=round(statistics.mean(len(r.questions) for r in results), 2) if results else 0.0,
        repeated_in_success=sum(1 for r in ok if r.repeated),
        conversations_with_repeats=sum(1 for r in results if r.repeated),
        wrong_fact_reads=sum(len(r.wrong_facts) for r in results),
        every_fact_openings=len(full),
        every_fact_max_questions=max((len(r.questions) for r in full), default=None),
        by_outcome=split(lambda r: r.scenario.expected["scheme"]),
        by_role=split(lambda r: r.scenario.truth["role"]),
    )


def describe_failure(result: Result) -> str:
    s = result.scenario
    lines = [f"--- {s.id}: expected {s.expected} got "
             f"{ {k: (result.got or {}).get(k) for k in COMPARED} if result.got else None}"
             + (f" ERROR {result.error}" if result.error else "")]
    if result.wrong_facts:
        lines.append(f"    facts read wrongly (read, true): {result.wrong_facts}")
    if result.repeated:
        lines.append(f"    asked twice: {result.repeated}")
    for turn in result.turns:
        lines.append(f"    user{f' [{turn.asked}]' if turn.asked else ''}: {turn.user}")
        for text in turn.bot[:3]:
            lines.append(f"      bot: {text[:160]}")
    return "\n".join(lines)
