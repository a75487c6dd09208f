"""The gateway: the one public door. Rasa and the action server stay internal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from slowapi.errors import RateLimitExceeded
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import get_settings
from bot.content import current_content
from bot.gateway.routes import chat, health, staff
from bot.handoff import queue
from bot.store import open_store

STATIC = Path(__file__).parent / "static"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    current_content()  # fail at start-up, not mid-conversation, when content/ is invalid
    app.state.store = open_store()  # creates or migrates the schema
    async with httpx.AsyncClient(timeout=get_settings().rasa_timeout_seconds) as http:
        app.state.http = http
        yield
    app.state.store.close()


def _readable(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where}: {error.get('msg')}" if where else str(error.get("msg"))


def create_app() -> FastAPI:
    app = FastAPI(title="CJG Assistent", version="0.1.0", lifespan=lifespan)
    app.include_router(chat.router)
    app.include_router(staff.router)
    app.include_router(health.router)
    app.state.limiter = staff.limiter
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def chat_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/staff", include_in_schema=False)
    async def staff_inbox() -> FileResponse:
        return FileResponse(STATIC / "staff.html")

    @app.exception_handler(queue.HandoffNotFound)
    async def unknown_handoff(request: Request, exc: queue.HandoffNotFound) -> JSONResponse:
        return JSONResponse(status_code=status.HTTP_404_NOT_FOUND, content={"error": "Deze overdracht bestaat niet."})

    @app.exception_handler(queue.HandoffConflict)
    async def handoff_conflict(request: Request, exc: queue.HandoffConflict) -> JSONResponse:
        return JSONResponse(status_code=status.HTTP_409_CONFLICT, content={"error": str(exc)})

    @app.exception_handler(RateLimitExceeded)
    async def too_many(request: Request, exc: RateLimitExceeded) -> JSONResponse:
        return JSONResponse(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            content={"error": "Te veel pogingen. Wacht een minuut en probeer het dan opnieuw."},
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        message = "; ".join(_readable(e) for e in errors) or "invalid request"
        return JSONResponse(
            status_code=status.HTTP_422_UNPROCESSABLE_ENTITY,
            content={"error": f"Invalid request: {message}", "details": errors},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"error": exc.detail}, headers=exc.headers)

    return app


app = create_app()
