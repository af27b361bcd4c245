"""Precise questions: right facet, UNCONFIRMED facts never asserted, wrong
premises corrected first (evaluation/facets.py).
Usage: python bench/eval_facets.py SET [--model MODEL] [--quiet]
With --model, the NLU must also classify each message as a question
(ask_info). --quiet prints the figures only: use it on a held-out set, whose
questions must not be read."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.config import settings  # noqa: E402
from bot.knowledge import get_knowledge_base  # noqa: E402
from evaluation.facets import evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path, help="a set such as tests/facets/dev.yml")
    parser.add_argument("--model", type=Path, help="also check the NLU classifies each message as ask_info")
    parser.add_argument("--quiet", action="store_true", help="figures only: no misses, no question text")
    args = parser.parse_args()
    figures = evaluate(args.set, get_knowledge_base(), settings(), args.model)
    misses = figures.pop("misses")
    print(json.dumps(figures, indent=2))
    if not args.quiet:
        print(f"\n{len(misses)} miss(es):")
        for line in misses:
            print(f"- {line}")


if __name__ == "__main__":
    main()
