"""Choose and compose the answer to a topic question.

The age decides which answer fits: a toddler's tantrums are not a
teenager's. When the age is in the message or known from earlier in the
conversation we answer for that band and say what we assumed; when it is
unknown and matters, we answer for the topic's most common case and ask.
A young person asking about themself gets the answer written for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.age import Age
from bot.asker import JONGERE
from bot.content import Content
from bot.replies import Message, reply

TOPIC_INTENT_PREFIX = "topic_"  # each topic's intent is this prefix and the topic's id
MAX_SUGGESTIONS = 3
MIN_SUGGESTION_CONFIDENCE = 0.05


@dataclass(frozen=True)
class Known:
    """What the conversation already knows before this message."""

    age_years: int | None = None
    age_band: str | None = None
    asker: str | None = None


@dataclass
class TopicReply:
    messages: list[dict[str, Any]]
    age_years: int | None
    age_band: str | None
    asker: str | None
    offered_triage: bool = False


def answer_band(age_band: str | None, asker: str | None, default_band: str) -> str:
    """The content band to answer from."""
    if asker == JONGERE:
        return "jongere"
    if age_band == "18-23":
        return "12-18"
    return age_band or default_band


def answer_topic(
    content: Content, topic_id: str, age: Age | None, asker: str | None, known: Known, *, offer_triage: bool = True
) -> TopicReply:
    """The reply to a question about `topic_id`, given what the message and the conversation say.

    After the answer comes the offer of the short triage (triage-protocol.md,
    "When it starts"), unless we first need the age or the triage was done.
    """
    topic = content.topics[topic_id]
    asker = asker or known.asker
    years = age.years if age else known.age_years
    band = age.band if age else known.age_band
    used_band = answer_band(band, asker, topic.default_band)
    answer = content.answer(topic_id, used_band)

    text = answer.text
    if age and asker != JONGERE:
        text = f"{content.message('age_understood', age=age.describe()).text}\n\n{text}"
    meta = {"topic": topic_id, "answer_band": used_band, "age_band": band}
    messages = [reply(Message(text=text), **meta)]

    ask_age = band is None and asker != JONGERE and topic.age_matters
    if ask_age:
        messages.append(reply(content.message("ask_age_parent"), topic=topic_id, asks="age"))
    offered = offer_triage and not ask_age
    if offered:
        offer = Message(text=content.triage.offer, buttons=content.triage.offer_buttons)
        messages.append(reply(offer, topic=topic_id, triage_offer=True))
    return TopicReply(messages=messages, age_years=years, age_band=band, asker=asker, offered_triage=offered)


def candidate_topics(ranking: list[dict[str, Any]], known_topics: set[str]) -> list[str]:
    """The likeliest topics in an intent ranking, best first: for an unclear message, or an unsure alarm."""
    topics = []
    for entry in ranking:
        name = entry.get("name") or ""
        topic = name[len(TOPIC_INTENT_PREFIX) :]
        if (
            name.startswith(TOPIC_INTENT_PREFIX)
            and topic in known_topics
            and (entry.get("confidence") or 0) >= MIN_SUGGESTION_CONFIDENCE
        ):
            topics.append(topic)
    return topics[:MAX_SUGGESTIONS]
