"""Bad input at scale (errors capped, items counted while streaming), and YAML 1.2 numbers."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import yamlio
from permitlogic.errors import DEFAULT_MAX_ERRORS, InputError
from permitlogic.load.catalog import load_catalog_sourced

CASES = Path(__file__).resolve().parents[2] / "cases"


def _errors(path: Path) -> InputError:
    with pytest.raises(InputError) as error:
        load_catalog_sourced(str(path))
    return error.value


def test_a_csv_with_thousands_of_bad_cells_lists_the_first_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    lines = (CASES / "demo-county.csv").read_text(encoding="utf-8-sig").splitlines()
    rows = [row for row in csv.reader(io.StringIO("\n".join(lines[:5])))]
    for n in range(4_000):  # seven bad cells a row: 28,000
        rows.append(
            [f"X-{n}", "名", "部门", "许可类", "", "a", "b", "c", "d", "maybe", "", "", "?", ""]
        )
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / "bad.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    problems = _errors(path).problems
    assert len(problems) == DEFAULT_MAX_ERRORS + 1
    assert all(p.location.cell for p in problems[:-1])
    assert "27000 more" in problems[-1].message_en and problems[-1].location.file == str(path)


def test_the_cap_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yamlio.load((CASES / "demo-county.yaml").read_text("utf-8"))
    for item in data["items"]:
        item["kind"] = "licence"
    path = tmp_path / "kinds.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PERMITLOGIC_MAX_ERRORS", "10")
    problems = _errors(path).problems
    assert len(problems) == 11 and f"{len(data['items']) - 10} more" in problems[-1].message_en
    monkeypatch.setenv("PERMITLOGIC_MAX_ERRORS", "5000")
    assert len(_errors(path).problems) == len(data["items"])


def test_too_many_items_are_refused_while_streaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yamlio.load((CASES / "demo-county.yaml").read_text("utf-8"))
    items = data["items"]
    data["items"] = [dict(items[n % len(items)], id=f"X-{n}") for n in range(3_000)]
    data["chains"] = []
    path = tmp_path / "many.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    assert path.stat().st_size > 256 * 1024
    monkeypatch.setenv("PERMITLOGIC_MAX_ITEMS", "2000")
    [problem] = _errors(path).problems
    assert problem.location.key == "items" and problem.location.line is not None
    assert "reading stopped" in problem.message_en


def test_numbers_are_read_as_yaml_1_2(tmp_path: Path) -> None:
    text = (CASES / "demo-county.yaml").read_text("utf-8")
    data = yamlio.load(text)
    days = data["items"][0]["promised_days"]
    line = f"    promised_days: {days}\n"
    assert text.count(line) >= 1
    # 1:20 is 80 in YAML 1.1 (sexagesimal); in YAML 1.2 it is text, not a number.
    path = tmp_path / "sexagesimal.yaml"
    path.write_text(text.replace(line, "    promised_days: 1:20\n", 1), "utf-8")
    [problem] = _errors(path).problems
    assert problem.location.key == "items[0].promised_days" and "'1:20'" in problem.message_en
    # 012 is twelve in YAML 1.2 (not octal ten).
    path.write_text(text.replace(line, "    promised_days: 012\n", 1), "utf-8")
    catalog, _ = load_catalog_sourced(str(path))
    assert catalog.items[0].promised_days == 12


def test_stdin_over_the_limit_says_more_than(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "permitlogic.cli", "check", "-", "--lang", "en"],
        input=b"x" * (2 * 1024 * 1024 + 10),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PERMITLOGIC_MAX_FILE_MB": "1"},
    )
    assert result.returncode == 2
    assert b"more than 1 MB" in result.stderr and b"2.0 MB" not in result.stderr
