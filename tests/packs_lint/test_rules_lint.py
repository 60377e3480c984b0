"""`permitlogic rules lint`: the legal lint of rule packs, on the shipped packs and broken copies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.law import default_register
from permitlogic.packs.lint import LINT_RULES, lint_packs, load_pack_set

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
runner = CliRunner()


def lint(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["rules", "lint", *args])
    return result.exit_code, result.output


def copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target, ignore=shutil.ignore_patterns("law", "calendars"))
    return target


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(directory: Path) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.key) for f in lint_packs(load_pack_set(directory))]


def test_shipped_packs_give_the_two_deposit_warnings() -> None:
    code, out = lint(str(RULES))
    assert code == 0, out
    assert found(RULES) == [
        ("RL001", "warning", "conditions[GC-2b]"),
        ("RL001", "warning", "conditions[GC-2c]"),
    ]
    assert "conditions[GC-2b]: RL001" in out and "警告 2" in out


def test_warnings_fail_at_fail_on_warning() -> None:
    code, _ = lint(str(RULES), "--fail-on", "warning")
    assert code == 1


def test_json_output_has_findings_and_summary() -> None:
    code, out = lint(str(RULES), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"] == {"error": 0, "warning": 2, "info": 0}
    first = data["findings"][0]
    assert first["rule"] == "RL001" and first["file"].endswith("green-channel.yaml")
    assert first["law"][0]["ref"] == "yhyshjtl:25" and "涉企保证金" in first["law"][0]["quote"]


def test_a_deposit_with_a_regulation_behind_it_passes(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / "green-channel.yaml", '    law: [lj2d, "bzngzftl:32"]\n', "    law: [lj2d]\n")
    assert ("RL001", "warning", "conditions[GC-2a]") in found(rules)


def test_citing_an_article_that_sets_no_deposit_does_not_silence_the_warning(
    tmp_path: Path,
) -> None:
    # 大气污染防治法 Art. 69 puts dust-control costs into the price; it sets no deposit.
    rules = copy_rules(tmp_path)
    pack = rules / "green-channel.yaml"
    text = pack.read_text(encoding="utf-8")
    start = text.index("  - id: GC-2c")
    pack.write_text(
        text[:start]
        + text[start:].replace("    law: [lj2d]\n", '    law: [lj2d, "dqwrfzf:69"]\n', 1),
        encoding="utf-8",
    )
    assert ("RL001", "warning", "conditions[GC-2c]") in found(rules)


def test_the_old_df1_citation_would_be_caught(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    pack = rules / "deferral.yaml"
    text = pack.read_text(encoding="utf-8")
    start = text.index('    citation: "《优化营商环境条例》第四十条')
    end = text.index("\n", start)
    old = (
        '    citation: "“目录之外无审批”：凡未纳入目录的行政审批事项，一律不得实施'
        "（《关于推进行政审批制度改革优化政务服务环境工作研究》）；"
        '《中华人民共和国行政许可法》第三十二条第一款第（二）项：“申请事项依法不需要取得行政许可的，应当即时告知申请人不受理”"'
    )
    pack.write_text(text[:start] + old + text[end:], encoding="utf-8")
    messages = [f.message_en for f in lint_packs(load_pack_set(rules)) if f.rule == "RL002"]
    assert any("关于推进行政审批制度改革优化政务服务环境工作研究" in m for m in messages)


def test_words_in_quotes_must_be_the_registered_text(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(
        rules / "deferral.yaml",
        "申请事项依法不需要取得行政许可的，应当即时告知申请人不受理",
        "申请事项不属于本机关职权范围的，应当即时告知申请人不受理",
    )
    assert ("RL002", "error", "rules[DF-1]") in found(rules)


def test_normative_documents_that_may_set_licences_are_an_error(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    pack = rules / "checks.yaml"
    text = pack.read_text(encoding="utf-8")
    start = text.index("  normative_document:")
    pack.write_text(
        text[:start] + text[start:].replace('may_set_license: "no"', 'may_set_license: "yes"', 1),
        encoding="utf-8",
    )
    code, out = lint(str(rules))
    assert code == 1
    assert "basis_levels.normative_document.may_set_license: RL003" in out


def test_a_level_that_cannot_set_licences_may_not_make_prerequisites(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    pack = rules / "checks.yaml"
    text = pack.read_text(encoding="utf-8")
    start = text.index("  departmental_rule:")
    pack.write_text(
        text[:start]
        + text[start:].replace("may_make_prerequisite: false", "may_make_prerequisite: true", 1),
        encoding="utf-8",
    )
    assert ("RL003", "error", "basis_levels.departmental_rule.may_make_prerequisite") in found(
        rules
    )


def test_a_provincial_rule_may_only_set_temporary_licences(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / "checks.yaml", "may_set_license: temporary", 'may_set_license: "yes"')
    assert ("RL003", "error", "basis_levels.provincial_rule.may_set_license") in found(rules)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('law: ["xzxkf:30"]', 'law: ["xzxkf:99"]', "rules[DF-2]"),
        ("law: [gf2016_33]", "law: [nosuch]", "rules[DF-5]"),
        ("第三十条（公示", "第九十九条（公示", "rules[DF-2]"),
        ("（国发〔2016〕33号）", "（国发〔2016〕99号）", "rules[DF-5]"),
        (
            "“容缺后补”审批机制，先审批、候补件（《行政审批制度“两集中两到位”改革实施方案》）",
            "“容缺后补”审批机制（《某县容缺受理暂行办法》）",
            "rules[DF-4]",
        ),
    ],
)
def test_citations_the_register_lacks_are_errors(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / "deferral.yaml", old, new)
    assert ("RL002", "error", key) in found(rules)


def test_a_county_registers_its_own_document(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(
        rules / "deferral.yaml",
        "（《行政审批制度“两集中两到位”改革实施方案》）\n    law: [lj2d]\n",
        "（《某县容缺受理暂行办法》）\n    law: [mxrq]\n",
    )
    (rules / "law").mkdir()
    (rules / "law" / "mxrq.yaml").write_text(
        "key: mxrq\ntitle: 某县容缺受理暂行办法\nissuer: 某县人民政府\nlevel: normative_document\n"
        "version: '2025-06-01'\nsource: {name: 县政府公报, address: 县政府网站}\nverified: 全文核对\n",
        encoding="utf-8",
    )
    assert [r for r in found(rules) if r[0] == "RL002"] == []


@pytest.mark.parametrize(
    ("file", "old", "new", "key"),
    [
        (
            "checks.yaml",
            "statute_default_days: 20",
            "statute_default_days: 30",
            "thresholds.statute_default_days",
        ),
        (
            "checks.yaml",
            "statute_joint_days: 45",
            "statute_joint_days: 60",
            "thresholds.statute_joint_days",
        ),
        (
            "checks.yaml",
            "joint_bound_days: 45",
            "joint_bound_days: 60",
            "thresholds.joint_bound_days",
        ),
        (
            "deferral.yaml",
            "notice_working_days: 5",
            "notice_working_days: 10",
            "notice_working_days",
        ),
    ],
)
def test_deadlines_longer_than_the_statute_are_errors(
    tmp_path: Path, file: str, old: str, new: str, key: str
) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / file, old, new)
    assert ("RL004", "error", key) in found(rules)


def test_shorter_deadlines_pass(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / "checks.yaml", "statute_default_days: 20", "statute_default_days: 15")
    assert [r for r in found(rules) if r[0] == "RL004"] == []


def test_one_pack_file_can_be_linted(tmp_path: Path) -> None:
    code, out = lint(str(RULES / "deferral.yaml"))
    assert code == 0 and "警告 0" in out


def test_an_invalid_pack_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    rewrite(rules / "deferral.yaml", "notice_working_days: 5", "notice_working_days: five")
    result = runner.invoke(app, ["rules", "lint", str(rules)])
    assert result.exit_code == 2
    assert "deferral.yaml:" in result.output + (result.stderr if result.stderr_bytes else "")


def test_a_missing_path_exits_2(tmp_path: Path) -> None:
    code, _ = lint(str(tmp_path / "nowhere"))
    assert code == 2


@pytest.mark.parametrize("rule", list(LINT_RULES.values()), ids=list(LINT_RULES))
def test_every_lint_rule_has_its_doc_and_registered_law(rule: object) -> None:
    meta = rule.meta  # type: ignore[attr-defined]
    for heading in ("### 功能", "### 问题", "### 示例", "### 修改", "### 依据"):
        assert heading in meta.doc_zh
    for heading in (
        "### What it does",
        "### Why is this bad?",
        "### Example",
        "### Use instead",
        "### References",
    ):
        assert heading in meta.doc_en
    for ref in meta.law:
        default_register().resolve(ref)
    result = runner.invoke(app, ["rules", meta.id, "--json"])
    assert json.loads(result.output)["id"] == meta.id
