"""Blind safety set 34, read once set 35 was frozen (twenty-ninth session),
in phrasings written for these tests: its misses (taken twice in Italian,
fell pregnant on it in Polish, "ya no me controla", a product named after an
article opening its clause, no leaflet and a label in a foreign language in
Dutch) and the false alarms a rule can fairly set aside (a death of the
disease before the product came, in Danish, Portuguese and Polish; the same
disease; "not your product" in French and Dutch; how long the approval takes
for a patient in hospital; "Stel dat", "Om jag blir"; a negative pregnancy
test; allergic by disposition; "can it cause" in the Romance languages; a
text about a harm). Off-label use alone stays no report (bot/harm.py: with
it the detector flagged 198 more development non-reports for 25 reports)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Mia madre ha preso Corvalta due volte stamattina, si era dimenticata della prima dose.", "overdose"),
    ("Zaszłam w ciążę biorąc Norvexa. Co teraz?", "pregnancy"),
    ("Desde hace un mes, el Lumidrel ya no me controla las crisis.", "lack_of_effect"),
    ("Het doosje Tavorix had geen bijsluiter en het etiket was in het Chinees.", "quality_complaint"),
    ("My rheumatologist is giving me Kelvira for my psoriasis and now my liver tests are up.", "reaction"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", [
    "Far døde af sin kræft i går. Han nåede aldrig at få Orvexa. Tak for hjælpen.",
    "A minha avó faleceu da doença ontem. Nunca chegou a tomar o Miravelt.",
    "Tata zmarł na raka płuc. Nie zdążył dostać Corvalty. Dziękuję.",
    "Mi hermana murió de la misma enfermedad hace dos años; ahora mi hijo tiene el diagnóstico. ¿Hay acceso a Lumidrel?",
    "Il a fait une pancréatite sous azathioprine (pas votre produit), il est hospitalisé. Norvexa peut attendre ?",
    "Patiënt kreeg een longembolie door haar pil, dus geen medicatie van jullie. Kan Tavorix toch starten?",
    "¿Cuánto tarda la aprobación de Kelvira? El paciente está ingresado en la UCI.",
    "Stel dat mijn zoon per ongeluk een capsule Orvexa doorslikt, wat dan?",
    "Om jag blir gravid under behandlingen med Miravelt, vad händer då?",
    "Her pregnancy test before starting Corvalta was negative, as the protocol asks. Started this morning.",
    "¿El Lumidrel puede dar dolor de cabeza? Soy alérgica a muchas cosas.",
    "Il Tavorix può causare insonnia?",
    "Kunt u de Nederlandse tekst over overdosering van Norvexa sturen?",
    "Mijn patiënt ligt op de IC met een ernstige infectie; komt hij in aanmerking voor Kelvira?",
    # in hospital because of the disease, in Danish and Portuguese; another maker's painkiller
    "Hun har været indlagt tre gange på grund af sin sygdom. Kan hun få Tavorix?",
    "O meu irmão foi internado por causa da progressão da doença. O pedido de Norvexa continua em análise.",
    "Ele teve uma reação à dipirona e ficou internado; ainda não começou o Miravelt.",
    "Il a fait une réaction au contraste hier, il n'a pas encore commencé le Corvalta.",
])
def test_no_report(text):
    assert detect(text) is None


def test_off_label_use_alone_is_no_report():
    assert detect("We use Orvexa for sarcoidosis, outside the programme's indication; no side effects so far.") is None


@pytest.mark.parametrize("text", ["Ele foi internado por causa do Miravelt, teve uma reação forte.",
                                  "Hun blev indlagt på grund af Tavorix, med udslæt over hele kroppen."])
def test_in_hospital_because_of_the_product_stays_a_report(text):
    assert detect(text) is not None


def test_a_harm_after_a_renewal_question_stays_a_report():
    assert detect("How long does a renewal take? He was admitted last week with pneumonia the team puts down "
                  "to the Zelbrix.") is not None
