"""The project's own spaCy pipeline (scripts/build_spacy.py): entities from the
ruler and the shared lemmas the intent featurizers read."""
import pytest
import spacy

from scripts.build_spacy import ENTITY_LEMMAS, PRODUCT_LEMMA, build


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    return spacy.load(build(tmp_path_factory.mktemp("spacy") / "access_en"))


def test_countries_short_forms_and_adjectives_are_entities(nlp):
    doc = nlp("a French hospital, then the States, then the UK and Chile")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("French", "country", "FR"), ("the States", "country", "US"),
        ("UK", "country", "GB"), ("Chile", "country", "CL")]


def test_every_token_of_an_entity_gets_its_label_lemma(nlp):
    doc = nlp("she is treated in the United Kingdom under an AAC from ANSM")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["United"] == lemmas["Kingdom"] == ENTITY_LEMMAS["country"]
    assert lemmas["AAC"] == ENTITY_LEMMAS["scheme"]
    assert lemmas["ANSM"] == ENTITY_LEMMAS["regulator"]


def test_different_countries_look_the_same_to_the_featurizers(nlp):
    first, second = nlp("a Danish clinic is treating him"), nlp("a Kenyan clinic is treating him")
    assert [t.lemma_ or t.text for t in first] == [t.lemma_ or t.text for t in second]


def test_product_code_names_share_a_lemma_but_words_keep_theirs(nlp):
    doc = nlp("can she get ZX-301 or PX15 for COVID-19 in which country")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ZX-301"] == lemmas["PX15"] == PRODUCT_LEMMA
    assert lemmas["country"] != ENTITY_LEMMAS["country"]
    assert lemmas["which"] == ""
