"""Every slot the dialogue keeps besides the contract's facts (bot/facts.py),
each list named once. domain/*.yml declares exactly these slots with these
types, and the forms ask these slots (tests/test_domain_agrees.py)."""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from bot.facts import BOOL, DOMAINS, FACT_SLOTS

# The contract's other slots: the outcome's scheme code (any code of the
# knowledge base, so a text slot) and the fact being asked.
OUTCOME_SLOT = "pathway"
REQUESTED_SLOT = "requested_slot"

# Assessment bookkeeping, not part of the contract: name -> slot type.
HELPERS: Dict[str, str] = {
    "unknown_facts": "list",  # facts the user said they don't know
    "approved_only_in": "text",  # the only country where the user said it is approved ("only in the US")
    "emergency_notified": "bool",
    "outcome_key": "text",  # the outcome last given, to notice when a correction changes it
    "turn_facts": "list",  # facts read from the latest message
    "corrected": "list",  # facts the latest message changed
    "missed": "float",  # answers to the open question not understood in a row
}
HELPER_SLOTS = tuple(HELPERS)
# What an assessment turn reads from the tracker.
ASSESSMENT_SLOTS = FACT_SLOTS + HELPER_SLOTS + (REQUESTED_SLOT, OUTCOME_SLOT)

# Handoff: the contact details the handoff form can ask, in order; the
# request's own state; the status lookup's questions and attempt count.
CONTACT_SLOTS = ("contact_name", "contact_institution", "contact_email", "contact_phone", "contact_time",
                 "contact_consent")
HANDOFF_SLOTS = CONTACT_SLOTS + ("handoff_cancelled", "handoff_reference")
STATUS_SLOTS = ("status_reference", "status_email")
STATUS_ATTEMPTS = "status_attempts"
HANDOFF_STATE = HANDOFF_SLOTS + STATUS_SLOTS + (STATUS_ATTEMPTS,)

_OTHER_TYPES: Dict[str, str] = {
    OUTCOME_SLOT: "text",
    REQUESTED_SLOT: "text",
    **HELPERS,
    **{slot: "text" for slot in HANDOFF_SLOTS + STATUS_SLOTS},
    "contact_consent": "bool",
    "handoff_cancelled": "bool",
    STATUS_ATTEMPTS: "float",
}
ALL_SLOTS = tuple(dict.fromkeys(ASSESSMENT_SLOTS + HANDOFF_STATE))


def slot_type(slot: str) -> str:
    """The slot's type as the domain declares it: a contract fact's follows
    from its values (free text, yes/no, or a fixed list)."""
    if slot in DOMAINS:
        values = DOMAINS[slot]
        return "text" if values is None else "bool" if values == BOOL else "categorical"
    return _OTHER_TYPES[slot]


def slot_values(slot: str) -> Optional[Tuple[str, ...]]:
    """The values of a categorical slot."""
    return DOMAINS.get(slot) if slot_type(slot) == "categorical" else None
