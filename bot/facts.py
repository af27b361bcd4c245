"""The facts the assessment gathers, named exactly as in the assessment
contract, with the values each may take and the order questions are asked."""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

ROLES = ("physician", "patient_advocate", "patient", "other_hcp")
PRODUCT_TYPES = ("medicine", "medical_device")
AUTHORISATIONS = (
    "not_authorised",
    "authorised_other_indication",
    "authorised_not_available",
    "authorised_available",
)
BOOL = (True, False)

# slot -> the values it may take (None: free text, e.g. a country code)
DOMAINS: Dict[str, Optional[Tuple[Any, ...]]] = {
    "role": ROLES,
    "country": None,
    "product_type": PRODUCT_TYPES,
    "authorisation": AUTHORISATIONS,
    "in_development": BOOL,
    "serious_condition": BOOL,
    "alternatives_exhausted": BOOL,
    "previously_treated": BOOL,
    "in_company_trial": BOOL,
    "trial_available": BOOL,
    "emergency": BOOL,
}

FACT_SLOTS = tuple(DOMAINS)

# The order in which open questions are asked.
QUESTION_ORDER = (
    "role",
    "country",
    "product_type",
    "authorisation",
    "in_development",
    "in_company_trial",
    "trial_available",
    "serious_condition",
    "alternatives_exhausted",
    "previously_treated",
)

# Facts an "I don't know" cannot stand in for: nothing can be assessed
# without them, so the bot explains and asks again.
REQUIRED_KNOWN = ("role", "country")

# Scheme, filer and authority codes are data: each scheme entry under
# data/knowledge/schemes/ defines its code, and authorities.yml the filers and
# authorities (bot/knowledge.py checks every reference against them).

PLAIN_ROLES = ("patient_advocate", "patient")


def is_plain_audience(role: Optional[str]) -> bool:
    """Patients and advocates get plain words and cannot file."""
    return role in PLAIN_ROLES


def yes_no(slot: Optional[str]) -> bool:
    """Whether the fact is answered yes or no."""
    return DOMAINS.get(slot) == BOOL


def valid_value(slot: str, value: Any) -> bool:
    domain = DOMAINS.get(slot)
    if slot not in DOMAINS:
        return False
    if domain is None:
        return isinstance(value, str) and len(value) == 2 and value.isupper()
    return value in domain


def known_facts(values: Mapping[str, Any]) -> Dict[str, Any]:
    """Only contract facts with a valid value."""
    return {k: v for k, v in values.items() if k in DOMAINS and v is not None and valid_value(k, v)}
