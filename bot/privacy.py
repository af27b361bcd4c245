"""Patient-identifying data in free text: dates of birth, record or
insurance numbers, patient names introduced as such. The assistant never asks
for them; when a user types some, it says so and keeps them out of the request,
and transcripts show them redacted."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|mr|mrs|ms|dr)\.?"
_NAME = rf"(?:{_TITLE}\s+)?[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){{0,2}}"

PATTERNS = {
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
        rf"(?:patient|pt)\s*:)\s*{_NAME}"
        rf"|\b(?i:the patient is|patient is)\s+(?:{_TITLE}\s*[A-Z][a-zA-Z'-]+|[A-Z][a-zA-Z'-]+\s+[A-Z][a-zA-Z'-]+)"),
}
LABELS = {"date_of_birth": "[date]", "record_number": "[record number]", "patient_name": "[patient name]"}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def find_patient_identifiers(text: str) -> List[Finding]:
    found = [Finding(kind, m.start(), m.end()) for kind, rx in PATTERNS.items() for m in rx.finditer(text or "")]
    return sorted(found, key=lambda f: (f.start, -f.end))


def redact_patient_identifiers(text: str) -> str:
    out, last = [], 0
    for f in find_patient_identifiers(text):
        if f.start < last:
            continue
        out.append(text[last:f.start])
        out.append(LABELS[f.kind])
        last = f.end
    out.append(text[last:])
    return "".join(out)


def has_patient_identifiers(text: str) -> bool:
    return bool(find_patient_identifiers(text))
