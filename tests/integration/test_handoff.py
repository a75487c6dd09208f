"""The warm hand-off through the real stack: Rasa, the action server, the gateway and SQLite.

Marina (seed 000) reaches level C, consents, and a worker takes over her
conversation; the assistant stays silent meanwhile and takes over again when
the worker closes. Also: nobody available (closed, a call-back), danger during
a live chat, and a restart of every process in the middle of a live chat.
"""

import json
from collections.abc import Iterator

import httpx
import pytest

from bot.stack import Stack
from bot.store import open_store
from bot.triage.flow import answer_payload
from tests.integration.conftest import ALWAYS_OPEN, WORKER_PASSWORD, Conversation, set_office_hours
from tests.integration.test_triage import MARINA_ANSWERS, MARINA_OPENING, run_triage, start

pytestmark = pytest.mark.stack


def login(api: httpx.Client, username: str) -> dict[str, str]:
    response = api.post("/api/staff/login", json={"username": username, "password": WORKER_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def post(api: httpx.Client, conversation: Conversation, text: str) -> dict:
    response = api.post("/api/chat", json={"conversation_id": conversation.id, "text": text})
    assert response.status_code == 200, response.text
    return response.json()


def marina_hands_off(conversation: Conversation) -> dict:
    """Marina's triage to C, then yes to the hand-off, consent, and both optional questions."""
    _, result = run_triage(conversation, start(conversation, MARINA_OPENING), MARINA_ANSWERS)
    assert result[0]["meta"]["level"] == "C"
    (consent,) = conversation.say(result[-1]["buttons"][0]["payload"])  # "Ja, verbind me door"
    assert consent["meta"]["handoff_question"] == "handoff_consent"
    (goal,) = conversation.say(answer_payload("ja"))
    assert goal["meta"]["handoff_question"] == "handoff_goal"
    (strengths,) = conversation.say("Dat de kinderen weer rustig slapen en dat ik het overzicht terugkrijg")
    assert strengths["meta"]["handoff_question"] == "handoff_strengths"
    (waiting,) = conversation.say("Ik ben er elke dag voor ze, en mijn zus helpt soms")
    return waiting


def next_event(stream: Iterator[str], name: str) -> dict:
    """The data of the next Server-Sent Event called `name`."""
    event = None
    for line in stream:
        if line.startswith("event:"):
            event = line.split(":", 1)[1].strip()
        elif line.startswith("data:") and event == name:
            return json.loads(line.split(":", 1)[1])
    raise AssertionError(f"the stream ended before a {name!r} event")


def rasa_tracker(stack: Stack, conversation_id: str) -> dict:
    url = f"{str(stack.settings.rasa_url).rstrip('/')}/conversations/{conversation_id}/tracker"
    return httpx.get(url, params={"token": stack.rasa_token}, timeout=30).json()


def test_marina_is_taken_over_by_a_worker_and_given_back(api: httpx.Client, stack: Stack) -> None:
    anna = login(api, "anna")  # anna has the inbox open, so a live chat is offered
    marina = Conversation(api)
    waiting = marina_hands_off(marina)
    assert "Er is een medewerker beschikbaar" in waiting["text"] and "aan de beurt" in waiting["text"]
    handoff_id = waiting["meta"]["handoff"]["id"]
    assert waiting["meta"]["handoff"]["status"] == "waiting"
    assert rasa_tracker(stack, marina.id)["paused"] is True

    queued = api.get("/api/staff/handoffs", params={"status": "waiting"}, headers=anna).json()
    assert {"id": handoff_id, "level": "C", "status": "waiting", "claimed_by": None}.items() <= next(
        item for item in queued if item["id"] == handoff_id
    ).items()
    detail = api.get(f"/api/staff/handoffs/{handoff_id}", headers=anna).json()
    lines = "\n".join(detail["summary_lines"])
    for fact in ("Niveau C", "Het lukt je nu niet meer", "kind van 9 jaar", "Geldzorgen", "overzicht terugkrijg",
                 "mijn zus helpt soms", "Contact: chat nu"):  # fmt: skip
        assert fact in lines, fact
    assert detail["summary"]["consent"]["given"] is True and detail["summary"]["transcript"]

    still = post(api, marina, "Hallo, is er iemand?")
    assert "Je bericht staat klaar voor de medewerker" in still["messages"][0]["text"]
    seen = max(m["seq"] for m in still["messages"])

    with httpx.stream("GET", f"{stack.gateway_url}/api/chat/{marina.id}/events", params={"after": seen},
                      timeout=30) as live:  # fmt: skip
        lines_in = live.iter_lines()
        assert api.post(f"/api/staff/handoffs/{handoff_id}/claim", headers=anna).status_code == 200
        picked = next_event(lines_in, "message")
        assert "opgepakt" in picked["text"] and picked["meta"]["handoff"]["status"] == "active"
        api.post(f"/api/staff/handoffs/{handoff_id}/messages", headers=anna,
                 json={"text": "Hoi Marina, ik ben Anna. Ik heb je samenvatting gelezen."})  # fmt: skip
        reply = next_event(lines_in, "message")
        assert reply["meta"]["from"] == "medewerker" and reply["text"].startswith("Hoi Marina")

    assert post(api, marina, "Fijn dat je er bent")["messages"] == []  # the assistant stays silent
    messages = api.get(f"/api/staff/handoffs/{handoff_id}", headers=anna).json()["messages"]
    assert messages[-1]["from"] == "ouder" and messages[-1]["text"] == "Fijn dat je er bent"

    closed = api.post(f"/api/staff/handoffs/{handoff_id}/close", headers=anna,
                      json={"outcome": "afspraak_gemaakt", "note": "Intake gepland"})  # fmt: skip
    assert closed.json()["status"] == "closed"
    back = api.get(f"/api/chat/{marina.id}/messages", params={"after": 0}).json()
    assert "weer met de digitale assistent" in back["messages"][-1]["text"]
    answer = post(api, marina, "mijn dochter van 4 wil niet slapen")
    assert answer["messages"][0]["meta"].get("topic") == "slapen"
    assert rasa_tracker(stack, marina.id)["paused"] is False


def test_danger_during_the_hand_off_questions_gives_the_lines_and_the_hand_off_goes_on_as_urgent(
    api: httpx.Client, stack: Stack
) -> None:
    anna = login(api, "anna")
    parent = Conversation(api)
    (consent,) = parent.say("Ik wil graag met iemand van het CJG praten")
    assert consent["meta"]["handoff_question"] == "handoff_consent"
    (goal,) = parent.say(answer_payload("ja"))
    assert goal["meta"]["handoff_question"] == "handoff_goal"
    lines, urgent, strengths = parent.say("Dat mijn man ophoudt met slaan, hij slaat mij en de kinderen")
    assert lines["meta"]["safety"] is True and "112" in lines["text"] and "0800-2000" in lines["text"]
    assert urgent["meta"]["handoff"] == {"status": "urgent"}
    assert strengths["meta"]["handoff_question"] == "handoff_strengths"  # not asked for consent again
    (waiting,) = parent.say(answer_payload("overslaan"))
    assert waiting["meta"]["handoff"]["status"] == "waiting"
    detail = api.get(f"/api/staff/handoffs/{waiting['meta']['handoff']['id']}", headers=anna).json()
    assert detail["level"] == "D" and detail["summary"]["safety"]["signal_kinds"] == ["violence"]
    assert "ophoudt met slaan" in detail["summary"]["goal"]


def test_outside_office_hours_a_call_back_is_offered_with_the_crisis_lines(
    api: httpx.Client, stack: Stack, stack_dir
) -> None:
    set_office_hours(stack_dir / "content", {})
    try:
        parent = Conversation(api)
        (consent,) = parent.say("Ik wil iemand van het CJG spreken")
        assert consent["meta"]["handoff_question"] == "handoff_consent"
        (route,) = parent.say(answer_payload("nee"))[-1:]
        assert "gesloten" in route["text"] and "112" in route["text"] and "Veilig Thuis" in route["text"]
        assert route["meta"]["handoff_question"] == "handoff_route"
        (phone,) = parent.say(answer_payload("callback"))
        assert phone["meta"]["handoff_question"] == "handoff_phone"
        again = parent.say("12345")
        assert "Nederlands telefoonnummer" in again[0]["text"]
        (saved,) = parent.say("06-12345678")
        assert "06 12345678" in saved["text"] and saved["meta"]["handoff"]["status"] == "waiting"
        anna = login(api, "anna")
        detail = api.get(f"/api/staff/handoffs/{saved['meta']['handoff']['id']}", headers=anna).json()
        assert detail["mode"] == "callback" and detail["summary"]["contact"]["phone"] == "06 12345678"
        assert detail["summary"]["consent"]["given"] is False
        (hello,) = parent.say("hoi")[:1]  # not a live chat: the assistant keeps answering
        assert hello["meta"].get("from") == "bot"
    finally:
        set_office_hours(stack_dir / "content", ALWAYS_OPEN)


def test_with_nobody_online_a_message_can_be_left(api: httpx.Client, stack: Stack) -> None:
    open_store(stack.settings.db_path).execute("UPDATE staff_sessions SET last_seen = '2020-01-01T00:00:00.000+00:00'")
    young = Conversation(api)
    young.say("ik ben 15 en ik voel me al maanden somber")
    young.say("/request_human")
    young.say(answer_payload("ja"))
    young.say(answer_payload("overslaan"))
    (route,) = young.say(answer_payload("overslaan"))
    assert "geen medewerker online" in route["text"] and "Kindertelefoon" in route["text"]
    (ask,) = young.say(answer_payload("message"))
    assert ask["meta"]["handoff_question"] == "handoff_message"
    (saved,) = young.say("Kunnen jullie me mailen? Ik durf niet te bellen.")
    assert "bericht staat klaar" in saved["text"]
    anna = login(api, "anna")
    detail = api.get(f"/api/staff/handoffs/{saved['meta']['handoff']['id']}", headers=anna).json()
    assert detail["summary_lines"][0].startswith("Deze jongere vroeg hulp voor zichzelf")
    assert "Ik durf niet te bellen" in "\n".join(detail["summary_lines"])


def test_danger_in_a_live_chat_gets_the_lines_at_once_and_alerts_the_worker(api: httpx.Client, stack: Stack) -> None:
    anna = login(api, "anna")
    parent = Conversation(api)
    parent.say("Ik wil een medewerker spreken")
    (waiting,) = parent.say(answer_payload("nee"))[-1:]
    handoff_id = waiting["meta"]["handoff"]["id"]
    with httpx.stream("GET", f"{stack.gateway_url}/api/staff/events", headers=anna, timeout=30) as events:
        lines = events.iter_lines()
        next_event(lines, "changed")
        first = post(api, parent, "Ik ben bang dat ik mijn baby iets aandoe, ik kan niet meer")["messages"][0]
        assert first["meta"]["safety"] is True and "112" in first["text"]
        next_event(lines, "changed")  # the inbox hears of it without a reload
    detail = api.get(f"/api/staff/handoffs/{handoff_id}", headers=anna).json()
    assert detail["alert"] is True and detail["level"] == "D"


def test_restarting_everything_in_a_live_chat_loses_nothing(api: httpx.Client, stack: Stack) -> None:
    bram = login(api, "bram")
    parent = Conversation(api)
    parent.say("mijn zoon van 7 plast nog in bed")
    parent.say("Kan ik iemand spreken?")
    (waiting,) = parent.say(answer_payload("nee"))[-1:]
    handoff_id = waiting["meta"]["handoff"]["id"]
    api.post(f"/api/staff/handoffs/{handoff_id}/claim", headers=bram)
    post(api, parent, "Hij is 7 en het gebeurt elke nacht")
    before = api.get(f"/api/staff/handoffs/{handoff_id}", headers=bram).json()

    stack.stop()
    stack.start()
    stack.wait_healthy(timeout=300)

    after = api.get(f"/api/staff/handoffs/{handoff_id}", headers=bram).json()  # the session survived too
    assert (after["status"], after["claimed_by"], after["messages"]) == ("active", "bram", before["messages"])
    assert rasa_tracker(stack, parent.id)["paused"] is True
    assert post(api, parent, "Ben je er nog?")["messages"] == []  # still with the worker, not the assistant
    api.post(f"/api/staff/handoffs/{handoff_id}/close", headers=bram, json={"outcome": "advies_gegeven"})
    answer = post(api, parent, "hoe leer ik hem 's nachts droog te blijven?")
    assert answer["messages"][0]["meta"].get("topic") == "zindelijkheid"
    assert any(e.get("text") == "mijn zoon van 7 plast nog in bed" for e in rasa_tracker(stack, parent.id)["events"])


def test_a_typed_yes_to_the_offer_of_a_worker_starts_the_hand_off(conversation: Conversation) -> None:
    """People type "ja" as often as they tap the button, after a triage result and after the crisis lines."""
    _, result = run_triage(conversation, start(conversation, MARINA_OPENING), MARINA_ANSWERS)
    assert result[0]["meta"]["level"] == "C"
    (consent,) = conversation.say("ja graag")
    assert consent["meta"]["handoff_question"] == "handoff_consent"


def test_a_typed_yes_after_the_crisis_lines_starts_the_urgent_hand_off(conversation: Conversation) -> None:
    lines, _ = conversation.say("mijn vriend heeft me vannacht gewurgd en ik durf niet naar huis")
    assert lines["meta"]["safety"] is True
    (consent,) = conversation.say("ja")
    assert consent["meta"]["handoff_question"] == "handoff_consent"
