"""Precise questions get the facet they ask for, with the fact sheet's source
and the review date; what the fact sheet marks UNCONFIRMED is answered as
not published; a wrong premise is corrected first (issue 11, item 6). The
questions here are written for these tests, not taken from the facet sets."""
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.answers import CORRECTION_ASPECTS, answer, answer_question, premise_corrections
from bot.facets import load_question_lexicon, read_lexicon, read_question
from bot.knowledge import KnowledgeBaseError, load_knowledge_base
from evaluation.facets import evaluate

ROOT = Path(__file__).resolve().parent.parent / "data" / "knowledge"

# The fact sheet's sources, by the name it gives them (§1, §9).
R5121_74 = "article-r5121-74-of-the-french-public-health-code"
R5121_74_3 = "article-r5121-74-3-of-the-french-public-health-code"
R5121_74_5 = "article-r5121-74-5-of-the-french-public-health-code"
ANSM_AAC_REQUEST = "ansm.sante.fr/vos-demarches/professionel-de-sante/demande-dautorisation-dacces-compassionnel"
SOCIAL_SANTE = "social-sante.gouv.fr/systeme-de-sante-et-medico-social/article/medicaments-sous-atu"
R5121_68 = "section-7-early-access-authorisations"
R5121_69 = "circulaires.legifrance.gouv.fr/codes/article_lc/LEGIARTI000043761532"
D5121_69_3 = "article-d5121-69-3-of-the-french-public-health-code"
R5121_73 = "article-r5121-73-of-the-french-public-health-code"
R5121_76_2 = "legal.tricoteuses.fr/articles/JORFARTI000045159572"
R5121_76_4 = "article-r5121-76-4-of-the-french-public-health-code"
ORDRE_HORS_AMM = "ordre.pharmacien.fr/je-suis/pharmacien/pharmacien/mon-exercice-professionnel"
MEDDISPAR = "meddispar.fr/index.php/Medicaments-a-Cadre-de-Prescription-Compassionnelle-CPC"
ANSM_MD_NEWS = "ansm.sante.fr/actualites/acces-derogatoire-pour-un-dispositif-medical-depourvu-de-marquage-ce"
ANSM_MD_PRO = "utiliser-un-dm-depourvu-de-marquage-ce-dans-le-cadre-dune-derogation"
ELSI = "elsi.legal/post/mise-sur-le-marche-dun-dispositif-medical-dm-non-marque-ce"
MAP_PAGE = "sanofi.com/en/science-and-innovation/clinical-trials-and-results/sanofi-manage-access-program"
SERVIER = "servier.us/oncology-therapeutics"

NAMES = {
    "FR_AAC": "Compassionate access authorisation (AAC) (FR_AAC)",
    "FR_AAP": "Early access authorisation (AAP) (FR_AAP)",
    "FR_CPC": "Compassionate prescription framework (CPC) (FR_CPC)",
    "FR_MD_DEROGATION": "Derogation for a medical device without CE marking (FR_MD_DEROGATION)",
    "COMPANY_MAP": "The company's managed access programme",
}

# (question, scheme, facet, words of the fact given first, source it cites)
FACETS = [
    ("Is an AAC put in by the hospital consultant or by somebody else?", "FR_AAC", "filer",
     "The hospital prescriber makes the request", R5121_74),
    ("once I've filled in my part, who passes the AAC on to the agency?", "FR_AAC", "transmitter",
     "checks it and transmits it to ANSM", R5121_74),
    ("which body decides on a compassionate access authorisation?", "FR_AAC", "authority",
     "ANSM, the French medicines agency, decides", ANSM_AAC_REQUEST),
    ("can I send an AAC request by email?", "FR_AAC", "channel", "only through the e-Saturne web application",
     ANSM_AAC_REQUEST),
    ("it's 2am and the patient is deteriorating, do I have to call ANSM's on-call line for the AAC?", "FR_AAC",
     "decision_time", "Outside working hours", ANSM_AAC_REQUEST),
    ("how long does a compassionate access authorisation last before it must be renewed?", "FR_AAC", "validity",
     "up to one year", R5121_74_3),
    ("which patient details go into the AAC request?", "FR_AAC", "documents", "initials, age, sex and weight",
     R5121_74),
    ("does the French health insurance cover medicines given under an AAC?", "FR_AAC", "cost",
     "coverage by the French health insurance", SOCIAL_SANTE),
    ("the AAC has been granted: which pharmacy dispenses the drug?", "FR_AAC", "at_authorisation",
     "dispensed by the hospital pharmacy", R5121_74_3),
    ("what pharmacovigilance duties come with an AAC?", "FR_AAC", "follow_up", "(PUT-SP)", R5121_74_5),
    ("can a doctor apply for an autorisation d'accès précoce?", "FR_AAP", "filer",
     "Only the company that holds the rights", R5121_68),
    ("how many months does HAS take to decide on early access?", "FR_AAP", "decision_time",
     "within 3 months", R5121_69),
    ("for how long is an early access authorisation granted?", "FR_AAP", "validity", "up to one year",
     D5121_69_3),
    ("are early access decisions made public?", "FR_AAP", "at_authorisation", "HAS publishes all its early access",
     R5121_73),
    ("who is allowed to flag an off-label practice to ANSM so that it considers a CPC?", "FR_CPC",
     "who_can_signal", "patient associations approved under article L1114-1", R5121_76_2),
    ("how long does the marketing authorisation holder have to send protocol proposals for a CPC?", "FR_CPC",
     "decision_time", "at most 2 months", R5121_76_4),
    ("what do I write on the prescription when I prescribe hors AMM with no CPC?", "FR_CPC", "documents",
     "Prescription hors autorisation de mise sur le", ORDRE_HORS_AMM),
    ("is a drug prescribed within its CPC on the retrocession list?", "FR_CPC", "cost", "retrocession list",
     MEDDISPAR),
    ("how does the manufacturer apply for a derogation for a device lacking CE marking?", "FR_MD_DEROGATION",
     "channel", "démarches simplifiées", ANSM_MD_NEWS),
    ("can the device derogation be used in Belgium as well?", "FR_MD_DEROGATION", "validity",
     "for France only", ELSI),
    ("after the device derogation is granted, who carries the liability?", "FR_MD_DEROGATION", "at_authorisation",
     "engages ANSM, the manufacturer and the practitioner", ANSM_MD_PRO),
    ("can a patient's husband send the managed access request himself?", "COMPANY_MAP", "filer",
     "Only the treating physician", MAP_PAGE),
    ("do treating physicians in your programme need to report side effects?", "COMPANY_MAP", "follow_up",
     "report its side effects", SERVIER),
]


@pytest.mark.parametrize("question,scheme,facet,words,source", FACETS, ids=[f"{f[1]}-{f[2]}" for f in FACETS])
def test_a_precise_question_gets_its_facet_with_the_fact_sheet_source(kb, settings, question, scheme, facet,
                                                                        words, source):
    reply = answer(question, kb, settings)
    first = reply.messages[0].text
    opening = reply.corrections[0].facets if reply.corrections else [reply.answered[0][1]]
    assert facet in opening
    assert first.startswith(f"{CORRECTION_OR_NOT(reply)}{NAMES[scheme]}: ")
    assert words in first and source in first
    assert re.search(r"Sources \(reviewed \d{4}-\d{2}-\d{2}\)", first)


def CORRECTION_OR_NOT(reply):
    """A yes/no question on a wrong premise opens with its correction."""
    return re.match(r"A correction first, on [^:]+: ", reply.messages[0].text).group(0) if reply.corrections else ""


# What the fact sheet marks UNCONFIRMED (its "Items NOT confirmed" 1-4 and §1.5).
UNPUBLISHED = [
    ("Is ANSM bound by any deadline when deciding on an AAC?", "how long ANSM takes to decide on an AAC"),
    ("what rebates does the company owe on an AAC medicine?", "how the price or indemnity of a medicine under an AAC"),
    ("for a post-authorisation AAP, does HAS's silence mean approval?",
     "what happens if HAS does not answer in time on an application made after a marketing authorisation"),
    ("how quickly does ANSM decide on a derogation for an uncertified device?",
     "how long ANSM takes to decide on a device derogation"),
    ("is a non-CE device under derogation reimbursed?", "who pays for a device used under a derogation"),
    ("how long does it take ANSM to set up a CPC once signalled?", "how long ANSM takes to set up a CPC"),
]


@pytest.mark.parametrize("question,topic", UNPUBLISHED, ids=[u[1][:40] for u in UNPUBLISHED])
def test_what_the_fact_sheet_does_not_confirm_is_answered_as_not_published(kb, settings, question, topic):
    texts = [m.text for m in answer_question(question, kb, settings)]
    said = next(t for t in texts if topic in t)
    assert "not published" in said and "Please ask" in said
    assert not re.search(r"\d", said.replace(settings.medical_info_contact, ""))


def test_a_confirmed_part_of_a_facet_does_not_hide_what_is_unpublished(kb, settings):
    """'Who pays for an AAC?' gives the coverage, and says the price rules are not published."""
    texts = "\n".join(m.text for m in answer_question("who pays for a drug given under an AAC?", kb, settings))
    assert "Assurance Maladie" in texts and "not published" in texts and "indemnity" in texts


PREMISES = [
    # (message, scheme corrected, what the correction says, source)
    ("we'll put in an AAC for this non-CE-marked stent", "FR_AAC", "Derogation for a medical device without CE "
     "marking (FR_MD_DEROGATION) when it is a medical device", ANSM_MD_PRO),
    ("the drug is authorised in France for another indication, so I'll file an AAC", "FR_AAC",
     "Compassionate prescription framework (CPC) (FR_CPC) when", ORDRE_HORS_AMM),
    ("our hospital's pharma partner will file the AAC for us", "FR_AAC", "Patients and companies do not file AACs",
     R5121_74),
    ("I'll upload the AAC on SESAME", "FR_AAC", "only through the e-Saturne web application", ANSM_AAC_REQUEST),
    ("HAS will approve our AAC next week", "FR_AAC", "ANSM, the French medicines agency, decides",
     ANSM_AAC_REQUEST),
    ("the AAC will be valid for four years", "FR_AAC", "up to one year", R5121_74_3),
    ("I'm filing an early access authorisation for my patient tomorrow", "FR_AAP",
     "Only the company that holds the rights", R5121_68),
    ("HAS has to decide on early access within ten days", "FR_AAP", "within 3 months", R5121_69),
    ("we'd like an RTU for this off-label use", "FR_CPC", "succeeded the former temporary use recommendations",
     "les-cadres-de-prescription-compassionnelle-cpc"),
    ("the device derogation will be filed by our surgeon", "FR_MD_DEROGATION",
     "The manufacturer applies, not the physician", "demander-une-derogation-pour-un-dispositif-medical"),
    ("there is a trial recruiting nearby that he could join, but we'd prefer managed access", "COMPANY_MAP",
     "The patient cannot enrol in any trial", MAP_PAGE),
]


@pytest.mark.parametrize("message,scheme,says,source", PREMISES, ids=[p[0][:40] for p in PREMISES])
def test_a_wrong_premise_is_corrected_first_with_its_source(kb, settings, message, scheme, says, source):
    reply = answer(message, kb, settings)
    first = reply.messages[0].text
    assert first.startswith("A correction first")
    assert reply.corrections[0].scheme == scheme
    assert says in first and source in first


@pytest.mark.parametrize("message", [
    "who decides on early access, HAS or ANSM?",  # alternatives claim nothing
    "is it the hospital pharmacist who sends the AAC to ANSM?",  # a right premise
    "which agency runs the compassionate prescription frameworks that replaced the old RTUs?",
    "can the AAP timeline go beyond 3 months?",  # the right figure
])
def test_a_question_on_a_right_premise_is_not_corrected(kb, settings, message):
    assert not answer(message, kb, settings).corrections


def test_the_writer_s_role_decides_who_I_am(kb, settings):
    """'I'll file the AAP' is corrected for a physician; for the company it is right."""
    assert answer("I'll file the early access authorisation", kb, settings, role="physician").corrections
    assert not answer("I'll file the early access authorisation", kb, settings).corrections


@pytest.mark.parametrize("question,scheme", [
    ("how long is the named-patient route in France valid?", "FR_AAC"),
    ("who applies for early access?", "FR_AAP"),
    ("what's the validity of the French off-label prescribing framework?", "FR_CPC"),
    ("who pays for an uncertified implant used under the exemption?", "FR_MD_DEROGATION"),
    ("is e-Saturne open at night?", "FR_AAC"),
    ("who decides on a request under your expanded access programme?", "COMPANY_MAP"),
])
def test_the_scheme_is_found_by_description_channel_or_programme_words(kb, question, scheme):
    assert read_question(question, kb).scheme == scheme


@pytest.mark.parametrize("question,facet", [
    ("wich documnets go in an AAC requst?", "documents"),
    ("who pais for an erly access drug?", "cost"),
    ("how long is a CPC vaild?", "validity"),
])
def test_spelling_mistakes_are_read(kb, question, facet):
    assert read_question(question, kb).facet == facet


def test_a_real_word_is_not_read_as_a_typo(kb):
    """'indication' is not 'medication', 'fixed' is not 'filed'."""
    words = read_question("how is the price fixed for this indication under an AAP?", kb).words
    assert "indication" in words and "fixed" in words


def test_a_general_question_gets_the_scheme_summary(kb, settings):
    texts = [m.text for m in answer_question("what is a CPC?", kb, settings)]
    assert texts[0].startswith(f"{NAMES['FR_CPC']}: A CPC is a framework set by ANSM")


def test_a_question_without_a_scheme_uses_the_outcome_of_the_conversation(kb, settings):
    texts = [m.text for m in answer_question("how long is it valid?", kb, settings, current_scheme="FR_AAP")]
    assert texts[0].startswith(f"{NAMES['FR_AAP']}: An AAP lasts up to one year")


# --------------------------------------------------------------------------
# The knowledge base validates facets and premises


@pytest.fixture
def kb_copy(tmp_path):
    return Path(shutil.copytree(ROOT, tmp_path / "knowledge"))


def _edit(path: Path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


BAD_FACETS = [
    ("unknown facet name", lambda d: d["schemes"][0]["facets"].update(costs=["payment"]),
     "FR_AAC: facet 'costs': is not a facet"),
    ("facet without sources", lambda d: d["schemes"][1]["facets"].update(cost=[{"text": "It is free."}]),
     "FR_AAP: facet 'cost': fact 'cost[0]': has no sources"),
    ("facet citing no fact", lambda d: d["schemes"][2]["facets"].update(validity=["lifetime"]),
     "FR_CPC: facet 'validity': cites unknown fact 'lifetime'"),
    ("empty facet", lambda d: d["schemes"][3]["facets"].update(channel=[]), "facet 'channel': has no facts"),
    ("unknown premise claim", lambda d: d["schemes"][0]["premises"].append({"claim": "magic", "fact": "what"}),
     "FR_AAC: premise 8: claim 'magic' is not one of"),
    ("duration not readable", lambda d: d["schemes"][0]["premises"][0].update(at_most="a year or so"),
     "FR_AAC: premise 1: 'at_most' must read like '3 months'"),
    ("premises not a list", lambda d: d["schemes"][0].update(premises="none"), "FR_AAC: 'premises' must be a list"),
    ("premise not a mapping", lambda d: d["schemes"][0]["premises"].append("wrong"),
     "FR_AAC: premise 8: must be a mapping with 'claim' and 'fact'"),
]


@pytest.mark.parametrize("name,change,message", BAD_FACETS, ids=[b[0] for b in BAD_FACETS])
def test_the_validator_names_the_file_and_entry_of_a_bad_facet(kb_copy, name, change, message):
    _edit(kb_copy / "schemes" / "fr.yml", change)
    with pytest.raises(KnowledgeBaseError) as err:
        load_knowledge_base(kb_copy)
    assert "fr.yml" in str(err.value) and message in str(err.value)


def test_the_validator_checks_the_programme_s_facets_too(kb_copy):
    _edit(kb_copy / "programme.yml", lambda d: d["programme"]["facets"].update(price=["cost"]))
    with pytest.raises(KnowledgeBaseError, match=r"programme.yml: programme: facet 'price': is not a facet"):
        load_knowledge_base(kb_copy)


def test_every_facet_fact_has_sources_or_is_marked_unconfirmed(kb):
    for code in ("FR_AAC", "FR_AAP", "FR_CPC", "FR_MD_DEROGATION", "COMPANY_MAP"):
        for facet in kb.facet_catalogue.labels:
            for fact in kb.facet_facts(code, facet):
                assert fact.sources or (fact.unconfirmed and fact.ask), (code, facet, fact.key)


def test_the_lexicon_refuses_a_weight_given_twice(tmp_path):
    bad = tmp_path / "questions.yml"
    bad.write_text("facets:\n  filer:\n    8: [who files]\n    8: [applicant]\n")
    with pytest.raises(ValueError, match=r"key\(s\) \['8'\] given twice"):
        read_lexicon(bad)


def test_the_lexicon_names_exactly_the_knowledge_base_facets(kb):
    assert set(load_question_lexicon().facets.entries) == set(kb.facet_catalogue.labels)


def test_every_claim_the_knowledge_base_can_mark_wrong_has_words_and_is_named_in_corrections(kb):
    from bot.premises import check_premise_lexicon, load_premise_lexicon

    check_premise_lexicon(load_premise_lexicon(), kb)  # raises when a claim has no words
    named = {c.split("_", 1)[1] if c.startswith("duration_") else c for c in CORRECTION_ASPECTS}
    assert set(kb.facet_catalogue.claims) - {"duration"} <= named


# --------------------------------------------------------------------------
# The evaluation counts what it should


def test_the_evaluation_counts_a_wrong_facet_and_an_asserted_unconfirmed_fact(kb, settings, tmp_path):
    qset = tmp_path / "set.yml"
    qset.write_text(yaml.safe_dump({
        "questions": [
            {"text": "who pays for an AAC drug?", "scheme": "FR_AAC", "facet": "cost", "unconfirmed": False},
            {"text": "who pays for an AAC drug?", "scheme": "FR_AAC", "facet": "filer", "unconfirmed": False},
            # labelled unconfirmed on a facet with nothing unconfirmed: what it says is an assertion
            {"text": "how long is an AAP valid?", "scheme": "FR_AAP", "facet": "validity", "unconfirmed": True},
        ],
        "wrong_premise": [
            {"text": "the AAC lasts five years", "scheme": "FR_AAC", "correction": "at most 1 year"},
            {"text": "what is an AAC?", "scheme": "FR_AAC", "correction": "none: not a premise"},
        ],
    }))
    figures = evaluate(qset, kb, settings)
    assert figures["right_facet"] == round(1 / 3, 4)
    assert figures["unconfirmed_asserted"] == 1
    assert figures["corrected_first"] == 0.5
    assert len(figures["misses"]) == 3


def test_the_action_answers_with_the_writer_s_role_from_the_conversation():
    from actions.knowledge import ActionAnswerQuestion
    from tests.test_actions import run, tracker

    text = "I'll file the early access authorisation myself"
    as_physician, _ = run(ActionAnswerQuestion(), tracker({"role": "physician"}, text=text, intent="ask_info"))
    as_unknown, _ = run(ActionAnswerQuestion(), tracker({}, text=text, intent="ask_info"))
    assert as_physician[0]["text"].startswith("A correction first, on who files")
    assert not as_unknown[0]["text"].startswith("A correction first")


def test_the_assessment_path_can_get_only_the_corrections(kb, settings):
    """A wrong premise read as the start of an assessment: only its correction."""
    stent = premise_corrections("we want an AAC for a non-CE-marked stent", kb, settings)
    assert len(stent) == 1 and stent[0].text.startswith("A correction first, on the route")
    assert premise_corrections("my patient has a rare cancer and lives in Lyon", kb, settings) == []
