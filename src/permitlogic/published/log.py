"""The import log: every cell the importer interpreted, defaulted or could not read."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from permitlogic.models.out import Location


@dataclass(frozen=True)
class Entry:
    """One interpretation: where, what was written, what was done."""

    where: Location
    action: str  # interpreted / defaulted / skipped / unread
    text: str
    result: str


@dataclass
class ImportLog:
    entries: list[Entry] = field(default_factory=list)

    def add(self, where: Location, action: str, text: object, result: str) -> None:
        self.entries.append(Entry(where, action, "" if text is None else str(text), result))

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for entry in self.entries:
            found[entry.action] = found.get(entry.action, 0) + 1
        return found

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["位置 / where", "列 / column", "处理 / action", "原文 / text", "结果 / result"]
        )
        for e in self.entries:
            writer.writerow(
                [
                    e.where.describe(),
                    e.where.header or e.where.key or "",
                    e.action,
                    e.text,
                    e.result,
                ]
            )
        return out.getvalue()
