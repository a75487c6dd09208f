"""The hand-off's actions, called as the action server calls them, on a real SQLite file."""

import asyncio
from datetime import datetime, timezone

import pytest

from actions import handoff as actions
from bot.handoff import queue
from bot.staff import accounts
from tests.handoff.helpers import EVENTS, MARINA
from tests.unit.conftest import make_tracker, sent


@pytest.fixture(autouse=True)
def fresh_store(db):
    actions.store.cache_clear()  # each test has its own database file
    yield
    actions.store.cache_clear()


@pytest.fixture
def open_now(monkeypatch):
    monkeypatch.setattr(actions, "availability", _fixed(open_=True))


@pytest.fixture
def closed_now(monkeypatch):
    monkeypatch.setattr(actions, "availability", _fixed(open_=False))


def _fixed(open_: bool):
    """Office hours decided for the test; who is online still comes from the database."""
    from bot.handoff import availability as real

    def at_a_fixed_hour(db, content, at=None):
        hour = datetime(2026, 11, 23, 9 if open_ else 21, tzinfo=timezone.utc)
        return real.availability(db, content, hour)

    return at_a_fixed_hour


def _tapped(value: str, slots: dict | None = None):
    payload = f'/triage_answer{{"answer": "{value}"}}'
    return make_tracker(payload, "triage_answer", slots=slots, entities=[{"entity": "answer", "value": value}])


def _validate(method: str, value, tracker, dispatcher) -> dict:
    return getattr(actions.ValidateHandoffForm(), f"validate_{method}")(value, dispatcher, tracker, {})


def _worker_online(db) -> None:
    accounts.add(db, "anna", "een lang wachtwoord")
    accounts.login(db, "anna", "een lang wachtwoord")


def test_no_consent_goes_straight_to_a_live_chat_when_a_worker_is_online(db, dispatcher, open_now) -> None:
    _worker_online(db)
    result = _validate("handoff_consent", "/x", _tapped("nee"), dispatcher)
    assert result == {"handoff_consent": "nee", "handoff_route": "chat"}
    assert "alleen hoe dringend" in sent(dispatcher)[0]["text"]


def test_when_closed_the_route_question_says_so_with_the_lines(db, dispatcher, closed_now) -> None:
    _worker_online(db)
    assert _validate("handoff_consent", "nee", make_tracker("nee", "deny"), dispatcher) == {"handoff_consent": "nee"}
    route = next(a for a in actions.ASK_ACTIONS if a().name() == "action_ask_handoff_route")
    route().run(dispatcher, make_tracker("nee", "deny", slots={"asker": "jongere"}), {})
    message = sent(dispatcher)[-1]
    assert "gesloten" in message["text"] and "Kindertelefoon" in message["text"]
    assert [b["title"] for b in message["buttons"]] == ["Bel me terug", "Bericht achterlaten", "Nee, dank je"]


@pytest.mark.parametrize(
    ("consent", "route", "expected"),
    [
        (None, None, ["handoff_consent", "handoff_route"]),
        ("ja", None, ["handoff_consent", "handoff_goal", "handoff_strengths", "handoff_route"]),
        ("nee", "callback", ["handoff_consent", "handoff_route", "handoff_phone"]),
        ("nee", "message", ["handoff_consent", "handoff_route", "handoff_message"]),
    ],
)
def test_the_questions_depend_on_the_answers(consent, route, expected) -> None:
    tracker = make_tracker("", "affirm", slots={"handoff_consent": consent, "handoff_route": route})
    required = asyncio.run(actions.ValidateHandoffForm().required_slots([], None, tracker, {}))
    assert required == expected


@pytest.mark.parametrize(("typed", "expected"), [("06 12345678", "06 12345678"), ("bel me maar", None)])
def test_a_phone_number_is_checked(dispatcher, typed: str, expected) -> None:
    result = _validate("handoff_phone", typed, make_tracker(typed, "inform_age"), dispatcher)
    assert result == {"handoff_phone": expected}
    assert bool(sent(dispatcher)) is (expected is None)  # a wrong number is asked again, with an example


def test_submit_queues_the_hand_off_and_pauses_the_assistant(db, dispatcher) -> None:
    tracker = make_tracker("Ik ben er elke dag voor ze", "triage_answer", slots=MARINA)
    tracker.events = EVENTS
    tracker.sender_id = "marina"
    events = actions.ActionHandoffSubmit().run(dispatcher, tracker, {})
    (stored,) = queue.listing(db, "waiting")
    assert (stored.conversation_id, stored.level, stored.mode) == ("marina", "C", "chat")
    assert {"event": "pause", "timestamp": None} in events
    assert sent(dispatcher)[0]["meta"]["handoff"] == {"id": stored.id, "status": "waiting", "mode": "chat"}
