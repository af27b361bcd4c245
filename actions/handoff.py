"""'Talk to a person', at any point, and the fallback that ends there."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import context, dispatch, read_message, respond, respond_in_form, state_of
from bot import safety
from bot.handoff import dialogue
from bot.handoff.mail import drain_outbox, mailer_for
from bot.handoff.records import Draft, clear_draft, create_request, load_draft, lookup_status, save_draft
from bot.handoff.summary import assessment_record, physician_summary, team_email
from bot.questions import question
from bot.storage import engine_for

# Human-readable names of intents for "Did you mean ...?"
INTENT_TITLES = {
    "start_assessment": "Check a patient's access options",
    "inform": "Give facts about the patient or product",
    "ask_info": "Ask about an access scheme",
    "human_handoff": "Talk to a person",
    "emergency": "It's an emergency",
    "report_adverse_event": "Report a side effect",
    "ask_medical_advice": "Ask for medical advice",
    "ask_efficacy_safety": "Ask whether a product is safe or works",
    "start_over": "Start over",
    "what_can_you_do": "See what I can do",
    "affirm": "Yes",
    "deny": "No",
    "dont_know": "I don't know",
}


HANDOFF_STATE = dialogue.HANDOFF_SLOTS + dialogue.STATUS_SLOTS + ("status_attempts",)


def handoff_state(tracker: Tracker) -> Dict[str, Any]:
    return {**state_of(tracker), **{name: tracker.get_slot(name) for name in HANDOFF_STATE}}


def _latest(tracker: Tracker) -> tuple[str, Optional[str]]:
    message = tracker.latest_message or {}
    return message.get("text") or "", (message.get("intent") or {}).get("name")


class ActionHumanHandoff(Action):
    """'Talk to a person' or 'go ahead': urgent route first when needed, then
    the request (physicians) or a summary and a contact offer (others). The
    handoff form that follows collects the contact details."""

    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        state, read = read_message(tracker, handoff_state(tracker))
        step = dialogue.start(state, kb, settings, lambda: physician_summary(state, kb, settings))
        return respond(dispatcher, step, read)


def _ask_action(slot: str) -> type:
    """`action_ask_<slot>`: the form's question, worded for the audience."""

    async def run(self, dispatcher, tracker, domain):
        dispatch(dispatcher, [question(slot, handoff_state(tracker))])
        return []

    return type(f"ActionAsk_{slot}", (Action,), {"name": lambda self: f"action_ask_{slot}", "run": run})


ASK_ACTIONS = [_ask_action(slot) for slot in dialogue.CONTACT_SLOTS + dialogue.STATUS_SLOTS]


class ValidateHandoffForm(FormValidationAction):
    """Checks each contact answer (bot/handoff/dialogue.py) and decides which
    details are still needed: all of them for a physician's request, consent,
    name and email for a contact request, none once stopped."""

    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        return dialogue.required_slots(handoff_state(tracker))

    def _check(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        text, intent = _latest(tracker)
        step = dialogue.validate_answer(slot, value, text, intent, handoff_state(tracker))
        kept = dialogue.for_draft(slot, step)
        if kept:
            _, settings = context()
            save_draft(engine_for(settings.database_url), tracker.sender_id, *kept)
        return respond_in_form(dispatcher, step)

    def validate_contact_name(self, value, dispatcher, tracker, domain):
        return self._check("contact_name", value, dispatcher, tracker)

    def validate_contact_institution(self, value, dispatcher, tracker, domain):
        return self._check("contact_institution", value, dispatcher, tracker)

    def validate_contact_email(self, value, dispatcher, tracker, domain):
        return self._check("contact_email", value, dispatcher, tracker)

    def validate_contact_phone(self, value, dispatcher, tracker, domain):
        return self._check("contact_phone", value, dispatcher, tracker)

    def validate_contact_time(self, value, dispatcher, tracker, domain):
        return self._check("contact_time", value, dispatcher, tracker)

    def validate_contact_consent(self, value, dispatcher, tracker, domain):
        return self._check("contact_consent", value, dispatcher, tracker)


class ActionSubmitHandoff(Action):
    """Store the request (once per conversation) and confirm it."""

    def name(self) -> Text:
        return "action_submit_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        state = handoff_state(tracker)
        if not state.get("handoff_reference") and (state.get("handoff_cancelled") or not state.get("contact_consent")):
            clear_draft(engine_for(settings.database_url), tracker.sender_id)  # nothing is kept
            step = dialogue.not_sent(state, settings)
            return respond(dispatcher, step)
        kind = dialogue.kind_for(state.get("role"))
        record = assessment_record(state, kb, settings)
        engine = engine_for(settings.database_url)
        contact = dialogue.contact_of(load_draft(engine, tracker.sender_id), state)
        urgent = bool(state.get("emergency"))
        draft = Draft(tracker.sender_id, kind, urgent, state.get("country"), record, contact)
        notify = {"recipient": settings.team_email, **team_email(kind, urgent, tracker.sender_id, record, contact, kb)}
        loop = asyncio.get_running_loop()
        request, created = await loop.run_in_executor(
            None, lambda: create_request(engine, draft, settings.ack_business_days, settings.default_country, notify))
        clear_draft(engine, tracker.sender_id)
        if created:
            # Send now if the mail server answers; otherwise the outbox worker retries.
            loop.run_in_executor(None, lambda: drain_outbox(engine, mailer_for(settings), settings.mail_from))
        step = dialogue.confirmation(request, created, settings)
        return respond(dispatcher, step)


class ValidateStatusForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_status_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        return [] if dialogue.too_many_attempts(handoff_state(tracker)) else list(dialogue.STATUS_SLOTS)

    async def extract_status_reference(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        # "What's the status of MA-7K3Q-X9PD?" fills the reference at once.
        text, _ = _latest(tracker)
        found = dialogue.reference_in(text)
        return {"status_reference": found} if found and not tracker.get_slot("status_reference") else {}

    def validate_status_reference(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        step = dialogue.validate_status_reference(str(value or ""))
        return respond_in_form(dispatcher, step)

    def validate_status_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        step = dialogue.validate_status_email(str(value or ""))
        return respond_in_form(dispatcher, step)


class ActionStatusLookup(Action):
    """Status and dates of a request, only for the email that filed it."""

    def name(self) -> Text:
        return "action_status_lookup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        state = handoff_state(tracker)
        attempts = int(state.get("status_attempts") or 0)
        if dialogue.too_many_attempts(state) or not state.get("status_reference") or not state.get("status_email"):
            step = dialogue.status_answer(None, state.get("status_reference") or "", max(attempts, dialogue.MAX_STATUS_ATTEMPTS - 1), settings)
        else:
            engine = engine_for(settings.database_url)
            view = await asyncio.get_running_loop().run_in_executor(
                None, lambda: lookup_status(engine, state["status_reference"], state["status_email"]))
            step = dialogue.status_answer(view, state["status_reference"], attempts, settings)
        return respond(dispatcher, step)


class ActionDefaultAskAffirmation(Action):
    """First stage of the fallback: offer the likeliest meanings in words."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        ranking = [i for i in tracker.latest_message.get("intent_ranking", []) if i.get("name") != "nlu_fallback"]
        buttons = [
            {"title": INTENT_TITLES[i["name"]], "payload": f"/{i['name']}"}
            for i in ranking[:2]
            if i.get("name") in INTENT_TITLES
        ]
        buttons.append({"title": "Something else", "payload": "/out_of_scope"})
        dispatcher.utter_message(text="Sorry, I'm not sure I understood. Did you mean one of these?", buttons=buttons)
        return []


class ActionDefaultFallback(Action):
    """Last stage of the fallback: offer a person instead of guessing."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        dispatcher.utter_message(text="I'm sorry, I still couldn't understand. A person can help you instead.")
        dispatch(dispatcher, safety.human_contact(settings, kb, tracker.get_slot("role"), tracker.get_slot("pathway")))
        return [UserUtteranceReverted()]


class ActionDefaultAskRephrase(Action):
    """Second stage of the fallback."""

    def name(self) -> Text:
        return "action_default_ask_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text="Sorry, I still didn't understand. Could you say it another way?")
        return []
