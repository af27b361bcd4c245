"""Facts said in French, Italian, Spanish and German openings, read without
a model (bot/understanding.interpret). Cases written for these tests; the
evaluation pools are kept apart."""
import pytest

from bot.understanding import interpret


def _facts(text, requested=None):
    return interpret(text, "start_assessment", [], requested, {}).facts


@pytest.mark.parametrize("text, expected", [
    ("Le traitement n'a d'AMM en Suisse pour aucune indication.", {"authorisation": "not_authorised"}),
    ("Le produit n'est autorisé pour aucune indication chez nous.", {"authorisation": "not_authorised"}),
    ("Il prodotto non è autorizzato per nessuna indicazione.", {"authorisation": "not_authorised"}),
    ("El producto no está autorizado para ninguna indicación y hay un ensayo en esta indicación.",
     {"authorisation": "not_authorised"}),
])
def test_no_approval_for_any_use_in_other_languages(text, expected):
    facts = _facts(text)
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, slot, value", [
    ("Elle n'est pas dans un essai de la firme.", "in_company_trial", False),
    ("La paziente non è in uno studio dell'azienda.", "in_company_trial", False),
    ("No está en ningún ensayo de la compañía.", "in_company_trial", False),
    ("Meine Patientin ist in der Studie des Herstellers.", "in_company_trial", True),
    ("aucun essai ouvert ne peut l'inclure", "trial_available", False),
    ("No puede entrar en ningún ensayo.", "trial_available", False),
    ("Nunca lo ha recibido.", "previously_treated", False),
    ("Non l'ha mai ricevuto.", "previously_treated", False),
    ("Ha una malattia che mette in pericolo la vita.", "serious_condition", True),
    ("Tiene una enfermedad potencialmente mortal.", "serious_condition", True),
    ("Le laboratoire a déposé une demande d'AMM dans cette indication.", "in_development", True),
    ("Il farmaco è in fase III per questa malattia.", "in_development", True),
])
def test_yes_no_facts_said_in_passing_in_other_languages(text, slot, value):
    assert _facts(text).get(slot) == value


@pytest.mark.parametrize("text", [
    "absolutely, it has taken over her whole life",  # not the product taken
])
def test_a_phrasal_verb_is_not_the_product_taken(text):
    assert "previously_treated" not in _facts(text, "serious_condition")


def test_failing_a_trials_inclusion_is_not_the_treatments_failing():
    facts = _facts("no, we screened her and she failed inclusion for every open study", "trial_available")
    assert "alternatives_exhausted" not in facts


@pytest.mark.parametrize("text", [
    "Le médicament n'est autorisé en Belgique pour aucune indication et une demande d'AMM est déposée pour cette "
    "indication.",
    "the company applied for approval in this indication; it is not approved anywhere yet",
])
def test_a_request_for_approval_is_development_not_the_status(text):
    facts = _facts(text)
    assert facts.get("authorisation") == "not_authorised" and facts.get("in_development") is True


def test_alternatives_that_failed_in_french():
    assert _facts("Toutes les alternatives autorisées ont échoué.").get("alternatives_exhausted") is True


# Readings added in the ninth session: relatives in five languages, ligatures,
# "MA" that is the French "my", elided articles, relative clauses after a comma.
@pytest.mark.parametrize("text", [
    "je suis son frère",
    "Je suis la sœur de la patiente",
    "soy la hija del paciente",
    "sono il marito della paziente",
    "Ich bin seine Tochter",
    "ich bin der Vater von Lukas",
    "sou a filha dela",
    "je suis le neveu d'un patient suivi à Nantes",
])
def test_relatives_in_other_languages_are_advocates(text):
    assert _facts(text, "role").get("role") == "patient_advocate"
    assert interpret(text, None, [], None, {}).facts.get("role") == "patient_advocate"


@pytest.mark.parametrize("text", [
    "Ma patiente a épuisé les alternatives et le produit n'a d'AMM nulle part.",
    "Ma fille est suivie à Lille, le médicament n'a aucune autorisation.",
])
def test_french_ma_is_not_a_marketing_authorisation(text):
    assert _facts(text).get("authorisation") == "not_authorised"


@pytest.mark.parametrize("text, status", [
    ("approvato, ma per un'altra indicazione", "authorised_other_indication"),
    ("it has no MA here", "not_authorised"),
    ("the product has a full MA for this disease and is sold here", "authorised_available"),
])
def test_ma_and_elided_articles(text, status):
    assert _facts(text, "authorisation").get("authorisation") == status


@pytest.mark.parametrize("text, slot, value", [
    ("Leider gibt es keine Studie, in die er aufgenommen werden könnte.", "trial_available", False),
    ("Es gibt keine offene Studie, an der er teilnehmen könnte.", "trial_available", False),
    ("Il n'a jamais été traité par ce produit.", "previously_treated", False),
    ("Pas d'essai possible pour elle.", "trial_available", False),
    ("Sa maladie met sa vie en danger.", "serious_condition", True),
    ("La malattia mette a rischio la vita del bambino.", "serious_condition", True),
])
def test_more_facts_said_in_passing_in_other_languages(text, slot, value):
    assert _facts(text).get(slot) == value


def test_a_french_surgeons_device_opening_is_read_whole():
    facts = _facts("Chirurgienne orthopédique à Nancy. C'est un dispositif sans marquage CE ; à ma connaissance rien "
                   "n'est prévu dans cette indication. Pas d'essai accessible, elle ne participe à aucun essai du "
                   "fabricant et n'a jamais reçu ce dispositif.")
    assert facts["role"] == "physician"
    assert facts["authorisation"] == "not_authorised"
    assert facts["trial_available"] is False and facts["in_company_trial"] is False
    assert facts["previously_treated"] is False


def test_a_german_opening_without_subjects_is_read_whole():
    facts = _facts("Hausärztin in Köln. Alle zugelassenen Therapien sind ausgeschöpft, ist in keiner Studie der Firma "
                   "und hat das Präparat noch nie erhalten.")
    assert facts["role"] == "physician"
    assert facts["alternatives_exhausted"] is True
    assert facts["in_company_trial"] is False


@pytest.mark.parametrize("text, status", [
    ("not FDA-approved for any indication", "not_authorised"),
    ("on-label and easy to get", "authorised_available"),
    ("licensed for this, but the maker stopped selling it here", "authorised_not_available"),
])
def test_hyphenated_approvals_and_products_no_longer_sold(text, status):
    assert _facts(text, "authorisation").get("authorisation") == status


@pytest.mark.parametrize("text", ["ich bin selbst die Patientin", "the patient is me"])
def test_the_patient_writing_in_other_words(text):
    assert _facts(text, "role").get("role") == "patient"


@pytest.mark.parametrize("text, facts", [
    ("infirmière à Brest, la patiente est incluse dans votre étude", {"in_company_trial": True}),
    ("currently enrolled in your phase 2 study", {"in_company_trial": True}),
])
def test_being_in_the_companys_trial_is_no_trial_to_join(text, facts):
    read = _facts(text)
    assert {k: read.get(k) for k in facts} == facts
    assert "trial_available" not in read


def test_an_every_fact_french_opening_with_the_societe_and_an_accessible_trial():
    facts = _facts("Hématologue à Rennes. Le produit n'a aucune AMM pour aucune indication. Elle n'est pas dans un "
                   "essai de la société et aucun essai ne lui est accessible.")
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


@pytest.mark.parametrize("text", ["Neurosurgeon in Leeds", "neurochirurgien à Lille", "paediatric surgeon here"])
def test_surgeons_of_every_kind_are_physicians(text):
    assert interpret(text, None, [], None, {}).facts.get("role") == "physician"


# Development pool 12 (tenth session): the misreads its conversations showed.

def test_no_authorisation_whatever_the_indication_is_none_at_all():
    # "pas dans cette indication" belonged to the development clause; FR_CPC was given for FR_AAC 16 times.
    facts = _facts("Il s'agit d'un médicament sans aucune autorisation en France, quelle que soit l'indication, "
                   "et le laboratoire ne le développe pas dans cette indication.")
    assert facts["authorisation"] == "not_authorised" and facts["in_development"] is False
    assert _facts("not approved for anything, regardless of the indication", "authorisation")["authorisation"] == \
        "not_authorised"


def test_approved_for_this_use_but_not_on_the_market_in_german():
    assert _facts("für diese Indikation zugelassen, aber nicht im Handel", "authorisation")["authorisation"] == \
        "authorised_not_available"
    assert _facts("zugelassen, aber nicht für diese Indikation", "authorisation")["authorisation"] == \
        "authorised_other_indication"


@pytest.mark.parametrize("text, expected", [
    ("Le patient n'est inclus dans aucun essai.", {"in_company_trial": False}),
    ("Le patient n'est inclus dans aucun essai et aucun essai ouvert ne peut l'accueillir.",
     {"in_company_trial": False, "trial_available": False}),
    ("sì, arruolato nello studio dell'azienda", {"in_company_trial": True}),
])
def test_being_in_no_trial_at_all_is_in_no_company_trial(text, expected):
    read = _facts(text, "in_company_trial" if text.startswith("sì") else None)
    assert {k: read.get(k) for k in ("in_company_trial", "trial_available")} == {
        "in_company_trial": expected.get("in_company_trial"), "trial_available": expected.get("trial_available")}


def test_included_in_some_trial_does_not_say_whose():
    assert "in_company_trial" not in _facts("Elle est incluse dans un essai à Lyon.")


@pytest.mark.parametrize("text", ["un dispositivo medico, marcato CE ma per un altro uso", "es un dispositivo médico"])
def test_a_medical_device_in_italian_or_spanish_names_no_doctor(text):
    assert "role" not in _facts(text, "product_type")
    assert _facts("sono medico a Milano", None)["role"] == "physician"


def test_development_for_other_diseases_is_not_development_for_this_use():
    assert _facts("no, it's only being developed for other diseases", "in_development")["in_development"] is False
    assert _facts("yes it's being developed for this disease", "in_development")["in_development"] is True


@pytest.mark.parametrize("text, exhausted", [
    ("none of the approved treatments worked", True),
    ("none of the approved treatments have been tried yet", False),
    ("no, he has other treatments", False),
])
def test_none_of_the_treatments_worked_is_a_yes(text, exhausted):
    assert _facts(text, "alternatives_exhausted")["alternatives_exhausted"] is exhausted


def test_an_italian_and_after_a_negation_starts_a_new_clause():
    facts = _facts("Il farmaco non è autorizzato in Italia per nessuna indicazione ed è in sperimentazione di fase 3 "
                   "da parte dell'azienda")
    assert facts["authorisation"] == "not_authorised" and facts["in_development"] is True


def test_an_italian_every_fact_opening_is_read_clause_by_clause():
    # Development pool 12: the unaccented "e" (and) joins two clauses; "è" (is) does not.
    facts = _facts("Buongiorno, sono l'ematologo che ha in cura il paziente a Milano. Il farmaco non è autorizzato in "
                   "Italia per nessuna indicazione ed è in sperimentazione di fase 3 da parte dell'azienda. Il paziente "
                   "non è arruolato in alcuno studio e non può accedere a studi aperti. La malattia è grave e "
                   "potenzialmente letale, le alternative sono esaurite e non ha mai ricevuto il farmaco.")
    assert {k: facts.get(k) for k in ("in_company_trial", "trial_available", "alternatives_exhausted",
                                      "previously_treated", "in_development")} == {
        "in_company_trial": False, "trial_available": False, "alternatives_exhausted": True,
        "previously_treated": False, "in_development": True}


def test_an_italian_device_opening_with_ce_mark_for_another_use():
    facts = _facts("Sono la figlia di una paziente a Napoli. Il dispositivo medico ha il marchio CE ma per un altro "
                   "uso, e il produttore non lo sta sviluppando per questa indicazione. Non può entrare in nessuno "
                   "studio. Le terapie approvate sono state tutte provate, e non ha mai avuto questo dispositivo.")
    assert facts["authorisation"] == "authorised_other_indication" and facts["in_development"] is False
    assert facts["trial_available"] is False and facts["alternatives_exhausted"] is True
    assert facts["previously_treated"] is False and facts["role"] == "patient_advocate"


def test_the_patient_says_that_is_them():
    assert _facts("the patient — that's me", "role")["role"] == "patient"


def test_a_spanish_every_fact_opening():
    # Development pool 9: "las alternativas autorizadas" are other treatments, not an approval of the product.
    facts = _facts("Hola, soy oncóloga en el Hospital Clínic de Barcelona. Se trata de un medicamento no autorizado en "
                   "España para ninguna indicación, que está en fase 3 para esta enfermedad. La paciente tiene una "
                   "enfermedad que amenaza su vida, ya ha agotado las alternativas autorizadas, no puede entrar en "
                   "ningún ensayo, no participa en ningún ensayo de la compañía y nunca lo ha recibido.")
    assert facts["authorisation"] == "not_authorised" and facts["serious_condition"] is True
    assert facts["in_company_trial"] is False and facts["trial_available"] is False
    assert facts["alternatives_exhausted"] is True and facts["previously_treated"] is False


@pytest.mark.parametrize("text, slot, value", [
    ("no, non partecipa a nessuno studio", "in_company_trial", False),
    ("no puede participar en ningún ensayo", "trial_available", False),
    ("una malattia che minaccia la vita", "serious_condition", True),
])
def test_taking_part_and_threats_to_life_in_italian_and_spanish(text, slot, value):
    assert _facts(text, slot if slot == "in_company_trial" else None)[slot] is value


# Development pool 13 (tenth session, read after its first figures-only run).

@pytest.mark.parametrize("text", ["Je suis patient, suivi à Rennes", "sono io il paziente", "me lol",
                                  "it's me who needs it", "Ich bin Patientin in Stuttgart", "soy paciente en Málaga"])
def test_patients_who_say_so_without_an_article(text):
    assert _facts(text, "role")["role"] == "patient"


@pytest.mark.parametrize("text, slot, value", [
    ("all used up", "alternatives_exhausted", True),
    ("it got approval for this indication, the launch just hasn't happened", "authorisation",
     "authorised_not_available"),
    ("está aprobado en España pero para otra enfermedad", "authorisation", "authorised_other_indication"),
    ("he's not, but there is a recruiting trial he qualifies for", "in_company_trial", False),
])
def test_short_and_mixed_answers_of_pool_13(text, slot, value):
    assert _facts(text, slot)[slot] == value


def test_a_clause_that_only_says_not_is_a_no_but_not_inside_a_longer_one():
    assert _facts("she's not coping, it's really severe", "serious_condition")["serious_condition"] is True
