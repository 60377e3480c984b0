"""Shared by the loader tests and the bad-input corpus (tests/bad_inputs): the valid catalog
they start from, and the command line run in this process."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import pytest

from permitlogic.cli import main
from permitlogic.load.sheet_writer import example_catalog


def example_with_filing() -> dict[str, Any]:
    """The template's example catalog, as data, with a second item: a filing (FG-001)."""
    data = example_catalog().model_dump()
    data["items"].append(
        {
            "id": "FG-001",
            "name": "企业投资项目备案",
            "department": "县发展和改革局",
            "kind": "filing",
            "decision": "record_only",
            "on_the_spot": True,
        }
    )
    return data


def run_cli(
    args: Sequence[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run ``permitlogic ARGS`` through its entry point; the exit code and all output."""
    monkeypatch.setattr(sys, "argv", ["permitlogic", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 1), captured.out + captured.err
