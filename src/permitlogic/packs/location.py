"""Where the shipped rule packs live (``rules/`` in a checkout, ``_rules`` in a wheel)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def default_rules_dir() -> Path:
    """The bundled ``rules/`` directory."""
    bundled = _PACKAGE / "_rules"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent.parent / "rules"
