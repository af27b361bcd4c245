"""What development pools 22 and 23 and development safety sets 17 and 18
showed (sixteenth session), in phrasings written for these tests: "not at
all" on its own in six languages, relatives after a possessive in other
languages, a mistyped "patient", the first time, a pharmacy that stocks it,
regions in their own language, other options that exist, a wish to try, a
phrase that affirms a fact stated in passing, the product received now; and,
for the second safety detector, deaths before the product reached the
patient, the past in Dutch, "0 deaths", the Dutch relative "die" and a
product "not made commercially available"."""
import pytest

from bot.authorisation import read_authorisation
from bot.harm import detect
from bot.polarity import answer_to
from bot.statements import stated_facts
from bot.understanding import interpret


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {}).facts


@pytest.mark.parametrize("text", ["pas du tout", "Para nada", "per niente", "gar nicht", "helemaal niet",
                                  "de jeito nenhum", "Überhaupt nicht"])
def test_not_at_all_alone_is_a_no(text):
    assert answer_to("in_company_trial", text) is False


@pytest.mark.parametrize("text", ["für meinen Mann", "Angehöriger", "ich bin Angehörige", "para mi madre",
                                  "per mia sorella"])
def test_a_relative_in_other_languages_is_an_advocate(text):
    assert _read(text, "role")["role"] == "patient_advocate"


@pytest.mark.parametrize("text", ["the pateint, me", "the patinet"])
def test_a_mistyped_patient_answering_who_are_you_is_the_patient(text):
    assert _read(text, "role")["role"] == "patient"


def test_the_patients_sister_stays_a_relative():
    assert _read("the patients sister", "role")["role"] == "patient_advocate"


@pytest.mark.parametrize("text", ["it would be the first time", "no, first time", "ce serait la première fois",
                                  "sería la primera vez"])
def test_the_first_time_is_never_received(text):
    assert answer_to("previously_treated", text) is False


def test_the_first_dose_received_is_still_received():
    assert answer_to("previously_treated", "he had the first dose in May") is True


def test_a_pharmacy_that_has_it_is_available():
    assert read_authorisation("licensed for this indication and in the pharmacy", answering=True) == \
        "authorised_available"


@pytest.mark.parametrize("text, code", [("Vlaanderen", "BE"), ("Wallonie", "BE"), ("NRW", "DE")])
def test_regions_in_their_own_language(text, code):
    assert _read(text, "country")["country"] == code


@pytest.mark.parametrize("text, expected", [
    ("other options exist, we'd just prefer yours", False),
    ("no other options exist", True),
    ("il n'existe aucune alternative", True),
    ("I haven't used up the approved treatments yet", False),
])
def test_options_that_exist_are_not_exhausted(text, expected):
    assert answer_to("alternatives_exhausted", text) is expected


def test_a_wish_to_try_the_product_says_nothing_of_the_alternatives():
    facts = _read("Je suis patiente à Lyon, ma maladie n'est pas grave mais je voudrais essayer votre traitement")
    assert "alternatives_exhausted" not in facts and facts["serious_condition"] is False


def test_treatments_still_to_try_are_not_exhausted():
    assert stated_facts("Marseille, et il reste encore des traitements à essayer")["alternatives_exhausted"] is False


@pytest.mark.parametrize("text", ["Il n'existe aucune alternative, tout a été envisagé.",
                                  "All alternatives have been considered and ruled out.",
                                  "Paciente grave, sin alternativas: todas las opciones se han descartado."])
def test_alternatives_set_aside_are_stated_in_passing(text):
    assert stated_facts(text)["alternatives_exhausted"] is True


def test_a_phrase_that_affirms_another_question_states_no_alternative():
    assert "alternatives_exhausted" not in stated_facts("le labo ne développe plus rien là-dessus")


@pytest.mark.parametrize("text", ["My patient has been receiving the drug for 14 months.",
                                  "Je prends votre médicament depuis deux ans.",
                                  "Ich bekomme das Medikament seit einem Jahr."])
def test_receiving_the_product_now_is_stated(text):
    assert stated_facts(text)["previously_treated"] is True


# ------------------------------------------------------------------ safety
@pytest.mark.parametrize("text", [
    "Sadly the patient died before your drug arrived. Please cancel the request.",
    "Died of disease progression before the first dose.",
    "Patient décédé de sa maladie avant la première dose, merci d'annuler.",
    "Der Patient ist vor Therapiebeginn verstorben. Bitte stornieren Sie die Lieferung.",
    "Mi padre falleció antes de que llegara el medicamento.",
    "Helaas is de patiënt overleden voordat de eerste dosis gegeven kon worden.",
    "Anaphylaxis to contrast dye yesterday. Your drug is planned for next week; he hasn't had any yet.",
])
def test_harm_before_the_product_reached_the_patient_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "He was fine before the first dose of your drug and died two days after it.",
    "Purtroppo la paziente è venuta a mancare dopo la seconda infusione.",
    "Embarazada de 20 semanas, recibió dos infusiones de Soltrenza antes de saberlo.",
])
def test_harm_after_the_product_is_still_a_report(text):
    assert detect(text) is not None


@pytest.mark.parametrize("text", [
    "Ze heeft in het verleden een reactie gehad op penicilline.",
    "Periodic report: 4 patients on treatment, 0 SAEs, 0 deaths.",
    "Ik ben de partner van een patiënt die in het Radboudumc wordt behandeld; het gaat om uw hulpmiddel.",
    "Your device is FDA approved for this, but you haven't made it commercially available in the US.",
    "Un paciente con una válvula, y el dispositivo va dentro del corazón; ¿se puede pedir el suyo?",
])
def test_words_that_look_like_harm_are_not_reports(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "He was on your tablets and didn't make it through the night.",
    "Hij is gisteren overleden, hij kreeg uw middel.",
])
def test_deaths_are_still_found(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death"


# ------------------------------------------------------------------ more facts in passing
@pytest.mark.parametrize("text, value", [
    ("The study is closing at our site and there is no other trial he could move into.", False),
    ("all approved treatments have failed, and no trials are available.", False),
    ("Sie ist in keiner laufenden Studie, es gibt keine verfügbare Studie.", False),
    ("El paciente no participa en ensayos de la compañía ni hay ensayos abiertos para él.", False),
    ("Il n'existe aucun essai pour lui.", False),
])
def test_a_trial_there_for_the_patient_in_more_words(text, value):
    assert stated_facts(text)["trial_available"] is value


def test_a_trial_that_ended_says_nothing_of_one_to_join():
    assert "trial_available" not in stated_facts("no, the trial ended for her last year")


@pytest.mark.parametrize("text, value", [
    ("befindet sich aber für diese Indikation in klinischer Entwicklung.", True),
    ("but it's in a ph3 for this indication.", True),
    ("die Entwicklung wurde eingestellt.", False),
    ("Aucune investigation clinique n'est en cours ni prévue.", False),
])
def test_development_in_more_words(text, value):
    assert stated_facts(text)["in_development"] is value


@pytest.mark.parametrize("text, value", [
    ("Son psoriasis n'est ni grave ni invalidant.", False),
    ("La malattia è potenzialmente letale.", True),
    ("Paciente con una valvulopatía grave, con riesgo vital.", True),
    ("It's seriously affecting his life.", True),
    ("Her lupus nephritis is serious.", True),
])
def test_gravity_whatever_the_disease_is_called(text, value):
    assert stated_facts(text)["serious_condition"] is value


@pytest.mark.parametrize("text, value", [
    ("His condition is seriously debilitating, but he still has other approved options we haven't tried.", False),
    ("Il lui reste des alternatives.", False),
    ("La condizione del paziente non è grave e ci sono ancora alternative valide.", False),
    ("All the conventional options are off the table.", True),
    ("Ya probé todos los tratamientos aprobados.", True),
    ("Alle goedgekeurde alternatieven zijn geprobeerd.", True),
])
def test_alternatives_left_or_gone_in_passing(text, value):
    assert stated_facts(text)["alternatives_exhausted"] is value


def test_no_other_device_that_fits_is_not_other_options_left():
    assert stated_facts("No other approved device fits his anatomy.").get("alternatives_exhausted") is not False


@pytest.mark.parametrize("text, value", [
    ("Il n'a jamais bénéficié du dispositif.", False),
    ("Elle n'a jamais été implantée.", False),
    ("Hij heeft het apparaat nooit gehad.", False),
    ("Nunca ha llevado este dispositivo.", False),
])
def test_a_device_never_had_in_passing(text, value):
    assert stated_facts(text)["previously_treated"] is value


def test_wondering_if_is_no_supposition():
    """Development set 17: a death the reader found had been set aside because
    "if" read as a supposition."""
    text = "we had to say goodbye to mom last week. i keep wondering if the new drug made it worse. she'd had 4 doses."
    assert detect(text) is not None


@pytest.mark.parametrize("text", ["What if she had a seizure on it?", "I wonder if the drug could cause liver failure?",
                                  "Would you need to know if she got shingles while on it?"])
def test_a_supposition_stays_one(text):
    assert detect(text) is None


# ------------------------------------------------------------------ other languages in openings
@pytest.mark.parametrize("text, value", [
    ("Het gaat om uw medisch hulpmiddel, dat geen CE-markering heeft.", "medical_device"),
    ("Il vostro farmaco è approvato in Italia per la mia malattia.", "medicine"),
    ("Een van onze oncologen vraagt naar uw geneesmiddel voor een patiënt.", "medicine"),
])
def test_the_companys_product_named_in_other_languages(text, value):
    assert _read(text)["product_type"] == value


def test_the_dutch_and_before_its_subject_starts_a_clause():
    facts = stated_facts("Alle standaardbehandelingen zijn uitgeput en hij heeft het middel nooit gekregen.")
    assert facts == {"alternatives_exhausted": True, "previously_treated": False}


def test_the_dutch_there_is_no_subject():
    assert "in_company_trial" not in stated_facts("Er loopt een studie van het bedrijf voor deze indicatie.")


@pytest.mark.parametrize("text, facts", [
    ("Non partecipo a nessuno studio.", {"in_company_trial": False}),
    ("Unser Patient ist in Ihre klinische Prüfung eingeschlossen.", {"in_company_trial": True}),
    ("mais l'enfant n'y est pas inclus et n'y est pas éligible.", {"in_company_trial": False,
                                                                   "trial_available": False}),
    ("Ela não é elegível para os que existem.", {"trial_available": False}),
    ("Tenho um doente com uma doença com risco de vida, que já esgotou todas as terapêuticas aprovadas.",
     {"serious_condition": True, "alternatives_exhausted": True}),
])
def test_trials_gravity_and_alternatives_in_other_languages(text, facts):
    assert stated_facts(text) == facts


def test_a_patient_with_an_indefinite_article():
    assert _read("Ciao, sono un paziente di Bologna.")["role"] == "patient"


def test_no_other_options_in_a_negated_italian_sentence_is_exhausted():
    assert answer_to("alternatives_exhausted", "sì, non ci sono altre opzioni terapeutiche") is True


# ------------------------------------------------------------------ development pool 20
def test_a_french_patient_with_her_illness_and_a_hospital_by_name():
    facts = _read("bjr je suis atteinte d'un cancer du sein metastatique (c grave) suivie a Gustave Roussy")
    assert facts["role"] == "patient" and facts["country"] == "FR" and facts["serious_condition"] is True


@pytest.mark.parametrize("text", ["j'ai une patiente avec LAM réfractaire donc grave",
                                  "Ich habe einen Patienten mit Krebs"])
def test_a_doctor_with_a_patient_is_not_the_patient(text):
    assert _read(text).get("role") != "patient"


def test_necker_is_in_france():
    assert _read("infirmière coordinatrice en cardiologie pédiatrique à Necker.")["country"] == "FR"


def test_not_in_the_trial_and_no_right_to_one():
    assert stated_facts("je suis pas dans l'essai et j'y ai pas droit (trop de lignes avant)") == {
        "in_company_trial": False, "trial_available": False}


@pytest.mark.parametrize("text", [
    "I'm the patient. Terminal diagnosis, maybe six months. Does your programme take people in Belgium?",
    "Honestly I'm scared to death of the infusion day.",
    "my dog died yesterday and I'm a mess, sorry if I missed your call about the delivery",
    "Her mother died of it years ago; can she still join your programme? Mi abuela murió hace años de lo mismo.",
    "Sous son ancien traitement elle a été hospitalisée, c'était bien avant votre médicament.",
])
def test_harm_words_of_other_times_pets_and_idioms_are_not_reports(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "the dog chewed the veltrazine bottle open and my son put a tablet in his mouth",
    "Le patient a donné une partie de ses comprimés de Fendrava à son frère qui a la même maladie.",
    "Pregnancy termination after exposure to your tablets in the first trimester.",
])
def test_reports_near_those_words_stay_reports(text):
    assert detect(text) is not None


# ------------------------------------------------------------------ development pools 17 and 19
@pytest.mark.parametrize("text, facts", [
    ("Naïf du produit.", {"previously_treated": False}),
    ("die Studie rekrutiert bei uns, der Patient wäre geeignet.", {"trial_available": True}),
    ("alle anderen Behandlungen haben nicht geholfen", {"alternatives_exhausted": True}),
    ("Die Krankheit schränkt meinen Alltag stark ein", {"serious_condition": True}),
    ("deux lignes ont échoué et il n'y a plus d'option validée", {"alternatives_exhausted": True}),
    ("Patient in keiner Firmenstudie, keine offene Studie verfügbar.", {"in_company_trial": False,
                                                                        "trial_available": False}),
    ("toutes les options autorisées ont été utilisées", {"alternatives_exhausted": True}),
])
def test_telegraphic_and_german_facts_in_passing(text, facts):
    assert stated_facts(text) == facts


@pytest.mark.parametrize("text", ["Le médecin m'a demandé : médicament sans AMM en France.",
                                  "Médicament : AMM en France dans le myélome uniquement."])
def test_a_medicine_named_before_its_status_without_an_article(text):
    assert _read(text)["product_type"] == "medicine"


def test_a_patient_navigator_with_a_charity_is_an_advocate():
    assert _read("I'm a patient navigator with a rare-disease advocacy nonprofit, helping a family.")["role"] == \
        "patient_advocate"


@pytest.mark.parametrize("text", ["c pour moi", "ich bin selbst betroffen"])
def test_the_patient_answering_for_themself(text):
    assert _read(text, "role")["role"] == "patient"
