"""``--format json``: the Report as the interfaces spec's JSON (stable keys)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from permitlogic.models.report import Report

if TYPE_CHECKING:
    from permitlogic.errors import Problem
    from permitlogic.report.context import RenderInput


def report_json(report: Report) -> dict[str, object]:
    """The JSON object of one report (None-valued location fields dropped)."""
    data = report.model_dump(mode="json")
    for finding in data["findings"]:
        if finding.get("location"):
            finding["location"] = {k: v for k, v in finding["location"].items() if v is not None}
    return data


def render(inputs: list[RenderInput]) -> str:
    """One object for one catalog, a list for several."""
    objects = [report_json(i.report) for i in inputs]
    payload: object = objects[0] if len(objects) == 1 else objects
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


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
