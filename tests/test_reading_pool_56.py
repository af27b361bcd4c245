"""What pool 56 showed once read (thirty-fifth session; blind until pools 57
and 58 were frozen), in phrasings written for these tests. Its failures: a
Dutch "outside the registered indication" read as authorised for this use
(only "buiten de indicatie" was known, with nothing between); a trial that
is over ("l'essai est terminé", "a participé à votre essai") read as the
patient being in it; the Polish "i" (and) taken for the English "I", which
made "the company still runs trials in this indication" the patient's
enrolment; "she can't get into any trial" read as the product being
unobtainable; and six conversations that asked for a person first and then
for the check, which left them in the contact form (tests/test_handoff_*)."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "buiten de geregistreerde indicatie",
    "Het is geregistreerd, maar we zouden het buiten de goedgekeurde indicatie gebruiken",
    "we'd be using it outside of its licensed indication",
    "se usaría fuera de la indicación aprobada",
    "hors de l'indication autorisée",
    "poza wskazaniem rejestracyjnym",
    "außerhalb der zugelassenen Indikation",
    "beyond the approved label",
])
def test_outside_the_indication_with_words_between_is_off_label(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", [
    "approved and available; the patient lives outside London, it's for this use",
    "it's approved here for this indication and we can order it",
])
def test_outside_a_place_is_no_other_use(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_available"


@pytest.mark.parametrize("text", [
    "Il a participé à votre étude de phase 2, qui est maintenant terminée.",
    "Elle était incluse dans votre essai mais l'essai est fini.",
    "Estuvo en un estudio de la empresa, que ya terminó.",
    "Er hat an Ihrer Studie teilgenommen, die inzwischen abgeschlossen ist.",
    "She took part in your phase 3 trial, which has closed.",
])
def test_a_trial_that_is_over_is_no_enrolment_now(text):
    assert _read(text).facts.get("in_company_trial") is False


@pytest.mark.parametrize("text", ["l'étude est terminée", "het onderzoek is afgelopen", "lo studio è chiuso"])
def test_the_trial_is_over_answers_no(text):
    assert _read(text, "in_company_trial").facts.get("in_company_trial") is False


@pytest.mark.parametrize("text", ["i am in your trial", "yes i'm enrolled in the company study",
                                  "Il est actuellement dans votre essai de phase 3."])
def test_enrolment_now_is_still_read(text):
    assert _read(text, "in_company_trial").facts.get("in_company_trial") is True


@pytest.mark.parametrize("text", ["tabletki, i firma wciąż prowadzi badania w tej chorobie",
                                  "lek, i producent ma badanie kliniczne w tym wskazaniu"])
def test_the_polish_and_is_no_english_i(text):
    assert _read(text, "product_type").facts.get("in_company_trial") is None


@pytest.mark.parametrize("text", ["he can't get into any trial", "she cannot get into any study right now"])
def test_no_way_into_a_trial_says_nothing_of_the_product(text):
    facts = _read(text).facts
    assert "authorisation" not in facts and facts.get("trial_available") is False
