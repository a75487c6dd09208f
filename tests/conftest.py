"""Every test gets its own SQLite file: no test touches var/cjg.db or another test's data."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from bot.config import get_settings
from bot.store import open_store


@pytest.fixture(autouse=True)
def isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cjg.db"
    monkeypatch.setenv("CJG_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture
def db(isolated_db: Path) -> Iterator[sqlite_utils.Database]:
    store = open_store(isolated_db)
    yield store
    store.close()
