"""The safety net's reply: crisis lines first, then the offer of an urgent hand-off."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.answers import candidate_topics
from bot.asker import detect_asker
from bot.content import current_content
from bot.safety import PROBABILITY, SIGNAL_ENTITY, TOPIC_ENTITY, Signal, unsure
from bot.triage import flow


def kinds_in(message: dict, entity: str) -> tuple[str, ...]:
    """The kinds the safety net put on a message as `entity` entities, each once."""
    return tuple(dict.fromkeys(str(e["value"]) for e in message.get("entities") or [] if e.get("entity") == entity))


def advice(tracker: Tracker, asker: str | None = None) -> list[dict]:
    """The reply to a message that names a danger it does not signal (where to talk about it); else nothing.

    It takes the place of the topic answer, fallback or small talk, which do not cover these dangers.
    """
    kinds = list(kinds_in(tracker.latest_message, TOPIC_ENTITY))
    asker = asker or tracker.get_slot("asker") or detect_asker(tracker.latest_message.get("text") or "")
    outgoing = flow.advice_reply(current_content(), kinds, asker) if kinds else None
    return [outgoing] if outgoing else []


def check(tracker: Tracker, asker: str | None = None) -> list[dict]:
    """The lines without alarm, to go after the usual answer when the classifier was unsure; else nothing.

    Once per conversation, and not after the crisis lines or the advice reply, which already gave them.
    """
    message = tracker.latest_message
    if not unsure(message.get(PROBABILITY) or 0.0, current_content().crisis) or advice(tracker, asker):
        return []
    if tracker.get_slot("safety_signal") or any(_gave_lines(event) for event in tracker.events):
        return []
    asker = asker or tracker.get_slot("asker") or detect_asker(message.get("text") or "")
    return [flow.check_reply(current_content(), asker)]


def _gave_lines(event: dict) -> bool:
    meta = ((event.get("data") or {}).get("custom") or {}).get("meta") or {}
    return event.get("event") == "bot" and bool(meta.get("check_lines"))


class ActionSafetyNet(Action):
    """The lines at once, whatever the conversation was doing: the triage ends, an urgent hand-off is offered."""

    in_handoff = False

    def name(self) -> str:
        return "action_safety_net"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = tracker.latest_message
        kinds = kinds_in(message, SIGNAL_ENTITY)
        asker = tracker.get_slot("triage_asker") or tracker.get_slot("asker")
        asker = asker or detect_asker(message.get("text") or "")
        signal = Signal(kinds=kinds, by_rule=bool(kinds), by_model=not kinds)
        content = current_content()
        likely = candidate_topics(message.get("intent_ranking") or [], set(content.topics))
        topic = likely[0] if likely else None
        for outgoing in flow.safety_net_replies(content, signal, asker, topic, in_handoff=self.in_handoff):
            dispatcher.utter_message(json_message=outgoing)
        seen = list(dict.fromkeys([*(tracker.get_slot("signal_kinds") or []), *kinds]))
        events: list[EventType] = [
            SlotSet("safety_signal", True),
            SlotSet("signal_kinds", seen),
            SlotSet("triage_level", "D"),
            SlotSet("triage_offered", False),
        ]
        if self.in_handoff:
            return [*events, *self._words_kept(tracker)]
        events.append(SlotSet("handoff_offered", True))
        if tracker.active_loop.get("name"):
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events

    def _words_kept(self, tracker: Tracker) -> list[EventType]:
        return []


class ActionSafetyNetInHandoff(ActionSafetyNet):
    """During the hand-off questions: the lines at once, then the hand-off goes on as urgent, not offered again."""

    in_handoff = True
    OWN_WORDS = ("handoff_goal", "handoff_strengths")

    def name(self) -> str:
        return "action_safety_net_handoff"

    def _words_kept(self, tracker: Tracker) -> list[EventType]:
        """A danger told in answer to "Wat zou je graag anders zien?" is still the answer: it is not asked again."""
        asked = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        return [SlotSet(asked, text)] if asked in self.OWN_WORDS and text else []
