"""Safety evaluation of a trained model on a safety set (see evaluation/safety.py).

Usage: python bench/eval_safety.py MODEL SET [--quiet]
Prints the figures as JSON, then every missed report and every false alarm;
with --quiet only the figures (for a held-out set, whose content must not be
read while developing)."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from evaluation.safety import evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("set", type=Path)
    parser.add_argument("--quiet", action="store_true", help="figures only, no messages printed")
    args = parser.parse_args()
    figures = evaluate(args.model, args.set)
    misses, false_alarms = figures.pop("misses"), figures.pop("false_alarms")
    print(json.dumps({"model": str(args.model), "set": args.set.name, **figures}, indent=2))
    if not args.quiet:
        print(f"\nMissed reports ({len(misses)}):")
        print("\n".join(misses))
        print(f"\nFalse alarms ({len(false_alarms)}):")
        print("\n".join(false_alarms))


if __name__ == "__main__":
    main()
