"""What the person sees while a worker has (or is about to take) the conversation.

The gateway calls these as the hand-off moves: the person's own messages go
to the worker, the worker's replies to the person, and each change of state
(picked up, back in the queue, closed) becomes a message the person sees
live. A danger signal still gets the crisis lines at once and alerts the worker.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from bot.content import Content
from bot.handoff import queue
from bot.handoff.intake import ordinal
from bot.safety import Signal
from bot.transcript import BOT, PERSON, WORKER, append
from bot.triage.flow import crisis_reply

# Rasa's slots that belong to a finished hand-off, cleared when the assistant takes over again.
HANDOFF_SLOTS = ["handoff_consent", "handoff_goal", "handoff_strengths", "handoff_route", "handoff_phone",
                 "handoff_message", "handoff_id", "requested_slot"]  # fmt: skip


def handoff_meta(handoff: queue.Handoff | None) -> dict[str, Any] | None:
    return {"id": handoff.id, "status": handoff.status, "mode": handoff.mode} if handoff else None


def tell_person(db: sqlite_utils.Database, handoff: queue.Handoff, text: str, **meta: Any) -> int:
    """A message from the assistant about the hand-off, shown in the person's chat."""
    return append(
        db, handoff.conversation_id, BOT, text, meta={**meta, "handoff": handoff_meta(handoff)}, handoff_id=handoff.id
    )


def person_says(
    db: sqlite_utils.Database, content: Content, handoff: queue.Handoff, text: str, signal: Signal | None
) -> queue.Handoff:
    """The person writes during a live hand-off: it goes to the worker; danger gets the lines first."""
    append(db, handoff.conversation_id, PERSON, text, handoff_id=handoff.id)
    if signal is not None:
        handoff = queue.raise_alert(db, handoff.id, list(signal.kinds))
        lines = crisis_reply(content, signal.kinds, handoff.summary.get("asker"))
        tell_person(db, handoff, lines["text"], **lines["meta"])
    if handoff.status == "waiting":
        position = ordinal(queue.position(db, handoff))
        tell_person(db, handoff, content.fill(content.handoff.still_waiting, position=position))
    return handoff


def worker_says(db: sqlite_utils.Database, handoff: queue.Handoff, worker: str, text: str) -> int:
    return append(
        db, handoff.conversation_id, WORKER, text,
        meta={"handoff": handoff_meta(handoff), "worker": worker}, handoff_id=handoff.id,
    )  # fmt: skip


def picked_up(db: sqlite_utils.Database, content: Content, handoff: queue.Handoff) -> None:
    """Seed 003 l. 1126: the person hears that their request was picked up."""
    if handoff.mode == "chat":
        tell_person(db, handoff, content.fill(content.handoff.claimed))


def released(db: sqlite_utils.Database, content: Content, handoff: queue.Handoff) -> None:
    if handoff.mode == "chat":
        position = ordinal(queue.position(db, handoff))
        tell_person(db, handoff, content.fill(content.handoff.released, position=position))


def closed(db: sqlite_utils.Database, content: Content, handoff: queue.Handoff) -> None:
    if handoff.mode == "chat":
        tell_person(db, handoff, content.fill(content.handoff.closed_by_worker))
