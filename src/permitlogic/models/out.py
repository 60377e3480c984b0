"""The base of every output model, and the Location every message points at.

Apart from the report's models so that errors and decisions use them without
building the report's.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    """Base of every output model: unknown keys rejected, so the JSON stays the contract."""

    model_config = ConfigDict(extra="forbid")


class Location(Out):
    """Where in the source file a thing was written.

    YAML/JSON give ``line`` (1-based) and ``column``; XLSX/CSV give ``sheet``,
    ``row`` (1-based, as the spreadsheet shows it) and ``header`` (the column
    header as typed) and ``cell`` (e.g. ``C7``).
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    row: int | None = None
    header: str | None = None
    cell: str | None = None
    key: str | None = None

    def describe(self) -> str:
        """``file:line:column`` or ``file[sheet]!C7 (header)``, for messages."""
        parts = [self.file or "<input>"]
        if self.sheet is not None or self.row is not None:
            where = f"[{self.sheet}]" if self.sheet else ""
            where += f"!{self.cell}" if self.cell else (f" row {self.row}" if self.row else "")
            if self.header:
                where += f" ({self.header})"
            parts.append(where)
            return "".join(parts)
        if self.line is not None:
            parts.append(f":{self.line}")
            if self.column is not None:
                parts.append(f":{self.column}")
        return "".join(parts)
