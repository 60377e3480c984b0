"""How the package hangs together: imports run one way, library internals have one door."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "permitlogic"

INTERNALS_DOOR = {
    "durable": SRC / "durable_host.py",
    "durable_rules_engine": SRC / "durable_host.py",
    "openpyxl": SRC / "load" / "xlsx_source.py",
}
"""Each library whose private attributes are used, and the one module allowed to use them."""


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_cli_imports_the_cli(path: Path) -> None:
    if path.is_relative_to(SRC / "cli") or path.name in {"__main__.py", "entry.py"}:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = sorted(
        name
        for name in _imported(tree)
        if name == "permitlogic.cli" or name.startswith("permitlogic.cli.")
    )
    assert not wrong, f"{path.relative_to(SRC)} imports {wrong}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_private_library_attributes_only_behind_their_door(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = _imported(tree)
    for library, door in INTERNALS_DOOR.items():
        if path == door:
            continue
        private_modules = sorted(
            name
            for name in imported
            if name.split(".")[0] == library and any(p.startswith("_") for p in name.split("."))
        )
        assert not private_modules, f"{path.relative_to(SRC)} imports {private_modules}"
        if library not in {name.split(".")[0] for name in imported}:
            continue
        aliases = _library_aliases(tree, library)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
            ):
                raise AssertionError(
                    f"{path.relative_to(SRC)}:{node.lineno} uses {node.value.id}.{node.attr}"
                    f" of {library}; only {door.relative_to(SRC)} may"
                )


def _library_aliases(tree: ast.AST, library: str) -> set[str]:
    """Names bound to the library or one of its modules by this module's imports."""
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == library:
                    aliases.add((alias.asname or alias.name).split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] == library
        ):
            aliases.update(alias.asname or alias.name for alias in node.names)
    return aliases


def test_the_doors_exist() -> None:
    for door in INTERNALS_DOOR.values():
        assert door.is_file(), door
