"""The statement reader's training texts from conversation pools
(bot/statement_reader.py): each pool's answers to a yes/no question are
about that question's fact; its answers to the other questions (role,
country, product, status, "I don't know"), and the clauses of its openings
that state no yes/no fact, are about none. Used by
scripts/build_statement_examples.py (the development pools) and
bench/statement_reader_cv.py (one pool left out at a time)."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from bot.facts import yes_no
from bot.polarity import clauses, load_lexicon
from bot.statement_reader import label


def examples_from_pools(paths: Iterable[Path]) -> Tuple[Dict[str, Dict[bool, List[str]]], List[str]]:
    """(fact -> value -> texts, texts about none), each text once, in pool order."""
    facts: Dict[str, Dict[bool, List[str]]] = {}
    none: List[str] = []
    lex = load_lexicon()
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for slot, values in data["facts"].items():
            for value, texts in values.items():
                if yes_no(slot):
                    facts.setdefault(slot, {}).setdefault(bool(value), []).extend(t.strip() for t in texts)
                else:
                    none.extend(t.strip() for t in texts)
        none.extend(t.strip() for t in data.get("dont_know") or ())
        for opening in data.get("openings") or ():
            if not any(yes_no(slot) for slot in opening.get("facts") or {}):
                none.extend(" ".join(words) for _, words in clauses(opening["text"], lex))
    return ({slot: {value: list(dict.fromkeys(t for t in texts if t)) for value, texts in by_value.items()}
             for slot, by_value in facts.items()},
            list(dict.fromkeys(t for t in none if t)))


def as_pairs(facts: Dict[str, Dict[bool, List[str]]], none: List[str]) -> List[Tuple[str, str]]:
    """(text, label) pairs for bot/statement_reader.train: "slot=true", "slot=false" or "none"."""
    return [(text, label(slot, value)) for slot, by_value in facts.items()
            for value, texts in by_value.items() for text in texts] + [(text, "none") for text in none]
