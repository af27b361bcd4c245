"""What pool 51 showed once read (thirtieth session; blind until pool 52 was
frozen), in phrasings written for these tests: "geregistreerd voor iets
anders" had been read as approved and available (5 wrong outcomes:
NONE_NEEDED instead of a scheme), "screened out of every trial" as a trial
to join (3 wrong outcomes); "they never pursued this use" had been asked
again; every-fact notes had left unread "all alternatives tried", the
maker's study in Danish, a CE marking applied for, "doesn't supply it".
Development pool 40 showed the Nordic neuter "annat" (another) once the
words of development no longer counted as another use."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["geregistreerd, maar voor iets anders", "zugelassen für etwas anderes",
                                  "godkänt för något annat", "autorizzato per qualcos'altro"])
def test_approved_for_something_else(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", ["she was screened out of the phase 3", "screen failed for both trials"])
def test_screened_out_is_no_trial_to_join(text):
    assert _read(text, "trial_available").facts.get("trial_available") is False


def test_screened_and_able_to_join_stays_a_trial():
    assert _read("he was screened and can join next month", "trial_available").facts.get("trial_available") is True


@pytest.mark.parametrize("text, value", [("the company never pursued this indication", False),
                                         ("they are pursuing approval for it", True)])
def test_pursued(text, value):
    assert _read(text, "in_development").facts.get("in_development") is value


@pytest.mark.parametrize("text, facts", [
    ("Life-threatening, all alternatives tried, never had it.", {"alternatives_exhausted": True}),
    ("Patienten er med i producentens studie.", {"in_company_trial": True}),
    ("Producenten søger om godkendelse til denne indikation.", {"in_development": True}),
    ("It is on the ARTG for this use but the sponsor doesn't supply it here.",
     {"authorisation": "authorised_not_available"}),
])
def test_telegraphic_notes(text, facts):
    read = _read(text).facts
    assert {k: read.get(k) for k in facts} == facts


def test_the_nordic_neuter_other_with_no_development_after_it():
    text = "Den är godkänd i Sverige men för ett annat användningsområde. Tillverkaren utvecklar den inte för detta."
    assert _read(text).facts.get("authorisation") == "authorised_other_indication"


def test_everything_else_approved_is_the_alternatives_not_another_use():
    facts = _read("ja, vi har prøvd alt annet som er godkjent", "alternatives_exhausted").facts
    assert facts.get("alternatives_exhausted") is True
    assert "authorisation" not in facts
