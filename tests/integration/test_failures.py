"""Real processes stopped and started again: the gateway must say so, not crash."""

import pytest

from tests.integration.conftest import Conversation

pytestmark = pytest.mark.stack


def test_action_server_down_and_back(stack, api) -> None:
    stack.stop(["actions"])
    try:
        health = api.get("/api/health")
        assert health.status_code == 503
        assert health.json()["action_server"]["up"] is False and health.json()["rasa"]["up"] is True
        response = api.post("/api/chat", json={"conversation_id": "failure-1", "text": "mijn peuter slaapt slecht"})
        assert response.status_code == 503
        assert "niet bereikbaar" in response.json()["error"]
    finally:
        stack.start(["actions"])
        stack.wait_healthy(timeout=120)
    first = Conversation(api).say("mijn peuter slaapt slecht")[0]
    assert first["meta"]["topic"] == "slapen"
