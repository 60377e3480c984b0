"""Fixtures for the service tests: a real app over the bundled rules, with a decision log."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import yamlio

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 instead of httpx
    from fastapi.testclient import TestClient

from permitlogic.service import ServiceSettings, create_app
from permitlogic.service.examples import APPLICATION, PROJECT

DATA = Path(__file__).resolve().parent / "data"


def county_catalog() -> dict[str, Any]:
    data: dict[str, Any] = yamlio.load((DATA / "county.yaml").read_text(encoding="utf-8"))
    # YAML reads dates as dates; over HTTP they are ISO text.
    data["catalog"]["effective"] = str(data["catalog"]["effective"])
    return data


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[MakeClient]:
    """A TestClient over a fresh app; settings may be overridden (log in tmp_path by default)."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        options: dict[str, Any] = {"log_path": tmp_path / "decisions.jsonl"}
        options.update(overrides)
        client = TestClient(create_app(ServiceSettings(**options)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "decisions.jsonl"


@pytest.fixture
def county() -> dict[str, Any]:
    """The test county catalog as JSON-ready data."""
    return county_catalog()


@pytest.fixture
def project() -> dict[str, Any]:
    return dict(PROJECT)


@pytest.fixture
def application() -> dict[str, Any]:
    return copy.deepcopy(APPLICATION)
