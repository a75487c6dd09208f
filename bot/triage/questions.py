"""The triage's wording and answer options, as CJG staff keep them in content/triage.yml."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, root_validator, validator

from bot.replies import Button
from bot.triage.protocol import ANSWER_VALUES, LEVELS, QUESTION_ORDER
from bot.triage.rules import TriageRules


class AnswerOption(BaseModel):
    value: str
    button: str
    phrases: list[str] = []


class Question(BaseModel):
    text: dict[str, str]
    answers: list[AnswerOption] = []
    more: dict[str, str] = {}
    ask_open: dict[str, str] = {}
    done_button: str | None = None
    skip_button: str | None = None

    @validator("text")
    def _has_parent_wording(cls, value: dict[str, str]) -> dict[str, str]:
        if "ouder" not in value:
            raise ValueError("every question needs an 'ouder' wording")
        return value

    def text_for(self, asker: str | None, field: str = "text") -> str:
        """The wording for this asker; a professional gets the parent's wording."""
        wording: dict[str, str] = getattr(self, field)
        return wording.get(asker or "ouder") or wording["ouder"]


class LevelResult(BaseModel):
    text: str
    offer: str | None = None


class TriageContent(BaseModel):
    version: int
    offer: str
    offer_worry: str
    offer_buttons: list[Button]
    start: str
    stopped: str
    restarted: str
    skipped: str
    noted_ahead: str
    not_understood: str
    questions: dict[str, Question]
    rules: TriageRules
    results: dict[str, LevelResult]
    reasons_intro: str
    handoff_buttons: dict[str, list[Button]]

    @root_validator(pre=True)
    def _rules_from_the_same_file(cls, values: dict[str, Any]) -> dict[str, Any]:
        values["rules"] = {"thresholds": values.pop("thresholds", {}), "rules": values.get("rules", [])}
        return values

    @validator("questions")
    def _protocol_questions(cls, questions: dict[str, Question]) -> dict[str, Question]:
        if tuple(questions) != QUESTION_ORDER:
            raise ValueError(f"questions must be exactly, in this order: {QUESTION_ORDER}")
        for qid, values in ANSWER_VALUES.items():
            given = tuple(option.value for option in questions[qid].answers)
            if set(given) != set(values):
                raise ValueError(f"{qid}: answers must be {values}, not {given}")
        return questions

    @validator("results")
    def _every_level(cls, results: dict[str, LevelResult]) -> dict[str, LevelResult]:
        if set(results) != set(LEVELS):
            raise ValueError(f"results need exactly the levels {LEVELS}")
        return results

    @validator("handoff_buttons")
    def _buttons_where_offered(cls, buttons: dict[str, list[Button]], values: dict[str, Any]) -> dict:
        for level, result in values.get("results", {}).items():
            if result.offer and not buttons.get(level):
                raise ValueError(f"level {level} makes an offer but has no handoff_buttons")
        return buttons
