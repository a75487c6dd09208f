"""Read past a greeting in front of a question, as the first NLU step.

Parents often open and ask in one message: "goedemiddag, mijn zoon van 4 wil
niet slapen". The intent classifier learned greetings from messages that are
only a greeting, so it took such a message for one and answered "Hoi! Waar
wil je het over hebben?" (docs/nlu-benchmark.md). Rather than teach every
intent every greeting, the greeting is left out before the message is read,
when enough words follow it to be a message of their own. A greeting alone
("hallo", "hoi allemaal") is read as it was typed. Training data is not
changed: the examples are what people type after the greeting.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# "dag" is left out ("dag en nacht huilt ze"), and "beste" counts only with a comma after it ("beste, ...").
_GREETING = re.compile(
    r"^\s*(?:(?:(?:hallo|hello|hoi|hooi|hey|heey|hee|hai|hi|hoihoi|goedendag|goeiedag|"
    r"goede(?:morgen|middag|navond)|goeie(?:morgen|middag|navond))"
    r"(?:\s+(?:daar|allemaal|cjg|assistent))?(?:[\s,.!:;-]+|$)|beste(?:\s+cjg)?\s*[,!:]\s*))+",
    re.IGNORECASE,
)
MIN_WORDS_AFTER = 2  # "hallo Anna" stays a greeting; "hey hij spijbelt" is a question


def without_greeting(text: str) -> str:
    """The message without a greeting in front, or the message as typed when little or nothing follows it."""
    match = _GREETING.match(text)
    if not match or not match.group(0).strip():
        return text
    rest = text[match.end() :]
    return rest if len(rest.split()) >= MIN_WORDS_AFTER else text


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class LeadingGreeting(GraphComponent):
    """Leaves out a greeting in front of a message before the rest of the pipeline reads it."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LeadingGreeting:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if text and not text.startswith("/"):
                message.set(TEXT, without_greeting(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
