"""Staff accounts and sessions, and the `cjg staff` command a municipality's IT uses."""

import subprocess
import sys
from pathlib import Path

import pytest

from bot.staff import accounts
from bot.staff.security import token_digest

PASSWORD = "een lang wachtwoord"
CJG = str(Path(sys.executable).parent / "cjg")


def test_a_password_is_stored_only_as_an_argon2_hash(db) -> None:
    accounts.add(db, "anna", PASSWORD, "Anna de Vries")
    stored = db.execute("SELECT password_hash FROM staff").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(
    ("username", "password", "complaint"),
    [("Anna Smit", PASSWORD, "username"), ("a", PASSWORD, "username"), ("anna", "kort", "at least 12")],
)
def test_bad_accounts_are_refused_with_a_reason(db, username: str, password: str, complaint: str) -> None:
    with pytest.raises(accounts.AccountError, match=complaint):
        accounts.add(db, username, password)


def test_login_opens_a_session_whose_token_is_stored_hashed(db) -> None:
    accounts.add(db, "anna", PASSWORD)
    assert accounts.login(db, "anna", "fout wachtwoord!") is None
    assert accounts.login(db, "bram", PASSWORD) is None
    worker, token = accounts.login(db, "anna", PASSWORD)
    assert accounts.session_worker(db, token) == worker
    assert db.execute("SELECT token_hash FROM staff_sessions").fetchone()[0] == token_digest(token)
    assert [w.username for w in accounts.online(db)] == ["anna"]
    accounts.logout(db, token)
    assert accounts.session_worker(db, token) is None and accounts.online(db) == []


def test_a_disabled_worker_is_logged_out_and_cannot_log_in(db) -> None:
    accounts.add(db, "anna", PASSWORD)
    _, token = accounts.login(db, "anna", PASSWORD)
    accounts.disable(db, "anna")
    assert accounts.session_worker(db, token) is None
    assert accounts.login(db, "anna", PASSWORD) is None


def test_a_worker_seen_long_ago_is_not_online(db) -> None:
    accounts.add(db, "anna", PASSWORD)
    accounts.login(db, "anna", PASSWORD)
    db.execute("UPDATE staff_sessions SET last_seen = '2020-01-01T00:00:00.000+00:00'")
    assert accounts.online(db) == []


def _cjg(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([CJG, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_the_cli_adds_lists_and_disables_workers(isolated_db) -> None:
    added = _cjg("staff", "add", "anna", "--name", "Anna de Vries", "--password-stdin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert PASSWORD not in added.stdout + added.stderr
    listed = _cjg("staff", "list")
    assert "anna" in listed.stdout and "Anna de Vries" in listed.stdout and "active" in listed.stdout
    assert _cjg("staff", "disable", "anna").returncode == 0
    assert "disabled" in _cjg("staff", "list").stdout


def test_the_cli_says_what_is_wrong(isolated_db) -> None:
    short = _cjg("staff", "add", "anna", "--password-stdin", stdin="kort\n")
    assert short.returncode == 1 and "at least 12" in short.stderr
    assert "no account" in _cjg("staff", "disable", "niemand").stderr
    assert "No accounts yet" in _cjg("staff", "list").stdout
