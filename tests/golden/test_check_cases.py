"""Check cases (kind: check): matching, `exactly`, skipping, and input errors located."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import yamlio
from permitlogic.errors import InputError
from permitlogic.golden import Side, Status, Unit, run_golden

CASES = Path(__file__).resolve().parents[2] / "cases"
FLAWED = str(CASES / "flawed-county.yaml")

CYCLE: dict[str, Any] = {
    "catalog": {"id": "ring", "jurisdiction": "测试县"},
    "items": [
        {
            "id": "ZR-003",
            "name": "建设工程规划许可证核发",
            "department": "县自然资源和规划局",
            "kind": "license",
            "promised_days": 10,
            "basis": [{"level": "law", "title": "中华人民共和国城乡规划法"}],
            "prerequisites": [{"item": "JS-003", "basis": {"level": "law", "title": "城乡规划法"}}],
        },
        {
            "id": "JS-003",
            "name": "施工图设计文件审查",
            "department": "县住房和城乡建设局",
            "kind": "license",
            "promised_days": 5,
            "basis": [{"level": "law", "title": "中华人民共和国建筑法"}],
            "prerequisites": [{"item": "ZR-003", "basis": {"level": "law", "title": "城乡规划法"}}],
        },
    ],
}


def write_cases(tmp_path: Path, cases: list[dict[str, Any]], **top: Any) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(
        yamlio.dump({"kind": "check", **top, "cases": cases}, allow_unicode=True), "utf-8"
    )
    return path


def only(tmp_path: Path, case: dict[str, Any], **top: Any) -> Any:
    run = run_golden(write_cases(tmp_path, [{"name": "c", **case}], **top))
    assert len(run.outcomes) == 1
    return run.outcomes[0]


def test_the_shipped_check_cases_pass() -> None:
    run = run_golden(CASES / "checks")
    assert run.outcomes and all(o.status is Status.passed for o in run.outcomes), [
        (o.node_id, o.reasons) for o in run.outcomes if not o.passed
    ]


def test_an_expected_finding_matches_rule_and_items_in_order(tmp_path: Path) -> None:
    # PL107 names the item, then the prerequisite missing from the catalog.
    unlisted = {
        **CYCLE,
        "items": [
            {
                **CYCLE["items"][0],
                "prerequisites": [
                    {"item": "ZZ-404", "basis": {"level": "law", "title": "城乡规划法"}}
                ],
            }
        ],
    }
    passed = only(
        tmp_path,
        {
            "catalog": unlisted,
            "expect": {"findings": [{"rule": "PL107", "items": ["ZR-003", "ZZ-404"]}]},
        },
    )
    assert passed.status is Status.passed
    assert Unit("check", "PL107", Side.raised) in passed.exercised
    reversed_items = only(
        tmp_path,
        {
            "catalog": unlisted,
            "expect": {"findings": [{"rule": "PL107", "items": ["ZZ-404", "ZR-003"]}]},
        },
    )
    assert reversed_items.status is Status.failed
    assert [(d.sign, d.text) for d in reversed_items.diff] == [
        ("-", "PL107 [ZZ-404, ZR-003]"),
        ("+", "PL107 error [ZR-003, ZZ-404]"),
    ]


def test_severity_is_checked_when_given(tmp_path: Path) -> None:
    outcome = only(
        tmp_path,
        {"catalog": CYCLE, "expect": {"findings": [{"rule": "PL101", "severity": "warning"}]}},
    )
    assert outcome.status is Status.failed
    assert "expected finding not found / 未找到预期结果: PL101 warning" in outcome.reasons


def test_exactly_forbids_other_findings_and_proves_silence(tmp_path: Path) -> None:
    loose = only(
        tmp_path,
        {"catalog": FLAWED, "select": ["PL10"], "expect": {"findings": [{"rule": "PL106"}]}},
    )
    assert loose.status is Status.passed
    assert not any(u.side is Side.silent for u in loose.exercised)
    strict = only(
        tmp_path,
        {
            "catalog": FLAWED,
            "select": ["PL10"],
            "expect": {"findings": [{"rule": "PL106"}], "exactly": True},
        },
    )
    assert strict.status is Status.failed
    assert any(line.sign == "+" and line.text.startswith("PL101") for line in strict.diff)
    clean = only(
        tmp_path,
        {
            "catalog": FLAWED,
            "select": ["PL106"],
            "expect": {"findings": [{"rule": "PL106", "items": ["HB-003"]}], "exactly": True},
        },
    )
    assert clean.status is Status.passed
    silent = only(tmp_path, {"catalog": CYCLE, "select": ["PL2"], "expect": {"exactly": True}})
    assert silent.status is Status.passed
    assert Unit("check", "PL202", Side.silent) in silent.exercised
    assert Unit("check", "PL204", Side.silent) not in silent.exercised  # needs a reference list


def test_a_check_that_did_not_run_is_named(tmp_path: Path) -> None:
    outcome = only(
        tmp_path,
        {"catalog": FLAWED, "select": ["PL1"], "expect": {"findings": [{"rule": "PL204"}]}},
    )
    assert outcome.status is Status.failed
    assert outcome.reasons[0].startswith("PL204 did not run")


def test_a_check_this_installation_lacks_is_skipped_with_the_reason(tmp_path: Path) -> None:
    outcome = only(tmp_path, {"catalog": CYCLE, "expect": {"findings": [{"rule": "PL999"}]}})
    assert outcome.status is Status.skipped
    assert "PL999" in (outcome.skip_reason or "")


def test_file_level_catalog_and_reference_are_defaults(tmp_path: Path) -> None:
    for name in ("flawed-county.yaml", "reference-2026.yaml"):
        shutil.copy(CASES / name, tmp_path / name)
    path = write_cases(
        tmp_path,
        [
            {
                "name": "abolished",
                "select": ["PL204"],
                "expect": {"findings": [{"rule": "PL204", "items": ["HB-011"]}], "exactly": True},
            },
            {
                "name": "own catalog",
                "catalog": CYCLE,
                "select": ["PL204"],
                "expect": {"exactly": True},
            },
        ],
        catalog="flawed-county.yaml",
        reference="reference-2026.yaml",
    )
    run = run_golden(path)
    assert [o.status for o in run.outcomes] == [Status.passed, Status.passed]


def test_an_invalid_inline_catalog_is_an_input_error_at_its_line(tmp_path: Path) -> None:
    bad = {**CYCLE, "items": [{**CYCLE["items"][0], "kind": "licence"}]}
    with pytest.raises(InputError) as caught:
        only(tmp_path, {"catalog": bad, "expect": {}})
    problem = caught.value.problems[0]
    assert problem.location.file == str(tmp_path / "cases.yaml")
    assert problem.location.line is not None
    assert problem.location.key == "cases[0].catalog.items[0].kind"


def test_a_missing_catalog_file_and_a_bad_key_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        only(tmp_path, {"catalog": "nowhere.yaml", "expect": {}})
    with pytest.raises(InputError) as caught:
        only(tmp_path, {"catalog": CYCLE, "expect": {"findngs": []}})
    assert caught.value.problems[0].location.key == "cases[0].expect.findngs"


def test_case_files_need_a_known_kind(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: chek\ncases: []\n", "utf-8")
    with pytest.raises(InputError, match="unknown case kind 'chek'"):
        run_golden(tmp_path)
    (tmp_path / "a.yaml").write_text("cases:\n- name: x\n", "utf-8")
    with pytest.raises(InputError, match="needs kind"):
        run_golden(tmp_path)
    (tmp_path / "a.yaml").write_text("catalog: {id: x}\nitems: []\n", "utf-8")
    with pytest.raises(InputError, match="no case files"):
        run_golden(tmp_path)


def test_keyword_keeps_matching_cases() -> None:
    run = run_golden(CASES, keyword="pl313")
    assert [o.name for o in run.outcomes] == [
        "PL313 fail.yaml",
        "PL313 pass.yaml",
        "PL313 前置事项排在后面的阶段",
    ]


def test_a_fixtures_folder_gives_each_check_its_fail_and_pass_case(tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    shutil.copytree(CASES / "checks" / "examples" / "PL101", examples / "PL101")
    (tmp_path / "cases.yaml").write_text("kind: check\nfixtures: examples\n", encoding="utf-8")
    run = run_golden(tmp_path / "cases.yaml")
    assert [(o.name, o.status) for o in run.outcomes] == [
        ("PL101 fail.yaml", Status.passed),
        ("PL101 pass.yaml", Status.passed),
    ]
    # A fail example whose findings are no longer what expected.yaml lists fails its case.
    shutil.copy(examples / "PL101" / "pass.yaml", examples / "PL101" / "fail.yaml")
    failed = run_golden(tmp_path / "cases.yaml")
    assert [o.status for o in failed.outcomes] == [Status.failed, Status.passed]


def test_a_case_file_gives_cases_or_fixtures_not_both(tmp_path: Path) -> None:
    path = write_cases(tmp_path, [{"name": "c", "expect": {}}], catalog=FLAWED, fixtures="x")
    with pytest.raises(InputError):
        run_golden(path)
