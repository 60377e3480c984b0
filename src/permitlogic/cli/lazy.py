"""A command group that imports a command's module only when that command runs.

``permitlogic --help`` lists every command from a one-line entry (name, module,
summary) without importing any of them, so it starts in a tenth of a second;
``permitlogic check`` imports the checker and nothing of ``serve`` or ``cases``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """A command of the group: its name, the module whose ``register(app)`` adds it, a summary."""

    name: str
    module: str
    summary: str


class LazyGroup(TyperGroup):
    """A Typer group whose commands are :class:`LazyCommand` entries, loaded on first use."""

    lazy_commands: tuple[LazyCommand, ...] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        names = [entry.name for entry in self.lazy_commands]
        return names + [name for name in super().list_commands(ctx) if name not in names]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = next((e for e in self.lazy_commands if e.name == cmd_name), None)
        if entry is None or cmd_name in self.commands:
            return super().get_command(ctx, cmd_name)
        if self._listing:
            # Help only needs the name and the summary.
            return TyperCommand(name=entry.name, help=entry.summary, short_help=entry.summary)
        self.commands[cmd_name] = load_command(entry)
        return self.commands[cmd_name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except Exception as error:  # click's UsageError, vendored by newer Typer
            message = getattr(error, "message", None)
            if isinstance(message, str) and args and "?" not in message:
                matches = get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    suggestions = ", ".join(repr(m) for m in matches)
                    error.message = f"{message.rstrip('.')}. Did you mean {suggestions}?"  # type: ignore[attr-defined]
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


def load_command(entry: LazyCommand) -> Any:
    """The click command ``entry.module``'s ``register`` adds under ``entry.name``."""
    holder = typer.Typer()
    importlib.import_module(entry.module).register(holder)
    group = typer.main.get_group(holder)
    command = group.commands[entry.name]
    return command
