"""Typed request and response bodies of the public API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, StrictStr, constr, validator

from bot.handoff.queue import MAX_NOTE_LENGTH, OUTCOMES

MAX_TEXT_LENGTH = 2000
CONVERSATION_ID = r"^[A-Za-z0-9_-]{1,64}$"


def _is_a_message(value: str) -> str:
    if not value.strip():
        raise ValueError("text is empty; type a message")
    if len(value) > MAX_TEXT_LENGTH:
        raise ValueError(f"text is longer than {MAX_TEXT_LENGTH} characters; shorten it")
    return value


class ChatRequest(BaseModel):
    conversation_id: StrictStr = Field(..., regex=CONVERSATION_ID)
    text: StrictStr

    _text_is_a_message = validator("text", allow_reuse=True)(_is_a_message)


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    seq: int | None = None
    text: str
    buttons: list[Button] = []
    meta: dict[str, Any] = {}


class HelpLine(BaseModel):
    name: str
    text: str


class HelpResponse(BaseModel):
    title: str
    lines: list[HelpLine]


class HandoffState(BaseModel):
    id: str
    status: str
    mode: str


class ChatResponse(BaseModel):
    messages: list[BotMessage]
    handoff: HandoffState | None = None


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


class LoginRequest(BaseModel):
    username: StrictStr = Field(..., max_length=64)
    password: StrictStr = Field(..., max_length=1024)


class LoginResponse(BaseModel):
    token: str
    username: str
    display_name: str


class Outcome(BaseModel):
    id: str
    label: str


class Me(BaseModel):
    username: str
    display_name: str
    outcomes: list[Outcome]


class WorkerState(BaseModel):
    username: str
    display_name: str
    online: bool
    holding: list[str]


class HandoffItem(BaseModel):
    id: str
    level: str
    topics: list[str]
    topic_labels: list[str]
    status: str
    mode: str
    waiting_seconds: int
    claimed_by: str | None
    alert: bool
    created_at: str


class LiveMessage(BaseModel):
    seq: int
    sender: str = Field(..., alias="from")
    text: str
    at: str

    class Config:
        allow_population_by_field_name = True


class HandoffDetail(HandoffItem):
    summary: dict[str, Any]
    summary_lines: list[str]
    messages: list[LiveMessage]
    outcome: str | None
    note: str | None
    signal_kinds: list[str]


class StaffMessageRequest(BaseModel):
    text: StrictStr

    _text_is_a_message = validator("text", allow_reuse=True)(_is_a_message)


class SentMessage(BaseModel):
    seq: int


class CloseRequest(BaseModel):
    outcome: Literal[OUTCOMES]  # type: ignore[valid-type]
    note: constr(max_length=MAX_NOTE_LENGTH) = ""  # type: ignore[valid-type]
