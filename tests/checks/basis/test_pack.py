"""The basis-level table is data: a jurisdiction's pack changes what PL102 and PL201 find."""

from __future__ import annotations

from pathlib import Path

import yamlio
from check_fixtures import FIXTURES
from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog
from permitlogic.packs.checks_pack import load_checks_pack

RULES = Path(__file__).resolve().parents[3] / "rules"


def pack_with(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yamlio.load((RULES / "checks.yaml").read_text(encoding="utf-8"))
    for key, value in change.items():
        if key == "basis_levels":
            for level, fields in value.items():  # type: ignore[attr-defined]
                data["basis_levels"][level].update(fields)
        else:
            data[key] = value
    (tmp_path / "checks.yaml").write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_a_pack_that_lets_local_regulations_make_prerequisites_silences_that_finding(
    tmp_path: Path,
) -> None:
    catalog = load_catalog(FIXTURES / "PL102" / "fail.yaml")
    bundled = check(catalog, select=["PL102"])
    widened = load_checks_pack(
        pack_with(tmp_path, {"basis_levels": {"local_regulation": {"may_make_prerequisite": True}}})
    )
    local = check(catalog, pack=widened, select=["PL102"])
    before = [f.witness["edge"] for f in bundled.findings if f.witness]
    after = [f.witness["edge"] for f in local.findings if f.witness]
    assert ["HB-001", "SL-001"] in before
    assert after == [edge for edge in before if edge != ["HB-001", "SL-001"]]


def test_a_pack_that_narrows_the_table_adds_findings_and_can_override_severity(
    tmp_path: Path,
) -> None:
    catalog = load_catalog(FIXTURES / "PL201" / "pass.yaml")
    narrowed = load_checks_pack(
        pack_with(
            tmp_path,
            {
                "basis_levels": {"local_regulation": {"may_set_license": "no"}},
                "severity": {"PL201": "warning"},
            },
        )
    )
    report = check(catalog, pack=narrowed, select=["PL201"])
    assert [(f.items, f.severity.value) for f in report.findings] == [(["SL-006"], "warning")]
