"""The handoff conversation, as pure functions over the slots: who gets a
request (treating physicians) and who gets a summary and a contact offer
(everyone else), which contact details are still needed, how each answer is
checked, and what the bot says when the request is stored or looked up."""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from bot import contact as validate
from bot.config import Settings
from bot.conversation import Turn as Step  # messages + slot updates, as in the assessment
from bot.countries import country_name
from bot.facts import is_plain_audience, known_facts
from bot.handoff.requests import Request, StatusView, normalise_reference, reference_in
from bot.knowledge import KnowledgeBase
from bot.personal_data import has_patient_identifiers
from bot.render import Message
from bot.slots import CONTACT_SLOTS

PHYSICIAN_SLOTS = CONTACT_SLOTS
# Others may ask medical information to contact them: consent first, then the
# two details needed to answer.
MI_CONTACT_SLOTS = ("contact_consent", "contact_name", "contact_email")
MAX_STATUS_ATTEMPTS = 3

PATIENT_DATA_NOTICE = (
    "Please don't share patient-identifying data (name, date of birth, record number) here: our team will "
    "collect what they need through a secure channel. I have left what you typed out of the request."
)


def kind_for(role: Optional[str]) -> str:
    """Only the treating physician files; everyone else may be contacted."""
    return "physician_request" if role == "physician" else "mi_contact"


def required_slots(state: Mapping[str, Any]) -> List[str]:
    if state.get("handoff_reference") or state.get("handoff_cancelled"):
        return []
    if kind_for(state.get("role")) == "mi_contact":
        if state.get("contact_consent") is False:
            return []
        return list(MI_CONTACT_SLOTS)
    return list(PHYSICIAN_SLOTS)


def start(state: Mapping[str, Any], kb: KnowledgeBase, settings: Settings, summary: Callable[[], str]) -> Step:
    """What the bot says when someone asks to go ahead or for a person."""
    step = Step(slots={"handoff_cancelled": None})
    if state.get("emergency"):
        step.messages.append(Message(text=(
            f"Because treatment is needed urgently, call {settings.urgent_contact} now; "
            "I will also mark your request as urgent.")))
    if state.get("handoff_reference"):
        return step  # the submit step repeats the existing reference
    role = state.get("role")
    if role == "physician":
        step.messages.append(Message(text=(
            "I'll pass this to our medical team with everything we established, so you won't have to repeat it. "
            "They need a few contact details from you. I won't ask for any patient-identifying data.")))
    elif role is None and not known_facts(state):
        # "Can I speak to a human?" before anything is known: nothing to
        # summarise, and nothing said of the writer that they did not say.
        step.messages.append(Message(text=(
            "I'll pass your message to our team so that a person can get back to you; they need a few contact "
            "details from you. If it is about a request for a patient: only the patient's treating physician "
            "can file one, and I can check the patient's options with you in the meantime. You can also reach "
            f"{settings.medical_info_contact}.")))
    else:
        who = "you" if is_plain_audience(role) else "a healthcare professional other than the treating physician"
        step.messages.append(Message(text=(
            f"A request for a patient can only come from the treating physician, so {who} cannot file it. "
            "What you can do is give the physician the summary below.")))
        step.messages.append(Message(text=summary()))
    return step


_STOP = re.compile(
    r"^\W*(no|nope|nah|stop|cancel|never ?mind|forget (it|that)|i (do not|don'?t) want|i'?d rather not|"
    r"not now|no thanks|start (over|again)|restart)\b", re.IGNORECASE)


def _cancel_requested(text: str, intent: Optional[str], slot: str) -> bool:
    # "No"/"stop" to a detail other than the optional phone or the consent
    # question means the user does not want to go on. The words decide, not
    # the intent alone: a name like "Jan Novak" may be classified as anything.
    return intent in ("deny", "start_over") and slot not in ("contact_phone", "contact_consent") \
        and bool(_STOP.match(text or ""))


def validate_answer(slot: str, value: Any, text: str, intent: Optional[str], state: Mapping[str, Any]) -> Step:
    """Check one contact answer: the clean value, or a clear re-ask."""
    if _cancel_requested(text, intent, slot):
        return Step([Message(text="All right, I've stopped. Nothing has been sent.")],
                    {slot: None, "handoff_cancelled": True})
    if slot != "contact_consent" and has_patient_identifiers(text or ""):
        return Step([Message(text=PATIENT_DATA_NOTICE)], {slot: None})
    if slot == "contact_phone" and intent == "deny":
        return Step(slots={slot: "none"})
    if slot == "contact_consent":
        if value in (True, False):
            return Step(slots={slot: value})
        return Step([Message(text="Please answer yes or no: may our team contact you?")], {slot: None})
    checker = {
        "contact_name": validate.name,
        "contact_institution": validate.institution,
        "contact_email": validate.email,
        "contact_time": validate.contact_time,
        "contact_phone": lambda t: validate.phone(t, state.get("country")),
    }[slot]
    clean, error = checker(text or "")
    if error:
        return Step([Message(text=error)], {slot: None})
    # An empty phone means "no phone"; the slot keeps a marker so it is not asked again.
    return Step(slots={slot: clean if clean else NO_PHONE})


# Contact slot -> field of the stored contact. Their values go to the handoff
# draft (the request store); the slots only say that a value was given,
# so the transcript never holds contact data.
DRAFT_FIELDS = {"contact_name": "name", "contact_institution": "institution", "contact_email": "email",
                "contact_phone": "phone", "contact_time": "contact_time"}
PROVIDED, NO_PHONE = "[provided]", "none"


def for_draft(slot: str, step: Step) -> Optional[Tuple[str, Any]]:
    """(field, value) to keep in the draft when `step` accepted a contact detail;
    the step's slot is replaced by a marker."""
    value = step.slots.get(slot)
    if slot not in DRAFT_FIELDS or value is None:
        return None
    step.slots[slot] = NO_PHONE if value == NO_PHONE else PROVIDED
    return DRAFT_FIELDS[slot], None if value == NO_PHONE else value


def contact_of(draft: Mapping[str, Any], state: Mapping[str, Any]) -> Dict[str, Any]:
    return {**{field: draft.get(field) for field in DRAFT_FIELDS.values()},
            "role": state.get("role"), "consent": bool(state.get("contact_consent"))}


def _form_cleared() -> Dict[str, Any]:
    """The contact slots emptied and the stop forgotten: the form is over."""
    return {**{s: None for s in CONTACT_SLOTS}, "handoff_cancelled": None}


def not_sent(state: Mapping[str, Any], settings: Settings) -> Step:
    """The form ended without a request: cancelled or no consent."""
    text = ("Without your consent I can't pass on your details, so nothing has been sent."
            if state.get("contact_consent") is False else "Nothing has been sent.")
    return Step([Message(text=f"{text} You can reach our medical team directly at {settings.medical_info_contact}.")],
                _form_cleared())


LEFT_FOR_ASSESSMENT = "All right, I've closed the contact form: nothing has been sent. You can ask for a person again at any time."


def left_for_assessment() -> Step:
    """Asked whether the team may get in touch, the user asks to check a
    patient or states facts of the case instead: the form closes, nothing is
    sent, and the assessment reads the message (pool 56: "can I speak to
    someone", then "actually, first let's check whether she can get it")."""
    return Step([Message(text=LEFT_FOR_ASSESSMENT)],
                {**_form_cleared(), "requested_slot": None})


def confirmation(request: Request, created: bool, settings: Settings) -> Step:
    """Reference, acknowledge-by date and what happens next (contract: custom.handoff)."""
    day = f"{request.acknowledge_by:%A} {request.acknowledge_by.day} {request.acknowledge_by:%B %Y}"
    where = f" (business days in {country_name(request.country)})" if request.country else ""
    if request.kind == "physician_request":
        lead = "Your request is with our medical team." if created else "You already have a request with our medical team."
        nxt = ("A person will acknowledge it by the end of "
               f"{day}{where}. They will contact you with the next steps and collect any patient information "
               "through a secure channel. The company then assesses benefit and risk for this patient.")
    else:
        lead = "Thank you; our medical information team has your details." if created else "Our medical information team already has your details."
        nxt = f"A person will get back to you by the end of {day}{where}."
    parts = [f"{lead} Your reference is {request.reference}.", nxt,
             f"Keep the reference: you can ask me for the status of {request.reference} at any time."]
    if request.urgent:
        parts.append(f"It is marked urgent. If the patient cannot wait, call {settings.urgent_contact}.")
    payload = {"handoff": {"reference": request.reference, "acknowledge_by": request.acknowledge_by.isoformat(),
                           "queue": request.queue}}
    return Step([Message(text=" ".join(parts)), Message(custom=payload)],
                {**{s: None for s in CONTACT_SLOTS}, "handoff_reference": request.reference})


def validate_status_reference(text: str) -> Step:
    ref = reference_in(text) or normalise_reference(text or "")
    if ref:
        return Step(slots={"status_reference": ref})
    return Step([Message(text=(
        "That doesn't look like one of our references. They look like MA-7K3Q-X9PD; "
        "you'll find yours in the confirmation the assistant gave you."))], {"status_reference": None})


def validate_status_email(text: str) -> Step:
    clean, error = validate.email(text or "")
    if error:
        return Step([Message(text=error)], {"status_email": None})
    return Step(slots={"status_email": clean})


def status_answer(view: Optional[StatusView], reference: str, attempts: int, settings: Settings) -> Step:
    """Status and dates only: never the stored contact data."""
    cleared = {"status_reference": None, "status_email": None}
    if view is None:
        attempts += 1
        text = (f"I couldn't find a request {reference} filed with that email address. "
                "Check the reference and use the email you gave when you made the request.")
        if attempts >= MAX_STATUS_ATTEMPTS:
            text += f" If it still doesn't work, our medical team can help: {settings.medical_info_contact}."
        return Step([Message(text=text)], {**cleared, "status_attempts": attempts})
    lines = [f"Request {view.reference}: {view.status_label}.",
             f"Submitted on {view.submitted.isoformat()}; acknowledgement due by {view.acknowledge_by.isoformat()}.",
             f"Last update: {view.last_update.isoformat()}."]
    if view.close_reason:
        lines.append(f"Outcome: {view.close_reason}.")
    return Step([Message(text=" ".join(lines)),
                 Message(custom={"handoff_status": {"reference": view.reference, "status": view.status,
                                                    "acknowledge_by": view.acknowledge_by.isoformat()}})],
                {**cleared, "status_attempts": 0})


def too_many_attempts(state: Mapping[str, Any]) -> bool:
    return int(state.get("status_attempts") or 0) >= MAX_STATUS_ATTEMPTS
