"""What several benchmarks share: a synthetic catalog loaded as a file, and their ``main``.

``bench/run.py`` loads each section by file path and puts this directory on
``sys.path`` first, and ``python bench/<section>.py`` has it there already,
so every section imports ``bench_support`` the same way.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.synth import SynthOptions, synth_catalog

Row = dict[str, Any]


def loaded_synthetic(options: SynthOptions) -> tuple[Catalog, Sourced]:
    """The synthetic catalog of ``options``, written as JSON and loaded as a user's file is."""
    data = synth_catalog(options)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"synthetic-{options.items}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return load_catalog_sourced(path)


def items_main(
    doc: str | None, measure: Callable[[int], Row], default_items: int, argv: list[str] | None
) -> int:
    """``python bench/<section>.py [--items N]``: measure once, print each figure on its line."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--items", type=int, default=default_items)
    args = parser.parse_args(argv)
    row = measure(args.items)
    for key, value in row.items():
        if key != "section":
            print(f"{key}: {value}")
    return 0


def quick_main(
    doc: str | None, bench: Callable[[bool], list[Row]], quick_help: str, argv: list[str] | None
) -> int:
    """``python bench/<section>.py [--quick]``: run the section, print each row on its line."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    args = parser.parse_args(argv)
    for row in bench(args.quick):
        print(row)
    return 0
