"""``--format sarif``: SARIF 2.1.0 for code-scanning tools, one run per catalog.

Every check is a rule with its doc (zh and en); every finding is a result
pointing into the catalog file: a region with the line and column for YAML
and JSON, and for a spreadsheet the workbook as the artifact with the cell
(``sheet!C7``) as a logical location, since SARIF regions count text lines.
The other items a finding names are related locations.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from permitlogic.checks.registry import all_checks
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Location, Severity
from permitlogic.report.context import RenderInput
from permitlogic.report.findings import item_index, precise_location

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/permitlogic/"

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SPREADSHEET_SUFFIXES = (".xlsx", ".csv")
MIME = {
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(inputs: list[RenderInput]) -> str:
    return json.dumps(sarif_log(inputs), ensure_ascii=False, indent=2) + "\n"


def sarif_log(inputs: list[RenderInput]) -> dict[str, Any]:
    """The SARIF log object: one run per checked catalog."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [_run(inp) for inp in inputs],
    }


def artifact_uri(file: str) -> str:
    """A URI reference for a catalog path: relative paths stay relative, with ``/``."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(PurePosixPath(*path.parts).as_posix(), safe="/")


def _rules(lang: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule_id, check in all_checks().items():
        meta = check.meta
        doc = meta.doc_zh if lang == "zh" else meta.doc_en
        index[rule_id] = len(rules)
        rules.append(
            {
                "id": rule_id,
                "name": meta.name,
                "shortDescription": {"text": meta.summary_zh if lang == "zh" else meta.summary_en},
                "fullDescription": {"text": f"{meta.name_zh} {meta.name}: {meta.summary_en}"},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": LEVEL[meta.severity]},
                "properties": {
                    "name_zh": meta.name_zh,
                    "citation": meta.citation,
                    "summary_zh": meta.summary_zh,
                    "summary_en": meta.summary_en,
                    "doc_zh": meta.doc_zh,
                    "doc_en": meta.doc_en,
                    "tags": [t for t in ("permitlogic", meta.area) if t],
                    "needs_reference": meta.needs_reference,
                },
            }
        )
    return rules, index


def _run(inp: RenderInput) -> dict[str, Any]:
    report = inp.report
    rules, rule_index = _rules(inp.lang)
    source = report.catalog.source or (inp.source.file if inp.source else None)
    artifacts: list[dict[str, Any]] = []
    if source:
        suffix = Path(source).suffix.lower()
        artifact: dict[str, Any] = {
            "location": {"uri": artifact_uri(source)},
            "roles": ["analysisTarget"],
        }
        if suffix in MIME:
            artifact["mimeType"] = MIME[suffix]
        if suffix not in SPREADSHEET_SUFFIXES:
            artifact["encoding"] = "utf-8"
        artifacts.append(artifact)
    item_locations = _item_locations(inp)
    positions = item_index(inp)
    items = inp.catalog.item_map()
    results = [
        _result(inp, finding, rule_index, source, item_locations, positions, items)
        for finding in report.findings
    ]
    return {
        "tool": {
            "driver": {
                "name": "permitlogic",
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "informationUri": INFORMATION_URI,
                "language": "zh-CN" if inp.lang == "zh" else "en-US",
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": True}],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "catalog": report.catalog.model_dump(mode="json"),
            "summary": report.summary.model_dump(mode="json"),
            "not_judged": [n.model_dump(mode="json") for n in report.not_judged],
        },
    }


def _item_locations(inp: RenderInput) -> dict[str, Location]:
    """Where each item of the catalog was written (empty without a source map)."""
    if inp.source is None:
        return {}
    return {
        item.id: inp.source.locate(("items", index)).model_copy(update={"key": None})
        for index, item in enumerate(inp.catalog.items)
    }


def _result(
    inp: RenderInput,
    finding: Finding,
    rule_index: dict[str, int],
    source: str | None,
    item_locations: dict[str, Location],
    positions: dict[str, int],
    items: dict[str, Item],
) -> dict[str, Any]:
    message = finding.message_zh if inp.lang == "zh" else finding.message_en
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "partialFingerprints": {"permitlogic/v1": _fingerprint(finding)},
        "properties": {
            "name": finding.name,
            "items": finding.items,
            "department": finding.department,
            "citation": finding.citation,
            "law": [quote.model_dump() for quote in finding.law],
            "message_zh": finding.message_zh,
            "message_en": finding.message_en,
        },
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.witness is not None:
        result["properties"]["witness"] = finding.witness
    if finding.fix is not None:
        result["properties"]["fix"] = finding.fix.model_dump(mode="json")
    first = finding.items[0] if finding.items else None
    location = precise_location(finding, inp, positions) or (
        item_locations.get(first) if first else None
    )
    if location is not None or source:
        result["locations"] = [_location(location, source, first, finding.department)]
    related = [
        _location(
            item_locations[item],
            source,
            item,
            items[item].department if item in items else None,
            index=number,
            note=f"{item} {items[item].name}" if item in items else item,
        )
        for number, item in enumerate(dict.fromkeys(finding.items[1:]), start=1)
        if item in item_locations
    ]
    if related:
        result["relatedLocations"] = related
    return result


def _location(
    location: Location | None,
    source: str | None,
    item: str | None,
    department: str | None,
    index: int | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    file = (location.file if location else None) or source
    out: dict[str, Any] = {}
    if index is not None:
        out["id"] = index
    if file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(file)}}
        if location is not None and location.line is not None and location.sheet is None:
            region: dict[str, Any] = {"startLine": location.line}
            if location.column is not None:
                region["startColumn"] = location.column
            physical["region"] = region
        out["physicalLocation"] = physical
    if location is not None and location.key:
        out.setdefault("properties", {})["key"] = location.key
    logical: list[dict[str, Any]] = []
    if location is not None and (location.sheet is not None or location.cell is not None):
        cell = f"{location.sheet}!{location.cell}" if location.cell else f"{location.sheet}"
        if location.cell is None and location.row is not None:
            cell += f"!{location.row}:{location.row}"
        logical.append({"name": cell, "fullyQualifiedName": cell, "kind": "element"})
        out.setdefault("properties", {}).update(
            {
                k: v
                for k, v in {
                    "sheet": location.sheet,
                    "row": location.row,
                    "cell": location.cell,
                    "header": location.header,
                }.items()
                if v is not None
            }
        )
    if item is not None:
        qualified = f"{department}/{item}" if department else item
        logical.append({"name": item, "fullyQualifiedName": qualified, "kind": "object"})
    if logical:
        out["logicalLocations"] = logical
    if note is not None:
        out["message"] = {"text": note}
    return out


def _fingerprint(finding: Finding) -> str:
    """Stable across runs and line moves: the rule and the items, in order."""
    key = "\x1f".join([finding.rule, *finding.items])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
