"""Writes data/lexicon/harm_examples.yml, the harm reader's training messages
(bot/harm_reader.py): the development safety sets (the sets whose misses or
false alarms were read, so they no longer measure anything held out), and,
as messages that report nothing, every answer and opening of the development
conversation pools: without them the reader took one in twenty of what
people write to the assessment ("tablets", "brother of the patient", "DE")
for a report. Held-out sets are never read here.
Usage: python scripts/build_harm_examples.py [--check]"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Set

import yaml

from cli.generated import write_or_check
from evaluation import held_out
from evaluation.nlu import near_copy_key
from evaluation.safety import load_set

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "data" / "lexicon" / "harm_examples.yml"
# Development safety sets, in the order they were written.
SOURCES = ["dev", "blind_1", "blind_2", "blind_3", "blind_4", "blind_5", "blind_7", "blind_10", "blind_11", "blind_16",
           # sixteenth session: their false alarms read
           "blind_17", "blind_18",
           # twenty-seventh session: every set read since. Trained on 20-22, 27 and 28,
           # the reader read sets 29 and 30 better than without them: recall 0.9853
           # against 0.9779, every death and life-threatening event against one lost,
           # false alarms 0.1517 against 0.1737 (BENCHMARKS.md)
           "blind_20", "blind_21", "blind_22", "blind_27", "blind_28", "blind_29", "blind_30", "blind_31",
           # twenty-eighth session, once blind_33 was frozen
           "blind_32",
           # twenty-ninth session, once blind_34 and then blind_35 were frozen
           "blind_33", "blind_34",
           # thirtieth session, once blind_36 and then blind_37 were frozen
           "blind_35", "blind_36",
           # thirty-first session, once blind_38 and then blind_39 were frozen
           "blind_37", "blind_38",
           # thirty-second session, once blind_40 and blind_41 were frozen
           "blind_39", "blind_41",
           # ... and blind_42, read in the session that froze it (deaths, half in other languages)
           "blind_42",
           # thirty-fourth session, once blind_44 was frozen
           "blind_40",
           # thirty-fifth session, once blind_45 was frozen
           "blind_43",
           # thirty-sixth session, once blind_46 was frozen
           "blind_44",
           # thirty-seventh session, once blind_47 was frozen
           "blind_45",
           # thirty-eighth session, once blind_48 was frozen
           "blind_46", "blind_47",
           # thirty-ninth session, once blind_49 was frozen
           "blind_48"]
# Development question sets (tests/facets/): access questions and wrong
# premises, none a report. The reader took French ones ("par quel canal
# envoie-t-on une demande d'AAC ?") for reports. The facet reader's questions
# (data/lexicon/facet_examples.yml) already leave out what a held-out set
# shares word for word; the premises are taken from these sets, minus those.
FACET_EXAMPLES = ROOT / "data" / "lexicon" / "facet_examples.yml"
# Minimal pairs written for the reader: a report and a near copy that reports nothing.
PAIRS = ROOT / "data" / "lexicon" / "harm_pairs.yml"
CONVERSATIONS = ROOT / "tests" / "conversations"


def development_pools() -> List[str]:
    """Every conversation pool but the held-out ones (evaluation/held_out.py),
    the development pool first, then the blind ones by number: each was read
    once the next was frozen."""
    def number(path: Path) -> int:
        tail = path.stem.rsplit("_", 1)[-1]
        return int(tail) if tail.isdigit() else -1
    paths = sorted(CONVERSATIONS.glob("pool_*.yml"), key=number)
    return [p.stem for p in paths if p.name not in held_out.POOLS]


def _texts(node) -> List[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for value in node.values() for t in _texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in _texts(value)]
    return []


def pool_texts() -> List[str]:
    """Every message of the development pools, once each, in a stable order."""
    seen: List[str] = []
    for name in development_pools():
        data = yaml.safe_load((CONVERSATIONS / f"{name}.yml").read_text(encoding="utf-8"))
        seen += [t.strip() for t in _texts(data) if t.strip()]
    return list(dict.fromkeys(seen))


def question_texts() -> List[str]:
    def facet_set(name: str) -> dict:
        return yaml.safe_load((ROOT / "tests" / "facets" / f"{name}.yml").read_text(encoding="utf-8")) or {}

    def key(text: str) -> str:
        return " ".join(text.lower().split())

    held = {key(item["text"]) for data in map(facet_set, (Path(n).stem for n in sorted(held_out.FACETS)))
            for item in data.get("questions", []) + data.get("wrong_premise", [])}
    texts = [item["text"] for item in yaml.safe_load(FACET_EXAMPLES.read_text(encoding="utf-8"))["examples"]]
    texts += [item["text"] for name in held_out.development_question_sets(ROOT / "tests")
              for item in facet_set(name).get("wrong_premise", [])]
    return list(dict.fromkeys(t for t in texts if key(t) not in held))


def held_out_keys() -> Set[str]:
    """The near-copy keys of the held-out sets' longer texts: blind writers share
    stock phrasings ("no side effects so far, all good"), and a development
    message that near-copies a held-out one would teach the reader its answer.
    Keys only: no held-out text is written anywhere."""
    return {near_copy_key(t) for t in held_out.texts_of(held_out.set_paths(ROOT / "tests")) if len(t.split()) > held_out.SHORT}


def pairs() -> List[dict]:
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8")) or {}
    return [pair for group in data.values() for pair in group]


def build() -> str:
    reports: List[str] = []
    non_reports: List[str] = []
    for name in SOURCES:
        data = load_set(ROOT / "tests" / "safety" / f"{name}.yml")
        reports += [item["text"] for item in data["reports"]]
        non_reports += [item["text"] for item in data["non_reports"]]
    for pair in pairs():
        reports.append(pair["report"])
        non_reports.append(pair["non_report"])
    held = held_out_keys()

    def kept(texts: List[str]) -> List[str]:
        return [t for t in dict.fromkeys(texts) if len(t.split()) <= held_out.SHORT or near_copy_key(t) not in held]

    reports, non_reports = kept(reports), kept(non_reports)
    known = set(reports) | set(non_reports)
    conversation = [t for t in kept(pool_texts()) if t not in known]
    header = (
        "# Generated by scripts/build_harm_examples.py: do not edit by hand.\n"
        "# Training messages of the harm reader (bot/harm_reader.py), from the\n"
        f"# development safety sets tests/safety/{{{', '.join(SOURCES)}}}.yml and the minimal pairs\n"
        "# of data/lexicon/harm_pairs.yml;\n"
        "# conversation: what people write to the assessment, none of it a report, from\n"
        f"# tests/conversations/{{{', '.join(development_pools())}}}.yml;\n"
        "# questions: about the schemes and the programme, none of them a report, from\n"
        f"# data/lexicon/facet_examples.yml and tests/facets/{{{', '.join(held_out.development_question_sets(ROOT / 'tests'))}}}.yml.\n"
    )
    taken = known | set(conversation)
    questions = [t for t in kept(question_texts()) if t not in taken]
    body = yaml.safe_dump({"reports": reports, "non_reports": non_reports, "conversation": conversation,
                           "questions": questions},
                          allow_unicode=True, sort_keys=False, width=1000)
    return header + body


def main() -> int:
    return write_or_check(TARGET, build, __doc__.splitlines()[0], "scripts/build_harm_examples.py")


if __name__ == "__main__":
    sys.exit(main())
