"""The action server: rasa_sdk's own, started after the readers the actions
use are loaded (GeoNames places, country names, the role, answer and harm
lexicons, the knowledge base and the learned facet reader (and the statement reader when
STATEMENT_READER is on): several seconds
and most of the process's memory), so that no user's first message waits for
them. Usage: python -m services.action_server --actions actions --port 5055."""
from __future__ import annotations

import time
from typing import List, Optional


def warm_up() -> float:
    """Load everything the actions read with; returns the seconds it took."""
    from bot.config import settings
    from bot.facets import warm_up as warm_facets
    from bot.harm import warm_up as warm_harm
    from bot.knowledge import get_knowledge_base
    from bot.statement_reader import warm_up as warm_statements
    from bot.understanding import interpret

    start = time.monotonic()
    kb = get_knowledge_base()
    # One message through the fact readers loads places, countries, roles,
    # product types, statuses and answers.
    interpret("I'm her oncologist in Lyon; it is not approved and she has never had it", None, [], None, {})
    # ... and an answer to an open question: buttons named by their place, the product's kind.
    interpret("tablets, the second one", None, [], "product_type", {"requested_slot": "product_type"})
    warm_facets(kb)
    warm_harm()
    if settings().statement_reader:
        warm_statements()
    return time.monotonic() - start


def main(argv: Optional[List[str]] = None) -> None:
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    args = create_argument_parser().parse_args(argv)
    seconds = warm_up()
    print(f"action server: readers loaded in {seconds:.1f} s", flush=True)
    main_from_args(args)


if __name__ == "__main__":
    main()
