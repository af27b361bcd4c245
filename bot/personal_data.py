"""Personal data in free text, found once and used under two policies:

- REFUSE (handoff answers): patient identifiers — any full date (a possible
  date of birth), record or insurance numbers, patient names introduced as
  such. The assistant never asks for them; when a user types some, it says so
  and keeps them out of the request.
- REDACT (stored transcripts): e-mail addresses, phone numbers, dates of
  birth, postal addresses, record numbers and names the user introduces ("my
  patient John Smith"), replaced by labels before a transcript is stored.

Recall is favoured for formats people really type, but every pattern needs a
strong cue (an "@", a valid phone number, a street word, a lead-in such as
"DOB" or "my name is") so that scheme names, drug codes, counts and ordinary
dates are left alone. Lead-ins and titles stay readable: "DOB [date of birth]",
"I'm Dr [name]"."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import List, NamedTuple, Optional, Tuple

import phonenumbers
import yaml
from email_validator import EmailNotValidError, validate_email

from bot.config import PROJECT_ROOT
from bot.countries import to_iso

SPACY_MODEL = PROJECT_ROOT / "models" / "spacy" / "access_en"

LABELS = {
    "email": "[email]", "phone": "[phone]", "date_of_birth": "[date of birth]",
    "address": "[address]", "record_number": "[record number]", "name": "[name]",
}
# When two findings start at the same place and are as long, the more specific wins
# (e.g. an NHS number that also parses as a US phone number).
_PRIORITY = {kind: i for i, kind in enumerate(
    ("email", "record_number", "date_of_birth", "address", "name", "phone"))}
LEXICON = PROJECT_ROOT / "data" / "lexicon" / "personal_data.yml"


@lru_cache(maxsize=1)
def phone_regions() -> Tuple[str, ...]:
    """Regions whose national phone formats are caught without a country hint (data/lexicon)."""
    regions = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))["phone_regions"]
    unknown = [r for r in regions if r not in phonenumbers.SUPPORTED_REGIONS]
    if unknown:
        raise ValueError(f"{LEXICON}: phone_regions: unknown regions {unknown}")
    return tuple(regions)


class Span(NamedTuple):
    kind: str
    start: int
    end: int


# A capitalised word: "Baker", "Champs-Élysées", "O'Brien", "McDonald"; never "AAC" or "ZX-301".
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_CAP = rf"[{_UP}](?:['’][{_UP}])?[{_LOW}]+(?:['’-]?[{_UP}][{_LOW}]+|['’-][{_LOW}]+)*"
_TITLE = r"(?:Dr|Prof|Mr|Mrs|Ms|Miss|Mx|Doctor|Professor)\.?"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"  # one to three capitalised words


# --- e-mail ---------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.!#$%&'*+/=?^{|}~-])[\w.!#$%&'*+/=?^{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")


def _emails(text: str) -> List[Span]:
    spans = []
    for m in _EMAIL.finditer(text):
        try:
            validate_email(m.group(), check_deliverability=False)
        except EmailNotValidError:
            continue
        spans.append(Span("email", m.start(), m.end()))
    return spans


# --- phone ----------------------------------------------------------------
def _phones(text: str, country: Optional[str]) -> List[Span]:
    hint = (country or "").upper()
    regions = ([hint] if hint in phonenumbers.SUPPORTED_REGIONS else []) + list(phone_regions())
    spans = set()
    for region in dict.fromkeys(regions):
        # VALID leniency checks the number against the region's real numbering plan,
        # which is what keeps years, counts and "ZX-301" out.
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            spans.add(Span("phone", m.start, m.end))
    return list(spans)


# --- dates of birth, record numbers, patient names -------------------------
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})")
_ID_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|mr|mrs|ms|dr)\.?"
_ID_NAME = rf"(?:{_ID_TITLE}\s+)?[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){{0,2}}"

# Patient identifiers: any full date (a possible date of birth), record and
# insurance numbers, patient names introduced as such.
PATIENT_ID_PATTERNS = {
    "date_of_birth": re.compile(
        rf"\b(?:d\.?o\.?b\.?|date of birth|born(?: on| in)?|birth ?date|birthday)\s*(?:is|:|was)?\s*{_DATE}"
        rf"|\b{_DATE}\b", re.IGNORECASE),
    "record_number": re.compile(
        r"\b(?:mrn|medical record(?: number| no\.?)?|record (?:number|no\.?)|hospital (?:number|no\.?)|"
        r"nhs (?:number|no\.?)|patient (?:id|number|no\.?)|social security(?: number)?|ssn|insurance number|"
        r"n(?:u|ú)m(?:e|é)ro de s(?:e|é)curit(?:e|é) sociale|nir|ipp)\s*(?:is|:|#)?\s*[A-Z0-9][A-Z0-9 -]{3,}\d",
        re.IGNORECASE),
    # The lead-in is matched in any case, the name itself only when capitalised.
    "patient_name": re.compile(
        rf"\b(?i:(?:the )?patient(?:'s)? (?:name is|is called|is named|called|named)|(?:his|her|their) name is|"
        rf"(?:patient|pt)\s*:)\s*{_ID_NAME}"
        rf"|\b(?i:the patient is|patient is)\s+(?:{_ID_TITLE}\s*[A-Z][a-zA-Z'-]+|[A-Z][a-zA-Z'-]+\s+[A-Z][a-zA-Z'-]+)"),
}


def _patient_identifiers(text: str) -> List[Span]:
    """Every patient identifier as the REFUSE policy sees it."""
    return [Span(kind, m.start(), m.end()) for kind, rx in PATIENT_ID_PATTERNS.items() for m in rx.finditer(text)]


# The REFUSE policy treats every full date as a possible date of birth; a transcript
# must keep ordinary dates ("approved on 12/03/2024"), so a date counts here
# only when (a) privacy found it with a birth lead-in ("born", "DOB", "date of
# birth", "birthday"), or (b) it is a bare date whose year is before last year
# and whose few preceding words are not an event cue ("approved", "since",
# "on", "trial"...). Two-digit years only count with a lead-in.
_BIRTH_LEAD = re.compile(
    r"^(?:d\.?o\.?b\.?|date of birth|born(?: on| in)?|birth ?date|birthday)\s*(?:is|:|was)?\s*", re.I)
_EVENT_CUE = re.compile(
    r"\b(?:approv|authori[sz]|submit|since|started?|starting|from|until|till|by|before|after|on|in|"
    r"dated?|granted|received|sent|launch|expir|valid|deadline|trial|stud(?:y|ies)|visit|seen|"
    r"admitted|diagnos|treat|dose|infusion|surgery|request|applied|published|between|and)\w*\b", re.I)
_YEAR4 = re.compile(r"(?:19|20)\d{2}(?!\d)")


def _is_birth_date(text: str, start: int, end: int) -> bool:
    year = _YEAR4.search(text, start, end)
    if not year or int(year.group()) >= datetime.date.today().year - 1:
        return False
    before = re.split(r"[.!?;\n]", text[max(0, start - 40):start])[-1]  # same sentence only
    return not _EVENT_CUE.search(" ".join(before.split()[-4:]))


def _redactable_identifiers(text: str) -> List[Span]:
    spans = []
    for f in _patient_identifiers(text):
        found = text[f.start:f.end]
        if f.kind == "date_of_birth":
            lead = _BIRTH_LEAD.match(found)
            if lead and lead.end():  # introduced as a birth date: keep the lead-in words
                spans.append(Span("date_of_birth", f.start + lead.end(), f.end))
            elif _is_birth_date(text, f.start, f.end):
                spans.append(Span("date_of_birth", f.start, f.end))
        elif f.kind == "record_number":
            # The value is the first token holding a digit; "MRN", "NHS number" stay.
            value = re.search(r"[A-Za-z0-9-]*\d", found)
            spans.append(Span("record_number", f.start + value.start(), f.end))
        elif f.kind == "patient_name":
            name = re.search(rf"{_NAME}$", found)
            if name:
                spans.append(Span("name", f.start + name.start(), f.end))
    return spans


# --- postal addresses -----------------------------------------------------
_NUM = r"\b\d{1,4}(?:\s?(?:bis|ter)\b|[A-Za-z](?![A-Za-z]))?"  # "12", "221B", "5 bis"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
# Optional tail: "75002 Paris", "1017 GC Amsterdam", "SW1A 2AA London", "London SW1A 2AA".
_TOWN = (rf"(?:,?\s+(?:(?:\d{{4}}\s?[A-Z]{{2}}|\d{{4,5}}|{_UK_POSTCODE})\s+{_CAP}(?:[\s-]{_CAP})?"
         rf"|{_CAP}\s+{_UK_POSTCODE}\b))?")
_EN_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Way|Place|Court|"
              r"Square|Terrace|Close|Crescent|Gardens|Row|Mews|Walk|Parade)\b\.?")
_FR_STREET = (r"(?i:rue|avenue|av\.|boulevard|bd|place|all[ée]e|chemin|impasse|quai|route|"
              r"cours|passage|faubourg|chauss[ée]e|square)")
_FR_LINK = r"(?:(?:de|du|des|la|le|les|aux|au|l['’]|d['’])\s*)"
_ADDRESS = re.compile("|".join([
    rf"{_NUM},?\s+(?:{_CAP}\s+){{1,3}}{_EN_STREET}{_TOWN}",  # 221B Baker Street
    rf"{_NUM},?\s+{_FR_STREET}\s+{_FR_LINK}*(?:{_CAP}|[a-zß-ÿ]+)(?:[\s-]{_CAP}){{0,3}}{_TOWN}",  # 12 rue de la Paix
    rf"\b(?:Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Paseo|Rua)\s+(?:(?:di|del|della|de|la|dos|das)\s+)*"
    rf"{_CAP}(?:\s+{_CAP}){{0,2}},?\s+\d{{1,4}}[a-z]?\b{_TOWN}",  # Via Roma 12
    rf"\b(?:{_CAP}\s+)?[A-ZÄÖÜ][a-zäöüß]*(?:straße|strasse|str\.|gasse|weg|platz|allee|damm|ring|"
    rf"straat|laan|gracht|plein)\s+\d{{1,4}}[a-z]?\b{_TOWN}",  # Hauptstraße 5, Kerkstraat 12
    rf"\b{_CAP}\s+(?:Straße|Strasse|Platz|Weg|Allee)\s+\d{{1,4}}[a-z]?\b{_TOWN}",  # Berliner Straße 5
]))


def _addresses(text: str) -> List[Span]:
    return [Span("address", m.start(), m.end()) for m in _ADDRESS.finditer(text)]


# --- introduced names -----------------------------------------------------
# Lead-ins are matched in any case, names only when capitalised. "I'm", "this is"
# and "... here" need a title: "I'm Belgian", "this is Urgent" are not names.
_INTRO = re.compile("|".join([
    rf"\b(?i:my patient(?:'s name)?(?: is)?|patient(?:'s)? name(?: is)?\s*:?|(?:my|his|her|their) name is|"
    rf"(?:the )?patient (?:is called|is named|called|named)|signed\s*[,:]?|(?:kind |best )?regards\s*,|"
    rf"sincerely\s*,)\s*(?:{_TITLE}\s+)?(?P<a>{_NAME})",
    rf"\b(?i:i['’]m|i am|this is|it['’]s)\s+{_TITLE}\s+(?P<b>{_NAME})",
    rf"(?<![\w.])(?:{_TITLE})\s+(?P<c>{_NAME})\s+here\b",
]))
# Capitalised words that end a sentence-like run rather than a name.
_NOT_NAME = {"I", "The", "A", "An", "Is", "Was", "Has", "Had", "And", "Or", "But", "In", "At", "From",
             "With", "Who", "Which", "Here", "There", "This", "That", "Please", "Thanks", "Thank",
             "Hello", "Hi", "Dear", "Patient", "Doctor", "Team", "Hospital", "Male", "Female",
             "Man", "Woman", "Boy", "Girl", "Child", "Adult", "Stage", "Grade"}


@lru_cache(maxsize=1)
def _nlp():
    """The project's entity ruler, loaded once on first use; None when absent."""
    if not SPACY_MODEL.is_dir():
        return None
    try:
        import spacy
        return spacy.load(SPACY_MODEL)
    except Exception:  # a broken or incompatible model must not stop redaction
        return None


def _protected(text: str) -> List[Tuple[int, int]]:
    """Character ranges the entity ruler knows as countries, regulators or schemes."""
    nlp = _nlp()
    return [(e.start_char, e.end_char) for e in nlp(text).ents] if nlp else []


def _names(text: str) -> List[Span]:
    spans = []
    for m in _INTRO.finditer(text):
        group = next(g for g in "abc" if m.group(g))
        spans.append(Span("name", m.start(group), m.end(group)))
    return spans


def _trim_name(text: str, span: Span, protected: List[Tuple[int, int]]) -> Optional[Span]:
    """Drop trailing non-name words; reject names that are all countries or entities."""
    words = list(re.finditer(r"\S+", text[span.start:span.end]))
    while words and words[-1].group() in _NOT_NAME:
        words.pop()
    if not words or words[0].group() in _NOT_NAME:
        return None
    start, end = span.start + words[0].start(), span.start + words[-1].end()
    # "my patient is French", "French Canadian": every word a country or adjective.
    if all(to_iso(w.group()) for w in words) or to_iso(text[start:end]):
        return None
    if any(s <= start and end <= e for s, e in protected):
        return None
    return Span("name", start, end)


# --- public API -----------------------------------------------------------
def find_personal_data(text: str, country: Optional[str] = None) -> List[Span]:
    """Personal data in `text`, sorted and non-overlapping."""
    if not text:
        return []
    found = _emails(text) + _phones(text, country) + _addresses(text) + _redactable_identifiers(text)
    names = [s for s in found if s.kind == "name"] + _names(text)
    found = [s for s in found if s.kind != "name"]
    if names:
        protected = _protected(text)
        found += [t for t in (_trim_name(text, s, protected) for s in names) if t]
    # Earliest first, then longest, then most specific; drop anything overlapping a kept span.
    kept: List[Span] = []
    for span in sorted(set(found), key=lambda s: (s.start, -s.end, _PRIORITY[s.kind])):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def has_patient_identifiers(text: str) -> bool:
    """REFUSE policy: whether `text` holds a patient identifier."""
    return bool(_patient_identifiers(text or ""))


def redact(text: str, country: Optional[str] = None) -> str:
    """`text` with each piece of personal data replaced by its label, e.g. "[email]"."""
    out, last = [], 0
    for span in find_personal_data(text, country):
        out += [text[last:span.start], LABELS[span.kind]]
        last = span.end
    return "".join(out) + text[last:] if out else text
