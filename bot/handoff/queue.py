"""The hand-off queue: create, claim, release, close, in the one SQLite file.

A hand-off is `waiting` until a worker claims it (`active`) and `closed`
when the worker closes it with an outcome. The queue is ordered by level
(D, C, B, A) and then by waiting time (triage-protocol.md, "Hand-off").
The action server creates hand-offs, the gateway's staff routes change them;
every change bumps `revision`, which the live inbox watches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from bot.store import now

PRIORITY = {"D": 0, "C": 1, "B": 2, "A": 3}
STATUSES = ("waiting", "active", "closed")
MODES = ("chat", "callback", "message")
OUTCOMES = ("advies_gegeven", "afspraak_gemaakt", "toegeleid_naar_hulp", "veilig_thuis", "geen_reactie", "anders")
MAX_NOTE_LENGTH = 500


class HandoffConflict(RuntimeError):
    """The hand-off is not in a state that allows this (held by another worker, closed, ...)."""


class HandoffNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Handoff:
    id: str
    conversation_id: str
    channel: str
    mode: str
    status: str
    level: str
    topics: list[str]
    summary: dict[str, Any]
    signal_kinds: list[str]
    alert: bool
    claimed_by: str | None
    outcome: str | None
    note: str | None
    resume_pending: bool
    created_at: str
    claimed_at: str | None
    closed_at: str | None

    @property
    def live(self) -> bool:
        """A worker has, or is about to take, the conversation: the assistant stays silent."""
        return self.mode == "chat" and self.status in ("waiting", "active")

    def waiting_seconds(self, at: datetime | None = None) -> int:
        end = datetime.fromisoformat(self.claimed_at or self.closed_at or "") if self.status != "waiting" else None
        moment = end or at or datetime.now(timezone.utc)
        return max(0, int((moment - datetime.fromisoformat(self.created_at)).total_seconds()))


def _from_row(row: dict[str, Any]) -> Handoff:
    return Handoff(
        id=row["id"], conversation_id=row["conversation_id"], channel=row["channel"], mode=row["mode"],
        status=row["status"], level=row["level"], topics=json.loads(row["topics"] or "[]"),
        summary=json.loads(row["summary"]), signal_kinds=json.loads(row["signal_kinds"] or "[]"),
        alert=bool(row["alert"]), claimed_by=row["claimed_by"], outcome=row["outcome"], note=row["note"],
        resume_pending=bool(row["resume_pending"]), created_at=row["created_at"], claimed_at=row["claimed_at"],
        closed_at=row["closed_at"],
    )  # fmt: skip


def create(db: sqlite_utils.Database, conversation_id: str, summary: dict[str, Any], mode: str) -> Handoff:
    """Store a validated cjg-handoff/1 summary as a new waiting hand-off."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    stamp = now()
    with db.atomic():
        db["handoffs"].insert(
            {
                "id": summary["id"], "conversation_id": conversation_id, "channel": summary["channel"],
                "mode": mode, "status": "waiting", "level": summary["level"],
                "priority": PRIORITY[summary["level"]], "topics": json.dumps(summary["topics"]),
                "summary": json.dumps(summary, ensure_ascii=False),
                "signal_kinds": json.dumps(summary["safety"]["signal_kinds"]),
                "alert": 0, "resume_pending": 0, "created_at": stamp, "updated_at": stamp,
            }
        )  # fmt: skip
    return get(db, summary["id"])


def get(db: sqlite_utils.Database, handoff_id: str) -> Handoff:
    rows = list(db.query("SELECT * FROM handoffs WHERE id = ?", [handoff_id]))
    if not rows:
        raise HandoffNotFound(handoff_id)
    return _from_row(rows[0])


def latest_for(db: sqlite_utils.Database, conversation_id: str) -> Handoff | None:
    """The conversation's most recent hand-off, whatever its state."""
    rows = list(
        db.query(
            "SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
            [conversation_id],
        )
    )
    return _from_row(rows[0]) if rows else None


def listing(db: sqlite_utils.Database, status: str) -> list[Handoff]:
    """Hand-offs in one state, in queue order (closed ones: most recently closed first)."""
    order = "closed_at DESC" if status == "closed" else "priority, created_at"
    return [_from_row(r) for r in db.query(f"SELECT * FROM handoffs WHERE status = ? ORDER BY {order}", [status])]


def position(db: sqlite_utils.Database, handoff: Handoff) -> int:
    """1 for the first in line: waiting live chats with a higher level or the same level and longer wait."""
    ahead = db.execute(
        "SELECT COUNT(*) FROM handoffs WHERE status = 'waiting' AND mode = 'chat' AND id != ? "
        "AND (priority < ? OR (priority = ? AND created_at < ?))",
        [handoff.id, PRIORITY[handoff.level], PRIORITY[handoff.level], handoff.created_at],
    ).fetchone()[0]
    return ahead + 1


def held_by(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Which active hand-offs each worker holds."""
    holding: dict[str, list[str]] = {}
    for row in db.query("SELECT id, claimed_by FROM handoffs WHERE status = 'active' ORDER BY claimed_at"):
        holding.setdefault(row["claimed_by"], []).append(row["id"])
    return holding


def _update(db: sqlite_utils.Database, handoff_id: str, **fields: Any) -> Handoff:
    with db.atomic():
        db["handoffs"].update(handoff_id, {**fields, "updated_at": now()})
        db.execute("UPDATE handoffs SET revision = revision + 1 WHERE id = ?", [handoff_id])
    return get(db, handoff_id)


def claim(db: sqlite_utils.Database, handoff_id: str, worker: str) -> Handoff:
    """Take a waiting hand-off. Claiming one you already hold changes nothing."""
    with db.atomic():
        handoff = get(db, handoff_id)
        if handoff.status == "active" and handoff.claimed_by == worker:
            return handoff
        if handoff.status == "active":
            raise HandoffConflict(f"Deze overdracht is al opgepakt door {handoff.claimed_by}.")
        if handoff.status == "closed":
            raise HandoffConflict("Deze overdracht is al afgesloten.")
        return _update(db, handoff_id, status="active", claimed_by=worker, claimed_at=now())


def _held(handoff: Handoff, worker: str) -> None:
    if handoff.status != "active" or handoff.claimed_by != worker:
        raise HandoffConflict("Pak deze overdracht eerst op; alleen wie haar heeft, kan dit doen.")


def check_holder(db: sqlite_utils.Database, handoff_id: str, worker: str) -> Handoff:
    handoff = get(db, handoff_id)
    _held(handoff, worker)
    return handoff


def release(db: sqlite_utils.Database, handoff_id: str, worker: str) -> Handoff:
    """Put a hand-off back in the queue for a colleague; its place is by its original waiting time."""
    with db.atomic():
        _held(get(db, handoff_id), worker)
        return _update(db, handoff_id, status="waiting", claimed_by=None, claimed_at=None)


def close(db: sqlite_utils.Database, handoff_id: str, worker: str, outcome: str, note: str = "") -> Handoff:
    """Close with an outcome. A phone number given for a call-back is not kept after this."""
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
    if len(note) > MAX_NOTE_LENGTH:
        raise ValueError(f"note: at most {MAX_NOTE_LENGTH} characters")
    with db.atomic():
        handoff = get(db, handoff_id)
        if handoff.status == "closed":
            raise HandoffConflict("Deze overdracht is al afgesloten.")
        if handoff.status == "active" and handoff.claimed_by != worker:
            raise HandoffConflict(f"Deze overdracht is in behandeling bij {handoff.claimed_by}.")
        summary = {**handoff.summary, "contact": {**handoff.summary["contact"], "phone": None}}
        return _update(
            db, handoff_id, status="closed", outcome=outcome, note=note.strip() or None, closed_at=now(),
            claimed_by=handoff.claimed_by or worker, summary=json.dumps(summary, ensure_ascii=False),
            resume_pending=int(handoff.mode == "chat"),
        )  # fmt: skip


def raise_alert(db: sqlite_utils.Database, handoff_id: str, kinds: list[str]) -> Handoff:
    """A danger signal during the hand-off: level D, and the worker is alerted."""
    with db.atomic():
        handoff = get(db, handoff_id)
        merged = list(dict.fromkeys([*handoff.signal_kinds, *kinds]))
        return _update(db, handoff_id, alert=1, signal_kinds=json.dumps(merged), level="D", priority=PRIORITY["D"])


def resumed(db: sqlite_utils.Database, handoff_id: str) -> None:
    """The assistant has taken the conversation back after a closed live chat."""
    with db.atomic():
        db["handoffs"].update(handoff_id, {"resume_pending": 0})


def version(db: sqlite_utils.Database) -> str:
    """Changes whenever a hand-off or a message changes: what the live inbox watches."""
    row = db.execute(
        "SELECT (SELECT COUNT(*) FROM handoffs), (SELECT SUM(revision) FROM handoffs), (SELECT MAX(id) FROM messages)"
    ).fetchone()
    return f"{row[0]}|{row[1]}|{row[2]}"
