"""Assemble the `cjg-handoff/1` summary a CJG worker receives, and check it against its schema.

One function builds it from what the conversation learned, so the worker
never has to read the transcript to know the level, the reasons, the safety
answers and what the person wants. Without consent only the level, the
topics and the refusal are passed on (and, for a young person, the notice
that nothing goes to parents); the person's own words always go through
`bot.privacy.scrub` first.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from bot.privacy import scrub
from bot.triage.protocol import NONE_VALUES
from bot.triage.rules import Answers, Result

SCHEMA_PATH = Path(__file__).with_name("schema.json")
YOUTH_NOTICE = (
    "Deze jongere vroeg hulp voor zichzelf. Er wordt niets met ouders gedeeld zonder toestemming van de jongere."
)


class SummaryError(ValueError):
    """The summary does not match cjg-handoff/1; the message says where."""


@dataclass(frozen=True)
class Consent:
    given: bool | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class Contact:
    mode: str | None = None
    phone: str | None = None
    preferred_time: str | None = None
    message: str | None = None  # left for the team when nobody could chat; written for them, so always passed on


@dataclass(frozen=True)
class Conversation:
    """What the conversation gives beyond the triage answers."""

    channel: str = "web"
    age_band: str | None = None
    signal_kinds: tuple[str, ...] = ()
    user_words: tuple[str, ...] = ()
    transcript: tuple[tuple[str, str], ...] = ()  # (from, text)
    goal: str | None = None
    strengths: str | None = None
    consent: Consent = field(default_factory=Consent)
    contact: Contact = field(default_factory=Contact)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(summary: dict[str, Any]) -> None:
    """Raise SummaryError when the summary is not valid cjg-handoff/1."""
    validator = jsonschema.Draft7Validator(_schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(summary), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(part) for part in errors[0].path) or "(top)"
        raise SummaryError(f"{where}: {errors[0].message}")


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat() if moment else None


def build_summary(
    answers: Answers, result: Result, conversation: Conversation, *, now: datetime | None = None
) -> dict[str, Any]:
    """The validated summary for a worker (triage-protocol.md, "Hand-off")."""
    consented = conversation.consent.given is True
    words = scrub if consented else None
    domains = sorted((set(answers.domains) | set(answers.topic_domains)) - {NONE_VALUES["domains"]})
    summary = {
        "schema": "cjg-handoff/1",
        "id": uuid.uuid4().hex,
        "created_at": _iso(now or datetime.now(timezone.utc)),
        "channel": conversation.channel,
        "notice": YOUTH_NOTICE if answers.asker == "jongere" else None,
        "asker": answers.asker,
        "age_years": answers.age_years,
        "age_band": conversation.age_band,
        "topics": list(answers.topics),
        "domains": domains,
        "duration": answers.duration,
        "impact": answers.impact,
        "capacity": answers.capacity,
        "network": answers.network,
        "risks": sorted(set(answers.risks) - {NONE_VALUES["risks"]}),
        "safety": {
            "safe_now": answers.safe_now,
            "harm": answers.harm,
            "signal": answers.signal,
            "signal_kinds": list(conversation.signal_kinds),
        },
        "level": result.level,
        "reasons": [{"rule": r.rule, "text": r.text} for r in result.reasons],
        "consent": {"given": conversation.consent.given, "at": _iso(conversation.consent.at)},
        "user_words": [words(t) for t in conversation.user_words] if words else [],
        "goal": words(conversation.goal) if words and conversation.goal else None,
        "strengths": words(conversation.strengths) if words and conversation.strengths else None,
        "contact": {
            "mode": conversation.contact.mode,
            "phone": conversation.contact.phone if conversation.contact.mode == "callback" else None,
            "preferred_time": conversation.contact.preferred_time,
            "message": scrub(conversation.contact.message) if conversation.contact.message else None,
        },
        "transcript": [{"from": who, "text": words(text)} for who, text in conversation.transcript] if words else [],
    }
    if not consented:
        summary.update(_WITHOUT_CONSENT)
        summary["safety"] = {"safe_now": None, "harm": None, "signal": False, "signal_kinds": []}
    validate(summary)
    return summary


# Without consent a worker sees only the level, the topics and that the person declined (or was not asked).
_WITHOUT_CONSENT: dict[str, Any] = {
    "asker": None, "age_years": None, "age_band": None, "domains": [], "duration": None, "impact": None,
    "capacity": None, "network": None, "risks": [], "reasons": [],
}  # fmt: skip
