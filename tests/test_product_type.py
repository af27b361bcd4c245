"""The answer to "is the product a medicine or a medical device?" in
everyday words (bot/product_type.py, data/lexicon/product_type.yml)."""
import pytest

from bot.product_type import product_named_in_passing, read_product_type
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
    ("a drug, given through a pump", None),  # both named: not guessed
    # a medicine's word before a device's noun is what the device delivers (blind pool 53)
    ("a drug-eluting stent", "medical_device"),
    ("no idea", None),
])
def test_the_kind_of_product_is_read_from_the_words_for_it(text, kind):
    assert read_product_type(text) == kind


def test_it_answers_the_question_and_is_not_guessed_elsewhere():
    state = {"role": "physician", "country": "FR"}
    assert interpret("eye drops", "inform", [], "product_type", state).facts["product_type"] == "medicine"
    assert "product_type" not in interpret("chemo failed, he's on a monitor", "inform", [], "alternatives_exhausted",
                                           state).facts


@pytest.mark.parametrize("text, kind", [
    ("je cherche un médicament qui n'a pas d'AMM en France", "medicine"),
    ("il farmaco non è autorizzato in Italia", "medicine"),
    ("the device has no CE mark", "medical_device"),
    ("das Medizinprodukt ist nicht zugelassen", "medical_device"),
    ("he is in a drug trial", None),  # about a trial
    ("the drug failed, now we want the device", None),  # both named
    ("it's not a drug", None),
    ("chemo failed", None),  # a treatment tried, not the product
])
def test_outside_the_question_only_the_plain_word_with_an_article_names_the_kind(text, kind):
    assert product_named_in_passing(text) == kind


def test_a_kind_named_in_an_opening_is_read():
    opening = "Bonjour, je cherche un médicament pour un patient suivi à Lille"
    assert interpret(opening, "start_assessment", [], None, {}).facts["product_type"] == "medicine"


@pytest.mark.parametrize("text", ["un producto sanitario", "é um produto médico", "un dispositivo medico"])
def test_the_legal_names_of_a_medical_device_in_spanish_portuguese_and_italian(text):
    # Development pool 10: "un producto sanitario" was not understood and the question was asked twice.
    read = interpret(text, "inform", [], "product_type", {"role": "physician", "country": "ES"}).facts
    assert read.get("product_type") == "medical_device" and "role" not in read


def test_the_not_a_words_are_kept_in_data_and_must_be_quoted(tmp_path):
    from bot.product_type import load_not_a

    assert "no" in load_not_a().negations
    unquoted = tmp_path / "product_type.yml"
    unquoted.write_text("not_a:\n  negations: [no, not]\n  determiners: [a]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote"):
        load_not_a(unquoted)
