"""A request for a person. For now: the CJG's contact route (the live hand-off comes later)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.content import current_content
from bot.replies import reply


class ActionContactRoute(Action):
    def name(self) -> str:
        return "action_contact_route"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = current_content().message("contact_route")
        dispatcher.utter_message(json_message=reply(message, handoff={"status": "contact_route"}))
        return []
