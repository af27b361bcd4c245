"""What a handoff carries: the assessment as the conversation established it
(facts, outcome, unmet criteria), the email to the team, and the summary a
patient advocate can give the treating physician. The outcome is recomputed
by the engine from the facts, so the record never disagrees with it."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping

from bot.config import Settings
from bot.countries import country_name
from bot.facts import FACT_SLOTS, known_facts
from bot.knowledge import KnowledgeBase
from bot.pathway import Conditional, Outcome, assess
from bot.render import SLOT_LABELS, fill, outcome_payload, value_label

CONTACT_LABELS = {
    "name": "Name",
    "institution": "Institution",
    "email": "Email",
    "phone": "Phone",
    "contact_time": "Preferred contact time",
    "role": "Role",
}


def assessment_record(state: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> Dict[str, Any]:
    """Facts, unknown facts and the engine's outcome for the stored request."""
    facts = known_facts({k: state.get(k) for k in FACT_SLOTS})
    unknown = sorted(set(state.get("unknown_facts") or []) - set(facts))
    record: Dict[str, Any] = {"facts": facts, "unknown_facts": unknown, "outcome": None, "options": []}
    result = assess(facts, kb, frozenset(unknown)) if facts.get("country") else None
    if isinstance(result, Outcome):
        record["outcome"] = outcome_payload(result, facts, kb, settings)
    elif isinstance(result, Conditional):
        record["options"] = [
            {"if": {k: v for k, v in assumed.items()}, "scheme": outcome.scheme, "unmet_criteria": list(outcome.unmet_criteria)}
            for assumed, outcome in result.branches
        ]
    return record


def _fact_lines(record: Mapping[str, Any]) -> List[str]:
    facts = record.get("facts") or {}
    lines = []
    for slot in FACT_SLOTS:
        if slot in facts:
            value = country_name(facts[slot]) if slot == "country" else value_label(slot, facts[slot])
            lines.append(f"- {SLOT_LABELS[slot]}: {value}")
        elif slot in (record.get("unknown_facts") or []):
            lines.append(f"- {SLOT_LABELS[slot]}: not known")
    return lines or ["- (no facts established)"]


def _outcome_lines(record: Mapping[str, Any], kb: KnowledgeBase) -> List[str]:
    outcome = record.get("outcome")
    if outcome:
        lines = [f"- Scheme: {outcome['scheme_name']} ({outcome['scheme']})",
                 f"- Eligible: {'yes' if outcome['eligible'] else 'no'}"]
        if outcome["unmet_criteria"]:
            lines.append("- Unmet criteria: " + ", ".join(SLOT_LABELS.get(c, c) for c in outcome["unmet_criteria"]))
        lines.append(f"- Filer: {outcome['filer']}; authority: {outcome['authority']}; channel: {outcome['channel']}")
        return lines
    if record.get("options"):
        return ["- Not settled; it depends on facts not known yet:"] + [
            f"  - if {', '.join(f'{SLOT_LABELS[k]} = {value_label(k, v)}' for k, v in o['if'].items())}: "
            f"{kb.schemes[o['scheme']].name} ({o['scheme']})"
            for o in record["options"]
        ]
    return ["- No outcome reached in the conversation."]


def team_email(kind: str, urgent: bool, conversation_id: str, record: Mapping[str, Any], contact: Mapping[str, Any],
               kb: KnowledgeBase) -> Dict[str, str]:
    """Subject and body; {reference} and {acknowledge_by} are filled in when stored."""
    what = "Managed access request" if kind == "physician_request" else "Medical information contact request"
    subject = f"{'URGENT ' if urgent else ''}{what} {{reference}}"
    lines = [
        f"{what} {{reference}}" + (" - URGENT: treatment needed within hours or days" if urgent else ""),
        "Acknowledge by: {acknowledge_by}",
        f"Conversation: {conversation_id}",
        "",
        "Contact",
        *[f"- {label}: {contact[key]}" for key, label in CONTACT_LABELS.items() if contact.get(key)],
        "",
        "Facts established in the conversation",
        *_fact_lines(record),
        "",
        "Assessment",
        *_outcome_lines(record, kb),
        "",
        "The assistant asked for no patient-identifying data; collect it through the secure channel.",
    ]
    return {"subject": subject, "body": "\n".join(lines)}


def physician_summary(state: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> str:
    """For a patient or advocate to hand to the treating physician."""
    record = assessment_record(state, kb, settings)
    parts = ["Here is a summary you can give the treating physician:", "", "What we established:", *_fact_lines(record)]
    outcome = record.get("outcome")
    if outcome:
        scheme = kb.schemes[outcome["scheme"]]
        parts += ["", f"Likely route: {scheme.name}."]
        who = scheme.facts.get("who_files")
        if who is not None and not who.unconfirmed:
            parts.append(f"Who files: {fill(who.text, settings)}")
    elif record.get("options"):
        parts += ["", "The route is not settled yet:", *_outcome_lines(record, kb)[1:]]
    request_fact = kb.programme.facts.get("who_can_request")
    if request_fact is not None:
        parts += ["", fill(request_fact.text, settings)]
    parts += ["", f"How the physician reaches our team: through this assistant, or at {settings.medical_info_contact}."]
    return "\n".join(parts)


def assessment_lines(record: Mapping[str, Any], kb: KnowledgeBase) -> Dict[str, List[str]]:
    """The stored assessment as the team email words it, line by line, for
    the request desk: the facts, then the outcome."""
    def plain(lines: List[str]) -> List[str]:
        return [line[2:] if line.startswith("- ") else line.strip() for line in lines]
    return {"facts": plain(_fact_lines(record)), "outcome": plain(_outcome_lines(record, kb))}
