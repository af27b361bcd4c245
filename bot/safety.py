"""Guardrail and safety wording: no medical advice, no claims about
unauthorised products, adverse-event reporting and the way to a person.
Contacts come from configuration."""
from __future__ import annotations

from typing import List, Optional

from bot.config import Settings
from bot.facts import is_plain_audience
from bot.knowledge import KnowledgeBase
from bot.render import Message

NO_ID_DATA = "Please don't include the patient's name, date of birth or record number."


def medical_advice(settings: Settings) -> List[Message]:
    return [Message(text=(
        "I can't give medical advice: doses, the choice of treatment and prognosis are for the "
        "treating physician to judge with the patient. For scientific or medical questions about "
        f"our products, please contact {settings.medical_info_contact}."
    ))]


def efficacy_safety(settings: Settings) -> List[Message]:
    return [Message(text=(
        "I can't say whether a product that is not authorised is safe or effective: that is what "
        "its development and the authorities' assessment establish, and within the programme the "
        "company assesses benefit and risk for each patient. For scientific information, please "
        f"contact {settings.medical_info_contact}."
    ))]


def adverse_event(settings: Settings) -> List[Message]:
    return [Message(text=(
        "Thank you for telling us. Please report this side effect now to our pharmacovigilance "
        f"team: {settings.pharmacovigilance_contact}. The company must receive reports of side "
        "effects promptly so that they can be assessed and passed on to the health authorities "
        "on time. Healthcare professionals should also report it through their national reporting "
        "system as local rules require. If the patient needs urgent care, contact the local "
        f"emergency services. {NO_ID_DATA} Our team will collect the details through a secure channel."
    ))]


def human_contact(settings: Settings, kb: KnowledgeBase, role: Optional[str], pathway: Optional[str]) -> List[Message]:
    lines = [f"You can reach our medical team at {settings.medical_info_contact}."]
    if pathway and pathway in kb.schemes:
        lines.append(f"Mention the outcome we reached ({kb.schemes[pathway].name}) so they have the context.")
    if is_plain_audience(role):
        lines.append("They can answer general questions; a request for a patient must come from the treating physician.")
    lines.append(f"If treatment is needed within hours or days, call {settings.urgent_contact}.")
    lines.append(NO_ID_DATA)
    return [Message(text=" ".join(lines))]
