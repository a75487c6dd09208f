"""The queue's rules: order, claiming, releasing, closing, and what a close forgets."""

import pytest

from bot.handoff import queue
from bot.store import MIGRATIONS, open_store
from tests.handoff.helpers import make_handoff


def test_the_schema_is_created_once_and_reopening_keeps_the_data(isolated_db) -> None:
    first = open_store(isolated_db)
    make_handoff(first)
    first.close()
    again = open_store(isolated_db)
    assert again.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert again.journal_mode == "wal"
    assert len(queue.listing(again, "waiting")) == 1


def test_the_queue_is_ordered_by_level_then_waiting_time(db) -> None:
    a = make_handoff(db, "a", triage_capacity="goed", triage_impact="weinig", triage_duration="kort",
                     triage_domains=["niets"], triage_risks=["geen"], triage_network="ja")  # fmt: skip
    c_first = make_handoff(db, "c1")
    c_second = make_handoff(db, "c2")
    d = make_handoff(db, "d", triage_safe_now="nee")
    assert (a.level, c_first.level, d.level) == ("A", "C", "D")
    assert [h.id for h in queue.listing(db, "waiting")] == [d.id, c_first.id, c_second.id, a.id]
    assert [queue.position(db, h) for h in (d, c_first, c_second, a)] == [1, 2, 3, 4]


def test_a_callback_does_not_take_a_place_in_the_chat_line(db) -> None:
    make_handoff(db, "phone", mode="callback", handoff_phone="06 12345678")
    chat = make_handoff(db, "chat")
    assert queue.position(db, chat) == 1
    assert not queue.latest_for(db, "phone").live and chat.live


def test_claiming_what_another_worker_holds_is_a_conflict(db) -> None:
    handoff = make_handoff(db)
    taken = queue.claim(db, handoff.id, "anna")
    assert (taken.status, taken.claimed_by) == ("active", "anna")
    assert queue.claim(db, handoff.id, "anna").claimed_by == "anna"  # again: no change, no error
    with pytest.raises(queue.HandoffConflict, match="anna"):
        queue.claim(db, handoff.id, "bram")
    for action in (lambda: queue.release(db, handoff.id, "bram"), lambda: queue.check_holder(db, handoff.id, "bram")):
        with pytest.raises(queue.HandoffConflict):
            action()
    with pytest.raises(queue.HandoffConflict, match="anna"):
        queue.close(db, handoff.id, "bram", "anders")


def test_release_puts_it_back_with_its_original_waiting_time(db) -> None:
    first = make_handoff(db, "first")
    make_handoff(db, "second")
    queue.claim(db, first.id, "anna")
    back = queue.release(db, first.id, "anna")
    assert (back.status, back.claimed_by, back.created_at) == ("waiting", None, first.created_at)
    assert queue.position(db, back) == 1


def test_closing_records_the_outcome_and_forgets_the_phone_number(db) -> None:
    handoff = make_handoff(db, mode="callback", handoff_phone="06 12345678")
    assert handoff.summary["contact"]["phone"] == "06 12345678"
    closed = queue.close(db, handoff.id, "anna", "afspraak_gemaakt", "  Gebeld, afspraak op dinsdag.  ")
    assert (closed.status, closed.outcome) == ("closed", "afspraak_gemaakt")
    assert closed.note == "Gebeld, afspraak op dinsdag."
    assert closed.summary["contact"]["phone"] is None
    assert not closed.resume_pending  # a call-back never paused the assistant
    with pytest.raises(queue.HandoffConflict):
        queue.close(db, handoff.id, "anna", "anders")


def test_closing_a_live_chat_asks_the_gateway_to_resume_the_assistant(db) -> None:
    handoff = make_handoff(db)
    queue.claim(db, handoff.id, "anna")
    closed = queue.close(db, handoff.id, "anna", "advies_gegeven")
    assert closed.resume_pending and not closed.live
    queue.resumed(db, handoff.id)
    assert not queue.get(db, handoff.id).resume_pending


@pytest.mark.parametrize(("outcome", "note"), [("weet_niet", ""), ("anders", "x" * 501)])
def test_a_close_with_a_bad_outcome_or_note_is_refused(db, outcome: str, note: str) -> None:
    handoff = make_handoff(db)
    with pytest.raises(ValueError):
        queue.close(db, handoff.id, "anna", outcome, note)
    assert queue.get(db, handoff.id).status == "waiting"


def test_an_alert_raises_the_level_to_d_and_keeps_the_kinds(db) -> None:
    handoff = make_handoff(db)
    alerted = queue.raise_alert(db, handoff.id, ["violence"])
    alerted = queue.raise_alert(db, handoff.id, ["violence", "suicide"])
    assert (alerted.level, alerted.alert, alerted.signal_kinds) == ("D", True, ["violence", "suicide"])
    assert queue.listing(db, "waiting")[0].id == handoff.id


def test_the_version_changes_with_every_change(db) -> None:
    before = queue.version(db)
    handoff = make_handoff(db)
    after_create = queue.version(db)
    queue.claim(db, handoff.id, "anna")
    assert len({before, after_create, queue.version(db)}) == 3


def test_the_version_changes_when_two_changes_share_a_millisecond(db, monkeypatch) -> None:
    """A claim right after the hand-off was made must still reach every open inbox."""
    monkeypatch.setattr(queue, "now", lambda: "2026-12-06T21:00:00.000+00:00")
    handoff = make_handoff(db)
    after_create = queue.version(db)
    queue.claim(db, handoff.id, "anna")
    after_claim = queue.version(db)
    queue.release(db, handoff.id, "anna")
    assert len({after_create, after_claim, queue.version(db)}) == 3


def test_a_database_of_the_first_schema_is_migrated_and_keeps_its_hand_offs(isolated_db) -> None:
    old = open_store(isolated_db)
    make_handoff(old)
    old.execute("ALTER TABLE handoffs DROP COLUMN revision")
    old.execute("PRAGMA user_version = 1")
    old.close()
    again = open_store(isolated_db)
    (handoff,) = queue.listing(again, "waiting")
    before = queue.version(again)
    queue.claim(again, handoff.id, "anna")
    assert queue.version(again) != before


def test_an_unknown_hand_off_is_not_found(db) -> None:
    with pytest.raises(queue.HandoffNotFound):
        queue.get(db, "nope")
