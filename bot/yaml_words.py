"""Word lists read from YAML: a bare no, yes, on or off is read as a
boolean, so every word must be quoted text."""
from __future__ import annotations

from typing import Any


def strings_only(node: Any, where: str) -> None:
    """Raise ValueError naming the first item of a list (in `node`, however
    nested in mappings) that is not text."""
    if isinstance(node, dict):
        for key, value in node.items():
            strings_only(value, f"{where}: {key}")
    elif isinstance(node, list):
        for item in node:
            if not isinstance(item, str):
                raise ValueError(f"{where}: {item!r} is not text (quote it)")
