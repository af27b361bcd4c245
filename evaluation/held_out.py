"""The held-out sets: written blind, frozen before their first run, and read
only for figures. One list for the tests that keep them out of the training
data and for the scripts that build training files, which leave out any
message that near-copies one of their texts."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, List

import yaml

# tests/safety/
SAFETY = frozenset({"blind_6.yml", "blind_8.yml", "blind_9.yml", "blind_12.yml", "blind_13.yml", "blind_14.yml",
                    "blind_15.yml", "blind_19.yml", "blind_23.yml", "blind_24.yml", "blind_25.yml", "blind_26.yml",
                    "blind_49.yml"})
# tests/conversations/
POOLS = frozenset({"pool_blind_8.yml", "pool_blind_11.yml", "pool_blind_63.yml"})
# tests/facets/
FACETS = frozenset({"blind_7.yml"})

# Texts of at most this many words ("yes", "Lyon", "not sure") are bound to
# match some training text once masked: only longer ones are compared.
SHORT = 3


def texts(node: Any) -> Iterator[str]:
    """The texts of a set as loaded from YAML: every string, or an item's
    "text" alone where it has one (not its category or its facts)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield node["text"]
            return
        for value in node.values():
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


def texts_of(paths: Iterable[Path]) -> List[str]:
    """Every text of the sets at `paths`, in order."""
    return [t for path in paths for t in texts(yaml.safe_load(Path(path).read_text(encoding="utf-8")))]


def set_paths(tests: Path) -> List[Path]:
    """The held-out safety sets and conversation pools under `tests`, in a stable order."""
    return [tests / "safety" / name for name in sorted(SAFETY)] + [tests / "conversations" / name for name in sorted(POOLS)]


def development_question_sets(tests: Path) -> List[str]:
    """Every question set of tests/facets but the held-out ones: dev first, then the blind ones by number."""
    def order(path: Path):
        tail = path.stem.rsplit("_", 1)[-1]
        return (path.stem.startswith("blind"), int(tail) if tail.isdigit() else 0, path.stem)
    return [p.stem for p in sorted((tests / "facets").glob("*.yml"), key=order) if p.name not in FACETS]
