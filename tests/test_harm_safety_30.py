"""Blind safety set 30's misses, read once set 31 was frozen: reports in
Polish, the Scandinavian languages, Portuguese and Italian whose words the
detector did not know (data/lexicon/harm.yml `normalise`, `brand_before`,
`quality`), and the development messages those words must not turn into
reports."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    # a Polish death with liver failure, on the product ("leczonej Velantrixem")
    ("Zgłaszam zgon pacjentki (64 l.) leczonej Velantrixem w programie ratunkowego dostępu. "
     "Przyczyna: niewydolność wątroby.", "death"),
    ("Zespół Stevensa-Johnsona u pacjenta leczonego Velantrixem, 30% powierzchni ciała, stan krytyczny.",
     "life_threatening"),
    # stomach ache, dizziness and nausea in Danish and Norwegian
    ("Jeg har fået ondt i maven af kapslerne.", "reaction"),
    ("Jeg har hatt litt svimmelhet etter inhalatoren.", "reaction"),
    ("Vi har gitt Renotide til en pasient med alvorlig nyresvikt selv om det står kontraindisert; "
     "han har fått kvalme.", "reaction"),
    ("A enfermeira usou a seringa errada e a criança recebeu 2 mL em vez de 0,2 mL de Nordexin.",
     "medication_error"),
    ("Hun ammer og har taget Renotide i 3 uger.", "breastfeeding"),
    # a pen or an inhaler that gives nothing; a missing hologram
    ("Il pen di Calvira non si attiva, l'ago non esce.", "quality_complaint"),
    ("Inhalatorn ger ingen dos, räknaren går ner men inget kommer ut.", "quality_complaint"),
    ("Ampułki Zentiluma mają inny nadruk niż zwykle i brak hologramu — czy to może być podróbka?",
     "quality_complaint"),
])
def test_reports_the_detector_now_reads(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


@pytest.mark.parametrize("text", [
    # development messages: "di" before a word is no product ("Niguarda di Milano", "morte di malattia")
    "Entrambe le pazienti sono morte di malattia mentre aspettavamo l'approvazione. "
    "Vorrei capire perché l'iter è così lento.",
    # nausea from chemotherapy, said in Norwegian, before the product was sent
    "Han har kvalme av cellegiften han får nå. Søknaden om deres legemiddel er ikke sendt ennå.",
    # kidney failure as the patient's disease, in a Danish question about access
    "Hvordan søger vi om compassionate use af Orvexa til en patient med nyresvigt i dialyse?",
    # "nunca o recebeu": never received it
    "Olá, sou filho de um doente seguido nos Hospitais da Universidade de Coimbra. O meu pai tem uma "
    "insuficiência cardíaca grave que lhe põe a vida em risco. Ele não está em nenhum ensaio e nunca o recebeu.",
])
def test_the_new_words_make_no_report_of_the_disease_chemotherapy_or_a_question(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    # died of their own disease, said in Spanish, French, Danish and German (blind safety set 30's false alarms)
    "Mi padre murió de su enfermedad el mes pasado; nunca llegó a recibir el medicamento.",
    "Elle est décédée de sa maladie avant que la demande d'AAC aboutisse.",
    "Min far døde af sin sygdom i sidste uge. Han fik aldrig medicinen.",
    "Meine Mutter ist an ihrer Krankheit gestorben, bevor das Programm sie aufnehmen konnte.",
    # another company's product, last year, in Swedish and German
    "Han fick svår diarré av irinotekan förra året.",
    "Nach der Stammzelltransplantation letztes Jahr hatte sie eine schwere Infektion.",
])
def test_a_death_from_the_disease_or_a_past_reaction_in_other_languages_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    # the same words, on the product: still reports
    "Mi padre murió de su enfermedad mientras tomaba Velantrix.",
    "Han fick svår diarré av Zentiluma efter andra dosen.",
    # "au dernier cycle" is the product's cycle, not the past
    "Au passage le patient a fait un œdème de Quincke sévère au dernier cycle.",
])
def test_on_the_product_they_stay_reports(text):
    assert detect(text) is not None
