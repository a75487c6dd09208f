"""Forgetting old conversations, in our SQLite file and in Rasa's tracker store."""

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.handoff import queue
from bot.retention import purge
from bot.transcript import BOT, append
from tests.handoff.helpers import make_handoff

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
LONG_AGO = (NOW - timedelta(days=40)).isoformat(timespec="milliseconds")


def _tracker(path: Path, events: dict[str, datetime]) -> None:
    """A tracker file shaped like the one Rasa's SQL tracker store writes."""
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE events (id INTEGER NOT NULL, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT, PRIMARY KEY (id))"
        )
        for sender, moment in events.items():
            db.execute("INSERT INTO events (sender_id, type_name, timestamp) VALUES (?, 'user', ?)",
                       [sender, moment.timestamp()])  # fmt: skip


def _age(db, conversation: str) -> None:
    db.execute("UPDATE messages SET created_at = ? WHERE conversation_id = ?", [LONG_AGO, conversation])
    db.execute("UPDATE handoffs SET updated_at = ? WHERE conversation_id = ?", [LONG_AGO, conversation])


def test_quiet_conversations_go_and_open_hand_offs_stay(db, tmp_path: Path) -> None:
    old = make_handoff(db, "old")
    queue.close(db, old.id, "anna", "advies_gegeven")
    append(db, "old", BOT, "Hoi")
    make_handoff(db, "waiting-for-long")
    append(db, "recent", BOT, "Hoi")
    for conversation in ("old", "waiting-for-long"):
        _age(db, conversation)
    tracker = tmp_path / "tracker.db"
    _tracker(tracker, {"old": NOW - timedelta(days=40), "waiting-for-long": NOW - timedelta(days=40),
                       "recent": NOW - timedelta(days=1)})  # fmt: skip

    done = purge(db, tracker, days=30, at=NOW)

    assert (done.conversations, done.messages, done.handoffs, done.tracker_events) == (1, 1, 1, 1)
    assert queue.latest_for(db, "old") is None and queue.latest_for(db, "waiting-for-long") is not None
    with sqlite3.connect(tracker) as kept:
        assert {r[0] for r in kept.execute("SELECT sender_id FROM events")} == {"waiting-for-long", "recent"}


def test_zero_days_is_refused(db, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1 or more"):
        purge(db, tmp_path / "none.db", days=0)


def test_the_cli_purges_and_says_how_much(isolated_db, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CJG_TRACKER_DB_PATH", str(tmp_path / "tracker.db"))
    cjg = str(Path(sys.executable).parent / "cjg")
    done = subprocess.run([cjg, "purge", "--days", "30"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Removed 0 conversations" in done.stdout
    refused = subprocess.run([cjg, "purge", "--days", "0"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "1 or more" in refused.stderr
