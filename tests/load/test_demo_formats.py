"""The demo catalog in YAML, XLSX and CSV: three files, one catalog."""

from __future__ import annotations

from pathlib import Path

from permitlogic.load.catalog import load_catalog, load_catalog_sourced
from permitlogic.load.sheet_writer import losses, to_csv

CASES = Path(__file__).resolve().parents[2] / "cases"


def test_yaml_and_xlsx_are_equal_models() -> None:
    from_yaml = load_catalog(CASES / "demo-county.yaml")
    from_xlsx = load_catalog(CASES / "demo-county.xlsx")
    assert from_xlsx.model_dump() == from_yaml.model_dump()
    assert from_xlsx == from_yaml
    assert from_yaml.chains, "the demo has chains, so the XLSX carries them too"


def test_yaml_and_csv_are_equal_but_for_chains() -> None:
    from_yaml = load_catalog(CASES / "demo-county.yaml")
    from_csv = load_catalog(CASES / "demo-county.csv")
    assert from_csv.catalog == from_yaml.catalog
    assert [i.model_dump() for i in from_csv.items] == [i.model_dump() for i in from_yaml.items]
    assert from_csv.chains == []


def test_the_demo_loses_nothing_in_the_spreadsheet_form() -> None:
    assert losses(load_catalog(CASES / "demo-county.yaml")) == []


def test_the_committed_csv_is_what_the_writer_writes_now() -> None:
    """Regenerate with: permitlogic template --from cases/demo-county.yaml cases/demo-county.csv --force"""
    written = to_csv(load_catalog(CASES / "demo-county.yaml"))
    committed = (CASES / "demo-county.csv").read_bytes()
    assert committed.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 CSV only with a BOM
    assert committed.decode("utf-8-sig") == written


def test_findings_point_at_spreadsheet_rows() -> None:
    _, sourced = load_catalog_sourced(CASES / "demo-county.xlsx")
    where = sourced.locate(("items", 0)).model_copy(update={"key": None})
    assert (where.sheet, where.row) == ("事项", 2)
