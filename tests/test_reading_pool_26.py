"""What development pool 26 showed (eighteenth session), in phrasings written
for these tests: a short answer that is only the topic's negative word ("all
closed"), a trial told as over in the same sentence ("...but it ended for
her"), the product in trials for the disease and the company testing it in
several languages, a filing to come after the approval word ("die Zulassung
beantragen"), "nothing worked" and "without success" in several languages,
the German article "die" after "will", a place in lower case after "in",
and the company stopping its work on a product, which is no harm."""
import pytest

from bot.authorisation import read_authorisation
from bot.harm import detect
from bot.polarity import answer_to
from bot.understanding import interpret


def _read(text, asked=None, entities=()):
    return interpret(text, "inform", list(entities), asked, {}).facts


@pytest.mark.parametrize("text", ["all closed", "full", "closed now", "recruitment full"])
def test_a_short_answer_that_is_the_topics_negative_word_says_no(text):
    assert answer_to("trial_available", text) is False


@pytest.mark.parametrize("slot, text", [("alternatives_exhausted", "none left"),
                                        ("trial_available", "one is open"),
                                        ("alternatives_exhausted", "nothing left")])
def test_a_short_answer_with_a_negation_or_an_affirming_phrase_is_not_turned_into_a_no(slot, text):
    assert answer_to(slot, text) is not False


@pytest.mark.parametrize("text", [
    "She took part in one of your studies but it ended for her in May.",
    "Our patient had the drug in one of your trials, which has since closed.",
    "He was in your phase 2 study until it was terminated last spring.",
])
def test_a_trial_told_as_over_is_no_enrolment_now(text):
    assert _read(text).get("in_company_trial") is False


@pytest.mark.parametrize("text", [
    "He has been in your phase 3 study since last year and is still on it.",
    "She is enrolled in your trial.",
])
def test_an_ongoing_trial_stays_an_enrolment(text):
    assert _read(text).get("in_company_trial") is True


@pytest.mark.parametrize("text", [
    "le médicament n'est pas autorisé, mais d'après son médecin il est en essai pour sa maladie.",
    "As far as I know it's in clinical trials for his illness.",
    "they are testing it in teenagers at the moment",
    "Die Firma prüft es derzeit in Studien für diese Krankheit.",
    "Het bedrijf onderzoekt het voor deze ziekte.",
    "a empresa está a desenvolver o medicamento para esta doença",
    "è in sperimentazione clinica per questa indicazione",
    "the sponsor intends to file for this indication next year",
    "Ihre Firma will die Zulassung beantragen.",
])
def test_the_product_in_trials_or_to_be_filed_is_in_development(text):
    assert _read(text).get("in_development") is True


def test_trials_for_the_disease_are_not_a_trial_the_patient_could_join():
    assert "trial_available" not in _read("It's in clinical trials for her illness, as I understand it.")


@pytest.mark.parametrize("text", ["a empresa deixou de o desenvolver para esta doença",
                                  "la empresa dejó de desarrollarlo para esta enfermedad"])
def test_a_company_that_stopped_developing_it_is_no_development(text):
    assert _read(text).get("in_development") is False


def test_a_filing_after_the_approval_word_is_not_an_approval():
    assert read_authorisation("Ihre Firma will die Zulassung beantragen.") is None
    assert read_authorisation("Das Medikament ist nicht zugelassen, die Firma will aber die Zulassung "
                              "beantragen.") == "not_authorised"


@pytest.mark.parametrize("text", [
    "il a fait tous les traitements existants, rien n'a marché",
    "alle anderen Therapien hatte er schon ohne Erfolg",
    "ha provato tutto ma niente ha funzionato",
    "she's done all the standard treatments",
    "ya hizo todos los tratamientos y nada ha funcionado",
])
def test_nothing_worked_or_without_success_is_exhausted(text):
    assert _read(text).get("alternatives_exhausted") is True


def test_the_german_article_after_will_is_no_death():
    facts = _read("Ihre Firma will die Zulassung beantragen.")
    assert "serious_condition" not in facts
    assert _read("Without it he will die within weeks.").get("serious_condition") is True


@pytest.mark.parametrize("text, country", [("my sister who is treated in aarhus", "DK"),
                                           ("he's a patient at bordeaux university hospital", "FR")])
def test_a_place_in_lower_case_after_in_or_at_is_read(text, country):
    assert _read(text).get("country") == country


@pytest.mark.parametrize("text", ["the tumour came back in the spring", "in general she is well",
                                  "on commence à peine", "he is in reading week"])
def test_a_word_after_in_is_not_a_place(text):
    assert "country" not in _read(text)


@pytest.mark.parametrize("text, asked", [("ROI", "country"), ("Crumlin", "country"),
                                         ("at Beaumont Hospital in Dublin", "country")])
def test_irish_initials_and_dublin_hospitals_are_ireland(text, asked):
    assert _read(text, asked).get("country") == "IE"


def test_a_company_that_stopped_working_on_a_product_reports_no_harm():
    assert detect("apparently the company stopped working on it for her disease") is None
    assert detect("her insulin pump stopped working on day 3 and she was admitted") is not None
