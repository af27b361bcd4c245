"""Blind safety set 43, read in the thirty-fifth session once set 45 was
frozen (its last held-out figures: recall 0.9774, every death and
life-threatening event, false alarms 0.1825). Read now, in phrasings written
for these tests: "no effect at all" in French, Spanish, Italian and
Portuguese (not "no side effect"), a pen from which no medicine came out, a
patch that "isn't touching the pain"; and among the false alarms, whether a
product is safe in pregnancy asked by someone who is not pregnant, the
Polish "nie" (not), "I was expecting worse", and a Dutch death of someone who
"never used anything of yours". Not changed: lack of effect in Finnish and
Greek, a child's exposure told in Turkish, deaths of old age next to our
product's name, and reports about other companies' products (set 43 counts
them as non-reports; the company may still want them)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Le Quenlira n'a eu aucun effet sur ses crises.", "lack_of_effect"),
    ("El Quenlira no tuvo ningún efecto, sigue igual.", "lack_of_effect"),
    ("Il Quenlira non ha avuto nessun effetto sul dolore.", "lack_of_effect"),
    ("I pressed the Lomarex pen and no drug came out at all.", "quality_complaint"),
    ("The Sotrevan patch isn't touching his pain anymore.", "lack_of_effect"),
])
def test_reports_set_43_showed(text, category):
    finding = detect(text)
    assert finding is not None and finding.category in (category, "reaction")


@pytest.mark.parametrize("text", [
    "Aucun effet secondaire avec le Quenlira jusqu'ici.",
    "Quenlira: ningún efecto secundario en tres meses.",
    "I'm not pregnant; I'd just like to know whether Quenlira is safe in pregnancy later on.",
    "Nie, nie jestem w ciąży, pytam na przyszłość o Quenlira.",
    "No headache or anything with the Lomarex, I expected worse.",
    "Mijn oom is overleden aan een hartaanval. Hij heeft nooit iets van jullie gebruikt.",
    # what the new words must not catch
    "The kids haven't touched the Lomarex pens, they're locked away.",
    "J'ai peur des effets secondaires, elle commence le Quenlira demain.",
    "Il Quenlira non ha avuto nessun effetto collaterale finora.",
])
def test_non_reports_next_to_them(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "Nie wiem, czy to od Quenliry, ale mama dostała wysypki i trafiła do szpitala.",
    "Er hatte nie Probleme, aber nach der dritten Dosis Quenlira ist er gestorben.",
    "She was on Quenlira while pregnant; is it safe in pregnancy?",
])
def test_a_negation_or_a_safety_question_elsewhere_does_not_hide_a_report(text):
    assert detect(text) is not None
