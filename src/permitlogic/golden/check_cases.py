"""Golden check cases (``kind: check``): a catalog and the findings the checks must give.

A case file::

    kind: check
    catalog: ../flawed-county.yaml      # default for every case: a path (relative to
                                        # this file; .yaml .json .xlsx .csv) or the catalog inline
    reference: ../reference-2026.yaml   # optional: the upper level's list (PL204/PL205)
    rules: my-rules                     # optional: a checks-pack directory
    cases:
      - name: 互为前置的两个事项
        select: [PL101]                 # optional: check-id prefixes, as --select
        expect:
          findings:
            - {rule: PL101, items: [JS-003, ZR-003]}   # items (in order) and severity optional
          exactly: true                 # no other finding of the checks that ran

Or, instead of ``cases``, the examples every check keeps in its own folder::

    kind: check
    fixtures: examples                  # <ID>/fail.yaml, expected.yaml, pass.yaml

gives two cases per folder named after a check: ``fail.yaml`` (with
``reference.yaml`` when there is one) gives exactly the findings of
``expected.yaml`` (rule and items), and ``pass.yaml`` gives none of that check.
So a new check's examples are also its golden cases.

Each expected finding must match a finding of its own. ``exactly: true``
forbids any other finding, so a check that ran and was expected to find
nothing is shown to stay silent. A case naming a check this installation
does not have is skipped, with the reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from permitlogic.check_runner import check
from permitlogic.checks.registry import selected, unknown_codes
from permitlogic.decide.inputs import within
from permitlogic.errors import InputError, Problem
from permitlogic.golden.outcome import CaseOutcome, DiffLine, Side, Status, Unit
from permitlogic.golden.targets import Targets
from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference
from permitlogic.load.validate import problems_of, validate
from permitlogic.load.yaml_source import Sourced, parse_yaml
from permitlogic.models.catalog import Catalog
from permitlogic.models.reference import ReferenceList
from permitlogic.models.report import Finding, Severity
from permitlogic.packs.checks_pack import ChecksPack, load_checks_pack

CHECK_ID = r"^PL[0-9]{3}$"

M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


Inline = str | dict[str, Any]
"""A path relative to the case file, or the document itself, inline."""


class ExpectedFinding(_Strict):
    rule: Annotated[str, Field(pattern=CHECK_ID)]
    items: list[str] | None = None
    """The finding's items, in the order the check gives them; omitted: any items."""
    severity: Annotated[Severity, Field(strict=False)] | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            finding.rule == self.rule
            and (self.items is None or finding.items == self.items)
            and (self.severity is None or finding.severity is self.severity)
        )

    def shown(self) -> str:
        return _line(self.rule, self.severity, self.items)


class CheckExpect(_Strict):
    findings: list[ExpectedFinding] = Field(default_factory=list)
    exactly: bool = False


class CheckCase(_Strict):
    name: Annotated[str, Field(min_length=1)]
    catalog: Inline | None = None
    reference: Inline | None = None
    select: list[Annotated[str, Field(min_length=1)]] | None = None
    ignore: list[Annotated[str, Field(min_length=1)]] | None = None
    expect: CheckExpect


class CheckFile(_Strict):
    kind: Literal["check"]
    catalog: Inline | None = None
    reference: Inline | None = None
    rules: str | None = None
    fixtures: Annotated[str, Field(min_length=1)] | None = None
    """A folder of per-check example folders (``<ID>/fail.yaml`` …), instead of cases."""
    cases: Annotated[list[CheckCase], Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _cases_or_fixtures(self) -> Self:
        if (self.cases is None) == (self.fixtures is None):
            raise ValueError(
                "give either `cases` or `fixtures` / 请写 cases 或 fixtures（二者取一）"
            )
        return self

    @model_validator(mode="after")
    def _every_case_has_a_catalog(self) -> Self:
        if self.catalog is None and any(case.catalog is None for case in self.cases or []):
            raise ValueError(
                "a case has no catalog: give `catalog` to the file or to the case / "
                "案例缺少 catalog：请在文件或案例中写明目录"
            )
        return self


@dataclass
class PreparedCase:
    case: CheckCase
    catalog: Catalog
    reference: ReferenceList | None


@dataclass
class PreparedFile:
    """A check-case file with its catalogs and reference lists loaded."""

    path: Path
    pack: ChecksPack
    cases: list[PreparedCase] = field(default_factory=list)


Loaded = dict[tuple[str, Path], Any]
"""Catalogs and reference lists already read in this run, by kind and resolved path."""


def prepare_check_file(path: Path, targets: Targets, loaded: Loaded) -> PreparedFile:
    """Validate the file and load every catalog and reference list it names.

    InputError listing every problem (file, line, key path) otherwise.
    """
    sourced = _read(path)
    spec = validate(CheckFile, sourced)
    base = path.parent
    pack = load_checks_pack(base / spec.rules) if spec.rules else targets.checks
    prepared = PreparedFile(path=path, pack=pack)
    problems: list[Problem] = []
    cases = spec.cases if spec.cases is not None else fixture_cases(base, spec.fixtures)
    for index, case in enumerate(cases):
        own = ("cases", index)
        catalog_ref, catalog_at = (
            (case.catalog, (*own, "catalog"))
            if case.catalog is not None
            else (spec.catalog, ("catalog",))
        )
        reference_ref, reference_at = (
            (case.reference, (*own, "reference"))
            if case.reference is not None
            else (spec.reference, ("reference",))
        )
        try:
            catalog = _document(
                Catalog, catalog_ref, catalog_at, sourced, base, loaded, load_catalog
            )
            reference = (
                None
                if reference_ref is None
                else _document(
                    ReferenceList,
                    reference_ref,
                    reference_at,
                    sourced,
                    base,
                    loaded,
                    load_reference,
                )
            )
        except InputError as error:
            problems.extend(error.problems)
            continue
        prepared.cases.append(PreparedCase(case, catalog, reference))
    if problems:
        raise InputError(problems)
    return prepared


def fixture_cases(base: Path, fixtures: str | None) -> list[CheckCase]:
    """Two cases per check folder under ``base / fixtures``: its fail and its pass example."""
    assert fixtures is not None
    root = (base / fixtures).resolve()
    if not root.is_dir():
        raise InputError.single(
            str(root),
            "fixtures 指向的目录不存在",
            "the fixtures folder does not exist",
            key="fixtures",
        )
    cases = []
    for folder in sorted(d for d in root.iterdir() if d.is_dir()):
        expected_file, fail, passing = (
            folder / n for n in ("expected.yaml", "fail.yaml", "pass.yaml")
        )
        if not (expected_file.is_file() and fail.is_file() and passing.is_file()):
            continue
        expected = parse_yaml(expected_file.read_text(encoding="utf-8"), str(expected_file)).data
        findings = [
            ExpectedFinding(rule=f["rule"], items=list(f["items"]))
            for f in (expected or {}).get("findings", [])
        ]
        reference = (
            str(folder / "reference.yaml") if (folder / "reference.yaml").is_file() else None
        )
        cases += [
            CheckCase(
                name=f"{folder.name} fail.yaml",
                catalog=str(fail),
                reference=reference,
                select=[folder.name],
                expect=CheckExpect(findings=findings, exactly=True),
            ),
            CheckCase(
                name=f"{folder.name} pass.yaml",
                catalog=str(passing),
                reference=reference,
                select=[folder.name],
                expect=CheckExpect(exactly=True),
            ),
        ]
    return cases


def _read(path: Path) -> Sourced:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.single(
            str(path), f"无法读取案例文件：{exc}", f"cannot read the case file: {exc}"
        ) from None
    return parse_yaml(text, str(path))


def _document(
    model: type[M],
    ref: Inline | None,
    at: tuple[str | int, ...],
    sourced: Sourced,
    base: Path,
    loaded: Loaded,
    load: Callable[[Path], M],
) -> M:
    """The document a case names: loaded from its path (once per run) or validated inline."""
    assert ref is not None
    if isinstance(ref, dict):
        try:
            return model.model_validate(ref)
        except ValidationError as exc:
            raise InputError(problems_of(exc, within(sourced, at))) from None
    path = (base / ref).resolve()
    key = (model.__name__, path)
    if key not in loaded:
        if not path.is_file():
            where = sourced.locate(at)
            raise InputError(
                [
                    Problem(
                        location=where,
                        message_zh=f"案例引用的文件不存在：{ref}",
                        message_en=f"the case names a file that does not exist: {ref}",
                    )
                ]
            )
        loaded[key] = load(path)
    document: M = loaded[key]
    return document


def run_check_file(prepared: PreparedFile) -> list[CaseOutcome]:
    return [_run_case(prepared, case) for case in prepared.cases]


def _run_case(prepared: PreparedFile, prepared_case: PreparedCase) -> CaseOutcome:
    case = prepared_case.case
    outcome = CaseOutcome(file=prepared.path, name=case.name, kind="check", status=Status.passed)
    missing = _unavailable(case)
    if missing:
        outcome.status = Status.skipped
        outcome.skip_reason = (
            f"此版本没有这些检查 / no such check in this installation: {', '.join(missing)}"
        )
        return outcome
    started = time.perf_counter()
    report = check(
        prepared_case.catalog,
        pack=prepared.pack,
        select=case.select,
        ignore=case.ignore,
        reference=prepared_case.reference,
    )
    outcome.seconds = time.perf_counter() - started
    ran = {
        c.meta.id
        for c in selected(case.select, case.ignore)
        if prepared_case.reference is not None or not c.meta.needs_reference
    }
    _compare(case, report.findings, ran, outcome)
    return outcome


def _unavailable(case: CheckCase) -> list[str]:
    """Codes the case names that select no installed check."""
    codes = [*(case.select or []), *(f.rule for f in case.expect.findings)]
    unknown = unknown_codes(codes)
    return sorted(set(unknown))


def _compare(case: CheckCase, findings: list[Finding], ran: set[str], outcome: CaseOutcome) -> None:
    """Match every expected finding to one of its own; the diff shows what did not match."""
    free = list(range(len(findings)))
    missing: list[ExpectedFinding] = []
    raised: set[str] = set()
    # The most specific expectations pick first, so a bare `rule:` cannot steal a match.
    order = sorted(case.expect.findings, key=lambda e: (e.items is None, e.severity is None))
    for expected in order:
        match = next((i for i in free if expected.matches(findings[i])), None)
        if match is None:
            missing.append(expected)
        else:
            free.remove(match)
            raised.add(expected.rule)
    missing_rules = {e.rule for e in missing}
    extra = [findings[i] for i in free if case.expect.exactly or findings[i].rule in missing_rules]
    for expected in missing:
        if expected.rule not in ran:
            outcome.reasons.append(
                f"{expected.rule} did not run (select/ignore, or it needs a reference list) / "
                f"{expected.rule} 未运行"
            )
        else:
            outcome.reasons.append(
                f"expected finding not found / 未找到预期结果: {expected.shown()}"
            )
    if case.expect.exactly:
        for finding in extra:
            outcome.reasons.append(f"unexpected finding / 多出的结果: {_finding_line(finding)}")
    if outcome.reasons:
        outcome.status = Status.failed
        outcome.diff = [DiffLine("-", e.shown()) for e in missing] + [
            DiffLine("+", _finding_line(f)) for f in extra
        ]
        return
    units = {Unit("check", rule, Side.raised) for rule in raised}
    if case.expect.exactly:
        found = {f.rule for f in findings}
        units |= {Unit("check", rule, Side.silent) for rule in ran - found}
    outcome.exercised = frozenset(units)


def _finding_line(finding: Finding) -> str:
    return _line(finding.rule, finding.severity, finding.items)


def _line(rule: str, severity: Severity | None, items: list[str] | None) -> str:
    parts = [rule]
    if severity is not None:
        parts.append(severity.value)
    if items is not None:
        parts.append("[" + ", ".join(items) + "]")
    return " ".join(parts)
