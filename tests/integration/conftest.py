"""One real stack (Rasa, action server, gateway) for the whole test session.

It runs on its own ports so it does not collide with a `make run` in
another terminal, and is stopped when the session ends.
"""

import socket
from collections.abc import Iterator

import httpx
import pytest

from bot.config import Settings
from bot.stack import Stack


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    settings = Settings(
        gateway_port=_free_port(),
        rasa_url=f"http://127.0.0.1:{_free_port()}",
        action_server_url=f"http://127.0.0.1:{_free_port()}",
    )
    running = Stack(settings)
    running.start()
    try:
        running.wait_healthy(timeout=300)
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=60) as client:
        yield client


class Conversation:
    """A person chatting through the public API, one conversation id."""

    counter = 0

    def __init__(self, api: httpx.Client) -> None:
        Conversation.counter += 1
        self.api = api
        self.id = f"test-{Conversation.counter}"

    def say(self, text: str) -> list[dict]:
        response = self.api.post("/api/chat", json={"conversation_id": self.id, "text": text})
        assert response.status_code == 200, response.text
        messages = response.json()["messages"]
        assert messages, f"no reply to {text!r}"
        return messages


@pytest.fixture
def conversation(api: httpx.Client) -> Conversation:
    return Conversation(api)
