"""Settings, read once from the environment (prefix CJG_), with safe local defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AnyHttpUrl, BaseSettings, SecretStr

VAR = Path(__file__).resolve().parent.parent / "var"


class Settings(BaseSettings):
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    rasa_url: AnyHttpUrl = "http://127.0.0.1:5005"  # type: ignore[assignment]
    action_server_url: AnyHttpUrl = "http://127.0.0.1:5055"  # type: ignore[assignment]
    rasa_timeout_seconds: float = 30.0
    health_timeout_seconds: float = 2.0
    # Hand-offs, messages and staff accounts (sqlite-utils), and Rasa's conversation trackers.
    db_path: Path = VAR / "cjg.db"
    tracker_db_path: Path = VAR / "rasa-tracker.db"
    # Rasa's HTTP API (pausing and resuming a conversation) needs this token; bot.stack makes a
    # random one per start when it is not set. Never put one in a file in the repository.
    rasa_token: SecretStr | None = None
    # Login attempts per address (slowapi syntax); slows down password guessing.
    login_rate_limit: str = "10/minute"
    # Send the staff session cookie only over HTTPS. Unset: HTTPS-only unless the gateway listens on loopback.
    secure_cookies: bool | None = None

    @property
    def cookies_need_https(self) -> bool:
        if self.secure_cookies is not None:
            return self.secure_cookies
        return self.gateway_host not in ("127.0.0.1", "localhost", "::1")

    class Config:
        env_prefix = "CJG_"


@lru_cache
def get_settings() -> Settings:
    return Settings()
