"""The statement reader on pools it never learnt from: each development
conversation pool is left out in turn, the reader trained on the others'
texts (as scripts/build_statement_examples.py builds them), and the
left-out pool's openings and compound answers read for their yes/no facts
by the anchors alone (bot/statements.py and the rest of
bot/understanding.interpret) and by the anchors then the reader (what the
assistant does when STATEMENT_READER is on), with and without the reader's
veto of a value it finds less likely than the other. Counts, over every yes/no fact the texts state: read
right, read wrong, and facts read that the text does not state. Figures
only: no text is printed.
Usage: python -m bench.statement_reader_cv [--thresholds 0.5 0.6 0.7 0.8]"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Dict

import yaml

from bot import statement_reader
from bot.facts import yes_no
from bot.understanding import interpret
from evaluation.statement_examples import as_pairs, examples_from_pools
from scripts.build_statement_examples import POOLS, pool_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[statement_reader.THRESHOLD])
    args = parser.parse_args()
    totals: Dict[str, Counter] = {}
    for left_out in POOLS:
        reader = statement_reader.train(as_pairs(*examples_from_pools(pool_path(n) for n in POOLS if n != left_out)))
        data = yaml.safe_load(pool_path(left_out).read_text(encoding="utf-8"))
        items = [("openings", o["text"], o.get("facts") or {}, None) for o in data.get("openings") or ()]
        items += [("compound", c["text"], c["facts"], c["asked"]) for c in data.get("compound") or ()]
        for kind, text, expected, asked in items:
            rules = interpret(text, "inform", [], asked, {}).facts  # the anchors alone (the reader is off)
            for threshold, agree in [(None, False)] + [(t, a) for t in args.thresholds for a in (False, True)]:
                name = f"{kind}: anchors" if threshold is None else \
                    f"{kind}: anchors, then the reader at {threshold}{', values agreeing' if agree else ''}"
                read = dict(rules)
                if threshold is not None:
                    for slot, value in statement_reader.stated_by_reader(
                            text, skip=asked, reader=reader, threshold=threshold, agree=agree).items():
                        read.setdefault(slot, value)
                count = totals.setdefault(name, Counter())
                for slot in {s for s in list(expected) + list(read) if yes_no(s) and s != asked}:
                    if slot not in expected:
                        count["read, not stated"] += 1
                        continue
                    count["stated"] += 1
                    count["read right"] += read.get(slot) == expected[slot]
                    count["read wrong"] += read.get(slot) not in (None, expected[slot])
    print(json.dumps({name: dict(c) for name, c in totals.items()}, indent=1))


if __name__ == "__main__":
    main()
