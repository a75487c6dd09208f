"""The triage as a conversation: what to skip, how to ask, what to say at the end.

Rasa's form decides which question is next; this module holds what the
questions and the result look like, so it can be tested without Rasa. Slot
names are the protocol's question ids prefixed with `triage_`; the two
multi-answer questions collect their values in `triage_<id>` and are done
when `triage_<id>_done` is set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.age import Age
from bot.answers import TOPIC_INTENT_PREFIX, answer_band
from bot.content import Content
from bot.replies import Button, Message, reply
from bot.safety import Line, Signal, advice_lines, check_lines, lines_for
from bot.triage.protocol import MULTI_ANSWER, NONE_VALUES
from bot.triage.rules import Answers, Result

DONE = "klaar"
SKIP = "overslaan"


def slot_for(question_id: str) -> str:
    """The form slot that marks a question answered."""
    return f"triage_{question_id}_done" if question_id in MULTI_ANSWER else f"triage_{question_id}"


def answer_payload(value: str) -> str:
    return "/triage_answer" + json.dumps({"answer": value})


@dataclass(frozen=True)
class Known:
    """What the conversation told before the triage started."""

    asker: str | None
    age: Age | None
    topic: str | None


def prefill(content: Content, known: Known) -> tuple[dict[str, Any], str | None]:
    """Slots the conversation already answered, and a sentence saying so (None if nothing)."""
    slots: dict[str, Any] = {}
    told = []
    if known.asker in ("ouder", "jongere"):
        slots["triage_asker"] = known.asker
        told.append("het gaat over je kind" if known.asker == "ouder" else "het gaat over jezelf")
    if known.age is not None:
        slots["triage_age"] = known.age.band
        told.append(f"leeftijd {known.age.describe()}")
    if known.topic in content.topics:
        slots["triage_topic"] = known.topic
        told.append(f"onderwerp: {content.topics[known.topic].label.lower()}")
    sentence = content.triage.skipped.format(what=", ".join(told)) if told else None
    return slots, sentence


def ask(
    content: Content,
    question_id: str,
    asker: str | None,
    *,
    topic: str | None = None,
    open_topic: bool = False,
    selected: tuple[str, ...] = (),
    not_understood: bool = False,
) -> dict[str, Any]:
    """The message that asks one question, with its buttons and meta.triage_question."""
    question = content.triage.questions[question_id]
    buttons: list[Button] = []
    if question_id == "topic":
        if topic in content.topics and not open_topic:
            text = question.text_for(asker).format(topic_label=content.topics[topic].label.lower())
            buttons = [
                Button(title="Ja", payload="/affirm"),
                Button(title="Nee, iets anders", payload="/deny"),
            ]
        else:
            text = question.text_for(asker, "ask_open")
    elif question_id in MULTI_ANSWER:
        text = question.text_for(asker, "more" if selected else "text")
        none_value = NONE_VALUES[question_id]
        buttons = [
            Button(title=o.button, payload=answer_payload(o.value))
            for o in question.answers
            if o.value not in selected and not (selected and o.value == none_value)
        ]
        if selected:
            buttons.append(Button(title=question.done_button or "Klaar", payload=answer_payload(DONE)))
        elif question.skip_button:
            buttons.append(Button(title=question.skip_button, payload=answer_payload(SKIP)))
    else:
        text = question.text_for(asker)
        buttons = [Button(title=o.button, payload=answer_payload(o.value)) for o in question.answers]
    if not_understood:
        text = f"{content.triage.not_understood}\n\n{text}"
    return reply(Message(text=text, buttons=buttons), triage_question=question_id)


def answers_from(slots: dict[str, Any], content: Content, signal: bool) -> Answers:
    """The scoring engine's input, from the form's slots."""
    topic = slots.get("triage_topic") or None
    age_years = slots.get("age_years")
    return Answers(
        asker=slots.get("triage_asker"),
        age_years=int(age_years) if age_years is not None else None,
        topics=(topic,) if topic else (),
        topic_domains=(content.topics[topic].domain,) if topic in content.topics else (),
        domains=tuple(slots.get("triage_domains") or ()),
        duration=slots.get("triage_duration"),
        impact=slots.get("triage_impact"),
        capacity=slots.get("triage_capacity"),
        network=slots.get("triage_network"),
        risks=tuple(slots.get("triage_risks") or ()),
        safe_now=slots.get("triage_safe_now"),
        harm=slots.get("triage_harm"),
        signal=signal,
    )


def crisis_reply(
    content: Content, signal_kinds: tuple[str, ...], asker: str | None, *, unsure: bool = False, **meta: Any
) -> dict[str, Any]:
    """The crisis lines for what was said and who asks, as one message; `unsure` when only the model saw danger."""
    crisis = content.crisis
    who = _who(asker)
    text = _with_lines((crisis.intro_unsure if unsure else crisis.intro)[who], lines_for(signal_kinds, who, crisis))
    return reply(Message(text=text), safety=True, level="D", signal_kinds=list(signal_kinds), **meta)


def advice_reply(content: Content, topic_kinds: list[str], asker: str | None) -> dict[str, Any] | None:
    """Where to talk about a danger a message names but does not signal; None when no line but 112 fits."""
    crisis = content.crisis
    who = _who(asker)
    lines = advice_lines(topic_kinds, who, crisis)
    if not topic_kinds or not lines:
        return None
    text = _with_lines(crisis.advice_intro[who], lines, crisis.advice_outro)
    return reply(Message(text=text, buttons=crisis.advice_buttons), advice_lines=[line.name for line in lines])


def check_reply(content: Content, asker: str | None) -> dict[str, Any]:
    """The lines without alarm, after the usual answer to a message the classifier was unsure about."""
    crisis = content.crisis
    who = _who(asker)
    lines = check_lines(who, crisis)
    text = _with_lines(crisis.check_intro[who], lines, crisis.advice_outro)
    return reply(Message(text=text), check_lines=[line.name for line in lines])


def _who(asker: str | None) -> str:
    """Whose lines: a young person's when we know it is one, else a parent's."""
    return "jongere" if asker == "jongere" else "ouder"


def _with_lines(intro: str, lines: list[Line], outro: str | None = None) -> str:
    return "\n".join([intro, *(f"- {line.text}" for line in lines), *([outro] if outro else [])])


def safety_net_replies(
    content: Content, signal: Signal, asker: str | None, likely_topic: str | None = None, *, in_handoff: bool = False
) -> list[dict[str, Any]]:
    """The first reply to a danger signal: the lines, then the urgent hand-off offer.

    When only the model saw danger, the words say we are not sure, and the
    offer adds the answer on `likely_topic`: a heavy everyday worry then
    still gets its answer, one tap away, after the lines. During the
    hand-off questions there is nothing to offer: the hand-off goes on, as urgent.
    """
    crisis = content.crisis
    unsure = not signal.kinds
    meta = {"safety": True, "level": "D", "signal_kinds": list(signal.kinds)}
    if in_handoff:
        urgent = reply(Message(text=crisis.handoff_urgent), **meta, handoff={"status": "urgent"})
        return [crisis_reply(content, signal.kinds, asker, unsure=unsure), urgent]
    offer = Message(text=crisis.handoff_offer, buttons=crisis.handoff_buttons)
    if unsure and likely_topic in content.topics:
        label = content.topics[likely_topic].label
        offer.text = f"{offer.text}\n\n{crisis.unsure_topic_offer}"
        offer.buttons = [*offer.buttons, Button(title=crisis.unsure_topic_button.format(label=label),
                                                payload=f"/{TOPIC_INTENT_PREFIX}{likely_topic}")]  # fmt: skip
    return [
        crisis_reply(content, signal.kinds, asker, unsure=unsure),
        reply(offer, **meta, handoff={"status": "offered"}),
    ]


def result_replies(
    content: Content,
    result: Result,
    *,
    asker: str | None,
    topic: str | None,
    age_band: str | None,
    signal_kinds: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """What the person hears at the end of the triage, per level (triage-protocol.md)."""
    level_result = content.triage.results[result.level]
    meta = {"level": result.level, "reasons": result.rule_ids}
    reasons = "\n".join(f"- {reason.text}" for reason in result.reasons)
    text = f"{level_result.text}\n\n{content.triage.reasons_intro}\n{reasons}"
    messages = []
    if result.level == "D":
        messages.append(crisis_reply(content, signal_kinds, asker, reasons=result.rule_ids))
    messages.append(reply(Message(text=text), **meta))
    if result.level in ("A", "B") and topic in content.topics:
        band = answer_band(age_band, asker, content.topics[topic].default_band)
        answer = content.answer(topic, band)
        messages.append(reply(Message(text=answer.text), topic=topic, answer_band=band, **meta))
    if level_result.offer:
        offer = Message(text=level_result.offer, buttons=content.triage.handoff_buttons[result.level])
        messages.append(reply(offer, handoff={"status": "offered"}, **meta))
    return messages
