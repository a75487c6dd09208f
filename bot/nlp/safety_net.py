"""The safety net as the last step of Rasa's NLU pipeline.

Every message passes through here, inside and outside the triage, before
Rasa decides what to do. When `bot.safety.detect` sees danger, the intent
becomes `crisis` and each signal kind is added as a `signal_kind` entity, so
the rules for `crisis` override whatever the conversation was doing. When
the model said `crisis` but the safety net disagrees (a figure of speech),
the next intent takes its place. A message with no danger signal that names
a danger by its topic words gets those kinds as `danger_topic` entities, so
the answer can add where to ask advice. The patterns are read from
content/crisis.yml at run time: editing them needs no retraining.

A typed answer to a triage question comes with the question's id in its
metadata (the gateway puts it there); the classifier alone then needs
`answer_threshold`, and none for an answer made only of the question's
answer phrases (`bot.safety.detect`).

"The model" here is the binary crisis classifier of `bot.nlp.crisis_model`,
trained in this component at `rasa train` and stored with the Rasa model;
its probability is in the parse result as `crisis_probability`.
"""

from __future__ import annotations

from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.pipeline import Pipeline

from bot.content import current_content
from bot.nlp import crisis_model
from bot.safety import (
    ANSWERING,
    CRISIS_INTENT,
    PROBABILITY,
    SHORT_ANSWERS,
    SIGNAL_ENTITY,
    TOPIC_ENTITY,
    detect,
    topic_kinds,
)

MODEL_FILE = "crisis_model.joblib"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyNet(GraphComponent, IntentClassifier):
    """Overrides the intent with `crisis` when the crisis classifier or the patterns see danger."""

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: Pipeline | None = None
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def required_components(cls) -> list[type]:
        # It trains on the raw examples; at run time config.yml puts it after the intent classifier.
        return []

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls(config, model_storage, resource)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"C": 16.0, "extra_examples": []}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        return crisis_model.training_digest(config.get("extra_examples") or [])

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        extra_texts, extra_labels = crisis_model.extra_examples(self._config.get("extra_examples") or [])
        texts = [m.get(TEXT) for m in examples] + extra_texts
        labels = [m.get(INTENT) == CRISIS_INTENT for m in examples] + extra_labels
        self._model = crisis_model.fit(texts, labels, self._config["C"])
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyNet:
        with model_storage.read_from(resource) as directory:
            return cls(config, model_storage, resource, joblib.load(directory / MODEL_FILE))

    def process(self, messages: list[Message]) -> list[Message]:
        crisis = current_content().crisis
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button's payload, not words typed by a person
            probability = crisis_model.probability(self._model, text) if self._model is not None else 0.0
            message.set(PROBABILITY, probability, add_to_output=True)
            question = (message.get("metadata") or {}).get(ANSWERING)
            answering = current_content().triage.questions[question] if question in SHORT_ANSWERS else None
            signal = detect(text, crisis, probability, answering=answering)
            if signal is None:
                self._undo_model_crisis(message)
                self._add_entities(message, TOPIC_ENTITY, topic_kinds(text, crisis))
                continue
            message.set(INTENT, {"name": CRISIS_INTENT, "confidence": 1.0}, add_to_output=True)
            self._add_entities(message, SIGNAL_ENTITY, signal.kinds)
        return messages

    @staticmethod
    def _add_entities(message: Message, entity: str, kinds: tuple[str, ...] | list[str]) -> None:
        if not kinds:
            return
        text = message.get(TEXT) or ""
        found = [{"entity": entity, "value": k, "start": 0, "end": len(text), "extractor": "SafetyNet"} for k in kinds]
        message.set(ENTITIES, [*(message.get(ENTITIES) or []), *found], add_to_output=True)

    @staticmethod
    def _undo_model_crisis(message: Message) -> None:
        if (message.get(INTENT) or {}).get("name") != CRISIS_INTENT:
            return
        ranking = [e for e in message.get(INTENT_RANKING_KEY) or [] if e.get("name") != CRISIS_INTENT]
        message.set(INTENT, ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0}, add_to_output=True)
