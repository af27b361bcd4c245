"""Words and payloads built from engine results and knowledge-base facts.

Every statement about a scheme is a knowledge-base text and travels with its
sources and review date; the only other words here are connective ones and
the contacts from configuration."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

from bot.config import Settings
from bot.countries import country_name
from bot.facts import is_plain_audience
from bot.knowledge import Authority, Criterion, Fact, KnowledgeBase, Source
from bot.pathway import Conditional, Outcome

SLOT_LABELS = {
    "role": "your role",
    "country": "the country where the patient is treated",
    "product_type": "medicine or device",
    "authorisation": "the product's status in that country",
    "in_development": "whether the product is in development for this use",
    "serious_condition": "whether the condition is life-threatening or seriously debilitating",
    "alternatives_exhausted": "whether approved or satisfactory alternatives are exhausted",
    "previously_treated": "whether the patient receives or has received the product",
    "in_company_trial": "whether the patient is in a company-sponsored trial",
    "trial_available": "whether the patient could enrol in an ongoing trial",
    "emergency": "whether treatment is needed within hours or days",
}
VALUE_LABELS = {
    "physician": "treating physician",
    "patient_advocate": "patient advocate or relative",
    "patient": "patient",
    "other_hcp": "other healthcare professional",
    "medicine": "a medicine",
    "medical_device": "a medical device",
    "not_authorised": "not authorised there for any use",
    "authorised_other_indication": "authorised there, but not for this use",
    "authorised_not_available": "authorised for this use but not available",
    "authorised_available": "authorised for this use and available",
    True: "yes",
    False: "no",
}


@dataclass
class Message:
    text: Optional[str] = None
    buttons: Optional[List[Dict[str, str]]] = None
    custom: Optional[Dict[str, Any]] = None

    def as_kwargs(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        if self.text:
            out["text"] = self.text
        if self.buttons:
            out["buttons"] = self.buttons
        if self.custom is not None:
            out["json_message"] = self.custom
        return out


def fill(text: str, settings: Settings) -> str:
    return text.format(ack_business_days=settings.ack_business_days)


def value_label(slot: str, value: Any) -> str:
    if slot == "country" and isinstance(value, str):
        return country_name(value)
    return VALUE_LABELS.get(value, str(value))


def _unique_sources(groups: Iterable[Iterable[Source]]) -> List[Source]:
    seen, out = set(), []
    for group in groups:
        for src in group:
            if src.url not in seen:
                seen.add(src.url)
                out.append(src)
    return out


def sources_line(sources: Sequence[Source], reviewed: dt.date) -> str:
    listed = "\n".join(f"- {s.title}: {s.url}" for s in sources)
    return f"Sources (reviewed {reviewed.isoformat()}):\n{listed}"


def fact_answer(fact: Fact, reviewed: dt.date, settings: Settings, subject: str) -> str:
    """A knowledge-base fact with its sources, or, for an unconfirmed one,
    the honest statement that it is not published and who to ask."""
    if fact.unconfirmed:
        return (
            f"I can't give you a figure or rule for {fact.topic}: it is not published in the "
            f"sources I rely on, so I won't guess. Please ask {fact.ask}. "
            f"Our medical team: {settings.medical_info_contact}."
        )
    return f"{subject}: {fill(fact.text, settings)}\n{sources_line(fact.sources, reviewed)}"


# --------------------------------------------------------------------------
# Outcome


def _reasons(outcome: Outcome, kb: KnowledgeBase) -> List[str]:
    reasons = []
    if outcome.country:
        reasons.append(f"the patient is treated in {country_name(outcome.country)}")
    if kb.schemes[outcome.scheme].reason:
        reasons.append(kb.schemes[outcome.scheme].reason)
    if outcome.route is not None:
        reasons.append(outcome.route.because)
    return reasons


def _criteria_lines(criteria: Sequence[Criterion], settings: Settings) -> List[str]:
    return [f"- {fill(c.text, settings)}" for c in criteria]


def national_authority(outcome: Outcome, kb: KnowledgeBase) -> Optional[Authority]:
    """The country's national authority, named when the outcome is the
    company's programme under the local rules of a country not covered."""
    if kb.schemes[outcome.scheme].kind != "programme":
        return None
    return kb.authorities.get(outcome.country or "")


def outcome_sources(outcome: Outcome, kb: KnowledgeBase) -> List[Source]:
    scheme = kb.schemes[outcome.scheme]
    groups: List[Iterable[Source]] = [scheme.validity.sources]
    groups += [s.sources for s in scheme.next_steps]
    for key in ("who_files", "channel"):
        if key in scheme.facts and not scheme.facts[key].unconfirmed:
            groups.append(scheme.facts[key].sources)
    if outcome.route is not None:
        groups.append(outcome.route.sources)
    groups += [c.sources for c in outcome.met + outcome.failed]
    if scheme.supplied_by_programme:
        groups += [kb.programme.facts[k].sources for k in ("who_can_request", "acknowledgement", "temporary")]
    authority = national_authority(outcome, kb)
    if authority:
        groups.append([authority.source])
    return _unique_sources(groups)


def outcome_reviewed(outcome: Outcome, kb: KnowledgeBase) -> dt.date:
    """The oldest review date among the entries the outcome rests on."""
    scheme = kb.schemes[outcome.scheme]
    dates = [scheme.reviewed]
    if outcome.route is not None:
        dates.append(kb.routing_for(outcome.country or "*").reviewed)
    if outcome.met or outcome.failed or scheme.supplied_by_programme:
        dates.append(kb.programme.reviewed)
    if national_authority(outcome, kb):
        dates.append(kb.authorities_reviewed)
    return min(dates)


def next_steps(outcome: Outcome, facts: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> List[str]:
    scheme = kb.schemes[outcome.scheme]
    steps = []
    if is_plain_audience(facts.get("role")) and not scheme.ordinary_prescription:
        steps.append(
            "Only the patient's treating physician can make a request: share this summary with "
            "them, and they can contact our medical team."
        )
    steps += [fill(s.text, settings) for s in scheme.next_steps]
    authority = national_authority(outcome, kb)
    if authority:
        steps.append(f"The national authority in {country_name(authority.country)} is {authority.name}.")
    if facts.get("emergency"):
        steps.insert(0, f"Treatment is needed urgently: contact {settings.urgent_contact} now.")
    return steps


def outcome_payload(outcome: Outcome, facts: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> Dict[str, Any]:
    """The contract's `custom.pathway` object (plus a few extra fields)."""
    scheme = kb.schemes[outcome.scheme]
    authority = national_authority(outcome, kb)
    payload = {
        "scheme": outcome.scheme,
        "country": outcome.country,
        "eligible": outcome.eligible,
        "unmet_criteria": list(outcome.unmet_criteria),
        "filer": scheme.filer,
        "authority": scheme.authority,
        "channel": scheme.channel,
        "validity": fill(scheme.validity.text, settings),
        "next_steps": next_steps(outcome, facts, kb, settings),
        "sources": [s.as_payload() for s in outcome_sources(outcome, kb)],
        "reviewed": outcome_reviewed(outcome, kb).isoformat(),
        # extras
        "scheme_name": scheme.name,
        "candidate_scheme": outcome.candidate_scheme,
        "reasons": _reasons(outcome, kb),
        "emergency": bool(facts.get("emergency")),
    }
    if authority:
        payload["national_authority"] = authority.code
    return payload


def outcome_messages(
    outcome: Outcome, facts: Mapping[str, Any], kb: KnowledgeBase, settings: Settings, updated: bool = False
) -> List[Message]:
    scheme = kb.schemes[outcome.scheme]
    plain = is_plain_audience(facts.get("role"))
    payload = outcome_payload(outcome, facts, kb, settings)
    lead = "With the corrected facts, the outcome is now" if updated else "Here is the outcome"
    head = f"{lead}: {scheme.name} ({scheme.code})."
    summary = scheme.summary_plain if plain else scheme.summary_physician
    why = "Why: " + "; ".join(payload["reasons"]) + "." if payload["reasons"] else ""
    parts = [head, fill(summary, settings), why]
    if outcome.failed and scheme.kind == "refusal":
        parts.append("Not met:\n" + "\n".join(_criteria_lines(outcome.failed, settings)))
        if outcome.candidate_scheme:
            parts.append(
                f"(Had the criteria been met, the route would have been: "
                f"{kb.schemes[outcome.candidate_scheme].name}.)"
            )
    elif outcome.failed:
        parts.append("Deciding fact:\n" + "\n".join(_criteria_lines(outcome.failed, settings)))
    elif outcome.eligible and len(outcome.met) > 1:
        parts.append("Criteria you confirmed:\n" + "\n".join(_criteria_lines(outcome.met, settings)))
    messages = [Message(text="\n\n".join(p for p in parts if p))]

    how = []
    for key in ("who_files", "channel"):
        fact = scheme.facts.get(key)
        if fact is not None and not fact.unconfirmed:
            how.append(fill(fact.text, settings))
    how_text = ("Who files and how: " + " ".join(how) + "\n\n") if how else ""
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(payload["next_steps"], 1))
    messages.append(Message(text=f"{how_text}Validity: {payload['validity']}\n\nNext steps:\n{steps}"))

    if scheme.supplied_by_programme:
        prog = kb.programme
        lines = [fill(prog.facts[k].text, settings) for k in ("who_can_request", "acknowledgement")]
        lines += [fill(f.text, settings) for f in prog.company_assessed if f.key == "benefit_risk"]
        lines.append(fill(prog.facts["temporary"].text, settings))
        messages.append(Message(text="What the company's programme adds:\n" + "\n".join(f"- {line}" for line in lines)))

    sources = outcome_sources(outcome, kb)
    messages.append(Message(text=sources_line(sources, outcome_reviewed(outcome, kb))))
    messages.append(Message(custom={"pathway": payload}))
    messages.append(handoff_offer(plain, settings))
    return messages


def handoff_offer(plain: bool, settings: Settings) -> Message:
    if plain:
        text = (
            "Would you like the contact details of our medical information team? They can answer "
            "general questions; the request itself must come from the treating physician."
        )
    else:
        text = "Would you like me to put you in touch with our medical team to go ahead?"
    return Message(
        text=text,
        buttons=[
            {"title": "Yes, put me in touch", "payload": "/human_handoff"},
            {"title": "No, thanks", "payload": "/thanks"},
        ],
    )


def conditional_messages(
    result: Conditional, facts: Mapping[str, Any], kb: KnowledgeBase, settings: Settings
) -> List[Message]:
    lines = [
        "I can't give a single answer, because it depends on "
        + " and ".join(SLOT_LABELS[s] for s in result.depends_on)
        + ", which you don't know yet. Here is what each case would mean:"
    ]
    options = []
    for assumed, outcome in result.branches:
        scheme = kb.schemes[outcome.scheme]
        case = ", ".join(f"{SLOT_LABELS[k]}: {value_label(k, v)}" for k, v in assumed.items())
        who = scheme.facts.get("who_files")
        who_text = f" {fill(who.text, settings)}" if who and not who.unconfirmed else ""
        lines.append(f"- If {case}: {scheme.name} ({scheme.code}).{who_text}")
        options.append({"if": dict(assumed), "pathway": outcome_payload(outcome, facts, kb, settings)})
    lines.append("Once you know, tell me and I'll give you the outcome; our medical team can also help check.")
    all_sources = _unique_sources(outcome_sources(o, kb) for _, o in result.branches)
    reviewed = min(outcome_reviewed(o, kb) for _, o in result.branches)
    return [
        Message(text="\n".join(lines)),
        Message(text=sources_line(all_sources, reviewed)),
        Message(custom={"pathway_options": {"depends_on": list(result.depends_on), "options": options}}),
        handoff_offer(is_plain_audience(facts.get("role")), settings),
    ]


def unknown_explanation(slot: str, outcomes: Sequence[Outcome], kb: KnowledgeBase) -> str:
    """What an unknown fact decides, from the outcomes each value leads to."""
    label = SLOT_LABELS[slot]
    if slot == "country":
        return (
            "Every access scheme is national, so I need the country where the patient is treated "
            "(or will be) before I can say anything about the route."
        )
    if slot == "role":
        return "I need to know whether you are the treating physician, because only the treating physician can file."
    names = sorted({kb.schemes[o.scheme].name for o in outcomes})
    if len(names) > 1:
        return (
            f"That's fine. {label[0].upper() + label[1:]} decides between: {', '.join(names)}. "
            "I'll carry on and show you what each case means at the end."
        )
    return "That's fine: I'll carry on without it and tell you at the end if it matters."


def emergency_messages(country: Optional[str], kb: KnowledgeBase, settings: Settings) -> List[Message]:
    """The urgent contact, then the country's emergency routes from the
    knowledge base (the default country's while the country is unknown)."""
    text = (
        f"If treatment is needed within hours or days, contact {settings.urgent_contact} now. "
        "If the patient's life is in immediate danger, call the local emergency services."
    )
    messages = [Message(text=text)]
    for route in kb.routing_for(country or settings.default_country).emergency:
        messages.append(Message(text=fact_answer(route.fact, route.reviewed, settings, route.subject)))
    return messages
