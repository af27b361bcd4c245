"""Held-out NLU evaluation: intent accuracy and country entity F1 of a
trained model on a Rasa NLU file never used for training.

A predicted country counts as correct when its span matches the annotated
span and both normalise to the same ISO code (annotations may give the name
or the code)."""
from __future__ import annotations

import asyncio
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

from bot.countries import load_lexicon as load_country_lexicon
from bot.places import find_places, fold


def intent_examples(directory: Path) -> List[Tuple[str, str]]:
    """(text, intent) for every intent example of the NLU files in `directory`."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [(ex.get("text"), ex.get("intent")) for path in sorted(Path(directory).glob("*.yml"))
            for ex in load_data(str(path)).intent_examples]


def evaluate(model: Path, heldout: Path) -> dict:
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.countries import to_iso

    data = load_data(str(heldout))
    agent = Agent.load(str(model))

    async def parse_all():
        return [await agent.parse_message(ex.get("text")) for ex in data.training_examples]

    parsed = asyncio.run(parse_all())
    correct, confusions, errors = 0, Counter(), []
    tp = fp = fn = 0
    for ex, result in zip(data.training_examples, parsed):
        gold_intent = ex.get("intent")
        predicted = (result.get("intent") or {}).get("name")
        if predicted == gold_intent:
            correct += 1
        else:
            confusions[(gold_intent, predicted)] += 1
            ranking = result.get("intent_ranking") or []
            top = next((r for r in ranking if r["name"] != "nlu_fallback"), {})
            errors.append(f"{gold_intent} -> {predicted} ({top.get('name')} {top.get('confidence', 0):.2f}): {ex.get('text')}")
        gold = {
            (e["start"], e["end"], to_iso(e["value"]) or e["value"])
            for e in ex.get("entities") or []
            if e["entity"] == "country"
        }
        pred = {
            (e["start"], e["end"], to_iso(e["value"]))
            for e in result.get("entities") or []
            if e["entity"] == "country" and e.get("extractor") == "SpacyEntityExtractor"
        }
        if gold != pred:
            errors.append(f"country {sorted(gold)} -> {sorted(pred)}: {ex.get('text')}")
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "examples": len(parsed),
        "intent_accuracy": round(correct / len(parsed), 4),
        "country_precision": round(precision, 4),
        "country_recall": round(recall, 4),
        "country_f1": round(f1, 4),
        "country_mentions": tp + fn,
        "top_confusions": [f"{g} -> {p}: {n}" for (g, p), n in confusions.most_common(8)],
        "errors": errors,
    }


# Product code names ("ZX-301", "abc 1234"): masked like places, so that a
# held-out sentence differing from a training one only there is a copy.
_PRODUCT_CODE = re.compile(r"\b[a-z]{1,5}[- ]?\d{2,6}\b")


def near_copy_key(text: str) -> str:
    """What two sentences share when one is a near copy of the other: lower
    case, no punctuation, places (countries, cities, regions) and product
    code names masked."""
    for place in sorted(find_places(text, answering=True), key=lambda p: -p.start):
        text = text[:place.start] + " PLACE " + text[place.end:]
    text = fold(text)
    text = _country_names().sub(" place ", text)
    text = _PRODUCT_CODE.sub(" product ", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=1)
def _country_names() -> "re.Pattern[str]":
    names = sorted((fold(n) for n in load_country_lexicon().names if len(n) > 2), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
