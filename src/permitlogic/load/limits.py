"""Limits that keep a hostile or broken input file from exhausting memory or time.

The defaults fit any real county catalog many times over. Each can be changed
from the environment, so the command line needs no extra options:

| variable | default | what it bounds |
|---|---|---|
| ``PERMITLOGIC_MAX_FILE_MB`` | 50 | size of the input file, in MB |
| ``PERMITLOGIC_MAX_ITEMS`` | 100000 | items (rows of a sheet) in one catalog |
| ``PERMITLOGIC_MAX_CELL_CHARS`` | 10000 | characters in one cell or text value |
| ``PERMITLOGIC_MAX_UNZIPPED_MB`` | 1000 | total uncompressed size of an XLSX |
| ``PERMITLOGIC_MAX_ZIP_RATIO`` | 200 | compression ratio of any large XLSX part |
| ``PERMITLOGIC_MAX_SHARED_STRINGS`` | 2000000 | distinct texts of an XLSX (its shared strings) |
| ``PERMITLOGIC_MAX_ERRORS`` | 1000 | problems listed for one input ("and N more" past it) |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from permitlogic.errors import InputError

MB = 1024 * 1024

ZIP_RATIO_MIN_BYTES = 1 * MB
"""Parts smaller than this are never judged by ratio (tiny XML compresses well)."""


FAST_MIN_CHARS = 1_000_000
"""YAML text longer than this is tried on the fast path (load/yaml_fast.py); below it,
parse_yaml is quick enough and the fast path is not even imported."""


@dataclass(frozen=True)
class LoadLimits:
    """Bounds on what a loader accepts; exceeded bounds are input errors (exit 2)."""

    max_file_mb: int = 50
    max_items: int = 100_000
    max_cell_chars: int = 10_000
    max_unzipped_mb: int = 1000
    max_zip_ratio: int = 200
    max_shared_strings: int = 2_000_000
    max_errors: int = 1000

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * MB

    @property
    def max_unzipped_bytes(self) -> int:
        return self.max_unzipped_mb * MB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LoadLimits:
        """The defaults, overridden by ``PERMITLOGIC_MAX_*`` environment variables."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for spec in fields(cls):
            variable = env_variable(spec.name)
            raw = env.get(variable)
            if raw is None or not raw.strip():
                continue
            try:
                value = int(raw.strip())
            except ValueError:
                value = 0
            if value < 1:
                raise InputError.single(
                    None,
                    f"环境变量 {variable} 应为正整数（实际为 {raw!r}）",
                    f"environment variable {variable} must be a positive integer (got {raw!r})",
                    key=variable,
                )
            values[spec.name] = value
        return cls(**values)


def env_variable(field_name: str) -> str:
    """``max_items`` → ``PERMITLOGIC_MAX_ITEMS``."""
    return f"PERMITLOGIC_{field_name.upper()}"
