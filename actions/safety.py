"""The safety net's reply: crisis lines first, then the offer of an urgent hand-off."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.asker import detect_asker
from bot.content import current_content
from bot.safety import SIGNAL_ENTITY, Signal
from bot.triage import flow


class ActionSafetyNet(Action):
    def name(self) -> str:
        return "action_safety_net"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = tracker.latest_message
        kinds = tuple(dict.fromkeys(str(e["value"]) for e in message.get("entities") or []
                                    if e.get("entity") == SIGNAL_ENTITY))  # fmt: skip
        asker = tracker.get_slot("triage_asker") or tracker.get_slot("asker")
        asker = asker or detect_asker(message.get("text") or "")
        signal = Signal(kinds=kinds, by_rule=bool(kinds), by_model=not kinds)
        for outgoing in flow.safety_net_replies(current_content(), signal, asker):
            dispatcher.utter_message(json_message=outgoing)
        seen = list(dict.fromkeys([*(tracker.get_slot("signal_kinds") or []), *kinds]))
        events: list[EventType] = [
            SlotSet("safety_signal", True),
            SlotSet("signal_kinds", seen),
            SlotSet("triage_level", "D"),
            SlotSet("triage_offered", False),
        ]
        if tracker.active_loop.get("name"):
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
