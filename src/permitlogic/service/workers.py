"""``permitlogic serve --workers N``: the same service in N processes behind one port.

uvicorn starts N worker processes that share the listening socket; each one
builds its app with :func:`worker_app` from the settings the parent put in
the environment. Each worker appends to a decision log of its own
(``decisions.jsonl`` → ``decisions.<pid>.jsonl``): one writer per file, and
every file replayable by itself with ``permitlogic replay``. Catalogs given
with ``--catalog`` are registered in every worker at start; one registered by
``POST /v1/catalogs`` lives in the worker that took the request only.
"""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict, replace
from pathlib import Path

from fastapi import FastAPI

from permitlogic.service.settings import ServiceSettings

SETTINGS_ENV = "PERMITLOGIC_SERVE_SETTINGS"
"""How the parent hands the settings to its worker processes (JSON)."""


def worker_log_path(log: Path, pid: int) -> Path:
    """The decision log of the worker with this process id: ``decisions.<pid>.jsonl``."""
    return log.with_name(f"{log.stem}.{pid}{log.suffix}")


def settings_env(settings: ServiceSettings, catalogs: list[Path]) -> str:
    values = {
        key: str(value) if isinstance(value, Path) else value
        for key, value in asdict(settings).items()
    }
    return json.dumps({"settings": values, "catalogs": [str(path) for path in catalogs]})


def read_settings_env(text: str) -> tuple[ServiceSettings, list[Path]]:
    data = json.loads(text)
    values = dict(data["settings"])
    for key in ("rules_dir", "log_path"):
        if values.get(key) is not None:
            values[key] = Path(values[key])
    return ServiceSettings(**values), [Path(path) for path in data["catalogs"]]


def ready_app(settings: ServiceSettings, catalogs: list[Path]) -> FastAPI:
    """The app with the catalogs registered, its start-up objects out of the collector's way."""
    from permitlogic.load.catalog import load_catalog
    from permitlogic.service import create_app

    app = create_app(settings)
    state = app.state.service
    for path in catalogs:
        catalog = load_catalog(path)
        entry, _ = state.catalogs.register(catalog)
        if state.log is not None:
            state.log.write_catalog(catalog, entry.sha256)
    # Packs, compiled rulesets and catalogs never die: a full collection need not scan them.
    gc.collect()
    gc.freeze()
    return app


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn calls this in each worker)."""
    settings, catalogs = read_settings_env(os.environ[SETTINGS_ENV])
    if settings.log_path is not None:
        settings = replace(settings, log_path=worker_log_path(settings.log_path, os.getpid()))
    return ready_app(settings, catalogs)
