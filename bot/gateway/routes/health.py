"""Is everything behind the gateway up?"""

from __future__ import annotations

import asyncio

import httpx
from fastapi import APIRouter, Response, status

from bot.gateway.deps import HttpDep, SettingsDep
from bot.gateway.schemas import HealthResponse, ServiceState

router = APIRouter(prefix="/api/health", tags=["health"])


async def _probe(http: httpx.AsyncClient, url: str, timeout: float) -> ServiceState:
    try:
        response = await http.get(url, timeout=timeout)
    except httpx.HTTPError as error:
        return ServiceState(up=False, detail=f"no answer: {type(error).__name__}")
    if response.status_code != 200:
        return ServiceState(up=False, detail=f"HTTP {response.status_code}")
    return ServiceState(up=True, detail="ok")


@router.get("", response_model=HealthResponse, responses={503: {"model": HealthResponse}})
async def health(http: HttpDep, settings: SettingsDep, response: Response) -> HealthResponse:
    """200 when Rasa and the action server both answer, 503 otherwise."""
    timeout = settings.health_timeout_seconds
    rasa, actions = await asyncio.gather(
        _probe(http, f"{str(settings.rasa_url).rstrip('/')}/", timeout),
        _probe(http, f"{str(settings.action_server_url).rstrip('/')}/health", timeout),
    )
    healthy = rasa.up and actions.up
    if not healthy:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthResponse(status="ok" if healthy else "unavailable", rasa=rasa, action_server=actions)
