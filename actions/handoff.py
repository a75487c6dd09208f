"""The warm hand-off: consent, two optional questions, then a live chat, a call-back or a message.

The logic lives in bot.handoff; these actions only move it in and out of
Rasa. A live chat pauses Rasa's conversation: from then on the gateway sends
the person's messages to the worker, and resumes Rasa when the worker closes.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any

import sqlite_utils
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import ask_action
from actions.triage import button_value, intent_of
from bot.content import current_content
from bot.handoff import intake
from bot.handoff.availability import availability
from bot.handoff.phone import dutch_phone
from bot.handoff.texts import QUESTIONS
from bot.replies import Message, reply
from bot.store import open_store

ROUTES = ("chat", "callback", "message", "geen")
_TYPED_ROUTES = {"bel": "callback", "terugbel": "callback", "telefoon": "callback", "bericht": "message"}


@lru_cache(maxsize=1)
def store() -> sqlite_utils.Database:
    return open_store()


def _asker(tracker: Tracker) -> str | None:
    return tracker.get_slot("triage_asker") or tracker.get_slot("asker")


class ActionHandoffStart(Action):
    """Forget the answers of an earlier hand-off; the form asks again."""

    def name(self) -> str:
        return "action_handoff_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return [SlotSet(slot, None) for slot in QUESTIONS]


class ActionHandoffStop(Action):
    def name(self) -> str:
        return "action_handoff_stop"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = current_content().handoff.stopped
        dispatcher.utter_message(json_message=reply(Message(text=text), handoff={"status": "declined"}))
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("handoff_offered", False)]


def _question(slot: str, tracker: Tracker) -> dict[str, Any]:
    """The question for `slot`; the route question first says honestly why nobody can chat now."""
    content = current_content()
    question = content.filled(content.handoff.questions[slot])
    if slot == "handoff_route":
        now = availability(store(), content)
        why = content.handoff.nobody_online if now.open else content.handoff.closed
        urgent = intake.urgent_lines(content, _asker(tracker))
        question = Message(text=f"{content.fill(why)}\n\n{urgent}\n\n{question.text}", buttons=question.buttons)
    return reply(question, handoff_question=slot)


ASK_ACTIONS = [ask_action(slot, partial(_question, slot)) for slot in QUESTIONS]


class ValidateHandoffForm(FormValidationAction):
    """Consent first; with consent the two optional questions; a route only when nobody can chat."""

    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots: list[str], dispatcher, tracker: Tracker, domain) -> list[str]:
        slots = ["handoff_consent"]
        if tracker.get_slot("handoff_consent") == "ja":
            slots += ["handoff_goal", "handoff_strengths"]
        slots.append("handoff_route")
        route = tracker.get_slot("handoff_route")
        if route == "callback":
            slots.append("handoff_phone")
        elif route == "message":
            slots.append("handoff_message")
        return slots

    def _again(self, dispatcher: CollectingDispatcher, text: str | None = None) -> None:
        content = current_content()
        dispatcher.utter_message(json_message=reply(Message(text=text or content.triage.not_understood)))

    def _live_chat_if_possible(self) -> dict[str, Any]:
        """Before the route question: go straight to a live chat when a worker can take it now."""
        return {"handoff_route": "chat"} if availability(store(), current_content()).live_chat else {}

    def validate_handoff_consent(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        typed = str(value or "").strip().lower()
        answer = button_value(tracker) or {"affirm": "ja", "deny": "nee"}.get(intent_of(tracker))
        answer = answer or {"ja": "ja", "nee": "nee", "goed": "ja", "prima": "ja", "oké": "ja", "ok": "ja"}.get(typed)
        if answer not in ("ja", "nee"):
            self._again(dispatcher)
            return {"handoff_consent": None}
        if answer == "nee":
            dispatcher.utter_message(json_message=reply(Message(text=current_content().handoff.consent_declined)))
            return {"handoff_consent": "nee", **self._live_chat_if_possible()}
        return {"handoff_consent": "ja"}

    def validate_handoff_goal(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"handoff_goal": button_value(tracker) or str(value).strip()}

    def validate_handoff_strengths(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"handoff_strengths": button_value(tracker) or str(value).strip(), **self._live_chat_if_possible()}

    def validate_handoff_route(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        typed = str(value or "").lower()
        answer = button_value(tracker) or next((r for w, r in _TYPED_ROUTES.items() if w in typed), None)
        answer = answer or ("geen" if intent_of(tracker) == "deny" else None)
        if answer not in ROUTES:
            self._again(dispatcher)
            return {"handoff_route": None}
        return {"handoff_route": answer}

    def validate_handoff_phone(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        number = dutch_phone(str(value or ""))
        if number is None:
            self._again(dispatcher, current_content().handoff.phone_invalid)
        return {"handoff_phone": number}

    def validate_handoff_message(self, value: Any, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return {"handoff_message": str(value).strip() or None}


class ActionHandoffSubmit(Action):
    def name(self) -> str:
        return "action_handoff_submit"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        handoff, replies = intake.submit(
            store(), current_content(), tracker.sender_id, tracker.current_slot_values(), tracker.events
        )
        for message in replies:
            dispatcher.utter_message(json_message=message)
        # The offer is taken; the rule that took a typed "ja" needed it set until the questions began.
        events: list[EventType] = [SlotSet("handoff_offered", False)]
        if handoff is None:
            return events
        events.append(SlotSet("handoff_id", handoff.id))
        return [*events, ConversationPaused()] if handoff.live else events
