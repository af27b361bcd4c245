"""The conversation evaluation's own judgement (evaluation/conversations.py)."""
import pytest

from evaluation.conversations import Result, Scenario, expected_outcome

NOT_ELIGIBLE = {"scheme": "NOT_ELIGIBLE", "eligible": False, "unmet_criteria": ["serious_condition", "previously_treated"],
                "filer": "none", "authority": "none"}


def _result(got):
    scenario = Scenario("s", {}, "", {}, NOT_ELIGIBLE, 0.0)
    return Result(scenario, [], [], got, {})


@pytest.mark.parametrize("unmet, success", [
    (["serious_condition"], True),  # one failure settles it; the other was never asked
    (["previously_treated", "serious_condition"], True),
    ([], False),
    (["alternatives_exhausted"], False),  # a criterion that truly holds
    (["serious_condition", "alternatives_exhausted"], False),
])
def test_unmet_criteria_are_judged_against_the_true_ones(unmet, success):
    assert _result({**NOT_ELIGIBLE, "unmet_criteria": unmet}).success is success


def test_any_other_difference_fails():
    assert not _result({**NOT_ELIGIBLE, "scheme": "COMPANY_MAP"}).success
    assert not _result(None).success


def test_the_expected_outcome_comes_from_the_engine(kb, settings):
    truth = {"role": "physician", "country": "FR", "product_type": "medicine", "authorisation": "authorised_available",
             "in_development": False, "in_company_trial": True, "trial_available": False, "serious_condition": True,
             "alternatives_exhausted": True, "previously_treated": False}
    assert expected_outcome(truth, kb, settings)["scheme"] == "NONE_NEEDED"
