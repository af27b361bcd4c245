"""What pool 45 showed once read (twenty-seventh session; blind until then),
in phrasings written for these tests: the Danish "her" before a relative; a
product "to be had" in Dutch; no mark or licence "for any use" in the Romance
and Germanic languages; treatments tried "without result"; and the German
subjunctive "hätte" (would have), which is no past treatment."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["jeg er hendes datter", "jeg er hendes barnebarn", "hendes søn"])
def test_the_danish_her_before_a_relative_is_a_relative(text):
    assert _read(text, "role").facts.get("role") == "patient_advocate"


@pytest.mark.parametrize("text", [
    "het is hier geregistreerd voor zijn ziekte en gewoon te krijgen",
    "zugelassen für diese Erkrankung und problemlos zu bekommen",
])
def test_to_be_had_is_available(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_available"


@pytest.mark.parametrize("text", [
    # a sentence that goes on about this indication stays "no mark for any use"
    "dispositif sans marquage CE pour aucun usage, étudié chez le fabricant pour cette indication",
    "für keine Anwendung CE-gekennzeichnet, aber eine Studie für diese Indikation läuft",
    "producto sin marcado CE para ningún uso, en estudio para esta indicación",
])
def test_no_mark_for_any_use_is_not_authorised(text):
    assert _read(text).facts.get("authorisation") == "not_authorised"


@pytest.mark.parametrize("text", [
    "hon har provat alla godkända alternativ utan effekt",
    "han har prøvd alle godkjente behandlinger uten resultat",
    "próbowaliśmy wszystkich zarejestrowanych terapii bez rezultatu",
])
def test_tried_without_result_is_alternatives_exhausted(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text, treated", [
    ("Guten Morgen, ich hätte eine Frage zu einem Medikament Ihrer Firma.", None),
    ("Hätten Sie Informationen zum Zugang zu einem Produkt?", None),
    ("Sie hatte das Medikament schon im letzten Jahr.", True),
])
def test_the_german_subjunctive_is_no_past_treatment(text, treated):
    assert _read(text).facts.get("previously_treated") is treated
