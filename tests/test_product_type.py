"""The answer to "is the product a medicine or a medical device?" in
everyday words (bot/product_type.py, data/lexicon/product_type.yml)."""
import pytest

from bot.product_type import read_product_type
from bot.understanding import interpret


@pytest.mark.parametrize("text, kind", [
    ("eye drops", "medicine"),
    ("an oral solution", "medicine"),
    ("médicament", "medicine"),
    ("Its a medecine", "medicine"),  # typing mistake
    ("a monoclonal antibody", "medicine"),
    ("a divice", "medical_device"),  # typing mistake
    ("it's hardware, something that gets implanted", "medical_device"),
    ("not a drug, it's a stent", "medical_device"),  # the negated word counts for nothing
    ("a drug-eluting stent", None),  # both named: not guessed
    ("no idea", None),
])
def test_the_kind_of_product_is_read_from_the_words_for_it(text, kind):
    assert read_product_type(text) == kind


def test_it_answers_the_question_and_is_not_guessed_elsewhere():
    state = {"role": "physician", "country": "FR"}
    assert interpret("eye drops", "inform", [], "product_type", state).facts["product_type"] == "medicine"
    assert "product_type" not in interpret("chemo failed, he's on a monitor", "inform", [], "alternatives_exhausted",
                                           state).facts
