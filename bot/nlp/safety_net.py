"""The safety net as the last step of Rasa's NLU pipeline.

Every message passes through here, inside and outside the triage, before
Rasa decides what to do. When `bot.safety.detect` sees danger, the intent
becomes `crisis` and each signal kind is added as a `signal_kind` entity, so
the rules for `crisis` override whatever the conversation was doing. When
the model said `crisis` but the safety net disagrees (a figure of speech),
the next intent takes its place. The patterns are read from
content/crisis.yml at run time: editing them needs no retraining.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.content import current_content
from bot.safety import CRISIS_INTENT, SIGNAL_ENTITY, detect


def _crisis_confidence(message: Message) -> float:
    ranking = message.get(INTENT_RANKING_KEY) or []
    return max((e.get("confidence") or 0.0 for e in ranking if e.get("name") == CRISIS_INTENT), default=0.0)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyNet(GraphComponent, IntentClassifier):
    """Overrides the intent with `crisis` when the model or the patterns see danger."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        crisis = current_content().crisis
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button's payload, not words typed by a person
            signal = detect(text, crisis, CRISIS_INTENT, _crisis_confidence(message))
            if signal is None:
                self._undo_model_crisis(message)
                continue
            message.set(INTENT, {"name": CRISIS_INTENT, "confidence": 1.0}, add_to_output=True)
            entities = list(message.get(ENTITIES) or [])
            entities += [
                {
                    "entity": SIGNAL_ENTITY,
                    "value": kind,
                    "start": 0,
                    "end": len(text),
                    "extractor": "SafetyNet",
                }
                for kind in signal.kinds
            ]
            message.set(ENTITIES, entities, add_to_output=True)
        return messages

    @staticmethod
    def _undo_model_crisis(message: Message) -> None:
        if (message.get(INTENT) or {}).get("name") != CRISIS_INTENT:
            return
        ranking = [e for e in message.get(INTENT_RANKING_KEY) or [] if e.get("name") != CRISIS_INTENT]
        message.set(INTENT, ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0}, add_to_output=True)
