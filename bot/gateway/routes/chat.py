"""The chat API for parents and young people."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from bot.gateway.deps import RasaDep
from bot.gateway.rasa_client import RasaUnavailable
from bot.gateway.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api/chat", tags=["chat"])

UNAVAILABLE = (
    "De assistent is even niet bereikbaar. Probeer het zo nog eens. Is het dringend? Bel bij direct gevaar 112."
)


@router.post(
    "",
    response_model=ChatResponse,
    responses={422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
)
async def chat(body: ChatRequest, rasa: RasaDep) -> ChatResponse:
    """Send one message and get the assistant's replies."""
    try:
        messages = await rasa.send(body.conversation_id, body.text)
    except RasaUnavailable as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE) from error
    return ChatResponse(messages=messages)
