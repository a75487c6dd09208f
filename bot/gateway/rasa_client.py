"""Talk to the internal Rasa server over its REST channel."""

from __future__ import annotations

from typing import Any

import httpx

from bot.gateway.schemas import BotMessage


class RasaUnavailable(RuntimeError):
    """Rasa did not answer (down, starting, or too slow)."""


def to_bot_message(item: dict[str, Any]) -> BotMessage | None:
    """Rasa's output item → our message. Actions send our shape as custom JSON."""
    custom = item.get("custom")
    if isinstance(custom, dict) and custom.get("text"):
        return BotMessage.parse_obj(custom)
    if item.get("text"):
        return BotMessage(text=item["text"], buttons=item.get("buttons") or [])
    return None


class RasaClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        self._http = http
        self._base_url = base_url.rstrip("/")

    async def send(self, conversation_id: str, text: str) -> list[BotMessage]:
        try:
            response = await self._http.post(
                f"{self._base_url}/webhooks/rest/webhook",
                json={"sender": conversation_id, "message": text},
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RasaUnavailable(str(error) or type(error).__name__) from error
        messages = [m for m in (to_bot_message(item) for item in response.json()) if m is not None]
        if not messages:
            # Every rule ends in a reply; none means an action failed (e.g. the action server is down).
            raise RasaUnavailable("Rasa sent no reply")
        return messages
