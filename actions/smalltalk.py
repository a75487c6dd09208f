"""Greetings, goodbyes, thanks, "wat kun je?", and control words outside the triage: one message each."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import advice, check
from bot.content import current_content
from bot.replies import reply

SMALLTALK_INTENTS = frozenset(
    {
        "greet",
        "goodbye",
        "thank",
        "capabilities",
        "affirm",
        "deny",
        "stop",
        "start_over",
        "previous_question",
        "triage_answer",
    }
)


class ActionSmalltalk(Action):
    def name(self) -> str:
        return "action_smalltalk"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        key = intent if intent in SMALLTALK_INTENTS else "affirm"
        for outgoing in advice(tracker) or [reply(current_content().message(key), smalltalk=key), *check(tracker)]:
            dispatcher.utter_message(json_message=outgoing)
        return [SlotSet("handoff_offered", False)]  # a "nee", or they moved on
