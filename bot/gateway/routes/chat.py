"""The chat API for parents and young people.

A message goes to the assistant (Rasa), or, while a worker has the
conversation, to the worker. Every message to the person is numbered, so the
page can fetch or stream what came in since (a worker's reply, the news that
the hand-off was picked up).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from sse_starlette.sse import EventSourceResponse

from bot.gateway.deps import ContentDep, RasaDep, StoreDep
from bot.gateway.rasa_client import RasaUnavailable
from bot.gateway.schemas import (
    CONVERSATION_ID,
    BotMessage,
    ChatRequest,
    ChatResponse,
    ErrorResponse,
    HelpLine,
    HelpResponse,
)
from bot.handoff import live, queue
from bot.safety import ANSWERING, SIGNAL_ENTITY, Signal, detect
from bot.transcript import BOT, append, last_seq, last_to_person, to_person_after

router = APIRouter(prefix="/api/chat", tags=["chat"])
log = logging.getLogger(__name__)

UNAVAILABLE = (
    "De assistent is even niet bereikbaar. Probeer het zo nog eens. Is het dringend? Bel bij direct gevaar 112."
)
POLL_SECONDS = 0.5
ConversationId = Path(..., regex=CONVERSATION_ID)


def _messages(db, conversation_id: str, after: int) -> list[BotMessage]:
    return [
        BotMessage(seq=e.seq, text=e.text, buttons=e.buttons, meta=e.meta)
        for e in to_person_after(db, conversation_id, after)
    ]


async def _signal(rasa: RasaDep, content: ContentDep, text: str) -> Signal | None:
    """The safety net on a message that does not go to the assistant: Rasa's NLU, or the patterns alone."""
    try:
        parsed = await rasa.parse(text)
    except RasaUnavailable:
        return detect(text, content.crisis)
    if (parsed.get("intent") or {}).get("name") != "crisis":
        return None
    kinds = tuple(dict.fromkeys(str(e["value"]) for e in parsed.get("entities") or []
                                if e.get("entity") == SIGNAL_ENTITY))  # fmt: skip
    return Signal(kinds=kinds, by_rule=bool(kinds), by_model=not kinds)


def _context(db, conversation_id: str) -> dict[str, str] | None:
    """The triage question the message answers, if the last message asked one: the safety net reads answers apart."""
    asked = last_to_person(db, conversation_id)
    question = asked.meta.get("triage_question") if asked else None
    return {ANSWERING: question} if question else None


@router.post(
    "",
    response_model=ChatResponse,
    responses={422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
)
async def chat(body: ChatRequest, rasa: RasaDep, db: StoreDep, content: ContentDep) -> ChatResponse:
    """Send one message and get the replies (none while a worker is reading along)."""
    cid = body.conversation_id
    last = last_seq(db, cid)
    handoff = queue.latest_for(db, cid)
    if handoff and handoff.live:
        handoff = live.person_says(db, content, handoff, body.text, await _signal(rasa, content, body.text))
        return ChatResponse(messages=_messages(db, cid, last), handoff=live.handoff_meta(handoff))
    try:
        if handoff and handoff.resume_pending:
            await rasa.resume(cid, live.HANDOFF_SLOTS)
            queue.resumed(db, handoff.id)
        replies = await rasa.send(cid, body.text, _context(db, cid))
    except RasaUnavailable as error:
        log.warning("Rasa unavailable: %s", error)  # the error names the endpoint, never the person's words
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE) from error
    handoff = queue.latest_for(db, cid)  # the assistant may just have made one
    meta = {"handoff": {"id": handoff.id, "status": handoff.status}} if handoff else {}
    for message in replies:
        append(db, cid, BOT, message.text, buttons=[b.dict() for b in message.buttons],
               meta={**message.meta, **meta}, handoff_id=handoff.id if handoff and handoff.live else None)  # fmt: skip
    return ChatResponse(messages=_messages(db, cid, last), handoff=live.handoff_meta(handoff))


@router.get("/help", response_model=HelpResponse)
async def help_lines(content: ContentDep) -> HelpResponse:
    """The day-and-night lines, always on the chat page: the safety net may miss a danger, these never go away."""
    crisis = content.crisis
    return HelpResponse(
        title=crisis.help_title, lines=[HelpLine(name=line.name, text=line.text) for line in crisis.lines.values()]
    )


@router.get("/{conversation_id}/messages", response_model=ChatResponse)
async def messages(db: StoreDep, conversation_id: str = ConversationId, after: int = Query(0, ge=0)) -> ChatResponse:
    """Messages to the person newer than `after` (from the assistant or a worker)."""
    handoff = queue.latest_for(db, conversation_id)
    return ChatResponse(messages=_messages(db, conversation_id, after), handoff=live.handoff_meta(handoff))


@router.get("/{conversation_id}/events")
async def events(
    request: Request, db: StoreDep, conversation_id: str = ConversationId, after: int = Query(0, ge=0)
) -> EventSourceResponse:
    """The same messages as a live stream (Server-Sent Events), for a worker's replies."""

    async def stream() -> AsyncIterator[dict[str, str]]:
        seen = after
        while not await request.is_disconnected():
            for message in _messages(db, conversation_id, seen):
                seen = message.seq or seen
                yield {"event": "message", "id": str(message.seq), "data": message.json()}
            await asyncio.sleep(POLL_SECONDS)

    return EventSourceResponse(stream(), ping=15)
