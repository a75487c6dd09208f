"""What the assistant does when it cannot help or is not sure what was meant."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import advice, check
from bot.answers import TOPIC_INTENT_PREFIX, candidate_topics
from bot.content import current_content
from bot.replies import Button, Message, reply


class ActionSuggestTopics(Action):
    """A "Bedoel je ...?" with the likeliest topics as buttons."""

    def name(self) -> str:
        return "action_suggest_topics"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        content = current_content()
        ranking = tracker.latest_message.get("intent_ranking") or []
        topics = candidate_topics(ranking, set(content.topics))
        if about_danger := advice(tracker):
            dispatcher.utter_message(json_message=about_danger[0])
            return [UserUtteranceReverted()]
        if topics:
            question = content.message("suggest_topics")
            buttons = [Button(title=content.topics[t].label, payload=f"/{TOPIC_INTENT_PREFIX}{t}") for t in topics]
            outgoing = reply(Message(text=question.text, buttons=buttons), fallback=True, suggested_topics=topics)
        else:
            outgoing = reply(content.message("suggest_topics_none"), fallback=True)
        for message in [outgoing, *check(tracker)]:
            dispatcher.utter_message(json_message=message)
        # As Rasa's own fallback does: forget the unclear message, so the conversation goes on as before it.
        return [UserUtteranceReverted()]


class ActionOutOfScope(Action):
    """An honest "daar kan ik je niet mee helpen", with where to go instead."""

    def name(self) -> str:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = current_content().message("out_of_scope")
        for outgoing in advice(tracker) or [reply(message, fallback=True, out_of_scope=True), *check(tracker)]:
            dispatcher.utter_message(json_message=outgoing)
        return []
