"""Validation of the contact details a handoff collects. Each validator takes
what the user typed and returns (clean value, None) or (None, a plain-words
reason the user can act on). Email and phone go through `email-validator` and
`phonenumbers`; free text is limited in length and kept free of markup."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional, Tuple

import phonenumbers
from email_validator import EmailNotValidError, validate_email

Result = Tuple[Optional[str], Optional[str]]

MAX_LENGTH = {"contact_name": 100, "contact_institution": 150, "contact_time": 100}
_MARKUP = re.compile(r"[<>{}]|javascript:|&#|&[a-z]+;", re.IGNORECASE)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Answers that mean "no phone number".
_NO_PHONE = re.compile(
    r"^(no|nope|none|n/?a|skip|pass|no thanks|no phone|rather not|i'?d rather not|prefer not( to)?|not now)\b[.! ]*$",
    re.IGNORECASE,
)
_LEADING_FILLER = re.compile(r"^(it'?s|it is|my (name|email|e-mail|phone|number|institution|hospital) is|i'?m|i am|this is)\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())


def plain_text(text: str, slot: str, what: str) -> Result:
    """A name, institution or time: plain text within the length limit."""
    value = _clean(text)
    limit = MAX_LENGTH[slot]
    if not value or not _HAS_LETTER.search(value):
        return None, f"I need {what} in words."
    if value.endswith("?"):
        return None, f"That looks like a question. I need {what} here; you can ask your question once we're done, or say 'stop'."
    if _MARKUP.search(value):
        return None, f"Please type {what} as plain text, without characters such as < > {{ }}."
    if len(value) > limit:
        return None, f"That is longer than I can take ({len(value)} characters); please keep {what} under {limit} characters."
    return value, None


def name(text: str) -> Result:
    value, error = plain_text(_LEADING_FILLER.sub("", _clean(text)), "contact_name", "your name")
    if value and sum(ch.isdigit() for ch in value) > 0:
        return None, "A name should not contain digits; please type your name as you sign your emails."
    return value, error


def institution(text: str) -> Result:
    return plain_text(_LEADING_FILLER.sub("", _clean(text)), "contact_institution", "your hospital or institution")


def contact_time(text: str) -> Result:
    return plain_text(text, "contact_time", "when you prefer to be contacted")


def email(text: str) -> Result:
    raw = _LEADING_FILLER.sub("", _clean(text)).strip(" .;,<>")
    if len(raw) > 254:
        return None, "That email address is too long; please type it again."
    try:
        valid = validate_email(raw, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, f"That doesn't look like a valid email address ({exc}). Please type it again, e.g. name@hospital.org."
    return valid.normalized, None


def phone(text: str, country: Optional[str]) -> Result:
    """A phone number in E.164 form; national numbers are read in the patient's
    country. 'No'/'skip' means no phone, which is allowed: returns ('', None)."""
    raw = _LEADING_FILLER.sub("", _clean(text))
    if _NO_PHONE.match(raw):
        return "", None
    if len(raw) > 40:
        return None, "That is too long for a phone number; please type it again, or say 'skip'."
    try:
        number = phonenumbers.parse(raw, (country or "").upper() or None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        hint = "with the country code, e.g. +33 1 23 45 67 89" if not country else "with the country code if it is not a local number"
        return None, f"That doesn't look like a valid phone number. Please type it {hint}, or say 'skip'."
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None
