"""Writing a generated data file, or checking that it is up to date (the
--check mode the tests run), shared by the scripts that build training data
from the development sets."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable


def main(target: Path, build: Callable[[], str], script: str, description: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not what the sets give")
    args = parser.parse_args()
    text = build()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0
