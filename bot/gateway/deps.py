"""Dependencies the routes declare in their signatures: the store, Rasa, the content, the worker."""

from __future__ import annotations

from typing import Annotated

import httpx
import sqlite_utils
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bot.config import Settings, get_settings
from bot.content import Content, current_content
from bot.gateway.rasa_client import RasaClient
from bot.staff import accounts

SESSION_COOKIE = "cjg_staff"
_bearer = HTTPBearer(auto_error=False)


def http_client(request: Request) -> httpx.AsyncClient:
    return request.app.state.http


def store(request: Request) -> sqlite_utils.Database:
    return request.app.state.store


def rasa_client(
    http: Annotated[httpx.AsyncClient, Depends(http_client)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> RasaClient:
    token = settings.rasa_token.get_secret_value() if settings.rasa_token else None
    return RasaClient(http, str(settings.rasa_url), token)


HttpDep = Annotated[httpx.AsyncClient, Depends(http_client)]
RasaDep = Annotated[RasaClient, Depends(rasa_client)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[sqlite_utils.Database, Depends(store)]
ContentDep = Annotated[Content, Depends(current_content)]


def session_token(
    request: Request, bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> str | None:
    """The worker's token: from `Authorization: Bearer`, or the inbox's HttpOnly cookie."""
    return bearer.credentials if bearer else request.cookies.get(SESSION_COOKIE)


async def current_worker(db: StoreDep, token: Annotated[str | None, Depends(session_token)]) -> accounts.Worker:
    """Async on purpose: the store's one connection is then only used from the event loop, never two threads."""
    worker = accounts.session_worker(db, token) if token else None
    if worker is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Log eerst in.", headers={"WWW-Authenticate": "Bearer"})
    return worker


TokenDep = Annotated[str | None, Depends(session_token)]
WorkerDep = Annotated[accounts.Worker, Depends(current_worker)]
