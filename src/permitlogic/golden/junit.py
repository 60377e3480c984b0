"""JUnit XML of a test run, as CI servers read it: a testsuite per case file (and one for properties)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from permitlogic.golden.outcome import CaseOutcome, Status


def junit_xml(outcomes: Sequence[CaseOutcome], name: str = "permitlogic test") -> str:
    """The JUnit XML document (``testsuites``) for these outcomes, in their order."""
    root = ET.Element("testsuites", name=name)
    suites: dict[str, list[CaseOutcome]] = {}
    for outcome in outcomes:
        suites.setdefault(outcome.label or outcome.file.as_posix(), []).append(outcome)
    totals = {"tests": 0, "failures": 0, "skipped": 0, "time": 0.0}
    for suite_name, members in suites.items():
        suite = ET.SubElement(root, "testsuite", name=suite_name)
        counts = {
            "tests": len(members),
            "failures": sum(1 for m in members if m.status is Status.failed),
            "skipped": sum(1 for m in members if m.status is Status.skipped),
            "time": sum(m.seconds for m in members),
        }
        _counts(suite, counts)
        for key, value in counts.items():
            totals[key] += value
        for outcome in members:
            _testcase(suite, suite_name, outcome)
    _counts(root, totals)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(outcomes: Sequence[CaseOutcome], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(junit_xml(outcomes), encoding="utf-8")


def _counts(element: ET.Element, counts: dict[str, float]) -> None:
    element.set("tests", str(int(counts["tests"])))
    element.set("failures", str(int(counts["failures"])))
    element.set("errors", "0")
    element.set("skipped", str(int(counts["skipped"])))
    element.set("time", f"{counts['time']:.3f}")


def _testcase(suite: ET.Element, suite_name: str, outcome: CaseOutcome) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=suite_name,
        name=outcome.name,
        time=f"{outcome.seconds:.3f}",
    )
    if outcome.status is Status.skipped:
        ET.SubElement(case, "skipped", message=outcome.skip_reason or "")
    elif outcome.status is Status.failed:
        failure = ET.SubElement(
            case, "failure", message=outcome.reasons[0] if outcome.reasons else "failed"
        )
        body = list(outcome.reasons)
        if outcome.diff:
            body.append("")
            body.extend(f"{line.sign} {line.text}" for line in outcome.diff)
        failure.text = "\n".join(body)
