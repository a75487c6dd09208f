"""Settings, read once from the environment (prefix CJG_), with safe local defaults."""

from __future__ import annotations

from functools import lru_cache

from pydantic import AnyHttpUrl, BaseSettings


class Settings(BaseSettings):
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    rasa_url: AnyHttpUrl = "http://127.0.0.1:5005"  # type: ignore[assignment]
    action_server_url: AnyHttpUrl = "http://127.0.0.1:5055"  # type: ignore[assignment]
    rasa_timeout_seconds: float = 30.0
    health_timeout_seconds: float = 2.0

    class Config:
        env_prefix = "CJG_"


@lru_cache
def get_settings() -> Settings:
    return Settings()
