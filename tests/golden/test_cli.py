"""`permitlogic test` end to end: output, exit codes, coverage gate, JUnit XML, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from typer.testing import CliRunner

from permitlogic.cli import app

CASES = Path(__file__).resolve().parents[2] / "cases"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["test", *args])
    return result.exit_code, result.output


def test_the_coverage_gate_of_ci_passes_on_the_shipped_cases(tmp_path: Path) -> None:
    junit = tmp_path / "golden.xml"
    code, out = invoke(
        str(CASES), "--coverage", "--fail-under", "100", "--junit", str(junit), "--lang", "en"
    )
    assert code == 0, out
    assert (
        "checks/flawed-county.yaml::PL101 互为前置：两项互为前置、三项成环、自我前置 PASSED" in out
    )
    assert "coverage: " in out and "= 100.0%" in out
    assert "passed in" in out
    root = ElementTree.parse(junit).getroot()
    assert root.tag == "testsuites" and root.get("failures") == "0"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert {"checks/flawed-county.yaml", "decisions/deferral.yaml"} <= set(suites)
    cases = suites["checks/flawed-county.yaml"].findall("testcase")
    assert int(root.get("tests", "0")) >= len(cases) > 20


def test_coverage_under_the_bar_exits_1() -> None:
    code, out = invoke(str(CASES / "checks"), "--fail-under", "100", "--lang", "en")
    assert code == 1
    assert "✗" in out and "is under --fail-under 100%" in out
    code, _ = invoke(str(CASES / "checks"), "--fail-under", "10")
    assert code == 0


def test_a_failing_case_shows_its_diff_and_exits_1(tmp_path: Path) -> None:
    case = tmp_path / "mine.yaml"
    case.write_text(
        f"""kind: check
catalog: {CASES / "flawed-county.yaml"}
cases:
- name: 错把 PL106 写成别的事项
  select: [PL106]
  expect:
    exactly: true
    findings: [{{rule: PL106, items: [HB-004]}}]
""",
        "utf-8",
    )
    junit = tmp_path / "out.xml"
    code, out = invoke(str(case), "--junit", str(junit), "--lang", "en")
    assert code == 1
    assert "mine.yaml::错把 PL106 写成别的事项 FAILED" in out
    assert "- PL106 [HB-004]" in out and "+ PL106 error [HB-003]" in out
    assert "1 failed in" in out
    failure = ElementTree.parse(junit).getroot().find("testsuite/testcase/failure")
    assert failure is not None and "+ PL106 error [HB-003]" in (failure.text or "")


def test_bad_input_exits_2_naming_the_problem(tmp_path: Path) -> None:
    code, _ = invoke(str(tmp_path / "nowhere"))
    assert code == 2
    code, _ = invoke(str(CASES), "--fail-under", "150")
    assert code == 2
    code, _ = invoke("--properties", "--coverage")
    assert code == 2
    code, _ = invoke("--properties", "--jobs", "0")
    assert code == 2
    code, _ = invoke(str(CASES), "--jobs", "2")  # --jobs is for the properties
    assert code == 2
    code, _ = invoke(str(CASES), "-k", "no-such-case-anywhere")
    assert code == 2
    (tmp_path / "bad.yaml").write_text("kind: check\ncases:\n- name: x\n  expect: {}\n", "utf-8")
    result = runner.invoke(app, ["test", str(tmp_path)])
    assert result.exit_code == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_properties_run_from_the_command_line(tmp_path: Path, jobs: str) -> None:
    junit = tmp_path / "props.xml"
    code, out = invoke(
        "--properties",
        "--max-examples",
        "5",
        "-k",
        "green_channel",
        "--junit",
        str(junit),
        "--lang",
        "en",
        "--jobs",
        jobs,
    )
    assert code == 0, out
    # In the registry's order, whichever process ran each.
    baseline = out.index("properties::green_channel_keeps_the_baseline PASSED")
    assert out.index("properties::green_channel_is_monotone PASSED") > baseline
    assert "2 passed" in out
    suite = ElementTree.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("name") == "properties" and suite.get("tests") == "2"


def test_help_names_every_option() -> None:
    code, out = invoke("--help")
    assert code == 0
    for option in (
        "--coverage",
        "--fail-under",
        "--junit",
        "--properties",
        "--packs",
        "--max-examples",
        "--jobs",
        "-k",
    ):
        assert option in out
