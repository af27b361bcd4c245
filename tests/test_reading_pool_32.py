"""What development pool 32 showed (twenty-first session), in phrasings
written for these tests: the patient by "self" or "for me" in other
languages, a neighbour or friend without an article, a relative with an
adjective ("my twin sister") or after the Polish "w imieniu"; "nothing" as
the whole answer; "nothing further in development"; the Norwegian "verken";
treatments in Dutch and Portuguese are no status; a specialty is no
product ("internal medicine"); a negation does not reach past "and" to an
approval; CE marked in Dutch; disease abbreviations are the disease's
gravity, not a reaction to the product."""
import pytest

from bot.authorisation import read_authorisation
from bot.harm import detect
from bot.polarity import answer_to
from bot.roles import read_role
from bot.understanding import interpret


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {"requested_slot": asked}).facts


@pytest.mark.parametrize("text, role", [
    ("self", "patient"),
    ("Es para mí", "patient"),
    ("für mich", "patient"),
    ("Sono vicina di casa e amica di famiglia", "patient_advocate"),
    ("Soy vecino, ayudo a la familia", "patient_advocate"),
    ("my younger brother is the patient", "patient_advocate"),
    ("Piszę w imieniu mamy", "patient_advocate"),
    # the French "son" (his) after "je suis" is no relative
    ("je suis son pneumologue", "physician"),
])
def test_who_is_writing(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("slot, text, value", [
    ("trial_available", "looked on clinicaltrials.gov - nothing", False),
    ("trial_available", "none at all", False),
    ("in_company_trial", "nothing", False),
    ("alternatives_exhausted", "nothing left", True),
    ("serious_condition", "den er verken livstruende eller invalidiserende", False),
])
def test_nothing_as_the_whole_answer_and_norwegian_neither(slot, text, value):
    assert answer_to(slot, text) is value


@pytest.mark.parametrize("text", [
    "Nothing further is being developed for this indication.",
    "nothing more is in development or filed for this use",
    "CE marked and sold here, with nothing further in development.",
])
def test_nothing_further_in_development(text):
    assert _read(text).get("in_development") is False


def test_approved_treatments_in_dutch_say_nothing_of_the_status():
    assert "authorisation" not in _read("Ik ben zijn vrouw; alle goedgekeurde behandelingen zijn al geprobeerd.")


def test_a_specialty_is_no_product():
    assert "product_type" not in _read("Internal medicine registrar on his team.", "role")
    assert _read("It's a medicine, not approved here.").get("product_type") == "medicine"


@pytest.mark.parametrize("text, value", [
    # a negation answers the question before; the status after "and" is its own
    ("No, he isn't - and it's licensed for this use here but not available.", "authorised_not_available"),
    ("non è autorizzato per nessuna indicazione", "not_authorised"),
    ("le produit n'y est autorisé pour aucune indication", "not_authorised"),
    ("een pomp die CE-gemarkeerd is, maar niet voor deze toepassing", "authorised_other_indication"),
])
def test_the_status_after_a_negation_of_something_else(text, value):
    assert read_authorisation(text, answering=True) == value


def test_a_disease_named_by_its_abbreviation_is_its_gravity_not_a_reaction():
    assert detect("He got your drug in a study that closed. His GBM is life-threatening.") is None
    assert detect("He died two days after his first dose of your drug.") is not None


@pytest.mark.parametrize("text, category", [
    # letters NFKD keeps ("ł", "ø"), Polish and Scandinavian ties to the product (development set 20)
    ("Pani leczona Velmoraxem w programie zmarła wczoraj.", "death"),
    ("Han døde i nat under behandlingen med Orvenza.", "death"),
    ("Min far er afgået ved døden, han fik jeres medicin.", "death"),
    ("Hon fick anafylaktisk chock efter Zephalin och återupplivades.", "life_threatening"),
])
def test_deaths_and_life_threatening_events_in_polish_and_scandinavian(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category
