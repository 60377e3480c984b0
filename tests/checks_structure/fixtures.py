"""Where the per-check fixtures live (tests/fixtures/checks/<ID>/), for tests beside them."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"
AREAS = ("PL1", "PL2")
"""This suite's checks: structure (PL1xx) and legal basis (PL2xx)."""
