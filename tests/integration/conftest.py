"""One real stack (Rasa, action server, gateway) for the whole test session.

It runs on its own ports so it does not collide with a `make run` in
another terminal, and is stopped when the session ends.
"""

import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from bot.config import Settings
from bot.content import DEFAULT_CONTENT_DIR
from bot.stack import Stack

WORKER_PASSWORD = "een lang wachtwoord voor de test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def set_office_hours(content_dir: Path, hours: dict[str, str]) -> None:
    """Edit contact.yml as CJG staff would; the running stack reads it at the next message."""
    path = content_dir / "contact.yml"
    contact = yaml.safe_load(path.read_text(encoding="utf-8"))
    contact["office_hours"] = hours
    path.write_text(yaml.safe_dump(contact, allow_unicode=True), encoding="utf-8")


ALWAYS_OPEN = {day: "00:00-24:00" for day in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                                              "zaterdag", "zondag")}  # fmt: skip


@pytest.fixture(scope="session")
def stack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stack's own database files and a copy of content/ open day and night, whatever hour CI runs."""
    root = tmp_path_factory.mktemp("stack")
    shutil.copytree(DEFAULT_CONTENT_DIR, root / "content")
    set_office_hours(root / "content", ALWAYS_OPEN)
    return root


def add_worker(stack: Stack, username: str) -> None:
    """With the real `cjg` command, as the CJG's IT would."""
    subprocess.run(
        [str(Path(sys.executable).parent / "cjg"), "staff", "add", username, "--password-stdin"],
        input=WORKER_PASSWORD + "\n", text=True, check=True, capture_output=True,
        env=stack.environment(),
    )  # fmt: skip


@pytest.fixture(scope="session")
def stack(stack_dir: Path) -> Iterator[Stack]:
    settings = Settings(
        gateway_port=_free_port(),
        rasa_url=f"http://127.0.0.1:{_free_port()}",
        action_server_url=f"http://127.0.0.1:{_free_port()}",
        db_path=stack_dir / "cjg.db",
        tracker_db_path=stack_dir / "rasa-tracker.db",
        login_rate_limit="1000/minute",
    )
    running = Stack(settings, extra_env={"CJG_CONTENT_DIR": str(stack_dir / "content")})
    for name in ("anna", "bram"):
        add_worker(running, name)
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

    def transcript(self) -> list[dict]:
        """Every message to the person so far, in order."""
        response = self.api.get(f"/api/chat/{self.id}/messages")
        assert response.status_code == 200, response.text
        return response.json()["messages"]

    def say(self, text: str) -> list[dict]:
        response = self.api.post("/api/chat", json={"conversation_id": self.id, "text": text})
        assert response.status_code == 200, response.text
        messages = response.json()["messages"]
        assert messages, f"no reply to {text!r}"
        return messages


@pytest.fixture
def conversation(api: httpx.Client) -> Conversation:
    return Conversation(api)
