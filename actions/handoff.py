"""'Talk to a person', at any point, and the fallback that ends there."""
from __future__ import annotations

import asyncio
import functools
import logging
from typing import Any, Callable, Dict, List, Optional, Set, Text, TypeVar

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    assessment_if_answered,
    context,
    dispatch,
    latest,
    nothing_started,
    read_message,
    respond,
    respond_in_form,
    state_before_message,
    state_of,
)
from bot import safety
from bot.conversation import HELP_FIRST, Turn, assessment_turn
from bot.handoff import dialogue, use_cases
from bot.handoff.requests import now_utc
from bot.handoff.summary import physician_summary
from bot.questions import question
from bot.slots import CONTACT_SLOTS, HANDOFF_STATE, STATUS_SLOTS
from bot.understanding import wants_a_person, wants_handoff
from mail.outbox import OutboxNotifier
from storage.engine import engine_for
from storage.requests import SqlRequestStore

log = logging.getLogger(__name__)
T = TypeVar("T")



def handoff_state(tracker: Tracker) -> Dict[str, Any]:
    return {**state_of(tracker), **{name: tracker.get_slot(name) for name in HANDOFF_STATE}}


def _store() -> SqlRequestStore:
    _, settings = context()
    return SqlRequestStore(engine_for(settings.database_url))


async def _blocking(call: Callable[..., T], *args: Any) -> T:
    """Run blocking work (SQL, SMTP) in a thread, so the action server's event
    loop keeps serving other conversations meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(call, *args))


# Background sends still running; asyncio keeps only weak references to tasks.
_SENDING: Set["asyncio.Task[bool]"] = set()


def _send_in_background(notifier: OutboxNotifier) -> None:
    # A task, not awaited: the confirmation does not wait for the mail server;
    # notify_team logs any failure and the outbox worker retries.
    task = asyncio.get_running_loop().create_task(_blocking(use_cases.notify_team, notifier))
    _SENDING.add(task)
    task.add_done_callback(_sent)


def _sent(task: "asyncio.Task[bool]") -> None:
    _SENDING.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("sending the team email failed; the outbox worker will retry", exc_info=task.exception())


class ActionHumanHandoff(Action):
    """'Talk to a person' or 'go ahead': urgent route first when needed, then
    the request (physicians) or a summary and a contact offer (others). The
    handoff form that follows collects the contact details."""

    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text, _ = latest(tracker)
        if tracker.get_slot("requested_slot") and not tracker.active_loop_name and not wants_handoff(text):
            # "it is, I can't work or walk anymore" classified as asking for a
            # person answers the open question: the assessment goes on, and
            # the handoff form the rule would start next is not run.
            answered, _ = assessment_if_answered(dispatcher, tracker)
            if answered is not None:
                return answered + [FollowupAction("action_listen")]
        typed = bool(text) and not text.startswith("/")  # a button ("Talk to a person") asks for a person
        if typed and not tracker.active_loop_name and nothing_started(state_of(tracker)) and not wants_a_person(text):
            # "hey, can someone help me" asks for help, not for a person: the
            # assistant begins, and says how to reach a person.
            kb, settings = context()
            state, read = read_message(tracker)
            turn = assessment_turn(state, kb, settings)
            return respond(dispatcher, Turn([HELP_FIRST] + turn.messages, turn.slots), read) + \
                [FollowupAction("action_listen")]
        return start_handoff(dispatcher, tracker)


class ActionLeaveHandoff(Action):
    """The contact form gives way to the assessment: asked for consent, the
    user asks to check a patient or states facts instead (rules/handoff.yml)."""

    def name(self) -> Text:
        return "action_leave_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return [ActiveLoop(None)] + respond(dispatcher, dialogue.left_for_assessment())


def start_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    kb, settings = context()
    state, read = read_message(tracker, handoff_state(tracker))
    step = dialogue.start(state, kb, settings, lambda: physician_summary(state, kb, settings))
    return respond(dispatcher, step, read)


def handoff_in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """'Let's go ahead and submit it' read as something else (a yes, a fact):
    the handoff starts all the same, never a "yes" to the open question."""
    text, intent = latest(tracker)
    if intent == "human_handoff" or tracker.active_loop_name or not wants_handoff(text):
        return None
    if nothing_started(state_before_message(tracker)) and not wants_a_person(text):
        # "I'm an oncologist in Nice and I'd like to request compassionate
        # access for my patient": the assessment first finds which route applies.
        return None
    return start_handoff(dispatcher, tracker) + [FollowupAction("handoff_form")]


def _ask_action(slot: str) -> type:
    """`action_ask_<slot>`: the form's question, worded for the audience."""

    async def run(self, dispatcher, tracker, domain):
        dispatch(dispatcher, [question(slot, handoff_state(tracker))])
        return []

    return type(f"ActionAsk_{slot}", (Action,), {"name": lambda self: f"action_ask_{slot}", "run": run})


ASK_ACTIONS = [_ask_action(slot) for slot in CONTACT_SLOTS + STATUS_SLOTS]


class ValidateHandoffForm(FormValidationAction):
    """Checks each contact answer (bot/handoff/dialogue.py) and decides which
    details are still needed: all of them for a physician's request, consent,
    name and email for a contact request, none once stopped."""

    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        return dialogue.required_slots(handoff_state(tracker))

    async def _check(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        text, intent = latest(tracker)
        step = dialogue.validate_answer(slot, value, text, intent, handoff_state(tracker))
        step = await _blocking(use_cases.keep_contact_detail, slot, step, tracker.sender_id, _store())
        return respond_in_form(dispatcher, step)

    async def validate_contact_name(self, value, dispatcher, tracker, domain):
        return await self._check("contact_name", value, dispatcher, tracker)

    async def validate_contact_institution(self, value, dispatcher, tracker, domain):
        return await self._check("contact_institution", value, dispatcher, tracker)

    async def validate_contact_email(self, value, dispatcher, tracker, domain):
        return await self._check("contact_email", value, dispatcher, tracker)

    async def validate_contact_phone(self, value, dispatcher, tracker, domain):
        return await self._check("contact_phone", value, dispatcher, tracker)

    async def validate_contact_time(self, value, dispatcher, tracker, domain):
        return await self._check("contact_time", value, dispatcher, tracker)

    async def validate_contact_consent(self, value, dispatcher, tracker, domain):
        return await self._check("contact_consent", value, dispatcher, tracker)


class ActionSubmitHandoff(Action):
    """Store the request (once per conversation) and confirm it."""

    def name(self) -> Text:
        return "action_submit_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        store = _store()
        submission = await _blocking(use_cases.submit_request, handoff_state(tracker), tracker.sender_id, store,
                                     kb, settings, now_utc)
        if submission.created:
            _send_in_background(OutboxNotifier.configured(store.engine, settings))
        return respond(dispatcher, submission.step)


class ValidateStatusForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_status_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        return [] if dialogue.too_many_attempts(handoff_state(tracker)) else list(STATUS_SLOTS)

    async def extract_status_reference(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        # "What's the status of MA-7K3Q-X9PD?" fills the reference at once.
        text, _ = latest(tracker)
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
        step = await _blocking(use_cases.look_up_status, handoff_state(tracker), _store(), settings)
        return respond(dispatcher, step)


class ActionDefaultFallback(Action):
    """Last stage of the fallback: offer a person instead of guessing."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        dispatcher.utter_message(text="I'm sorry, I still couldn't understand. A person can help you instead.")
        dispatch(dispatcher, safety.human_contact(settings, kb, tracker.get_slot("role"), tracker.get_slot("pathway")))
        return [UserUtteranceReverted()]
