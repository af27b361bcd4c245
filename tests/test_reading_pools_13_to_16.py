"""What development pools 13 to 16 still showed (fifteenth session), in
phrasings written for these tests: "dont" without its apostrophe, "else"
that is no other use, "ni"/"nor" that start a second negated clause, a
trial named once and then called "one", relatives and "n'est" as the
subject of a trial, the patient in other languages, the company that "has"
a study, and classes of medicines that are other treatments."""
import pytest

from bot.authorisation import read_authorisation
from bot.understanding import interpret


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {}).facts


@pytest.mark.parametrize("text", ["i dont qualify for any trial", "we dont have any trial open for him",
                                  "nah he dont qualify for one"])
def test_dont_without_its_apostrophe_negates(text):
    assert _read(text, "trial_available")["trial_available"] is False


def test_the_french_dont_is_no_negation():
    assert _read("oui, il y a un essai dont elle relève", "trial_available")["trial_available"] is True


@pytest.mark.parametrize("text", [
    "The drug is licensed in the UK for this and available - just want to confirm nothing else is needed.",
    "Approved here for this indication and on the market; does anyone else need to sign anything?",
])
def test_else_of_people_or_nothing_is_no_other_use(text):
    assert read_authorisation(text, answering=True) == "authorised_available"


def test_approved_for_something_else_is_still_another_use():
    assert read_authorisation("it's approved, but for something else", answering=True) == "authorised_other_indication"


@pytest.mark.parametrize("text", [
    "El paciente no está en ningún ensayo de la compañía ni puede entrar en ningún ensayo abierto.",
    "She is not in a company trial, nor could she join one.",
])
def test_nor_starts_a_second_negated_fact(text):
    facts = _read(text)
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


def test_neither_nor_of_one_state_is_one_clause():
    assert _read("Sa maladie n'est ni grave ni invalidante.", "serious_condition")["serious_condition"] is False


@pytest.mark.parametrize("text", [
    "He's not in any trial and can't get into one.",
    "She isn't in any of your studies and isn't eligible for one.",
    "Mon père n'est dans aucun essai et ne peut en rejoindre aucun.",
])
def test_one_stands_for_the_trial_named_before(text):
    facts = _read(text)
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


def test_one_with_its_own_trial_word_is_read_as_written():
    facts = _read("Je suis dans aucun essai et je peux entrer dans aucun.")
    assert facts["trial_available"] is False


def test_a_trial_to_join_stays_a_yes():
    assert _read("there's a trial recruiting and he could join one")["trial_available"] is True


def test_the_patient_in_german_is_not_the_development():
    facts = _read("ja, Phase II in dieser Indikation, aber er ist nicht in der Studie der Firma", "in_development")
    assert facts["in_development"] is True and facts["in_company_trial"] is False


def test_the_company_that_has_a_study_does_not_enrol_the_mother():
    facts = _read("l'azienda ha uno studio di fase 3 per la malattia di mia madre, "
                  "ma lei non partecipa a nessuno studio e non può entrare in nessuno.")
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


def test_taking_part_in_your_trial_is_still_enrolment():
    assert _read("Je participe déjà à un essai de votre labo.")["in_company_trial"] is True


def test_licensed_classes_of_medicines_are_the_other_treatments():
    text = ("A patient has a life-threatening fungal infection and the licensed antifungals have been exhausted. "
            "Your antifungal has no UK marketing authorisation for any use.")
    assert read_authorisation(text) == "not_authorised"


@pytest.mark.parametrize("text", [
    "et il n'a jamais eu ce dispositif.", "nunca lo he usado.", "non l'ho mai preso.", "e nunca o tomei.",
    "und er hatte das Produkt noch nie.", "the device has never been used in him.",
    "il n'a jamais été implanté avec ce dispositif.", "je ne l'ai jamais utilisé.", "never recieved the drug.",
])
def test_never_used_fitted_or_had_in_passing_is_never_treated(text):
    assert _read(text)["previously_treated"] is False


@pytest.mark.parametrize("text", ["already on your tablet", "qui reçoit déjà votre médicament depuis un an",
                                  "déjà traité par ce médicament"])
def test_already_on_it_in_passing_is_treated(text):
    assert _read(text)["previously_treated"] is True


def test_the_product_used_in_another_patient_says_nothing_of_this_one():
    assert "previously_treated" not in _read("the stent was used in another patient last year")


@pytest.mark.parametrize("text", [
    "all alternatives have been tried", "every licensed option has now been used.",
    "alle zugelassenen Alternativen wurden ausprobiert", "toutes les alternatives ont été tentées sans succès",
    "medical therapy is maxed out", "all the available treatments have been tried without success",
])
def test_every_option_gone_through_in_passing_is_exhausted(text):
    assert _read(text)["alternatives_exhausted"] is True


def test_approved_options_not_tried_yet_are_not_exhausted():
    assert _read("the approved alternatives have not been tried yet")["alternatives_exhausted"] is False


@pytest.mark.parametrize("text, value", [
    ("Pronostic vital engagé.", True), ("Mon patient a un myélome en rechute qui menace sa vie.", True),
    ("trato a un paciente con un linfoma en recaída que pone en peligro su vida.", True),
    ("Mijn patiënt heeft een levensbedreigende ziekte.", True),
    ("Le patient a une hypertension pulmonaire gravement invalidante.", True),
    ("Her condition isn't life-threatening or seriously debilitating.", False),
    ("Chronic hives, uncomfortable but not life-threatening or seriously debilitating.", False),
])
def test_a_threat_to_life_in_passing_states_gravity_whatever_the_disease_is_called(text, value):
    assert _read(text)["serious_condition"] is value


def test_a_no_to_one_way_of_gravity_and_a_yes_to_the_other_is_serious():
    # Serious is life-threatening or seriously debilitating (the fact sheet's
    # criterion): denying the first does not deny the second. Until the
    # thirty-fourth session this was left to ask; blind pool 55's "seriously
    # debilitating, though not life-threatening" was read as not serious.
    facts = _read("not licensed here for anything, and while it's not life-threatening it's really disabling him",
                  "authorisation")
    assert facts.get("serious_condition") is True


@pytest.mark.parametrize("text, value", [
    ("and no trial is open to him.", False), ("aucun essai n'est possible pour elle", False),
    ("aucun essai ne m'est accessible", False), ("aucun essai dispo pr lui.", False),
    ("es gibt keine passende Studie", False), ("Eine andere Studie kommt für ihn nicht in Frage.", False),
    ("no hay ningún ensayo al que pueda acceder", False), ("There's no other trial I could enter.", False),
    ("No other trial is available to the patient.", False),
    ("Der Patient kann in keine laufende Studie eingeschlossen werden.", False),
    ("but there's an academic trial he could enter.", True),
    ("mais un essai recrute et elle en remplit les critères.", True),
])
def test_a_trial_open_possible_or_enterable_in_passing(text, value):
    assert _read(text)["trial_available"] is value


@pytest.mark.parametrize("text", ["approved and available for this indication", "no, the trial ended for her last year",
                                  "Je ne suis dans aucun essai pour l'instant."])
def test_available_without_a_trial_or_a_trial_that_ended_says_nothing_of_one_to_join(text):
    assert "trial_available" not in _read(text)


@pytest.mark.parametrize("text, asked", [("impasse thérapeutique", "alternatives_exhausted"),
                                         ("Oncologue à Marseille, pour un patient en impasse thérapeutique.", None),
                                         ("de patiënt is uitbehandeld", None), ("austherapiert", None),
                                         ("les traitements existants ne lui conviennent pas.", None)])
def test_a_therapeutic_dead_end_is_exhausted(text, asked):
    assert _read(text, asked)["alternatives_exhausted"] is True


def test_a_patients_association_that_introduces_itself_is_an_advocate():
    assert _read("Bonjour, nous sommes une association de patients atteints de mucoviscidose, à Paris.")["role"] \
        == "patient_advocate"


@pytest.mark.parametrize("text", ["Goedemiddag, ik ben de behandelend longarts in het UMC Utrecht.", "ik ben neuroloog"])
def test_dutch_specialists_are_physicians(text):
    assert _read(text)["role"] == "physician"


def test_in_no_study_in_the_feminine_is_in_no_company_trial():
    facts = _read("Le patient n'est dans aucune étude et n'est éligible à aucune.")
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


def test_never_fitted_with_the_device_is_never_treated():
    assert _read("il n'a jamais été équipé de ce dispositif.")["previously_treated"] is False


@pytest.mark.parametrize("text", ["Ich bin in keiner Studie der Firma.", "No estoy en ningún ensayo de la empresa.",
                                  "non partecipo a nessuno studio dell'azienda.", "Le patient n'est pas dans un essai",
                                  "Hij neemt niet deel aan een studie van uw bedrijf."])
def test_in_no_company_trial_in_the_first_person_and_in_dutch(text):
    assert _read(text)["in_company_trial"] is False


def test_one_clause_that_says_no_to_both_trial_questions_answers_both():
    facts = _read("De patiënt zit niet in een studie en kan aan geen enkele lopende studie deelnemen.")
    assert facts["in_company_trial"] is False and facts["trial_available"] is False


def test_a_short_french_message_states_its_facts():
    facts = _read("slt je suis la patiente. c un medoc qui a aucune autorisation en france, pour rien, mais en "
                  "phase 3 pour ma maladie. je suis pas dans un essai. c grave, c une maladie rare qui me paralyse. "
                  "plus aucun traitement possible. jamais pris")
    assert facts["in_company_trial"] is False and facts["serious_condition"] is True
    assert facts["alternatives_exhausted"] is True and facts["previously_treated"] is False


def test_not_grave_is_not_read_as_grave():
    assert _read("ce n'est pas grave").get("serious_condition") is not True


def test_a_word_like_city_before_a_hospital_word_is_the_place():
    assert _read("Cork University Hospital", "country")["country"] == "IE"
    assert _read("we are treated at Cork University Hospital")["country"] == "IE"


@pytest.mark.parametrize("text, role", [("Patient (me)", "patient"), ("PCP", "physician"),
                                        ("I'm her primary care physician", "physician")])
def test_more_ways_to_say_who_is_writing(text, role):
    assert _read(text, "role")["role"] == role


def test_the_company_dropped_it_is_no_development():
    assert _read("the company dropped it", "in_development")["in_development"] is False


@pytest.mark.parametrize("text, value", [("third line failed, nothing approved remains", True),
                                         ("something approved remains untried", False)])
def test_nothing_that_remains_is_exhausted(text, value):
    assert _read(text, "alternatives_exhausted")["alternatives_exhausted"] is value


def test_a_no_first_then_its_reason_is_a_no():
    text = "Not really, the only trial is on another continent and she can't travel"
    assert _read(text, "trial_available")["trial_available"] is False


def test_a_yes_first_then_a_no_is_never_read_as_a_yes():
    # "yes, not in any trial" confirms the no more often than it contradicts it
    assert _read("yes, not in any trial", "in_company_trial").get("in_company_trial") is not True


def test_a_no_then_a_trial_she_could_join_is_a_yes():
    assert _read("no, but there's a trial she could join", "trial_available")["trial_available"] is True


def test_nothing_approved_worked_is_exhausted():
    assert _read("all done, nothing approved worked for me", "alternatives_exhausted")["alternatives_exhausted"] is True


@pytest.mark.parametrize("text", [
    "Hi, my partner was in your trial. The trial's finished, but he got the drug for 18 months and it worked. "
    "His myelofibrosis is life-threatening and nothing approved helped before.",
    "My 11-year-old can't walk any more, the Duchenne is progressing so quickly.",
    "The neuroblastoma has relapsed for the third time and the team is out of options.",
])
def test_a_named_disease_that_is_grave_is_no_report_of_harm(text):
    from bot.harm import detect

    assert detect(text) is None


def test_a_grave_reaction_on_our_product_with_a_named_disease_is_still_a_report():
    from bot.harm import detect

    finding = detect("Her myelofibrosis was stable, but she died of a brain bleed two days after her first dose of "
                     "your drug.")
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text, slot, value", [
    ("slt, médoc sans AMM en France (aucune indic), pas en dev pour la LAM, toutes les lignes autorisées épuisées",
     "authorisation", "not_authorised"),
    ("médoc sans AMM, pas en dev pour la LAM d'après ce que je sais", "in_development", False),
    ("pas dans un essai, aucun essai ouvert pour elle", "in_company_trial", False),
    ("je suis pas dans l'essai du labo", "in_company_trial", False),
    ("ela não está em nenhum ensaio e não há ensaios para ela", "trial_available", False),
    ("já tentou todos os tratamentos aprovados", "alternatives_exhausted", True),
    ("Ernstige aandoening, alternatieven uitgeput, nooit eerder gekregen.", "previously_treated", False),
])
def test_telegraphic_and_elided_facts_in_passing(text, slot, value):
    assert _read(text)[slot] == value


def test_exhausted_before_enrolment_is_a_time_not_a_trial():
    facts = _read("Maladie grave, alternatives épuisées avant l'inclusion.")
    assert facts["alternatives_exhausted"] is True and "trial_available" not in facts


@pytest.mark.parametrize("text, value", [
    ("and I've been getting the medicine in the study.", True), ("Il paziente lo sta già assumendo.", True),
    ("elle le prend déjà.", True), ("He was on this medicine before.", True),
    ("los tratamientos aprobados no funcionaron y nunca he tenido el dispositivo.", False),
    ("Sie hat die Pumpe noch nie benutzt.", False), ("He never got this medicine.", False),
    ("Jamais traité par votre molécule.", False),
])
def test_on_it_now_or_never_had_it_in_more_words(text, value):
    assert _read(text)["previously_treated"] is value


@pytest.mark.parametrize("text", ["she was on the waiting list for the drug",
                                  "Hej, I'm a nurse in Stockholm asking about getting a device of yours for a patient.",
                                  "je suis la cardiologue qui le prend en charge"])
def test_wanting_the_product_or_caring_for_the_patient_is_not_having_had_it(text):
    assert "previously_treated" not in _read(text)
