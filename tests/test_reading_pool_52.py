"""What pool 52 showed once read (thirty-first session; blind until pool 53
was frozen), in phrasings written for these tests. Its one wrong outcome: a
device conversation where "we haven't tried the standard biologics yet", the
answer about alternatives, had changed the product to a medicine. Facts
read wrongly: the Danish and Swedish "medicin" (medicine) taken for
"médecin" (physician); "Saint-Luc" for Saint Lucia; a filing "for this
indication" after "not approved" taken as another use; "Not a serious or
life-threatening situation" as serious; "entwickelt nichts weiter" as in
development; "approved for psoriasis; I'd want it for a different
indication" as approved for this use; "the other approved alternatives" in
Norwegian as another use. Every-fact openings that still asked: the
hospital pharmacist in Danish, "ikke i jeres studier", "been thru every
approved therapy", "no trial will take her"."""
import pytest

from bot.understanding import interpret
from tests.reading import read as _read


@pytest.mark.parametrize("text", ["no, we haven't tried the standard biologics yet",
                                  "not yet, the usual drugs haven't been tried"])
def test_the_alternatives_kind_does_not_change_the_products(text):
    facts = interpret(text, "inform", [], "alternatives_exhausted",
                      {"requested_slot": "alternatives_exhausted", "product_type": "medical_device"}).facts
    assert facts.get("alternatives_exhausted") is False
    assert "product_type" not in facts


def test_a_correction_of_the_kind_said_of_the_product_still_counts():
    facts = interpret("yes, and sorry, it's actually a drug, not a device", "inform", [], "alternatives_exhausted",
                      {"requested_slot": "alternatives_exhausted", "product_type": "medical_device"}).facts
    assert facts.get("product_type") == "medicine"


@pytest.mark.parametrize("text", ["medicin", "det er en medicin", "medisin"])
def test_the_nordic_word_for_medicine_is_no_physician(text):
    facts = _read(text, "product_type").facts
    assert facts.get("product_type") == "medicine"
    assert "role" not in facts


def test_the_french_physician_still_is_one():
    assert _read("médecin hospitalier", "role").facts.get("role") == "physician"


@pytest.mark.parametrize("text", ["sygehusfarmaceut", "Sygehusfarmaceut på Aalborg Universitetshospital"])
def test_a_danish_hospital_pharmacist(text):
    assert _read(text, "role").facts.get("role") == "other_hcp"


@pytest.mark.parametrize("text", ["Saint-Luc (UCLouvain)", "Cliniques Saint-Luc"])
def test_the_brussels_hospital(text):
    assert _read(text, "country").facts.get("country") == "BE"


def test_a_filing_for_this_indication_is_no_other_use():
    text = "Nicht zugelassen in Österreich, Zulassungsantrag für diese Indikation eingereicht."
    assert _read(text, "authorisation").facts.get("authorisation") == "not_authorised"


def test_not_approved_for_this_indication_still_says_another_use():
    assert _read("nicht für diese Indikation zugelassen", "authorisation").facts.get(
        "authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", ["Not a serious or life-threatening situation, just bothersome.",
                                  "It's not a severe or disabling condition."])
def test_not_serious_nor_life_threatening(text):
    assert _read(text).facts.get("serious_condition") is False


def test_not_life_threatening_but_disabling_stays_serious():
    assert _read("It's not a life-threatening condition but she can't walk any more").facts.get(
        "serious_condition") is True


def test_nothing_further_in_development_in_german():
    assert _read("Die Firma entwickelt in dieser Indikation nichts weiter.").facts.get("in_development") is False


def test_approved_for_a_disease_then_wanted_for_another_in_an_opening():
    text = ("Internist in Boston. Drug is FDA-approved for lupus; I'd want it for a different indication. "
            "Pt never had it.")
    assert _read(text).facts.get("authorisation") == "authorised_other_indication"


def test_the_other_approved_alternatives_in_norwegian_are_no_other_use():
    text = ("Utstyret er CE-merket for tilstanden min og tilgjengelig i Norge. "
            "Jeg har ikke prøvd de andre godkjente alternativene.")
    assert _read(text).facts.get("authorisation") == "authorised_available"


@pytest.mark.parametrize("text, facts", [
    ("Patienten er ikke i jeres studier, og der er ingen studier tilgængelige.", {"in_company_trial": False}),
    ("she's been thru every approved therapy", {"alternatives_exhausted": True}),
    ("rare disease, no trial will take him", {"trial_available": False}),
])
def test_every_fact_notes(text, facts):
    read = _read(text).facts
    assert {k: read.get(k) for k in facts} == facts


def test_a_trial_that_will_take_her_is_one_to_join():
    assert _read("a trial in Leeds will take her").facts.get("trial_available") is True
