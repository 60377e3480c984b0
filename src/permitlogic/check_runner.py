"""The check runner: build the context once, run the selected checks, make the Report."""

from __future__ import annotations

from permitlogic import __version__
from permitlogic.checks.base import CheckContext
from permitlogic.checks.registry import selected
from permitlogic.graph import prerequisite_graph
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.models.reference import ReferenceList
from permitlogic.models.report import CatalogInfo, Finding, Report, Summary, ToolInfo
from permitlogic.packs.checks_pack import ChecksPack, bundled_checks_pack
from permitlogic.timing.timeline import chain_timelines


def build_context(
    catalog: Catalog, pack: ChecksPack | None = None, reference: ReferenceList | None = None
) -> CheckContext:
    return CheckContext(
        catalog=catalog,
        graph=prerequisite_graph(catalog),
        pack=pack or bundled_checks_pack(),
        reference=reference,
        items=catalog.item_map(),
        index={item.id: i for i, item in enumerate(catalog.items)},
    )


def check(
    catalog: Catalog,
    *,
    pack: ChecksPack | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    reference: ReferenceList | None = None,
    source: Sourced | None = None,
) -> Report:
    """Run the checks on a catalog and return the Report.

    ``select``/``ignore`` are id prefixes (``PL1`` is every structure check).
    Checks that need a reference list run only when one is given.
    """
    context = build_context(catalog, pack, reference)
    return run_checks(context, select=select, ignore=ignore, source=source)


def run_checks(
    ctx: CheckContext,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    source: Sourced | None = None,
) -> Report:
    """:func:`check` on a context already built (whose prerequisite graph the reports draw)."""
    catalog = ctx.catalog
    findings: list[Finding] = []
    checks = selected(select, ignore)
    for chosen in checks:
        if chosen.meta.needs_reference and ctx.reference is None:
            continue
        findings.extend(chosen.run(ctx))
    if source is not None:
        findings = [_located(f, ctx, source) for f in findings]
    return Report(
        tool=ToolInfo(version=__version__),
        catalog=CatalogInfo(
            id=catalog.catalog.id, items=len(catalog.items), source=source.file if source else None
        ),
        findings=findings,
        summary=Summary.of(findings),
        # The timelines are the time checks' proof: shown when those checks ran.
        timelines=chain_timelines(ctx) if any(c.meta.area == "time" for c in checks) else [],
    )


def _located(finding: Finding, ctx: CheckContext, source: Sourced) -> Finding:
    """The finding, pointing at the first of its items in the source file."""
    if finding.location is not None:
        return finding
    index = next((ctx.index[i] for i in finding.items if i in ctx.index), None)
    if index is None:
        return finding
    location = source.locate(("items", index)).model_copy(update={"key": None})
    return finding.model_copy(update={"location": location})
