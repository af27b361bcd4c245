"""Precise-question evaluation: does each question of a set get the right
scheme's right facet, and each wrong premise a correction first?

A set (tests/facets/*.yml) has `questions` (text, scheme, facet,
unconfirmed) and `wrong_premise` (text, scheme, correction). A question is
answered right when the first thing the answer gives (its first correction,
or else its facet answer) is the labelled scheme's labelled facet and the
answer contains one of that facet's facts as the knowledge base words it;
for a question on what the fact sheet marks UNCONFIRMED, the answer must
also say it is not published (the "not published, ask ..." text of one of
the facet's unconfirmed facts). An UNCONFIRMED question answered without
that text counts as asserted, whatever it says instead. A wrong premise is
answered right when the answer opens with a correction about the labelled
scheme. With a model, each message must also be classified `ask_info`, the
intent that runs the answer."""
from __future__ import annotations

import asyncio
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot.answers import CORRECTION_LEAD, OWN_ROUTE_INTENTS, Answer, answer, answered_in_words
from bot.config import PROJECT_ROOT, Settings
from bot.knowledge import KnowledgeBase
from bot.render import fact_answer, fill

QUESTION_INTENT = "ask_info"
# These actions answer a precise question before their own work
# (actions/knowledge.question_in_words), whatever intent led to them.
ANSWERING_ACTIONS = frozenset({"action_assess", "action_goodbye", "action_fallback"})


def intents_answered_in_words(rules_dir: Path = PROJECT_ROOT / "data" / "rules") -> frozenset:
    """Intents whose rule goes straight to an answering action: a precise
    question classified as one of them is answered all the same."""
    found = set()
    for path in sorted(rules_dir.glob("*.yml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules") or []:
            steps = rule.get("steps") or []
            if len(steps) >= 2 and "intent" in steps[0] and steps[1].get("action") in ANSWERING_ACTIONS \
                    and not rule.get("condition"):
                found.add(steps[0]["intent"])
    return frozenset(found - OWN_ROUTE_INTENTS)


def load_set(path: Path) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return list(data.get("questions") or []), list(data.get("wrong_premise") or [])


def _text(a: Answer) -> str:
    return "\n".join(m.text for m in a.messages if m.text)


def _first(a: Answer) -> List[Tuple[str, str]]:
    """The (scheme, facet) pairs the answer opens with."""
    if a.corrections:
        first = a.corrections[0]
        return [(first.scheme, f) for f in first.facets]
    return list(a.answered[:1])


def judge_question(q: Dict[str, Any], a: Answer, kb: KnowledgeBase, settings: Settings) -> Dict[str, Any]:
    code, facet = q["scheme"], q["facet"]
    text = _text(a)
    facts = kb.facet_facts(code, facet) if code in kb.schemes and facet in kb.facet_catalogue.labels else ()
    given = [f for f in facts
             if (fact_answer(f, kb.schemes[code].reviewed, settings, "") in text if f.unconfirmed
                 else fill(f.text, settings) in text)]
    right = (code, facet) in _first(a) and bool(given)
    unpublished = [f for f in given if f.unconfirmed]
    asserted = bool(q.get("unconfirmed")) and not unpublished
    if q.get("unconfirmed"):
        right = right and bool(unpublished)
    return {"right": right, "asserted": asserted}


def judge_premise(p: Dict[str, Any], a: Answer) -> bool:
    opens = bool(a.messages) and (a.messages[0].text or "").startswith(CORRECTION_LEAD)
    if not (opens and a.corrections):
        return False
    # A set may label the premise with the scheme it wrongly names ("an AAC
    # for this non-CE stent": FR_AAC) or with the one that applies instead
    # (FR_MD_DEROGATION); a correction about either is right.
    first = a.corrections[0]
    return p["scheme"] in {first.scheme, *(t.scheme for t in first.targets)}


def classify(model: Path, texts: Sequence[str]) -> List[Optional[str]]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structlog writes one debug line per message, with the message:
    # a held-out set's questions must not be printed.
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))

    async def parse_all():
        return [await agent.parse_message(t) for t in texts]

    return [(r.get("intent") or {}).get("name") for r in asyncio.run(parse_all())]


def _rate(right: int, total: int) -> Optional[float]:
    return round(right / total, 4) if total else None


def evaluate(path: Path, kb: KnowledgeBase, settings: Settings, model: Optional[Path] = None) -> Dict[str, Any]:
    questions, premises = load_set(path)
    intents = classify(model, [x["text"] for x in questions + premises]) if model else None
    by_facet: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    by_scheme: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    right = asserted = unconfirmed = premise_right = nlu_right = both_right = opened_with_correction = 0
    routed_right = routed_both = 0
    answering_intents = intents_answered_in_words()

    def routed(text: str, intent: Optional[str]) -> bool:
        return intent == QUESTION_INTENT or (intent in answering_intents and answered_in_words(text, intent, kb))
    misses: List[str] = []
    for i, q in enumerate(questions):
        a = answer(q["text"], kb, settings)
        verdict = judge_question(q, a, kb, settings)
        intent_ok = intents is None or intents[i] == QUESTION_INTENT
        right += verdict["right"]
        asserted += verdict["asserted"]
        opened_with_correction += bool(a.corrections)
        unconfirmed += bool(q.get("unconfirmed"))
        nlu_right += intent_ok
        both_right += verdict["right"] and intent_ok
        if intents is not None:
            routed_ok = routed(q["text"], intents[i])
            routed_right += routed_ok
            routed_both += verdict["right"] and routed_ok
        for table, key in ((by_facet, q["facet"]), (by_scheme, q["scheme"])):
            table[key][0] += verdict["right"]
            table[key][1] += 1
        if not verdict["right"] or verdict["asserted"] or not intent_ok:
            got = ", ".join(f"{s}/{f}" for s, f in _first(a)) or "general answer"
            flags = (" [ASSERTED]" if verdict["asserted"] else "") + ("" if intent_ok else f" [intent {intents[i]}]")
            misses.append(f"{q['scheme']}/{q['facet']}{' (unconfirmed)' if q.get('unconfirmed') else ''} "
                          f"-> {got}{flags}: {q['text']}")
    for j, p in enumerate(premises):
        a = answer(p["text"], kb, settings)
        ok = judge_premise(p, a)
        intent_ok = intents is None or intents[len(questions) + j] == QUESTION_INTENT
        premise_right += ok
        nlu_right += intent_ok
        both_right += ok and intent_ok
        if intents is not None:
            routed_ok = routed(p["text"], intents[len(questions) + j])
            routed_right += routed_ok
            routed_both += ok and routed_ok
        if not ok or not intent_ok:
            opening = (a.messages[0].text or "")[:90].replace("\n", " ") if a.messages else ""
            flag = "" if intent_ok else f" [intent {intents[len(questions) + j]}]"
            misses.append(f"premise {p['scheme']}{flag}: {p['text']} -> {opening}")
    total = len(questions) + len(premises)
    figures: Dict[str, Any] = {
        "questions": len(questions),
        "right_facet": _rate(right, len(questions)),
        "unconfirmed_questions": unconfirmed,
        "unconfirmed_asserted": asserted,
        "questions_opened_with_correction": opened_with_correction,
        "wrong_premises": len(premises),
        "corrected_first": _rate(premise_right, len(premises)),
        "overall": _rate(right + premise_right, total),
        "by_facet": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_facet.items())},
        "by_scheme": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_scheme.items())},
    }
    if intents is not None:
        figures["nlu_ask_info"] = _rate(nlu_right, total)
        figures["overall_with_nlu"] = _rate(both_right, total)
        # What the assistant does: classified as a question, or answered in words by the action it reaches.
        figures["answered_as_question"] = _rate(routed_right, total)
        figures["overall_answered"] = _rate(routed_both, total)
    figures["misses"] = misses
    return figures
