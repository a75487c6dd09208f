"""The triage's scoring engine: answers in, level and reasons out.

A pure function over plain data, with no Rasa import, so every rule and
every boundary can be tested in a table. The rules and thresholds are read
from content/triage.yml (`TriageRules`), so the CJG can tune them without
touching this code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, validator

from bot.triage.protocol import ANSWER_VALUES, LEVELS, MULTI_ANSWER, NONE_VALUES


@dataclass(frozen=True)
class Answers:
    """What the triage learned; None where a question was not answered."""

    asker: str | None = None
    age_years: int | None = None
    topics: tuple[str, ...] = ()
    topic_domains: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    duration: str | None = None
    impact: str | None = None
    capacity: str | None = None
    network: str | None = None
    risks: tuple[str, ...] = ()
    safe_now: str | None = None
    harm: str | None = None
    signal: bool = False

    def count(self, question: str) -> int:
        """Distinct answers to a multi-answer question; `domains` includes the topics' own."""
        values = set(getattr(self, question)) - {NONE_VALUES[question]}
        if question == "domains":
            values |= set(self.topic_domains)
        return len(values)


class Rule(BaseModel):
    id: str
    level: str
    when: dict[str, Any]
    text: str

    @validator("level")
    def _known_level(cls, value: str) -> str:
        if value not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}")
        return value


class TriageRules(BaseModel):
    thresholds: dict[str, int]
    rules: list[Rule]

    @validator("rules")
    def _conditions_are_known(cls, rules: list[Rule], values: dict[str, Any]) -> list[Rule]:
        thresholds = values.get("thresholds", {})
        for rule in rules:
            _check_condition(rule.id, rule.when, thresholds)
        if not rules or rules[-1].when:
            raise ValueError("the last rule must have an empty `when` (the default level)")
        return rules


def _check_condition(rule_id: str, when: dict[str, Any], thresholds: dict[str, int]) -> None:
    for key, expected in when.items():
        if key == "any":
            for option in expected:
                _check_condition(rule_id, option, thresholds)
        elif key == "signal":
            if not isinstance(expected, bool):
                raise ValueError(f"{rule_id}: signal must be true or false")
        elif key.endswith("_count"):
            question = key.removesuffix("_count")
            if question not in MULTI_ANSWER:
                raise ValueError(f"{rule_id}: {key}: only {sorted(MULTI_ANSWER)} can be counted")
            for bound in expected.values():
                if isinstance(bound, str) and bound not in thresholds:
                    raise ValueError(f"{rule_id}: unknown threshold {bound!r}")
        elif key in ANSWER_VALUES:
            options = expected if isinstance(expected, list) else [expected]
            unknown = set(options) - set(ANSWER_VALUES[key])
            if unknown:
                raise ValueError(f"{rule_id}: {key} has no answer {sorted(unknown)}")
        else:
            raise ValueError(f"{rule_id}: unknown condition {key!r}")


@dataclass(frozen=True)
class Reason:
    rule: str
    text: str


@dataclass(frozen=True)
class Result:
    level: str
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def rule_ids(self) -> list[str]:
        return [reason.rule for reason in self.reasons]


def _holds(when: dict[str, Any], answers: Answers, thresholds: dict[str, int]) -> bool:
    for key, expected in when.items():
        if key == "any":
            if not any(_holds(option, answers, thresholds) for option in expected):
                return False
        elif key == "signal":
            if answers.signal != expected:
                return False
        elif key.endswith("_count"):
            count = answers.count(key.removesuffix("_count"))
            low, high = (thresholds.get(b, b) if isinstance(b, str) else b for b in
                         (expected.get("min", 0), expected.get("max", 10**6)))  # fmt: skip
            if not low <= count <= high:
                return False
        else:
            options = expected if isinstance(expected, list) else [expected]
            if getattr(answers, key) not in options:
                return False
    return True


def score(answers: Answers, rules: TriageRules) -> Result:
    """The level of the first rule that holds; every rule that holds is a reason, most serious first."""
    fired = [rule for rule in rules.rules if rule.when and _holds(rule.when, answers, rules.thresholds)]
    if not fired:
        fired = [rules.rules[-1]]
    return Result(level=fired[0].level, reasons=tuple(Reason(r.id, r.text) for r in fired))
