"""Every message of a conversation, numbered: what the person and the worker see.

The gateway writes the person's messages and every message to them (from
the assistant or from a worker) with a per-conversation `seq`, so a page can
ask for "everything after 12" and a worker sees the live chat as it happens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from bot.store import now

PERSON = "person"
BOT = "bot"
WORKER = "medewerker"
TO_PERSON = (BOT, WORKER)


@dataclass(frozen=True)
class Entry:
    seq: int
    sender: str
    text: str
    buttons: list[dict[str, str]]
    meta: dict[str, Any]
    handoff_id: str | None
    created_at: str


def append(
    db: sqlite_utils.Database,
    conversation_id: str,
    sender: str,
    text: str,
    *,
    buttons: list[dict[str, str]] | None = None,
    meta: dict[str, Any] | None = None,
    handoff_id: str | None = None,
) -> int:
    """Add one message and return its seq (1, 2, 3, ... per conversation)."""
    with db.atomic():
        seq = db.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?", [conversation_id]
        ).fetchone()[0]
        db["messages"].insert(
            {"conversation_id": conversation_id, "seq": seq, "sender": sender, "text": text,
             "buttons": json.dumps(buttons or [], ensure_ascii=False),
             "meta": json.dumps({**(meta or {}), "from": sender}, ensure_ascii=False),
             "handoff_id": handoff_id, "created_at": now()}
        )  # fmt: skip
    return seq


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        seq=row["seq"], sender=row["sender"], text=row["text"], buttons=json.loads(row["buttons"]),
        meta=json.loads(row["meta"]), handoff_id=row["handoff_id"], created_at=row["created_at"],
    )  # fmt: skip


def last_seq(db: sqlite_utils.Database, conversation_id: str) -> int:
    return db.execute(
        "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = ?", [conversation_id]
    ).fetchone()[0]


def to_person_after(db: sqlite_utils.Database, conversation_id: str, after: int) -> list[Entry]:
    """Messages to the person (assistant and worker) newer than `after`."""
    rows = db.query(
        "SELECT * FROM messages WHERE conversation_id = ? AND seq > ? AND sender IN (?, ?) ORDER BY seq",
        [conversation_id, after, *TO_PERSON],
    )
    return [_entry(row) for row in rows]


def last_to_person(db: sqlite_utils.Database, conversation_id: str) -> Entry | None:
    """The newest message to the person: what their next message answers."""
    rows = db.query(
        "SELECT * FROM messages WHERE conversation_id = ? AND sender IN (?, ?) ORDER BY seq DESC LIMIT 1",
        [conversation_id, *TO_PERSON],
    )
    return next((_entry(row) for row in rows), None)


def for_handoff(db: sqlite_utils.Database, handoff_id: str) -> list[Entry]:
    """The live chat of one hand-off, both ways."""
    return [_entry(r) for r in db.query("SELECT * FROM messages WHERE handoff_id = ? ORDER BY seq", [handoff_id])]
