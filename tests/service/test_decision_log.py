"""The decision log: whole lines under concurrent writers, and every unreadable line named."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from permitlogic.decision_log import (
    DecisionLog,
    GreenChannelRecord,
    LoggedDecision,
    now,
    read_log,
)
from permitlogic.errors import InputError
from permitlogic.models.decision import GreenChannelDecision, Project


def _record(project: dict[str, Any], index: int) -> GreenChannelRecord:
    model = Project.model_validate(dict(project, id=f"P-{index}"))
    decision = GreenChannelDecision(
        decision_id=f"d-{index}", project=model.id, decision="eligible", pack_version="v"
    )
    return GreenChannelRecord(
        time=now(), decision_id=f"d-{index}", pack_version="v", input=model, output=decision
    )


def test_concurrent_writers_leave_whole_lines(tmp_path: Path, project: dict[str, Any]) -> None:
    log = DecisionLog(tmp_path / "log.jsonl")
    batches = [[_record(project, b * 100 + i) for i in range(100)] for b in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(log.write, batches))
    log.close()
    lines = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4000
    ids = [json.loads(line)["decision_id"] for line in lines]
    assert sorted(ids) == sorted(f"d-{n}" for n in range(4000))
    # each batch is one block: its 100 lines stay together and in order
    first = ids.index("d-1700")
    assert ids[first : first + 100] == [f"d-{1700 + i}" for i in range(100)]


def test_written_records_read_back(tmp_path: Path, project: dict[str, Any]) -> None:
    log = DecisionLog(tmp_path / "log.jsonl")
    log.write([_record(project, 1), _record(project, 2)])
    log.close()
    log.write([_record(project, 3)])  # reopened after close
    log.close()
    read = list(read_log(tmp_path / "log.jsonl"))
    assert [(line, getattr(r, "decision_id", None)) for line, r in read] == [
        (1, "d-1"),
        (2, "d-2"),
        (3, "d-3"),
    ]
    first = read[0][1]
    assert isinstance(first, LoggedDecision)
    assert first.input["id"] == "P-1"
    assert first.output["decision"] == "eligible"


def test_unreadable_lines_are_named(tmp_path: Path, project: dict[str, Any]) -> None:
    path = tmp_path / "log.jsonl"
    good = _record(project, 1).model_dump_json()
    path.write_text(
        "\n".join([good, "{not json", "", '{"kind": "weather"}', good]) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        list(read_log(path))
    problems = caught.value.problems
    assert [p.location.line for p in problems] == [2, 4]
    assert all(p.location.file == str(path) for p in problems)
    assert "JSON" in problems[0].message_zh


def test_missing_log_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        list(read_log(tmp_path / "none.jsonl"))
    assert "决定日志" in caught.value.problems[0].message_zh
