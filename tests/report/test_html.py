"""The HTML report: one offline page with the summary, graph, timelines and every finding."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import yamlio
from permitlogic.graph import prerequisite_graph
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.models.report import Finding, Severity, Timeline
from permitlogic.report import html
from permitlogic.report.context import RenderInput
from permitlogic.report.svg_graph import draw_prerequisite_graph
from permitlogic.report.svg_timeline import MAX_ROWS_PER_STAGE, draw_timeline
from permitlogic.synth import SynthOptions, synth_catalog

HERE = Path(__file__).resolve().parent


class Page(HTMLParser):
    """Elements of a page: tags with their attributes, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        found = []
        for name, attrs in self.tags:
            if name != tag:
                continue
            if all(
                value in (attrs.get(key.replace("_", "-")) or "").split()
                or attrs.get(key.replace("_", "-")) == value
                for key, value in wanted.items()
            ):
                found.append(attrs)
        return found


def test_page_is_self_contained(county: RenderInput) -> None:
    page_text = html.render([county])
    page = Page(page_text)
    assert not page.having("link")
    assert all("src" not in attrs for tag, attrs in page.tags if tag in ("script", "img"))
    # The only URLs are the SVG namespace; nothing is fetched.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page_text))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in page_text


def test_every_finding_with_its_article_and_fix(county: RenderInput) -> None:
    page = Page(html.render([county]))
    text = "".join(page.text)
    articles = page.having("article", **{"class": "finding"})
    assert len(articles) == len(county.report.findings) > 0
    for finding in county.report.findings:
        assert finding.message_zh in text
        assert finding.citation in text
        if finding.fix is not None:
            assert finding.fix.message_zh in text


def test_summary_counts_by_severity_and_department(county: RenderInput) -> None:
    page_text = html.render([county])
    summary = county.report.summary
    for severity in Severity:
        count = getattr(summary, severity.value)
        assert re.search(
            rf'card sev-{severity.value}"><span class="card-count">{count}</span>', page_text
        )
    departments = {item.department for item in county.catalog.items}
    rows = re.findall(r'<table class="by-department">.*?</table>', page_text, re.S)[0]
    for department in departments:
        assert department in rows


def test_graph_draws_every_node_and_marks_findings(county: RenderInput) -> None:
    page = Page(html.render([county]))
    graph = prerequisite_graph(county.catalog)
    nodes = {attrs["data-item"] for attrs in page.having("g", **{"class": "node"})}
    assert nodes == set(graph.nodes)
    edges = page.having("path", **{"class": "edge"})
    assert len(edges) == graph.number_of_edges()
    marked = {
        attrs["data-item"]
        for attrs in page.having("g", **{"class": "node"})
        if "sev-" in (attrs["class"] or "")
    }
    named = {i for f in county.report.findings for i in f.items if i in graph}
    assert named and named <= marked


def test_cycle_edges_drawn_apart_and_red(checked: Callable[..., RenderInput]) -> None:
    inp = checked(HERE / "fixtures" / "county.yaml")
    drawing = draw_prerequisite_graph(inp.catalog, [], "外部条件", "{items}")
    cycle = {(e.source, e.target) for e in drawing.edges if e.back}
    # ZR-003 and JS-003 require each other: exactly one of the two edges runs backwards.
    assert len(cycle & {("ZR-003", "JS-003"), ("JS-003", "ZR-003")}) == 1
    assert all(e.style == "back" for e in drawing.edges if e.back)


def test_panel_data_lists_each_items_findings_and_basis(county: RenderInput) -> None:
    page_text = html.render([county])
    blob = re.search(
        r'<script type="application/json" class="catalog-data">(.*?)</script>', page_text, re.S
    )
    assert blob is not None
    data = json.loads(blob.group(1))
    for index, finding in enumerate(data["findings"]):
        assert finding["anchor"] == f"c0-f{index}"
    js001 = data["items"]["JS-001"]
    assert js001["basis"] == ["法律：《中华人民共和国建筑法》第八条"]
    on_js001 = [f for f in county.report.findings if "JS-001" in f.items]
    assert sorted(data["findings"][i]["message"] for i in js001["findings"]) == sorted(
        f.message_zh for f in on_js001
    )


def test_timeline_drawn_with_critical_path_and_bounds(county: RenderInput) -> None:
    page = Page(html.render([county]))
    figures = page.having("figure", **{"class": "timeline"})
    assert [f["data-chain"] for f in figures] == ["gov-building"]
    bars = page.having("g", **{"class": "bar"})
    assert [b["data-item"] for b in bars] == [
        "FG-001",
        "ZR-001",
        "ZR-002",
        "HB-001",
        "ZR-003",
        "JS-001",
    ]
    critical = [b["data-item"] for b in bars if "bar-critical" in (b["class"] or "")]
    assert critical == ["FG-001", "ZR-001", "HB-001", "ZR-003", "JS-001"]
    bounds = page.having("line", **{"class": "bound"})
    # Two stage bounds and the chain bound, all exceeded.
    assert len(bounds) == 3
    assert all("bound-bad" in (b["class"] or "") for b in bounds)


def test_timeline_scale_places_bars_by_day(timeline: Timeline) -> None:
    drawing = draw_timeline(timeline)
    by_item = {bar.item: bar for bar in drawing.bars}
    day = (by_item["ZR-001"].x - by_item["FG-001"].x) / 5
    assert abs(by_item["JS-001"].x - (by_item["FG-001"].x + 45 * day)) < 0.01
    assert abs(by_item["HB-001"].w - 20 * day) < 0.01
    assert drawing.chain_bound_x is not None
    assert abs(drawing.chain_bound_x - (by_item["FG-001"].x + 30 * day)) < 0.01
    assert len(drawing.critical_links) == 4


def test_a_crowded_stage_shows_its_critical_path_and_counts_the_rest(timeline: Timeline) -> None:
    stage = timeline.stages[0]
    extra = [
        stage.items[2].model_copy(update={"item": f"X-{n:03d}", "days": 1, "end": 16})
        for n in range(MAX_ROWS_PER_STAGE + 5)
    ]
    crowded = timeline.model_copy(
        update={"stages": [stage.model_copy(update={"items": [*stage.items, *extra]})]}
    )
    drawing = draw_timeline(crowded)
    drawn = {bar.item for bar in drawing.bars}
    assert len(drawn) == MAX_ROWS_PER_STAGE
    assert {"FG-001", "ZR-001", "HB-001"} <= drawn
    assert drawing.stages[0].omitted == len(stage.items) + len(extra) - MAX_ROWS_PER_STAGE


def test_english_with_lang_en(county_en: RenderInput) -> None:
    page_text = html.render([county_en])
    assert '<html lang="en">' in page_text
    assert "Approval catalog review" in page_text
    assert "审批事项目录审查报告" not in page_text
    text = "".join(Page(page_text).text)
    for finding in county_en.report.findings:
        assert finding.message_en in text


def test_chinese_by_default(county: RenderInput) -> None:
    page_text = html.render([county])
    assert '<html lang="zh-CN">' in page_text
    assert "审批事项目录审查报告" in page_text
    assert "前置条件关系图" in page_text


def test_names_are_escaped(tmp_path: Path, checked: Callable[..., RenderInput]) -> None:
    data = yamlio.load((HERE / "fixtures" / "county.yaml").read_text(encoding="utf-8"))
    data["items"][0]["name"] = "<script>alert(1)</script>审批"
    data["items"][0]["department"] = "县<b>发改</b>局"
    path = tmp_path / "hostile.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    page_text = html.render([checked(path)])
    assert "<script>alert(1)</script>" not in page_text
    assert "<b>发改</b>" not in page_text
    assert "&lt;b&gt;发改&lt;/b&gt;" in page_text
    # Inside the JSON data the markup is escaped too, so it cannot close the script.
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e审批" in page_text


def test_large_catalog_collapses_to_departments(
    tmp_path: Path, checked: Callable[..., RenderInput]
) -> None:
    data = synth_catalog(SynthOptions(items=450, seed=3))
    path = tmp_path / "large.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    inp = checked(path)
    page = Page(html.render([inp]))
    departments = {item.department for item in inp.catalog.items}
    boxes = page.having("g", **{"class": "node-department"})
    drawn = {b["data-department"] for b in boxes}
    assert departments <= drawn
    assert not page.having("g", **{"class": "node-item"})
    note = "".join(page.text)
    assert "超过 400 个，关系图按实施机关合并显示" in note
    # Every finding is still listed, and the panel can show each department's findings.
    assert len(page.having("article", **{"class": "finding"})) == len(inp.report.findings)


def test_several_catalogs_in_one_page(
    county: RenderInput, checked: Callable[..., RenderInput]
) -> None:
    other = checked(HERE / "fixtures" / "county-2025.yaml")
    page = Page(html.render([county, other]))
    sections = page.having("section", **{"class": "catalog"})
    assert [s["id"] for s in sections] == ["c0", "c1"]
    ids = [attrs["id"] for _, attrs in page.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))


def test_findings_without_department_go_under_the_whole_catalog(county: RenderInput) -> None:
    loose = Finding(
        rule="PL312",
        name="joint-bound-exceeded",
        severity=Severity.error,
        items=[],
        message_zh="联合办理流程时限超过 45 日",
        message_en="joint chain bound over 45 days",
        citation="《中华人民共和国行政许可法》第四十二条",
    )
    report = county.report.model_copy(update={"findings": [*county.report.findings, loose]})
    inp = RenderInput(report, county.catalog, county.source, county.pack, "zh")
    page_text = html.render([inp])
    groups = re.findall(r'<span class="department-name">(.*?)</span>', page_text)
    assert groups[-1] == "（全目录）"
    assert "联合办理流程时限超过 45 日" in page_text


def test_cli_writes_the_page(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from permitlogic.cli import app

    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", str(HERE / "fixtures" / "county.yaml"), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    page_text = out.read_text(encoding="utf-8")
    assert page_text.startswith("<!DOCTYPE html>")
    catalog, _ = load_catalog_sourced(str(HERE / "fixtures" / "county.yaml"))
    for item in catalog.items:
        assert f'data-item="{item.id}"' in page_text


def test_unschedulable_chain_says_so(county: RenderInput, timeline: Timeline) -> None:
    stuck = timeline.model_copy(
        update={
            "schedulable": False,
            "holds": None,
            "total_days": None,
            "critical_path": [],
            "stages": [],
            "note_zh": "ZR-003 与 JS-003 互为前置",
            "note_en": "ZR-003 and JS-003 require each other",
        }
    )
    report = county.report.model_copy(update={"timelines": [stuck]})
    page_text = html.render([RenderInput(report, county.catalog, county.source, county.pack)])
    figure = re.search(r'<figure class="timeline timeline-bad".*?</figure>', page_text, re.S)
    assert figure is not None
    assert "无法排期（前置条件成环）" in figure.group(0)
    assert "ZR-003 与 JS-003 互为前置" in figure.group(0)
    assert "<svg" not in figure.group(0)
