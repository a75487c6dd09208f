"""From a finished hand-off conversation to a stored hand-off and the person's reply.

The action server calls `submit` when the hand-off form is done: it builds
the cjg-handoff/1 summary from the conversation's slots and events, puts it
in the queue and says where the person stands ("je bent als tweede aan de
beurt"), or confirms the call-back or message when nobody could chat.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from bot.content import Content
from bot.handoff import queue
from bot.handoff.summary import Consent, Contact, Conversation, build_summary
from bot.replies import Message, reply
from bot.triage import flow
from bot.triage.rules import score

ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende")
SKIPPED = "overslaan"
# The person's answers to these are not conversation: a phone number, a message already passed on.
_NOT_IN_TRANSCRIPT = ("handoff_phone", "handoff_message")


def ordinal(position: int) -> str:
    """1 → "eerste", as in "je bent als eerste aan de beurt"."""
    return ORDINALS[position - 1] if 1 <= position <= len(ORDINALS) else f"{position}e"


def _own_words(value: Any) -> str | None:
    return None if value in (None, "", SKIPPED) else str(value)


def conversation_texts(events: Iterable[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The person's typed words, and the transcript both ways (buttons shown by their answer)."""
    words: list[str] = []
    transcript: list[tuple[str, str]] = []
    requested = None
    for event in events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
        elif kind == "user" and requested not in _NOT_IN_TRANSCRIPT:
            text = str(event.get("text") or "")
            if text.startswith("/"):
                entities = (event.get("parse_data") or {}).get("entities") or []
                tapped = next((str(e["value"]) for e in entities if e.get("entity") == "answer"), None)
                if tapped:
                    transcript.append(("persoon", f"[knop] {tapped}"))
                continue
            words.append(text)
            transcript.append(("persoon", text))
        elif kind == "bot":
            custom = (event.get("data") or {}).get("custom") or {}
            text = custom.get("text") or event.get("text")
            if text:
                transcript.append(("bot", str(text)))
    return tuple(words), tuple(transcript)


def summary_from(
    content: Content, slots: dict[str, Any], events: list[dict[str, Any]], *, channel: str = "web"
) -> dict[str, Any]:
    """The validated cjg-handoff/1 summary of this conversation."""
    signal = bool(slots.get("safety_signal"))
    # Without a triage, what the conversation learned (who asks, the topic) still goes to the worker.
    known = {"triage_topic": slots.get("triage_topic") or slots.get("topic"),
             "triage_asker": slots.get("triage_asker") or slots.get("asker")}  # fmt: skip
    answers = flow.answers_from({**slots, **known}, content, signal=signal)
    result = score(answers, content.triage.rules)
    words, transcript = conversation_texts(events)
    consented = slots.get("handoff_consent") == "ja"
    route = slots.get("handoff_route")
    conversation = Conversation(
        channel=channel,
        age_band=slots.get("triage_age") or slots.get("age_band"),
        signal_kinds=tuple(slots.get("signal_kinds") or ()),
        user_words=words,
        transcript=transcript,
        goal=_own_words(slots.get("handoff_goal")),
        strengths=_own_words(slots.get("handoff_strengths")),
        consent=Consent(given=consented, at=datetime.now(timezone.utc) if consented else None),
        contact=Contact(
            mode=route if route in queue.MODES else None,
            phone=slots.get("handoff_phone") if route == "callback" else None,
            message=_own_words(slots.get("handoff_message")) if route == "message" else None,
        ),
    )
    return build_summary(answers, result, conversation)


def urgent_lines(content: Content, asker: str | None) -> str:
    """The lines that are open day and night; said whenever no worker can chat."""
    return content.handoff.urgent["jongere" if asker == "jongere" else "ouder"]


def submit(
    db: sqlite_utils.Database,
    content: Content,
    conversation_id: str,
    slots: dict[str, Any],
    events: list[dict[str, Any]],
) -> tuple[queue.Handoff | None, list[dict[str, Any]]]:
    """Store the hand-off the person asked for and return what to tell them."""
    texts = content.handoff
    route = slots.get("handoff_route")
    if route not in queue.MODES:
        return None, [reply(Message(text=content.fill(texts.no_contact)), handoff={"status": "declined"})]
    handoff = queue.create(db, conversation_id, summary_from(content, slots, events), mode=route)
    meta = {"handoff": {"id": handoff.id, "status": handoff.status, "mode": handoff.mode}}
    if route == "chat":
        text = content.fill(texts.waiting, position=ordinal(queue.position(db, handoff)))
    elif route == "callback":
        text = content.fill(texts.callback_saved, phone_number=str(slots.get("handoff_phone")))
    else:
        text = content.fill(texts.message_saved)
    return handoff, [reply(Message(text=text), **meta)]
