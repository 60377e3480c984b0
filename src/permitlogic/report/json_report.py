"""``--format json``: the Report as the interfaces spec's JSON (stable keys)."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from permitlogic.models.report import Report

if TYPE_CHECKING:
    from permitlogic.errors import Problem
    from permitlogic.report.context import RenderInput


def report_text(report: Report) -> str:
    """The JSON text of one report, indented by two (None-valued location fields dropped).

    Serialised by pydantic itself: the same text as ``json.dumps(..., indent=2)``
    of the dumped report, without Python's indenting encoder (a second on a report
    of a large catalog).
    """
    exclude = {
        "findings": {
            index: {"location": {k for k, v in finding.location.__dict__.items() if v is None}}
            for index, finding in enumerate(report.findings)
            if finding.location is not None
        }
    }
    return report.model_dump_json(indent=2, exclude=exclude)


def render(inputs: list[RenderInput]) -> str:
    """One object for one catalog, a list for several."""
    texts = [report_text(i.report) for i in inputs]
    if len(texts) == 1:
        return texts[0] + "\n"
    # JSON text has no line break inside a string: every line is indented alike.
    return "[\n" + ",\n".join(textwrap.indent(t, "  ") for t in texts) + "\n]\n"


def render_invalid(problems: list[Problem]) -> str:
    """The input problems as PL001 findings, for programs that asked for JSON (the run exits 2)."""
    from permitlogic import __version__
    from permitlogic.checks.invalid_catalog import META

    errors = [
        {
            "rule": META.id,
            "name": META.name,
            "severity": META.severity.value,
            "message_zh": problem.message_zh,
            "message_en": problem.message_en,
            "location": problem.location.model_dump(exclude_none=True),
        }
        for problem in problems
    ]
    payload = {"tool": {"name": "permitlogic", "version": __version__}, "errors": errors}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
