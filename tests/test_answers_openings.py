"""Before any outcome, a message that states facts of the assessment and asks
only who may get the product is an opening of the assessment, not a question
for the programme's criteria (bot/answers.opens_assessment); a precise
question or one about a national scheme is still answered."""
import pytest

from bot.answers import asks_a_precise_question, opens_assessment
from bot.knowledge import get_knowledge_base


@pytest.mark.parametrize("text, stated", [
    ("I coordinate trials; one of our patients is in your company's study and we want to know the options after it.",
     ["role", "in_company_trial"]),
    ("Hallo, ich bin Patientin und werde in Linz behandelt. Wie komme ich an Orvexa?", ["role", "country"]),
    ("hi, my husband has a life threatening illness and a trial is open to him, what are all the options?",
     ["serious_condition", "trial_available"]),
    # facts only, though their words sound like a facet (the documents of an application)
    ("Jag är läkare. Företaget har inte ansökt om godkännande för den här sjukdomen.", ["role", "in_development"]),
    ("I am a nurse. The company has not filed an application for this disease.", ["role", "in_development"]),
    # a case told without a question, whatever scheme its words evoke (pool 34: the French device
    # derogation's criteria were given to a surgeon in Melbourne)
    ("Hi, vascular surgeon at Royal Melbourne Hospital. The product is a medical device, a custom-made stent "
     "graft, not on the ARTG, and the manufacturer is seeking approval through a clinical investigation. He's "
     "not in the manufacturer's study and can't get into any trial.",
     ["role", "country", "product_type", "authorisation", "in_development", "in_company_trial", "trial_available"]),
])
def test_an_opening_that_asks_who_may_get_it_goes_to_the_assessment(kb, text, stated):
    assert opens_assessment(text, stated, kb)


@pytest.mark.parametrize("text, stated", [
    ("I'm a GP in Lyon, who pays for the drug?", ["role", "country"]),  # a precise question
    ("I'm a GP in Lyon, can my patient get an AAC?", ["role", "country"]),  # a national scheme named
    # ... asked about, however many facts come with it
    ("Cardiologist in Lyon, CE marking missing, not in a trial, none open: we'd file an AAC for this stent, right?",
     ["role", "country", "product_type", "authorisation", "in_company_trial", "trial_available"]),
    ("can my patient get it? I'm in Lyon", ["country"]),  # one fact only
    ("who may get a product through your programme?", []),
])
def test_a_precise_question_a_national_scheme_or_too_few_facts_is_answered(kb, text, stated):
    assert not opens_assessment(text, stated, kb)


@pytest.mark.parametrize("text, expected", [
    ("who pays for the medicine under an AAC?", True),
    ("how long does an early access authorisation last?", True),
    ("we'd file an AAC for this non-CE-marked stent, right?", True),  # a wrong premise
    ("is it serious?", False),  # names no scheme
    ("not that we could find", False),  # no question
    ("goodbye from Scotland", False),
])
def test_a_precise_question_names_a_scheme_and_asks_a_facet_or_rests_on_a_wrong_premise(text, expected):
    assert asks_a_precise_question(text, get_knowledge_base()) is expected


def test_asked_as_a_request_for_an_assessment_eligibility_is_not_a_precise_question():
    kb = get_knowledge_base()
    text = "can my patient get it through an AAC?"
    assert asks_a_precise_question(text, kb) and not asks_a_precise_question(text, kb, wants_assessment=True)
