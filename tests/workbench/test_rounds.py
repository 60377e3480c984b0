"""Rounds as pure functions: which findings were fixed, are new, are still open, are accepted."""

from __future__ import annotations

from datetime import datetime

from permitlogic.models.report import Finding, Severity
from permitlogic.workbench.rounds import (
    WHOLE,
    Acceptance,
    UploadInfo,
    departments_of,
    finding_key,
    round_of,
)

AT = datetime(2026, 3, 1, 9, 0)


def finding(
    rule: str, items: list[str], department: str | None, severity: str = "error"
) -> Finding:
    return Finding(
        rule=rule,
        name=rule,
        severity=Severity(severity),
        items=items,
        department=department,
        message_zh=f"{rule} {items}",
        message_en=f"{rule} {items}",
        citation="《中华人民共和国行政许可法》第四十二条",
    )


def upload(number: int, departments: list[str], findings: list[Finding]) -> UploadInfo:
    return UploadInfo(number, f"r{number}.xlsx", "审核", AT, departments, 10, findings)


def test_second_round_counts_fixed_new_and_still_open() -> None:
    a = finding("PL301", ["JT-004"], "县交通运输局")
    b = finding("PL303", ["JT-001"], "县交通运输局", "warning")
    c = finding("PL304", ["JT-001", "JT-004"], "县交通运输局", "warning")
    other = finding("PL101", ["ZR-003", "JS-003"], "县住房和城乡建设局")
    chain = finding("PL310", ["FG-004"], None)
    uploads = [
        upload(1, ["县交通运输局", "县住房和城乡建设局"], [a, b, other, chain]),
        upload(2, ["县住房和城乡建设局"], [other]),
        upload(3, ["县交通运输局"], [b, c]),
    ]
    second = round_of(uploads, "县交通运输局", {})
    assert second is not None and second.number == 2 and second.previous == uploads[0]
    assert [finding_key(f) for f in second.fixed] == [finding_key(a)]
    assert [finding_key(f) for f in second.new] == [finding_key(c)]
    assert [finding_key(f) for f in second.still_open] == [finding_key(b)]
    first = round_of(uploads, "县交通运输局", {}, number=1)
    assert first is not None and first.previous is None and len(first.new) == 2
    assert round_of(uploads, "县交通运输局", {}, number=3) is None
    assert round_of(uploads, "县林业局", {}) is None
    assert departments_of(uploads) == ["县交通运输局", "县住房和城乡建设局", WHOLE]


def test_an_accepted_finding_stops_counting_as_open_in_its_department_only() -> None:
    b = finding("PL303", ["JT-001"], "县交通运输局", "warning")
    accepted = {finding_key(b): Acceptance(finding_key(b), "县交通运输局", "保留", "审核", AT)}
    uploads = [upload(1, ["县交通运输局"], [b, finding("PL301", ["JT-004"], "县交通运输局")])]
    found = round_of(uploads, "县交通运输局", accepted)
    assert found is not None
    assert found.open_count(Severity.warning) == 0
    assert found.open_count(Severity.error) == 1
    assert [finding_key(f) for f in found.accepted_here] == [finding_key(b)]
    elsewhere = {k: Acceptance(k, "县林业局", "保留", "审核", AT) for k in accepted}
    other = round_of(uploads, "县交通运输局", elsewhere)
    assert other is not None and other.open_count(Severity.warning) == 1
