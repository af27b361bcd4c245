"""Each criterion of the company's programme (its managed access page, the
programme's rules), and what happens when it is not met."""
import pytest

from bot.pathway import Conditional, Need, Outcome, assess
from tests.conftest import ALL_MET, FACT_SHEET_URLS, PHYSICIAN_FR

MAP_URL = FACT_SHEET_URLS["Company MAP page"]
AAC_ROUTE = {**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "not_authorised", "in_development": False}
OTHER_COUNTRY = {"role": "physician", "country": "BE", "product_type": "medicine", "authorisation": "not_authorised"}

CRITERIA = [
    # slot, failing value, outcome
    ("serious_condition", False, "NOT_ELIGIBLE"),
    ("alternatives_exhausted", False, "NOT_ELIGIBLE"),
    ("previously_treated", True, "NOT_ELIGIBLE"),
    ("in_company_trial", True, "CONTINUE_TRIAL"),
    ("trial_available", True, "CLINICAL_TRIAL"),
]


@pytest.mark.parametrize("base", [AAC_ROUTE, OTHER_COUNTRY], ids=["FR_AAC", "COMPANY_MAP"])
@pytest.mark.parametrize("slot,value,expected", CRITERIA, ids=[c[0] for c in CRITERIA])
def test_failed_criterion(kb, base, slot, value, expected):
    result = assess({**base, **ALL_MET, slot: value}, kb)
    assert isinstance(result, Outcome)
    assert result.scheme == expected and result.eligible is False
    assert result.unmet_criteria == (slot,)
    criterion = kb.programme.criteria[slot]
    assert MAP_URL in {s.url for s in criterion.sources}


def test_all_criteria_are_programme_rules_from_the_company_page(kb):
    assert set(kb.programme.criteria) == {
        "authorisation", "serious_condition", "alternatives_exhausted",
        "previously_treated", "in_company_trial", "trial_available",
    }
    for criterion in kb.programme.criteria.values():
        assert MAP_URL in {s.url for s in criterion.sources}


def test_benefit_risk_is_the_company_assessment_and_never_asked(kb):
    facts = {**AAC_ROUTE}
    asked = set()
    while isinstance(result := assess(facts, kb), Need):
        asked.add(result.slot)
        facts[result.slot] = ALL_MET[result.slot]
    assert "benefit_risk" not in asked
    benefit_risk = [f for f in kb.programme.company_assessed if f.key == "benefit_risk"][0]
    assert "company's own assessment" in benefit_risk.text
    assert MAP_URL in {s.url for s in benefit_risk.sources}


def test_several_failures_are_all_listed(kb):
    result = assess({**AAC_ROUTE, **ALL_MET, "serious_condition": False, "previously_treated": True}, kb)
    assert result.scheme == "NOT_ELIGIBLE"
    assert set(result.unmet_criteria) == {"serious_condition", "previously_treated"}


def test_outcome_comes_as_soon_as_a_criterion_fails(kb):
    facts = {**AAC_ROUTE, "in_company_trial": False, "trial_available": False, "serious_condition": False}
    result = assess(facts, kb)
    assert isinstance(result, Outcome) and result.scheme == "NOT_ELIGIBLE"


def test_open_trial_settles_it_early(kb):
    result = assess({**AAC_ROUTE, "in_company_trial": False, "trial_available": True}, kb)
    assert isinstance(result, Outcome) and result.scheme == "CLINICAL_TRIAL"


def test_trial_question_still_asked_when_it_could_change_a_failure(kb):
    """A failed criterion gives NOT_ELIGIBLE, but an open trial comes first."""
    result = assess({**AAC_ROUTE, "serious_condition": False}, kb)
    assert result == Need("in_company_trial")


def test_company_trial_wins_over_every_criterion_once_the_status_is_known(kb):
    """Company MAP page: the programme is not for patients in a company trial,
    nor for products authorised and available; the second decides first,
    whichever order the facts came in."""
    in_trial = {"role": "patient", "country": "FR", "in_company_trial": True}
    assert assess(in_trial, kb) == Need("product_type")
    assert assess({**in_trial, "product_type": "medicine"}, kb) == Need("authorisation")
    result = assess({**in_trial, "product_type": "medicine", "authorisation": "not_authorised"}, kb)
    assert result.scheme == "CONTINUE_TRIAL" and result.unmet_criteria == ("in_company_trial",)
    result = assess({**in_trial, "product_type": "medicine", "authorisation": "authorised_available"}, kb)
    assert result.scheme == "NONE_NEEDED" and result.unmet_criteria == ("authorisation",)


def test_unknown_fact_gives_each_case(kb):
    facts = {**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "not_authorised", **ALL_MET}
    result = assess(facts, kb, frozenset({"in_development"}))
    assert isinstance(result, Conditional)
    assert result.depends_on == ("in_development",)
    assert {(tuple(a.items()), o.scheme) for a, o in result.branches} == {
        ((("in_development", True),), "FR_AAP"),
        ((("in_development", False),), "FR_AAC"),
    }


def test_unknown_fact_that_does_not_matter_gives_one_outcome(kb):
    facts = {**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "authorised_not_available", **ALL_MET}
    result = assess(facts, kb, frozenset({"in_development"}))
    assert isinstance(result, Outcome) and result.scheme == "FR_AAP"


def test_unknown_country_cannot_be_branched(kb):
    assert assess({"role": "physician"}, kb, frozenset({"country"})) == Need("country")


def _all_patients(country):
    import itertools

    from bot.facts import DOMAINS

    slots = ["product_type", "authorisation", "in_development", "serious_condition", "alternatives_exhausted",
             "previously_treated", "in_company_trial", "trial_available"]
    for values in itertools.product(*(DOMAINS[s] for s in slots)):
        yield {"role": "physician", "country": country, **dict(zip(slots, values))}


@pytest.mark.parametrize("country", ["FR", "BE"])
def test_the_outcome_does_not_depend_on_the_order_the_facts_came_in(kb, country):
    """Contract: a fact already given is not asked again, and a question is
    asked only when its answer can change the outcome. So answering the
    questions one by one reaches what a message stating every fact gets, and
    every fact asked was needed."""
    for patient in _all_patients(country):
        told_at_once = assess(patient, kb)
        known, asked = {k: patient[k] for k in ("role", "country")}, []
        result = assess(known, kb)
        while isinstance(result, Need):
            assert result.slot not in asked, (patient, asked)
            asked.append(result.slot)
            known[result.slot] = patient[result.slot]
            result = assess(known, kb)
        assert result.scheme == told_at_once.scheme, patient
        # One failed criterion settles NOT_ELIGIBLE: the others are not asked,
        # so only those known are listed.
        assert result.unmet_criteria and set(result.unmet_criteria) <= set(told_at_once.unmet_criteria) \
            if told_at_once.unmet_criteria else not result.unmet_criteria, patient
