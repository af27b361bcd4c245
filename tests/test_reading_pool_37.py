"""What pool 37 showed once read (twenty-third session; blind until then), in
phrasings written for these tests (the opening "Ciao!" taken for a goodbye
is in tests/test_actions.py): a disease that limits daily life a great deal
in Spanish, breathlessness at rest; AML named as the answer; the
Dutch patient speaking of themself."""
import pytest

from bot.roles import read_role
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "no es mortal, pero lo limita muchísimo cada día",
    "COPD, short of breath at rest",
    "relapsed AML",
])
def test_what_the_illness_takes_away_or_a_grave_disease_named_is_serious(text):
    assert _read(text, "serious_condition").facts.get("serious_condition") is True


def test_aml_in_lower_case_is_no_disease_name():
    assert "serious_condition" not in _read("aml", "serious_condition").facts


@pytest.mark.parametrize("text", ["Het gaat om mezelf.", "het gaat om mij"])
def test_the_dutch_patient_speaking_of_themself(text):
    assert read_role(text, answering=True) == "patient"
