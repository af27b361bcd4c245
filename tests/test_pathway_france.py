"""Every row of the France decision logic, each naming the source it rests on
(access-schemes-facts.md §1 and its decision table)."""
import pytest

from bot.pathway import Need, Outcome, assess
from tests.conftest import ALL_MET, FACT_SHEET_URLS, PHYSICIAN_FR

ROWS = [
    # (facts, scheme, filer, authority, channel, source name)
    ({"product_type": "medicine", "authorisation": "not_authorised", "in_development": False},
     "FR_AAC", "hospital_prescriber", "ANSM", "e-Saturne", "CSP L5121-12-1"),
    ({"product_type": "medicine", "authorisation": "not_authorised", "in_development": False},
     "FR_AAC", "hospital_prescriber", "ANSM", "e-Saturne", "ANSM AAC reference"),
    ({"product_type": "medicine", "authorisation": "not_authorised", "in_development": True},
     "FR_AAP", "company", "HAS", "SESAME", "CSP L5121-12"),
    ({"product_type": "medicine", "authorisation": "authorised_other_indication", "in_development": True},
     "FR_AAP", "company", "HAS", "SESAME", "HAS early access page"),
    ({"product_type": "medicine", "authorisation": "authorised_not_available"},
     "FR_AAP", "company", "HAS", "SESAME", "HAS early access page"),
    ({"product_type": "medicine", "authorisation": "authorised_other_indication", "in_development": False},
     "FR_CPC", "none", "ANSM", None, "ANSM CPC page"),
    ({"product_type": "medicine", "authorisation": "authorised_other_indication", "in_development": False},
     "FR_CPC", "none", "ANSM", None, "Ordre des pharmaciens hors AMM"),
    ({"product_type": "medical_device", "authorisation": "not_authorised"},
     "FR_MD_DEROGATION", "manufacturer", "ANSM", "démarches simplifiées (ANSM online forms)", "ANSM device derogation page"),
    ({"product_type": "medical_device", "authorisation": "authorised_other_indication"},
     "FR_MD_DEROGATION", "manufacturer", "ANSM", "démarches simplifiées (ANSM online forms)", "ANSM device derogation page"),
    ({"product_type": "medical_device", "authorisation": "authorised_not_available"},
     "COMPANY_MAP", "treating_physician", "company", None, "Company MAP page"),
]


@pytest.mark.parametrize("facts,scheme,filer,authority,channel,source", ROWS, ids=[f"{r[1]}-{r[5]}" for r in ROWS])
def test_france_route(kb, facts, scheme, filer, authority, channel, source):
    result = assess({**PHYSICIAN_FR, **facts, **ALL_MET}, kb)
    assert isinstance(result, Outcome)
    assert result.scheme == scheme and result.eligible and result.unmet_criteria == ()
    entry = kb.schemes[scheme]
    assert (entry.filer, entry.authority) == (filer, authority)
    if channel:
        assert entry.channel == channel
    # The route that decided it cites the fact sheet's source.
    assert FACT_SHEET_URLS[source] in {s.url for s in result.route.sources}


def test_authorised_and_available_needs_no_programme_and_no_more_questions(kb):
    """Company MAP page: the programme is for products not authorised or not available."""
    result = assess({**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "authorised_available"}, kb)
    assert isinstance(result, Outcome) and result.scheme == "NONE_NEEDED"
    assert result.unmet_criteria == ("authorisation",)
    assert FACT_SHEET_URLS["Company MAP page"] in {s.url for c in result.failed for s in c.sources}


@pytest.mark.parametrize("authorisation,asks", [
    ("not_authorised", "in_development"),  # AAC vs AAP (L5121-12-1 / L5121-12)
    ("authorised_other_indication", "in_development"),  # CPC vs AAP
    ("authorised_not_available", "in_company_trial"),  # AAP post-MA whatever development
])
def test_development_is_asked_only_when_it_decides(kb, authorisation, asks):
    result = assess({**PHYSICIAN_FR, "product_type": "medicine", "authorisation": authorisation}, kb)
    assert result == Need(asks)


def test_device_route_never_asks_about_development(kb):
    facts = {**PHYSICIAN_FR, "product_type": "medical_device", "authorisation": "not_authorised"}
    # A patient in a company trial stays in it (company MAP page), then the
    # derogation's own condition (ANSM): nothing about development.
    assert assess(facts, kb) == Need("in_company_trial")
    assert assess({**facts, "in_company_trial": False}, kb) == Need("alternatives_exhausted")
    assert assess({**facts, "in_company_trial": True}, kb).scheme == "CONTINUE_TRIAL"


def test_cpc_asks_only_the_trial_and_alternatives(kb):
    """CPC/off-label: no appropriate authorised alternative (Ordre des pharmaciens hors AMM)."""
    facts = {**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "authorised_other_indication", "in_development": False}
    # First whether the patient is in a company trial (company MAP page: they stay in it).
    assert assess(facts, kb) == Need("in_company_trial")
    assert assess({**facts, "in_company_trial": True}, kb).scheme == "CONTINUE_TRIAL"
    facts["in_company_trial"] = False
    assert assess(facts, kb) == Need("alternatives_exhausted")
    result = assess({**facts, "alternatives_exhausted": False}, kb)
    assert result.scheme == "NOT_ELIGIBLE" and result.unmet_criteria == ("alternatives_exhausted",)
    assert result.candidate_scheme == "FR_CPC"


def test_question_order_for_aac(kb):
    facts = {**PHYSICIAN_FR, "product_type": "medicine", "authorisation": "not_authorised", "in_development": False}
    asked = []
    answers = dict(ALL_MET)
    while True:
        result = assess(facts, kb)
        if not isinstance(result, Need):
            break
        asked.append(result.slot)
        facts[result.slot] = answers[result.slot]
    assert asked == ["in_company_trial", "trial_available", "serious_condition", "alternatives_exhausted", "previously_treated"]
    assert result.scheme == "FR_AAC"


@pytest.mark.parametrize("country", ["BE", "US", "GB", "DE", "JP", "BR"])
def test_other_countries_get_company_programme(kb, country):
    result = assess({"role": "physician", "country": country, "product_type": "medicine", "authorisation": "not_authorised", **ALL_MET}, kb)
    assert result.scheme == "COMPANY_MAP" and result.eligible
    assert kb.schemes["COMPANY_MAP"].filer == "treating_physician"


def test_context_questions_come_first(kb):
    assert assess({}, kb) == Need("role")
    assert assess({"role": "patient"}, kb) == Need("country")
    assert assess({"role": "patient", "country": "FR"}, kb) == Need("product_type")
    assert assess({"role": "patient", "country": "FR", "product_type": "medicine"}, kb) == Need("authorisation")
