"""The Jinja2 environment of the HTML pages, and their inlined style and script."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from permitlogic.escaping import xml_text
from permitlogic.graph import EXTERNAL_PREFIX


def template_environment(package: str, *, sort_json_keys: bool = False) -> Environment:
    """Templates from ``<package>/templates``: autoescaped, strict about names, XML-safe.

    Shared by the HTML report and the workbench, so both pages escape the same way.
    """
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        # Whatever XML cannot hold never reaches the page (then autoescape does <>&"').
        finalize=_xml_safe,
    )
    # Readable Chinese in the embedded data; tojson still escapes <, >, & and '.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": sort_json_keys}
    return env


@cache
def environment() -> Environment:
    """The report's templates (``permitlogic/report/templates``)."""
    env = template_environment("permitlogic.report")
    env.filters["num"] = _number
    env.filters["node_label"] = _node_label
    return env


def _xml_safe(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup):
        return xml_text(value)
    return value


@cache
def asset(name: str) -> Markup:
    """A style sheet or script to inline, read as written (it is our own file)."""
    text = files("permitlogic.report").joinpath("templates", name).read_text(encoding="utf-8")
    return Markup(text)


def page_style() -> Markup:
    """The style of a report page: the colours, the graph's drawing, the page's layout."""
    return asset("palette.css") + asset("graph.css") + asset("report.css")


def graph_style() -> Markup:
    """The style of the graph drawn alone (``permitlogic graph``): the colours and the drawing."""
    return asset("palette.css") + asset("graph.css")


def _number(value: float) -> str:
    """A coordinate for SVG: one decimal, no trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _node_label(node: str) -> str:
    """A graph node as people read it: ``external:银行资信证明`` → ``银行资信证明``."""
    return node.removeprefix(EXTERNAL_PREFIX)
