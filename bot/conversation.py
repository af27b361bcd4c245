"""What the assistant says in an assessment turn, given the slots after the
user's message: emergency route first, corrections acknowledged, "I don't
know" explained, then the next question or the outcome. Pure: returns
messages and slot updates; the Rasa actions only dispatch them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set

from bot.config import Settings
from bot.facts import FACT_SLOTS, QUESTION_ORDER, REQUIRED_KNOWN, known_facts
from bot.knowledge import KnowledgeBase
from bot.pathway import Need, Outcome, assess, depends_on
from bot.questions import question, rephrased
from bot.render import (
    SLOT_LABELS,
    Message,
    conditional_messages,
    emergency_messages,
    outcome_messages,
    unknown_explanation,
    value_label,
)
from bot.slots import HELPER_SLOTS


@dataclass
class Turn:
    messages: List[Message] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)


def _outcome_key(result) -> str:
    if isinstance(result, Outcome):
        return f"{result.scheme}|{result.eligible}|{','.join(result.unmet_criteria)}"
    return "options|" + ";".join(f"{sorted(a.items())}>{o.scheme}" for a, o in result.branches)


def emergency_turn(state: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> Turn:
    """The emergency route, once per conversation unless asked again."""
    return Turn(emergency_messages(state.get("country"), kb, settings), {"emergency": True, "emergency_notified": True})


def assessment_turn(state: Mapping[str, Any], kb: KnowledgeBase, settings: Settings) -> Turn:
    turn = Turn()
    facts = known_facts(state)
    unknown: Set[str] = set(state.get("unknown_facts") or []) - set(facts)
    requested = state.get("requested_slot")
    heard = set(state.get("turn_facts") or [])
    corrected = [s for s in (state.get("corrected") or []) if s in facts]

    if facts.get("emergency") and not state.get("emergency_notified"):
        emergency = emergency_turn(state, kb, settings)
        turn.messages += emergency.messages
        turn.slots.update(emergency.slots)

    if corrected:
        changes = ", ".join(f"{SLOT_LABELS[s]}: {value_label(s, facts[s])}" for s in corrected)
        turn.messages.append(Message(text=f"Noted, I've updated {changes}."))

    newly_unknown = requested in unknown and requested in heard
    if newly_unknown:
        if requested in REQUIRED_KNOWN:
            turn.messages.append(Message(text=unknown_explanation(requested, [], kb)))
        else:
            options = depends_on(requested, facts, kb, frozenset(unknown))
            turn.messages.append(Message(text=unknown_explanation(requested, options, kb)))

    result = assess(facts, kb, frozenset(unknown - set(REQUIRED_KNOWN)))
    missed = int(state.get("missed") or 0)
    if isinstance(result, Need) and result.slot == requested and requested not in heard and not newly_unknown:
        # The open question is still open after this message.
        missed += 1
        noted = [s for s in heard if s in facts and s != requested and s not in corrected]
        if noted:
            turn.messages.append(Message(text="Noted: " + "; ".join(
                f"{SLOT_LABELS[s]}: {value_label(s, facts[s])}" for s in sorted(noted, key=_order)) + "."))
        if missed >= 3:
            giving_up = _stop_asking(requested, facts, unknown, kb, settings, turn)
            if giving_up is not None:
                return giving_up
            result = assess(facts, kb, frozenset((unknown | {requested}) - set(REQUIRED_KNOWN)))
            unknown = unknown | {requested}
            missed = 0
    elif state.get("missed"):
        missed = 0
    if missed != int(state.get("missed") or 0):
        turn.slots["missed"] = missed
    if isinstance(result, Need):
        if result.slot == requested and missed == 1 and not turn.messages:
            turn.messages.append(Message(text=(
                "Sorry, I didn't catch that. You can use the buttons or answer in your own words.")))
        if result.slot == requested and missed == 2:
            extra = "" if requested in REQUIRED_KNOWN else " You can also say \"I don't know\"."
            turn.messages.append(Message(text=(
                f"Let me put it another way.{extra} If you'd rather talk to a person, say \"talk to a person\".")))
            turn.messages.append(rephrased(requested, {**state, **facts}))
        else:
            turn.messages.append(question(result.slot, {**state, **facts}))
        turn.slots["requested_slot"] = result.slot
        if state.get("outcome_key"):
            turn.slots.update({"pathway": None, "outcome_key": None})
        return turn

    key = _outcome_key(result)
    turn.slots["requested_slot"] = None
    if key == state.get("outcome_key") and not corrected:
        name = kb.schemes[result.scheme].name if isinstance(result, Outcome) else "the cases above"
        turn.messages.append(
            Message(text=f"Noted. That doesn't change the outcome: {name}. Ask me anything about it, or say 'start over' for another patient.")
        )
        return turn
    updated = bool(state.get("outcome_key"))
    if isinstance(result, Outcome):
        turn.messages += outcome_messages(result, facts, kb, settings, updated=updated)
        turn.slots.update({"pathway": result.scheme, "outcome_key": key})
    else:
        turn.messages += conditional_messages(result, facts, kb, settings)
        turn.slots.update({"pathway": None, "outcome_key": key})
    return turn


def _order(slot: str) -> int:
    return QUESTION_ORDER.index(slot) if slot in QUESTION_ORDER else len(QUESTION_ORDER)


def _stop_asking(slot: str, facts: Mapping[str, Any], unknown: Set[str], kb: KnowledgeBase, settings: Settings,
                 turn: Turn) -> Optional[Turn]:
    """A third miss: the question is not asked again. A fact the assessment
    can go on without is left open (the outcome will say what it decides);
    without the role or the country nothing can be assessed, so the bot
    says so and offers a person (the turn to return), asking nothing."""
    if slot not in REQUIRED_KNOWN:
        turn.messages.append(Message(text=(
            f"I'll leave {SLOT_LABELS[slot]} open for now; at the end I'll show what it changes.")))
        turn.slots["unknown_facts"] = sorted(unknown | {slot})
        turn.slots["missed"] = 0
        return None
    turn.messages.append(Message(text=(
        f"I'm sorry, I still can't tell {SLOT_LABELS[slot]}, and I need it to find the right scheme. "
        f"Tell me whenever you like in other words, or talk to our team: {settings.medical_info_contact}.")))
    turn.slots.update({"requested_slot": None, "missed": 0})
    return turn


# Asked for help before anything is known ("hey, can someone help me"): the
# assistant begins, and says how to reach a person.
HELP_FIRST = Message(text=(
    "I can help: a few questions will show which access route fits the patient's situation. "
    "If you'd rather talk to a person from our team, just say so."))

# After an answer given before any assessment: the way on, as the greeting offers it.
OFFER = Message(
    text="Shall we check whether a particular patient can get it? Just say yes, or tell me about the patient.",
    buttons=[{"title": "Yes, check a patient's options", "payload": "/start_assessment"}],
)


def resume_turn(state: Mapping[str, Any], offer: bool = False) -> Turn:
    """After a side remark or question: the open question again, if there is
    one. It counts as asking again, so the repair ladder applies: the second
    time it is put another way, and a third time it is not repeated (the
    question stays open and an answer is still taken). With `offer`, when no
    assessment is under way and none has ended, the assessment is offered:
    an answer alone left people with nothing to reply to."""
    requested = state.get("requested_slot")
    if not requested:
        return Turn([OFFER]) if offer and not state.get("pathway") else Turn()
    missed = int(state.get("missed") or 0) + 1
    if missed >= 3:
        return Turn([Message(text=(
            "Whenever you're ready, answer the question above in your own words, say \"I don't know\", "
            "or say \"talk to a person\"."))], {"missed": 0})
    asked = rephrased(requested, state) if missed == 2 else question(requested, state)
    return Turn([Message(text="Back to the assessment."), asked], {"missed": missed})


NO_PROBLEM = "No problem. You can ask me about the access schemes, or say 'check a patient' whenever you're ready."


def reset_slots() -> Dict[str, Any]:
    """Everything the assessment gathered, cleared for a new patient."""
    slots = {s: None for s in FACT_SLOTS if s != "role"}
    slots.update({s: None for s in HELPER_SLOTS})
    slots.update({"pathway": None, "requested_slot": None, "unknown_facts": []})
    return slots


def extraction_updates(
    current: Mapping[str, Any], new_facts: Mapping[str, Any], unknown: Iterable[str], approved_only_in: Optional[str]
) -> Dict[str, Any]:
    """Slot updates for what the user's message said: only the slots whose
    value changes, since every update is one more event that each later turn
    loads and sends to the action server."""
    wanted: Dict[str, Any] = dict(new_facts)
    known_unknown = set(current.get("unknown_facts") or []) - set(new_facts)
    wanted["unknown_facts"] = sorted(known_unknown | set(unknown))
    if approved_only_in:
        wanted["approved_only_in"] = approved_only_in
    wanted["turn_facts"] = sorted(set(new_facts) | set(unknown))
    wanted["corrected"] = [s for s, v in new_facts.items() if current.get(s) is not None and current.get(s) != v]
    return {slot: value for slot, value in wanted.items() if _differs(current.get(slot), value)}


def _differs(old: Any, new: Any) -> bool:
    # An unset list slot and an empty list mean the same.
    if isinstance(new, list) and not new and not old:
        return False
    return old != new
