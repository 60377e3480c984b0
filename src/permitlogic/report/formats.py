"""The report formats, one table: each is a callable from the checked catalogs to text or bytes.

``permitlogic check --format NAME`` and the service render through :data:`FORMATS`;
a new format is a module in ``report/`` with ``render(inputs)`` and one row here.
Each callable imports its module only when called, so the command line starts
without loading jinja2, openpyxl or rich tables it will not use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from permitlogic.report.context import RenderInput


class Destination(StrEnum):
    """Where the rendered report goes: only the text format lays itself out for it."""

    stdout = "stdout"
    """The standard output: tables and colour on a terminal, plain lines otherwise."""
    file = "file"
    """A file (``-o``) or a response body: plain lines, 160 columns, no colour."""


class FormatName(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    html = "html"
    xlsx = "xlsx"


Render = Callable[["list[RenderInput]", Destination], "str | bytes"]


@dataclass(frozen=True)
class ReportFormat:
    name: FormatName
    render: Render
    media_type: str
    needs_file: bool = False
    """Bytes that a terminal cannot show: ``--output`` is required."""


def _text(inputs: list[RenderInput], destination: Destination) -> str:
    from permitlogic.report import text

    return text.render(inputs, text.console_for(destination))


def _json(inputs: list[RenderInput], destination: Destination) -> str:
    from permitlogic.report import json_report

    return json_report.render(inputs)


def _sarif(inputs: list[RenderInput], destination: Destination) -> str:
    from permitlogic.report import sarif

    return sarif.render(inputs)


def _html(inputs: list[RenderInput], destination: Destination) -> str:
    from permitlogic.report import html

    return html.render(inputs)


def _xlsx(inputs: list[RenderInput], destination: Destination) -> bytes:
    from permitlogic.report import xlsx

    return xlsx.render(inputs)


FORMATS: dict[FormatName, ReportFormat] = {
    FormatName.text: ReportFormat(FormatName.text, _text, "text/plain; charset=utf-8"),
    FormatName.json: ReportFormat(FormatName.json, _json, "application/json"),
    FormatName.sarif: ReportFormat(FormatName.sarif, _sarif, "application/sarif+json"),
    FormatName.html: ReportFormat(FormatName.html, _html, "text/html; charset=utf-8"),
    FormatName.xlsx: ReportFormat(
        FormatName.xlsx,
        _xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        needs_file=True,
    ),
}
