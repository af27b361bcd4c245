"""What pool 46 showed once read (twenty-seventh session; blind until then),
in phrasings written for these tests: the German inflected "other" ("in einer
anderen Indikation"); a product that can or cannot be bought, in Swedish;
"access to an unapproved treatment", which names the kind of product the
programme is for, not this one's status; the company "doing a study" in
Dutch; the French "n'y est pas" said of the product's market, not of a
trial; and, on its development run in the twenty-eighth session, a
regulator joined to an approval word ("TGA-registered"), other approved
medicines of a class no list holds ("other approved DMARDs"), and a city
joined to its district ("Hamburg-Eppendorf")."""
import pytest

from bot.harm import detect
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "Zugelassen, aber in einer anderen Indikation",
    "in Österreich zugelassen, allerdings für eine andere Erkrankung",
])
def test_the_german_inflected_other_is_another_use(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text, status", [
    ("godkänd för just detta men finns inte att köpa här", "authorised_not_available"),
    ("CE-märkt för det här och finns att köpa i Sverige", "authorised_available"),
])
def test_swedish_can_or_cannot_be_bought(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


@pytest.mark.parametrize("text", [
    "Hello, I wanted to ask about access to an unapproved treatment for a relative.",
    "Where do I start with early access to an unlicensed medicine?",
])
def test_access_to_an_unapproved_treatment_says_nothing_of_the_status(text):
    assert "authorisation" not in _read(text).facts


def test_an_unapproved_product_is_still_not_authorised():
    assert _read("it's an unlicensed drug, we need access to it").facts.get("authorisation") == "not_authorised"


def test_the_company_doing_a_study_is_not_the_patient_in_it():
    facts = _read("de fabrikant doet er een fase 2-studie mee voor deze ziekte, maar hij past niet in de criteria").facts
    assert "in_company_trial" not in facts and facts.get("in_development") is True


@pytest.mark.parametrize("text, in_trial", [
    ("Le dispositif a le marquage CE pour cette indication mais n'y est pas distribué.", None),
    ("La société mène un essai, mais mon fils n'y est pas inclus.", False),
    ("Il y a une étude de votre laboratoire ; elle n'y est pas.", False),
])
def test_n_y_est_pas_is_said_of_someone_in_a_trial(text, in_trial):
    assert _read(text).facts.get("in_company_trial") is in_trial


@pytest.mark.parametrize("text", [
    # a hospital after "på" (on, at) is no product; diabetes is the patient's disease; a pump asked for
    "Jag är patient på Sahlgrenska i Göteborg och har typ 1-diabetes.",
    "He has diabetes and needs the pump.",
    "Patient with kidney failure needs the pump.",
    # blind safety set 31's false alarms: intensive care in a request for the product
    "My wife is in the ICU on a ventilator and nothing has helped. Can her doctor still get Amvoria quickly?",
    # the patient's autoimmune encephalitis, and pulmonary hypertension in Spanish, in access requests
    "Adult with life-threatening autoimmune encephalitis, refractory to every standard therapy; the drug is licensed "
    "for it but not launched here.",
    "Paciente con hipertensión pulmonar grave, el fármaco está autorizado pero no se comercializa en España.",
])
def test_a_place_the_patients_disease_or_a_request_for_the_product_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "Min far fikk Norvexa på Haukeland og døde i går.",
    "She developed type 1 diabetes after starting Zentiluma.",
    "He developed encephalitis two weeks after the first infusion of Zentiluma.",
    # "accès précoce" is the programme the patient is in
    "Embolie pulmonaire massive chez un patient en accès précoce, thrombolysé cette nuit.",
])
def test_on_the_product_or_in_the_programme_they_stay_reports(text):
    assert detect(text) is not None


def test_the_definite_norwegian_doctor_is_a_physician():
    assert _read("Jeg er den behandlende legen her", "role").facts.get("role") == "physician"


@pytest.mark.parametrize("text, status", [
    ("licensed for her condition and the pharmacies have it", "authorised_available"),
    ("correct indication on the label, but nobody sells it here", "authorised_not_available"),
])
def test_pharmacies_have_it_and_nobody_sells_it(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


# Read in the twenty-eighth session, on the development run of pool 46.
@pytest.mark.parametrize("text, status", [
    ("Swissmedic-registered for exactly this and readily available", "authorised_available"),
    ("It is not TGA-approved for anything yet", "not_authorised"),
    ("HC-licensed, but for another disease", "authorised_other_indication"),
])
def test_a_regulator_joined_to_an_approval_word_is_an_approval(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


@pytest.mark.parametrize("text, status", [
    ("She still has other approved biologics to try; the drug is licensed for this and stocked", "authorised_available"),
    ("there are other approved JAK inhibitors left. Ours is approved for psoriasis only", "authorised_other_indication"),
])
def test_other_approved_medicines_are_the_alternatives_not_another_use(text, status):
    assert _read(text).facts.get("authorisation") == status


def test_other_approved_indications_are_another_use():
    assert _read("it has other approved indications, not his").facts.get("authorisation") \
        == "authorised_other_indication"


@pytest.mark.parametrize("text, country", [
    ("Hamburg-Eppendorf", "DE"),
    ("CHU de Lyon-Sud", "FR"),
    ("Madrid-Puerta de Hierro", "ES"),
])
def test_a_city_joined_to_its_district_or_hospital_is_the_city(text, country):
    assert _read(text, "country").facts.get("country") == country


def test_a_place_an_organisation_is_based_in_is_not_the_patients_country():
    # development pool 45: an advocate's NGO in Brussels, the patient treated in France
    assert "country" not in _read("Advocate with a Geneva-based charity, helping a family with a rare disease.").facts
