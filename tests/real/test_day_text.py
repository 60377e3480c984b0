"""The published wording of the day limits is kept on the item, and PL307 reads it."""

from __future__ import annotations

import json
from pathlib import Path

from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog

LINGSHAN = Path(__file__).resolve().parents[2] / "cases" / "real" / "lingshan-county"
RECORD = LINGSHAN / "lingshan-county.json"


def test_the_importer_keeps_the_wording_of_the_limits() -> None:
    item = load_catalog(RECORD).items[0]
    assert item.statutory_days == 20
    assert item.statutory_text is not None
    assert item.statutory_text.startswith("除可以当场作出行政许可决定的外")
    assert item.promised_text is None  # published as 无


def test_wording_that_agrees_gives_no_finding() -> None:
    report = check(load_catalog(RECORD))
    assert [f for f in report.findings if f.rule == "PL307"] == []


def test_a_promise_its_own_wording_contradicts(tmp_path: Path) -> None:
    # 全民健身设施拆迁或者改变用途批准 of the same county, as the platform serves it:
    # promise_day 24 with promise_day_explain 受理之日起1个工作日。
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    audit = data["list"][0]["AUDIT_ITEM"]
    audit.update(
        task_name="全民健身设施拆迁或者改变用途批准",
        anticipate_day="20",
        anticipate_day_explain="受理之日起20个工作日。",
        promise_day="24",
        promise_day_explain="受理之日起1个工作日。",
    )
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = [f for f in check(load_catalog(path)).findings if f.rule == "PL307"]
    assert len(found) == 1
    assert found[0].witness == {
        "promised_days": 24,
        "text": "受理之日起1个工作日。",
        "text_days": [1],
    }
