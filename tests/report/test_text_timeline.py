"""The text timeline: stage by stage, the critical path marked, the verdict said plainly."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import yamlio
from permitlogic.cli import app

CATALOG = {
    "catalog": {"id": "text-timeline", "jurisdiction": "测试县"},
    "items": [
        {"id": "A", "name": "甲", "department": "县发改局", "kind": "license", "promised_days": 7},
        {"id": "B", "name": "乙", "department": "县规划局", "kind": "license", "promised_days": 2},
        {
            "id": "C",
            "name": "丙",
            "department": "县规划局",
            "kind": "license",
            "promised_days": 8,
            "prerequisites": [{"item": "A"}],
        },
        {
            "id": "X",
            "name": "戊",
            "department": "县住建局",
            "kind": "license",
            "promised_days": 3,
            "prerequisites": [{"item": "Y"}],
        },
        {
            "id": "Y",
            "name": "己",
            "department": "县住建局",
            "kind": "license",
            "promised_days": 3,
            "prerequisites": [{"item": "X"}],
        },
    ],
    "chains": [
        {
            "id": "late",
            "name": "超限流程",
            "bound_days": 30,
            "stages": [{"name": "立项", "bound_days": 12, "items": ["A", "B", "C"]}],
        },
        {
            "id": "loop",
            "name": "成环流程",
            "stages": [{"name": "施工", "bound_days": 10, "items": ["X", "Y"]}],
        },
    ],
}


def render(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "catalog.yaml"
    path.write_text(yamlio.dump(CATALOG, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--select", "PL3", *args])
    assert result.exit_code == 1
    return " ".join(result.stdout.split())


def test_violated_stage_is_shown_with_its_critical_path_marked(tmp_path: Path) -> None:
    out = render(tmp_path, "--lang", "en")
    assert "★A(7) → ★C(8)" in out
    assert "others: B(2)" in out
    assert "✗ 3 over" in out
    assert "bounds violated (proved by z3): stage 立项 (PL310)" in out


def test_a_cycle_is_said_not_to_be_schedulable(tmp_path: Path) -> None:
    out = render(tmp_path, "--lang", "en")
    assert "loop 成环流程: cannot be scheduled" in out
    assert "PL310/PL311 are not checked" in out
    zh = render(tmp_path)
    assert "无法排期" in zh and "不作 PL310、PL311 检查" in zh
