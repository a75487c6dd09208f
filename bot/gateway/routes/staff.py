"""The staff API: log in, see the queue, take over a conversation, reply, release, close.

The inbox at /staff uses exactly these endpoints (docs/handoff-api.md).
Every route but login needs a worker (`WorkerDep`): a session cookie or a
bearer token, so authentication cannot be forgotten on a new route. An unknown
hand-off becomes a 404 and a conflict (held by a colleague, closed) a 409, in app.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from slowapi import Limiter
from slowapi.util import get_remote_address
from sse_starlette.sse import EventSourceResponse

from bot.config import get_settings
from bot.content import Content
from bot.gateway.deps import SESSION_COOKIE, ContentDep, SettingsDep, StoreDep, TokenDep, WorkerDep
from bot.gateway.schemas import (
    CloseRequest,
    ErrorResponse,
    HandoffDetail,
    HandoffItem,
    LiveMessage,
    LoginRequest,
    LoginResponse,
    Me,
    Outcome,
    SentMessage,
    StaffMessageRequest,
    WorkerState,
)  # fmt: skip
from bot.handoff import live, queue
from bot.handoff.summary_text import summary_lines
from bot.staff import accounts
from bot.transcript import PERSON, for_handoff

router = APIRouter(prefix="/api/staff", tags=["staff"], responses={401: {"model": ErrorResponse}})
limiter = Limiter(key_func=get_remote_address)
EVENTS_POLL_SECONDS = 1.0
SESSION_REFRESH_SECONDS = 20


def _item(handoff: queue.Handoff, content: Content) -> HandoffItem:
    return HandoffItem(
        id=handoff.id, level=handoff.level, topics=handoff.topics,
        topic_labels=[content.topics[t].label if t in content.topics else t for t in handoff.topics],
        status=handoff.status, mode=handoff.mode, waiting_seconds=handoff.waiting_seconds(),
        claimed_by=handoff.claimed_by, alert=handoff.alert, created_at=handoff.created_at,
    )  # fmt: skip


def _detail(db, handoff: queue.Handoff, content: Content) -> HandoffDetail:
    asker = handoff.summary.get("asker") or "ouder"
    messages = [
        LiveMessage(seq=e.seq, sender=asker if e.sender == PERSON else e.sender, text=e.text, at=e.created_at)
        for e in for_handoff(db, handoff.id)
    ]
    return HandoffDetail(
        **_item(handoff, content).dict(),
        summary=handoff.summary,
        summary_lines=summary_lines(handoff.summary, content),
        messages=messages,
        outcome=handoff.outcome,
        note=handoff.note,
        signal_kinds=handoff.signal_kinds,
    )


@router.post("/login", response_model=LoginResponse, responses={429: {"model": ErrorResponse}})
@limiter.limit(lambda: get_settings().login_rate_limit)
async def login(
    request: Request, response: Response, body: LoginRequest, db: StoreDep, settings: SettingsDep
) -> LoginResponse:
    """Check the password; the session comes back as an HttpOnly cookie and as a bearer token."""
    session = accounts.login(db, body.username, body.password)
    if session is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Gebruikersnaam of wachtwoord klopt niet.")
    worker, token = session
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="strict", secure=settings.cookies_need_https,
        max_age=accounts.SESSION_HOURS * 3600, path="/",
    )  # fmt: skip
    return LoginResponse(token=token, username=worker.username, display_name=worker.display_name)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(worker: WorkerDep, token: TokenDep, db: StoreDep, response: Response) -> Response:
    accounts.logout(db, token or "")
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.status_code = status.HTTP_204_NO_CONTENT
    return response


@router.get("/me", response_model=Me)
async def me(worker: WorkerDep, content: ContentDep) -> Me:
    outcomes = [Outcome(id=key, label=label) for key, label in content.handoff.outcomes.items()]
    return Me(username=worker.username, display_name=worker.display_name, outcomes=outcomes)


@router.get("/workers", response_model=list[WorkerState])
async def workers(worker: WorkerDep, db: StoreDep) -> list[WorkerState]:
    """Colleagues with the inbox open, and which hand-offs each one holds."""
    holding = queue.held_by(db)
    online = {w.username: w for w in accounts.online(db)}
    names = sorted(set(online) | set(holding))
    return [
        WorkerState(username=name, display_name=online[name].display_name if name in online else name,
                    online=name in online, holding=holding.get(name, []))
        for name in names
    ]  # fmt: skip


@router.get("/handoffs", response_model=list[HandoffItem])
async def handoffs(
    worker: WorkerDep, db: StoreDep, content: ContentDep,
    status_: Literal["waiting", "active", "closed"] = Query("waiting", alias="status"),
) -> list[HandoffItem]:  # fmt: skip
    """One state's hand-offs in queue order: D, C, B, A, then the longest wait first."""
    return [_item(h, content) for h in queue.listing(db, status_)]


@router.get("/handoffs/{handoff_id}", response_model=HandoffDetail, responses={404: {"model": ErrorResponse}})
async def handoff(handoff_id: str, worker: WorkerDep, db: StoreDep, content: ContentDep) -> HandoffDetail:
    return _detail(db, queue.get(db, handoff_id), content)


@router.post("/handoffs/{handoff_id}/claim", response_model=HandoffDetail, responses={409: {"model": ErrorResponse}})
async def claim(handoff_id: str, worker: WorkerDep, db: StoreDep, content: ContentDep) -> HandoffDetail:
    before = queue.get(db, handoff_id)
    taken = queue.claim(db, handoff_id, worker.username)
    if before.status == "waiting":
        live.picked_up(db, content, taken)
    return _detail(db, taken, content)


@router.post(
    "/handoffs/{handoff_id}/messages",
    response_model=SentMessage,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"model": ErrorResponse}},
)
async def send(handoff_id: str, body: StaffMessageRequest, worker: WorkerDep, db: StoreDep) -> SentMessage:
    held = queue.check_holder(db, handoff_id, worker.username)
    return SentMessage(seq=live.worker_says(db, held, worker.username, body.text))


@router.post("/handoffs/{handoff_id}/release", response_model=HandoffDetail, responses={409: {"model": ErrorResponse}})
async def release(handoff_id: str, worker: WorkerDep, db: StoreDep, content: ContentDep) -> HandoffDetail:
    back = queue.release(db, handoff_id, worker.username)
    live.released(db, content, back)
    return _detail(db, back, content)


@router.post("/handoffs/{handoff_id}/close", response_model=HandoffDetail, responses={409: {"model": ErrorResponse}})
async def close(
    handoff_id: str, body: CloseRequest, worker: WorkerDep, db: StoreDep, content: ContentDep
) -> HandoffDetail:
    """Close with an outcome; the person is back with the assistant, and hears so."""
    done = queue.close(db, handoff_id, worker.username, body.outcome, body.note)
    live.closed(db, content, done)
    return _detail(db, done, content)


@router.get("/events")
async def events(request: Request, worker: WorkerDep, token: TokenDep, db: StoreDep) -> EventSourceResponse:
    """A `changed` event whenever the queue or a live chat changes; keeps the worker counted as online."""

    async def stream() -> AsyncIterator[dict[str, str]]:
        seen = None
        ticks = 0
        while not await request.is_disconnected():
            if ticks % int(SESSION_REFRESH_SECONDS / EVENTS_POLL_SECONDS) == 0 and not (
                token and accounts.session_worker(db, token)
            ):
                yield {"event": "logged_out", "data": "{}"}
                return
            current = queue.version(db)
            if current != seen:
                seen = current
                yield {"event": "changed", "data": f'{{"version": "{current}"}}'}
            ticks += 1
            await asyncio.sleep(EVENTS_POLL_SECONDS)

    return EventSourceResponse(stream(), ping=15)
