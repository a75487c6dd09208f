"""Load and validate everything CJG staff can edit in `content/`.

Answers, topic labels, contact details and the assistant's own sentences are
data, not code. They are validated when loaded (at start-up and in the tests)
so that a typo in a Markdown file gives a clear error naming the file, and
they are reloaded when a file changes, so an edited answer is live without a
restart or retraining.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from pydantic import BaseModel, Field, ValidationError, root_validator, validator

from bot.handoff.texts import HandoffContent
from bot.replies import Button, Message
from bot.safety import CrisisContent
from bot.triage.protocol import ANSWER_VALUES
from bot.triage.questions import TriageContent

ANSWER_BANDS = ("0-4", "4-12", "12-18", "jongere")
MAX_ANSWER_WORDS = 200
TIPS_HEADING = "Wat kun je doen?"
HELP_HEADING = "Wanneer hulp zoeken?"
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class ContentError(ValueError):
    """A file in content/ is missing or invalid; the message names the file."""


class Topic(BaseModel):
    id: str
    label: str
    domain: str
    default_band: str
    age_matters: bool

    @validator("domain")
    def _known_domain(cls, value: str) -> str:
        if value not in ANSWER_VALUES["domains"]:
            raise ValueError(f"domain must be one of {ANSWER_VALUES['domains']}")
        return value

    @validator("default_band")
    def _known_band(cls, value: str) -> str:
        if value not in ANSWER_BANDS[:3]:
            raise ValueError(f"default_band must be one of {ANSWER_BANDS[:3]}")
        return value


class Answer(BaseModel):
    topic: str
    band: str
    title: str = Field(min_length=3)
    source: str = Field(min_length=5)
    intro: str
    tips: list[str]
    when_to_seek_help: str

    @property
    def text(self) -> str:
        """The answer as sent in a chat: short paragraphs, tips as a list."""
        tips = "\n".join(f"- {tip}" for tip in self.tips)
        return (
            f"{self.intro}\n\n{TIPS_HEADING}\n{tips}\n\n{HELP_HEADING} {self.when_to_seek_help}\n\nBron: {self.source}"
        )


class Contact(BaseModel):
    """How to reach the CJG and the municipality, and when."""

    cjg_name: str
    phone: str
    email: str
    website: str
    office_hours: dict[str, str]
    municipality_name: str
    municipality_phone: str
    municipality_website: str

    @validator("office_hours")
    def _valid_hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, hours in value.items():
            if day not in WEEKDAYS:
                raise ValueError(f"unknown day {day!r}; use {', '.join(WEEKDAYS)}")
            match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):[0-5]\d|24:00)", hours)
            if not match or hours[:5] >= hours[6:]:
                raise ValueError(f"hours for {day} must look like 09:00-17:00 (end after start), not {hours!r}")
        return value

    def opening_hours_text(self) -> str:
        """Opening hours as a Dutch sentence, e.g. for "wanneer zijn jullie open?"."""
        parts = []
        for day in WEEKDAYS:
            if day in self.office_hours:
                start, end = self.office_hours[day].split("-")
                parts.append(f"{day} {start.replace(':', '.')}–{end.replace(':', '.')} uur")
        return ", ".join(parts)


class Messages(BaseModel):
    """The assistant's own sentences, keyed by what they are for."""

    __root__: dict[str, Message]

    @root_validator(pre=True)
    def _wrap_plain_strings(cls, values: dict[str, Any]) -> dict[str, Any]:
        root = values.get("__root__", {})
        values["__root__"] = {key: {"text": item} if isinstance(item, str) else item for key, item in root.items()}
        return values


@dataclass(frozen=True)
class Content:
    topics: dict[str, Topic]
    answers: dict[tuple[str, str], Answer]
    contact: Contact
    messages: dict[str, Message]
    triage: TriageContent
    crisis: CrisisContent
    handoff: HandoffContent

    def answer(self, topic: str, band: str) -> Answer:
        return self.answers[(topic, band)]

    def fill(self, text: str, **values: str) -> str:
        """A text with its {placeholders} filled in (contact details are always available)."""
        return text.format(**self.contact.dict(), opening_hours=self.contact.opening_hours_text(), **values)

    def message(self, key: str, **values: str) -> Message:
        """One of messages.yml's messages, filled in."""
        return self.filled(self.messages[key], **values)

    def filled(self, message: Message, **values: str) -> Message:
        return Message(
            text=self.fill(message.text, **values),
            buttons=[Button(title=self.fill(b.title, **values), payload=b.payload) for b in message.buttons],
        )


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ContentError(f"{path}: file is missing") from error
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error


def _parse(model: type[BaseModel], path: Path) -> Any:
    try:
        return model.parse_obj(_read_yaml(path) or {})
    except (ValidationError, TypeError, re.error) as error:
        raise ContentError(f"{path}: {error}") from error


def _parse_answer(path: Path) -> Answer:
    post = frontmatter.load(str(path))
    body = post.content.strip()
    words = len(body.split())
    if words > MAX_ANSWER_WORDS:
        raise ContentError(f"{path}: {words} words; an answer has at most {MAX_ANSWER_WORDS}")
    if TIPS_HEADING not in body or HELP_HEADING not in body:
        raise ContentError(f"{path}: needs the headings {TIPS_HEADING!r} and {HELP_HEADING!r}")
    intro, rest = body.split(TIPS_HEADING, 1)
    tips_part, help_part = rest.split(HELP_HEADING, 1)
    tips = [line[2:].strip() for line in tips_part.strip().splitlines() if line.startswith("- ")]
    if not 2 <= len(tips) <= 4:
        raise ContentError(f"{path}: needs 2 to 4 tips as '- ' lines, found {len(tips)}")
    try:
        answer = Answer(
            **post.metadata,
            intro=intro.strip(),
            tips=tips,
            when_to_seek_help=help_part.strip(),
        )
    except (ValidationError, TypeError) as error:
        raise ContentError(f"{path}: front matter invalid: {error}") from error
    expected = (path.parent.name, path.stem)
    if (answer.topic, answer.band) != expected:
        raise ContentError(
            f"{path}: front matter says topic {answer.topic!r}, band {answer.band!r}; "
            f"the file's place says {expected[0]!r}, {expected[1]!r}"
        )
    if not answer.intro or not answer.when_to_seek_help:
        raise ContentError(f"{path}: the opening paragraph and '{HELP_HEADING}' need text")
    return answer


def load_content(directory: Path | str | None = None) -> Content:
    """Read and validate content/; raises ContentError naming the first bad file."""
    root = Path(directory or os.environ.get("CJG_CONTENT_DIR") or DEFAULT_CONTENT_DIR)
    raw_topics = (_read_yaml(root / "topics.yml") or {}).get("topics") or {}
    try:
        topics = {tid: Topic(id=tid, **fields) for tid, fields in raw_topics.items()}
        contact = Contact(**(_read_yaml(root / "contact.yml") or {}))
        messages = Messages.parse_obj(_read_yaml(root / "messages.yml") or {}).__root__
    except (ValidationError, TypeError) as error:
        raise ContentError(f"{root}: {error}") from error
    triage = _parse(TriageContent, root / "triage.yml")
    crisis = _parse(CrisisContent, root / "crisis.yml")
    handoff = _parse(HandoffContent, root / "handoff.yml")
    if not topics:
        raise ContentError(f"{root / 'topics.yml'}: lists no topics")
    answers: dict[tuple[str, str], Answer] = {}
    for topic in topics:
        for band in ANSWER_BANDS:
            path = root / "topics" / topic / f"{band}.md"
            if not path.exists():
                raise ContentError(f"{path}: missing; every topic needs an answer for {ANSWER_BANDS}")
            answers[(topic, band)] = _parse_answer(path)
    return Content(
        topics=topics,
        answers=answers,
        contact=contact,
        messages=messages,
        triage=triage,
        crisis=crisis,
        handoff=handoff,
    )


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime) for p in root.rglob("*") if p.is_file()))


@lru_cache(maxsize=4)
def _load_cached(root: str, fingerprint: tuple[tuple[str, float], ...]) -> Content:
    return load_content(root)


def current_content() -> Content:
    """The content as it is on disk now; reloaded only when a file changed."""
    root = Path(os.environ.get("CJG_CONTENT_DIR") or DEFAULT_CONTENT_DIR)
    return _load_cached(str(root), _fingerprint(root))
