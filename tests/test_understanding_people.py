"""How people write: roles by specialty, grade or relation, places instead
of countries, misspelt country names, and asking in words to go ahead.
Cases written for these tests (the evaluation pools are kept apart)."""
import pytest

from bot.places import find_places, misspelt_countries
from bot.roles import read_role
from bot.understanding import interpret, wants_handoff


@pytest.mark.parametrize("text, role", [
    ("cardiology consultant", "physician"),
    ("I'm her rheumatologist", "physician"),
    ("neuro reg on call tonight", "physician"),
    ("the paediatrician looking after him", "physician"),
    ("PGY-2, internal medicine", "physician"),
    ("GP", "physician"),
    ("his haematologist", "physician"),
    ("oncologsit", "physician"),  # typing mistake
    ("ward nurse on the haematology unit", "other_hcp"),
    ("clinical pharmacist", "other_hcp"),
    ("research coordinator for the trial unit", "other_hcp"),
    ("radiologist, but she's not my patient", "other_hcp"),
    ("I'm his wife", "patient_advocate"),
    ("father of the little girl", "patient_advocate"),
    ("I volunteer for a patient association", "patient_advocate"),
    ("myself", "patient"),
    ("it is about my own disease", "patient"),
    ("grandson, helping my nan sort this out", "patient_advocate"),
    ("family friend, I'm helping the family find their way through this", "patient_advocate"),
    ("je suis sa mère", "patient_advocate"),
    ("me, the patient. I've been through every approved treatment", "patient"),
    ("it's about my own treatment", "patient"),
    ("it's me who is sick", "patient"),
])
def test_the_answer_to_who_are_you(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text, role", [
    ("Dermatologist here, quick question about access", "physician"),
    ("I am an ICU consultant in Bristol", "physician"),
    ("the neurologist told us to write to you", None),  # someone else's doctor
    ("my son has a rare disease", "patient_advocate"),
    ("my patient is 12", None),
    # a greeting first: the role still opens the message
    ("Good morning. Cardiac surgeon, CHU de Bordeaux. 79-year-old man, inoperable.", "physician"),
    ("Hello! Paediatric oncologist in Lille here", "physician"),
    ("Hi. The neurologist told us to ask you.", None),
    ("Hello, this is the treating oncologist", "physician"),
    ("it's approved for exactly this and the pharmacy stocks it", None),
    ("We saw her last week. Haematologist said it could help.", None),  # not after a greeting: not an opening
    # in other languages, by the ending of the specialty and "I am"
    ("Bonsoir, je suis pneumologue à l'hôpital de Nancy", "physician"),
    ("Salve, sono la reumatologa che la segue", "physician"),
    ("Hola, soy el neumólogo del paciente", "physician"),
    ("Guten Tag, ich bin Kardiologe in Linz", "physician"),
    ("sono la psicologa del reparto", "other_hcp"),
    ("il suo cardiologo ci ha detto di scrivervi", None),  # someone else's doctor
])
def test_a_role_volunteered_in_another_message_must_be_said_of_the_writer(text, role):
    assert read_role(text, answering=False) == role


@pytest.mark.parametrize("text, country", [
    ("she's treated in Toulouse", "FR"), ("a clinic in Seattle", "US"), ("Bavaria", "DE"), ("we're near Porto", "PT"),
    ("Ontario", "CA"), ("the hospital is in Catalonia", "ES"), ("Brisbane", "AU"), ("treated in Nice", "FR"),
])
def test_cities_and_regions_name_the_country(text, country):
    assert [p.country for p in find_places(text, answering=True)] == [country]


@pytest.mark.parametrize("text", ["that would be nice", "Most of them failed", "we tried the South approach"])
def test_place_names_that_are_ordinary_words_are_left_alone(text):
    assert find_places(text, answering=False) == []


@pytest.mark.parametrize("text, country", [("Frnace", "FR"), ("Belguim", "BE"), ("Austrlia", "AU"),
                                           ("Untied States", "US"), ("Unted Kingdom", "GB")])
def test_misspelt_country_names_are_read_as_answers(text, country):
    assert [p.country for p in misspelt_countries(text)] == [country]


def test_a_place_answers_the_country_question_and_respects_approval_context():
    read = interpret("treated in Lyon; it's only approved in the US", "inform", [], "country", {})
    assert read.facts["country"] == "FR"
    only = interpret("it is approved in Boston, not here", "inform", [], "authorisation", {"country": "FR"})
    assert only.facts.get("country") in (None, "FR")


@pytest.mark.parametrize("text", ["we'd like to go ahead and submit", "please proceed with the request",
                                  "can I speak to someone from your team", "yes, let's apply",
                                  "can you submit it for me?", "not sure yet, but let's go ahead", "ok file it",
                                  "what happens next? we'd like to submit", "can we submit it now?",
                                  "ok, can we go ahead?"])
def test_asking_to_go_ahead_is_never_a_yes_to_the_open_question(text):
    read = interpret(text, "affirm", [], "trial_available", {"role": "physician", "country": "FR"})
    assert read.wants_handoff and "trial_available" not in read.facts


@pytest.mark.parametrize("text", ["how do I apply?", "don't submit anything yet", "yes", "she never applied",
                                  "we'd file an AAC for this stent, right?", "so I submit it on e-Saturne, correct?",
                                  "we file it ourselves, don't we?", "I'm not ready to go ahead",
                                  "the company said it has no plans to develop or file it for scleroderma",
                                  "the company plans to apply next year",
                                  "I know you have a phase 2 in AIHA and intend to file for it",
                                  # questions about the process, at the end of an opening
                                  "He has never had it. How do we apply for a derogation?",
                                  "Could you tell us how to request it?",
                                  "There's a phase 2 open. Trial first, or can we request it directly?",
                                  "should I apply?", "tell me what we need to file"])
def test_other_messages_are_not_a_request_to_go_ahead(text):
    assert not wants_handoff(text)


@pytest.mark.parametrize("text, status", [
    ("it's licensed for psoriasis, we'd use it for something else", "authorised_other_indication"),
    ("approved here but only for adults with lymphoma", "authorised_other_indication"),
    ("prescribing it off label", "authorised_other_indication"),
    ("it isn't licensed for anything at all", "not_authorised"),
    ("still experimental", "not_authorised"),
    ("approved for this but never launched here", "authorised_not_available"),
    ("registered for this use, though there's a shortage", "authorised_not_available"),
    ("approved for exactly this and in pharmacies", "authorised_available"),
    ("only approved first-line, we'd be using it in a later line", "authorised_other_indication"),
    ("yes it's on the market here, but for something else", "authorised_other_indication"),
    ("it's marketed here for a diffrent indication", "authorised_other_indication"),  # typing mistake
    ("it's been approved for this, but there's no launch date here", "authorised_not_available"),
    ("authorized for her indication, not yet commercialized", "authorised_not_available"),
    ("it has a licence, just not in this indication", "authorised_other_indication"),
    ("pas d'AMM, pour aucune indication", "not_authorised"),
    ("AMM obtenue dans cette indication mais pas commercialisé", "authorised_not_available"),
    ("commercialisé et remboursé dans cette indication", "authorised_available"),
    ("aproved but not availible here", "authorised_not_available"),  # typing mistakes
    ("Yes approved for this use. Available? No.", "authorised_not_available"),  # asked and answered
    ("Approved? No. Available? No.", "not_authorised"),
    ("authrised but not for this use", "authorised_other_indication"),  # typing mistake
    ("it's on the market for adults only, and this patient is a child", "authorised_other_indication"),
    ("yes, it's authorized for this use and you can get it at any pharmacy", "authorised_available"),
    # Only the sentences about the status count: "the other options" is not another use.
    ("An implanted defibrillator isn't possible and the other options have been used. The vest is CE marked "
     "for this use and sold in France.", "authorised_available"),
    ("approved for breast cancer; we want it for something else", "authorised_other_indication"),
    ("the approval covers this use, yet no pharmacy can order it", "authorised_not_available"),
    ("The drug I need is approved in Italy, but not for my illness", "authorised_other_indication"),
    ("It has a marketing authorisation here for this indication, but it has never been put on the French market",
     "authorised_not_available"),
    ("not licensed here, but sold in Germany", "not_authorised"),
])
def test_the_products_status_is_read_from_concepts(text, status):
    from bot.authorisation import read_authorisation

    assert read_authorisation(text) == status


@pytest.mark.parametrize("text", ["not for this indication", "she is not in a trial", "the company plans to apply for approval"])
def test_no_status_is_read_where_none_is_stated(text):
    from bot.authorisation import read_authorisation

    assert read_authorisation(text) is None


def test_approval_words_in_the_answer_to_another_question_leave_the_status_alone():
    current = {"role": "physician", "country": "FR", "authorisation": "not_authorised"}
    read = interpret("yes, every licensed option failed and we can't get a trial place", "affirm", [],
                     "alternatives_exhausted", current)
    assert read.facts == {"alternatives_exhausted": True}


def test_no_approval_for_any_use_is_not_authorised_even_when_this_indication_is_named():
    read = interpret("it has no authorisation here for any use; we'd want it for this indication", "inform", [], None, {})
    assert read.facts["authorisation"] == "not_authorised"


def test_a_trial_that_has_ended_is_no_enrolment_and_first_line_says_nothing_of_alternatives():
    read = interpret("yes, he had it in your study, but that study has ended and he's no longer enrolled",
                     "inform", [], "previously_treated", {"role": "physician", "country": "FR"})
    assert read.facts.get("previously_treated") is True and read.facts.get("in_company_trial") is not True
    read = interpret("failed first-line chemo and second-line too", "inform", [], "alternatives_exhausted", {})
    assert read.facts.get("alternatives_exhausted") is True


def test_the_status_reader_goes_before_the_phrase_lexicon():
    read = interpret("yes it's on the market here, but for something else", "inform", [], "authorisation",
                     {"role": "physician", "country": "FR"})
    assert read.facts["authorisation"] == "authorised_other_indication"


@pytest.mark.parametrize("text, slot, value", [
    # the company trial the patient is not in answers the other question
    ("yes there's one he could join, although he isn't in a company trial", "trial_available", True),
    ("none that we could find", "trial_available", False),
    ("not that I could see", "in_development", False),
])
def test_the_open_question_is_answered_by_its_own_clause(text, slot, value):
    assert interpret(text, None, [], slot, {}).facts.get(slot) == value


@pytest.mark.parametrize("text, status", [
    ("licensed for this, but no pharmacy here can't order it", "authorised_not_available"),
    ("approved for this use but the hospital can't get hold of it", "authorised_not_available"),
])
def test_a_product_that_cannot_be_ordered_is_not_available(text, status):
    assert interpret(text, None, [], "authorisation", {}).facts.get("authorisation") == status


@pytest.mark.parametrize("text", ["I'm his partner. Nothing approved is left for him.",
                                  "my husband, everything approved has failed"])
def test_approved_treatments_that_failed_say_nothing_of_the_status(text):
    assert "authorisation" not in interpret(text, None, [], None, {}).facts


@pytest.mark.parametrize("text, role", [
    ("I'm a PA", "other_hcp"),
    ("We are a patient support charity", "patient_advocate"),
    ("we're a patient advocacy group helping a family", "patient_advocate"),
])
def test_more_ways_to_say_who_is_writing(text, role):
    assert interpret(text, None, [], "role", {}).facts.get("role") == role


def test_pharmacies_are_not_a_pharmacist():
    assert "role" not in interpret("approved here but pharmacies can't order it", None, [], "authorisation", {}).facts


@pytest.mark.parametrize("text, country", [("treated in Florida", "US"), ("Aarhus", "DK")])
def test_a_us_state_wins_over_a_small_town_of_its_name(text, country):
    assert interpret(text, None, [], "country", {}).facts.get("country") == country


@pytest.mark.parametrize("text, status", [
    ("licensed for this indication and sold here, but the trial's closed", "authorised_available"),
    ("authorised for this, yes; marketed, no", "authorised_not_available"),
    ("registered: yes, available: no", "authorised_not_available"),
])
def test_a_trial_said_with_s_and_a_status_answered_word_by_word(text, status):
    assert interpret(text, None, [], "authorisation", {}).facts.get("authorisation") == status


@pytest.mark.parametrize("text", ["me (the patient)", "for me personally"])
def test_the_patient_answering_who_are_you_in_two_words(text):
    assert interpret(text, None, [], "role", {}).facts.get("role") == "patient"


@pytest.mark.parametrize("text, slot, value", [
    ("authorised for this disease, just not on the market here", "authorisation", "authorised_not_available"),
    ("not that we're aware of, and nothing is recruiting", "previously_treated", False),
    ("they plan to file for it next year, though my wife isn't in any of their studies", "in_development", True),
    ("meds", "product_type", "medicine"),
    ("I'm the one who needs the drug", "role", "patient"),
    ("NYC", "country", "US"),
])
def test_pool_10_kinds_of_answers(text, slot, value):
    assert interpret(text, None, [], slot, {}).facts.get(slot) == value


@pytest.mark.parametrize("text, slot", [
    ("medical device", "product_type"),
    ("medical device; the condition is seriously debilitating", "product_type"),
    ("primary care can't get it", "authorisation"),
    ("il a eu une chirurgie l'an dernier", "previously_treated"),
])
def test_words_a_letter_from_a_doctors_title_are_no_role(text, slot):
    assert "role" not in interpret(text, None, [], slot, {}).facts
