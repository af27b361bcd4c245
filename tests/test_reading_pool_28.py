"""What development pools 27 and 28 showed (nineteenth session), in phrasings
written for these tests: the product's status said in passing while another
question is open; answers in Swedish, Norwegian, Danish and Polish; the
Scandinavian "på" is no physician assistant; a one-word answer with a
softener ("possibly yes"); one clause answering one trial question only;
"they're planning to file" is the company's plan, not a request to submit;
foster and step-parents; a Dutch relative with its article."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.product_type import read_product_type
from bot.roles import read_role
from bot.understanding import interpret, wants_handoff


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {"requested_slot": asked}).facts


@pytest.mark.parametrize("asked, text, status", [
    ("country", "Madrid. It is licensed here, only not for his illness.", "authorised_other_indication"),
    ("product_type", "a drug, and it has no approval here for any use", "not_authorised"),
    ("serious_condition", "Yes, very. It's approved for this indication but was never launched here.",
     "authorised_not_available"),
    ("role", "I'm his GP; the medicine is approved here for this and sold in pharmacies", "authorised_available"),
])
def test_the_status_said_in_passing_is_read(asked, text, status):
    assert _read(text, asked).get("authorisation") == status


@pytest.mark.parametrize("asked, text", [
    ("alternatives_exhausted", "no, we never tried the approved drug"),
    ("alternatives_exhausted", "yes, nothing else approved is left"),
    ("in_development", "no, that programme was discontinued"),
    ("in_development", "nee, niet voor deze indicatie"),
    ("trial_available", "none available; the study closed"),
])
def test_approval_words_about_other_treatments_or_the_programme_say_nothing_of_the_status(asked, text):
    assert "authorisation" not in _read(text, asked)


def test_a_status_in_passing_needs_a_use_or_the_market_named():
    # "yes, it's approved" to another question does not say for which use
    assert read_authorisation("yes, it's approved", in_passing=True) is None
    assert read_authorisation("yes, it's approved", answering=True) == "authorised_available"


@pytest.mark.parametrize("slot, text, value", [
    ("trial_available", "nej, ingen studie hon kan delta i", False),
    ("trial_available", "tak, jest badanie, do którego mogłaby wejść", True),
    ("in_company_trial", "nei, han er ikke med i noen studie", False),
    ("serious_condition", "ja, den är livshotande", True),
    ("alternatives_exhausted", "nej, det finns fler behandlingar kvar", False),
    ("previously_treated", "nie, nigdy", False),
    ("in_development", "ja, fas 3 pågår, men han är inte med i någon studie", True),
])
def test_answers_in_scandinavian_languages_and_polish(slot, text, value):
    assert _read(text, slot).get(slot) is value


@pytest.mark.parametrize("text, kind", [
    ("ett läkemedel", "medicine"), ("lek, nie urządzenie", "medicine"), ("et legemiddel", "medicine"),
    ("medicinteknisk produkt", "medical_device"), ("wyrób medyczny", "medical_device"),
])
def test_the_product_type_in_scandinavian_languages_and_polish(text, kind):
    assert read_product_type(text) == kind


@pytest.mark.parametrize("text, status", [
    ("godkänt för en annan indikation", "authorised_other_indication"),
    ("zarejestrowany, ale niedostępny na rynku", "authorised_not_available"),
    ("non ha AIC per nessuna indicazione", "not_authorised"),
    ("i dont think its approved here for anything", "not_authorised"),
])
def test_the_status_in_other_words_and_languages(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text, role", [
    ("Hej, jeg er læge på Rigshospitalet i København.", "physician"),
    ("jag är överläkare på hematologen", "physician"),
    ("AIOS kindergeneeskunde", "physician"),
    ("sjuksköterska, inte läkare", "other_hcp"),
    ("I'm a PA in oncology", "other_hcp"),
    ("jestem pacjentem", "patient"),
    ("jeg er patienten", "patient"),
    ("it's me that's sick", "patient"),
    ("foster mum", "patient_advocate"),
    ("I'm his step-parent", "patient_advocate"),
    ("ik ben de vader", "patient_advocate"),
    ("jestem córką pacjenta", "patient_advocate"),
    ("jeg er datteren hans", "patient_advocate"),
])
def test_roles_in_more_languages_and_words(text, role):
    assert read_role(text, True) == role


@pytest.mark.parametrize("text", ["possibly yes, the first visit is already booked", "probably yes", "ok ja"])
def test_a_one_word_yes_with_a_softener_is_a_yes(text):
    assert answer_to("trial_available", text) is True


def test_one_clause_answers_the_open_trial_question_only():
    assert _read("no trials for me", "in_company_trial") == {"in_company_trial": False}
    # two clauses still say both
    assert _read("no, and there's no trial he could join", "in_company_trial") == {
        "in_company_trial": False, "trial_available": False}
    assert _read("não, mas há um ensaio aberto a que pode aderir", "in_company_trial") == {
        "in_company_trial": False, "trial_available": True}


@pytest.mark.parametrize("text", ["I think they're planning to file next year", "they'll file for it soon"])
def test_the_companys_plan_to_file_is_no_request_to_submit(text):
    assert not wants_handoff(text)


def test_the_writers_own_request_to_submit_still_counts():
    assert wants_handoff("let's file it") and wants_handoff("we'd like to submit the request")


# Development pool 29 (read in the same session)

@pytest.mark.parametrize("text, kind", [
    ("Legemiddelet er godkjent i Norge, men for en annen indikasjon.", "medicine"),
    ("Lek jest dopuszczony w Polsce w innym wskazaniu.", "medicine"),
    ("Udstyret er CE-mærket, men ikke til denne indikation.", "medical_device"),
])
def test_the_product_named_without_an_article(text, kind):
    from bot.product_type import product_named_in_passing

    assert product_named_in_passing(text) == kind


def test_an_approval_not_in_the_indication_sought_is_another_use():
    text = "Le médicament a une AMM en France, mais pas dans l'indication recherchée."
    assert read_authorisation(text) == "authorised_other_indication"


def test_nothing_in_development_said_beside_a_yes_is_no_development():
    facts = _read("yes, and there's nothing in development for this indication", "alternatives_exhausted")
    assert facts == {"alternatives_exhausted": True, "in_development": False}


@pytest.mark.parametrize("text, slot, value", [
    ("hon har aldrig fått preparatet", "previously_treated", False),
    ("Hun er ikke med i noen studie.", "in_company_trial", False),
    ("Mama nie jest w żadnym badaniu.", "in_company_trial", False),
])
def test_facts_said_in_passing_in_scandinavian_languages_and_polish(text, slot, value):
    assert _read(text).get(slot) is value


@pytest.mark.parametrize("text, country", [
    ("Narodowy Instytut Onkologii w Warszawie", "PL"), ("leczona we Wrocławiu", "PL"), ("w Polsce", "PL"),
    ("stateside", "US"), ("osterreich", "AT"), ("Großbritannien", "GB"), ("Açores", "PT"),
])
def test_places_as_people_write_them(text, country):
    assert _read(text, "country").get("country") == country


@pytest.mark.parametrize("text, role", [
    ("Hei, jeg er kreftsykepleier ved St. Olavs hospital.", "other_hcp"),
    ("Hej, jeg er sygehusapoteker på Odense Universitetshospital.", "other_hcp"),
    ("Hej, jag är specialläkare i onkologi.", "physician"),
])
def test_scandinavian_professions(text, role):
    assert read_role(text, False) == role


@pytest.mark.parametrize("text", ["alle godkjente alternativer er brukt opp", "godkendte alternativer er opbrugt",
                                  "wszystkie zarejestrowane metody leczenia zostały wypróbowane"])
def test_alternatives_used_up_in_scandinavian_languages_and_polish(text):
    assert _read(text).get("alternatives_exhausted") is True
