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


class _OfferingAssistant:
    """Answers the opening and offers to check a patient; asks the role once
    accepted. Records what the simulated user said."""

    def __init__(self, offers=True):
        self.said, self.offers, self.open = [], offers, None

    async def say(self, sender, text):
        self.said.append(text)
        if len(self.said) == 1:
            buttons = [{"title": "Yes", "payload": "/start_assessment"}] if self.offers else []
            return [{"text": "An AAC is ...", "buttons": buttons}]
        self.open = "role"
        return [{"text": "First, who are you?"}]

    async def slots(self, sender):
        return {"requested_slot": self.open}


def _converse(assistant):
    import asyncio

    from evaluation.conversations import Pool, converse

    pool = Pool({"role": {"physician": ["I'm the treating physician"]}}, [], [], [])
    scenario = Scenario("s", {"role": "physician"}, "what is an AAC?", {}, NOT_ELIGIBLE, 0.0)
    return asyncio.run(converse(assistant, scenario, pool))


def test_the_simulated_user_accepts_the_offer_to_check_a_patient_once_in_words():
    assistant = _OfferingAssistant()
    result = _converse(assistant)
    assert assistant.said[1] in ("yes", "yes please", "ok", "oui", "sure, let's do that")
    assert assistant.said[2] == "I'm the treating physician" and result.questions[:1] == ["role"]


def test_without_an_offer_a_conversation_with_no_question_open_is_an_error():
    result = _converse(_OfferingAssistant(offers=False))
    assert result.error and "no question open" in result.error and not result.success


class _ContactFormAssistant:
    """Opens the contact form on the first message; asks the role once the
    user asks for the check instead, or keeps asking for consent."""

    def __init__(self, lets_go=True):
        self.said, self.lets_go, self.open = [], lets_go, None

    async def say(self, sender, text):
        self.said.append(text)
        if len(self.said) == 1 or not self.lets_go:
            self.open = "contact_consent"
            return [{"text": "Do you agree to be contacted by our team?"}]
        self.open = "role"
        return [{"text": "First, who are you?"}]

    async def slots(self, sender):
        return {"requested_slot": self.open}


def test_a_simulated_user_in_the_contact_form_asks_for_the_check_once():
    from evaluation.conversations import CHECK_INSTEAD

    assistant = _ContactFormAssistant()
    result = _converse(assistant)
    assert assistant.said[1] in CHECK_INSTEAD and assistant.said[2] == "I'm the treating physician"
    assert result.questions[:1] == ["role"]


def test_a_contact_form_that_does_not_let_go_is_an_error():
    assistant = _ContactFormAssistant(lets_go=False)
    result = _converse(assistant)
    assert len(assistant.said) == 2 and result.error and "contact_consent" in result.error and not result.success


def _status_pool():
    from evaluation.conversations import Pool

    return Pool({"country": {"FR": ["France"], "PL": ["Poland"], "SE": ["Sweden"]},
                 "authorisation": {"not_authorised": ["Nie jest zarejestrowany w Polsce w żadnym wskazaniu",
                                                      "Inte godkänt i Sverige för någon användning",
                                                      "not licensed for anything"]}}, [], [], [])


def test_the_simulated_user_never_names_another_country_than_the_patients():
    import random

    from evaluation.conversations import answer

    truth = {"country": "FR", "authorisation": "not_authorised", "product_type": "medicine"}
    said = {answer("authorisation", truth, _status_pool(), random.Random(seed), 0.0) for seed in range(40)}
    assert said == {"not licensed for anything"}


def test_the_simulated_user_names_the_patients_own_country_in_any_language():
    import random

    from evaluation.conversations import answer

    truth = {"country": "PL", "authorisation": "not_authorised", "product_type": "medicine"}
    said = {answer("authorisation", truth, _status_pool(), random.Random(seed), 0.0) for seed in range(40)}
    assert said == {"Nie jest zarejestrowany w Polsce w żadnym wskazaniu", "not licensed for anything"}
