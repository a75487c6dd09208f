"""Start and stop the three processes: Rasa, the action server and the gateway.

`make run` uses this to bring everything up and print the chat page's URL;
the tests use the same class to run against the real processes. Rasa and the
action server listen on 127.0.0.1 only; the gateway is the public door.
Each process logs to var/log/<name>.log (the console stays readable).
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx

from bot.config import Settings, get_settings
from bot.content import current_content

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _port(url: str) -> str:
    return str(urlparse(url).port)


@dataclass
class Stack:
    settings: Settings
    model: Path = ROOT / "models" / "cjg.tar.gz"
    log_dir: Path = ROOT / "var" / "log"
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One token for this stack's Rasa API, shared by the gateway; random unless configured.
        token = self.settings.rasa_token.get_secret_value() if self.settings.rasa_token else None
        self.rasa_token = token or secrets.token_urlsafe(32)

    @property
    def gateway_url(self) -> str:
        return f"http://{self.settings.gateway_host}:{self.settings.gateway_port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            RASA_TELEMETRY_ENABLED="false",
            TF_CPP_MIN_LOG_LEVEL="2",
            SANIC_HOST="127.0.0.1",  # the action server binds here, not on every interface
            ACTION_SERVER_URL=f"{str(self.settings.action_server_url).rstrip('/')}/webhook",
            CJG_RASA_URL=str(self.settings.rasa_url),
            CJG_ACTION_SERVER_URL=str(self.settings.action_server_url),
            CJG_DB_PATH=str(self.settings.db_path),
            RASA_TRACKER_DB=str(self.settings.tracker_db_path),
            CJG_RASA_TOKEN=self.rasa_token,
            CJG_GATEWAY_HOST=self.settings.gateway_host,
            CJG_LOGIN_RATE_LIMIT=self.settings.login_rate_limit,
            **self.extra_env,
        )
        if self.settings.secure_cookies is not None:
            env["CJG_SECURE_COOKIES"] = str(self.settings.secure_cookies).lower()
        return env

    def commands(self) -> dict[str, list[str]]:
        rasa = str(BIN / "rasa")
        return {
            "actions": [rasa, "run", "actions", "--actions", "actions",
                        "--port", _port(str(self.settings.action_server_url))],
            "rasa": [rasa, "run", "--model", str(self.model), "--endpoints", "endpoints.yml",
                     "--credentials", "credentials.yml", "--interface", "127.0.0.1",
                     "--port", _port(str(self.settings.rasa_url)),
                     # The API lets the gateway pause and resume a conversation and run the safety net.
                     "--enable-api", "--auth-token", self.rasa_token],
            # --ws none: Rasa pins websockets 10, which uvicorn's websocket support no longer imports.
            "gateway": [str(BIN / "python"), "-m", "uvicorn", "bot.gateway.app:app", "--ws", "none",
                        "--host", self.settings.gateway_host, "--port", str(self.settings.gateway_port)],
        }  # fmt: skip

    def start(self, names: list[str] | None = None) -> None:
        """Start the named processes (all by default); each in its own process group."""
        if not self.model.exists():
            raise RuntimeError(f"No trained model at {self.model}; run 'make setup' first.")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.settings.tracker_db_path.parent.mkdir(parents=True, exist_ok=True)
        env = self.environment()
        for name, command in self.commands().items():
            if names is not None and name not in names:
                continue
            log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - lives as long as the process
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def stop(self, names: list[str] | None = None, timeout: float = 20.0) -> None:
        """Stop the named processes (all by default): SIGTERM, then SIGKILL after `timeout`."""
        targets = {n: p for n, p in self.processes.items() if names is None or n in names}
        for process in targets.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in targets.items():
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            del self.processes[name]

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def wait_healthy(self, timeout: float = 300.0) -> None:
        """Block until the gateway reports everything up; fail early if a process dies."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}:\n{self.log_tail(name)}")
            try:
                if httpx.get(f"{self.gateway_url}/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise TimeoutError(f"Not healthy after {timeout:.0f} s. Logs are in {self.log_dir}.")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    current_content()  # refuse to start on invalid content, naming the file
    stack = Stack(get_settings())
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)  # also when started from a script that ignores SIGINT
    print("Starting Rasa, the action server and the gateway (logs in var/log/) ...", flush=True)
    try:
        stack.start()
        stack.wait_healthy()
        print(f"\nCJG Assistent is running. Chat page: {stack.gateway_url}/\nPress Ctrl-C to stop.", flush=True)
        while all(process.poll() is None for process in stack.processes.values()):
            time.sleep(0.5)
        for name, process in stack.processes.items():
            if process.poll() is not None:
                print(f"{name} stopped unexpectedly:\n{stack.log_tail(name)}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        print("\nStopping ...", flush=True)
        stack.stop()


if __name__ == "__main__":
    main()
