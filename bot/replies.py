"""The one shape every assistant message has on its way to the gateway.

Actions send each reply as Rasa's custom JSON payload in this shape, and the
gateway passes it on unchanged: `text`, `buttons`, and `meta`, the
machine-readable facts about the message (its topic, whether it is a
fallback, a hand-off, ...), so that tests, the widget and later the staff
inbox never have to guess from the wording.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Button(BaseModel):
    title: str
    payload: str


class Message(BaseModel):
    """One sentence (or a few) the assistant says, with optional buttons."""

    text: str = Field(min_length=1)
    buttons: list[Button] = []


def reply(message: Message, **meta: Any) -> dict[str, Any]:
    """A message as sent to the person, with its meta facts."""
    return {
        "text": message.text,
        "buttons": [button.dict() for button in message.buttons],
        "meta": meta,
    }
