"""Office hours (contact.yml, handoff.yml) and who is online decide whether a live chat is offered."""

from datetime import datetime, timezone

import pytest

from bot.content import current_content
from bot.handoff.availability import availability, is_open
from bot.handoff.phone import dutch_phone
from bot.staff import accounts


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        ("2026-11-23T08:30", True),  # Monday 09:30 in Amsterdam (UTC+1)
        ("2026-11-23T07:59", False),  # Monday 08:59
        ("2026-11-23T16:00", False),  # Monday 17:00: closed at the closing time
        ("2026-11-27T11:59", True),  # Friday 12:59
        ("2026-11-27T12:00", False),  # Friday 13:00
        ("2026-11-28T10:00", False),  # Saturday
        ("2026-07-06T07:30", True),  # Monday 09:30 in summer time (UTC+2)
        ("2026-12-25T10:00", False),  # Christmas: a closed date
    ],
)
def test_office_hours_in_the_cjg_time_zone(utc: str, expected: bool) -> None:
    at = datetime.fromisoformat(utc).replace(tzinfo=timezone.utc)
    assert is_open(current_content(), at) is expected


def test_a_live_chat_needs_open_hours_and_a_worker_online(db) -> None:
    content = current_content()
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
    assert not availability(db, content, monday).live_chat
    accounts.add(db, "anna", "een lang wachtwoord")
    accounts.login(db, "anna", "een lang wachtwoord")
    assert availability(db, content, monday).live_chat
    sunday = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
    assert not availability(db, content, sunday).live_chat


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0612345678", "06 12345678"), ("+31 6 12345678", "06 12345678"), ("010-1234567", "010 123 4567"),
        ("06 1234", None), ("+32 471 12 34 56", None), ("bel me morgen", None), ("", None),
    ],
)  # fmt: skip
def test_only_a_valid_dutch_number_is_taken_for_a_call_back(typed: str, expected: str | None) -> None:
    assert dutch_phone(typed) == expected
