"""Blind safety set 32's false alarms, read once set 33 was frozen
(twenty-eighth session), in phrasings written for these tests: access
questions about a pregnant or critically ill patient who is still to get the
product, eligibility ("would that exclude her?"), harms of other medicines
years ago in the Scandinavian languages, a harm put down to the underlying
disease in French, "no hospital visits" in English (not the Portuguese "no
hospital", in the hospital), the website's dead link, a risk named by its
harm; and the reports that must stay reports (data/lexicon/harm.yml)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text", [
    # a pregnant patient asking for the product: eligibility, not exposure
    "Finnes det mulighet for compassionate use av Orvexa til en gravid pasient i uke 20?",
    "Is pregnancy an exclusion criterion for the Lumidrel early access programme?",
    "Our patient (26 weeks pregnant) has a severe fungal infection. Would you consider a named-patient request for "
    "Tavorix? Glad to talk it through with your medical team.",
    "Falls die Patientin eine Schwangerschaft plant, ist das ein Problem für das Programm von Kelvira?",
    # the patient is in intensive care because of the disease, or asking for a route to the product
    "AAC pour Norvexa ? Patiente en réanimation, détresse respiratoire liée à sa maladie de base.",
    "Is there a way to get Corvalta to Nairobi for a boy with severe malaria? He is in the high-dependency unit.",
    "Is there a fast route for Miravelt under EAMS? Our patient is on the CCU.",
    # harms of other medicines long ago, in Norwegian and Swedish; one that would exclude her
    "Hun fikk kraftig utslett av allopurinol for mange år siden. Har det noe å si for søknaden om Tavorix?",
    "Han fick hallucinationer av levodopa för tre år sedan. Spelar det roll för Corvalta?",
    "She had anaphylaxis to carboplatin in 2019. Would that exclude her from the Norvexa programme?",
    # nothing happened
    "On Orvexa for a year now, bloods fine, no hospital visits, no problems at all.",
    # the website, a risk
    "The link to the application form on your Spanish page is dead.",
    "Does the Corvalta programme take patients before major surgery? Very high bleeding risk.",
    # a Polish noun opening a sentence before "jest" is no product
    "Czy macie całodobową infolinię? Pacjent jest w ciężkim stanie, czekamy na decyzję.",
    # a Danish supposition
    "Hvis hun kommer til at tage to doser Orvexa, hvem skal jeg så ringe til?",
    # "cloudy" of the weather is no defect of a product
    "Det var grumset vejr i dag, og vi venter stadig på svar om Norvexa.",
    # a switch wished for is no exposure
    "We are thinking of switching to Orvexa; she has headaches every day.",
])
def test_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text, category", [
    # in the hospital, in Portuguese: "no hospital" is no negation there
    ("O meu pai morreu no hospital depois da terceira dose de Orvexa.", "death"),
    ("Ele foi internado no hospital após o Orvexa.", "hospitalisation"),
    # an article before the product in Spanish, Italian and French, and "weeks of" it
    ("Ingresada tras el Corvalta, con una neumonitis.", "hospitalisation"),
    ("Ricoverato dopo il Miravelt per una colite.", "hospitalisation"),
    ("Ingresado en planta por colitis tras dos semanas de Tavorix.", "hospitalisation"),
    # intensive care after the product, in French
    ("Patient en réanimation après la deuxième perfusion de Norvexa.", "life_threatening"),
    # "exclusively breastfeeding" is no eligibility question
    ("Mum on your named-patient drug is exclusively breastfeeding a 5-week-old.", "breastfeeding"),
    # used despite an exclusion: still a report
    ("Used in a patient on dialysis even though ESRF is an exclusion, he is now very drowsy.", "reaction"),
    # "your medical device" is still the product
    ("The patient died two days after your medical device was implanted.", "death"),
    # set 32's misses, rephrased: cloudy ampoules, lumps, a jammed pen, tablets that look different,
    # a double dose, it does not work, by mistake, in Polish, Spanish, Danish, Italian and Portuguese
    ("Fiolki Orvexy są mętne, a powinny być przejrzyste.", "quality_complaint"),
    ("El bolígrafo Tavorix se atascó a mitad de la inyección.", "quality_complaint"),
    ("Kapslerne fra Norvexa ser anderledes ud end sidste måned. Kan de være forfalsket?", "quality_complaint"),
    ("Abbiamo dato il Corvalta a dose doppia rispetto al protocollo.", "overdose"),
    ("Miravelt nie działa, napady są tak samo częste mimo leczenia.", "lack_of_effect"),
    ("Tomou duas doses de Orvexa por engano.", "medication_error"),
    # since the switch to it, in German and English
    ("Seit der Umstellung auf Norvexa habe ich dauernd kalte Hände.", "reaction"),
    ("Since switching to Orvexa she has had headaches every day.", "reaction"),
])
def test_reports_stay_reports(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category
