"""The harm reader on messages it never learnt from: each development safety
set is left out in turn, the reader trained on the others, the development
conversation pools and the NLU examples (as the model trains it), and the left-out set read by the
detector alone, the reader alone, and either (what the assistant does;
without the intent classifier's emergency readings, which need a model:
bench/eval_safety.py gives those). Figures only: no message is printed.
Usage: python -m bench.safety_reader_cv [--thresholds 0.3 0.4 0.5] [--without-harm-word 0.5]
(--without-harm-word: another threshold for the messages in which the
detector sees no harm word, the others keeping --thresholds)"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List

from bot import harm_reader
from bot.harm import screen
from evaluation.nlu import intent_examples
from evaluation.safety import load_set
from scripts.build_harm_examples import SOURCES, pool_texts

ROOT = Path(__file__).resolve().parent.parent
MUST_CATCH = ("death", "life_threatening")


def _set(name: str) -> List[dict]:
    data = load_set(ROOT / "tests" / "safety" / f"{name}.yml")
    return [{**item, "report": key == "reports"} for key in ("reports", "non_reports") for item in data[key]]


def _figures(items: List[dict], caught: List[bool]) -> Dict[str, float]:
    reports = [c for item, c in zip(items, caught) if item["report"]]
    must = [c for item, c in zip(items, caught) if item["report"] and item["category"] in MUST_CATCH]
    alarms = [c for item, c in zip(items, caught) if not item["report"]]
    return {"recall": round(sum(reports) / len(reports), 3),
            "deaths_life_threatening": round(sum(must) / len(must), 3),
            "false_alarms": round(sum(alarms) / len(alarms), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[harm_reader.THRESHOLD])
    parser.add_argument("--without-harm-word", type=float, default=None)
    args = parser.parse_args()
    nlu = intent_examples(ROOT / "data" / "nlu")
    sets = {name: _set(name) for name in SOURCES}
    screened = {name: [screen(item["text"]) for item in items] for name, items in sets.items()}
    found = {name: [s.finding is not None for s in screenings] for name, screenings in screened.items()}
    conversation = [(text, False) for text in pool_texts()]
    out: Dict[str, dict] = {}
    for left_out, items in sets.items():
        train = [(item["text"], item["report"]) for name in SOURCES if name != left_out for item in sets[name]]
        reader = harm_reader.train(harm_reader.with_intent_examples(train + conversation, nlu))
        # As the assistant reads: a short message with no harm word is not the reader's to call.
        probabilities = [
            reader.probability(item["text"]) if harm_reader.asked(item["text"], s.mentions) else 0.0
            for item, s in zip(items, screened[left_out])
        ]
        row = {"detector": _figures(items, found[left_out])}
        for t in args.thresholds:
            said = [p >= (t if s.mentions or args.without_harm_word is None else args.without_harm_word)
                    for p, s in zip(probabilities, screened[left_out])]
            row[f"reader@{t}"] = _figures(items, said)
            row[f"either@{t}"] = _figures(items, [a or b for a, b in zip(said, found[left_out])])
        out[left_out] = row
    keys = list(next(iter(out.values())))
    out["mean"] = {k: {m: round(sum(out[s][k][m] for s in SOURCES) / len(SOURCES), 3) for m in out[SOURCES[0]][k]}
                   for k in keys}
    out["min_recall"] = {k: min(out[s][k]["recall"] for s in SOURCES) for k in keys}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
