"""Personal data redacted from chat messages before transcripts are stored
(bot/personal_data.py, REDACT policy): what must go, and what must stay."""
import pytest

from bot import personal_data as redaction
from bot.personal_data import LABELS, Span, find_personal_data, redact

# (message, country hint, expected redacted message)
REDACTED = [
    # e-mail
    ("You can reach me at jane.martin@chu-lyon.fr for the paperwork.", None,
     "You can reach me at [email] for the paperwork."),
    ("email: j.o'neil+access@hopital-necker.aphp.fr.", None, "email: [email]."),
    ("Copy DR.SMITH@nhs.net and pharmacy@example.co.uk please", None, "Copy [email] and [email] please"),
    # international phones
    ("Call me on +33 1 42 68 53 00 after 5pm", None, "Call me on [phone] after 5pm"),
    ("my mobile is +33 6 12 34 56 78", None, "my mobile is [phone]"),
    ("UK office: +44 20 7946 0958", None, "UK office: [phone]"),
    ("cell +44 7911 123456, any time", None, "cell [phone], any time"),
    ("US line +1 (415) 555-2671", None, "US line [phone]"),
    ("Berlin clinic +49 30 901820", None, "Berlin clinic [phone]"),
    ("Tokyo site: +81 3-1234-5678", None, "Tokyo site: [phone]"),
    ("from France dial 0044 20 7946 0958", None, "from France dial [phone]"),
    ("+33 (0)1 42 68 53 00 is the ward", None, "[phone] is the ward"),
    # national formats, with and without a country hint
    ("ring the ward on 01 42 68 53 00", None, "ring the ward on [phone]"),
    ("ring the ward on 01 42 68 53 00", "FR", "ring the ward on [phone]"),
    ("my number is 06 12 34 56 78", None, "my number is [phone]"),
    ("my number is 020 7946 0958", None, "my number is [phone]"),
    ("office (212) 555-0123", "US", "office [phone]"),
    ("Telefon 030 12345678", None, "Telefon [phone]"),
    ("call 02 1234 5678 in Milan", "IT", "call [phone] in Milan"),
    ("bel me op 06-12345678", "NL", "bel me op [phone]"),
    # dates of birth
    ("My patient was born on 12/03/1980.", None, "My patient was born on [date of birth]."),
    ("DOB: 1980-03-12", None, "DOB: [date of birth]"),
    ("she was born 12 March 1980 in Lyon", None, "she was born [date of birth] in Lyon"),
    ("date of birth is March 12, 1980", None, "date of birth is [date of birth]"),
    ("DOB 03.12.80, weight 70 kg", None, "DOB [date of birth], weight 70 kg"),
    ("A 44-year-old man (12/03/1980) with relapsed myeloma", None,
     "A 44-year-old man ([date of birth]) with relapsed myeloma"),
    # postal addresses
    ("She lives at 12 rue de la Paix, 75002 Paris.", None, "She lives at [address]."),
    ("Send it to 221B Baker Street, London NW1 6XE", None, "Send it to [address]"),
    ("address: 45 avenue des Champs-Élysées", None, "address: [address]"),
    ("10 Downing St, SW1A 2AA London", None, "[address]"),
    ("Praxis in der Hauptstraße 5, 10115 Berlin", None, "Praxis in der [address]"),
    ("Ospedale, Via Roma 12, 00184 Roma", None, "Ospedale, [address]"),
    ("Kerkstraat 12, 1017 GC Amsterdam", None, "[address]"),
    ("Hôpital Necker, 149 rue de Sèvres, 75015 Paris", None, "Hôpital Necker, [address]"),
    # record numbers
    ("MRN 12345678 at our centre", None, "MRN [record number] at our centre"),
    ("NHS number 943 476 5919", None, "NHS number [record number]"),
    ("hospital number: H1234567", None, "hospital number: [record number]"),
    # introduced names
    ("my patient John Smith needs ZX-301", None, "my patient [name] needs ZX-301"),
    ("My patient is Marie Dupont, 54, in Lyon", None, "My patient is [name], 54, in Lyon"),
    ("patient name: Jean-Pierre O'Brien", None, "patient name: [name]"),
    ("her name is Élodie Martin", None, "her name is [name]"),
    ("Hello, my name is Jane Martin.", None, "Hello, my name is [name]."),
    ("I'm Dr Jane Martin from Lyon", None, "I'm Dr [name] from Lyon"),
    ("I am Dr. Martin, oncologist", None, "I am Dr. [name], oncologist"),
    ("this is Dr Ahmed Benali at the CHU", None, "this is Dr [name] at the CHU"),
    ("Dr Jane Martin here, quick question about AAC", None, "Dr [name] here, quick question about AAC"),
    ("Thanks. Signed, Paul Durand", None, "Thanks. Signed, [name]"),
    ("The patient is Sean McDonald", None, "The patient is [name]"),
    # several in one message
    ("I'm Dr Paul Durand, 12 rue de la Paix, 75002 Paris, tel 06 12 34 56 78, "
     "paul.durand@example.fr. My patient Anna Weber, DOB 12/03/1980, MRN 12345678, needs ZX-301.", "FR",
     "I'm Dr [name], [address], tel [phone], [email]. "
     "My patient [name], DOB [date of birth], MRN [record number], needs ZX-301."),
]

# Messages that must come back unchanged.
UNCHANGED = [
    "Is my patient eligible for AAC, AAP or CPC?",
    "What is an early access authorisation?",
    "Can she get ZX-301 or PX-15 for COVID-19?",
    "I work in a French hospital near the UK border",
    "My patient is in Belgium",
    "my patient is in France",
    "my patient is French",
    "I'm Belgian, based in the Netherlands",
    "I'm a neurologist",
    "I'm a doctor",
    "I'm the treating physician",
    "Does ANSM, HAS or the FDA need to approve it?",
    "She has had 3 lines of therapy",
    "Is there a phase 3 trial?",
    "We will reply within 2 business days",
    "10 mg twice daily for 28 days, 150 patients in 12 countries",
    "ZX-301 was approved in the US on 12/03/2024",
    "the trial started in March 2025",
    "acknowledged by 2026-11-24",
    "submitted on 12 March 2023",
    "on the drug since 12/03/2019",
    "My request reference is MA-7K3Q-X9PD",
    "Patient: Female, 54, relapsed after 2 lines",
    "The patient is The States",
    "my patient is French Canadian",
    "born in 1980",
]


@pytest.mark.parametrize("text,country,expected", REDACTED, ids=[r[0][:40] for r in REDACTED])
def test_personal_data_is_replaced_by_labels(text, country, expected):
    assert redact(text, country) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_ordinary_messages_stay_as_they_are(text):
    assert find_personal_data(text) == []
    assert redact(text) == text


@pytest.mark.parametrize("text,kinds", [
    ("jane@chu.fr, +33 6 12 34 56 78", ["email", "phone"]),
    ("DOB 12/03/1980, NHS number 943 476 5919", ["date_of_birth", "record_number"]),
    ("my name is Jane Martin, 10 Downing St", ["name", "address"]),
])
def test_spans_name_their_kind_in_order(text, kinds):
    spans = find_personal_data(text)
    assert [s.kind for s in spans] == kinds
    assert all(isinstance(s, Span) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("text,country,expected", REDACTED, ids=[r[0][:40] for r in REDACTED])
def test_redaction_is_idempotent(text, country, expected):
    once = redact(text, country)
    assert redact(once, country) == once


def test_labels_are_not_redacted():
    labels = " ".join(LABELS.values())
    assert redact(labels) == labels
    assert redact(f"DOB {LABELS['date_of_birth']}, MRN {LABELS['record_number']}, "
                  f"my name is {LABELS['name']}") == "DOB [date of birth], MRN [record number], my name is [name]"


def test_names_are_still_checked_without_the_spacy_model(monkeypatch, tmp_path):
    monkeypatch.setattr(redaction, "SPACY_MODEL", tmp_path / "missing")
    redaction._nlp.cache_clear()
    try:
        assert redact("my patient is French") == "my patient is French"
        assert redact("I'm Belgian") == "I'm Belgian"
        assert redact("my patient John Smith") == "my patient [name]"
    finally:
        redaction._nlp.cache_clear()


def test_empty_text():
    assert redact("") == ""
    assert find_personal_data("") == []
