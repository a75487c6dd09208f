"""Typed request and response bodies of the public API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, StrictStr, validator

MAX_TEXT_LENGTH = 2000


class ChatRequest(BaseModel):
    conversation_id: StrictStr = Field(..., regex=r"^[A-Za-z0-9_-]{1,64}$")
    text: StrictStr

    @validator("text")
    def _text_is_a_message(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty; type a message")
        if len(value) > MAX_TEXT_LENGTH:
            raise ValueError(f"text is longer than {MAX_TEXT_LENGTH} characters; shorten it")
        return value


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: str
    buttons: list[Button] = []
    meta: dict[str, Any] = {}


class ChatResponse(BaseModel):
    messages: list[BotMessage]


class ServiceState(BaseModel):
    up: bool
    detail: str


class HealthResponse(BaseModel):
    status: str
    rasa: ServiceState
    action_server: ServiceState


class ErrorResponse(BaseModel):
    error: str
    details: list[dict[str, Any]] = []
