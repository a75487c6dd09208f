"""Answer a topic question, or refine the answer once the age is known."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import advice, check
from bot.age import Age, parse_age
from bot.answers import TOPIC_INTENT_PREFIX, Known, answer_topic
from bot.asker import detect_asker
from bot.content import current_content
from bot.replies import reply


def age_in_message(message: dict[str, Any]) -> Age | None:
    """The age a button (entity) or the text gives; a bare number only when answering 'hoe oud?'."""
    for entity in message.get("entities") or []:
        if entity.get("entity") == "age_band":
            return Age(years=None, band=str(entity["value"]), phrase=str(entity["value"]))
    is_age_answer = (message.get("intent") or {}).get("name") == "inform_age"
    return parse_age(message.get("text") or "", bare_number=is_age_answer)


def known_from(tracker: Tracker) -> Known:
    years = tracker.get_slot("age_years")
    return Known(
        age_years=int(years) if years is not None else None,
        age_band=tracker.get_slot("age_band"),
        asker=tracker.get_slot("asker"),
    )


class ActionAnswerTopic(Action):
    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        content = current_content()
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name") or ""
        topic = intent[len(TOPIC_INTENT_PREFIX) :] if intent.startswith(TOPIC_INTENT_PREFIX) else None
        topic = topic or tracker.get_slot("topic")
        age = age_in_message(message)
        asker = detect_asker(message.get("text") or "", topic)
        known = known_from(tracker)

        if about_danger := advice(tracker, asker or known.asker):  # our topic answers do not cover it
            dispatcher.utter_message(json_message=about_danger[0])
            return [SlotSet("asker", asker or known.asker)]
        if topic not in content.topics:
            dispatcher.utter_message(json_message=reply(content.message("age_without_topic")))
            years, band = (age.years, age.band) if age else (known.age_years, known.age_band)
            return [
                SlotSet("age_years", years),
                SlotSet("age_band", band),
                SlotSet("asker", asker or known.asker),
            ]

        offer = tracker.get_slot("triage_level") is None and not tracker.get_slot("safety_signal")
        result = answer_topic(content, topic, age, asker, known, offer_triage=offer)
        for outgoing in result.messages + check(tracker, result.asker):
            dispatcher.utter_message(json_message=outgoing)
        return [
            SlotSet("topic", topic),
            SlotSet("age_years", result.age_years),
            SlotSet("age_band", result.age_band),
            SlotSet("asker", result.asker),
            SlotSet("triage_offered", result.offered_triage),
            SlotSet("handoff_offered", False),
        ]
