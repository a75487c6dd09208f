"""The shape of content/handoff.yml, checked when content is loaded."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, validator

from bot.handoff.queue import OUTCOMES
from bot.replies import Message

QUESTIONS = (
    "handoff_consent",
    "handoff_goal",
    "handoff_strengths",
    "handoff_route",
    "handoff_phone",
    "handoff_message",
)


class HandoffContent(BaseModel):
    timezone: str
    closed_dates: list[date] = []
    questions: dict[str, Message]
    consent_declined: str
    closed: str
    nobody_online: str
    urgent: dict[str, str]
    waiting: str
    still_waiting: str
    claimed: str
    released: str
    closed_by_worker: str
    callback_saved: str
    message_saved: str
    no_contact: str
    phone_invalid: str
    stopped: str
    alert_to_worker: str
    outcomes: dict[str, str]

    @validator("timezone")
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}, e.g. Europe/Amsterdam") from error
        return value

    @validator("questions")
    def _every_question(cls, value: dict[str, Message]) -> dict[str, Message]:
        missing = [q for q in QUESTIONS if q not in value]
        if missing:
            raise ValueError(f"missing questions: {', '.join(missing)}")
        return value

    @validator("urgent")
    def _every_asker(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != {"ouder", "jongere"}:
            raise ValueError("needs a text for 'ouder' and for 'jongere'")
        return value

    @validator("outcomes")
    def _every_outcome(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(OUTCOMES):
            raise ValueError(f"needs a label for exactly these outcomes: {', '.join(OUTCOMES)}")
        return value
