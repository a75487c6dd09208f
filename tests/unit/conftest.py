"""Build rasa_sdk trackers the way Rasa sends them to the action server."""

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    text: str,
    intent: str,
    *,
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    ranking: list[tuple[str, float]] | None = None,
    probability: float | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    ranking = ranking or [(intent, 0.9)]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": ranking[0][1]},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
        "entities": entities or [],
    }
    if probability is not None:
        latest["crisis_probability"] = probability  # the safety net puts it on every typed message
    return Tracker("test", slots or {}, latest, events or [], False, None, {}, "action_listen")


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def sent(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """The messages an action sent, in our reply shape."""
    return [message["custom"] for message in dispatcher.messages]
