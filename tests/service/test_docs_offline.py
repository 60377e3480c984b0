"""/docs is the Swagger UI served from the package: every asset it loads is the service's own."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _assets(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


def test_docs_loads_only_local_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = _assets(page.text)
    scripts = [a for a in assets if a.endswith(".js")]
    styles = [a for a in assets if a.endswith(".css")]
    assert scripts and styles
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is fetched from another host"
        answer = client.get(asset)
        assert answer.status_code == 200, asset
        assert len(answer.content) > 1000, asset
    assert "SwaggerUIBundle" in client.get(scripts[0]).text
    assert "/openapi.json" in page.text


def test_redoc_script_is_local_too(client: TestClient) -> None:
    page = client.get("/redoc")
    assert page.status_code == 200
    scripts = [a for a in _assets(page.text) if a.endswith(".js")]
    assert scripts and all(s.startswith("/") for s in scripts)
    assert client.get(scripts[0]).status_code == 200
