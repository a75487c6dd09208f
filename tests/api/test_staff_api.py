"""The staff API contract (docs/handoff-api.md) and the person's side of a live hand-off.

The real gateway app on a real SQLite file; Rasa is not running, which also
shows that a live chat does not depend on it: the person's messages go to the
worker, and the safety net falls back to its patterns.
"""

import socket

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.gateway.app import create_app
from bot.handoff import queue
from bot.staff import accounts
from bot.store import open_store
from tests.handoff.helpers import make_handoff

PASSWORD = "een lang wachtwoord"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def client(monkeypatch, isolated_db):
    monkeypatch.setenv("CJG_RASA_URL", f"http://127.0.0.1:{_free_port()}")  # nothing listens: Rasa is down
    get_settings.cache_clear()
    store = open_store(isolated_db)
    accounts.add(store, "anna", PASSWORD, "Anna de Vries")
    accounts.add(store, "bram", PASSWORD, "Bram Jansen")
    with TestClient(create_app()) as test_client:
        yield test_client


def _token(client: TestClient, username: str) -> dict[str, str]:
    response = client.post("/api/staff/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/staff/me"), ("GET", "/api/staff/workers"), ("GET", "/api/staff/handoffs?status=waiting"),
        ("GET", "/api/staff/handoffs/x"), ("POST", "/api/staff/handoffs/x/claim"),
        ("POST", "/api/staff/handoffs/x/messages"), ("POST", "/api/staff/handoffs/x/release"),
        ("POST", "/api/staff/handoffs/x/close"), ("GET", "/api/staff/events"), ("POST", "/api/staff/logout"),
    ],
)  # fmt: skip
def test_every_staff_endpoint_needs_a_worker(client, method: str, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer nonsense"}):
        response = client.request(method, path, headers=headers, json={"text": "hoi"})
        assert response.status_code == 401, (path, response.text)
        assert response.json()["error"] == "Log eerst in."


def test_login_gives_an_httponly_cookie_and_a_bearer_token(client) -> None:
    assert client.post("/api/staff/login", json={"username": "anna", "password": "fout"}).status_code == 401
    response = client.post("/api/staff/login", json={"username": "anna", "password": PASSWORD})
    assert response.json()["display_name"] == "Anna de Vries"
    cookie = response.headers["set-cookie"]
    assert "cjg_staff=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/api/staff/me").json()["username"] == "anna"  # by the cookie
    client.cookies.clear()
    me = client.get("/api/staff/me", headers={"Authorization": f"Bearer {response.json()['token']}"})
    assert me.json()["outcomes"][0] == {"id": "advies_gegeven", "label": "Advies gegeven"}
    assert client.post("/api/staff/logout", headers=me.request.headers).status_code == 204
    assert client.get("/api/staff/me", headers=me.request.headers).status_code == 401


def test_too_many_logins_are_slowed_down(monkeypatch, client) -> None:
    monkeypatch.setenv("CJG_LOGIN_RATE_LIMIT", "3/minute")
    get_settings.cache_clear()
    codes = [client.post("/api/staff/login", json={"username": "x", "password": "y"}).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]


def test_the_queue_lists_by_level_and_says_who_holds_what(client) -> None:
    store = open_store()
    c = make_handoff(store, "c")
    d = make_handoff(store, "d", triage_safe_now="nee")
    anna = _token(client, "anna")
    waiting = client.get("/api/staff/handoffs?status=waiting", headers=anna).json()
    assert [(h["id"], h["level"], h["topic_labels"]) for h in waiting] == [(d.id, "D", ["Scheiding"]),
                                                                           (c.id, "C", ["Scheiding"])]  # fmt: skip
    assert client.post(f"/api/staff/handoffs/{c.id}/claim", headers=anna).json()["claimed_by"] == "anna"
    active = client.get("/api/staff/handoffs?status=active", headers=anna).json()
    assert [h["id"] for h in active] == [c.id]
    workers = client.get("/api/staff/workers", headers=anna).json()
    assert {"username": "anna", "display_name": "Anna de Vries", "online": True, "holding": [c.id]} in workers
    assert client.get("/api/staff/handoffs?status=gone", headers=anna).status_code == 422


def test_claim_conflicts_and_only_the_holder_may_act(client) -> None:
    handoff = make_handoff(open_store(), "p")
    anna, bram = _token(client, "anna"), _token(client, "bram")
    url = f"/api/staff/handoffs/{handoff.id}"
    assert client.post(f"{url}/messages", headers=anna, json={"text": "Hoi"}).status_code == 409  # not claimed yet
    assert client.post(f"{url}/claim", headers=anna).status_code == 200
    conflict = client.post(f"{url}/claim", headers=bram)
    assert conflict.status_code == 409 and "anna" in conflict.json()["error"]
    assert client.post(f"{url}/messages", headers=bram, json={"text": "Hoi"}).status_code == 409
    assert client.post(f"{url}/release", headers=bram).status_code == 409
    assert client.post(f"{url}/close", headers=bram, json={"outcome": "anders", "note": ""}).status_code == 409
    assert client.post(f"{url}/close", headers=anna, json={"outcome": "weet ik niet"}).status_code == 422
    assert client.post(f"{url}/close", headers=anna, json={"outcome": "anders", "note": "x" * 501}).status_code == 422
    assert client.post(f"{url}/messages", headers=anna, json={"text": "  "}).status_code == 422
    assert client.get("/api/staff/handoffs/nope", headers=anna).status_code == 404


def _person(client: TestClient, cid: str, after: int = 0) -> list[dict]:
    return client.get(f"/api/chat/{cid}/messages", params={"after": after}).json()["messages"]


def test_a_live_chat_from_waiting_to_closed(client) -> None:
    handoff = make_handoff(open_store(), "marina")
    anna = _token(client, "anna")
    url = f"/api/staff/handoffs/{handoff.id}"

    waiting = client.post("/api/chat", json={"conversation_id": "marina", "text": "Ik ben er nog"})
    assert waiting.status_code == 200  # Rasa is down, and it does not matter: a worker gets this
    assert "als eerste aan de beurt" in waiting.json()["messages"][0]["text"]
    assert waiting.json()["handoff"] == {"id": handoff.id, "status": "waiting", "mode": "chat"}

    detail = client.post(f"{url}/claim", headers=anna).json()
    first = detail["messages"][0]
    assert (first["seq"], first["from"], first["text"]) == (1, "ouder", "Ik ben er nog")
    assert "opgepakt" in _person(client, "marina")[-1]["text"]

    sent = client.post(f"{url}/messages", headers=anna, json={"text": "Hoi, ik ben Anna van het CJG."})
    assert sent.status_code == 201
    latest = _person(client, "marina", after=sent.json()["seq"] - 1)
    assert [(m["text"], m["meta"]["from"]) for m in latest] == [("Hoi, ik ben Anna van het CJG.", "medewerker")]

    quiet = client.post("/api/chat", json={"conversation_id": "marina", "text": "Dank je, fijn"})
    assert quiet.json()["messages"] == [] and quiet.json()["handoff"]["status"] == "active"

    closed = client.post(f"{url}/close", headers=anna, json={"outcome": "afspraak_gemaakt", "note": "Intake dinsdag"})
    assert closed.json()["status"] == "closed" and closed.json()["outcome"] == "afspraak_gemaakt"
    assert "weer met de digitale assistent" in _person(client, "marina")[-1]["text"]
    assert [m["from"] for m in closed.json()["messages"]] == ["ouder", "bot", "bot", "medewerker", "ouder", "bot"]
    # Back with the assistant: the next message goes to Rasa (which is down here, hence the honest 503).
    assert client.post("/api/chat", json={"conversation_id": "marina", "text": "hoi"}).status_code == 503


def test_danger_during_a_live_chat_gets_the_lines_first_and_alerts_the_worker(client) -> None:
    handoff = make_handoff(open_store(), "p")
    anna = _token(client, "anna")
    client.post(f"/api/staff/handoffs/{handoff.id}/claim", headers=anna)
    reply = client.post("/api/chat", json={"conversation_id": "p", "text": "Hij heeft een mes gepakt en bedreigt me"})
    first = reply.json()["messages"][0]
    assert first["meta"]["safety"] is True and "112" in first["text"]
    detail = client.get(f"/api/staff/handoffs/{handoff.id}", headers=anna).json()
    assert detail["alert"] is True and detail["level"] == "D" and "violence" in detail["signal_kinds"]


def test_release_tells_the_person_and_a_closed_hand_off_cannot_be_claimed(client) -> None:
    handoff = make_handoff(open_store(), "p")
    anna, bram = _token(client, "anna"), _token(client, "bram")
    url = f"/api/staff/handoffs/{handoff.id}"
    client.post(f"{url}/claim", headers=anna)
    assert client.post(f"{url}/release", headers=anna).json()["status"] == "waiting"
    assert "teruggezet" in _person(client, "p")[-1]["text"]
    client.post(f"{url}/claim", headers=bram)
    client.post(f"{url}/close", headers=bram, json={"outcome": "geen_reactie"})
    assert client.post(f"{url}/claim", headers=anna).status_code == 409
    assert queue.get(open_store(), handoff.id).claimed_by == "bram"


def test_the_inbox_page_is_served(client) -> None:
    page = client.get("/staff")
    assert page.status_code == 200 and 'id="login"' in page.text and "/static/staff.js" in page.text
