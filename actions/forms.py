"""What every form question has in common: Rasa asks for slot X by running `action_ask_X`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


def ask_action(slot: str, question: Callable[[Tracker], dict[str, Any]]) -> type[Action]:
    """An action class that sends `question(tracker)` when the form needs `slot`."""

    class AskQuestion(Action):
        def name(self) -> str:
            return f"action_ask_{slot}"

        def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
            dispatcher.utter_message(json_message=question(tracker))
            return []

    AskQuestion.__name__ = AskQuestion.__qualname__ = f"Ask_{slot}"
    return AskQuestion
