"""The one SQLite file that holds hand-offs, messages and staff accounts.

Opened with `open_store()`, which creates the schema on first use and runs
any migration a newer version of the code needs (the `user_version` pragma
records how far a file is). WAL mode lets the gateway, the action server and
the `cjg` command use the same file at once; a busy timeout makes a writer
wait for another instead of failing.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from bot.config import get_settings


def db_path() -> Path:
    """Where the database lives: CJG_DB_PATH, or var/cjg.db in the project."""
    return get_settings().db_path


def now(offset: timedelta = timedelta(0)) -> str:
    """UTC timestamps as ISO text of one fixed shape, so they sort and compare as text."""
    return (datetime.now(timezone.utc) + offset).isoformat(timespec="milliseconds")


def _v1(db: sqlite_utils.Database) -> None:
    db["staff"].create(
        {"id": int, "username": str, "display_name": str, "password_hash": str, "disabled": int, "created_at": str},
        pk="id",
        not_null={"username", "password_hash", "created_at"},
        defaults={"disabled": 0},
    )
    db["staff"].create_index(["username"], unique=True)
    db["staff_sessions"].create(
        {"token_hash": str, "staff_id": int, "created_at": str, "expires_at": str, "last_seen": str},
        pk="token_hash",
        foreign_keys=[("staff_id", "staff", "id")],
    )
    db["handoffs"].create(
        {
            "id": str, "conversation_id": str, "channel": str, "mode": str, "status": str,
            "level": str, "priority": int, "topics": str, "summary": str, "signal_kinds": str,
            "alert": int, "claimed_by": str, "outcome": str, "note": str, "resume_pending": int,
            "created_at": str, "claimed_at": str, "closed_at": str, "updated_at": str,
        },
        pk="id",
        not_null={"conversation_id", "mode", "status", "level", "priority", "summary", "created_at"},
        defaults={"alert": 0, "resume_pending": 0, "signal_kinds": "[]", "topics": "[]"},
    )  # fmt: skip
    db["handoffs"].create_index(["conversation_id"])
    db["handoffs"].create_index(["status", "priority", "created_at"])
    db["messages"].create(
        {
            "id": int, "conversation_id": str, "seq": int, "sender": str, "text": str,
            "buttons": str, "meta": str, "handoff_id": str, "created_at": str,
        },
        pk="id",
        not_null={"conversation_id", "seq", "sender", "text", "created_at"},
        defaults={"buttons": "[]", "meta": "{}"},
    )  # fmt: skip
    db["messages"].create_index(["conversation_id", "seq"], unique=True)
    db["messages"].create_index(["handoff_id"])


def _v2(db: sqlite_utils.Database) -> None:
    """A counter every change bumps: two changes within one millisecond share an `updated_at`."""
    db["handoffs"].add_column("revision", int, not_null_default=0)


# Each entry brings a file from version i to i+1. Append; never edit a released one.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2]


def migrate(db: sqlite_utils.Database) -> int:
    """Run the migrations this file has not seen yet; returns the schema version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)


def open_store(path: Path | str | None = None) -> sqlite_utils.Database:
    """Open (and create or migrate) the database; safe to call from several processes."""
    target = Path(path or db_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(target, timeout=10, check_same_thread=False)
    db = sqlite_utils.Database(connection)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA foreign_keys = ON")
    # Processes starting together must not both create the schema: one migrates, the others wait.
    with open(target.with_name(target.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if db.journal_mode != "wal":
            db.enable_wal()
        migrate(db)
    return db
