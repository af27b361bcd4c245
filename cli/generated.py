"""The command line of the scripts that generate data files: write the file,
or with --check exit 1 when the file is not what the sources give (the
tests run the check, so a stale file fails them)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable


def write_or_check(target: Path, build: Callable[[], str], description: str, script: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not what the sources give")
    args = parser.parse_args()
    text = build()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run python {script}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0
