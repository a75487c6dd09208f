"""Forget old conversations: what a privacy officer asks of a service that stores chats.

`cjg purge --days N` removes every conversation that has been quiet for N
days, from both SQLite files: our messages and closed hand-offs, and Rasa's
tracker events. A conversation with a hand-off that is still waiting or
active is kept whatever its age, so no one's request is lost. Expired staff
sessions go too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from bot.store import now


@dataclass(frozen=True)
class Purged:
    conversations: int
    messages: int
    handoffs: int
    tracker_events: int


def _open_conversations(db: sqlite_utils.Database) -> set[str]:
    rows = db.execute("SELECT DISTINCT conversation_id FROM handoffs WHERE status != 'closed'").fetchall()
    return {row[0] for row in rows}


def purge(db: sqlite_utils.Database, tracker_db: Path, days: int, at: datetime | None = None) -> Purged:
    """Remove conversations with no activity in the last `days` days (and no open hand-off)."""
    if days < 1:
        raise ValueError("days must be 1 or more")
    moment = at or datetime.now(timezone.utc)
    cutoff = (moment - timedelta(days=days)).isoformat(timespec="milliseconds")
    keep = _open_conversations(db)
    stale = {
        row[0]
        for row in db.execute(
            "SELECT conversation_id FROM messages GROUP BY conversation_id HAVING MAX(created_at) < ? "
            "UNION SELECT conversation_id FROM handoffs GROUP BY conversation_id HAVING MAX(updated_at) < ?",
            [cutoff, cutoff],
        )
    } - keep
    messages = handoffs = 0
    with db.atomic():
        for conversation in stale:
            messages += db.execute("DELETE FROM messages WHERE conversation_id = ?", [conversation]).rowcount
            handoffs += db.execute("DELETE FROM handoffs WHERE conversation_id = ?", [conversation]).rowcount
        db.execute("DELETE FROM staff_sessions WHERE expires_at < ?", [now()])
    events = _purge_trackers(tracker_db, moment - timedelta(days=days), keep)
    return Purged(conversations=len(stale), messages=messages, handoffs=handoffs, tracker_events=events)


def _purge_trackers(path: Path, cutoff: datetime, keep: set[str]) -> int:
    """Rasa's SQL tracker store: one `events` table, timestamps in seconds since 1970."""
    if not path.exists():
        return 0
    with sqlite3.connect(path, timeout=10) as tracker:
        if not tracker.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone():
            return 0
        senders = [
            row[0]
            for row in tracker.execute(
                "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?", [cutoff.timestamp()]
            )
            if row[0] not in keep
        ]
        return sum(tracker.execute("DELETE FROM events WHERE sender_id = ?", [s]).rowcount for s in senders)
