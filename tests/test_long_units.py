"""Small units: a module over 500 lines or a function over 60 carries the reason it is long.

The reason is a line starting ``Long because:`` in the module's or the
function's docstring, or (for a Typer command, whose docstring is its help
text) in a comment on the line just above its ``def``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "permitlogic"
MODULE_LINES = 500
FUNCTION_LINES = 60
REASON = "Long because:"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _has_reason(docstring: str | None) -> bool:
    return any(line.strip().startswith(REASON) for line in (docstring or "").splitlines())


def _long_functions(path: Path, root: Path = SRC) -> list[str]:
    """``file:function`` of each function (methods and nested ones too) over the limit, unexplained."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        assert node.end_lineno is not None
        if node.end_lineno - node.lineno + 1 <= FUNCTION_LINES:
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        above = lines[first - 2].strip() if first >= 2 else ""
        if _has_reason(ast.get_docstring(node)) or above.startswith(f"# {REASON}"):
            continue
        found.append(f"{path.relative_to(root)}:{node.name}")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_module_says_why(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if len(text.splitlines()) <= MODULE_LINES:
        return
    assert _has_reason(ast.get_docstring(ast.parse(text))), (
        f"{path.relative_to(SRC)} has over {MODULE_LINES} lines: split it, or write "
        f"'{REASON} …' in its docstring"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_function_says_why(path: Path) -> None:
    unexplained = _long_functions(path)
    assert not unexplained, (
        f"over {FUNCTION_LINES} lines: {unexplained}; split them into named steps, or write "
        f"'{REASON} …' in the docstring (a Typer command: a comment above its def)"
    )


def test_the_limits_are_applied(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(FUNCTION_LINES))
    long = tmp_path / "long.py"
    long.write_text(f"def f() -> None:\n{body}\n", encoding="utf-8")
    explained = tmp_path / "explained.py"
    explained.write_text(
        f'def f() -> None:\n    """{REASON} a table."""\n{body}\n', encoding="utf-8"
    )
    commented = tmp_path / "commented.py"
    commented.write_text(f"# {REASON} options.\ndef f() -> None:\n{body}\n", encoding="utf-8")
    assert _long_functions(long, tmp_path) == ["long.py:f"]
    assert _long_functions(explained, tmp_path) == []
    assert _long_functions(commented, tmp_path) == []
