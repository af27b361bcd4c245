"""What pool 49 showed once read (twenty-ninth session; blind until pool 50
was frozen), in phrasings written for these tests: "she's had every approved
therapy" is the alternatives, not this product (7 wrong outcomes), "fuori
indicazione" and "går inte att få tag på" alone as the status, the European
Portuguese "Polónia", a pharmacy that can get the product (no role of the
writer's), a "paeds formulation", the hospital pharmacy in Austrian German,
and telegraphic notes in German, Danish and English (the ARTG, a CE mark
had, "nicht geholfen", "afprøvet", "not treatable with approved devices",
"ikke i forsøg", "intet forsøg tilgængeligt")."""
import pytest

from tests.reading import read as _read


def test_every_approved_therapy_had_is_not_this_product():
    facts = _read("no, and he's had every approved treatment already", "trial_available").facts
    assert "previously_treated" not in facts
    assert facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text, status", [
    ("fuori indicazione", "authorised_other_indication"),
    ("außerhalb der Zulassung", "authorised_other_indication"),
    ("godkänd här men går inte att få tag på", "authorised_not_available"),
])
def test_a_status_said_alone(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


def test_the_european_portuguese_name_of_a_country():
    assert _read("Polónia", "country").facts.get("country") == "PL"


def test_a_pharmacy_that_can_get_the_product_is_no_role_of_the_writer():
    facts = _read("approved and marketed, the hospital pharmacy can order it", "authorisation").facts
    assert "role" not in facts
    assert "role" not in _read("approved, pharmacy can get it", "authorisation").facts


def test_a_childrens_formulation_is_no_role():
    assert "role" not in _read("an oral suspension (paeds formulation)", "product_type").facts


def test_the_hospital_pharmacy_as_the_writer():
    assert _read("Krankenhausapotheke Graz: wir haben eine Anfrage.").facts.get("role") == "other_hcp"


@pytest.mark.parametrize("text, facts", [
    ("Implant listed on the ARTG, but for a different intended purpose.", {"authorisation": "authorised_other_indication"}),
    ("Es hat CE, aber nicht für ihre Indikation.", {"authorisation": "authorised_other_indication"}),
    ("Alle zugelassenen Therapien haben nicht geholfen.", {"alternatives_exhausted": True}),
    ("Alle godkendte behandlinger er afprøvet.", {"alternatives_exhausted": True}),
    ("Aneurysm not treatable with approved devices.", {"alternatives_exhausted": True}),
    ("Ikke i forsøg, intet forsøg tilgængeligt.", {"in_company_trial": False, "trial_available": False}),
])
def test_telegraphic_notes(text, facts):
    read = _read(text).facts
    assert {k: read.get(k) for k in facts} == facts


@pytest.mark.parametrize("text, country", [("Leeds-based GP, my patient needs it.", "GB"),
                                           ("Lyon-based haematologist here.", "FR")])
def test_a_clinician_based_in_a_city_treats_there(text, country):
    assert _read(text).facts.get("country") == country


def test_an_organisation_based_in_a_city_says_nothing_of_the_patients_country():
    assert "country" not in _read("I volunteer for a Madrid-based charity helping a family.").facts


# Read again in the thirtieth session, as a development pool: two every-fact openings in German that
# still asked two questions.
@pytest.mark.parametrize("text, facts", [
    ("Das Mittel ist in Deutschland zugelassen, aber für eine andere Krankheit.",
     {"product_type": "medicine", "authorisation": "authorised_other_indication"}),
    ("Laut Arzt wird es für ihre Krankheit in Studien entwickelt. Sie ist in keiner Studie.",
     {"in_development": True, "in_company_trial": False}),
    ("Er hat das Gerät schon implantiert bekommen.", {"previously_treated": True}),
    ("Schwere, sehr einschränkende Erkrankung.", {"serious_condition": True}),
])
def test_german_notes_read_again(text, facts):
    read = _read(text).facts
    assert {k: read.get(k) for k in facts} == facts
