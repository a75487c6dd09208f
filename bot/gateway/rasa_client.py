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
    def __init__(self, http: httpx.AsyncClient, base_url: str, token: str | None = None) -> None:
        self._http = http
        self._base_url = base_url.rstrip("/")
        self._params = {"token": token} if token else {}

    async def _api(self, path: str, payload: Any) -> Any:
        """Rasa's HTTP API (enabled with a token by bot.stack, on 127.0.0.1 only)."""
        try:
            response = await self._http.post(f"{self._base_url}{path}", json=payload, params=self._params)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RasaUnavailable(str(error) or type(error).__name__) from error
        return response.json()

    async def parse(self, text: str) -> dict[str, Any]:
        """NLU only, the safety net included; nothing is added to any conversation."""
        return await self._api("/model/parse", {"text": text})

    async def resume(self, conversation_id: str, clear_slots: list[str]) -> None:
        """Give a paused conversation back to the assistant, forgetting the finished hand-off.

        A pause stops Rasa before its `action_listen`; adding it makes the next message start a fresh turn.
        """
        events = [
            {"event": "resume"},
            *({"event": "slot", "name": s, "value": None} for s in clear_slots),
            {"event": "action", "name": "action_listen"},
        ]
        await self._api(f"/conversations/{conversation_id}/tracker/events", events)

    async def send(self, conversation_id: str, text: str, context: dict[str, Any] | None = None) -> list[BotMessage]:
        """`context` goes with the message as its metadata, which the NLU pipeline reads (the safety net)."""
        body = {"sender": conversation_id, "message": text, **({"metadata": context} if context else {})}
        try:
            response = await self._http.post(f"{self._base_url}/webhooks/rest/webhook", json=body)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RasaUnavailable(str(error) or type(error).__name__) from error
        messages = [m for m in (to_bot_message(item) for item in response.json()) if m is not None]
        if not messages:
            # Every rule ends in a reply; none means an action failed (e.g. the action server is down).
            raise RasaUnavailable("Rasa sent no reply")
        return messages
