"""Safety evaluation: does the trained assistant recognise reports of harm?

A set (tests/safety/*.yml) holds `reports` and `non_reports`, each a list of
{text, category}. Every message is parsed by the trained model (the whole NLU
pipeline, harm detector included); a report counts as detected when the final
intent is report_adverse_event or emergency, since either gives the user a
safety route first. Figures: recall overall and per category, recall on deaths
and life-threatening events, the false-alarm rate on non-reports (overall and
per category), and the misses of both kinds."""
from __future__ import annotations

import asyncio
import logging
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List

import yaml

SAFETY_INTENTS = frozenset({"report_adverse_event", "emergency"})
# Categories that must all be caught (issue 11: 100% recall).
MUST_CATCH = frozenset({"death", "life_threatening"})


def load_set(path: Path) -> Dict[str, List[dict]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {"reports": list(data.get("reports") or []), "non_reports": list(data.get("non_reports") or [])}


def parse_all(model: Path, texts: List[str]) -> List[dict]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not one debug line per message
    agent = Agent.load(str(model))

    async def run():
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def score(items: Dict[str, List[dict]], parsed: List[dict]) -> dict:
    """Figures from the set and the parse results (in the order reports, non_reports)."""
    reports, non_reports = items["reports"], items["non_reports"]
    assert len(parsed) == len(reports) + len(non_reports)
    by_cat, fa_by_cat = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    misses, false_alarms = [], []
    sources = Counter()
    for index, (item, result) in enumerate(zip(reports + non_reports, parsed)):
        is_report = index < len(reports)
        intent = (result.get("intent") or {}).get("name")
        detected = intent in SAFETY_INTENTS
        finding = (result.get("harm_detector") or {}).get("finding")
        line = f"[{item.get('category')}] {intent}{' (harm: ' + finding['category'] + ')' if finding else ''}: {item['text']}"
        counts = by_cat if is_report else fa_by_cat
        counts[item.get("category")][0] += int(detected)
        counts[item.get("category")][1] += 1
        if is_report and not detected:
            misses.append(line)
        elif not is_report and detected:
            false_alarms.append(line)
            sources[_source(result)] += 1
    detected = sum(hit for hit, _ in by_cat.values())
    must = [by_cat[c] for c in MUST_CATCH if c in by_cat]
    alarms = sum(hit for hit, _ in fa_by_cat.values())
    return {
        "reports": len(reports),
        "non_reports": len(non_reports),
        "recall": _rate(detected, len(reports)),
        "recall_death_life_threatening": _rate(sum(h for h, _ in must), sum(t for _, t in must)),
        "false_alarm_rate": _rate(alarms, len(non_reports)),
        "recall_by_category": {c: f"{h}/{t}" for c, (h, t) in sorted(by_cat.items())},
        "false_alarms_by_category": {c: f"{h}/{t}" for c, (h, t) in sorted(fa_by_cat.items())},
        # Which route a false alarm took: reporting guidance, or the emergency route.
        "false_alarms_by_intent": dict(sorted(Counter(line.split("] ", 1)[1].split(":", 1)[0].split(" ")[0] for line in false_alarms).items())),
        # Which reader made each false alarm: a figure a held-out set may give
        # without a message of it being read.
        "false_alarms_by_source": dict(sorted(sources.items())),
        "misses": misses,
        "false_alarms": false_alarms,
    }


def _source(result: dict) -> str:
    """Who read a message as a report, as the harm detector component recorded
    it: the detector, the harm reader, both, or the intent classifier alone
    (an emergency or report reading the others let stand)."""
    record = result.get("harm_detector") or {}
    detector = record.get("finding") is not None
    reader = bool(record.get("reader_found"))
    if detector and reader:
        return "detector_and_reader"
    if detector:
        return "detector"
    if reader:
        return "reader"
    return f"classifier_{(result.get('intent') or {}).get('name')}"


def evaluate(model: Path, safety_set: Path) -> dict:
    items = load_set(safety_set)
    texts = [item["text"] for item in items["reports"] + items["non_reports"]]
    return score(items, parse_all(model, texts))
