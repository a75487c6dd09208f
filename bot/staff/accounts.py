"""CJG workers: accounts (made with the `cjg staff` command) and their inbox sessions.

There is no default account and no password in the repository: the first
worker is added on the server with `cjg staff add NAME --password-stdin`.
A worker counts as available while an inbox session has been seen recently
(the inbox keeps a live connection that refreshes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import sqlite_utils

from bot.staff.security import MIN_PASSWORD_LENGTH, hash_password, new_token, token_digest, verify_password
from bot.store import now

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
SESSION_HOURS = 10  # one working day; then log in again
ONLINE_SECONDS = 90  # the inbox refreshes its session every 20 s while it is open


class AccountError(ValueError):
    """A staff account cannot be made or changed; the message says why."""


@dataclass(frozen=True)
class Worker:
    id: int
    username: str
    display_name: str


def _worker(row: dict) -> Worker:
    return Worker(id=row["id"], username=row["username"], display_name=row["display_name"] or row["username"])


def add(db: sqlite_utils.Database, username: str, password: str, display_name: str | None = None) -> Worker:
    if not USERNAME.match(username):
        raise AccountError("username: 2-32 characters, lower-case letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if db.execute("SELECT 1 FROM staff WHERE username = ?", [username]).fetchone():
        raise AccountError(f"username {username!r} exists already")
    with db.atomic():
        db["staff"].insert(
            {"username": username, "display_name": display_name or username, "disabled": 0,
             "password_hash": hash_password(password), "created_at": now()}
        )  # fmt: skip
    return find(db, username)  # type: ignore[return-value]


def find(db: sqlite_utils.Database, username: str) -> Worker | None:
    rows = list(db.query("SELECT * FROM staff WHERE username = ? AND disabled = 0", [username]))
    return _worker(rows[0]) if rows else None


def all_accounts(db: sqlite_utils.Database) -> list[dict]:
    """Every account with whether it is disabled and when it was last seen."""
    return list(
        db.query(
            "SELECT s.username, s.display_name, s.disabled, s.created_at, MAX(x.last_seen) AS last_seen "
            "FROM staff s LEFT JOIN staff_sessions x ON x.staff_id = s.id GROUP BY s.id ORDER BY s.username"
        )
    )


def disable(db: sqlite_utils.Database, username: str) -> None:
    """Disable an account and end its sessions at once."""
    row = db.execute("SELECT id FROM staff WHERE username = ?", [username]).fetchone()
    if not row:
        raise AccountError(f"no account {username!r}")
    with db.atomic():
        db.execute("UPDATE staff SET disabled = 1 WHERE id = ?", [row[0]])
        db.execute("DELETE FROM staff_sessions WHERE staff_id = ?", [row[0]])


def login(db: sqlite_utils.Database, username: str, password: str) -> tuple[Worker, str] | None:
    """Check the password and open a session; returns the worker and the token, or None."""
    rows = list(db.query("SELECT * FROM staff WHERE username = ? AND disabled = 0", [username]))
    if not verify_password(rows[0]["password_hash"] if rows else None, password) or not rows:
        return None
    token = new_token()
    with db.atomic():
        db["staff_sessions"].insert(
            {"token_hash": token_digest(token), "staff_id": rows[0]["id"], "created_at": now(),
             "expires_at": now(timedelta(hours=SESSION_HOURS)), "last_seen": now()}
        )  # fmt: skip
        db.execute("DELETE FROM staff_sessions WHERE expires_at < ?", [now()])
    return _worker(rows[0]), token


def session_worker(db: sqlite_utils.Database, token: str, *, touch: bool = True) -> Worker | None:
    """The worker a valid, unexpired session token belongs to (and mark them as seen)."""
    digest = token_digest(token)
    moment = now()
    rows = list(
        db.query(
            "SELECT s.* FROM staff_sessions x JOIN staff s ON s.id = x.staff_id "
            "WHERE x.token_hash = ? AND x.expires_at > ? AND s.disabled = 0",
            [digest, moment],
        )
    )
    if not rows:
        return None
    if touch:
        with db.atomic():
            db.execute("UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?", [moment, digest])
    return _worker(rows[0])


def logout(db: sqlite_utils.Database, token: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM staff_sessions WHERE token_hash = ?", [token_digest(token)])


def online(db: sqlite_utils.Database) -> list[Worker]:
    """Workers with an inbox open right now: they count as available for a live chat."""
    rows = db.query(
        "SELECT DISTINCT s.* FROM staff s JOIN staff_sessions x ON x.staff_id = s.id "
        "WHERE s.disabled = 0 AND x.last_seen > ? AND x.expires_at > ? ORDER BY s.username",
        [now(timedelta(seconds=-ONLINE_SECONDS)), now()],
    )
    return [_worker(row) for row in rows]
