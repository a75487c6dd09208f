"""The gateway's public contract for bad input and for an unreachable Rasa.

These run the real gateway app without Rasa behind it: input is checked
before Rasa is asked, and a Rasa that does not answer must give a clear 503.
"""

import socket

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.content import load_content
from bot.gateway.app import create_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def client(monkeypatch):
    port = _free_port()  # nothing listens here: Rasa and the action server are "down"
    monkeypatch.setenv("CJG_RASA_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("CJG_ACTION_SERVER_URL", f"http://127.0.0.1:{port}")
    get_settings.cache_clear()
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ({"text": "hoi"}, "conversation_id"),
        ({"conversation_id": "abc"}, "text"),
        ({"conversation_id": "abc", "text": ""}, "text is empty"),
        ({"conversation_id": "abc", "text": "   \n\t"}, "text is empty"),
        ({"conversation_id": "abc", "text": "a" * 2001}, "longer than 2000"),
        ({"conversation_id": "abc", "text": 42}, "text"),
        ({"conversation_id": 42, "text": "hoi"}, "conversation_id"),
        ({"conversation_id": "abc", "text": ["hoi"]}, "text"),
        ({"conversation_id": "a b/c", "text": "hoi"}, "conversation_id"),
        ({"conversation_id": "x" * 65, "text": "hoi"}, "conversation_id"),
        ({"conversation_id": None, "text": "hoi"}, "conversation_id"),
        ([], "Invalid request"),
    ],
)
def test_bad_input_gets_a_clear_4xx(client, body, complaint: str) -> None:
    response = client.post("/api/chat", json=body)
    assert response.status_code == 422
    assert complaint in response.json()["error"]


def test_invalid_json_gets_a_clear_4xx(client) -> None:
    response = client.post("/api/chat", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"].startswith("Invalid request")


def test_text_of_exactly_2000_characters_is_accepted_by_validation(client) -> None:
    response = client.post("/api/chat", json={"conversation_id": "abc", "text": "a" * 2000})
    assert response.status_code == 503  # valid input; only Rasa is missing


def test_rasa_down_gives_503_with_a_dutch_explanation(client) -> None:
    response = client.post("/api/chat", json={"conversation_id": "abc", "text": "hoi"})
    assert response.status_code == 503
    assert "niet bereikbaar" in response.json()["error"] and "112" in response.json()["error"]


def test_health_reports_each_service_down(client) -> None:
    response = client.get("/api/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["rasa"]["up"] is False and body["action_server"]["up"] is False


def test_chat_page_is_served(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "<title>Chat met de CJG Assistent</title>" in response.text
    assert client.get("/static/chat.js").status_code == 200


def test_the_help_lines_come_from_content_and_need_no_assistant(client) -> None:
    """The chat page always shows the day-and-night lines; they are served even while Rasa is down."""
    response = client.get("/api/chat/help")
    assert response.status_code == 200
    body = response.json()
    crisis = load_content().crisis
    assert body["title"] == crisis.help_title
    assert [line["text"] for line in body["lines"]] == [line.text for line in crisis.lines.values()]
    numbers = " ".join(line["text"] for line in body["lines"])
    for number in ("112", "0800-2000", "0800-0113", "0800-0432"):
        assert number in numbers


def test_wrong_method_is_a_4xx_not_a_500(client) -> None:
    assert client.get("/api/chat").status_code == 405
