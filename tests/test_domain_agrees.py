"""The Rasa domain declares exactly the slots the code names once (the
contract's facts in bot/facts.py, every other slot in bot/slots.py), with the
same types and values, and its forms ask only slots that exist."""
from pathlib import Path

import pytest
import yaml

from bot.facts import FACT_SLOTS
from bot.render import SLOT_LABELS, VALUE_LABELS
from bot.slots import ALL_SLOTS, CONTACT_SLOTS, STATUS_SLOTS, slot_type, slot_values

DOMAIN = Path(__file__).resolve().parent.parent / "domain"
# The slot names the assessment contract gives (../shared/assessment-contract.md),
# as far as the assistant gathers them so far.
CONTRACT_SLOTS = ("role", "country", "product_type", "authorisation", "in_development", "serious_condition",
                  "alternatives_exhausted", "previously_treated", "in_company_trial", "trial_available", "emergency",
                  "pathway", "requested_slot")
CONTRACT_VALUES = {
    "role": ["physician", "patient_advocate", "patient", "other_hcp"],
    "product_type": ["medicine", "medical_device"],
    "authorisation": ["not_authorised", "authorised_other_indication", "authorised_not_available",
                      "authorised_available"],
}


def _domain(section: str) -> dict:
    merged: dict = {}
    for file in sorted(DOMAIN.glob("*.yml")):
        part = (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get(section) or {}
        overlap = set(merged) & set(part) if isinstance(part, dict) else set()
        assert not overlap, f"{file.name} declares {sorted(overlap)} again"
        if isinstance(part, dict):
            merged.update(part)
        else:
            merged.update({name: None for name in part})
    return merged


@pytest.fixture(scope="module")
def slots():
    return _domain("slots")


def test_the_domain_declares_exactly_the_slots_the_code_names(slots):
    assert sorted(slots) == sorted(ALL_SLOTS)


@pytest.mark.parametrize("slot", ALL_SLOTS)
def test_each_slot_has_the_type_and_values_the_code_gives_it(slots, slot):
    assert slots[slot]["type"] == slot_type(slot)
    values = slot_values(slot)
    assert slots[slot].get("values") == (list(values) if values else None)


@pytest.mark.parametrize("slot,values", CONTRACT_VALUES.items())
def test_categorical_facts_take_the_contracts_values(slots, slot, values):
    assert slots[slot]["values"] == values


def test_yes_no_facts_are_bool_slots_and_the_country_and_outcome_are_text(slots):
    for slot in set(CONTRACT_SLOTS) - set(CONTRACT_VALUES):
        expected = "text" if slot in ("country", "pathway", "requested_slot") else "bool"
        assert slots[slot]["type"] == expected, slot


def test_the_contracts_slot_names_are_all_there(slots):
    assert set(CONTRACT_SLOTS) <= set(slots)
    assert set(FACT_SLOTS) <= set(CONTRACT_SLOTS)


def test_every_form_asks_slots_that_exist_and_the_code_asks_the_same(slots):
    forms = _domain("forms")
    assert forms, "no forms in the domain"
    for name, form in forms.items():
        missing = set(form["required_slots"]) - set(slots)
        assert not missing, f"{name} requires undeclared slots {sorted(missing)}"
    assert forms["handoff_form"]["required_slots"] == list(CONTACT_SLOTS)
    assert forms["status_form"]["required_slots"] == list(STATUS_SLOTS)


def test_every_slot_a_form_asks_has_its_ask_action():
    actions = set(_domain("actions"))
    for slot in CONTACT_SLOTS + STATUS_SLOTS:
        assert f"action_ask_{slot}" in actions, slot


def test_every_fact_and_value_has_words_for_the_user():
    assert set(SLOT_LABELS) == set(FACT_SLOTS)
    for values in CONTRACT_VALUES.values():
        assert all(value in VALUE_LABELS for value in values)
