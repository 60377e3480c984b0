"""Ledger test fixtures: the same tests on a SQLite file and, when one answers, PostgreSQL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ledger_support import PG_SKIP, fresh_store_url, pg_base_url

from permitlogic.ledger.store import Store, open_store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name = str(request.param)
    if name == "postgresql" and pg_base_url() is None:
        pytest.skip(PG_SKIP)
    return name


@pytest.fixture
def store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with fresh_store_url(backend, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    ledger = open_store(store_url)
    yield ledger
    ledger.close()
