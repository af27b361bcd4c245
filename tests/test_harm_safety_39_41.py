"""Blind safety sets 39 and 41, read once sets 40 and 41 were frozen
(thirty-second session), in phrasings written for these tests. Set 41 was
written weighted to deaths, to find the ways of saying a death that set 40's
first run missed without reading set 40. Its five missed deaths: the Swedish
"dog" (died) and "somnade in", the Finnish "nukkui pois", an obituary, "the
late Mrs.", and "he's not with us anymore" where the nurse "made the
injections easy for him"; a name before "-pumpen", "-laastari" is a product,
and so is one between "hat" and "bekommen" ("Meine Mutter hat Pellaquin
bekommen und ist gestorben" was missed: found while reading). The deaths of
relatives who never had anything from the company, said in six languages,
are set aside. Set 39's
misses: a Spanish lack of effect ("igual o peor", "como si no llevara nada",
"llevo 4 meses con"); the off-label use in a second patient without harm stays
unread by the detector. False alarms both sets showed that a rule can fairly
set aside: things that die (a laptop, a printer, an upload, a phone battery),
a committee that "killed" a protocol, an "overdose of acronyms", the Day of
the Dead, a goldfish."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text", [
    "Hej, mamma dog i förrgår. Hon hade Tavorix-tabletterna sedan i somras. Ska vi lämna tillbaka dem?",
    "Min bror somnade in i helgen. Han hade Norvexa-plastret.",
    "Äiti nukkui pois sunnuntaina. Hänellä oli Orvexa-laastari.",
    "Her obituary was in the paper this morning. Tavorix gave her two good years.",
    "I write on behalf of the late Mr. Adeyemi, who received Norvexa through your programme.",
    "Mum's not with us anymore; the Orvexa nurse made the infusions so easy for her.",
])
def test_a_death(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death", finding


def test_a_spanish_lack_of_effect():
    finding = detect("Llevo 3 meses con las cápsulas Tavorix y estoy igual o peor, como si no tomara nada.")
    assert finding is not None and finding.category == "lack_of_effect", finding


@pytest.mark.parametrize("text", [
    "My laptop died in the middle of the Tavorix webinar. Is there a recording?",
    "The ward printer died, so the Norvexa labels are handwritten today. Is that acceptable?",
    "Second time the upload died halfway through the access form. Can I email the documents?",
    "My phone battery died before I could finish the Orvexa app sign-up. Did it save?",
    "The hospital board killed the proposal for a second cohort. Can we still request for one patient?",
    "An overdose of paperwork this week! Which of these forms does the programme actually need?",
    "We're decorating the ward for the Day of the Dead - may we use your poster?",
    "Our goldfish died and the kids are sad. Anyway, how do I change the delivery address for my Tavorix?",
])
def test_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    # the product's battery is a defect, whatever a phone's may be
    "The Orvexa pump battery died during the night infusion.",
    # a death told on the phone is a death
    "On the phone the nurse told me dad died on your Tavorix.",
])
def test_still_a_report(text):
    assert detect(text) is not None


@pytest.mark.parametrize("text", [
    "Meine Mutter hat Tavorix bekommen und ist letzte Woche gestorben.",
    "Mein Vater hat Norvexa genommen und ist gestorben.",
    "Mijn vader heeft Orvexa gekregen en is vorige week overleden.",
])
def test_a_death_after_the_product_in_the_perfect_tense(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death", finding


@pytest.mark.parametrize("text", [
    "Mein Opa ist an Lungenkrebs gestorben, er hat nie etwas von Ihrer Firma bekommen.",
    "Min mor døde af kræft sidste år. Hun fik aldrig jeres medicin.",
    "O meu pai morreu de cancro, nunca fez nenhum medicamento vosso.",
    "Il est mort sans avoir rien reçu. Je suis en colère.",
    "Mi abuelo murió de un infarto, no tomaba nada.",
    "Grandma died of a stroke; she was never on any of your medicines.",
])
def test_a_relative_who_never_had_anything_from_the_company(text):
    assert detect(text) is None
