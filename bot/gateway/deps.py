"""Dependencies the routes declare in their signatures."""

from __future__ import annotations

from typing import Annotated

import httpx
from fastapi import Depends, Request

from bot.config import Settings, get_settings
from bot.gateway.rasa_client import RasaClient


def http_client(request: Request) -> httpx.AsyncClient:
    return request.app.state.http


def rasa_client(
    http: Annotated[httpx.AsyncClient, Depends(http_client)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> RasaClient:
    return RasaClient(http, str(settings.rasa_url))


HttpDep = Annotated[httpx.AsyncClient, Depends(http_client)]
RasaDep = Annotated[RasaClient, Depends(rasa_client)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
