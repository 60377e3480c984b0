"""``permitlogic graph``: the prerequisite graph, departments as clusters, findings coloured."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from permitlogic.check_runner import check
from permitlogic.cli.options import Lang, LangOption, OutputOption, RulesOption
from permitlogic.graph import prerequisite_graph
from permitlogic.graph_marks import marks_of
from permitlogic.graph_render import Renderer, graph_dot, graph_json, graph_svg
from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference
from permitlogic.packs.checks_pack import load_checks_pack


class GraphFormat(StrEnum):
    svg = "svg"
    dot = "dot"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("graph")(graph_command)


# Long because: a Typer command declares its options (type, default, help in two languages) in its signature.
def graph_command(
    catalog: Annotated[
        str,
        typer.Argument(
            help="目录文件：.yaml .yml .json .xlsx .csv，或 - 表示标准输入 / a catalog file, or - for stdin",
            show_default=False,
        ),
    ],
    format: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            "-f",
            help="svg（图）、dot（Graphviz 源文本）或 json（node-link 数据）/ svg, dot or json",
        ),
    ] = GraphFormat.svg,
    output: OutputOption = None,
    rules: RulesOption = None,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            help="上级取消/下放事项清单（YAML 或 XLSX），让 PL204/PL205 也参与着色 / the upper level's list",
        ),
    ] = None,
    renderer: Annotated[
        Renderer,
        typer.Option(
            "--renderer",
            help=(
                "svg 的绘制方式：auto（装有 Graphviz 时用它，否则用内置分层布局）、graphviz、builtin / "
                "how svg is drawn: auto (Graphviz when installed, else the built-in layered layout)"
            ),
        ),
    ] = Renderer.auto,
    lang: LangOption = Lang.zh,
) -> None:
    """画出前置条件关系图：部门为分组，按检查结果着色 / Draw the prerequisite graph.

    Nodes are items (and external or unlisted prerequisites), grouped by
    department; an arrow runs from a prerequisite to the item that needs it.
    Every check runs first: a node takes the colour of the worst finding
    naming it (red error, amber warning, blue info), and the edges of a cycle
    (PL101) or of a flagged prerequisite are drawn in the same colours.
    Exit code 0, or 2 for invalid input.
    """
    loaded = load_catalog(catalog)
    pack = load_checks_pack(rules)
    reference_list = load_reference(reference) if reference is not None else None
    report = check(loaded, pack=pack, reference=reference_list)
    graph = prerequisite_graph(loaded)
    marks = marks_of(graph, report.findings)
    if format is GraphFormat.json:
        rendered = graph_json(loaded, graph, marks)
    elif format is GraphFormat.dot:
        rendered = graph_dot(loaded, graph, marks, lang.value)
    else:
        rendered = graph_svg(loaded, graph, report.findings, marks, lang.value, renderer)
    if output is None:
        sys.stdout.write(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
