"""Can someone take a live chat now? Office hours from content/, workers from the inbox.

Live chat is offered only while the CJG is open (contact.yml's office_hours,
minus handoff.yml's closed_dates, in its time zone) and at least one worker
has the inbox open. Otherwise the person hears that honestly and can ask
for a call-back or leave a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.content import WEEKDAYS, Content
from bot.staff import accounts


@dataclass(frozen=True)
class Availability:
    open: bool
    workers_online: int

    @property
    def live_chat(self) -> bool:
        return self.open and self.workers_online > 0


def _clock(text: str) -> time:
    return time.max if text == "24:00" else time.fromisoformat(text)


def is_open(content: Content, at: datetime | None = None) -> bool:
    """Whether `at` (default: now) falls within the CJG's opening hours."""
    local = (at or datetime.now(timezone.utc)).astimezone(ZoneInfo(content.handoff.timezone))
    if local.date() in content.handoff.closed_dates:
        return False
    hours = content.contact.office_hours.get(WEEKDAYS[local.weekday()])
    if not hours:
        return False
    start, end = (_clock(part) for part in hours.split("-"))
    return start <= local.time() < end


def availability(db: sqlite_utils.Database, content: Content, at: datetime | None = None) -> Availability:
    return Availability(open=is_open(content, at), workers_online=len(accounts.online(db)))
